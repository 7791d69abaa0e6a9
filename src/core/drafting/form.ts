/**
 * The facts form's model: a template's facts schema (its `$ref`s to the shared facts schema
 * resolved) → groups, lists and fields with their titles, descriptions and examples in English and
 * Chinese; what a person typed → facts; facts → the messages each field shows, from the same Ajv
 * schema `dunmark render` validates with. Pure: the editor's webview only draws it.
 */
import { addDays, weekday } from '../facts/format.js';
import { isIsoDate, valueAt } from '../facts/facts.js';
import { schemaAt, type FactType } from '../facts/schema.js';
import { checkFacts, renderTemplate, resolvedSchema, type FactsError, type Template } from '../templates/index.js';
import { isObject, mergeFacts, setPath } from './facts.js';

/** A text in the two languages Dunmark speaks. */
export interface Bilingual {
  en: string;
  zh: string;
}

interface NodeBase {
  /** The property name. */
  key: string;
  /** Dotted path; `*` stands for every item of a list (`invoices.*.amount`). */
  path: string;
  required: boolean;
  title: Bilingual;
  description: Bilingual;
}

/** One input of the form. */
export interface FormField extends NodeBase {
  kind: 'text' | 'textarea' | 'email' | 'number' | 'integer' | 'date' | 'boolean' | 'select';
  example?: Bilingual;
  /** The values a select offers, with human names. */
  options?: { value: string; label: Bilingual }[];
  /** Values a text field suggests (an open list: currencies, governing laws), with human names. */
  suggestions?: { value: string; label: Bilingual }[];
}

/** A mapping (creditor, bank, contract): a fieldset. */
export interface FormGroup extends NodeBase {
  kind: 'group';
  children: FormNode[];
}

/** A list of mappings (invoices, commitments): rows a person adds and removes. */
export interface FormList extends NodeBase {
  kind: 'list';
  minItems: number;
  itemTitle: Bilingual;
  /** The fields of one row, with paths under `list.*.`. */
  item: FormNode[];
}

export type FormNode = FormField | FormGroup | FormList;

/**
 * What the form holds: the text of each input by its instance path (`invoices.0.amount`) and the
 * number of rows of each list (`invoices`). Booleans are `true`, `false` or empty.
 */
export interface FormAnswers {
  values: Record<string, string>;
  rows: Record<string, number>;
}

/** A message next to a field (by instance path), or at the top of the form (path ''). */
export interface FieldProblem {
  path: string;
  message: Bilingual;
}

type Schema = Record<string, unknown>;

/** Facts every template gets from itself, never asked. */
const FIXED = new Set(['kind', 'stage', 'clause', 'language']);

function bilingualOf(node: Schema, key: 'title' | 'description', fallback: Bilingual): Bilingual {
  const en = typeof node[key] === 'string' ? (node[key] as string) : undefined;
  const zhDocs = isObject(node['x-zh']) ? node['x-zh'] : {};
  const zh = typeof zhDocs[key] === 'string' ? (zhDocs[key] as string) : undefined;
  return en === undefined ? { en: fallback.en, zh: zh ?? fallback.zh } : { en, zh: zh ?? en };
}

function humanize(key: string): Bilingual {
  const words = key.replace(/_/g, ' ');
  const text = words.charAt(0).toUpperCase() + words.slice(1);
  return { en: text, zh: text };
}

/** A fact's example as the letter would write it: Chinese for a Chinese letter, else English (a `_zh` fact's examples are Chinese already). */
function exampleOf(node: Schema, letter: 'en' | 'zh'): Bilingual | undefined {
  const first = (list: unknown): string | undefined => (Array.isArray(list) && list.length ? String(list[0]) : undefined);
  const en = first(node.examples);
  const zh = first(isObject(node['x-zh']) ? node['x-zh'].examples : undefined) ?? en;
  const chosen = letter === 'zh' ? zh : en;
  return chosen ? { en: chosen, zh: chosen } : undefined;
}

function optionsOf(node: Schema, list: unknown): { value: string; label: Bilingual }[] | undefined {
  if (!Array.isArray(list)) return undefined;
  const labels = isObject(node['x-labels']) ? node['x-labels'] : {};
  return list.map((v) => {
    const value = String(v);
    const label = isObject(labels[value]) ? labels[value] : undefined;
    return { value, label: label && typeof label.en === 'string' && typeof label.zh === 'string' ? { en: label.en, zh: label.zh } : { en: value, zh: value } };
  });
}

