// Table tests of the amount, date and 大写 readers and of the formatters, in English and Chinese.
import assert from 'node:assert/strict';
import { readAmounts } from '../../src/core/facts/amounts.js';
import { readDates } from '../../src/core/facts/dates.js';
import { parseDaxie, toDaxie } from '../../src/core/facts/daxie.js';
import {
  addDays,
  daysBetween,
  formatAmountLike,
  formatDate,
  formatDateLike,
  formatMoney,
  formatMoneyDaxie,
  sumMoney,
  weekday,
} from '../../src/core/facts/format.js';

describe('readAmounts', () => {
  const cases: [string, { raw: string; minor: number; currency?: string; symbol?: string; ambiguous?: boolean; form?: 'figures' | 'daxie' }][] = [
    ['Invoice HVW-2026-1187 for USD 18,400.00 is unpaid.', { raw: 'USD 18,400.00', minor: 1840000, currency: 'USD' }],
    ['We received USD18,400 on Monday.', { raw: 'USD18,400', minor: 1840000, currency: 'USD' }],
    ['A balance of $18,400 remains.', { raw: '$18,400', minor: 1840000, symbol: '$', ambiguous: true }],
    ['Please pay US$18,400.00 today.', { raw: 'US$18,400.00', minor: 1840000, currency: 'USD', symbol: 'US$' }],
    ['贵司尚欠货款18,400.00 美元。', { raw: '18,400.00 美元', minor: 1840000, currency: 'USD' }],
    ['金额为美元 18,400.00 元。', { raw: '美元 18,400.00 元', minor: 1840000, currency: 'USD' }],
    ['欠款人民币 120,000 元，', { raw: '人民币 120,000 元', minor: 12000000, currency: 'CNY' }],
    ['a sum of RMB 120,000.00 only', { raw: 'RMB 120,000.00', minor: 12000000, currency: 'CNY' }],
    ['CNY 120,000 is due', { raw: 'CNY 120,000', minor: 12000000, currency: 'CNY' }],
    ['共计120,000元。', { raw: '120,000元', minor: 12000000, currency: 'CNY' }],
    ['共计￥120,000。', { raw: '￥120,000', minor: 12000000, symbol: '￥', ambiguous: true }],
    ['a fee of ¥120,000 was', { raw: '¥120,000', minor: 12000000, symbol: '¥', ambiguous: true }],
    ['EUR 2,500.50 in costs', { raw: 'EUR 2,500.50', minor: 250050, currency: 'EUR' }],
    ['HKD 9,000 paid', { raw: 'HKD 9,000', minor: 900000, currency: 'HKD' }],
    ['SGD 1,000.05 paid', { raw: 'SGD 1,000.05', minor: 100005, currency: 'SGD' }],
    ['JPY 50,000 paid', { raw: 'JPY 50,000', minor: 5000000, currency: 'JPY' }],
    ['18,400.00 USD is due', { raw: '18,400.00 USD', minor: 1840000, currency: 'USD' }],
    ['（大写：壹万捌仟肆佰元整）', { raw: '壹万捌仟肆佰元整', minor: 1840000, form: 'daxie' }],
    ['大写美元壹万捌仟肆佰元整。', { raw: '美元壹万捌仟肆佰元整', minor: 1840000, currency: 'USD', form: 'daxie' }],
    ['即人民币壹拾贰万元整', { raw: '人民币壹拾贰万元整', minor: 12000000, currency: 'CNY', form: 'daxie' }],
    ['计壹仟贰佰叁拾肆元伍角陆分', { raw: '壹仟贰佰叁拾肆元伍角陆分', minor: 123456, form: 'daxie' }],
    ['约12万元', { raw: '12万元', minor: 12000000, currency: 'CNY' }],
  ];
  for (const [text, want] of cases) {
    it(`reads \`${want.raw}\``, () => {
      const found = readAmounts(text, 100);
      assert.equal(found.length, 1, JSON.stringify(found));
      const a = found[0]!;
      assert.equal(a.raw, want.raw);
      assert.equal(a.start, 100 + text.indexOf(want.raw));
      assert.equal(a.end, a.start + want.raw.length);
      assert.equal(a.minor, want.minor);
      assert.equal(a.value, want.minor / 100);
      assert.equal(a.currency, want.currency);
      assert.equal(a.symbol, want.symbol);
      assert.equal(a.ambiguous, want.ambiguous ?? false);
      assert.equal(a.form, want.form ?? 'figures');
    });
  }
  for (const text of [
    'Invoice HVW-2026-1187 dated 15 September 2026 covers 500 valves under clause 9.2.',
    '发票号 NBLH-20261187，数量 1,200 件，合同第 9.2 条，2026 年。',
    'Call +86 574 8765 4321 or see item 3.',
    '一百二十元',
    '',
  ]) {
    it(`reads no amount in \`${text}\``, () => assert.deepEqual(readAmounts(text), []));
  }
  it('reads every amount of a sentence in order', () => {
    const found = readAmounts('USD 9,200.00 by 30 November and USD 9,200.00（大写：美元玖仟贰佰元整）by 15 December.');
    assert.deepEqual(
      found.map((a) => [a.raw, a.minor]),
      [
        ['USD 9,200.00', 920000],
        ['USD 9,200.00', 920000],
        ['美元玖仟贰佰元整', 920000],
      ],
    );
  });
  it('reads a 大写 amount with ordinary numerals mixed in, for the rule to flag', () => {
    const [a] = readAmounts('金额：壹万捌仟四佰元整');
    assert.equal(a?.minor, 1840000);
    assert.equal(parseDaxie(a!.raw), undefined);
  });
});

