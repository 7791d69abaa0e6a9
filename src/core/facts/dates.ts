/** A date written in the text. */
export interface DateMention {
  start: number;
  end: number;
  raw: string;
  /** YYYY-MM-DD, absent when the date is ambiguous or not a real date. */
  iso?: string;
  /** True for forms such as 04/12/2026 that could be read two ways. */
  ambiguous: boolean;
  form: 'iso' | 'en-dmy' | 'en-mdy' | 'zh' | 'numeric';
}

/** English month names, full. */
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';

/** One pass over the text; the alternatives are tried left to right at each position. */
const DATE = new RegExp(
  [
    String.raw`(?<![\w\-/.])(?<isoY>\d{4})-(?<isoM>\d{1,2})-(?<isoD>\d{1,2})(?![\w\-]|\.\d)`,
    String.raw`(?<![\w\-/.])(?<ymdY>\d{4})(?<ymdSep>[/.])(?<ymdM>\d{1,2})\k<ymdSep>(?<ymdD>\d{1,2})(?![\w\-/]|\.\d)`,
    String.raw`(?<![\w\-/.])(?<numA>\d{1,2})(?<numSep>[/.])(?<numB>\d{1,2})\k<numSep>(?<numY>\d{4})(?![\w\-/]|\.\d)`,
    String.raw`(?<![\w])(?<dmyD>\d{1,2})${ORD}[ \u00a0](?:of[ \u00a0])?(?<dmyM>${MONTH}),?[ \u00a0](?<dmyY>\d{4})(?!\d)`,
    String.raw`(?<![\w])(?<mdyM>${MONTH})[ \u00a0](?<mdyD>\d{1,2})${ORD},?[ \u00a0](?<mdyY>\d{4})(?!\d)`,
    String.raw`(?<!\d)(?<zhY>\d{4})[ \u00a0]?年[ \u00a0]?(?<zhM>\d{1,2})[ \u00a0]?月[ \u00a0]?(?<zhD>\d{1,2})[ \u00a0]?[日号]`,
  ].join('|'),
  'gi',
);

/** YYYY-MM-DD for a real calendar date, else undefined. */
export function isoOf(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Both readings of a numeric date such as 04/12/2026: day first and month first. */
export function numericReadings(a: number, b: number, y: number): { dayFirst?: string; monthFirst?: string } {
  const dayFirst = isoOf(y, b, a);
  const monthFirst = isoOf(y, a, b);
  return { ...(dayFirst ? { dayFirst } : {}), ...(monthFirst ? { monthFirst } : {}) };
}

/** Reads every date in `text`; offsets are shifted by `offset`. */
export function readDates(text: string, offset = 0): DateMention[] {
  const out: DateMention[] = [];
  if (typeof text !== 'string' || text.length === 0 || !/\d{4}/.test(text)) return out;
  DATE.lastIndex = 0;
  for (let m = DATE.exec(text); m; m = DATE.exec(text)) {
    const g = m.groups ?? {};
    const base = { start: offset + m.index, end: offset + m.index + m[0].length, raw: m[0] };
    let iso: string | undefined;
    let ambiguous = false;
    let form: DateMention['form'];
    if (g.isoY) {
      form = 'iso';
      iso = isoOf(Number(g.isoY), Number(g.isoM), Number(g.isoD));
    } else if (g.ymdY) {
      form = 'numeric';
      iso = isoOf(Number(g.ymdY), Number(g.ymdM), Number(g.ymdD));
    } else if (g.numY) {
      form = 'numeric';
      const a = Number(g.numA);
      const b = Number(g.numB);
      const { dayFirst, monthFirst } = numericReadings(a, b, Number(g.numY));
      if (dayFirst && monthFirst) {
        if (dayFirst === monthFirst) iso = dayFirst;
        else ambiguous = true;
      } else {
        iso = dayFirst ?? monthFirst;
      }
    } else if (g.dmyY) {
      form = 'en-dmy';
      iso = isoOf(Number(g.dmyY), MONTH_INDEX[g.dmyM!.replace('.', '').toLowerCase()] ?? 0, Number(g.dmyD));
    } else if (g.mdyY) {
      form = 'en-mdy';
      iso = isoOf(Number(g.mdyY), MONTH_INDEX[g.mdyM!.replace('.', '').toLowerCase()] ?? 0, Number(g.mdyD));
    } else {
      form = 'zh';
      iso = isoOf(Number(g.zhY), Number(g.zhM), Number(g.zhD));
    }
    out.push({ ...base, ...(iso ? { iso } : {}), ambiguous, form });
  }
  return out;
}
