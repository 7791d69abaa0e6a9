/**
 * The facts form's model: a template's facts schema (its `$ref`s to the shared facts schema
 * resolved) → groups, lists and fields with their titles, descriptions and examples in English and
 * Chinese; what a person typed → facts; facts → the messages each field shows, from the same Ajv
 * schema `dunmark render` validates with. Pure: the editor's webview only draws it.
 */
import { countryName, currencyName, readCountry, readCurrency, readUsState, type CodeReading } from '../facts/codes.js';
import { readDates } from '../facts/dates.js';
import { addDays, formatDate, weekday } from '../facts/format.js';
import { isIsoDate, valueAt } from '../facts/facts.js';
import { schemaAt, type FactType } from '../facts/schema.js';
import { checkFacts, renderTemplate, resolvedSchema, type FactsError, type Template } from '../templates/index.js';
import { isPrinted, printConditions, printedFactsWhen, type PrintCondition } from '../templates/uses.js';
import { helperBase } from '../templates/view.js';
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
  /** A code typed in words and stored as the contract writes it (`USA` → `US`, `usd` → `USD`, `CA` → `California`). */
  codes?: 'country' | 'currency' | 'us-state';
  /** A list of plain values (documents held as evidence): a textarea, one value a line. */
  lines?: boolean;
  /** A fact the template needs although its text does not print it (kept in the letter's facts). */
  unprinted?: boolean;
  /** What the template takes when nothing is chosen (`template.json`'s `default`): the form opens with it. */
  default?: string | number | boolean;
  /**
   * The sections the letter prints this fact under, when it prints it only under some (`proposal`
   * when the debt was not paid in full): one list of conditions per place. The form asks it only while one holds.
   */
  when?: PrintCondition[][];
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

/** How a form is built: the letter's language (its examples) and which facts the letter prints. */
interface BuildContext {
  letter: 'en' | 'zh';
  /** Form paths the template prints (`printedFacts`); absent: every fact is asked. */
  printed?: ReadonlySet<string>;
  /** Where each fact is printed, with the sections around it (`printedFactsWhen`). */
  when?: ReadonlyMap<string, PrintCondition[][]>;
}

/** True when some field among `nodes` (at any depth) is printed by the letter. */
function printsAny(nodes: readonly FormNode[]): boolean {
  return nodes.some((n) => (n.kind === 'group' ? printsAny(n.children) : n.kind === 'list' ? printsAny(n.item) : !n.unprinted));
}

