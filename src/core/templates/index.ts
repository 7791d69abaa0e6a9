/**
 * The template catalog (built-in + workspace), facts validation and strict rendering.
 * Pure: the built-in templates are bundled as strings, workspace ones arrive as strings too.
 */
import { asOfDate, caseAsOf } from '../cases/as-of.js';
import { isObject, mergeFacts } from '../drafting/facts.js';
import Mustache from 'mustache';
import { stringify } from 'yaml';
import { BUILTIN_TEMPLATE_FILES } from './builtin.generated.js';
import { parseMustache, parseTemplateFolder, splitTemplateSource, type Token } from './parse.js';
import type { RenderResult, Template, TemplateProblem } from './types.js';
import { compileFactsSchema, factsErrors, requiredPaths, validateFacts, type FactsError } from './validate.js';
import { resolvedSchema } from './refs.js';
import { buildView } from './view.js';

export type { RenderResult, Template, TemplateProblem } from './types.js';
export { escapeMarkdown } from './escape.js';
export { parseTemplateFolder } from './parse.js';
export { requiredPaths, type FactsError } from './validate.js';
export { resolvedSchema } from './refs.js';
export { helperNames } from './view.js';

/** Options of `renderTemplate`. */
export interface RenderOptions {
  /** Workspace templates to look ids up in (they override built-in ones with the same id). */
  templates?: Template[];
  /**
   * The facts the document will inherit from its case file (`caseFacts(...).data`): the template
   * renders from them with the given facts over them, and the front matter keeps only what differs
   * from them — a letter drafted in a case folder says its kind, stage, date and deadline, not the case.
   */
  inherited?: Record<string, unknown>;
}