function fieldKind(node: Schema, contract: FactType | undefined): FormField['kind'] {
  if (Array.isArray(node.enum)) return 'select';
  if (node.type === 'boolean') return 'boolean';
  if (node.type === 'integer') return 'integer';
  if (node.type === 'number') return 'number';
  if (node.format === 'date') return 'date';
  if (node.format === 'email') return 'email';
  return contract?.type === 'string' && contract.multiline ? 'textarea' : 'text';
}

function nodesOf(schema: Schema, prefix: string, required: boolean, depth: number, letter: 'en' | 'zh'): FormNode[] {
  const props = isObject(schema.properties) ? schema.properties : {};
  const needed = new Set(Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : []);
  const out: FormNode[] = [];
  for (const [key, raw] of Object.entries(props)) {
    if (!isObject(raw) || (depth === 0 && FIXED.has(key))) continue;
    const path = `${prefix}${key}`;
    const isRequired = required && needed.has(key);
    // a workspace template that writes its own schema (no `$ref`) still gets the contract's words for a known fact
    const known = schemaAt(path);
    const fallback = known?.title ? { en: known.title, zh: known.zh?.title ?? known.title } : humanize(key);
    const fallbackDescription = known ? { en: known.description, zh: known.zh?.description ?? known.description } : { en: '', zh: '' };
    const base = {
      key,
      path,
      required: isRequired,
      title: bilingualOf(raw, 'title', fallback),
      description: bilingualOf(raw, 'description', fallbackDescription),
    };
    if (depth < 6 && raw.type === 'object') {
      out.push({ ...base, kind: 'group', children: nodesOf(raw, `${path}.`, true, depth + 1, letter) });
    } else if (depth < 6 && raw.type === 'array' && isObject(raw.items) && raw.items.type === 'object') {
      const items = raw.items;
      out.push({
        ...base,
        kind: 'list',
        minItems: typeof raw.minItems === 'number' ? raw.minItems : 0,
        itemTitle: bilingualOf(items, 'title', base.title),
        item: nodesOf(items, `${path}.*.`, true, depth + 1, letter),
      });
    } else {
      const contract = known;
      const example = exampleOf(raw, letter);
      const options = optionsOf(raw, raw.enum);
      const suggestions = options || raw.type !== 'string' ? undefined : optionsOf(raw, raw.examples);
      out.push({
        ...base,
        kind: fieldKind(raw, contract),
        ...(example ? { example } : {}),
        ...(options ? { options } : {}),
        ...(suggestions && suggestions.length > 1 ? { suggestions } : {}),
      });
    }
  }
  return out;
}

/**
 * The form of a template's facts, in schema order: groups as fieldsets, lists of mappings as rows,
 * every other fact a field. The template's own facts (`kind`, `stage`, `language`, `clause`) are not asked.
 * Examples are written as a letter in `letterLanguage` (the template's) would write them.
 */
export function buildForm(schema: Schema, letterLanguage = 'en'): FormNode[] {
  return nodesOf(resolvedSchema(schema), '', true, 0, letterLanguage.startsWith('zh') ? 'zh' : 'en');
}

/** The instance path of a node inside list rows: `invoices.*.amount` with `invoices.0.` → `invoices.0.amount`. */
function at(path: string, rowPrefix: string, key: string): string {
  return rowPrefix ? `${rowPrefix}${key}` : path;
}

/** The form's answers for facts: every value as the text an input shows, every list's number of rows. */
export function answersFromFacts(nodes: readonly FormNode[], facts: Record<string, unknown>): FormAnswers {
  const answers: FormAnswers = { values: {}, rows: {} };
  const walk = (list: readonly FormNode[], rowPrefix: string): void => {
    for (const node of list) {
      const path = at(node.path, rowPrefix, node.key);
      if (node.kind === 'group') walk(node.children, `${path}.`);
      else if (node.kind === 'list') {
        const items = valueAt(facts, path);
        const count = Array.isArray(items) ? items.length : 0;
        answers.rows[path] = Math.max(count, node.required ? Math.max(node.minItems, 1) : 0);
        for (let i = 0; i < answers.rows[path]; i++) walk(node.item, `${path}.${i}.`);
      } else {
        const value = valueAt(facts, path);
        if (value !== undefined && value !== null && typeof value !== 'object') answers.values[path] = String(value);
      }
    }
  };
  walk(nodes, '');
  return answers;
}

const NUMBER_HINT: Bilingual = { en: 'a number such as 18400.00', zh: '数字，如 18400.00' };

