// A case that remembers (issue 22): a document speaks as of its own date, a sent document is never
// judged again by later facts, and recording a payment or a call leaves the documents before it clean.
import assert from 'node:assert/strict';
import { caseAsOf, frozenFacts } from '../../src/core/cases/as-of.js';
import { caseFacts, documentFacts } from '../../src/core/cases/case-file.js';
import { nextDraft, recordCall, recordPayment } from '../../src/core/cases/edit.js';
import { summarizeCase } from '../../src/core/cases/portfolio.js';
import { markBefore, markSent, ownFrontMatter } from '../../src/core/cases/sent.js';
import { typeFacts } from '../../src/core/facts/facts.js';
import { renderTemplate } from '../../src/core/templates/index.js';
import { lint } from '../../src/index.js';

// a law firm's matter file: two invoices, 31,770.50 owed, nothing paid yet
const CASE = `# Matter 2026/417 — Kestrel Marine Supplies Ltd v Dalian Haiyun Shipping Co., Ltd.
creditor:
  name: Kestrel Marine Supplies Ltd
  country: GB
  contact: Imogen Pryce
  email: credit@kestrel-marine.example
debtor:
  name: Dalian Haiyun Shipping Co., Ltd.
  country: CN
  locale: en
  contact: Ms. Sun Li
amount: 31770.50
currency: USD
invoices:
  - number: KMS-88120
    date: 2026-09-04
    amount: 20120.50
  - number: KMS-88177
    date: 2026-09-18
    amount: 11650.00
due_date: 2026-10-19
events:
  - date: 2026-09-25
    type: delivery
    note: Chandlery stores delivered alongside MV Haiyun 7 at Dalian, receipt signed
payments: []
`;

// the 18 November reminder, terse and British
const REMINDER = `---
kind: dunning-letter
stage: reminder
language: en
date: 2026-11-18
---

Dear Ms Sun,

Our invoices KMS-88120 (USD 20,120.50) and KMS-88177 (USD 11,650.00) fell due on 19 October 2026. USD 31,770.50 remains outstanding. Kindly arrange settlement, or let us know if anything is holding it up.

Yours sincerely,

Imogen Pryce, Kestrel Marine Supplies Ltd
`;

// a call summary written on 2 December, a minute before the payment of that day was recorded
const CALL = `---
kind: call-summary
language: en
date: 2026-12-02
call:
  date: 2026-12-02
  with: Ms. Sun Li
commitments:
  - what: Pay USD 15,000.00 today and the balance in January
    by: 2027-01-15
    amount: 16770.50
---

Ms Sun, thank you for the call this morning. For the record: the balance outstanding is USD 31,770.50 on invoices KMS-88120 and KMS-88177, due on 19 October 2026 under our 30-day terms for the chandlery stores delivered on 25 September. You agreed to pay USD 16,770.50 by 15 January 2027 after today's transfer. Please confirm this summary by reply.

Imogen Pryce
`;

const config = { today: '2026-12-02' };
const factErrors = (text: string, caseText: string): string[] =>
  lint(text, { config, facts: caseFacts([{ name: 'case.yaml', text: caseText }]) })
    .filter((f) => f.severity === 'error')
    .map((f) => `${f.ruleId}: ${f.message}`);

describe('facts as of a date', () => {
  const paid = recordPayment(CASE, { date: '2026-12-02', amount: 15000, reference: 'SWIFT 20261202-DHY-0091' });
  assert.ok(paid.ok);
  const after = caseFacts([{ name: 'case.yaml', text: paid.text }]).data;

  it('leaves out what is dated after the date, and gives back to amount the payments left out', () => {
    const on18 = caseAsOf(after, '2026-11-18');
    assert.equal(on18.amount, 31770.5);
    assert.deepEqual(on18.payments, []);
    assert.equal(caseAsOf(after, '2026-12-02').amount, 16770.5, 'a payment of the same day applies');
    assert.equal(caseAsOf(after, undefined), after, 'no date: the case as it is');
    const withLater = {
      ...after,
      events: [...(after.events as unknown[]), { date: '2026-12-10', type: 'call' }],
      closed: { date: '2027-01-20', outcome: 'paid' },
    };
    const asOf = caseAsOf(withLater, '2026-12-05');
    assert.equal((asOf.events as unknown[]).length, 1);
    assert.equal(asOf.closed, undefined);
    assert.deepEqual(withLater.closed, { date: '2027-01-20', outcome: 'paid' }, 'the input is not changed');
  });

  it("a promise or a dispute recorded after a letter's date is not the letter's", () => {
    const data = {
      amount: 100,
      commitments: [
        { by: '2027-01-15', amount: 100, date: '2026-12-02' },
        { by: '2026-11-30', amount: 50 },
      ],
      disputes: [{ date: '2026-12-03', note: 'x' }],
    };
    const asOf = caseAsOf(data, '2026-11-20');
    assert.deepEqual(asOf.commitments, [{ by: '2026-11-30', amount: 50 }], 'a promise without the date it was made stays');
    assert.deepEqual(asOf.disputes, []);
  });

  it('the one merge applies it: an earlier letter inherits the case as it stood on its date', () => {
    const merged = documentFacts(caseFacts([{ name: 'case.yaml', text: paid.text }]), { kind: 'dunning-letter', date: '2026-11-18' });
    assert.equal(merged.amount, 31770.5);
    assert.deepEqual(merged.payments, []);
  });

  it('Record Payment leaves the 18 November reminder clean: no "Unexpected 31,770.50 as the amount still owed"', () => {
    assert.deepEqual(factErrors(REMINDER, CASE), [], 'clean before the payment');
    assert.deepEqual(factErrors(REMINDER, paid.text), [], 'and after it');
  });
});