describe('readDates', () => {
  const cases: [string, string, string | undefined, boolean, string][] = [
    ['pay by 2026-12-04.', '2026-12-04', '2026-12-04', false, 'iso'],
    ['pay by 4 December 2026.', '4 December 2026', '2026-12-04', false, 'en-dmy'],
    ['pay by 4 Dec 2026.', '4 Dec 2026', '2026-12-04', false, 'en-dmy'],
    ['pay by 4th December 2026.', '4th December 2026', '2026-12-04', false, 'en-dmy'],
    ['pay by December 4, 2026.', 'December 4, 2026', '2026-12-04', false, 'en-mdy'],
    ['pay by Sept. 30, 2026.', 'Sept. 30, 2026', '2026-09-30', false, 'en-mdy'],
    ['请于2026年12月4日前付款。', '2026年12月4日', '2026-12-04', false, 'zh'],
    ['请于 2026 年 12 月 4 日前付款。', '2026 年 12 月 4 日', '2026-12-04', false, 'zh'],
    ['due 04/12/2026.', '04/12/2026', undefined, true, 'numeric'],
    ['due 4/12/2026.', '4/12/2026', undefined, true, 'numeric'],
    ['due 12.04.2026.', '12.04.2026', undefined, true, 'numeric'],
    ['due 25/12/2026.', '25/12/2026', '2026-12-25', false, 'numeric'],
    ['due 12/25/2026.', '12/25/2026', '2026-12-25', false, 'numeric'],
    ['due 05/05/2026.', '05/05/2026', '2026-05-05', false, 'numeric'],
    ['due 2026/12/04.', '2026/12/04', '2026-12-04', false, 'numeric'],
    ['due 31 November 2026.', '31 November 2026', undefined, false, 'en-dmy'],
    ['于2026年2月30日', '2026年2月30日', undefined, false, 'zh'],
    ['due 2026-02-29.', '2026-02-29', undefined, false, 'iso'],
  ];
  for (const [text, raw, iso, ambiguous, form] of cases) {
    it(`reads \`${raw}\``, () => {
      const found = readDates(text, 7);
      assert.equal(found.length, 1, JSON.stringify(found));
      const d = found[0]!;
      assert.equal(d.raw, raw);
      assert.equal(d.start, 7 + text.indexOf(raw));
      assert.equal(d.end, d.start + raw.length);
      assert.equal(d.iso, iso);
      assert.equal(d.ambiguous, ambiguous);
      assert.equal(d.form, form);
    });
  }
  for (const text of ['Invoice HVW-2026-1187, order 2026-044, qty 12/500.', '发票 NBLH-2026-1204，合同 HVW-SC-2026-044。', 'In 2026 we shipped.', '']) {
    it(`reads no date in \`${text}\``, () => assert.deepEqual(readDates(text), []));
  }
});

