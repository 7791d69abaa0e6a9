/**
 * A case as it stood on a date. A case file grows as the case goes on: payments, events, promises
 * and disputes are appended, each with its date, and `amount` (what is owed now) goes down with every
 * payment. A document speaks as of its own date, so the facts it inherits are the case's on that
 * date: what is dated after it is left out, and the payments after it are added back to `amount`.
 * `documentFacts` (case-file.ts), the one merge, applies it; pure.
 */
import { toMinor } from '../facts/amounts.js';
import { isIsoDate } from '../facts/facts.js';
import type { Kind } from '../facts/schema.js';

/** The lists of a case file that record what happened, each entry with the date it happened. */
export const HISTORY_KEYS = ['payments', 'events', 'commitments', 'disputes'] as const;

/**
 * The facts a recording (a payment, a call) may change for a document and that can make it wrong:
 * what is owed, the payments, the promises and the disputes. (`events` only add to what a letter may
 * rely on; a document never keeps the case's event notes as its own.)
 */
export const RECORDED_KEYS = ['amount', 'payments', 'commitments', 'disputes'] as const;

/** The kinds of document that go to the debtor, and so are sent (the others stay inside). */
export const SENT_KINDS: readonly Kind[] = ['dunning-letter', 'call-summary', 'repayment-plan', 'acknowledgement', 'settlement-confirmation'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An ISO date, or undefined for anything else. */
function isoDate(value: unknown): string | undefined {
  return typeof value === 'string' && isIsoDate(value) ? value : undefined;
}

/** The date an entry of a history list happened (`date`; a promise without one was made when it was recorded). */
function entryDate(entry: unknown): string | undefined {
  return isRecord(entry) ? isoDate(entry.date) : undefined;
}

/**
 * The date a document speaks as of: its `date`, else the date it was `sent`; undefined when it has
 * neither (it then inherits the case as it stands).
 */
export function asOfDate(own: Record<string, unknown> | undefined): string | undefined {
  return isoDate(own?.date) ?? isoDate(own?.sent);
}

/**
 * The case facts as they stood on `date`: entries of `payments`, `events`, `commitments` and
 * `disputes` dated after it are left out, `closed` after it too, and `amount` gets back what the
 * payments left out had taken off it. An entry without a date stays (nothing says it is later).
 * Without a date, the facts as they are. Never changes its input.
 */
export function caseAsOf(data: Record<string, unknown>, date: string | undefined): Record<string, unknown> {
  if (!date) return data;
  let out: Record<string, unknown> | undefined;
  const set = (key: string, value: unknown): void => {
    out ??= { ...data };
    if (value === undefined) delete out[key];
    else out[key] = value;
  };
  for (const key of HISTORY_KEYS) {
    const list = data[key];
    if (!Array.isArray(list)) continue;
    const kept = list.filter((entry) => {
      const when = entryDate(entry);
      return when === undefined || when <= date;
    });
    if (kept.length === list.length) continue;
    set(key, kept);
    if (key === 'payments' && typeof data.amount === 'number') {
      const later = list
        .filter((p) => !kept.includes(p))
        .reduce((t: number, p) => t + (isRecord(p) && typeof p.amount === 'number' ? toMinor(p.amount) : 0), 0);
      set('amount', (toMinor(data.amount) + later) / 100);
    }
  }
  const closed = isRecord(data.closed) ? isoDate(data.closed.date) : undefined;
  if (closed && closed > date) set('closed', undefined);
  return out ?? data;
}

/** True when two fact values are the same plain data. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * What a document must keep as its own so that a recording does not change it: the facts it
 * inherits (keys it does not set itself) whose value as of its date differs between the case file
 * before and after the recording. Empty when the recording is after the document's date (the date
 * already leaves it out). A document that keeps them is frozen as it was sent.
 */
export function frozenFacts(
  own: Record<string, unknown> | undefined,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const date = asOfDate(own);
  const was = caseAsOf(before, date);
  const is = caseAsOf(after, date);
  const out: Record<string, unknown> = {};
  for (const key of RECORDED_KEYS) {
    if (own && Object.hasOwn(own, key)) continue;
    if (same(was[key], is[key])) continue;
    // a list the document had none of is frozen as an empty one ("nothing yet"); an amount it had none of stays unset
    if (was[key] === undefined && key === 'amount') continue;
    out[key] = was[key] ?? [];
  }
  return out;
}
