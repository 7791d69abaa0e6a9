/**
 * The PRC public holidays of a year the State Council has not yet published a schedule for, computed
 * from the holiday rules themselves (全国年节及纪念日放假办法, as revised in 2024, Art. 2): New Year's
 * Day (1 January), Spring Festival (New Year's Eve and the first three days of the lunar year),
 * Qingming (the day of the solar term), Labour Day (1–2 May), Dragon Boat (the 5th of the 5th lunar
 * month), Mid-Autumn (the 15th of the 8th lunar month) and National Day (1–3 October). The lunar dates
 * and the solar term come from `chinese-days` (its lunar table runs 1900–2100), the package whose
 * published schedules are preferred wherever they exist. What only the year's notice can say, the
 * adjusted working weekends (调休) and how far each break is stretched, is not computed; the week of
 * Spring Festival and of National Day, which every notice has made a break of at least seven days,
 * is reported as likely. Pure; results are cached per year.
 */
import chineseDays from 'chinese-days';
import { addDays } from '../facts/format.js';

/** A computed holiday: its name, and whether the rules make it a holiday or the usual break only makes it likely. */
export interface ComputedHoliday {
  name: { en: string; zh: string };
  /** True for the days the holiday rules name; false for the rest of the Spring Festival and National Day weeks. */
  statutory: boolean;
}

/** The years the lunar table covers. */
export const LUNAR_YEARS = { first: 1901, last: 2099 } as const;

const NAMES = {
  newYear: { en: "New Year's Day", zh: '元旦' },
  spring: { en: 'Spring Festival', zh: '春节' },
  qingming: { en: 'Qingming Festival', zh: '清明节' },
  labour: { en: 'Labour Day', zh: '劳动节' },
  dragonBoat: { en: 'Dragon Boat Festival', zh: '端午节' },
  midAutumn: { en: 'Mid-Autumn Festival', zh: '中秋节' },
  national: { en: 'National Day', zh: '国庆节' },
} as const;

const cache = new Map<number, Map<string, ComputedHoliday>>();

/** The Gregorian date of a lunar date (`month`, `day` of the lunar year that starts in `year`). */
function fromLunar(year: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`).date;
}

/** The computed public holidays of a Gregorian year (empty outside the lunar table's years). */
export function computedHolidays(year: number): Map<string, ComputedHoliday> {
  let map = cache.get(year);
  if (map) return map;
  map = new Map();
  cache.set(year, map);
  if (!Number.isInteger(year) || year < LUNAR_YEARS.first || year > LUNAR_YEARS.last) return map;
  const y = String(year);
  const add = (iso: string, name: ComputedHoliday['name'], statutory: boolean): void => {
    // a statutory day wins over a likely one; only the year's own days
    if (!iso.startsWith(y) || map!.get(iso)?.statutory) return;
    map!.set(iso, { name, statutory });
  };
  add(`${y}-01-01`, NAMES.newYear, true);
  // the lunar year that starts in this Gregorian year; its New Year's Eve is the day before
  const newYear = fromLunar(year, 1, 1);
  for (let i = -1; i <= 2; i++) add(addDays(newYear, i), NAMES.spring, true);
  for (let i = 3; i <= 6; i++) add(addDays(newYear, i), NAMES.spring, false);
  add(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), NAMES.qingming, true);
  add(`${y}-05-01`, NAMES.labour, true);
  add(`${y}-05-02`, NAMES.labour, true);
  add(fromLunar(year, 5, 5), NAMES.dragonBoat, true);
  add(fromLunar(year, 8, 15), NAMES.midAutumn, true);
  for (let d = 1; d <= 7; d++) add(`${y}-10-0${d}`, NAMES.national, d <= 3);
  return map;
}
