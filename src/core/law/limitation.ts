/**
 * When a claim becomes time-barred. PRC law: 3 years (Civil Code Art. 188), 4 for an international
 * sale of goods or technology import/export (Art. 594), counted from the due date with the first day
 * not counted and ending on the corresponding day (Arts. 201–202; the last day of the month when
 * there is none), moved past a statutory holiday (Art. 203). Restarted by a demand that reached the
 * debtor, an acknowledgement, a part payment, a promise or a repayment plan (Art. 195; SPC
 * Provisions on limitation Arts. 8, 14); a proceeding on file interrupts it until the proceeding
 * ends. Other laws come from the facts (`limitation: { years, from }`) or the rule's options. Pure.
 */
import type { Facts } from '../facts/facts.js';
import { daysBetween } from '../facts/format.js';
import { calendarFor, nextWorkingDay } from './calendar.js';

/** The events that restart a PRC limitation period. */
export const INTERRUPTING_EVENTS = ['demand', 'acknowledgement', 'promise', 'repayment-plan', 'part-payment'] as const;

/** A recorded event that restarts the period. */
export interface Interruption {
  date: string;
  type: (typeof INTERRUPTING_EVENTS)[number];
  /** The fact it comes from (`events.2`, `payments.0`). */
  source: string;
}

/** The limitation period of a claim and the date it is barred. */
export interface Limitation {
  /** `PRC` (the Civil Code) or `configured` (the facts' `limitation` or the rule's options). */
  law: 'PRC' | 'configured';
  years: number;
  /** Why that many years, in English and Chinese (the article, or "as configured"). */
  basis: { en: string; zh: string };
  /** The date the period runs from, and the fact that gave it. */
  from: { date: string; source: string };
  /** The last recorded event that restarted the period, if any. */
  restartedBy?: Interruption;
  /** An act of the debtor after the bar (Civil Code Art. 192: it may no longer plead limitation). */
  waivedBy?: Interruption;
  /** The last day to act: the corresponding day, moved past a PRC holiday when the calendar knows the year. */
  bar: string;
  /**
   * When the kind of contract is not recorded but it could be an international sale of goods
   * (4 years instead of 3): the later bar it would have.
   */
  ifSaleOfGoods?: string;
  /** A proceeding on file interrupts the period until it ends: no bar can be computed yet. */
  pendingProceeding?: string;
}

/** Options a team can give: limitation years for governing laws other than PRC (`{ "US-NY": { "years": 6 } }`). */
export interface LimitationOptions {
  laws?: Record<string, { years?: number }>;
}

/** The same day `years` later; 29 February becomes 28 February in a common year (Civil Code Art. 202). */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) return `${y}-02-28`;
  return `${String(y).padStart(4, '0')}-${md}`;
}

/** The recorded events that restart a limitation period, in date order. */
export function interruptions(facts: Facts): Interruption[] {
  const out: Interruption[] = [];
  (facts.events ?? []).forEach((e, i) => {
    if (e.date && INTERRUPTING_EVENTS.includes(e.type as Interruption['type']))
      out.push({ date: e.date, type: e.type as Interruption['type'], source: `events.${i}` });
  });
  (facts.payments ?? []).forEach((p, i) => {
    if (p.date && (p.amount === undefined || p.amount > 0)) out.push({ date: p.date, type: 'part-payment', source: `payments.${i}` });
  });
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

const DEBTOR_ACTS = new Set<Interruption['type']>(['acknowledgement', 'promise', 'repayment-plan', 'part-payment']);

/** True when the creditor and the debtor are in different countries (both known). */
function international(facts: Facts): boolean | undefined {
  const a = facts.creditor?.country;
  const b = facts.debtor?.country;
  return a && b ? a !== b : undefined;
}

/**
 * The limitation of the claim these facts describe, or undefined when no law is known for it
 * (no PRC governing law, no `limitation.years`, no configured law) or it has no start date.
 */
export function limitationOf(facts: Facts, options: LimitationOptions = {}): Limitation | undefined {
  const law = facts.contract?.governing_law;
  const start = facts.limitation?.from ?? facts.due_date;
  if (!start) return undefined;
  const from = { date: start, source: facts.limitation?.from ? 'limitation.from' : 'due_date' };
  let years: number;
  let basis: Limitation['basis'];
  let kind: Limitation['law'];
  let saleOfGoodsUnknown = false;
  const configuredYears = facts.limitation?.years ?? (law ? options.laws?.[law]?.years : undefined);
  if (configuredYears !== undefined && configuredYears > 0) {
    years = configuredYears;
    kind = 'configured';
    basis = { en: `${years} years, as recorded for this contract`, zh: `${years}年（按所记录的时效期间）` };
  } else if (law === 'PRC') {
    kind = 'PRC';
    const type = facts.contract?.type;
    const abroad = international(facts);
    if ((type === 'sale-of-goods' || type === 'technology-import-export') && abroad === true) {
      years = 4;
      basis =
        type === 'sale-of-goods'
          ? { en: '4 years for an international sale of goods, PRC Civil Code Art. 594', zh: '国际货物买卖合同四年，《民法典》第五百九十四条' }
          : { en: '4 years for a technology import/export contract, PRC Civil Code Art. 594', zh: '技术进出口合同四年，《民法典》第五百九十四条' };
    } else {
      years = 3;
      basis = { en: '3 years, PRC Civil Code Art. 188', zh: '三年，《民法典》第一百八十八条' };
      saleOfGoodsUnknown = type === undefined && abroad !== false;
    }
  } else {
    return undefined;
  }
  const filed = facts.proceeding?.filed;
  const barFrom = (date: string, n: number): string => {
    const nominal = addYears(date, n);
    if (kind !== 'PRC') return nominal;
    const next = nextWorkingDay(calendarFor('CN'), nominal);
    return next.known ? next.iso : nominal;
  };
  let bar = barFrom(from.date, years);
  let restartedBy: Interruption | undefined;
  let waivedBy: Interruption | undefined;
  for (const event of interruptions(facts)) {
    if (event.date < from.date) continue;
    if (event.date <= bar) {
      restartedBy = event;
      bar = barFrom(event.date, years);
    } else if (DEBTOR_ACTS.has(event.type)) {
      // Civil Code Art. 192: a debtor who agrees to pay after the bar may not plead it; count the period again from the act.
      waivedBy = event;
      restartedBy = event;
      bar = barFrom(event.date, years);
    }
  }
  const result: Limitation = {
    law: kind,
    years,
    basis,
    from,
    bar,
    ...(restartedBy ? { restartedBy } : {}),
    ...(waivedBy ? { waivedBy } : {}),
  };
  if (saleOfGoodsUnknown) result.ifSaleOfGoods = barFrom(restartedBy?.date ?? from.date, 4);
  if (filed && filed >= from.date && filed <= bar) result.pendingProceeding = filed;
  return result;
}

/** Days from `date` to the bar (negative once it has passed). */
export function daysToBar(limitation: Limitation, date: string): number {
  return daysBetween(date, limitation.bar);
}
