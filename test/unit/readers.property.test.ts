// Property tests of the readers: formatters and readers agree, and readers never throw.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readAmounts } from '../../src/core/facts/amounts.js';
import { readDates } from '../../src/core/facts/dates.js';
import { parseDaxie, toDaxie } from '../../src/core/facts/daxie.js';
import { formatDate, formatMoney, formatMoneyDaxie } from '../../src/core/facts/format.js';

const minorUnits = fc.integer({ min: 1, max: 100_000_000_000_000 });
const currencies = fc.constantFrom('USD', 'CNY', 'EUR', 'HKD', 'SGD', 'GBP');
const isoDates = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const prose = fc.constantFrom('Please pay ', '请于', 'The balance of ', '合计', '', ' (', '：');
const noise = fc.string({ unit: fc.constantFrom(...'0123456789,./-$¥￥元年月日 USDCNYRMB壹贰叁拾佰仟万亿零整角分一二三 DecJan4th'.split('')), maxLength: 60 });

describe('reader properties', () => {
  it('toDaxie ∘ parseDaxie round-trips 0.01 .. 10^12', () => {
    fc.assert(
      fc.property(minorUnits, (minor) => {
        const value = minor / 100;
        assert.equal(parseDaxie(toDaxie(value)), value);
      }),
      { numRuns: 2000 },
    );
  });
  it('formatMoney is read back with the same minor units and currency', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000_000 }),
        currencies,
        fc.constantFrom('en' as const, 'zh' as const),
        prose,
        (minor, currency, style, before) => {
          const written = formatMoney(minor / 100, currency, style);
          const text = `${before}${written}。`;
          const found = readAmounts(text);
          assert.equal(found.length, 1, `${text} → ${JSON.stringify(found)}`);
          assert.equal(found[0]!.minor, minor);
          assert.equal(found[0]!.currency, currency);
          assert.equal(found[0]!.raw, written);
        },
      ),
      { numRuns: 1000 },
    );
  });
  it('formatMoneyDaxie is read back as a 大写 amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), fc.constantFrom('USD', 'CNY'), (minor, currency) => {
        const found = readAmounts(`（大写：${formatMoneyDaxie(minor / 100, currency)}）`);
        assert.equal(found.length, 1);
        assert.equal(found[0]!.minor, minor);
        assert.equal(found[0]!.currency, currency);
        assert.equal(found[0]!.form, 'daxie');
      }),
      { numRuns: 500 },
    );
  });
  it('formatDate is read back as the same ISO date', () => {
    fc.assert(
      fc.property(isoDates, fc.constantFrom('en' as const, 'zh' as const), prose, (iso, style, before) => {
        const found = readDates(`${before}${formatDate(iso, style)}.`);
        assert.equal(found.length, 1);
        assert.equal(found[0]!.iso, iso);
        assert.equal(found[0]!.ambiguous, false);
      }),
      { numRuns: 1000 },
    );
  });
  it('readers never throw and every span lies inside the text', () => {
    fc.assert(
      fc.property(fc.oneof(noise, fc.string({ maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 40 })), fc.nat(1000), (text, offset) => {
        for (const m of [...readAmounts(text, offset), ...readDates(text, offset)]) {
          assert.ok(m.start >= offset && m.end <= offset + text.length && m.start < m.end);
          assert.equal(text.slice(m.start - offset, m.end - offset), m.raw);
        }
        for (const a of readAmounts(text)) assert.ok(Number.isFinite(a.value) && Number.isInteger(a.minor));
        parseDaxie(text);
      }),
      { numRuns: 2000 },
    );
  });
});
