import { FACTS_SCHEMA, type FactType, type Kind, type Language, type NextStep, type Stage } from './schema.js';

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
  commitments?: { what?: string; by?: string; amount?: number }[];
  charges?: { what?: string; amount?: number; basis?: string }[];
  next_step?: NextStep;
  proceeding?: { case_number?: string; forum?: string; filed?: string };
  counsel?: { name?: string; firm?: string };
  contract?: { reference?: string; governing_law?: string; arbitration?: string };
}

/** A fact of the wrong type, by dotted path. */
export interface FactProblem {
  path: string;
  message: string;
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

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a timestamp';
  switch (typeof value) {
    case 'string':
      return `\`${value.length > 40 ? `${value.slice(0, 37)}...` : value}\``;
    case 'object':
      return 'a mapping';
    default:
      return `\`${String(value)}\``;
  }
}

function closest(value: string, options: readonly string[]): string | undefined {
  const v = value.toLowerCase().replace(/[\s_]+/g, '-');
  return options.find((o) => o.toLowerCase() === v) ?? options.find((o) => o.toLowerCase().startsWith(v.slice(0, 4)) && v.length >= 4);
}

function check(type: FactType, value: unknown, path: string, problems: FactProblem[]): unknown {
  if (value === null || value === undefined) return undefined;
  switch (type.type) {
    case 'string': {
      if (typeof value === 'number' || typeof value === 'boolean') value = String(value);
      if (typeof value !== 'string') {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected text` });
        return undefined;
      }
      if (type.enum && !type.open && !type.enum.includes(value)) {
        const suggestion = closest(value, type.enum);
        problems.push({
          path,
          message: `Unexpected ${describe(value)} for \`${path}\`, expected one of ${type.enum.map((e) => `\`${e}\``).join(', ')}`,
          ...(suggestion ? { suggestion } : {}),
        });
        return undefined;
      }
      if (type.pattern && !(type.enum?.includes(value)) && !new RegExp(type.pattern).test(value)) {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected ${type.patternHint ?? type.description}` });
        return undefined;
      }
      return value;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected a number such as 18400.00 (no currency, no thousands separators)` });
        return undefined;
      }
      if (type.minimum !== undefined && value < type.minimum) {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected ${type.minimum} or more` });
        return undefined;
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected true or false` });
        return undefined;
      }
      return value;
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value)) {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected a calendar date as YYYY-MM-DD` });
        return undefined;
      }
      return value;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected a mapping (${Object.keys(type.properties).slice(0, 3).join(', ')}, ...)` });
        return undefined;
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        const sub = type.properties[k];
        if (!sub) continue;
        const typed = check(sub, v, path ? `${path}.${k}` : k, problems);
        if (typed !== undefined) out[k] = typed;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(value)) {
        problems.push({ path, message: `Unexpected ${describe(value)} for \`${path}\`, expected a list` });
        return undefined;
      }
      return value.map((item, i) => check(type.items, item, `${path}.${i}`, problems) ?? {});
    }
  }
}

/** Types raw front matter per the facts contract. Never throws. */
export function typeFacts(data: unknown): { facts: Facts; problems: FactProblem[] } {
  const problems: FactProblem[] = [];
  if (data === undefined || data === null) return { facts: {}, problems };
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ path: '', message: 'Unexpected front matter that is not a mapping of facts, expected `key: value` lines' });
    return { facts: {}, problems };
  }
  const facts = check({ type: 'object', description: '', properties: FACTS_SCHEMA }, data, '', problems) as Facts;
  return { facts: facts ?? {}, problems };
}
