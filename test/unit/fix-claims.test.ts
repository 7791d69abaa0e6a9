// The rewrites `--fix` used to make to real letters, each pinned: a fix changes a figure only when it is certain.
import assert from 'node:assert/strict';
import { fixUntilStable, lint } from '../../src/index.js';
import { FIXTURE_TODAY } from './helpers.js';

const config = { today: FIXTURE_TODAY };

function letter(facts: string, body: string): string {
  return `---\n${facts.trim()}\n---\n\n${body.trim()}\n`;
}

const PLAN = `
kind: dunning-letter
stage: second-reminder
date: 2026-11-18
language: en
creditor: { name: Redwood Trellis Co., country: US }
debtor: { name: Foshan Greenleaf Garden Products Co., Ltd., country: CN, locale: en }
amount: 60000.00
currency: USD
invoices: [{ number: RTC-4410, date: 2026-07-10, amount: 60000.00 }]
due_date: 2026-09-08
deadline: 2026-11-30
commitments:
  - { what: Pay USD 20000.00, by: 2026-11-30, amount: 20000.00 }
  - { what: Pay USD 20000.00, by: 2026-12-31, amount: 20000.00 }
  - { what: Pay USD 20000.00, by: 2027-01-29, amount: 20000.00 }
`;

describe('--fix leaves the claims of a letter alone unless a fix is certain', () => {
  it('keeps instalments as instalments', () => {
    const text = letter(
      PLAN,
      `Invoice RTC-4410 of 10 July 2026 for USD 60,000.00 fell due on 8 September 2026.

As agreed, you will pay USD 20,000.00 by 30 November 2026, USD 20,000.00 by 31 December 2026 and USD 20,000.00 by 29 January 2027.`,
    );
    assert.equal(fixUntilStable(text, (t) => lint(t, { config })).text, text);
  });

  it('keeps the zero rows, the interest row and the payments of an itemisation', () => {
    const text = letter(
      `
kind: dunning-letter
stage: letter-before-action
date: 2026-11-18
language: en
creditor: { name: Ouse Mills Ltd, country: GB }
debtor: { name: Wing Lee Garments Limited, country: HK, locale: en }
amount: 10432.00
currency: USD
invoices: [{ number: OM-771, date: 2026-07-01, amount: 10000.00 }]
charges: [{ what: Interest under clause 7.3, amount: 432.00, basis: Supply Agreement OM-SA-26, clause 7.3 }]
due_date: 2026-08-30
deadline: 2026-12-02
next_step: litigation
`,
      `Invoice OM-771 of 1 July 2026 for USD 10,000.00 fell due on 30 August 2026. Our claim:

| Item | Amount (USD) |
| --- | ---: |
| Principal | 10,000.00 |
| Interest, clause 7.3 | 432.00 |
| Collection costs | 0.00 |
| Total | 10,432.00 |

Please pay USD 10,432.00 by 2 December 2026, failing which we will issue proceedings in the High Court of Hong Kong.`,
    );
    assert.equal(fixUntilStable(text, (t) => lint(t, { config })).text, text);
  });

  it('keeps a unit price in a Chinese letter', () => {
    const text = letter(
      `
kind: dunning-letter
stage: reminder
date: 2026-11-18
language: zh-CN
creditor: { name: 红杉光学有限公司, country: US }
debtor: { name: 宁波明光照明有限公司, country: CN, locale: zh-CN }
amount: 6480.00
currency: USD
invoices: [{ number: RO-2211, date: 2026-09-01, amount: 6480.00 }]
due_date: 2026-10-01
`,
      `我司于2026年9月1日开具第 RO-2211 号发票（透镜组件240件，单价美元27.00），金额美元6,480.00（大写：美元陆仟肆佰捌拾元整），已于2026年10月1日到期，烦请安排付款。`,
    );
    assert.equal(fixUntilStable(text, (t) => lint(t, { config })).text, text);
  });

  it('reads "USD $2,500" as one amount in US dollars, and writes no second code', () => {
    const text = letter(
      `
kind: dunning-letter
stage: reminder
date: 2026-11-18
language: en
creditor: { name: Keel Marine Inc., country: US }
debtor: { name: Xiamen Harbour Fittings Co., Ltd., country: CN, locale: en }
amount: 2500.00
currency: USD
invoices: [{ number: KM-118, date: 2026-09-02, amount: 2500.00 }]
due_date: 2026-10-02
`,
      'Invoice KM-118 of 2 September 2026 for USD $2,500 fell due on 2 October 2026 and is still open.',
    );
    const fixed = fixUntilStable(text, (t) => lint(t, { config })).text;
    assert.doesNotMatch(fixed, /USD\s+USD/);
    assert.deepEqual(
      lint(text, { config }).filter((f) => f.ruleId === 'currency-symbol'),
      [],
    );
  });

  it('removes an insult with its sentence instead of leaving 贵司就是贵司', () => {
    const text = letter(
      `
kind: dunning-letter
stage: final-demand
date: 2026-11-18
language: zh-CN
creditor: { name: 蓝水船舶电子公司, country: US }
debtor: { name: 舟山海达船舶配件有限公司, country: CN, locale: zh-CN }
amount: 44200.00
currency: USD
invoices: [{ number: BME-26-0619, date: 2026-07-10, amount: 44200.00 }]
due_date: 2026-09-08
deadline: 2026-12-03
next_step: arbitration
contract: { reference: BME-SC-2026-05, arbitration: CIETAC }
`,
      `第 BME-26-0619 号发票（2026年7月10日）金额美元44,200.00元，应于2026年9月8日前付款，至今未付。贵司就是老赖。请贵司于2026年12月3日前付清，否则我司将依据合同第12条向中国国际经济贸易仲裁委员会申请仲裁。`,
    );
    const insult = lint(text, { config }).find((f) => f.ruleId === 'no-insult');
    assert.ok(insult, 'the insult is reported');
    assert.ok(!insult.fixes.some((f) => f.isPreferred), 'no fix is applied by --fix');
    assert.ok(
      insult.fixes.every((f) => f.edits.every((e) => e.text === '')),
      'the only fix removes the sentence',
    );
    assert.doesNotMatch(fixUntilStable(text, (t) => lint(t, { config })).text, /贵司就是贵司/);
  });
});
