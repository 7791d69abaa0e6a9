/**
 * One case at a glance: what is still owed, how late it is, what was sent when, what the debtor
 * promised (kept, due or broken against `payments:`), and the next action with its date from the
 * schedule. `dunmark cases` and the editor's Cases view both show what `summarizeCase` returns.
 * Pure: the caller reads the case folder (see `readCaseFolders`).
 */
import { approvalDate, approvalOfText } from '../approval/index.js';
import { readAmounts, toMinor } from '../facts/amounts.js';
import { typeFacts, type Facts } from '../facts/facts.js';
import { addDays, daysBetween } from '../facts/format.js';
import { STAGES, type Stage } from '../facts/schema.js';
import { splitFrontMatter } from '../front-matter.js';
import { parseFrontMatter } from '../front-matter-yaml.js';
import { mergeFacts } from '../facts/merge.js';
import type { DunmarkConfig } from '../types.js';

/** The steps the schedule knows: the four letters, then the legal step the last one announces. */
export type Step = Stage | 'legal-action';

/** Days after the due date each letter is due; `legal-action`: days after the letter before action's deadline. */
export type Schedule = Record<Step, number>;

/** The schedule when `.dunmarkrc.json` gives none: about weekly, growing firmer (domain notes §1). */
export const DEFAULT_SCHEDULE: Schedule = { reminder: 7, 'second-reminder': 14, 'final-demand': 28, 'letter-before-action': 42, 'legal-action': 7 };

/** A document of a case as the caller read it: its name (relative to the case folder, or a URI) and text. */
export interface CaseDocumentSource {
  name: string;
  text: string;
}

/** A document of a case, read: its kind, stage and date. */
export interface CaseDocument {
  name: string;
  kind: string | undefined;
  stage: Stage | undefined;
  date: string | undefined;
  deadline: string | undefined;
  /** A reason the document's front matter could not be read (it is listed, but says nothing). */
  problem?: string;
  /** Its reviewer's approval, when it has one or needs one: approved, changed since approved, waiting, or an unreadable record. */
  approval?: { status: 'approved' | 'changed' | 'waiting' | 'invalid'; by?: string; date?: string };
}

/** A promise of the debtor: a commitment of a call summary, an instalment of a repayment plan. */
export interface CasePromise {
  /** The document it was made in. */
  source: string;
  what: string;
  by: string;
  amount: number | undefined;
  /** kept: paid in full by its date; due: its date is to come; broken: its date passed unpaid; unchecked: no amount to check. */
  status: 'kept' | 'due' | 'broken' | 'unchecked';
}

/** What to do next on a case, and when. */
export interface NextAction {
  /** A letter's stage, the legal step, or `close` (paid: confirm the settlement and close). */
  step: Step | 'close';
  date: string;
  /** Why that date, in English. */
  reason: string;
}

/** One row of the portfolio. */
export interface CaseSummary {
  /** The case folder (as the caller names it). */
  folder: string;
  debtor: string | undefined;
  currency: string | undefined;
  /** What is still owed: `amount`, else the invoices less the payments. */
  outstanding: number | undefined;
  /** Payments received, added up. */
  paid: number;
  dueDate: string | undefined;
  /** Days from the due date to the as-of date (negative: not yet due). */
  daysOverdue: number | undefined;
  /** Every document, in date order (undated last). */
  documents: CaseDocument[];
  /** The last dated document. */
  last: CaseDocument | undefined;
  promises: CasePromise[];
  next: NextAction | undefined;
  closed: Facts['closed'] | undefined;
  /** The date the claim becomes time-barred, when a limitation function is given (the CLI and the editor give `limitationOf`). */
  limitation: string | undefined;
  /** Problems that make the summary incomplete (a case file that cannot be read, no due date). */
  problems: string[];
}

/** Options of `summarizeCase`. */
export interface SummaryOptions {
  /** The date the portfolio is seen from (YYYY-MM-DD). */
  asOf: string;
  schedule?: Partial<Schedule>;
  /** The date a claim with these facts becomes time-barred (`limitationOf(facts)?.bar`); none without it. */
  limitation?: (facts: Facts) => string | undefined;
  /** The `approval` rule's options (which documents need a reviewer's approval); `false`: the rule is off. */
  approval?: Readonly<Record<string, unknown>> | false;
}

/** The schedule of a config: its `schedule` over the default. */
export function scheduleOf(config: DunmarkConfig | undefined): Schedule {
  return { ...DEFAULT_SCHEDULE, ...config?.schedule };
}

/** A document's own front matter as a raw mapping; a problem when it cannot be read. */
function ownFacts(text: string): { data: Record<string, unknown>; problem?: string } {
  const block = splitFrontMatter(text);
  if (!block) return { data: {} };
  const fm = parseFrontMatter(text, block);
  if (fm.errors.length) return { data: {}, problem: `front matter: ${fm.errors[0]!.message}` };
  const d = fm.data;
  return { data: d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {} };
}

