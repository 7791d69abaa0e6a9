// A reviewer's approval: what breaks it (a word, a figure, a fact, an inherited fact) and what does
// not (line endings, trailing spaces, blank lines, a BOM, the case history); the rule's findings;
// `dunmark approve`, `--check` and the export's refusal, through the built binary.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { approvalEdit, approvalState, newApproval, type ApprovalState } from '../../src/core/approval/index.js';
import { caseFacts } from '../../src/core/cases/case-file.js';
import { parseDocument } from '../../src/core/engine.js';
import { lint } from '../../src/index.js';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';

const TODAY = '{ "today": "2026-11-20" }\n';

const LBA = `---
kind: dunning-letter
stage: letter-before-action
date: 2026-11-20
language: en
creditor:
  name: Harbor Valve Works LLC
  email: ar@harborvalve.example
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
  country: CN
amount: 18400.00
currency: USD
invoices:
  - number: HVW-2026-1187
    date: 2026-09-15
    amount: 18400.00
due_date: 2026-10-15
deadline: 2026-12-04
next_step: arbitration
contract:
  reference: HVW-SC-2026-044
  arbitration: CIETAC
---

Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026 and remains unpaid despite our reminders.

Unless we receive payment in full by 4 December 2026, we will refer the claim to CIETAC under clause 14 of contract HVW-SC-2026-044.

Yours faithfully,

Dana Whitfield
`;

/** The letter approved by `by` (the record written as `dunmark approve` writes it). */
function approve(text: string, by = 'Dana Whitfield', inherited?: ReturnType<typeof caseFacts>): string {
  const doc = parseDocument(text, inherited);
  const edit = approvalEdit(doc, newApproval(doc, by, '2026-11-20T10:00:00-05:00'));
  assert.ok(edit);
  return text.slice(0, edit.start) + edit.text + text.slice(edit.end);
}

function stateOf(text: string, inherited?: ReturnType<typeof caseFacts>): ApprovalState {
  return approvalState(parseDocument(text, inherited));
}

