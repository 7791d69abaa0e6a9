import { numberWord } from './number-words.js';

/** A date written in the text. */
export interface DateMention {
  start: number;
  end: number;
  raw: string;
  /** YYYY-MM-DD, absent when the date is ambiguous or not a real date. */
  iso?: string;
  /** True for forms such as 04/12/2026 that could be read two ways. */
  ambiguous: boolean;
  form: 'iso' | 'en-dmy' | 'en-mdy' | 'zh' | 'numeric' | 'relative';
  /**
   * How the year was found when the text does not write it: `list` from a date of the same list
   * ("15 September and 6 November 2026", "2026年9月15日、10月16日"), `letter` the nearest to the
   * letter's date. Absent when the text writes the year.
   */
  yearFrom?: 'list' | 'letter';
  /** For `relative` mentions ("within 30 days of the date of this letter"): the number of days. */
  days?: number;
}

/** English month names, full. */
export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const MONTH_INDEX: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';

/** One pass over the text; the alternatives are tried left to right at each position. */
const DATE = new RegExp(
  [
    String.raw`(?<![\w\-/.])(?<isoY>\d{4})-(?<isoM>\d{1,2})-(?<isoD>\d{1,2})(?![\w\-]|\.\d)`,
    String.raw`(?<![\w\-/.])(?<ymdY>\d{4})(?<ymdSep>[/.])(?<ymdM>\d{1,2})\k<ymdSep>(?<ymdD>\d{1,2})(?![\w\-/]|\.\d)`,
    String.raw`(?<![\w\-/.])(?<numA>\d{1,2})(?<numSep>[/.\-])(?<numB>\d{1,2})\k<numSep>(?<numY>\d{4})(?![\w\-/]|\.\d)`,
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

/**
 * Reads every date in `text`; offsets are shifted by `offset`. `letterDate` (YYYY-MM-DD), when
 * given, dates what the text leaves without a year and what it counts from the letter's date.
 */
export function readDates(text: string, offset = 0, letterDate?: string): DateMention[] {
  const out: DateMention[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  if (/\d{4}/.test(text)) readFullDates(text, offset, out);
  if (MONTH_OR_ZH.test(text)) readYearless(text, offset, out, letterDate);
  if (letterDate && RELATIVE_HINT.test(text)) readRelative(text, offset, out, letterDate);
  return out.length > 1 ? out.sort((a, b) => a.start - b.start) : out;
}

function readFullDates(text: string, offset: number, out: DateMention[]): void {
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
}

// Dates without a year: "15 September", "Sept 29", "10月16日". Month names are capitalised here, so
// that "may 5" in a sentence is no date; a year right after belongs to the full-date pass.
const MONTH_CAP =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const YEARLESS = new RegExp(
  [
    String.raw`(?<![\w.,])(?<dmD>\d{1,2})${ORD}[ \u00a0](?:of[ \u00a0])?(?<dmM>${MONTH_CAP})(?![\w])`,
    String.raw`(?<![\w])(?<mdM>${MONTH_CAP})[ \u00a0](?<mdD>\d{1,2})${ORD}(?!\d|[:.]\d)`,
    String.raw`(?<![\d年\uff10-\uff19])(?<zhM>\d{1,2})[ \u00a0]?月[ \u00a0]?(?<zhD>\d{1,2})[ \u00a0]?[日号]`,
  ].join('|'),
  'g',
);
const MONTH_OR_ZH = /[A-Z][a-z]{2}|月/;
// What may stand between two dates of one list: "15 September, 16 October and 6 November 2026", "9月15日、10月16日和11月6日"
const LIST_GAP = /^[ \u00a0]*(?:(?:,|;|、|，|and|&|or|to|through|until|-|–|—|和|及|与|至|到|或)[ \u00a0]*)+$/;

function overlaps(out: readonly DateMention[], start: number, end: number): boolean {
  return out.some((m) => m.start < end && start < m.end);
}

function readYearless(text: string, offset: number, out: DateMention[], letterDate: string | undefined): void {
  const found: { start: number; end: number; raw: string; month: number; day: number; form: DateMention['form'] }[] = [];
  YEARLESS.lastIndex = 0;
  for (let m = YEARLESS.exec(text); m; m = YEARLESS.exec(text)) {
    const g = m.groups ?? {};
    const start = offset + m.index;
    const end = start + m[0].length;
    if (overlaps(out, start, end)) continue;
    const month = g.zhM ? Number(g.zhM) : (MONTH_INDEX[(g.dmM ?? g.mdM)!.replace('.', '').toLowerCase()] ?? 0);
    const day = Number(g.zhD ?? g.dmD ?? g.mdD);
    found.push({ start, end, raw: m[0], month, day, form: g.zhM ? 'zh' : g.dmM ? 'en-dmy' : 'en-mdy' });
  }
  if (found.length === 0) return;
  // every date, full or not, in order: a list takes its year from its one dated member
  const all = [
    ...out.map((d) => ({ start: d.start, end: d.end, year: d.iso ? Number(d.iso.slice(0, 4)) : undefined, yearless: false })),
    ...found.map((d) => ({ start: d.start, end: d.end, year: undefined as number | undefined, yearless: true })),
  ].sort((a, b) => a.start - b.start);
  const linked = (a: { end: number }, b: { start: number }): boolean => LIST_GAP.test(text.slice(a.end - offset, b.start - offset));
  const yearOf = new Map<number, number>();
  for (let i = 0; i < all.length; i++) {
    if (!all[i]!.yearless) continue;
    let year: number | undefined;
    for (let j = i + 1; j < all.length && linked(all[j - 1]!, all[j]!); j++)
      if (!all[j]!.yearless) {
        year = all[j]!.year;
        break;
      }
    if (year === undefined)
      for (let j = i - 1; j >= 0 && linked(all[j]!, all[j + 1]!); j--)
        if (!all[j]!.yearless) {
          year = all[j]!.year;
          break;
        }
    if (year !== undefined) yearOf.set(all[i]!.start, year);
  }
  for (const d of found) {
    const listYear = yearOf.get(d.start);
    const iso = listYear !== undefined ? isoOf(listYear, d.month, d.day) : letterDate ? nearestYear(letterDate, d.month, d.day) : undefined;
    if (!iso) continue;
    out.push({ start: d.start, end: d.end, raw: d.raw, iso, ambiguous: false, form: d.form, yearFrom: listYear !== undefined ? 'list' : 'letter' });
  }
}

/** The date with this month and day nearest to the letter's date (a December letter's "8 January" is next year's). */
function nearestYear(letterDate: string, month: number, day: number): string | undefined {
  const year = Number(letterDate.slice(0, 4));
  const ref = Date.parse(`${letterDate}T00:00:00Z`);
  let best: string | undefined;
  let bestGap = Infinity;
  for (const y of [year - 1, year, year + 1]) {
    const iso = isoOf(y, month, day);
    if (!iso) continue;
    const gap = Math.abs(Date.parse(`${iso}T00:00:00Z`) - ref);
    if (gap < bestGap) {
      best = iso;
      bestGap = gap;
    }
  }
  return best;
}

const RELATIVE_HINT = /within|日内|天内/i;
// "within 14 days of the date of this letter", "within fourteen (14) days from the date hereof", "自本函发出之日起15日内"
const RELATIVE = new RegExp(
  [
    String.raw`\bwithin[ \u00a0](?:(?<enWord>[a-z]+(?:-[a-z]+)?)[ \u00a0]\((?<enParen>\d{1,3})\)|(?<enNum>\d{1,3})|(?<enOnly>[a-z]+(?:-[a-z]+)?))[ \u00a0](?:calendar[ \u00a0])?days?[ \u00a0](?:of|from|after)[ \u00a0](?:the[ \u00a0]date[ \u00a0]of[ \u00a0](?:this|our|the[ \u00a0]present)[ \u00a0](?:letter|notice|demand|e-?mail)|the[ \u00a0]date[ \u00a0]hereof|today|this[ \u00a0](?:letter|notice)(?:'s|’s)?(?:[ \u00a0]date)?)`,
    String.raw`(?:自|从)?本(?:函|通知|催告函)(?:发出|出具|签发|落款)?(?:之)?日(?:起)?[ \u00a0]?(?<zhNum>\d{1,3}|[一二两三四五六七八九十]{1,3})[ \u00a0]?(?:个)?(?:日|天)内`,
  ].join('|'),
  'gi',
);

function readRelative(text: string, offset: number, out: DateMention[], letterDate: string): void {
  RELATIVE.lastIndex = 0;
  for (let m = RELATIVE.exec(text); m; m = RELATIVE.exec(text)) {
    const g = m.groups ?? {};
    const raw = g.enParen ?? g.enNum ?? g.zhNum ?? g.enWord ?? g.enOnly ?? '';
    const days = numberWord(raw);
    if (days === undefined || days <= 0) continue;
    const start = offset + m.index;
    const end = start + m[0].length;
    if (overlaps(out, start, end)) continue;
    const t = new Date(Date.parse(`${letterDate}T00:00:00Z`) + days * 86_400_000);
    const iso = isoOf(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
    if (iso) out.push({ start, end, raw: m[0], iso, ambiguous: false, form: 'relative', days });
  }
}
