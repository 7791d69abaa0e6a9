/**
 * Changes to a case file that the editor's Cases view makes (Record Payment, Close Case), and what
 * the next letter of a case is drafted from. The YAML is edited as a document: comments, key order
 * and the rest of the file stay as the user wrote them. Pure.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { toMinor } from '../facts/amounts.js';
import { addDays } from '../facts/format.js';
import type { Facts } from '../facts/facts.js';
import type { CaseSummary } from './portfolio.js';

/** A case file edit: the new text, or why the file cannot be edited (its YAML is broken). */
export type CaseEdit = { ok: true; text: string } | { ok: false; reason: string };

function edit(text: string, change: (doc: ReturnType<typeof parseDocument>) => void): CaseEdit {
  const doc = parseDocument(text, { keepSourceTokens: false });
  if (doc.errors.length) return { ok: false, reason: doc.errors[0]!.message.split('\n')[0]! };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, reason: 'the case file is not a mapping of facts' };
  change(doc);
  return { ok: true, text: doc.toString({ lineWidth: 0 }) };
}

/**
 * Records a payment received: appended to `payments:`, and `amount` (what is still owed) reduced by
 * it, so the case file keeps adding up (`invoice-total`: the invoices less the payments).
 */
export function recordPayment(text: string, payment: { date: string; amount: number; reference?: string; applied_to?: string }): CaseEdit {
  return edit(text, (doc) => {
    const entry = {
      date: payment.date,
      amount: payment.amount,
      ...(payment.applied_to ? { applied_to: payment.applied_to } : {}),
      ...(payment.reference ? { reference: payment.reference } : {}),
    };
    const payments: unknown = doc.get('payments');
    // an empty `payments: []` becomes a block list (one payment a few lines, like any other); a list with items keeps its style
    if (isSeq(payments) && payments.items.length > 0) payments.add(doc.createNode(entry));
    else doc.set('payments', doc.createNode([entry]));
    const amount: unknown = doc.get('amount');
    if (typeof amount === 'number') doc.set('amount', Math.max(0, toMinor(amount) - toMinor(payment.amount)) / 100);
  });
}

/** Closes a case: `closed: { date, outcome }` (a case without it is open). */
export function closeCase(text: string, closed: { date: string; outcome: string; note?: string }): CaseEdit {
  return edit(text, (doc) => {
    doc.set('closed', doc.createNode({ date: closed.date, outcome: closed.outcome, ...(closed.note ? { note: closed.note } : {}) }));
  });
}

/** What the next letter of a case is drafted from: which template fits, its facts, and the file name. */
export interface NextDraft {
  kind: 'dunning-letter';
  stage: string;
  /** The language the letter should be in: English, and bilingual from the final demand on to a debtor who reads Chinese. */
  language: string;
  /** The letter's own facts (the case file gives the rest). */
  facts: Record<string, unknown>;
  /** A file name in the case folder: `YYYY-MM-DD-stage.md`. */
  fileName: string;
}

/** Days a letter from the second reminder on gives the debtor to pay. */
export const DEADLINE_DAYS = 14;

/**
 * The next letter of a case, when its next action is a letter; undefined for the legal step, a
 * case to close, or a closed case. Dated `asOf`; from the second reminder on with a deadline.
 */
export function nextDraft(summary: CaseSummary, facts: Facts, asOf: string): NextDraft | undefined {
  const step = summary.next?.step;
  if (!step || step === 'close' || step === 'legal-action') return undefined;
  // the debtor's own reading language first (a Chinese company may read English); its country otherwise
  const locale = facts.debtor?.locale;
  const chinese = typeof locale === 'string' && locale !== '' ? /^zh\b/i.test(locale) : facts.debtor?.country === 'CN';
  const late = step === 'final-demand' || step === 'letter-before-action';
  const language = chinese && late ? 'en+zh-CN' : 'en';
  const own: Record<string, unknown> = { date: asOf };
  if (step !== 'reminder') own.deadline = addDays(asOf, DEADLINE_DAYS);
  return { kind: 'dunning-letter', stage: step, language, facts: own, fileName: `${asOf}-${step}.md` };
}
