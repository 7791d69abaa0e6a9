import {
  FACTS_SCHEMA,
  type DayCount,
  type DeliveryMethod,
  type FactType,
  type InterestRegime,
  type Kind,
  type Language,
  type NextStep,
  type Stage,
} from './schema.js';

/** A party to the case. */
export interface Party {
  name?: string;
  name_zh?: string;
  country?: string;
  contact?: string;
  email?: string;
  address?: string;
  locale?: string;
  uscc?: string;
}

/** An invoice that makes up the amount owed. */
export interface Invoice {
  number?: string;
  date?: string;
  amount?: number;
}

/** Typed case facts. A key that is missing or ill-typed is absent here (its problem is a finding). */
export interface Facts {
  kind?: Kind;
  stage?: Stage;
  clause?: string;
  date?: string;
  language?: Language;
  creditor?: Party;
  debtor?: Party;
  amount?: number;
  currency?: string;
  invoices?: Invoice[];
  due_date?: string;
  deadline?: string;
  guarantor?: { name?: string; country?: string; state?: string; address?: string };
  call?: { date?: string; with?: string; role?: string; decision_maker?: boolean };
  commitments?: { what?: string; by?: string; amount?: number; date?: string }[];
  charges?: Charge[];
  payments?: { date?: string; amount?: number; applied_to?: string; reference?: string }[];
  closed?: { date?: string; outcome?: string; note?: string };
  instalments?: { amount?: number; by?: string }[];
  events?: { date?: string; type?: string; with?: string; note?: string }[];
  disputes?: Dispute[];
  sent?: string;
  dispatch?: { method?: DeliveryMethod; to?: string; tracking?: string; delivered?: string };
  limitation?: { years?: number; from?: string };
  next_step?: NextStep;
  proceeding?: { case_number?: string; forum?: string; filed?: string };
  counsel?: { name?: string; firm?: string };
  contract?: {
    reference?: string;
    governing_law?: string;
    arbitration?: string;
    type?: string;
    notice_email?: string;
    notice_address?: string;
  };
}

/** A dispute or complaint the debtor raised: while it is open the schedule waits, and no letter demands what it disputes. */
export interface Dispute {
  date?: string;
  /** The invoice disputed; none: the whole claim. */
  invoice?: string;
  amount?: number;
  note?: string;
  /** When it was settled; an open dispute has none. */
  resolved?: string;
}

/** Interest, a fee or a cost claimed on top of the amount owed. */
export interface Charge {
  what?: string;
  amount?: number;
  basis?: string;
  type?: string;
  regime?: InterestRegime;
  rate?: number;
  markup?: number;
  principal?: number;
  from?: string;
  to?: string;
  as_of?: string;
  day_count?: DayCount;
}

