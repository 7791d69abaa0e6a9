/**
 * Working days where the debtor is. The PRC calendar (public holidays and the State Council's
 * adjusted working days, 调休) comes from the `chinese-days` data package, and for a year it does not
 * hold yet the holidays are computed from the holiday rules (cn-holidays.ts); US federal holidays
 * (5 U.S.C. § 6103, observed on the Friday or Monday when they fall on a weekend) from
 * `@18f/us-federal-holidays`; anywhere else only Saturdays and Sundays are known. Pure.
 */
import federal from '@18f/us-federal-holidays';
import cnData from 'chinese-days/dist/chinese-days.json';
import cnPackage from 'chinese-days/package.json';
import { addDays, weekday } from '../facts/format.js';
import { computedHolidays } from './cn-holidays.js';

/** Which calendar a country's working days are read from. */
export type CalendarId = 'CN' | 'US' | 'weekends';

/** What a calendar knows about one day. */
export interface DayInfo {
  iso: string;
  working: boolean;
  /** Why: an ordinary weekday or weekend, a public holiday, or a weekend day made a working day (调休). */
  reason: 'weekday' | 'weekend' | 'holiday' | 'adjusted-working-day';
  /** The holiday (or the holiday a 调休 working day belongs to), in English and Chinese. */
  name?: { en: string; zh: string };
  /**
   * False when the calendar has no published schedule for this day's year: the answer is then the
   * weekends and the holidays computed from the holiday rules, and the 调休 days are not known.
   */
  known: boolean;
  /** A holiday computed from the holiday rules (no published schedule): `statutory` when the rules name the day, else likely. */
  computed?: 'statutory' | 'likely';
}

/** A country's working-day calendar. */
export interface Calendar {
  id: CalendarId;
  /** The country in English and Chinese, for messages (`China` / `中国`). */
  where: { en: string; zh: string };
  /** Years with a published schedule, or undefined when every year is known (rules, not a list). */
  years?: { first: number; last: number };
  /** Where the schedule comes from, for messages and docs. */
  source: string;
  /** The data package and version the schedule is read from (`chinese-days 1.5.7`), if any. */
  data?: string;
  day(iso: string): DayInfo;
}

type CnEntry = string;
const CN = cnData as { holidays: Record<string, CnEntry>; workdays: Record<string, CnEntry> };
const CN_YEARS = (() => {
  const years = Object.keys(CN.holidays).map((d) => Number(d.slice(0, 4)));
  return { first: Math.min(...years), last: Math.max(...years) };
})();

/** `"Spring Festival,春节,4"` → `{ en: 'Spring Festival', zh: '春节' }`. */
function cnName(entry: CnEntry): { en: string; zh: string } {
  const [en = '', zh = ''] = entry.split(',');
  return { en, zh };
}

const US_NAMES_ZH: Record<string, string> = {
  "New Year's Day": '元旦',
  'Birthday of Martin Luther King, Jr.': '马丁·路德·金纪念日',
  "Washington's Birthday": '华盛顿诞辰纪念日（总统日）',
  'Memorial Day': '阵亡将士纪念日',
  'Juneteenth National Independence Day': '六月节（国家独立日）',
  'Independence Day': '独立日',
  'Labor Day': '劳动节',
  'Columbus Day': '哥伦布日',
  'Veterans Day': '退伍军人节',
  'Thanksgiving Day': '感恩节',
  'Christmas Day': '圣诞节',
};

const usYears = new Map<number, Map<string, string>>();
/** The observed federal holidays of a year (and New Year's Day of the next, which may be observed on 31 December). */
function usHolidays(year: number): Map<string, string> {
  let map = usYears.get(year);
  if (!map) {
    map = new Map();
    for (const y of [year, year + 1]) {
      for (const h of federal.allForYear(y)) if (h.dateString.startsWith(String(year))) map.set(h.dateString, h.name);
    }
    usYears.set(year, map);
  }
  return map;
}

function weekendInfo(iso: string, known: boolean): DayInfo {
  const d = weekday(iso);
  const weekend = d === 0 || d === 6;
  return { iso, working: !weekend, reason: weekend ? 'weekend' : 'weekday', known };
}