function byDate<T extends { date?: string | undefined }>(a: T, b: T): number {
  if (a.date === b.date) return 0;
  if (a.date === undefined) return 1;
  if (b.date === undefined) return -1;
  return a.date < b.date ? -1 : 1;
}

/** The amount a commitment names: its `amount`, else the one its words state ("Pay USD 9,200.00"). */
function promisedAmount(what: string | undefined, amount: number | undefined): number | undefined {
  if (amount !== undefined) return amount;
  const mentions = what ? readAmounts(what) : [];
  return mentions.length === 1 ? mentions[0]!.value : undefined;
}

/**
 * Checks promises against payments: taken in date order, the payments received from the first
 * promise on must add up to everything promised so far by each promise's date.
 */
export function checkPromises(promises: Omit<CasePromise, 'status'>[], payments: Facts['payments'], asOf: string, since: string | undefined): CasePromise[] {
  const sorted = [...promises].sort((a, b) => (a.by < b.by ? -1 : a.by > b.by ? 1 : 0));
  const received = (payments ?? []).filter((p) => p.date && typeof p.amount === 'number' && (!since || p.date >= since));
  const paidBy = (date: string): number => received.filter((p) => p.date! <= date).reduce((t, p) => t + toMinor(p.amount!), 0);
  let promised = 0;
  return sorted.map((p) => {
    if (p.amount === undefined) return { ...p, status: 'unchecked' as const };
    promised += toMinor(p.amount);
    const status = paidBy(p.by) >= promised ? 'kept' : p.by >= asOf ? 'due' : 'broken';
    return { ...p, status };
  });
}

/** The next step after the stages already sent. */
function stepAfter(stage: Stage | undefined): Step {
  if (stage === undefined) return 'reminder';
  return STAGES[STAGES.indexOf(stage) + 1] ?? 'legal-action';
}

/** The next action: the schedule's date for the next step, after the last letter's deadline and any promise still due, brought forward by a broken one. */
function nextAction(summary: Omit<CaseSummary, 'next'>, facts: Facts, schedule: Schedule, asOf: string): NextAction | undefined {
  if (summary.closed) return undefined;
  if (summary.outstanding !== undefined && summary.outstanding <= 0) {
    const lastPayment = [...(facts.payments ?? [])]
      .filter((p) => p.date)
      .sort(byDate)
      .pop()?.date;
    return { step: 'close', date: lastPayment && lastPayment < asOf ? lastPayment : asOf, reason: 'paid in full: confirm the settlement and close the case' };
  }
  if (!summary.dueDate) return undefined;
  const letters = summary.documents.filter((d) => d.kind === 'dunning-letter' && d.stage);
  const highest = letters.reduce<CaseDocument | undefined>(
    (top, d) => (!top || STAGES.indexOf(d.stage!) > STAGES.indexOf(top.stage!) || (d.stage === top.stage && byDate(top, d) < 0) ? d : top),
    undefined,
  );
  const step = stepAfter(highest?.stage);
  let date: string;
  let reason: string;
  if (step === 'legal-action') {
    const from = highest?.deadline ?? highest?.date ?? summary.dueDate;
    date = addDays(from, schedule['legal-action']);
    reason = `${schedule['legal-action']} days after the letter before action's ${highest?.deadline ? 'deadline' : 'date'}`;
  } else {
    date = addDays(summary.dueDate, schedule[step]);
    reason = `${schedule[step]} days after the due date`;
  }
  const lastLetter = [...letters].sort(byDate).pop();
  if (lastLetter?.deadline && addDays(lastLetter.deadline, 1) > date) {
    date = addDays(lastLetter.deadline, 1);
    reason = `the day after the deadline of ${lastLetter.name}`;
  }
  const due = summary.promises.filter((p) => p.status === 'due').sort((a, b) => (a.by < b.by ? -1 : 1))[0];
  if (due && addDays(due.by, 1) > date) {
    date = addDays(due.by, 1);
    reason = `the day after the promise of ${due.by}`;
  }
  // a promise broken since the last letter brings the next letter forward
  const broken = summary.promises
    .filter((p) => p.status === 'broken' && (!lastLetter?.date || p.by >= lastLetter.date))
    .sort((a, b) => (a.by < b.by ? -1 : 1))[0];
  if (broken && addDays(broken.by, 1) < date) {
    date = addDays(broken.by, 1);
    reason = `promise of ${broken.by} broken`;
  }
  return { step, date, reason };
}