/** A fact of the wrong type, by dotted path. */
export interface FactProblem {
  path: string;
  /** In English and Chinese; the engine picks the letter's language. */
  message: { en: string; zh: string };
  /** A value from the schema's list that is close to what was written. */
  suggestion?: string;
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Today's date as YYYY-MM-DD in the local time zone. */
export function isoToday(now = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The value at a dotted path (`debtor.name`, `invoices.0.amount`) of raw facts, or undefined. */
export function valueAt(data: unknown, path: string): unknown {
  let node: unknown = data;
  for (const part of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** How a wrong value is named in a message, in English and Chinese. */
function describe(value: unknown): { en: string; zh: string } {
  if (value === null) return { en: 'null', zh: '空值' };
  if (Array.isArray(value)) return { en: 'a list', zh: '列表' };
  if (value instanceof Date) return { en: 'a timestamp', zh: '时间戳' };
  switch (typeof value) {
    case 'string': {
      const q = `\`${value.length > 40 ? `${value.slice(0, 37)}...` : value}\``;
      return { en: q, zh: q };
    }
    case 'object':
      return { en: 'a mapping', zh: '映射' };
    default:
      return { en: `\`${String(value)}\``, zh: `\`${String(value)}\`` };
  }
}

function closest(value: string, options: readonly string[]): string | undefined {
  const v = value.toLowerCase().replace(/[\s_]+/g, '-');
  return options.find((o) => o.toLowerCase() === v) ?? options.find((o) => o.toLowerCase().startsWith(v.slice(0, 4)) && v.length >= 4);
}

const patterns = new Map<string, RegExp>();
function matchesPattern(pattern: string, value: string): boolean {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern)));
  return regex.test(value);
}

/** Records that `value` at `path` is not what the contract says: `expected` in English and Chinese. */
function wrong(problems: FactProblem[], path: string, value: unknown, expected: [string, string], suggestion?: string): undefined {
  const what = describe(value);
  problems.push({
    path,
    message: { en: `Unexpected ${what.en} for \`${path}\`, expected ${expected[0]}`, zh: `\`${path}\` 的值 ${what.zh} 不符合要求，应为${expected[1]}` },
    ...(suggestion ? { suggestion } : {}),
  });
  return undefined;
}

function check(type: FactType, value: unknown, path: string, problems: FactProblem[]): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type.type) {
    case 'string': {
      if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
      if (typeof value !== 'string') return wrong(problems, path, value, ['text', '文本']);
      if (type.enum && !type.open && !type.enum.includes(value)) {
        const list = type.enum.map((e) => `\`${e}\``).join(', ');
        return wrong(problems, path, value, [`one of ${list}`, `以下之一：${list}`], closest(value, type.enum));
      }
      if (type.pattern && !type.enum?.includes(value) && !matchesPattern(type.pattern, value)) {
        const hint = type.patternHint ?? type.description;
        return wrong(problems, path, value, [hint, type.patternHintZh ?? `符合格式的值（${hint}）`]);
      }
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return wrong(problems, path, value, ['a number such as 18400.00 (no currency, no thousands separators)', '数字，如 18400.00（不带币种和千位分隔符）']);
      }
      if (type.enum && !type.enum.includes(value)) {
        const list = type.enum.map((e) => `\`${e}\``).join(', ');
        return wrong(problems, path, value, [`one of ${list}`, `以下之一：${list}`]);
      }
      if (type.integer && !Number.isInteger(value)) return wrong(problems, path, value, ['a whole number', '整数']);
      if (type.minimum !== undefined && value < type.minimum) return wrong(problems, path, value, [`${type.minimum} or more`, `不小于 ${type.minimum} 的数`]);
      if (type.maximum !== undefined && value > type.maximum) return wrong(problems, path, value, [`${type.maximum} or less`, `不大于 ${type.maximum} 的数`]);
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') return wrong(problems, path, value, ['true or false', 'true 或 false']);
      return value;
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) return wrong(problems, path, value, ['a calendar date as YYYY-MM-DD', 'YYYY-MM-DD 格式的日期']);
      return value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        const keys = `${Object.keys(type.properties).slice(0, 3).join(', ')}, ...`;
        return wrong(problems, path, value, [`a mapping (${keys})`, `映射（${keys}）`]);
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = type.properties[k];
        // what only templates ask for is not part of a letter's contract
        if (!sub || sub.template) continue;
        const typed = check(sub, v, path ? `${path}.${k}` : k, problems);
        if (typed !== undefined) out[k] = typed;
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) return wrong(problems, path, value, ['a list', '列表']);
      return value.map((item, i) => check(type.items, item, `${path}.${i}`, problems) ?? {});
  }
}

/** Types raw front matter per the facts contract. Never throws. */
export function typeFacts(data: unknown): { facts: Facts; problems: FactProblem[] } {
  const problems: FactProblem[] = [];
  if (data === undefined || data === null) return { facts: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({
      path: '',
      message: { en: 'Unexpected front matter that is not a mapping of facts, expected `key: value` lines', zh: '前置信息应为 `键: 值` 形式的事实映射' },
    });
    return { facts: {}, problems };
  }
  const facts = check({ type: 'object', description: '', properties: FACTS_SCHEMA }, data, '', problems) as Facts;
  return { facts: facts ?? {}, problems };
}