/** `chain`: every group and list above is required, so a required fact here must be given for the template to render. */
function nodesOf(schema: Schema, prefix: string, chain: boolean, depth: number, context: BuildContext): FormNode[] {
  const { letter, printed } = context;
  const props = isObject(schema.properties) ? schema.properties : {};
  const needed = new Set(Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string') : []);
  const out: FormNode[] = [];
  for (const [key, raw] of Object.entries(props)) {
    if (!isObject(raw) || (depth === 0 && FIXED.has(key))) continue;
    const path = `${prefix}${key}`;
    const isRequired = needed.has(key);
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
      const children = nodesOf(raw, `${path}.`, chain && isRequired, depth + 1, context);
      // a group of facts the letter does not print is not asked at all
      if (!printed || printsAny(children)) out.push({ ...base, kind: 'group', children });
    } else if (depth < 6 && raw.type === 'array' && isObject(raw.items) && raw.items.type === 'object') {
      const items = raw.items;
      const item = nodesOf(items, `${path}.*.`, chain && isRequired, depth + 1, context);
      if (printed && !printsAny(item)) continue;
      out.push({
        ...base,
        kind: 'list',
        minItems: typeof raw.minItems === 'number' ? raw.minItems : 0,
        itemTitle: bilingualOf(items, 'title', base.title),
        item,
      });
    } else {
      // every fact typed reaches the letter: a fact it does not print is not asked, unless the template cannot do
      // without it (required here: at the top, or in a group or row that is given)
      const shown = !printed || isPrinted(printed, path);
      if (!shown && !isRequired) continue;
      const contract = known;
      const example = exampleOf(raw, letter) ?? (isObject(raw.items) ? exampleOf(raw.items, letter) : undefined);
      const options = optionsOf(raw, raw.enum);
      const suggestions = options || raw.type !== 'string' ? undefined : optionsOf(raw, raw.examples);
      const lines = raw.type === 'array' && isObject(raw.items) && raw.items.type !== 'object';
      // a fact the template needs is always asked; one it prints only in some cases, only in those
      const when = context.when && !isRequired ? printConditions(context.when, path) : undefined;
      const codes = contract?.type === 'string' ? contract.codes : typeof raw['x-codes'] === 'string' ? (raw['x-codes'] as FormField['codes']) : undefined;
      out.push({
        ...base,
        kind: lines ? 'textarea' : fieldKind(raw, contract),
        ...(lines ? { lines: true } : {}),
        ...(example ? { example } : {}),
        ...(options ? { options } : {}),
        ...(suggestions && suggestions.length > 1 ? { suggestions } : {}),
        ...(codes ? { codes } : {}),
        ...(shown ? {} : { unprinted: true }),
        ...(when ? { when } : {}),
        ...(['string', 'number', 'boolean'].includes(typeof raw.default) ? { default: raw.default as string | number | boolean } : {}),
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
export function buildForm(
  schema: Schema,
  letterLanguage = 'en',
  options: { printed?: ReadonlySet<string>; when?: ReadonlyMap<string, PrintCondition[][]> } = {},
): FormNode[] {
  const context: BuildContext = {
    letter: letterLanguage.startsWith('zh') ? 'zh' : 'en',
    ...(options.printed ? { printed: options.printed } : {}),
    ...(options.when ? { when: options.when } : {}),
  };
  return nodesOf(resolvedSchema(schema), '', true, 0, context);
}

/**
 * The form of a template as a person fills it: only the facts its text prints (and those it cannot
 * render without, marked `unprinted`), so that every fact typed reaches the letter.
 */
export function templateForm(template: Template): FormNode[] {
  const when = printedFactsWhen(template);
  return buildForm(template.facts, template.language, { printed: new Set(when.keys()), when });
}

/** How dates are written in the form: as the letter writes them (`4 December 2026`, `2026年12月4日`). */
export type DateStyle = 'en' | 'zh';

/** The date style of a letter in `language` (`en`, `zh-CN`, `en+zh-CN`); a bilingual letter's form writes dates in the form's language. */
export function dateStyleOf(language: string, formLanguage: 'en' | 'zh' = 'en'): DateStyle {
  return language.includes('+') ? formLanguage : language.startsWith('zh') ? 'zh' : 'en';
}

/** The form with each date's example written as the form writes dates (`4 December 2026`, `2026年12月4日`). */
export function localiseDates(nodes: readonly FormNode[], style: DateStyle): FormNode[] {
  return nodes.map((node): FormNode => {
    if (node.kind === 'group') return { ...node, children: localiseDates(node.children, style) };
    if (node.kind === 'list') return { ...node, item: localiseDates(node.item, style) };
    if (node.kind !== 'date' || !node.example || !isIsoDate(node.example.en)) return node;
    const shown = formatDate(node.example.en, style);
    return { ...node, example: { en: shown, zh: shown } };
  });
}

/** The instance path of a node inside list rows: `invoices.*.amount` with `invoices.0.` → `invoices.0.amount`. */
function at(path: string, rowPrefix: string, key: string): string {
  return rowPrefix ? `${rowPrefix}${key}` : path;
}

/** The form's answers for facts: every value as the text an input shows, every list's number of rows. */
export function answersFromFacts(nodes: readonly FormNode[], facts: Record<string, unknown>, style: DateStyle = 'en'): FormAnswers {
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
        if (node.lines && Array.isArray(value)) answers.values[path] = value.filter((v) => typeof v !== 'object').join('\n');
        else if (value !== undefined && value !== null && typeof value !== 'object') answers.values[path] = displayOf(node, value, style) ?? String(value);
      }
    }
  };
  walk(nodes, '');
  return answers;
}

const NUMBER_HINT: Bilingual = { en: 'a number such as 18400.00', zh: '数字，如 18400.00' };
const DATE_HINT: Bilingual = { en: 'a date such as 4 December 2026 or 2026-12-04', zh: '日期，如 2026年12月4日 或 2026-12-04' };

/**
 * Reads a date as a person types it: ISO (`2026-12-04`), written out in English (`4 December 2026`,
 * `Dec 4, 2026`) or Chinese (`2026年12月4日`), or numeric when only one reading is a date. `04/12/2026`,
 * which is 4 December or 12 April, is refused as ambiguous.
 */
export function readDate(raw: string): { iso: string } | { ambiguous: true } | { unknown: true } {
  const v = raw.trim();
  const found = readDates(v);
  const whole = found.length === 1 && found[0]!.start === 0 && v.slice(found[0]!.end).replace(/^[\s.,]+$/, '') === '' ? found[0]! : undefined;
  if (!whole) return { unknown: true };
  if (whole.iso) return { iso: whole.iso };
  return whole.ambiguous ? { ambiguous: true } : { unknown: true };
}

function codeReading(field: FormField, v: string): CodeReading | undefined {
  if (field.codes === 'country') return readCountry(v);
  if (field.codes === 'currency') return readCurrency(v);
  if (field.codes === 'us-state') return readUsState(v);
  return undefined;
}

/** Converts one typed answer; `problem` says why it does not fit. Blank is `undefined` with no problem. */
function convert(field: FormField, raw: string): { value?: unknown; problem?: Bilingual } {
  const v = raw.trim();
  if (!v) return {};
  if (field.lines)
    return {
      value: v
        .split(/\r?\n/)
        .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
        .filter(Boolean),
    };
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
    case 'date': {
      const read = readDate(v);
      if ('iso' in read) return { value: read.iso };
      if ('ambiguous' in read)
        return {
          problem: {
            en: `Unexpected ${quoted}, which reads as two different dates, expected the month written out (4 December 2026) or 2026-12-04`,
            zh: `${quoted} 可读作两个不同的日期，应写明月份（2026年12月4日）或写作 2026-12-04`,
          },
        };
      return wrong(DATE_HINT);
    }
    case 'select': {
      const option = field.options?.find((o) => o.value === v);
      if (!option)
        return wrong({
          en: `one of ${(field.options ?? []).map((o) => o.label.en).join(', ')}`,
          zh: `以下之一：${(field.options ?? []).map((o) => o.label.zh).join('、')}`,
        });
      return { value: valueOfOption(field, v) };
    }
    default: {
      const code = codeReading(field, v);
      if (!code) return { value: v };
      if ('value' in code) return { value: code.value };
      if ('ambiguous' in code)
        return {
          problem: {
            en: `Unexpected ${quoted}, which several currencies use, expected one of ${code.ambiguous.join(', ')}`,
            zh: `${quoted} 可指多种币种，应为以下之一：${code.ambiguous.join('、')}`,
          },
        };
      // what the code list does not know is left to the schema's own message (two capital letters, ISO 4217)
      return { value: v };
    }
  }
}

/** The text a field shows for a stored value: a date as the letter writes it, a code as stored. Undefined: as stored. */
export function displayOf(node: FormNode, value: unknown, style: DateStyle): string | undefined {
  if (node.kind === 'date' && typeof value === 'string' && isIsoDate(value)) return formatDate(value, style);
  return undefined;
}

const WEEKDAYS: Bilingual[] = [
  { en: 'Sunday', zh: '星期日' },
  { en: 'Monday', zh: '星期一' },
  { en: 'Tuesday', zh: '星期二' },
  { en: 'Wednesday', zh: '星期三' },
  { en: 'Thursday', zh: '星期四' },
  { en: 'Friday', zh: '星期五' },
  { en: 'Saturday', zh: '星期六' },
];

/** What a field says under a value it understood: a date's weekday and ISO form, a code's name. */
function noteOf(field: FormField, value: unknown): Bilingual | undefined {
  if (field.kind === 'date' && typeof value === 'string' && isIsoDate(value)) {
    const day = WEEKDAYS[weekday(value)]!;
    return { en: `${day.en} · stored as ${value}`, zh: `${day.zh} · 存为 ${value}` };
  }
  if (typeof value !== 'string') return undefined;
  if (field.codes === 'country') {
    const en = countryName(value, 'en');
    const zh = countryName(value, 'zh');
    return en && zh ? { en, zh } : undefined;
  }
  if (field.codes === 'currency') {
    const en = currencyName(value, 'en');
    const zh = currencyName(value, 'zh');
    return en && zh ? { en, zh } : undefined;
  }
  return undefined;
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
  style: DateStyle = 'en',
  hidden: ReadonlySet<string> = new Set(),
): { facts: Record<string, unknown>; problems: FieldProblem[]; normalised: Record<string, string>; notes: Record<string, Bilingual> } {
  const problems: FieldProblem[] = [];
  const normalised: Record<string, string> = {};
  const notes: Record<string, Bilingual> = {};
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
      } else if (hidden.has(path)) {
        // not asked now (the letter does not print it with these answers): what the facts had stays
        continue;
      } else {
        const typed = answers.values[path] ?? '';
        const { value, problem } = convert(node, typed);
        if (problem) problems.push({ path, message: problem });
        if (value !== undefined && !problem) {
          // what the field shows once the person leaves it: `usa` becomes `US`, `2026-12-04` becomes `4 December 2026`
          const shown = displayOf(node, value, style) ?? (typeof value === 'string' ? value : undefined);
          if (shown !== undefined && shown !== typed) normalised[path] = shown;
          const note = noteOf(node, value);
          if (note) notes[path] = note;
        }
        if (value === undefined) delete target[node.key];
        else target[node.key] = value;
      }
    }
  };
  const facts = structuredClone(base);
  fill(nodes, '', facts);
  return { facts, problems, normalised, notes };
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
  /** What a field shows once left, where it differs from what was typed (`usa` → `US`, a date as the letter writes it). */
  normalised: Record<string, string>;
  /** A line under a field that says how its value was understood (a date's weekday, a country's name). */
  notes: Record<string, Bilingual>;
  /** Instance paths of the facts the template needs now: its required ones and those another answer makes required. */
  required: string[];
  /** Instance paths of fields not asked with these answers: the letter would not print them (`proposal` once paid in full). */
  hidden: string[];
}

