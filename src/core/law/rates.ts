/**
 * Reference rates (Bank of England Bank Rate, ECB main refinancing rate, PRC one-year LPR) as a
 * dated table with its sources, which a `.dunmarkrc.json` may extend or correct. No network: a
 * date after the table's `checked` date is unknown, never guessed. Pure.
 */
import table from './data/reference-rates.json';

/** The reference rates the statutory regimes use. */
export type RateId = 'uk-bank-rate' | 'ecb-mro' | 'cn-lpr-1y';

/** One change of a reference rate: in force from `from` (inclusive) until the next change. */
export interface RateChange {
  from: string;
  /** Percent a year. */
  rate: number;
}

/** A reference rate's history. */
export interface RateTable {
  name: { en: string; zh: string };
  source: string;
  /** The last date on which the table was checked against its source: later dates are unknown. */
  checked: string;
  changes: RateChange[];
}

/** The built-in tables. */
export const REFERENCE_RATES: Readonly<Record<RateId, RateTable>> = table as Record<RateId, RateTable>;

/** Every reference rate id, for options schemas. */
export const RATE_IDS = Object.keys(REFERENCE_RATES) as RateId[];

/** What a config may say about a table: newer changes and a newer `checked` date. */
export interface RateOverride {
  checked?: string;
  source?: string;
  changes?: RateChange[];
}

/** The built-in tables with a config's overrides merged in (a change on the same date replaces the built-in one). */
export function referenceRates(overrides?: Partial<Record<string, RateOverride>>): Record<RateId, RateTable> {
  const out = { ...REFERENCE_RATES } as Record<RateId, RateTable>;
  for (const id of RATE_IDS) {
    const o = overrides?.[id];
    if (!o) continue;
    const base = out[id];
    const byDate = new Map(base.changes.map((c) => [c.from, c]));
    for (const c of o.changes ?? []) byDate.set(c.from, c);
    const changes = [...byDate.values()].sort((a, b) => (a.from < b.from ? -1 : 1));
    const lastChange = changes[changes.length - 1]?.from ?? base.checked;
    const checked = [base.checked, o.checked ?? '', lastChange].sort().pop()!;
    out[id] = { ...base, source: o.source ?? base.source, checked, changes };
  }
  return out;
}

/** The rate in force on `date`, or why it is not known. */
export type RateOn = { known: true; rate: number; since: string } | { known: false; why: 'before-table' | 'after-checked' };

/** The rate of `table` in force on `date`. */
export function rateOn(table: RateTable, date: string): RateOn {
  if (date > table.checked) return { known: false, why: 'after-checked' };
  let found: RateChange | undefined;
  for (const c of table.changes) if (c.from <= date) found = c;
  return found ? { known: true, rate: found.rate, since: found.from } : { known: false, why: 'before-table' };
}