/**
 * Holidays on fixed Gregorian dates under the State Council's 全国年节及纪念日放假办法 (2024 revision, Art. 2):
 * New Year's Day, 1–2 May and 1–3 October. The lunar holidays and the 调休 days need the year's notice.
 */
const CN_FIXED_HOLIDAYS: Record<string, { en: string; zh: string }> = {
  '01-01': { en: "New Year's Day", zh: '元旦' },
  '05-01': { en: 'Labour Day', zh: '劳动节' },
  '05-02': { en: 'Labour Day', zh: '劳动节' },
  '10-01': { en: 'National Day', zh: '国庆节' },
  '10-02': { en: 'National Day', zh: '国庆节' },
  '10-03': { en: 'National Day', zh: '国庆节' },
};

const CHINA: Calendar = {
  id: 'CN',
  where: { en: 'China', zh: '中国' },
  years: CN_YEARS,
  source: `State Council holiday notices ${CN_YEARS.first}–${CN_YEARS.last}, from chinese-days ${cnPackage.version}`,
  data: `chinese-days ${cnPackage.version}`,
  day(iso) {
    const year = Number(iso.slice(0, 4));
    const known = year >= CN_YEARS.first && year <= CN_YEARS.last;
    if (!known) {
      // Without the year's notice the holidays are computed from the holiday rules (the lunar ones too); the 调休 days are not known
      const computed = computedHolidays(year).get(iso);
      if (computed) return { iso, working: false, reason: 'holiday', name: computed.name, known: false, computed: computed.statutory ? 'statutory' : 'likely' };
      const fixed = CN_FIXED_HOLIDAYS[iso.slice(5)];
      return fixed ? { iso, working: false, reason: 'holiday', name: fixed, known: false, computed: 'statutory' } : weekendInfo(iso, false);
    }
    const holiday = CN.holidays[iso];
    if (holiday !== undefined) return { iso, working: false, reason: 'holiday', name: cnName(holiday), known };
    const workday = CN.workdays[iso];
    if (workday !== undefined) return { iso, working: true, reason: 'adjusted-working-day', name: cnName(workday), known };
    return weekendInfo(iso, true);
  },
};

const UNITED_STATES: Calendar = {
  id: 'US',
  where: { en: 'the United States', zh: '美国' },
  source: 'US federal holidays, 5 U.S.C. § 6103 (@18f/us-federal-holidays)',
  day(iso) {
    const name = usHolidays(Number(iso.slice(0, 4))).get(iso);
    if (name) return { iso, working: false, reason: 'holiday', name: { en: name, zh: US_NAMES_ZH[name] ?? name }, known: true };
    return weekendInfo(iso, true);
  },
};

const WEEKENDS: Calendar = {
  id: 'weekends',
  where: { en: "the debtor's country", zh: '债务人所在地' },
  source: 'Saturdays and Sundays only',
  day: (iso) => weekendInfo(iso, true),
};

/** The calendar of a country (ISO 3166-1 alpha-2): CN, US, or weekends only. */
export function calendarFor(country: string | undefined): Calendar {
  if (country === 'CN') return CHINA;
  if (country === 'US') return UNITED_STATES;
  return WEEKENDS;
}

/** The first working day on or after `iso` (at most a month ahead; Spring Festival is the longest break). */
export function nextWorkingDay(calendar: Calendar, iso: string): DayInfo {
  let info = calendar.day(iso);
  for (let i = 1; i <= 31 && !info.working; i++) info = calendar.day(addDays(iso, i));
  return info;
}

/** Working days after `from` up to and including `to` (0 when `to` is not later). */
export function workingDaysBetween(calendar: Calendar, from: string, to: string): { days: number; known: boolean } {
  let days = 0;
  let known = true;
  for (let d = addDays(from, 1); d !== '' && d <= to; d = addDays(d, 1)) {
    const info = calendar.day(d);
    if (!info.known) known = false;
    if (info.working) days++;
  }
  return { days, known };
}
