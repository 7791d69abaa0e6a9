/**
 * Interest on a late payment, computed the way the statutes and courts do it: simple interest on
 * the principal, actual days elapsed (the first day not counted) over a 365-day year unless the
 * contract says 360. Statutory regimes take their rate from the reference-rate table:
 *
 * - UK, Late Payment of Commercial Debts (Interest) Act 1998 s.6 and SI 2002/1675: 8 points over
 *   Bank Rate in force on 31 December (interest starting to run 1 January–30 June) or 30 June
 *   (1 July–31 December) before interest starts to run, fixed for the whole debt.
 * - EU, Directive 2011/7/EU Arts. 2(6)–(7) and 3(2): at least 8 points over the ECB main refinancing
 *   rate in force on 1 January / 1 July, for each half-year in which interest runs.
 * - PRC, SPC Interpretation on sales contracts (2020) Art. 18: without an agreed rate, the one-year
 *   LPR at the time of breach plus 30 %–50 %.
 *
 * Pure; no rounding until the end (to the cent).
 */
import type { Charge, Facts } from '../facts/facts.js';
import { addDays, daysBetween } from '../facts/format.js';
import type { InterestRegime } from '../facts/schema.js';
import { rateOn, type RateId, type RateTable } from './rates.js';

/** Days of interest from `from` to `to`: the first day is not counted, the last is. */
export function interestDays(from: string, to: string): number {
  return daysBetween(from, to);
}

/** Simple interest, unrounded: principal × rate % × days / year. */
export function simpleInterest(principal: number, ratePercent: number, days: number, year: 365 | 360): number {
  return (principal * ratePercent * days) / (100 * year);
}

/** Rounds to the cent, half away from zero. */
export function cents(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-9)) / 100;
}

/** One stretch of days at one rate. */
export interface InterestPeriod {
  from: string;
  to: string;
  days: number;
  /** Percent a year. */
  rate: number;
  /** The reference rate behind `rate`, when a statute sets it. */
  reference?: { id: RateId; date: string; rate: number };
}

/** A computed interest figure and how it was reached. */
export interface InterestResult {
  regime: InterestRegime;
  principal: number;
  year: 365 | 360;
  /** Whether the year length was stated (`day_count`) or is the default. */
  yearStated: boolean;
  periods: InterestPeriod[];
  days: number;
  /** The figure, to the cent. */
  amount: number;
  /** For a range (PRC LPR + 30–50 %): the highest figure the regime allows. */
  max?: number;
  /** The same figure computed from a daily amount rounded to the cent (how many invoices do it). */
  dailyRounded: number;
}

/** Why an interest charge cannot be computed. */
export type InterestProblem =
  | { kind: 'incomplete'; missing: string[] }
  | { kind: 'rate-unknown'; id: RateId; date: string; table: RateTable }
  | { kind: 'out-of-order'; from: string; to: string };

/** True when a charge asks to be computed (`type: interest`). */
export function isInterestCharge(charge: Charge): boolean {
  return charge.type === 'interest';
}

/** The regime of an interest charge: stated, else `contract` when it has a rate. */
export function regimeOf(charge: Charge): InterestRegime | undefined {
  return charge.regime ?? (charge.rate !== undefined ? 'contract' : undefined);
}

/** The date whose half-year fixes the UK reference rate: 31 December or 30 June before interest starts to run. */
export function ukReferenceDate(from: string): string {
  const start = addDays(from, 1);
  const year = Number(start.slice(0, 4));
  return start.slice(5) <= '06-30' ? `${year - 1}-12-31` : `${year}-06-30`;
}

/** Splits (from, to] into half-years, each with the 1 January or 1 July that fixes its EU reference rate. */
export function halfYears(from: string, to: string): { from: string; to: string; fixing: string }[] {
  const out: { from: string; to: string; fixing: string }[] = [];
  let cursor = from;
  while (cursor < to) {
    const start = addDays(cursor, 1);
    const year = Number(start.slice(0, 4));
    const fixing = start.slice(5) <= '06-30' ? `${year}-01-01` : `${year}-07-01`;
    const halfEnd = fixing.endsWith('01-01') ? `${year}-06-30` : `${year}-12-31`;
    const end = halfEnd < to ? halfEnd : to;
    out.push({ from: cursor, to: end, fixing });
    cursor = end;
  }
  return out;
}

/**
 * Computes an interest charge from its facts (`rate` or `regime`, `from`, `to` or `as_of`,
 * `principal` or the case's `amount`). Statutory rates come from `rates`.
 */