/** Mustache's idea of a value that opens a section: given, not false, not empty, not zero, not an empty list. */
function truthy(value: unknown): boolean {
  return !(value === undefined || value === null || value === false || value === '' || value === 0 || (Array.isArray(value) && value.length === 0));
}

/** The fields whose every place in the letter sits in a section that these facts keep closed. */
function hiddenFields(nodes: readonly FormNode[], answers: FormAnswers, facts: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const walk = (list: readonly FormNode[], rowPrefix: string): void => {
    for (const node of list) {
      const path = at(node.path, rowPrefix, node.key);
      if (node.kind === 'group') walk(node.children, `${path}.`);
      else if (node.kind === 'list') for (let i = 0; i < (answers.rows[path] ?? 0); i++) walk(node.item, `${path}.${i}.`);
      else if (node.when) {
        const instance = path.split('.');
        const open = (c: PrintCondition): boolean => {
          // a condition inside a row tests the fact of the same row
          const concrete = c.path
            .split('.')
            .map((part, i) => (part === '*' ? (instance[i] ?? part) : part))
            .join('.');
          return truthy(valueAt(facts, concrete)) === c.truthy;
        };
        if (!node.when.some((place) => place.every(open))) out.add(path);
      }
    }
  };
  walk(nodes, '');
  return out;
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
  style: DateStyle = 'en',
): FormCheck {
  const hidden = hiddenFields(nodes, answers, factsFromAnswers(nodes, answers, base, style).facts);
  const { facts, problems: converted, normalised, notes } = factsFromAnswers(nodes, answers, base, style, hidden);
  const required = requiredNow(template, nodes, answers, facts);
  const extra = { normalised, notes, required, hidden: [...hidden] };
  const byPath = new Map<string, FieldProblem>();
  for (const p of converted) if (!byPath.has(p.path)) byPath.set(p.path, p);
  for (const error of checkFacts(template, facts)) {
    // an `if` error only says that its `then` failed: the `then`'s own error names the field
    if (error.keyword === 'if') continue;
    for (const problem of problemsOf(error, template, facts, nodes)) if (!byPath.has(problem.path)) byPath.set(problem.path, problem);
  }
  if (byPath.size) return { facts, problems: [...byPath.values()], ...extra };
  const rendered = renderTemplate(template, facts, { templates: workspace, ...(inherited ? { inherited } : {}) });
  if (rendered.ok) return { facts, problems: [], text: rendered.text, ...extra };
  const problems = rendered.problems.map((p): FieldProblem => {
    const node = nodeAt(nodes, p.path);
    if (node) return { path: p.path, message: { en: p.message, zh: p.message } };
    // a formatting helper with nothing to write (`governing_law_en` of a law Dunmark has no words for) is its fact's problem
    const base = helperBase(p.path)?.base;
    const field = base ? nodeAt(nodes, base) : undefined;
    if (base && field && field.kind !== 'group' && field.kind !== 'list') {
      const value = describeValue(valueAt(facts, base));
      const known = field.suggestions ?? field.options;
      return {
        path: base,
        message: known
          ? {
              en: `Unexpected ${value} for ${field.title.en}, expected one of ${known.map((o) => o.value).join(', ')}`,
              zh: `${field.title.zh}的值 ${value} 无法写入函件，应为以下之一：${known.map((o) => o.value).join('、')}`,
            }
          : { en: p.message, zh: p.message },
      };
    }
    return { path: '', message: { en: p.message, zh: p.message } };
  });
  return { facts, problems, ...extra };
}