/** Converts one typed answer; `problem` says why it does not fit. Blank is `undefined` with no problem. */
function convert(field: FormField, raw: string): { value?: unknown; problem?: Bilingual } {
  const v = raw.trim();
  if (!v) return {};
  const quoted = `\`${v.length > 40 ? `${v.slice(0, 37)}...` : v}\``;
  const wrong = (expected: Bilingual): { problem: Bilingual } => ({
    problem: { en: `Unexpected ${quoted}, expected ${expected.en}`, zh: `${quoted} 不符合要求，应为${expected.zh}` },
  });
  switch (field.kind) {
    case 'number':
    case 'integer': {
      const n = Number(v.replace(/,/g, ''));
      if (!Number.isFinite(n)) return wrong(field.kind === 'integer' ? { en: 'a whole number', zh: '整数' } : NUMBER_HINT);
      if (field.kind === 'integer' && !Number.isInteger(n)) return wrong({ en: 'a whole number', zh: '整数' });
      return { value: n };
    }
    case 'boolean':
      if (v !== 'true' && v !== 'false') return wrong({ en: 'yes or no', zh: '是或否' });
      return { value: v === 'true' };
    case 'date':
      return isIsoDate(v) ? { value: v } : wrong({ en: 'a calendar date as YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' });
    case 'select': {
      const option = field.options?.find((o) => o.value === v);
      if (!option)
        return wrong({
          en: `one of ${(field.options ?? []).map((o) => o.label.en).join(', ')}`,
          zh: `以下之一：${(field.options ?? []).map((o) => o.label.zh).join('、')}`,
        });
      return { value: valueOfOption(field, v) };
    }
    default:
      return { value: v };
  }
}

/** Selects of numbers (`arbitrators: 1 | 3`) give numbers back. */
function valueOfOption(field: FormField, v: string): string | number {
  return field.kind === 'select' && field.options?.every((o) => /^-?\d+(\.\d+)?$/.test(o.value)) ? Number(v) : v;
}

/**
 * The facts the answers say, over `base` (the facts the form was opened with: what it does not ask
 * is kept). A blank field removes its fact; a group left blank is removed; each list is its rows.
 * Answers that do not convert (a word for a number) are problems by instance path, their facts left out.
 */
export function factsFromAnswers(
  nodes: readonly FormNode[],
  answers: FormAnswers,
  base: Record<string, unknown> = {},
): { facts: Record<string, unknown>; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fill = (list: readonly FormNode[], rowPrefix: string, target: Record<string, unknown>): void => {
    for (const node of list) {
      const path = at(node.path, rowPrefix, node.key);
      if (node.kind === 'group') {
        const current = target[node.key];
        const inner: Record<string, unknown> = isObject(current) ? { ...current } : {};
        fill(node.children, `${path}.`, inner);
        // a required group stays, so that its missing members are named; an optional one left blank goes
        if (Object.keys(inner).length || node.required) target[node.key] = inner;
        else delete target[node.key];
      } else if (node.kind === 'list') {
        const count = answers.rows[path] ?? 0;
        const old = Array.isArray(target[node.key]) ? (target[node.key] as unknown[]) : [];
        const rows: Record<string, unknown>[] = [];
        for (let i = 0; i < count; i++) {
          const previous = old[i];
          const row: Record<string, unknown> = isObject(previous) ? { ...previous } : {};
          fill(node.item, `${path}.${i}.`, row);
          rows.push(row);
        }
        if (rows.length) target[node.key] = rows;
        else delete target[node.key];
      } else {
        const { value, problem } = convert(node, answers.values[path] ?? '');
        if (problem) problems.push({ path, message: problem });
        if (value === undefined) delete target[node.key];
        else target[node.key] = value;
      }
    }
  };
  const facts = structuredClone(base);
  fill(nodes, '', facts);
  return { facts, problems };
}

/** The form node of an instance path (`invoices.0.amount` → the `invoices.*.amount` field). */
export function nodeAt(nodes: readonly FormNode[], path: string): FormNode | undefined {
  const parts = path.split('.');
  let list: readonly FormNode[] = nodes;
  let found: FormNode | undefined;
  for (let i = 0; i < parts.length; i++) {
    found = list.find((n) => n.key === parts[i]);
    if (!found) return undefined;
    if (found.kind === 'group') list = found.children;
    else if (found.kind === 'list') {
      if (i + 1 < parts.length && /^\d+$/.test(parts[i + 1]!)) i++;
      list = found.item;
    } else list = [];
  }
  return found;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  const s = String(value);
  return `\`${s.length > 40 ? `${s.slice(0, 37)}...` : s}\``;
}

