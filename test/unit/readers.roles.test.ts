// What the facts rules read around a mention: the role a sentence gives a date, sentence bounds.
import assert from 'node:assert/strict';
import { caseAmounts, dateRole, sentenceEnd, sentenceStart } from '../../src/core/rules/facts/support.js';

describe('dateRole', () => {
  const table: [string, string, 'due' | 'deadline' | undefined][] = [
    ['Payment fell due on ', ' and has not been received.', 'due'],
    ['The invoice was due on ', '.', 'due'],
    ['Invoice HVW-2026-1187 (due ', ') is unpaid.', 'due'],
    ['Due date: ', '', 'due'],
    ['The amount was payable by ', ' under the invoice.', 'due'],
    ['The balance is payable by ', '.', 'deadline'],
    ['Please pay no later than ', '.', 'deadline'],
    ['Please pay on or before ', '.', 'deadline'],
    ['Please pay the balance by ', '.', 'deadline'],
    ['Our invoice dated ', ' covers 240 valves.', undefined],
    ['We spoke on ', '.', undefined],
    ['该款项已于', '到期。', 'due'],
    ['按合同约定应于', '支付。', 'due'],
    ['到期日为', '。', 'due'],
    ['请贵司于', '前付清。', 'deadline'],
    ['请于', '之前付款。', 'deadline'],
    ['付款截止日期为', '。', 'deadline'],
    ['我司于', '开具发票。', undefined],
  ];
  for (const [before, after, role] of table) {
    it(`\`${before}…${after}\` → ${role ?? 'neither'}`, () => assert.equal(dateRole(before, after), role));
  }
});

describe('sentence bounds', () => {
  it('does not end a sentence at a decimal point or an abbreviation', () => {
    const s = 'Ningbo Lianhe Industrial Co., Ltd. owes USD 18,400.00 under the contract. Please pay.';
    const i = s.indexOf('USD');
    assert.equal(sentenceStart(s, i), 0);
    assert.equal(sentenceEnd(s, i), s.indexOf('. Please'));
  });
  it('ends a Chinese sentence at 。', () => {
    const s = '货款已到期。请于2026年12月4日前付清。';
    assert.equal(sentenceStart(s, s.indexOf('请')), s.indexOf('请'));
    assert.equal(sentenceEnd(s, s.indexOf('请')), s.length - 1);
  });
});

describe('caseAmounts', () => {
  it('lists the amounts and sums the facts justify, in minor units', () => {
    const minors = caseAmounts({
      amount: 18400,
      currency: 'USD',
      invoices: [
        { number: 'HVW-2026-1187', amount: 12400 },
        { number: 'HVW-2026-1203', amount: 6000 },
      ],
      charges: [{ what: 'Interest', amount: 552, basis: 'clause 9.2' }],
      commitments: [{ what: 'Pay USD 9,200.00', by: '2026-11-30' }],
      instalments: [{ amount: 6400, by: '2026-12-15' }],
    })
      .map((a) => a.minor)
      .sort((a, b) => a - b);
    assert.deepEqual(minors, [55200, 600000, 640000, 920000, 1240000, 1840000, 1840000, 1895200]);
  });
});