describe('approval', () => {
  describe('the digest', () => {
    const approved = approve(LBA);

    it('an approved letter is approved, and the record sits in its front matter', () => {
      assert.equal(stateOf(approved).status, 'approved');
      assert.match(approved, /\napproval:\n {2}by: Dana Whitfield\n {2}at: 2026-11-20T10:00:00-05:00\n {2}digest: sha256:[0-9a-f]{64}\n/);
      assert.ok(approved.endsWith(LBA.slice(LBA.indexOf('---\n\nDear'))), 'the body is left as it was');
    });

    const keeps: [string, (t: string) => string][] = [
      ['CRLF line endings', (t) => t.replace(/\n/g, '\r\n')],
      ['CR line endings', (t) => t.replace(/\n/g, '\r')],
      ['trailing spaces and tabs', (t) => t.replace(/\.\n/g, '.  \t\n')],
      ['more blank lines between paragraphs', (t) => t.replace('\n\nUnless', '\n\n\n\nUnless')],
      ['blank lines at the end', (t) => `${t}\n\n\n`],
      ['a byte-order mark', (t) => `\uFEFF${t}`],
      ['the amount written another way in YAML', (t) => t.replace('amount: 18400.00\ncurrency', 'amount: 18400\ncurrency')],
      ['the facts in another order', (t) => t.replace('currency: USD\n', '').replace('due_date:', 'currency: USD\ndue_date:')],
      ['a comment in the front matter', (t) => t.replace('kind: dunning-letter', 'kind: dunning-letter # reviewed')],
      [
        'case history recorded (sent, events)',
        (t) => t.replace('---\n\nDear', 'sent: 2026-11-21\nevents:\n  - date: 2026-11-21\n    type: demand\n---\n\nDear'),
      ],
      ['a decomposed é written composed (NFC)', (t) => t.replace('Dear Mr. Zhou', 'Dear Mr. Zhou, cafe\u0301')],
    ];
    for (const [what, change] of keeps) {
      it(`keeps the approval: ${what}`, () => {
        // the decomposed é: approve the decomposed text, check the composed one
        const base = what.startsWith('a decomposed') ? approve(change(LBA)) : approved;
        const changed = what.startsWith('a decomposed') ? base.replace('cafe\u0301', 'caf\u00e9') : change(approved);
        assert.notEqual(changed, base);
        assert.equal(stateOf(changed).status, 'approved');
      });
    }

    const line = (of: string): RegExp => new RegExp(`the paragraph on line ${approved.slice(0, approved.indexOf(of)).split('\n').length}\\b`);
    const breaks: [string, (t: string) => string, RegExp][] = [
      ['a word', (t) => t.replace('remains unpaid', 'is unpaid'), line('Invoice HVW')],
      ['a figure in the text', (t) => t.replace('USD 18,400.00 fell', 'USD 18,500.00 fell'), line('Invoice HVW')],
      ['a date in the text', (t) => t.replace('4 December 2026', '5 December 2026'), line('Unless we')],
      ['a paragraph added', (t) => t.replace('Yours faithfully', 'Please call us.\n\nYours faithfully'), line('Yours faithfully')],
      ['a paragraph removed', (t) => t.replace(/\n\nDana Whitfield\n$/, '\n'), /paragraphs removed at the end/],
      ['two paragraphs joined', (t) => t.replace('reminders.\n\nUnless', 'reminders.\nUnless'), line('Invoice HVW')],
      ['a fact', (t) => t.replace('deadline: 2026-12-04', 'deadline: 2026-12-07'), /`deadline`/],
      ['a fact added', (t) => t.replace('language: en\n', 'language: en\nguarantor:\n  name: David Zhang\n'), /`guarantor`/],
      ['a fact removed', (t) => t.replace('next_step: arbitration\n', ''), /`next_step`, removed/],
      ['a nested fact', (t) => t.replace('    amount: 18400.00\ndue', '    amount: 18000.00\ndue'), /`invoices`/],
      ['the Markdown emphasis of a word', (t) => t.replace('remains unpaid', 'remains **unpaid**'), line('Invoice HVW')],
    ];
    for (const [what, change, where] of breaks) {
      it(`breaks the approval: ${what}, and says where`, () => {
        const changed = change(approved);
        assert.notEqual(changed, approved);
        const state = stateOf(changed);
        assert.equal(state.status, 'changed');
        const [finding] = lint(changed, { config: { today: '2026-11-20' } }).filter((f) => f.ruleId === 'approval');
        assert.ok(finding, 'an approval finding');
        assert.equal(finding.severity, 'error');
        assert.match(finding.message, /^Unexpected change since approved by Dana Whitfield on 2026-11-20 \(/);
        assert.match(finding.message, where);
        assert.equal(changed.slice(finding.span.start, finding.span.end), 'approval');
        // a removed fact has no place left to point at: the record is the place
        if (!what.endsWith('removed') || what.startsWith('a paragraph')) assert.ok(finding.related?.length, 'a related place at what changed');
      });
    }

    it('the related place is the changed paragraph, or the changed fact', () => {
      const figure = approved.replace('USD 18,400.00 fell', 'USD 18,500.00 fell');
      const [f] = lint(figure, { config: { today: '2026-11-20' } }).filter((x) => x.ruleId === 'approval');
      assert.ok(f?.related);
      assert.ok(figure.slice(f.related[0]!.span.start, f.related[0]!.span.end).startsWith('Invoice HVW-2026-1187 for USD 18,500.00'));
      const fact = approved.replace('deadline: 2026-12-04', 'deadline: 2026-12-07');
      const [g] = lint(fact, { config: { today: '2026-11-20' } }).filter((x) => x.ruleId === 'approval');
      assert.equal(fact.slice(g!.related![0]!.span.start, g!.related![0]!.span.end), '2026-12-07');
    });

    it('re-approving a changed letter approves it again, replacing the record', () => {
      const changed = approved.replace('remains unpaid', 'is unpaid');
      const again = approve(changed, 'Li Wen');
      assert.equal(stateOf(again).status, 'approved');
      assert.equal(again.match(/^approval:/gm)?.length, 1);
      assert.match(again, /by: Li Wen/);
    });

    it('an inherited case fact is approved with the letter, and a change of it breaks the approval', () => {
      const caseYaml = 'creditor:\n  name: Harbor Valve Works LLC\ndebtor:\n  name: Ningbo Lianhe Industrial Co., Ltd.\namount: 18400.00\ncurrency: USD\n';
      const letter = LBA.replace('amount: 18400.00\ncurrency: USD\n', '');
      const inherited = caseFacts([{ name: 'case.yaml', text: caseYaml }]);
      const approvedLetter = approve(letter, 'Dana Whitfield', inherited);
      assert.equal(stateOf(approvedLetter, inherited).status, 'approved');
      // a payment recorded in the case history after the letter's date keeps it (the case file's amount
      // goes down by the payment; as of the letter's date, the amount owed is what it was)
      const withPayment = caseFacts([
        { name: 'case.yaml', text: `${caseYaml.replace('18400.00', '18300.00')}payments:\n  - date: 2026-11-25\n    amount: 100\n` },
      ]);
      assert.equal(stateOf(approvedLetter, withPayment).status, 'approved');
      // the amount owed changed in case.yaml breaks it, and the finding points into case.yaml
      const changedCase = caseFacts([{ name: 'case.yaml', text: caseYaml.replace('18400.00', '18300.00') }]);
      const state = stateOf(approvedLetter, changedCase);
      assert.equal(state.status, 'changed');
      const [f] = lint(approvedLetter, { config: { today: '2026-11-20' }, facts: changedCase }).filter((x) => x.ruleId === 'approval');
      assert.match(f!.message, /`amount`/);
      assert.equal(f!.file, undefined, 'the finding is in the letter');
      assert.equal(f!.related?.[0]?.file, 'case.yaml', 'its related place is the fact in case.yaml');
    });
  });

  describe('the rule', () => {
    const config = { today: '2026-11-20' };
    const approvalFindings = (text: string, c: object = config): ReturnType<typeof lint> => lint(text, { config: c }).filter((f) => f.ruleId === 'approval');

    it('a letter before action without an approval is information while a draft, and a warning once marked sent', () => {
      const [f, ...rest] = approvalFindings(LBA);
      assert.equal(rest.length, 0);
      assert.equal(f!.severity, 'info');
      const sent = approvalFindings(LBA.replace('stage: letter-before-action', 'stage: letter-before-action\nsent: 2026-11-20'));
      assert.deepEqual(
        sent.map((x) => x.severity),
        ['warning'],
      );
      assert.match(f!.message, /^Unexpected letter before action without a reviewer's approval/);
      assert.equal(LBA.slice(f!.span.start, f!.span.end), 'stage');
    });

    it('a final demand needs none by default; one naming counsel or claiming charges does; options change which', () => {
      const fd = LBA.replace('stage: letter-before-action', 'stage: final-demand');
      assert.equal(approvalFindings(fd).length, 0);
      assert.match(
        approvalFindings(fd.replace('next_step:', 'counsel:\n  name: Li Wen\n  firm: Example & Partners LLP\nnext_step:'))[0]!.message,
        /names counsel/,
      );
      assert.match(
        approvalFindings(fd.replace('next_step:', 'charges:\n  - what: Late-payment interest\n    amount: 552.00\n    basis: clause 9.2\nnext_step:'))[0]!
          .message,
        /claims charges/,
      );
      assert.equal(approvalFindings(fd, { ...config, rules: { approval: ['warning', { stages: ['final-demand'] }] } }).length, 1);
      assert.equal(approvalFindings(LBA, { ...config, rules: { approval: ['warning', { stages: [] }] } }).length, 0);
      assert.equal(approvalFindings(LBA, { ...config, rules: { approval: 'off' } }).length, 0);
    });

    it('in a Chinese letter the messages are Chinese', () => {
      const zh = LBA.replace('language: en', 'language: zh-CN');
      assert.match(approvalFindings(zh)[0]!.message, /^正式催告函尚未经复核人批准/);
      const changed = approve(zh).replace('remains unpaid', 'is unpaid');
      const line = changed.slice(0, changed.indexOf('Invoice HVW')).split('\n').length;
      assert.match(approvalFindings(changed)[0]!.message, new RegExp(`^经 Dana Whitfield 于 2026-11-20 批准后内容有改动（第 ${line} 行的段落）`));
    });

    it('a record it cannot read is an error naming what is missing', () => {
      const broken = LBA.replace('---\n\nDear', 'approval:\n  by: Dana Whitfield\n---\n\nDear');
      const [f] = approvalFindings(broken);
      assert.equal(f!.severity, 'error');
      assert.match(f!.message, /without the date it was given/);
    });
  });

  describe('dunmark approve (built binary)', function () {
    this.timeout(120_000);
    before(ensureBuilt);
    after(cleanup);

    it('approves a letter, --check lists it, an edit breaks it, export refuses until it is approved again', () => {
      const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letters/lba.md': LBA, 'letters/fd.md': LBA.replace('letter-before-action', 'final-demand') });
      let r = run(['approve', '--check'], dir);
      assert.equal(r.status, 1, r.stderr);
      assert.match(r.stdout, /^letters\/fd\.md +no approval needed$/m);
      assert.match(r.stdout, /^letters\/lba\.md +waiting for approval$/m);

      r = run(['export', 'letters/lba.md'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /not exported: waiting for a reviewer's approval/);
      assert.ok(!fs.existsSync(path.join(dir, 'letters/lba.docx')));

      r = run(['approve', 'letters/lba.md', '--by', 'Dana Whitfield'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^letters\/lba\.md: approved by Dana Whitfield at \d{4}-\d{2}-\d{2}T/);
      r = run(['approve', '--check', '--format', 'json'], dir);
      assert.equal(r.status, 0, r.stdout);
      const rows = JSON.parse(r.stdout) as { file: string; status: string; by?: string }[];
      assert.deepEqual(
        rows.map((x) => [x.file, x.status, x.by]),
        [
          ['letters/fd.md', 'not-required', undefined],
          ['letters/lba.md', 'approved', 'Dana Whitfield'],
        ],
      );
      r = run(['export', 'letters/lba.md'], dir);
      assert.equal(r.status, 0, r.stderr);

      const file = path.join(dir, 'letters/lba.md');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('USD 18,400.00 fell', 'USD 18,500.00 fell'));
      r = run(['approve', '--check'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^letters\/lba\.md +changed since approved by Dana Whitfield on \d{4}-\d{2}-\d{2} \(line \d+\)$/m);
      r = run(['export', 'letters/lba.md', '--out', 'again.docx'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /error +Unexpected change since approved by Dana Whitfield/);
    });

    it('dunmark cases: an approvals column, and the letters that wait named', () => {
      const caseYaml =
        'creditor:\n  name: Harbor Valve Works LLC\ndebtor:\n  name: Ningbo Lianhe Industrial Co., Ltd.\namount: 18400.00\ncurrency: USD\ndue_date: 2026-10-15\n';
      const dir = tempDir({
        '.dunmarkrc.json': TODAY,
        'lianhe/case.yaml': caseYaml,
        'lianhe/2026-11-20-lba.md': LBA,
        'lianhe/2026-11-13-final-demand.md': LBA.replace('letter-before-action', 'final-demand').replace('2026-11-20', '2026-11-13'),
      });
      let r = run(['cases', '--as-of', '2026-11-20'], dir);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^Case +Debtor .* Promises +Approvals +Next action/m);
      assert.match(r.stdout, /^lianhe .* 1 waiting +/m);
      assert.match(r.stdout, /^lianhe: .*2026-11-20-lba\.md waits for a reviewer's approval/m);
      assert.equal(run(['approve', 'lianhe/2026-11-20-lba.md', '--by', 'Dana Whitfield'], dir).status, 0);
      r = run(['cases', '--as-of', '2026-11-20', '--format', 'csv'], dir);
      // the last three columns (earlier ones may hold quoted commas)
      const [header, row] = r.stdout.trim().split('\r\n');
      assert.deepEqual(header!.split(',').slice(-3), ['approvals_approved', 'approvals_changed', 'approvals_waiting']);
      assert.deepEqual(row!.split(',').slice(-3), ['1', '0', '0']);
      r = run(['cases', '--as-of', '2026-11-20', '--format', 'json'], dir);
      const docs = (JSON.parse(r.stdout) as { cases: { documents: { name: string; approval?: { status: string; by?: string; date?: string } }[] }[] }).cases[0]!
        .documents;
      const lba = docs.find((d) => d.name === '2026-11-20-lba.md')?.approval;
      assert.equal(lba?.status, 'approved');
      assert.equal(lba?.by, 'Dana Whitfield');
      assert.match(lba?.date ?? '', /^\d{4}-\d{2}-\d{2}$/);
      assert.equal(docs.find((d) => d.name === '2026-11-13-final-demand.md')?.approval, undefined, 'a final demand needs none');
    });

    it('takes the name from DUNMARK_REVIEWER, and says what to do without one', () => {
      const dir = tempDir({ '.dunmarkrc.json': TODAY, 'lba.md': LBA });
      const none = run(['approve', 'lba.md'], dir, { DUNMARK_REVIEWER: '', GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', HOME: dir });
      assert.equal(none.status, 2);
      assert.match(none.stderr, /who approves\? give --by NAME/);
      const r = run(['approve', 'lba.md'], dir, { DUNMARK_REVIEWER: '李文' });
      assert.equal(r.status, 0, r.stderr);
      assert.match(fs.readFileSync(path.join(dir, 'lba.md'), 'utf8'), /\n {2}by: 李文\n/);
    });

    it('does not approve a letter with errors unless --force', () => {
      const dir = tempDir({ '.dunmarkrc.json': TODAY, 'lba.md': LBA.replace('remains unpaid', 'remains unpaid, you thieves') });
      const r = run(['approve', 'lba.md', '--by', 'Dana Whitfield'], dir);
      assert.equal(r.status, 1);
      assert.match(r.stderr, /not approved: 1 error to correct first/);
      assert.doesNotMatch(fs.readFileSync(path.join(dir, 'lba.md'), 'utf8'), /approval:/);
      assert.equal(run(['approve', 'lba.md', '--by', 'Dana Whitfield', '--force'], dir).status, 0);
    });
  });
});
