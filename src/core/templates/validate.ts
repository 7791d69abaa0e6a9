/** Facts validation with Ajv: every error, each named by its key path (`debtor.name`, `invoices.0.amount`). */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { RE2JS } from 're2js';
import { isIsoDate, valueAt } from '../facts/facts.js';
import type { FactsProblem } from './view.js';

/**
 * Schema `pattern`s (a workspace template's too) run on RE2, which matches in linear time:
 * `^(a+)+$` on a 30-character fact took 24 s with JavaScript's backtracking engine. RE2 has no
 * look-around or back-references; a pattern that uses them does not compile, and says so.
 */
const linearRegExp = Object.assign((pattern: string) => {
  const re = RE2JS.compile(pattern);
  // Ajv caches compiled patterns by `toString()`: it must tell patterns apart.
  return { test: (s: string) => re.test(s), toString: () => `re2js:${pattern}` };
}, { code: 're2js' });

const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: true, code: { regExp: linearRegExp } });
ajv.addFormat('date', { type: 'string', validate: isIsoDate });
// `x@y.z`: one `@`, no space, a dot inside the domain. A function, not /^[^\s@]+@[^\s@]+\.[^\s@]+$/, whose two `+` around the dot backtrack quadratically.
ajv.addFormat('email', { type: 'string', validate: (s: string) => /^[^\s@]+@[^\s@]+$/.test(s) && s.slice(s.indexOf('@') + 2, -1).includes('.') });
ajv.addFormat('iso-country', /^[A-Z]{2}$/);
ajv.addFormat('iso-currency', /^[A-Z]{3}$/);

const compiled = new WeakMap<object, ValidateFunction>();

/** The first chain of local `$ref`s that leads back to itself (`#/$defs/a → #/$defs/b → #/$defs/a`), if any. */
export function refLoop(schema: Record<string, unknown>): string[] | undefined {
  const target = (ref: string): unknown => {
    if (ref !== '#' && !ref.startsWith('#/')) return undefined;
    let node: unknown = schema;
    for (const part of ref.slice(2).split('/').filter((p, i) => p !== '' || i > 0)) {
      if (!node || typeof node !== 'object' || !Object.hasOwn(node, part.replace(/~1/g, '/').replace(/~0/g, '~'))) return undefined;
      node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node;
  };
  // Every object node, iteratively; from each `$ref`, follow nodes that are only a `$ref`.
  const stack: unknown[] = [schema];
  const seen = new Set<unknown>();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    for (const value of Object.values(node)) stack.push(value);
    let ref = (node as Record<string, unknown>).$ref;
    const chain: string[] = [];
    const visited = new Set<unknown>([node]);
    while (typeof ref === 'string') {
      chain.push(ref);
      const next = target(ref);
      if (!next || typeof next !== 'object') break;
      if (visited.has(next)) return chain.concat(ref === chain[0] ? [] : [chain[0]!]);
      visited.add(next);
      ref = (next as Record<string, unknown>).$ref;
    }
  }
  return undefined;
}

/** @internal Compiles a facts schema once per schema object; throws with Ajv's message when it does not compile. */
export function compileFactsSchema(schema: Record<string, unknown>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached) return cached;
  const loop = refLoop(schema);
  if (loop) throw new Error(`a \`$ref\` loop (${loop.join(' → ')}), expected every \`$ref\` to lead to a schema`);
  const { $id: _id, $schema: _schema, ...rest } = schema;
  void _id; void _schema;
  const fn = ajv.compile(rest);
  compiled.set(schema, fn);
  return fn;
}

function pathOf(error: ErrorObject): string {
  const base = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'required') base.push(String((error.params as { missingProperty: string }).missingProperty));
  return base.join('.');
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  const s = String(value);
  return `\`${s.length > 40 ? `${s.slice(0, 37)}...` : s}\``;
}


function messageOf(error: ErrorObject, path: string, facts: unknown): string {
  const value = valueAt(facts, path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `Missing fact \`${path}\`, expected a value`;
    case 'type':
      return `Unexpected ${describe(value)} for \`${path}\`, expected ${String(p.type)}`;
    case 'format':
      return `Unexpected ${describe(value)} for \`${path}\`, expected ${p.format === 'date' ? 'a calendar date as YYYY-MM-DD' : `format ${String(p.format)}`}`;
    case 'enum':
      return `Unexpected ${describe(value)} for \`${path}\`, expected one of ${(p.allowedValues as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`;
    case 'minItems':
      return `Unexpected empty list for \`${path}\`, expected at least ${String(p.limit)} item(s)`;
    case 'minLength':
      return `Unexpected empty text for \`${path}\`, expected a value`;
    default:
      return `Unexpected ${describe(value)} for \`${path}\`, expected it to ${error.message ?? 'match the schema'}`;
  }
}

/** @internal Validates facts; returns every problem, sorted by path, or an empty list. */
export function validateFacts(validate: ValidateFunction, facts: unknown): FactsProblem[] {
  if (!facts || typeof facts !== 'object' || Array.isArray(facts)) {
    return [{ path: '', message: 'Unexpected facts that are not a mapping, expected `key: value` pairs' }];
  }
  if (validate(facts)) return [];
  const seen = new Set<string>();
  const problems: FactsProblem[] = [];
  for (const error of validate.errors ?? []) {
    const path = pathOf(error);
    const message = messageOf(error, path, facts);
    if (seen.has(message)) continue;
    seen.add(message);
    problems.push({ path, message });
  }
  return problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The fact paths a schema requires (`debtor.name`, `invoices.*.number`), depth first. */
export function requiredPaths(schema: Record<string, unknown>, prefix = ''): string[] {
  const out: string[] = [];
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const props = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const key of required) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path);
    const sub = typeof key === 'string' && Object.hasOwn(props, key) ? props[key] : undefined;
    if (!sub) continue;
    if (sub.type === 'object') out.push(...requiredPaths(sub, path));
    if (sub.type === 'array' && sub.items && typeof sub.items === 'object') out.push(...requiredPaths(sub.items as Record<string, unknown>, `${path}.*`));
  }
  return out;
}
