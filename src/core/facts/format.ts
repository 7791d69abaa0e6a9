/**
 * Formatters for money and dates in the house forms (English and Chinese), and exact date
 * and money arithmetic. Pure; templates and fixes use them, readers read their output back.
 */
import { toDaxie } from './daxie.js';
import { MONTH_NAMES } from './dates.js';

/** Chinese currency words, written after the figures (`18,400.00 美元`). */
const ZH_CURRENCY: Readonly<Record<string, string>> = {
  USD: '美元',
  EUR: '欧元',
  HKD: '港元',
  JPY: '日元',
  GBP: '英镑',
  SGD: '新加坡元',
  AUD: '澳元',
  CAD: '加元',
  NZD: '新西兰元',
  CHF: '瑞士法郎',
  TWD: '新台币',
  MOP: '澳门元',
};

/** Currencies written without minor units. */
const NO_MINOR = new Set(['JPY']);

/** Figures with thousands separators and the currency's decimals (`18,400.00`). */
export function formatFigures(value: number, decimals = 2): string {
  if (!Number.isFinite(value)) return '';
  const negative = value < 0;
  const minor = Math.round(Math.abs(value) * 100);
  const whole = Math.floor(minor / 100);
  const cents = minor % 100;
  const digits = String(whole);
  let grouped = '';
  // Thousands separators by hand (no regex lookahead over the digits); `1e+25` stays as it is.
  if (/^\d+$/.test(digits)) for (let i = 0; i < digits.length; i++) grouped += (i > 0 && (digits.length - i) % 3 === 0 ? ',' : '') + digits[i];
  else grouped = digits;
  const body = decimals === 0 ? grouped : `${grouped}.${String(cents).padStart(2, '0')}`;
  return negative ? `-${body}` : body;
}

/**
 * An amount in the house form: `USD 18,400.00` (en) / `18,400.00 美元` (zh);
 * CNY: `CNY 120,000.00` / `人民币 120,000.00 元`.
 */
export function formatMoney(value: number, currency: string, style: 'en' | 'zh'): string {
  const figures = formatFigures(value, NO_MINOR.has(currency) ? 0 : 2);
  if (style === 'en') return `${currency} ${figures}`;
  if (currency === 'CNY') return `人民币 ${figures} 元`;
  const word = ZH_CURRENCY[currency];
  return word ? `${figures} ${word}` : `${currency} ${figures}`;
}

/** An amount in 大写 with its currency word: `美元壹万捌仟肆佰元整` / `人民币壹拾贰万元整`. */
export function formatMoneyDaxie(value: number, currency: string): string {
  const word = currency === 'CNY' ? '人民币' : (ZH_CURRENCY[currency] ?? '');
  return `${word}${toDaxie(value)}`;
}

function parts(iso: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function utc(iso: string): number {
  const p = parts(iso);
  return p ? Date.UTC(p[0], p[1] - 1, p[2]) : NaN;
}

/** A date in the house form: `4 December 2026` (en) / `2026年12月4日` (zh). Empty for a non-date. */
export function formatDate(iso: string, style: 'en' | 'zh'): string {
  const p = parts(iso);
  if (!p) return '';
  const [y, m, d] = p;
  return style === 'en' ? `${d} ${MONTH_NAMES[m - 1] ?? ''} ${y}` : `${y}年${m}月${d}日`;
}

/**
 * A date written in the same form as `like` (a date as it appears in the text), so a fix
 * keeps the writer's style: `Dec 4, 2026`, `2026-12-04`, `2026年12月04日`, `4th December 2026`.
 */
export function formatDateLike(iso: string, like: string): string {
  const p = parts(iso);
  if (!p) return '';
  const [y, m, d] = p;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const full = MONTH_NAMES[m - 1] ?? '';
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(like)) return `${y}-${pad(m)}-${pad(d)}`;
  const zh = /^\d{4}\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?([日号])$/.exec(like);
  if (zh) {
    const padded = zh[1]!.startsWith('0') || zh[2]!.startsWith('0');
    return padded ? `${y}年${pad(m)}月${pad(d)}${zh[3]!}` : `${y}年${m}月${d}${zh[3]!}`;
  }
  // a date written without its year ("10月4日", "16 October", "Sept 29") is replaced without one too
  const zhShort = /^(\d{1,2})\s?月\s?(\d{1,2})\s?([日号])$/.exec(like);
  if (zhShort) return `${m}月${d}${zhShort[3]!}`;
  if (!/\d{4}/.test(like)) return formatDateLike(iso, `${like} ${y}`).replace(/,?\s\d{4}$/, '');
  const ymd = /^\d{4}([/.])\d{1,2}\1\d{1,2}$/.exec(like);
  if (ymd) return `${y}${ymd[1]!}${pad(m)}${ymd[1]!}${pad(d)}`;
  const monthWord = MONTH_WORD.exec(like)?.[0] ?? '';
  const bare = monthWord.replace('.', '').toLowerCase();
  const abbreviated = bare !== '' && !MONTH_NAMES.some((n) => n.toLowerCase() === bare);
  const short = full === 'September' && bare === 'sept' ? 'Sept' : full.slice(0, 3);
  const monthOut = abbreviated ? `${short}${monthWord.endsWith('.') && short !== 'May' ? '.' : ''}` : full;
  const ordinal = /\d(st|nd|rd|th)\b/i.test(like) ? ordinalSuffix(d) : '';
  if (/^\d/.test(like)) return `${d}${ordinal} ${monthOut}${like.includes(',') ? ',' : ''} ${y}`;
  if (/^[A-Za-z]/.test(like)) return `${monthOut} ${d}${ordinal}${like.includes(',') ? ',' : ''} ${y}`;
  return formatDate(iso, 'en');
}

const MONTH_WORD = /(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?/i;

function ordinalSuffix(d: number): string {
  if (d >= 11 && d <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][d % 10] ?? 'th';
}

/** Replaces the figures inside an amount as written, keeping its currency and style (`$18,000` → `$18,400`). */
export function formatAmountLike(value: number, like: string): string {
  const m = /\d[\d,]*(?:\.(\d{1,2}))?/.exec(like);
  if (!m) return like;
  const decimals = m[1] !== undefined ? 2 : Number.isInteger(Math.round(value * 100) / 100) ? 0 : 2;
  let figures = formatFigures(value, decimals);
  if (!m[0].includes(',')) figures = figures.replace(/,/g, '');
  return like.slice(0, m.index) + figures + like.slice(m.index + m[0].length);
}

/** The exact sum of money values, added in minor units. */
export function sumMoney(values: number[]): number {
  let minor = 0;
  for (const v of values) if (Number.isFinite(v)) minor += Math.round(v * 100);
  return minor / 100;
}

/** Day of the week of an ISO date: 0 Sunday … 6 Saturday (NaN for a non-date). */
export function weekday(iso: string): number {
  const t = utc(iso);
  return Number.isNaN(t) ? NaN : new Date(t).getUTCDay();
}

/** The ISO date `n` days after `iso` (before, for negative `n`). Empty for a non-date. */
export function addDays(iso: string, n: number): string {
  const t = utc(iso);
  if (Number.isNaN(t) || !Number.isFinite(n)) return '';
  const d = new Date(t + Math.round(n) * 86_400_000);
  const pad = (x: number): string => String(x).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Whole days from `a` to `b` (positive when `b` is later). NaN when either is not a date. */
export function daysBetween(a: string, b: string): number {
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}