/** What a field expects, for one Ajv keyword, in both languages. */
function expected(error: FactsError, node: FormNode | undefined): Bilingual {
  const p = error.params;
  const example = node && node.kind !== 'group' && node.kind !== 'list' ? node.example : undefined;
  const such = (b: Bilingual): Bilingual => (example ? { en: `${b.en} such as ${example.en}`, zh: `${b.zh}，如 ${example.zh}` } : b);
  switch (error.keyword) {
    case 'type':
      return p.type === 'number' || p.type === 'integer'
        ? NUMBER_HINT
        : p.type === 'object'
          ? { en: 'a group of facts', zh: '一组事实' }
          : p.type === 'array'
            ? { en: 'a list', zh: '列表' }
            : { en: String(p.type), zh: String(p.type) };
    case 'format':
      return p.format === 'date'
        ? { en: 'a calendar date as YYYY-MM-DD', zh: 'YYYY-MM-DD 格式的日期' }
        : p.format === 'email'
          ? { en: 'an e-mail address such as ar@harborvalve.example', zh: '电子邮件地址，如 ar@harborvalve.example' }
          : { en: `format ${String(p.format)}`, zh: `${String(p.format)} 格式` };
    case 'pattern': {
      const contract = node ? schemaAt(node.path) : undefined;
      const hint = contract?.type === 'string' ? contract.patternHint : undefined;
      return hint
        ? { en: hint, zh: contract?.type === 'string' && contract.patternHintZh ? contract.patternHintZh : hint }
        : such({ en: 'a value in the expected form', zh: '符合格式的值' });
    }
    case 'enum': {
      const options =
        node && node.kind === 'select'
          ? (node.options ?? [])
          : ((p.allowedValues as unknown[]) ?? []).map((v) => ({ value: String(v), label: { en: String(v), zh: String(v) } }));
      return { en: `one of ${options.map((o) => o.label.en).join(', ')}`, zh: `以下之一：${options.map((o) => o.label.zh).join('、')}` };
    }
    case 'minimum':
      return { en: `${String(p.limit)} or more`, zh: `不小于 ${String(p.limit)} 的数` };
    case 'maximum':
      return { en: `${String(p.limit)} or less`, zh: `不大于 ${String(p.limit)} 的数` };
    case 'minItems':
      return { en: `at least ${String(p.limit)} row${p.limit === 1 ? '' : 's'}`, zh: `至少 ${String(p.limit)} 行` };
    default:
      return such({ en: 'a value', zh: '一个值' });
  }
}

/** A field's message for one Ajv error: "Missing …" or "Unexpected …, expected …", naming the field by its title. */
function messageOf(error: FactsError, nodes: readonly FormNode[]): FieldProblem {
  const node = nodeAt(nodes, error.path);
  const title = node?.title ?? humanize(error.path.split('.').pop() ?? error.path);
  if (error.keyword === 'required' || (error.keyword === 'minLength' && error.value === '')) {
    const example = node && node.kind !== 'group' && node.kind !== 'list' ? node.example : undefined;
    if (node?.kind === 'list')
      return { path: error.path, message: { en: `Missing ${title.en}, expected at least one row`, zh: `缺少${title.zh}，请至少添加一行` } };
    return {
      path: error.path,
      message: example
        ? { en: `Missing ${title.en}, expected a value such as ${example.en}`, zh: `缺少${title.zh}，例如 ${example.zh}` }
        : { en: `Missing ${title.en}, expected a value`, zh: `缺少${title.zh}` },
    };
  }
  if (error.keyword === 'schema')
    return {
      path: '',
      message: {
        en: `Unexpected facts schema that does not compile: ${String(error.params.message)}`,
        zh: `事实结构无法编译：${String(error.params.message)}`,
      },
    };
  const want = expected(error, node);
  const what = describeValue(error.value);
  return {
    path: error.path,
    message: { en: `Unexpected ${what} for ${title.en}, expected ${want.en}`, zh: `${title.zh}的值 ${what} 不符合要求，应为${want.zh}` },
  };
}

/**
 * The messages of one Ajv error. A missing group is named by the members it lacks (an arbitration
 * announced as the next step needs `contract.arbitration`, not just "a contract"), so that the message
 * sits next to a field a person can fill.
 */