describe('sent documents', () => {
  it('Mark as Sent writes `sent:` into the front matter, keeps the rest, and never moves an earlier date', () => {
    const marked = markSent(REMINDER, '2026-11-19');
    assert.ok(marked.ok);
    assert.match(marked.text, /^---\nkind: dunning-letter\nstage: reminder\nlanguage: en\ndate: 2026-11-18\nsent: 2026-11-19\n---\n\nDear Ms Sun/);
    const again = markSent(marked.text, '2026-12-01');
    assert.ok(again.ok);
    assert.equal(again.text, marked.text);
    const crlf = markSent(REMINDER.replace(/\n/g, '\r\n'), '2026-11-19');
    assert.ok(crlf.ok && !/[^\r]\n/.test(crlf.text), 'CRLF stays CRLF');
    const bare = markSent('Dear Sirs,\n', '2026-11-19');
    assert.ok(bare.ok);
    assert.equal(bare.text, '---\nsent: 2026-11-19\n---\n\nDear Sirs,\n');
    assert.equal(markSent('---\n[1, 2]\n---\nx\n', '2026-11-19').ok, false);
  });

  it('a recording marks the documents before it as sent, and freezes the one of the same day', () => {
    const before = caseFacts([{ name: 'case.yaml', text: CASE }]).data;
    const paid = recordPayment(CASE, { date: '2026-12-02', amount: 15000, reference: 'SWIFT 20261202-DHY-0091' });
    assert.ok(paid.ok);
    const after = caseFacts([{ name: 'case.yaml', text: paid.text }]).data;
    const internal = '---\nkind: case-evaluation\ndate: 2026-11-01\n---\nInternal.\n';
    const future = REMINDER.replace('date: 2026-11-18', 'date: 2026-12-09');
    const marked = markBefore(
      [
        { name: 'reminder.md', text: REMINDER },
        { name: 'call.md', text: CALL },
        { name: 'evaluation.md', text: internal },
        { name: 'draft.md', text: future },
      ],
      before,
      after,
      '2026-12-02',
    );
    assert.deepEqual(
      marked.map((m) => m.name),
      ['reminder.md', 'call.md'],
      'an internal document and a letter dated later are not marked',
    );
    const reminder = ownFrontMatter(marked[0]!.text)!;
    assert.equal(reminder.sent, '2026-11-18', 'sent on its own date');
    assert.equal(reminder.amount, undefined, 'its date already leaves the payment out: nothing frozen');
    const call = ownFrontMatter(marked[1]!.text)!;
    assert.equal(call.sent, '2026-12-02');
    assert.equal(call.amount, 31770.5, 'the amount it was written with');
    assert.deepEqual(call.payments, []);
    // the call summary of that morning stays clean with the payment recorded
    assert.deepEqual(factErrors(CALL, CASE), [], 'clean before');
    assert.notDeepEqual(factErrors(CALL, paid.text), [], 'without the mark, the later payment would judge it again');
    assert.deepEqual(factErrors(marked[1]!.text, paid.text), [], 'marked and frozen: clean after');
    assert.deepEqual(frozenFacts(call, before, after), {}, 'frozen once: a second look changes nothing');
  });

  it('dunmark cases and the Cases view see which documents were sent', () => {
    const marked = markSent(REMINDER, '2026-11-19');
    assert.ok(marked.ok);
    const s = summarizeCase(
      'kestrel',
      caseFacts([{ name: 'case.yaml', text: CASE }]).data,
      [
        { name: 'r.md', text: marked.text },
        { name: 'c.md', text: CALL },
      ],
      {
        asOf: '2026-12-02',
      },
    );
    assert.deepEqual(
      s.documents.map((d) => [d.name, d.sent]),
      [
        ['r.md', '2026-11-19'],
        ['c.md', undefined],
      ],
    );
  });
});

