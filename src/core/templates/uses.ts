/**
 * Which facts a template's body prints: every `{{name}}` resolved against its facts schema, with
 * the facts each formatting helper is made from (`amount_en` prints `amount` and `currency`,
 * `invoices_en` the number, date and amount of each invoice). The facts form asks a person only
 * for these, so that nothing typed into it is left out of the letter.
 */
import { parseMustache, splitTemplateSource, type Token } from './parse.js';
import { resolvedSchema } from './refs.js';
import type { Template } from './types.js';
import { helperBase, LIST_HELPER_READS, LIST_HELPERS } from './view.js';

type Schema = Record<string, unknown>;

/** A section a fact is printed inside: `{{#paid_in_full}}` (printed when the fact is given and true) or `{{^…}}` (when it is not). */
export interface PrintCondition {
  /** The form path of the fact the section tests (`paid_in_full`, `debtor.contact_zh`). */
  path: string;
  truthy: boolean;
}

interface Scope {
  schema: Schema;
  /** The dotted path of the scope's facts, ending in `.` (`invoices.*.`), or '' at the top. */
  prefix: string;
}

function child(schema: Schema | undefined, key: string): Schema | undefined {
  const props = schema?.properties;
  if (!props || typeof props !== 'object' || !Object.hasOwn(props, key)) return undefined;
  const sub = (props as Record<string, unknown>)[key];
  return sub && typeof sub === 'object' ? (sub as Schema) : undefined;
}

/** The schema and the form path (`*` for a list's rows) of a dotted name inside one scope. */
function resolveIn(scope: Scope, name: string): { schema: Schema; path: string } | undefined {
  let node: Schema | undefined = scope.schema;
  const path: string[] = [];
  for (const part of name.split('.')) {
    const next = child(node, part);
    if (next) {
      node = next;
      path.push(part);
    } else if (node?.type === 'array' && /^\d+$/.test(part) && node.items && typeof node.items === 'object') {
      node = node.items as Schema;
      path.push('*');
    } else return undefined;
  }
  return node ? { schema: node, path: scope.prefix + path.join('.') } : undefined;
}

function resolve(scopes: Scope[], name: string): { schema: Schema; path: string } | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const found = resolveIn(scopes[i]!, name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Every place a template prints each fact, as form paths (`debtor.name`, `invoices.*.amount`), with
 * the sections around each place that test another fact: `proposal` inside `{{^paid_in_full}}` is
 * printed only when the debt was not paid in full. A section that opens a group or a list prints
 * what is inside it; a section on a single fact (`{{#cap_amount_en}}…{{/cap_amount_en}}`) prints it.
 */
export function printedFactsWhen(template: Template): Map<string, PrintCondition[][]> {
  const out = new Map<string, PrintCondition[][]>();
  const split = splitTemplateSource(template.body);
  const parsed = parseMustache(split.body);
  if ('error' in parsed) return out;
  const add = (path: string, conditions: PrintCondition[]): void => {
    // a section on the fact itself (or on its group) is no condition on printing it
    const own = conditions.filter((c) => !(path === c.path || path.startsWith(`${c.path}.`) || c.path.startsWith(`${path}.`)));
    const list = out.get(path) ?? [];
    list.push(own);
    out.set(path, list);
  };
  const root: Scope = { schema: resolvedSchema(template.facts), prefix: '' };
  const helper = (name: string, scopes: Scope[], conditions: PrintCondition[]): string | undefined => {
    const base = helperBase(name);
    if (!base) return undefined;
    const found = resolve(scopes, base.base);
    if (found) add(found.path, conditions);
    if (base.needsCurrency) add('currency', conditions);
    if (Object.hasOwn(LIST_HELPERS, name)) {
      const reads = Object.hasOwn(LIST_HELPER_READS, name) ? LIST_HELPER_READS[name]! : [];
      for (const read of reads) add(read, conditions);
      // a helper with no list of what it prints prints every fact of its rows
      if (!reads.length && found) add(`${found.path}.*`, conditions);
    }
    return found?.path;
  };
  const walk = (tokens: Token[], scopes: Scope[], conditions: PrintCondition[]): void => {
    for (const token of tokens) {
      const [type, name] = token;
      if (type !== 'name' && type !== '&' && type !== '#' && type !== '^') continue;
      if (name === '.') continue;
      const found = resolve(scopes, name);
      const container = found && (found.schema.type === 'object' || (found.schema.type === 'array' && isObjectItems(found.schema)));
      const tested = found ? found.path : helper(name, scopes, conditions);
      if (found && !container) add(found.path, conditions);
      const inner = !container && tested && (type === '#' || type === '^') ? [...conditions, { path: tested, truthy: type === '#' }] : conditions;
      if (type === '#' && found?.schema.type === 'array' && isObjectItems(found.schema)) {
        walk(token[4] ?? [], [...scopes, { schema: found.schema.items as Schema, prefix: `${found.path}.*.` }], inner);
      } else if (type === '#' && found?.schema.type === 'object') {
        walk(token[4] ?? [], [...scopes, { schema: found.schema, prefix: `${found.path}.` }], inner);
      } else walk(token[4] ?? [], scopes, inner);
    }
  };
  walk(parsed.tokens, [root], []);
  return out;
}

function isObjectItems(schema: Schema): boolean {
  return !!schema.items && typeof schema.items === 'object' && (schema.items as Schema).type === 'object';
}

/** The facts a template prints, as form paths (`debtor.name`, `invoices.*.amount`): `printedFactsWhen` without the conditions. */
export function printedFacts(template: Template): Set<string> {
  return new Set(printedFactsWhen(template).keys());
}

/** The sections a fact is printed under, when every place it is printed has one (else undefined: it is always printed). */
export function printConditions(printed: ReadonlyMap<string, PrintCondition[][]>, path: string): PrintCondition[][] | undefined {
  const places = printed.get(path);
  if (!places || places.some((p) => p.length === 0)) return undefined;
  return places;
}

/** True when `path` (a form path) is printed: named itself, or a whole list's rows are (`invoices.*`). */
export function isPrinted(printed: ReadonlySet<string>, path: string): boolean {
  if (printed.has(path)) return true;
  for (let i = path.lastIndexOf('.*.'); i > 0; i = path.lastIndexOf('.*.', i - 1)) if (printed.has(path.slice(0, i + 2))) return true;
  return false;
}