/**
 * The instance paths of every field and list the template needs with these answers: required all
 * the way from the top (a required member of an optional group once the group is given), and those
 * another answer makes required (an arbitration announced as the next step needs the institution),
 * found by taking each given optional fact away and asking the schema whether it is then missing.
 */
function requiredNow(template: Template, nodes: readonly FormNode[], answers: FormAnswers, facts: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const missingAt = (probe: Record<string, unknown>): Set<string> => {
    const missing = new Set<string>();
    for (const error of checkFacts(template, probe)) {
      if (error.keyword !== 'required' && error.keyword !== 'minItems') continue;
      missing.add(error.path);
      // a group that is missing is needed for the members it must have (the institution of a contract)
      const group = structuredClone(probe);
      if (nodeAt(nodes, error.path)?.kind === 'group' && setPath(group, error.path, {}))
        for (const inner of checkFacts(template, group)) if (inner.keyword === 'required' && inner.path.startsWith(`${error.path}.`)) missing.add(inner.path);
    }
    return missing;
  };
  for (const path of missingAt(facts)) out.add(path);
  const walk = (list: readonly FormNode[], rowPrefix: string, chain: boolean): void => {
    for (const node of list) {
      const path = at(node.path, rowPrefix, node.key);
      const given = valueAt(facts, path) !== undefined;
      if (chain && node.required) out.add(path);
      else if (given && !out.has(path) && node.kind !== 'group') {
        const probe = structuredClone(facts);
        if (deletePath(probe, path) && missingAt(probe).has(path)) out.add(path);
      }
      if (node.kind === 'group') walk(node.children, `${path}.`, (chain && node.required) || given);
      else if (node.kind === 'list') for (let i = 0; i < (answers.rows[path] ?? 0); i++) walk(node.item, `${path}.${i}.`, true);
    }
  };
  walk(nodes, '', true);
  return [...out];
}

/** Removes the fact at a dotted path; false when there is none. */
function deletePath(facts: Record<string, unknown>, path: string): boolean {
  const parts = path.split('.');
  let node: unknown = facts;
  for (const part of parts.slice(0, -1)) {
    node = isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[part] : undefined;
    if (node === undefined) return false;
  }
  const last = parts[parts.length - 1]!;
  if (!isObject(node) || !Object.hasOwn(node, last)) return false;
  delete node[last];
  return true;
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
  // what the template chooses unless told otherwise (which language prevails) is shown chosen
  for (const node of nodes)
    if (node.kind !== 'group' && node.kind !== 'list' && node.default !== undefined && facts[node.key] === undefined) defaults[node.key] = node.default;
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