describe('Record Call in the case file', () => {
  it('records the call, the promise with the date it was made, and a dispute', () => {
    const result = recordCall(CASE, {
      date: '2026-12-02',
      with: 'Ms. Sun Li',
      promise: { what: 'Pay USD 16,770.50', by: '2027-01-15', amount: 16770.5 },
      dispute: { invoice: 'KMS-88177', note: 'Two mooring lines short-shipped' },
    });
    assert.ok(result.ok);
    const data = caseFacts([{ name: 'case.yaml', text: result.text }]).data;
    assert.deepEqual((data.events as unknown[]).at(-1), { date: '2026-12-02', type: 'dispute', with: 'Ms. Sun Li' });
    assert.deepEqual(data.commitments, [{ what: 'Pay USD 16,770.50', by: '2027-01-15', amount: 16770.5, date: '2026-12-02' }]);
    assert.deepEqual(data.disputes, [{ date: '2026-12-02', invoice: 'KMS-88177', note: 'Two mooring lines short-shipped' }]);
    assert.ok(result.text.startsWith('# Matter 2026/417'), 'the comment stays');
  });
});

describe('the next letter knows the history', () => {
  // the same matter with what a letter needs to be drafted: the goods and the account to pay into
  const DRAFTABLE = `${CASE}goods: chandlery stores for MV Haiyun 7
bank:
  name: Barclays Bank PLC, Southampton
  account_name: Kestrel Marine Supplies Ltd
  account_number: "40-12-77 31558209"
  swift: BARCGB22
`;
  const REMINDED = '---\nkind: dunning-letter\nstage: reminder\nlanguage: en\ndate: 2026-11-18\nsent: 2026-11-18\n---\nReminder.\n';

  function afterCallAndPayment(): string {
    const called = recordCall(DRAFTABLE, {
      date: '2026-12-02',
      with: 'Ms. Sun Li',
      promise: { what: 'Pay the balance of USD 16,770.50', by: '2027-01-15', amount: 16770.5 },
    });
    assert.ok(called.ok);
    const paid = recordPayment(called.text, { date: '2026-12-02', amount: 15000, reference: 'SWIFT 20261202-DHY-0091' });
    assert.ok(paid.ok);
    return paid.text;
  }

  function draft(caseText: string): { text: string; deadline: unknown } {
    const data = caseFacts([{ name: 'case.yaml', text: caseText }]).data;
    const summary = summarizeCase('kestrel', data, [{ name: '2026-11-18-reminder.md', text: REMINDED }], { asOf: '2026-12-02' });
    const next = nextDraft(summary, typeFacts(data).facts, '2026-12-02');
    assert.equal(next?.stage, 'second-reminder');
    const rendered = renderTemplate('second-reminder-en', next!.facts, { inherited: data });
    assert.ok(rendered.ok, JSON.stringify(!rendered.ok && rendered.problems));
    return { text: rendered.text, deadline: next!.facts.deadline };
  }

  it('after a call and a payment: no "not heard from you", a deadline no earlier than the open promise, and an invoice table that adds up', () => {
    const caseText = afterCallAndPayment();
    const { text, deadline } = draft(caseText);
    assert.doesNotMatch(text, /heard from you/);
    assert.equal(deadline, '2027-01-15', 'the promised date, not two weeks on (16 December)');
    assert.match(text, /Thank you for your payment of USD 15,000\.00 received on 2 December 2026 and for our call of 2 December 2026\./);
    assert.match(text, /On 2 December 2026 you promised to pay USD 16,770\.50 by 15 January 2027\./);
    assert.match(text, /\| KMS-88120 \| 4 September 2026 \| USD 20,120\.50 \| USD 15,000\.00 \| USD 5,120\.50 \|/);
    assert.match(text, /\| KMS-88177 \| 18 September 2026 \| USD 11,650\.00 \| – \| USD 11,650\.00 \|/);
    assert.match(text, /\| \*\*Total\*\* \| {2}\| USD 31,770\.50 \| USD 15,000\.00 \| \*\*USD 16,770\.50\*\* \|/);
    assert.match(text, /The total outstanding is \*\*USD 16,770\.50\*\*/);
    // and it lints clean with the case it was drafted from
    const findings = lint(text, { config, facts: caseFacts([{ name: 'case.yaml', text: caseText }]) }).filter((f) => f.severity !== 'info');
    assert.deepEqual(
      findings.map((f) => `${f.ruleId}: ${f.message}`),
      [],
    );
  });

  it('with no contact and no payment it still says so, and keeps the two weeks', () => {
    const { text, deadline } = draft(DRAFTABLE);
    assert.match(text, /We have not yet received it, nor heard from you about it:/);
    assert.equal(deadline, '2026-12-16');
    assert.match(text, /- Invoice KMS-88120 of 4 September 2026: USD 20,120\.50/);
  });

  it('a repayment plan after a payment is made up of what is still open', () => {
    const caseText = afterCallAndPayment();
    const data = caseFacts([{ name: 'case.yaml', text: caseText }]).data;
    const plan = renderTemplate(
      'repayment-plan-en',
      {
        date: '2026-12-02',
        contract: { reference: 'KMS-DL-2026-3' },
        instalments: [
          { amount: 8000, by: '2026-12-18' },
          { amount: 8770.5, by: '2027-01-15' },
        ],
      },
      { inherited: data },
    );
    assert.ok(plan.ok, JSON.stringify(!plan.ok && plan.problems));
    assert.match(plan.text, /owes the Creditor \*\*USD 16,770\.50\*\*/);
    assert.match(plan.text, /\| \*\*Total\*\* \| {2}\| USD 31,770\.50 \| USD 15,000\.00 \| \*\*USD 16,770\.50\*\* \|/);
  });
});