/** Summarizes one case: its case file's facts (merged, outermost first) and its documents. */
export function summarizeCase(
  folder: string,
  caseData: Record<string, unknown>,
  documents: readonly CaseDocumentSource[],
  options: SummaryOptions,
): CaseSummary {
  const problems: string[] = [];
  const { facts, problems: factProblems } = typeFacts(caseData);
  for (const p of factProblems) problems.push(p.message.en);
  const docs: CaseDocument[] = [];
  const promises: Omit<CasePromise, 'status'>[] = [];
  // what the documents record that restarts the limitation period: a promise, a plan, an acknowledgement
  const recorded: NonNullable<Facts['events']> = [];
  const seen = new Set<string>();
  const addPromise = (source: string, what: string | undefined, by: string | undefined, amount: number | undefined): void => {
    if (!by) return;
    const value = promisedAmount(what, amount);
    const key = `${by}\u0000${value ?? what ?? ''}`;
    if (seen.has(key)) return; // the same promise recorded again (a later summary restating it)
    seen.add(key);
    promises.push({ source, what: what ?? (value !== undefined ? `Pay ${value}` : 'Promise'), by, amount: value });
  };
  for (const c of facts.commitments ?? []) addPromise('case file', c.what, c.by, c.amount);
  for (const source of [...documents].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const own = ownFacts(source.text);
    const typed = typeFacts(mergeFacts(caseData, own.data)).facts;
    const doc: CaseDocument = {
      name: source.name,
      kind: typed.kind,
      stage: typed.kind === 'dunning-letter' ? typed.stage : undefined,
      date: typed.date,
      deadline: typed.deadline,
    };
    if (own.problem) doc.problem = own.problem;
    else {
      const state = approvalOfText(source.text, own.data, mergeFacts(caseData, own.data), options.approval || undefined);
      if (state.status !== 'not-required' && !(options.approval === false && state.status === 'waiting'))
        doc.approval = { status: state.status, ...('record' in state ? { by: state.record.by, date: approvalDate(state.record) } : {}) };
    }
    docs.push(doc);
    const mine = typeFacts(own.data).facts;
    for (const c of mine.commitments ?? []) addPromise(source.name, c.what, c.by, c.amount);
    if (typed.kind === 'repayment-plan') for (const i of mine.instalments ?? []) addPromise(source.name, undefined, i.by, i.amount);
    const made = typed.call?.date ?? typed.date;
    if (made && typed.kind === 'call-summary' && mine.commitments?.length) recorded.push({ date: made, type: 'promise', note: source.name });
    if (made && typed.kind === 'repayment-plan') recorded.push({ date: made, type: 'repayment-plan', note: source.name });
    if (made && typed.kind === 'acknowledgement') recorded.push({ date: made, type: 'acknowledgement', note: source.name });
  }
  docs.sort(byDate);
  const paid = (facts.payments ?? []).reduce((t, p) => t + (typeof p.amount === 'number' ? toMinor(p.amount) : 0), 0) / 100;
  const invoiced =
    facts.invoices?.length && facts.invoices.every((i) => typeof i.amount === 'number')
      ? facts.invoices.reduce((t, i) => t + toMinor(i.amount!), 0) / 100
      : undefined;
  const outstanding = facts.amount ?? (invoiced !== undefined ? Math.round((invoiced - paid) * 100) / 100 : undefined);
  const dueDate =
    facts.due_date ??
    [...(facts.invoices ?? [])]
      .map((i) => i.date)
      .filter((d): d is string => Boolean(d))
      .sort()[0];
  if (!facts.due_date && !dueDate) problems.push('no `due_date` in the case file: no schedule');
  const dated = docs.filter((d) => d.date);
  const since = [...promises]
    .map((p) => docs.find((d) => d.name === p.source)?.date)
    .filter((d): d is string => Boolean(d))
    .sort()[0];
  const partial: Omit<CaseSummary, 'next'> = {
    folder,
    debtor: facts.debtor?.name,
    currency: facts.currency,
    outstanding,
    paid,
    dueDate,
    daysOverdue: dueDate ? daysBetween(dueDate, options.asOf) : undefined,
    documents: docs,
    last: dated[dated.length - 1],
    promises: checkPromises(promises, facts.payments, options.asOf, since),
    closed: facts.closed,
    limitation: options.limitation?.({ ...facts, events: [...(facts.events ?? []), ...recorded] }),
    problems,
  };
  return { ...partial, next: nextAction(partial, facts, { ...DEFAULT_SCHEDULE, ...options.schedule }, options.asOf) };
}

/** Which group of the Cases view a case is in on the as-of date. */
export function dueGroup(summary: CaseSummary, asOf: string): 'overdue' | 'week' | 'later' | 'closed' {
  if (!summary.next) return 'closed';
  if (summary.next.date <= asOf) return 'overdue';
  return summary.next.date <= addDays(asOf, 7) ? 'week' : 'later';
}

/** Sorts a portfolio by what is due first (closed cases and cases without a schedule last, by folder). */
export function sortPortfolio(cases: CaseSummary[]): CaseSummary[] {
  return cases.sort((a, b) => {
    const x = a.next?.date;
    const y = b.next?.date;
    if (x !== y) return x === undefined ? 1 : y === undefined ? -1 : x < y ? -1 : 1;
    return a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0;
  });
}