function problemsOf(error: FactsError, template: Template, facts: Record<string, unknown>, nodes: readonly FormNode[]): FieldProblem[] {
  const node = nodeAt(nodes, error.path);
  if (error.keyword === 'required' && node?.kind === 'group') {
    const probe = structuredClone(facts);
    if (setPath(probe, error.path, {})) {
      const inner = checkFacts(template, probe).filter((e) => e.path.startsWith(`${error.path}.`) && e.keyword !== 'if');
      if (inner.length) return inner.map((e) => messageOf(e, nodes));
    }
  }
  return [messageOf(error, nodes)];
}

/** What checking the form found: the facts, each field's message, and the letter when there is none. */
export interface FormCheck {
  facts: Record<string, unknown>;
  problems: FieldProblem[];
  /** The rendered document, when every fact is valid and the template renders. */
  text?: string;
}

/**
 * Checks the answers as the form's button would use them: converts them, validates the facts with
 * the template's Ajv schema (the one `dunmark render` uses) and renders. One message per field, the
 * conversion's first; render problems that name no field go at the top.
 */
export function checkAnswers(
  template: Template,
  nodes: readonly FormNode[],
  answers: FormAnswers,
  base: Record<string, unknown> = {},
  workspace: Template[] = [],
  inherited?: Record<string, unknown>,
): FormCheck {
  const { facts, problems: converted } = factsFromAnswers(nodes, answers, base);
  const byPath = new Map<string, FieldProblem>();
  for (const p of converted) if (!byPath.has(p.path)) byPath.set(p.path, p);
  for (const error of checkFacts(template, facts)) {
    // an `if` error only says that its `then` failed: the `then`'s own error names the field
    if (error.keyword === 'if') continue;
    for (const problem of problemsOf(error, template, facts, nodes)) if (!byPath.has(problem.path)) byPath.set(problem.path, problem);
  }
  if (byPath.size) return { facts, problems: [...byPath.values()] };
  const rendered = renderTemplate(template, facts, { templates: workspace, ...(inherited ? { inherited } : {}) });
  if (rendered.ok) return { facts, problems: [], text: rendered.text };
  const problems = rendered.problems.map((p) => {
    const node = nodeAt(nodes, p.path);
    return { path: node ? p.path : '', message: { en: p.message, zh: p.message } };
  });
  return { facts, problems };
}

/** Days from a letter's date to the deadline it sets, by stage: at least the rule's minimum, two weeks by default. */
export const DEADLINE_DAYS = 14;

/** The first working day (Monday to Friday) on or after an ISO date. */
export function workingDayFrom(iso: string): string {
  const day = weekday(iso);
  return day === 6 ? addDays(iso, 2) : day === 0 ? addDays(iso, 1) : iso;
}

/**
 * Sensible defaults for what the form asks and the facts lack: the letter's date is today (the
 * configured `today` first), the deadline `days` after it on a working day, a call's date today.
 */
export function draftDefaults(
  nodes: readonly FormNode[],
  facts: Record<string, unknown>,
  options: { today: string; deadlineDays?: number },
): Record<string, unknown> {
  const asks = (key: string): boolean => nodes.some((n) => n.key === key);
  const defaults: Record<string, unknown> = {};
  const date = typeof facts.date === 'string' && isIsoDate(facts.date) ? facts.date : options.today;
  if (asks('date') && facts.date === undefined) defaults.date = options.today;
  if (asks('deadline') && facts.deadline === undefined) defaults.deadline = workingDayFrom(addDays(date, Math.max(options.deadlineDays ?? DEADLINE_DAYS, 1)));
  // a party whose name is already written in Chinese is not asked for its Chinese name again
  for (const party of ['debtor', 'creditor', 'guarantor']) {
    const group = nodes.find((n) => n.key === party);
    const given = isObject(facts[party]) ? facts[party] : {};
    if (
      group?.kind === 'group' &&
      group.children.some((c) => c.key === 'name_zh') &&
      given.name_zh === undefined &&
      typeof given.name === 'string' &&
      /[\u4e00-\u9fff]/.test(given.name)
    ) {
      defaults[party] = { name_zh: given.name };
    }
  }
  const call = nodes.find((n) => n.key === 'call');
  if (call?.kind === 'group' && call.children.some((c) => c.key === 'date') && !(isObject(facts.call) && facts.call.date !== undefined))
    defaults.call = { date: options.today };
  return mergeFacts(facts, defaults);
}
