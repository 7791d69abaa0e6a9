/**
 * The facts a person typed into the form for a letter of a case, kept in the case file so that the
 * next letter does not ask for them again. Only facts of the case (the parties, the debt, the
 * contract, the bank) and only those the case file does not have yet: a letter's own date, deadline
 * and identity stay in the letter, and nothing the case file already says is changed. Pure.
 */
import { isMap, parseDocument } from 'yaml';
import { isObject } from '../drafting/facts.js';

/** The facts that describe a case rather than one letter of it. */
export const CASE_KEYS: readonly string[] = [
  'creditor',
  'debtor',
  'guarantor',
  'counsel',
  'contract',
  'amount',
  'currency',
  'invoices',
  'due_date',
  'goods',
  'goods_zh',
  'delivery',
  'delivery_zh',
  'terms',
  'terms_zh',
  'bank',
];

/** The case facts of `facts` that `caseData` lacks, leaf by leaf inside groups (a list or a value it has is never replaced). */
export function newCaseFacts(facts: Record<string, unknown>, caseData: Record<string, unknown>): Record<string, unknown> {
  const missing = (given: unknown, known: unknown): unknown => {
    if (known === undefined || known === null) return given;
    if (!isObject(given) || !isObject(known)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(given)) {
      const m = missing(v, known[k]);
      if (m !== undefined) out[k] = m;
    }
    return Object.keys(out).length ? out : undefined;
  };
  const out: Record<string, unknown> = {};
  for (const key of CASE_KEYS) {
    if (!Object.hasOwn(facts, key)) continue;
    const m = missing(facts[key], caseData[key]);
    if (m !== undefined) out[key] = m;
  }
  return out;
}

/** The dotted paths of the leaves (and lists) of some facts: what a message names as saved. */
export function factPaths(facts: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(facts).flatMap(([k, v]) => (isObject(v) ? factPaths(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** A case file with facts added, or why it cannot be edited (broken YAML, not a mapping). */
export type SaveFactsEdit = { ok: true; text: string; added: string[] } | { ok: false; reason: string };

/**
 * Adds facts to a case file's text where it has none: comments, key order and every value it has
 * stay as written; a new group or list is appended as a block.
 */
export function addCaseFacts(text: string, facts: Record<string, unknown>): SaveFactsEdit {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return { ok: false, reason: doc.errors[0]!.message.split('\n')[0]! };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, reason: 'the case file is not a mapping of facts' };
  const added: string[] = [];
  const add = (path: string[], value: unknown): void => {
    const existing: unknown = doc.getIn(path);
    if (existing === undefined || existing === null) {
      doc.setIn(path, doc.createNode(value));
      added.push(...(isObject(value) ? factPaths(value, `${path.join('.')}.`) : [path.join('.')]));
    } else if (isObject(value) && isMap(doc.getIn(path, true))) {
      for (const [k, v] of Object.entries(value)) add([...path, k], v);
    }
  };
  for (const [key, value] of Object.entries(facts)) add([key], value);
  return { ok: true, text: added.length ? doc.toString({ lineWidth: 0 }) : text, added };
}
