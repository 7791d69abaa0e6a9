// The arithmetic of the local-law rules against worked examples, each named with its source.
import assert from 'node:assert/strict';
import type { Facts } from '../../src/core/facts/facts.js';
import { calendarFor, nextWorkingDay, workingDaysBetween } from '../../src/core/law/calendar.js';
import { computedHolidays } from '../../src/core/law/cn-holidays.js';
import { agrees, computeInterest, halfYears, ukFixedSum, ukReferenceDate } from '../../src/core/law/interest.js';
import { addYears, limitationOf } from '../../src/core/law/limitation.js';
import { rateOn, referenceRates, REFERENCE_RATES } from '../../src/core/law/rates.js';

const rates = referenceRates();
const interest = (charge: Parameters<typeof computeInterest>[0], facts: Facts = {}) => {
  const r = computeInterest({ type: 'interest', ...charge }, facts, rates);
  assert.ok(r.ok, `computable: ${JSON.stringify(r)}`);
  return r.result;
};

describe('working-day calendars', () => {
  const cn = calendarFor('CN');
  it('State Council 2026 holiday notice: Spring Festival 15–23 February off, Saturdays 14 and 28 February worked', () => {
    for (const d of ['2026-02-15', '2026-02-16', '2026-02-20', '2026-02-23']) assert.equal(cn.day(d).working, false, d);
    for (const d of ['2026-02-14', '2026-02-28']) assert.deepEqual([cn.day(d).working, cn.day(d).reason], [true, 'adjusted-working-day'], d);
    assert.equal(nextWorkingDay(cn, '2026-02-15').iso, '2026-02-24');
  });
  it('State Council 2026 holiday notice: National Day 1–7 October off, Saturday 10 October worked', () => {
    for (let d = 1; d <= 7; d++) assert.equal(cn.day(`2026-10-0${d}`).working, false);
    assert.equal(nextWorkingDay(cn, '2026-10-03').iso, '2026-10-08');
    assert.equal(cn.day('2026-10-10').working, true);
    assert.equal(cn.day('2026-10-01').name?.zh, '国庆节');
  });
  it('a year with no published schedule is marked unknown and falls back to weekends and the holidays of 全国年节及纪念日放假办法 Art. 2', () => {
    const year = (cn.years?.last ?? 2026) + 1;
    assert.deepEqual([cn.day(`${year}-10-02`).working, cn.day(`${year}-10-02`).known], [false, false]);
    const weekday = [1, 2, 3, 4, 5, 6, 7].map((d) => `${year}-03-0${d}`).find((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 3)!;
    assert.deepEqual([cn.day(weekday).working, cn.day(weekday).known], [true, false]);
  });
  it('2027 (no published schedule): Spring Festival is computed from the lunar calendar — New Year 6 February 2027, so 5–8 February by the rules and the rest of the week likely', () => {
    // the Chinese New Year of the Year of the Goat falls on Saturday 6 February 2027 (Hong Kong Observatory, Gregorian–lunar tables)
    const holidays = computedHolidays(2027);
    for (const d of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'])
      assert.deepEqual(holidays.get(d), { name: { en: 'Spring Festival', zh: '春节' }, statutory: true }, d);
    for (const d of ['2027-02-09', '2027-02-12']) assert.equal(holidays.get(d)?.statutory, false, d);
    assert.equal(holidays.get('2027-02-04'), undefined);
    assert.equal(holidays.get('2027-02-13'), undefined);
    const day = cn.day('2027-02-08');
    assert.deepEqual([day.working, day.reason, day.known, day.computed, day.name?.en], [false, 'holiday', false, 'statutory', 'Spring Festival']);
    assert.equal(nextWorkingDay(cn, '2027-02-08').iso, '2027-02-15', 'past the likely week and the weekend');
  });
  it('2027: National Day 1–3 October by the rules and 4–7 October likely; Qingming 5 April, Dragon Boat 9 June, Mid-Autumn 15 September', () => {
    const holidays = computedHolidays(2027);
    for (const d of ['2027-10-01', '2027-10-02', '2027-10-03'])
      assert.deepEqual(holidays.get(d), { name: { en: 'National Day', zh: '国庆节' }, statutory: true }, d);
    for (const d of ['2027-10-04', '2027-10-07']) assert.equal(holidays.get(d)?.statutory, false, d);
    assert.equal(holidays.get('2027-10-08'), undefined);
    assert.equal(holidays.get('2027-04-05')?.name.en, 'Qingming Festival');
    assert.equal(holidays.get('2027-06-09')?.name.en, 'Dragon Boat Festival');
    assert.equal(holidays.get('2027-09-15')?.name.en, 'Mid-Autumn Festival');
    assert.equal(holidays.get('2027-01-01')?.name.en, "New Year's Day");
    assert.deepEqual([holidays.get('2027-05-01')?.statutory, holidays.get('2027-05-02')?.statutory], [true, true]);
    // a weekday that is nobody's holiday stays a working day, not known for certain
    assert.deepEqual([cn.day('2027-03-03').working, cn.day('2027-03-03').known], [true, false]);
  });
  it('the computation agrees with the published schedules it stands in for (2025 and 2026: every computed statutory day is a holiday there)', () => {
    for (const year of [2025, 2026]) {
      for (const [iso, h] of computedHolidays(year)) {
        if (!h.statutory) continue;
        const day = cn.day(iso);
        assert.equal(day.working, false, `${iso} ${h.name.en}`);
        assert.equal(day.known, true, 'the published schedule is preferred where it exists');
        assert.equal(day.computed, undefined);
      }
    }
  });
  it('5 U.S.C. § 6103: Independence Day 2026 (a Saturday) is observed on Friday 3 July; Thanksgiving is 26 November 2026', () => {
    const us = calendarFor('US');
    assert.equal(us.day('2026-07-03').working, false);
    assert.equal(us.day('2026-07-04').reason, 'weekend');
    assert.equal(us.day('2026-11-26').name?.en, 'Thanksgiving Day');
    assert.equal(nextWorkingDay(us, '2026-11-26').iso, '2026-11-27');
  });
  it('counts working days after the letter date (PRC 2026: 30 September to 12 October holds 4 working days)', () => {
    assert.deepEqual(workingDaysBetween(cn, '2026-09-30', '2026-10-12'), { days: 4, known: true });
  });
});

describe('limitation (PRC Civil Code)', () => {
  const base: Facts = { kind: 'dunning-letter', creditor: { country: 'US' }, debtor: { country: 'CN' }, contract: { governing_law: 'PRC' } };
  it('Art. 188 and 202: three years ending on the corresponding day (due 15 May 2023 → 15 May 2026, a Friday)', () => {
    const lim = limitationOf({ ...base, contract: { governing_law: 'PRC', type: 'services' }, due_date: '2023-05-15' });
    assert.equal(lim?.years, 3);
    assert.equal(lim?.bar, '2026-05-15');
    assert.equal(lim?.ifSaleOfGoods, undefined);
  });
  it('Art. 202: with no corresponding day the period ends on the last day of the month (29 February 2024 + 3 years → 28 February 2027)', () => {
    assert.equal(addYears('2024-02-29', 3), '2027-02-28');
    assert.equal(addYears('2024-02-29', 4), '2028-02-29');
  });
  it('Art. 203 and the 2026 holiday notice: a bar on 1 October 2026 moves to Thursday 8 October 2026', () => {
    assert.equal(limitationOf({ ...base, contract: { governing_law: 'PRC', type: 'services' }, due_date: '2023-10-01' })?.bar, '2026-10-08');
  });
  it('Art. 594: four years for an international sale of goods (US seller, Chinese buyer, due 30 June 2022 → 30 June 2026)', () => {
    const lim = limitationOf({ ...base, contract: { governing_law: 'PRC', type: 'sale-of-goods' }, due_date: '2022-06-30' });
    assert.deepEqual([lim?.years, lim?.bar], [4, '2026-06-30']);
  });
  it('Art. 594: with the contract type unrecorded, three years and the four-year bar as the alternative', () => {
    const lim = limitationOf({ ...base, due_date: '2022-06-30' });
    assert.deepEqual([lim?.years, lim?.bar, lim?.ifSaleOfGoods], [3, '2025-06-30', '2026-06-30']);
  });
  it('Art. 195 and SPC limitation provisions Art. 14: an acknowledgement on 15 March 2024 restarts three years (→ 15 March 2027)', () => {
    const lim = limitationOf({
      ...base,
      contract: { governing_law: 'PRC', type: 'services' },
      due_date: '2022-06-30',
      events: [{ date: '2024-03-15', type: 'acknowledgement' }],
    });
    assert.equal(lim?.bar, '2027-03-15');
    assert.equal(lim?.restartedBy?.source, 'events.0');
  });
  it('Art. 195: a part payment restarts the period; a demand after the bar does not', () => {
    const facts: Facts = {
      ...base,
      contract: { governing_law: 'PRC', type: 'services' },
      due_date: '2021-01-10',
      payments: [{ date: '2023-06-01', amount: 500 }],
      events: [{ date: '2026-07-01', type: 'demand' }],
    };
    assert.equal(limitationOf(facts)?.bar, '2026-06-01');
  });
  it('Art. 192: a promise made after the bar means the debtor may not plead it', () => {
    const lim = limitationOf({
      ...base,
      contract: { governing_law: 'PRC', type: 'services' },
      due_date: '2021-01-10',
      events: [{ date: '2024-09-02', type: 'promise' }],
    });
    assert.equal(lim?.waivedBy?.date, '2024-09-02');
  });
  it('other laws from the facts (`limitation: { years: 6 }`, e.g. English law, Limitation Act 1980 s.5) and none for an unknown law', () => {
    assert.equal(limitationOf({ ...base, contract: { governing_law: 'EN' }, limitation: { years: 6 }, due_date: '2020-03-31' })?.bar, '2026-03-31');
    assert.equal(limitationOf({ ...base, contract: { governing_law: 'US-NY' }, due_date: '2020-03-31' }), undefined);
    assert.equal(
      limitationOf({ ...base, contract: { governing_law: 'US-NY' }, due_date: '2020-03-31' }, { laws: { 'US-NY': { years: 6 } } })?.bar,
      '2026-03-31',
    );
  });
  it('Art. 195(3): a proceeding on file interrupts the period until it ends', () => {
    assert.equal(limitationOf({ ...base, due_date: '2023-01-05', proceeding: { filed: '2025-11-03' } })?.pendingProceeding, '2025-11-03');
  });
});

describe('reference rates', () => {
  it('every table names its source and the date it was checked, and its changes are in date order', () => {
    for (const [id, table] of Object.entries(REFERENCE_RATES)) {
      assert.match(table.source, /https:\/\//, id);
      assert.match(table.checked, /^\d{4}-\d{2}-\d{2}$/, id);
      const dates = table.changes.map((c) => c.from);
      assert.deepEqual(dates, [...dates].sort(), id);
    }
  });
  it('a date after the table was checked is unknown, never guessed', () => {
    assert.deepEqual(rateOn(rates['uk-bank-rate'], '2099-01-01'), { known: false, why: 'after-checked' });
  });
  it('a config override adds newer changes and extends the checked date', () => {
    const merged = referenceRates({ 'uk-bank-rate': { checked: '2026-06-30', changes: [{ from: '2026-03-19', rate: 3.5 }] } });
    assert.deepEqual(rateOn(merged['uk-bank-rate'], '2026-06-30'), { known: true, rate: 3.5, since: '2026-03-19' });
    assert.equal(rateOn(rates['uk-bank-rate'], '2026-01-15').known, true);
  });
});

describe('UK Late Payment of Commercial Debts (Interest) Act 1998', () => {
  // payontime.co.uk reference-rate table (SI 2002/1675: Bank Rate on 31 December / 30 June + 8 %).
  const table: [string, number][] = [
    ['2018-07-15', 0.5],
    ['2020-02-01', 0.75],
    ['2022-09-01', 1.25],
    ['2023-03-01', 3.5],
    ['2023-10-01', 5],
    ['2024-04-01', 5.25],
  ];
  for (const [due, ref] of table) {
    it(`SI 2002/1675 and the payontime.co.uk reference-rate table: a debt due ${due} carries ${ref + 8} %`, () => {
      const r = interest({ regime: 'uk-late-payment', principal: 1000, from: due, to: due });
      assert.equal(r.periods[0]?.rate, ref + 8);
      assert.equal(r.periods[0]?.reference?.date, ukReferenceDate(due));
    });
  }
  it('SI 2002/1675: interest starting to run on 1 July takes the rate of 30 June; on 1 January, that of 31 December', () => {
    assert.equal(ukReferenceDate('2025-06-30'), '2025-06-30');
    assert.equal(ukReferenceDate('2025-12-31'), '2025-12-31');
    assert.equal(ukReferenceDate('2026-03-02'), '2025-12-31');
  });
  it('Paidnice UK guide: GBP 5,000 at 12.25 % for 101 days is GBP 1.68 a day, GBP 169.68 (a rounded daily figure is accepted)', () => {
    const r = interest({ rate: 12.25, principal: 5000, from: '2025-01-01', to: '2025-04-12' });
    assert.equal(r.days, 101);
    assert.equal(r.amount, 169.49);
    assert.equal(r.dailyRounded, 169.68);
    assert.ok(agrees(169.68, r) && agrees(169.49, r) && !agrees(170, r));
  });
  it('statutory-interest calculator example: GBP 1,000 at 8.5 % is GBP 85 a year', () => {
    assert.equal(interest({ rate: 8.5, principal: 1000, from: '2025-01-01', to: '2026-01-01' }).amount, 85);
  });
  it('s.5A: fixed sums of GBP 40, 70 and 100 by the size of the debt', () => {
    assert.deepEqual([ukFixedSum(999.99), ukFixedSum(1000), ukFixedSum(9999.99), ukFixedSum(10000)], [40, 70, 70, 100]);
  });
});

describe('EU Late Payment Directive 2011/7/EU', () => {
  it('Art. 3(2) and the Irish late-payment rate table: 12.00 % from 1 July 2023, 12.50 % from 1 January 2024 (ECB rate + 8)', () => {
    const r = interest({ regime: 'eu-late-payment', principal: 10000, from: '2023-06-30', to: '2024-06-30' });
    assert.deepEqual(
      r.periods.map((p) => [p.rate, p.days]),
      [
        [12, 184],
        [12.5, 182],
      ],
    );
    assert.equal(r.amount, 1228.22);
  });
  it('splits interest by half-year', () => {
    assert.deepEqual(halfYears('2025-05-31', '2025-08-15'), [
      { from: '2025-05-31', to: '2025-06-30', fixing: '2025-01-01' },
      { from: '2025-06-30', to: '2025-08-15', fixing: '2025-07-01' },
    ]);
  });
});

describe('PRC: contract rate and LPR', () => {
  it('SPC sales-contract interpretation Art. 18 with the LPR of 21 August 2023 (3.45 %): 4.485 % to 5.175 % a year', () => {
    const r = interest({ regime: 'prc-lpr', principal: 1_000_000, from: '2023-09-01', to: '2024-08-31' });
    assert.equal(r.days, 365);
    assert.equal(r.amount, 44850);
    assert.equal(r.max, 51750);
    assert.ok(agrees(51750, r) && agrees(40000, r) && !agrees(51750.02, r));
  });
  it('a monthly rate of 1 % over 87 days on a 360-day year, as PRC practice divides a monthly rate by 30 (USD 86,500 → USD 2,508.50)', () => {
    assert.equal(interest({ rate: 12, day_count: 'actual/360', principal: 86500, from: '2026-08-25', to: '2026-11-20' }).amount, 2508.5);
  });
  it('simple interest, actual/365, first day not counted (USD 112,400 at 12 % from 24 August to 20 November 2026: 88 days, USD 3,251.90)', () => {
    const r = interest({ rate: 12, from: '2026-08-24', to: '2026-11-20' }, { amount: 112400 });
    assert.deepEqual([r.days, r.amount], [88, 3251.9]);
  });
  it('reports what is missing rather than guessing', () => {
    const r = computeInterest({ type: 'interest', rate: 12 }, { amount: 100 }, rates);
    assert.deepEqual(r, { ok: false, problem: { kind: 'incomplete', missing: ['from', 'to'] } });
  });
});

describe('weekday words beside a date', () => {
  it('renames the weekday written before or after a moved date, in its own style', async () => {
    const { weekdayEdit } = await import('../../src/core/law/weekday-words.js');
    const en = 'Please pay by Saturday, 5 December 2026.';
    const at = en.indexOf('5 December');
    assert.deepEqual(weekdayEdit(en, at, at + '5 December 2026'.length, 1), { start: en.indexOf('Saturday'), end: en.indexOf('Saturday') + 8, text: 'Monday' });
    const zh = '请于2026年12月5日（周六）前付清。';
    const z = zh.indexOf('2026');
    assert.deepEqual(weekdayEdit(zh, z, z + '2026年12月5日'.length, 1), { start: zh.indexOf('周六'), end: zh.indexOf('周六') + 2, text: '周一' });
    assert.equal(weekdayEdit('Pay by 5 December 2026.', 7, 22, 1), undefined);
  });
});