/** True when two fact values are the same (plain data read from YAML or JSON). */
function sameFact(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => sameFact((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

let builtins: Template[] | undefined;

/** The built-in templates, parsed once from the bundled sources. */
function builtinTemplates(): Template[] {
  if (!builtins) {
    builtins = [];
    for (const files of BUILTIN_TEMPLATE_FILES) {
      const parsed = parseTemplateFolder(files, 'builtin');
      if (parsed.ok) builtins.push(parsed.template);
    }
  }
  return builtins;
}

/** The prefix that tells a workspace template apart from the built-in one it shares an id with. */
export const WORKSPACE_PREFIX = 'workspace:';

/** True when a built-in template has this id. */
export function isBuiltinId(id: string): boolean {
  return builtinTemplates().some((t) => t.id === id);
}

/**
 * Lists the built-in templates and `extra` (workspace) ones, sorted by id. A workspace template
 * never replaces a built-in one: with the same id it is listed as `workspace:<id>`.
 */
export function listTemplates(extra: Template[] = []): Template[] {
  const byId = new Map<string, Template>();
  for (const t of builtinTemplates()) byId.set(t.id, t);
  for (const t of extra) {
    const id = byId.get(t.id)?.source === 'builtin' ? `${WORKSPACE_PREFIX}${t.id}` : t.id;
    byId.set(id, id === t.id ? t : { ...t, id });
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What `dunmark templates --format json` prints for one template. */
export function describeTemplate(t: Template): { id: string; title: string; kind: string; stage: string | null; clause: string | null; language: string; required: string[] } {
  return { id: t.id, title: t.title, kind: t.kind, stage: t.stage ?? null, clause: t.clause ?? null, language: t.language, required: requiredPaths(t.facts) };
}

/**
 * Every Ajv error of `facts` against a template's facts schema: the same compiled schema that
 * `renderTemplate` (and so `dunmark render`) validates with. A schema that does not compile is one error at the root.
 */
export function checkFacts(template: Template, facts: unknown): FactsError[] {
  try {
    return factsErrors(compileFactsSchema(template.facts), facts);
  } catch (error) {
    return [{ path: '', keyword: 'schema', params: { message: String((error as Error).message) }, value: undefined }];
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (typeof value === 'string' && value.trim() === '');
}

/** Every `{{tag}}` that would render empty with this view: Mustache would print a blank there. */
function emptyTags(tokens: Token[], view: Record<string, unknown>): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const seen = new Set<string>();
  const walk = (list: Token[], context: Mustache.Context, prefix: string): void => {
    for (const token of list) {
      const [type, name] = token;
      if (type === 'name' || type === '&') {
        const value: unknown = name === '.' ? (context as unknown as { view: unknown }).view : context.lookup(name);
        const path = prefix + name;
        if ((isEmpty(value) || typeof value === 'function' || (typeof value === 'object' && value !== null)) && !seen.has(path)) {
          seen.add(path);
          problems.push({ path, message: `Unexpected empty \`{{${name}}}\`, expected a value for \`${path}\` (a letter must never show a blank)` });
        }
      } else if (type === '#') {
        const value: unknown = context.lookup(name);
        if (Array.isArray(value)) value.forEach((item, i) => walk(token[4] ?? [], context.push(item), `${prefix}${name}.${i}.`));
        else if (value) walk(token[4] ?? [], context.push(value), typeof value === 'object' ? `${prefix}${name}.` : prefix);
      } else if (type === '^') {
        const value: unknown = context.lookup(name);
        if (!value || (Array.isArray(value) && value.length === 0)) walk(token[4] ?? [], context, prefix);
      }
    }
  };
  walk(tokens, new Mustache.Context(view), '');
  return problems;
}

const FIXED_KEYS = ['kind', 'stage', 'clause', 'language'] as const;

const VALUE_START = '\u0001';
const VALUE_END = '\u0002';
const MARKS = /[\u0001\u0002]/g;
/** A value's closing full stop, the end of the value, the template's full stop (not an ellipsis of the template's). */
const DOUBLE_STOP = /\.\u0002\.(?!\.)/g;

/**
 * The facts a template takes when they are not given: its top-level facts with a `default` in
 * `template.json` (`"prevailing_language": { "$ref": …, "default": "zh-CN" }`). The form offers them
 * already chosen; rendering without them writes them into the front matter.
 */
export function factDefaults(template: Template): Record<string, unknown> {
  const props = resolvedSchema(template.facts).properties;
  const out: Record<string, unknown> = {};
  if (!isObject(props)) return out;
  for (const [key, node] of Object.entries(props)) if (isObject(node) && node.default !== undefined && !isObject(node.default)) out[key] = node.default;
  return out;
}

/** The output's front matter: the template's identity, then the facts as given, then the template's fixed lines. */
function frontMatterOf(template: Template, fixed: Record<string, unknown>, facts: Record<string, unknown>): string {
  const out: Record<string, unknown> = {};
  for (const key of FIXED_KEYS) {
    const value = fixed[key] ?? template[key];
    if (value !== undefined) out[key] = value;
  }
  for (const [k, v] of Object.entries(facts)) if (!(k in out) && !(k in fixed)) out[k] = v;
  for (const [k, v] of Object.entries(fixed)) if (!(k in out)) out[k] = v;
  return stringify(out, { lineWidth: 0 });
}

/** The facts that belong to one document, kept in its front matter even when the case file has the same value. */
const DOCUMENT_KEYS = new Set(['kind', 'stage', 'date', 'deadline', 'language', 'call', 'commitments', 'instalments']);

/**
 * Renders a template after validating the facts; on any problem renders nothing.
 * Output: `---\n<YAML of the facts>---\n\n<body>`. Never throws.
 */
export function renderTemplate(template: Template | string, facts: unknown, options: RenderOptions = {}): RenderResult {
  try {
    const t = typeof template === 'string' ? listTemplates(options.templates ?? []).find((x) => x.id === template) : template;
    if (!t) return { ok: false, problems: [{ path: '', message: `Unknown template \`${String(template)}\`, expected one of \`dunmark templates\`` }] };
    let validate;
    try {
      validate = compileFactsSchema(t.facts);
    } catch (error) {
      return { ok: false, problems: [{ path: '', message: `Unexpected facts schema in template \`${t.id}\` that does not compile: ${String((error as Error).message)}` }] };
    }
    const own = facts;
    // the case as it stood on the new document's date (the one merge's rule: cases/as-of.ts)
    const inherited = options.inherited ? caseAsOf(options.inherited, asOfDate(isObject(own) ? own : undefined)) : undefined;
    if (inherited) facts = mergeFacts(inherited, isObject(facts) ? facts : {});
    // a choice the template makes unless told otherwise (which language prevails) is written like any fact given
    if (isObject(facts)) facts = { ...factDefaults(t), ...facts };
    const problems = validateFacts(validate, facts);
    if (problems.length) return { ok: false, problems };
    const { view, problems: viewProblems } = buildView(facts);
    if (viewProblems.length) return { ok: false, problems: viewProblems };
    const split = splitTemplateSource(t.body);
    if (split.error) return { ok: false, problems: [{ path: '', message: split.error }] };
    const parsed = parseMustache(split.body);
    if ('error' in parsed) return { ok: false, problems: [{ path: '', message: `Unexpected Mustache in template \`${t.id}\`: ${parsed.error}` }] };
    const empty = emptyTags(parsed.tokens, view);
    if (empty.length) return { ok: false, problems: empty };
    // each value is marked while it is put in, so that a value ending in a full stop ("Acme Inc.")
    // before the template's own full stop does not print two
    const body = Mustache.render(split.body, view, {}, { escape: (value: unknown) => `${VALUE_START}${String(value).replace(MARKS, '')}${VALUE_END}` })
      .replace(DOUBLE_STOP, '.')
      .replace(MARKS, '');
    const written = inherited
      ? Object.fromEntries(Object.entries(facts as Record<string, unknown>).filter(([k, v]) => !Object.hasOwn(inherited, k) || !sameFact(v, inherited[k]) || (isObject(own) && Object.hasOwn(own, k) && DOCUMENT_KEYS.has(k))))
      : (facts as Record<string, unknown>);
    const front = frontMatterOf(t, split.frontMatter, written);
    return { ok: true, text: `---\n${front}---\n\n${body.replace(/^\s*\n/, '').trimEnd()}\n` };
  } catch (error) {
    return { ok: false, problems: [{ path: '', message: `Unexpected failure while rendering: ${String((error as Error)?.message ?? error)}` }] };
  }
}