export function computeInterest(
  charge: Charge,
  facts: Facts,
  rates: Record<RateId, RateTable>,
): { ok: true; result: InterestResult } | { ok: false; problem: InterestProblem } {
  const regime = regimeOf(charge);
  const principal = charge.principal ?? facts.amount;
  const end = charge.to ?? charge.as_of;
  const missing = [...(regime ? [] : ['rate']), ...(principal === undefined ? ['principal'] : []), ...(charge.from ? [] : ['from']), ...(end ? [] : ['to'])];
  if (missing.length || !regime || principal === undefined || !charge.from || !end) return { ok: false, problem: { kind: 'incomplete', missing } };
  if (end < charge.from) return { ok: false, problem: { kind: 'out-of-order', from: charge.from, to: end } };
  const year: 365 | 360 = charge.day_count === 'actual/360' ? 360 : 365;
  const base = { regime, principal, year, yearStated: charge.day_count !== undefined };
  const finish = (periods: InterestPeriod[], maxFactor?: number): { ok: true; result: InterestResult } => {
    const exact = periods.reduce((sum, p) => sum + simpleInterest(principal, p.rate, p.days, year), 0);
    const daily = periods.reduce((sum, p) => sum + cents(simpleInterest(principal, p.rate, 1, year)) * p.days, 0);
    const days = periods.reduce((sum, p) => sum + p.days, 0);
    return {
      ok: true,
      result: { ...base, periods, days, amount: cents(exact), dailyRounded: cents(daily), ...(maxFactor ? { max: cents(exact * maxFactor) } : {}) },
    };
  };
  switch (regime) {
    case 'contract': {
      if (charge.rate === undefined) return { ok: false, problem: { kind: 'incomplete', missing: ['rate'] } };
      return finish([{ from: charge.from, to: end, days: interestDays(charge.from, end), rate: charge.rate }]);
    }
    case 'uk-late-payment': {
      const fixing = ukReferenceDate(charge.from);
      const ref = rateOn(rates['uk-bank-rate'], fixing);
      if (!ref.known) return { ok: false, problem: { kind: 'rate-unknown', id: 'uk-bank-rate', date: fixing, table: rates['uk-bank-rate'] } };
      return finish([
        {
          from: charge.from,
          to: end,
          days: interestDays(charge.from, end),
          rate: ref.rate + 8,
          reference: { id: 'uk-bank-rate', date: fixing, rate: ref.rate },
        },
      ]);
    }
    case 'eu-late-payment': {
      const periods: InterestPeriod[] = [];
      for (const half of halfYears(charge.from, end)) {
        const ref = rateOn(rates['ecb-mro'], half.fixing);
        if (!ref.known) return { ok: false, problem: { kind: 'rate-unknown', id: 'ecb-mro', date: half.fixing, table: rates['ecb-mro'] } };
        periods.push({
          from: half.from,
          to: half.to,
          days: interestDays(half.from, half.to),
          rate: ref.rate + 8,
          reference: { id: 'ecb-mro', date: half.fixing, rate: ref.rate },
        });
      }
      return finish(periods.length ? periods : [{ from: charge.from, to: end, days: 0, rate: 8 }]);
    }
    case 'prc-lpr': {
      const breach = addDays(charge.from, 1);
      const ref = rateOn(rates['cn-lpr-1y'], breach);
      if (!ref.known) return { ok: false, problem: { kind: 'rate-unknown', id: 'cn-lpr-1y', date: breach, table: rates['cn-lpr-1y'] } };
      const low = charge.markup ?? 30;
      const high = charge.markup ?? 50;
      const rate = ref.rate * (1 + low / 100);
      return finish(
        [{ from: charge.from, to: end, days: interestDays(charge.from, end), rate, reference: { id: 'cn-lpr-1y', date: breach, rate: ref.rate } }],
        (1 + high / 100) / (1 + low / 100),
      );
    }
  }
}

/** The UK fixed sum for a qualifying debt (Late Payment Act s.5A): GBP 40, 70 or 100 by the debt's size. */
export function ukFixedSum(debt: number): number {
  if (debt < 1000) return 40;
  if (debt < 10000) return 70;
  return 100;
}

/** True when a claimed figure agrees with a computed one: exactly to the cent, or as a rounded daily amount times the days. */
export function agrees(claimed: number, result: InterestResult): boolean {
  const near = (a: number, b: number): boolean => Math.abs(a - b) < 0.0051;
  if (result.max !== undefined) return claimed <= result.max + 0.005;
  return near(claimed, result.amount) || near(claimed, result.dailyRounded);
}
