/**
 * Changes to a case file that the editor's Cases view makes (Record Payment, Close Case), and what
 * the next letter of a case is drafted from. The YAML is edited as a document: comments, key order
 * and the rest of the file stay as the user wrote them. Pure.
 */
import { isMap, isSeq, parseDocument } from 'yaml';
import { toMinor } from '../facts/amounts.js';
import { addDays } from '../facts/format.js';
import type { Facts } from '../facts/facts.js';
import { calendarFor, nextWorkingDay } from '../law/calendar.js';
import type { CaseSummary } from './portfolio.js';
import { draftFileName } from '../drafting/names.js';

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
    // an empty `payments: []` becomes a block list (one payment a few lines, like any other); a list with items keeps its style
    append(doc, 'payments', entry);
    const amount: unknown = doc.get('amount');
    if (typeof amount === 'number') doc.set('amount', Math.max(0, toMinor(amount) - toMinor(payment.amount)) / 100);
  });
}

/** Appends an entry to a list of the case file (an empty `key: []` becomes a block list; a list with items keeps its style). */
function append(doc: ReturnType<typeof parseDocument>, key: string, entry: Record<string, unknown>): void {
  const list: unknown = doc.get(key);
  if (isSeq(list) && list.items.length > 0) list.add(doc.createNode(entry));
  else doc.set(key, doc.createNode([entry]));
}

/** What a call recorded in the case file: that it happened, what was promised, and a dispute raised on it. */
export interface RecordedCall {
  date: string;
  with: string;
  /** A promise to pay: the amount and the date, and its words. */
  promise?: { what: string; by: string; amount: number };
  /** A complaint or dispute the debtor raised: the invoice (none: the whole claim) and what they say. */
  dispute?: { invoice?: string; note: string };
}

/**
 * Records a call in the case file: an event (`type: call`), the promise in `commitments:` with the
 * date it was made, and a dispute in `disputes:`; the case then remembers them for every later letter.
 */
export function recordCall(text: string, call: RecordedCall): CaseEdit {
  return edit(text, (doc) => {
    append(doc, 'events', { date: call.date, type: call.dispute ? 'dispute' : 'call', with: call.with });
    if (call.promise) append(doc, 'commitments', { what: call.promise.what, by: call.promise.by, amount: call.promise.amount, date: call.date });
    if (call.dispute) append(doc, 'disputes', { date: call.date, ...(call.dispute.invoice ? { invoice: call.dispute.invoice } : {}), note: call.dispute.note });
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
 * case to close, a dispute to answer, or a closed case. Dated `asOf`; from the second reminder on
 * with a deadline two weeks on, or the date of a promise still open when that is later, moved to a
 * working day where the debtor is.
 */
export function nextDraft(summary: CaseSummary, facts: Facts, asOf: string): NextDraft | undefined {
  const step = summary.next?.step;
  if (!step || step === 'close' || step === 'legal-action' || step === 'dispute') return undefined;
  // the debtor's own reading language first (a Chinese company may read English); its country otherwise
  const locale = facts.debtor?.locale;
  const chinese = typeof locale === 'string' && locale !== '' ? /^zh\b/i.test(locale) : facts.debtor?.country === 'CN';
  const late = step === 'final-demand' || step === 'letter-before-action';
  const language = chinese && late ? 'en+zh-CN' : 'en';
  const own: Record<string, unknown> = { date: asOf };
  if (step !== 'reminder') {
    // never before a promise the debtor still has time to keep (the letter then says what was promised), and on a working day there
    const promised = summary.promises.filter((p) => p.status === 'due' && p.by >= asOf).map((p) => p.by);
    const earliest = [addDays(asOf, DEADLINE_DAYS), ...promised].sort().pop()!;
    own.deadline = nextWorkingDay(calendarFor(facts.debtor?.country), earliest).iso;
  }
  return { kind: 'dunning-letter', stage: step, language, facts: own, fileName: draftFileName({ stage: step }, asOf) };
}
