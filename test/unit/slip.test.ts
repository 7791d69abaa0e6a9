// A fix that changes a figure is applied without a person only for a slip of the pen.
import assert from 'node:assert/strict';
import { oneDigitSlip, plausibleAmountSlip, plausibleDateSlip } from '../../src/core/facts/slip.js';

describe('slips of the pen', () => {
  it('one digit changed, dropped, added, or two adjacent digits swapped', () => {
    assert.ok(oneDigitSlip('18000', '18400'));
    assert.ok(oneDigitSlip('14800', '18400'));
    assert.ok(oneDigitSlip('1840', '18400'));
    assert.ok(oneDigitSlip('184000', '18400'));
    assert.ok(!oneDigitSlip('18400', '18400'));
    assert.ok(!oneDigitSlip('12345', '54321'));
    assert.ok(!oneDigitSlip('1000', '5500'));
  });

  it('amounts: the slips, and the figures that are something else', () => {
    const minor = (n: number): number => Math.round(n * 100);
    assert.ok(plausibleAmountSlip(minor(18000), minor(18400)), 'one digit wrong');
    assert.ok(plausibleAmountSlip(minor(14800), minor(18400)), 'transposed');
    assert.ok(plausibleAmountSlip(minor(1840), minor(18400)), 'a digit missing / a decimal shift');
    assert.ok(plausibleAmountSlip(minor(184000), minor(18400)), 'a digit extra');
    assert.ok(plausibleAmountSlip(minor(18.4), minor(18400)), 'a separator read as a decimal point');
    assert.ok(!plausibleAmountSlip(minor(532.14), minor(498)), 'unbacked interest added');
    assert.ok(!plausibleAmountSlip(minor(30000), minor(90000) + 1), 'an instalment');
    assert.ok(!plausibleAmountSlip(minor(6000), minor(18400)), 'a part payment');
    assert.ok(!plausibleAmountSlip(minor(50000), minor(18400)), 'a credit limit');
    assert.ok(!plausibleAmountSlip(minor(12.5), minor(18400)), 'a unit price');
  });

  it('dates: one digit, a transposition, day and month swapped', () => {
    assert.ok(plausibleDateSlip('2026-12-14', '2026-12-04'));
    assert.ok(plausibleDateSlip('2026-04-12', '2026-12-04'));
    assert.ok(plausibleDateSlip('2025-12-04', '2026-12-04'));
    assert.ok(plausibleDateSlip('2026-10-21', '2026-10-12'));
    assert.ok(!plausibleDateSlip('2026-12-18', '2026-12-04'));
    assert.ok(!plausibleDateSlip('2026-10-30', '2026-10-15'));
    assert.ok(!plausibleDateSlip('2026-11-04', '2026-12-18'));
  });
});