describe('the sums and the disputes of a case, as of the letter’s date', () => {
  const paid = recordPayment(CASE, { date: '2026-12-02', amount: 15000, reference: 'SWIFT 20261202-DHY-0091' });
  assert.ok(paid.ok);
  const findings = (text: string, caseText: string, rule: string): string[] =>
    lint(text, { config, facts: caseFacts([{ name: 'case.yaml', text: caseText }]) })
      .filter((f) => f.ruleId === rule)
      .map((f) => `${f.severity} ${f.message}`);
  // a letter of 3 December, after the payment: the invoices, and the balance the case file now holds
  const AFTER = (paymentLine: string): string => `---
kind: dunning-letter
stage: second-reminder
language: en
date: 2026-12-03
deadline: 2027-01-15
---

Dear Ms Sun,

| Invoice | Amount |
| --- | ---: |
| KMS-88120 | USD 20,120.50 |
| KMS-88177 | USD 11,650.00 |

${paymentLine}The invoices fell due on 19 October 2026. The total outstanding is USD 16,770.50; please pay it by 15 January 2027.

Imogen Pryce, Kestrel Marine Supplies Ltd
`;

  it('invoices listed, payments stated and the balance add up: the reminder of 18 November before the payment, the letter after it that states it', () => {
    assert.deepEqual(findings(REMINDER, paid.text, 'invoices-add-up'), [], 'as of 18 November nothing was paid: 31,770.50 is the balance');
    assert.deepEqual(findings(AFTER('Thank you for your payment of USD 15,000.00 received on 2 December 2026. '), paid.text, 'invoices-add-up'), []);
  });

  it('a letter after the payment that lists the invoices and the new balance without the payment between them does not add up', () => {
    const found = findings(AFTER(''), paid.text, 'invoices-add-up');
    assert.equal(found.length, 1);
    assert.match(
      found[0]!,
      /^warning Unexpected `USD 16,770\.50` as the balance: the 2 invoices the letter lists come to USD 31,770\.50 and it states no payment received/,
    );
  });

  it('a dispute recorded by Record Call: a later letter demanding the invoice as undisputed is an error, the earlier letter stays clean, a resolved one is silent', () => {
    const called = recordCall(CASE, { date: '2026-11-25', with: 'Ms. Sun Li', dispute: { invoice: 'KMS-88177', note: 'two pallets short-delivered' } });
    assert.ok(called.ok);
    assert.deepEqual(findings(REMINDER, called.text, 'disputed-invoice'), [], 'the reminder of 18 November predates the dispute');
    const later = REMINDER.replace('date: 2026-11-18', 'date: 2026-11-30\ndeadline: 2026-12-14');
    const found = findings(later, called.text, 'disputed-invoice');
    assert.equal(found.length, 1);
    assert.match(
      found[0]!,
      /^error Unexpected demand for invoice KMS-88177 as undisputed: the debtor disputed it on 25 November 2026 \(“two pallets short-delivered”\)/,
    );
    const acknowledged = later.replace(
      'Kindly arrange settlement',
      'We are looking into your complaint about KMS-88177. Kindly arrange settlement of KMS-88120',
    );
    assert.deepEqual(findings(acknowledged, called.text, 'disputed-invoice'), [], 'a letter that acknowledges the dispute');
    const resolved = called.text.replace('note: two pallets short-delivered', 'note: two pallets short-delivered\n    resolved: 2026-11-28');
    assert.deepEqual(findings(later, resolved, 'disputed-invoice'), [], 'a dispute resolved before the letter');
  });
});