describe('toDaxie and parseDaxie', () => {
  const table: [number, string][] = [
    [18400, '壹万捌仟肆佰元整'],
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分'],
    [120000, '壹拾贰万元整'],
    [0, '零元整'],
    [0.56, '伍角陆分'],
    [0.05, '伍分'],
    [10, '壹拾元整'],
    [105, '壹佰零伍元整'],
    [1005.07, '壹仟零伍元零柒分'],
    [1010.5, '壹仟零壹拾元伍角整'],
    [100010, '壹拾万零壹拾元整'],
    [1000100, '壹佰万零壹佰元整'],
    [20304050, '贰仟零叁拾万肆仟零伍拾元整'],
    [100000000.01, '壹亿元零壹分'],
    [1200000000, '壹拾贰亿元整'],
    [100001000, '壹亿零壹仟元整'],
    [1e12, '壹万亿元整'],
  ];
  for (const [value, daxie] of table) {
    it(`${value} ↔ ${daxie}`, () => {
      assert.equal(toDaxie(value), daxie);
      assert.equal(parseDaxie(daxie), value);
    });
  }
  it('parses accepted variants', () => {
    assert.equal(parseDaxie('拾万元整'), 100000);
    assert.equal(parseDaxie('壹仟贰佰叁拾元零肆角伍分'), 1230.45);
    assert.equal(parseDaxie('壹万圆正'), 10000);
    assert.equal(parseDaxie('壹仟贰佰元伍角'), 1200.5);
  });
  for (const bad of ['壹万捌仟四佰元整', '一万八千四百元整', '壹壹元整', '元整', '伍角整陆分', '壹佰零零伍元整', '壹拾佰元整', '', 'USD 18,400']) {
    it(`rejects \`${bad}\``, () => assert.equal(parseDaxie(bad), undefined));
  }
  it('gives the empty string for values it cannot write', () => {
    assert.equal(toDaxie(-1), '');
    assert.equal(toDaxie(Number.NaN), '');
  });
});

describe('formatters', () => {
  it('formats money in both styles', () => {
    assert.equal(formatMoney(18400, 'USD', 'en'), 'USD 18,400.00');
    assert.equal(formatMoney(18400, 'USD', 'zh'), '18,400.00 美元');
    assert.equal(formatMoney(120000, 'CNY', 'en'), 'CNY 120,000.00');
    assert.equal(formatMoney(120000, 'CNY', 'zh'), '人民币 120,000.00 元');
    assert.equal(formatMoney(1234567.5, 'EUR', 'zh'), '1,234,567.50 欧元');
    assert.equal(formatMoney(50000, 'JPY', 'en'), 'JPY 50,000');
    assert.equal(formatMoney(0.1, 'USD', 'en'), 'USD 0.10');
  });
  it('formats 大写 money', () => {
    assert.equal(formatMoneyDaxie(18400, 'USD'), '美元壹万捌仟肆佰元整');
    assert.equal(formatMoneyDaxie(120000, 'CNY'), '人民币壹拾贰万元整');
  });
  it('formats dates in both styles and like a written date', () => {
    assert.equal(formatDate('2026-12-04', 'en'), '4 December 2026');
    assert.equal(formatDate('2026-12-04', 'zh'), '2026年12月4日');
    assert.equal(formatDate('not a date', 'en'), '');
    assert.equal(formatDateLike('2026-12-07', '2026-12-05'), '2026-12-07');
    assert.equal(formatDateLike('2026-12-07', 'Dec. 5, 2026'), 'Dec. 7, 2026');
    assert.equal(formatDateLike('2026-12-07', 'December 5, 2026'), 'December 7, 2026');
    assert.equal(formatDateLike('2026-12-07', '5th December 2026'), '7th December 2026');
    assert.equal(formatDateLike('2026-09-01', '5 Sept 2026'), '1 Sept 2026');
    assert.equal(formatDateLike('2026-12-07', '2026年12月5日'), '2026年12月7日');
    assert.equal(formatDateLike('2026-01-07', '2026年12月05日'), '2026年01月07日');
    assert.equal(formatDateLike('2026-12-07', '2026/12/05'), '2026/12/07');
  });
  it('formats an amount like a written amount', () => {
    assert.equal(formatAmountLike(18400, '$18,000'), '$18,400');
    assert.equal(formatAmountLike(18400, 'USD 18,000.00'), 'USD 18,400.00');
    assert.equal(formatAmountLike(18400, '18000.00 美元'), '18400.00 美元');
    assert.equal(formatAmountLike(18400.5, 'USD 18,000'), 'USD 18,400.50');
  });
  it('adds money exactly', () => {
    assert.equal(sumMoney([0.1, 0.2]), 0.3);
    assert.equal(sumMoney([18400, 552, 0.01]), 18952.01);
    assert.equal(sumMoney([]), 0);
  });
  it('does date arithmetic on calendar dates', () => {
    assert.equal(weekday('2026-12-05'), 6);
    assert.equal(weekday('2026-12-06'), 0);
    assert.equal(weekday('2026-12-07'), 1);
    assert.equal(addDays('2026-11-30', 5), '2026-12-05');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(daysBetween('2026-11-20', '2026-12-04'), 14);
    assert.equal(daysBetween('2026-12-04', '2026-11-20'), -14);
    assert.ok(Number.isNaN(daysBetween('x', '2026-11-20')));
  });
});
