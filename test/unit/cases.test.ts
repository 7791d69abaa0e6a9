// Cases: the case file every document inherits (one merge, findings in case.yaml), the portfolio
// with its schedule and promises, and `dunmark cases`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { caseFacts, documentFacts } from '../../src/core/cases/case-file.js';
import { closeCase, nextDraft, recordPayment } from '../../src/core/cases/edit.js';
import { dueGroup, summarizeCase } from '../../src/core/cases/portfolio.js';
import { typeFacts } from '../../src/core/facts/facts.js';
import { ConfigResolver } from '../../src/core/config/index.js';
import { nodeFileSystem } from '../../src/cli/config-files.js';
import { renderTemplate } from '../../src/core/templates/index.js';
import { lint } from '../../src/index.js';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';
import { ROOT } from './helpers.js';

const CASE_YAML = `# the case of one debtor
creditor:
  name: Harbor Valve Works LLC
  country: US
  contact: Dana Whitfield
  email: ar@harborvalve.example
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
  country: CN
  locale: zh-CN
  contact: Mr. Zhou Peng
amount: 18400.00
currency: USD
invoices:
  - number: HVW-2026-1187
    date: 2026-09-15
    amount: 18400.00
due_date: 2026-10-15
`;

const HEAD = `---
kind: dunning-letter
stage: second-reminder
date: 2026-11-02
deadline: 2026-11-16
language: en
---
`;

// a terse house style, and two slips: a wrong date and a 'final notice' in a second reminder
const BODY = `
Mr. Zhou —

Invoice HVW-2026-1187 (USD 18,400.00) fell due on 15 October 2026 and is still open. Please pay it by 16 November 2026 to the account on the invoice. This is our final notice before we think again about your credit line; the original due date was 15 Oct 2025.

Regards,
Dana Whitfield, Harbor Valve Works LLC
`;

const config = { today: '2026-11-02' };

/** The merged facts written inline: the same letter as one file. */
function inline(): string {
  const merged = documentFacts(caseFacts([{ name: 'case.yaml', text: CASE_YAML }]), parseYaml(HEAD.replace(/^---\n|---\n$/g, '')) as Record<string, unknown>);
  const yaml = Object.entries(merged)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n`;
}

describe('case file: documents inherit case.yaml', () => {
  it('a letter with a 5-line front matter in a case folder lints exactly like the same letter with the merged facts inline', () => {
    const inherited = caseFacts([{ name: 'case.yaml', text: CASE_YAML }]);
    const short = lint(HEAD + BODY, { config, facts: inherited });
    const full = inline() + BODY;
    const long = lint(full, { config });
    assert.ok(long.length >= 2, `the letter has findings to compare (${long.map((f) => f.ruleId).join(', ')})`);
    const inBody = (text: string, offset: number): number => offset - text.indexOf('\nMr. Zhou');
    const shape = (text: string) => (f: (typeof long)[number]) =>
      `${f.ruleId} ${f.severity} ${inBody(text, f.span.start)}-${inBody(text, f.span.end)} ${f.message}`;
    assert.deepEqual(short.map(shape(HEAD + BODY)), long.map(shape(full)));
  });

  it('reports a wrong amount in case.yaml in case.yaml, with a fix there, never applied to the letter', () => {
    const wrong = CASE_YAML.replace('amount: 18400.00\ncurrency', 'amount: 18000.00\ncurrency');
    const findings = lint(HEAD + BODY, { config, facts: caseFacts([{ name: 'cases/ningbo/case.yaml', text: wrong }]) });
    const total = findings.find((f) => f.ruleId === 'invoice-total');
    assert.ok(total, findings.map((f) => f.ruleId).join(', '));
    assert.equal(total.file, 'cases/ningbo/case.yaml');
    assert.equal(total.line, 12);
    assert.equal(wrong.slice(total.span.start, total.span.end), '18000.00');
    assert.match(total.message, /`amount: 18000\.00`/);
    assert.equal(total.fixes[0]!.edits[0]!.start, total.span.start, 'the fix edits the case file');
  });

  it('the document overrides what it inherits; a deeper case file overrides an outer one', () => {
    const outer = { name: 'case.yaml', text: 'currency: USD\ndebtor:\n  name: Outer Ltd.\n  contact: Ms. A\n' };
    const inner = { name: 'sub/case.yaml', text: 'debtor:\n  name: Inner Ltd.\n' };
    const facts = caseFacts([outer, inner]);
    assert.deepEqual(facts.data, { currency: 'USD', debtor: { name: 'Inner Ltd.', contact: 'Ms. A' } });
    assert.deepEqual(documentFacts(facts, { currency: 'CNY' }), { currency: 'CNY', debtor: { name: 'Inner Ltd.', contact: 'Ms. A' } });
  });

  it('reports a case file that is not YAML in the case file, once, and still lints the letter', () => {
    const findings = lint(HEAD + BODY, { config, facts: caseFacts([{ name: 'case.yaml', text: 'amount: [1,\n' }]) });
    const yaml = findings.filter((f) => f.file === 'case.yaml');
    assert.equal(yaml.length, 1);
    assert.equal(yaml[0]!.ruleId, 'front-matter');
    assert.match(yaml[0]!.message, /^Unexpected YAML in the case file/);
    assert.ok(
      findings.some((f) => f.file === undefined && f.ruleId === 'required-facts'),
      'the letter lacks what the case file would have said',
    );
  });

  it('takes a plain facts object too (no positions: findings stay in the letter)', () => {
    const findings = lint(HEAD + BODY, { config, facts: parseYaml(CASE_YAML) as Record<string, unknown> });
    assert.ok(findings.every((f) => f.file === undefined));
    assert.ok(!findings.some((f) => f.ruleId === 'required-facts'));
    assert.throws(() => lint('x', { facts: 'no' as unknown as Record<string, unknown> }), /options\.facts/);
  });

  it('is found upward through the discovery port, outermost first, up to where walks stop', async () => {
    const dir = tempDir({ 'case.yaml': 'currency: USD\n', 'a/b/case.yml': 'amount: 1\n', 'a/b/c/letter.md': '' });
    const resolver = new ConfigResolver(nodeFileSystem, (folder) => folder === dir);
    const found = await resolver.caseFilesFor(path.join(dir, 'a/b/c'));
    assert.deepEqual(
      found.map((f) => (f.ok ? [path.relative(dir, f.file), f.text] : f.reason)),
      [
        ['case.yaml', 'currency: USD\n'],
        ['a/b/case.yml', 'amount: 1\n'],
      ],
    );
    const outside = new ConfigResolver(nodeFileSystem, (folder) => folder === path.join(dir, 'a'));
    assert.equal((await outside.caseFilesFor(path.join(dir, 'a'))).length, 0);
  });

  it('drafts a letter in a case folder with a minimal front matter that lints like the full rendering', () => {
    const example = parseYaml(fs.readFileSync(path.join(ROOT, 'templates/second-reminder-en/example.yaml'), 'utf8')) as Record<string, unknown>;
    const { date, deadline, ...caseData } = example;
    const full = renderTemplate('second-reminder-en', example);
    const short = renderTemplate('second-reminder-en', { date, deadline }, { inherited: caseData });
    assert.ok(full.ok && short.ok);
    const head = short.text.slice(0, short.text.indexOf('\n---\n') + 5);
    assert.deepEqual(
      head
        .split('\n')
        .filter((l) => /^\w/.test(l))
        .map((l) => l.split(':')[0]),
      ['kind', 'stage', 'language', 'date', 'deadline'],
    );
    assert.equal(short.text.slice(head.length), full.text.slice(full.text.indexOf('\n---\n') + 5), 'the same body');
    const inherited = caseFacts([{ name: 'case.yaml', text: JSON.stringify(caseData) }]);
    const c = { today: String(date) };
    assert.deepEqual(
      lint(short.text, { config: c, facts: inherited }).map((f) => f.ruleId),
      lint(full.text, { config: c }).map((f) => f.ruleId),
    );
  });
});

describe('portfolio: schedule and promises', () => {
  const FIXTURES = path.join(ROOT, 'test/fixtures/cases');
  const summary = (name: string, asOf: string) => {
    const folder = path.join(FIXTURES, name);
    const files = fs.readdirSync(folder);
    const data = parseYaml(fs.readFileSync(path.join(folder, 'case.yaml'), 'utf8')) as Record<string, unknown>;
    const docs = files.filter((f) => f.endsWith('.md')).map((f) => ({ name: f, text: fs.readFileSync(path.join(folder, f), 'utf8') }));
    return summarizeCase(name, data, docs, { asOf });
  };

  it('waits for a promise that is due, then brings the next letter forward when it is broken', () => {
    const before = summary('broken-promise', '2026-08-30');
    assert.deepEqual(
      before.promises.map((p) => [p.by, p.amount, p.status]),
      [
        ['2026-09-01', 10000, 'due'],
        ['2026-09-30', 16000, 'due'],
      ],
    );
    assert.deepEqual(before.next, { step: 'second-reminder', date: '2026-09-02', reason: 'the day after the promise of 2026-09-01' });
    const after = summary('broken-promise', '2026-09-05');
    assert.deepEqual(
      after.promises.map((p) => p.status),
      ['broken', 'due'],
    );
    assert.deepEqual(after.next, { step: 'second-reminder', date: '2026-09-02', reason: 'promise of 2026-09-01 broken' });
    assert.equal(after.outstanding, 26000);
    assert.equal(after.paid, 4000, 'the payment before the call counts as paid, not as keeping a promise made later');
  });

  it('counts a promise kept when the payments by its date cover it, and waits for the next one', () => {
    const s = summary('promise-pending', '2026-10-12');
    assert.deepEqual(
      s.promises.map((p) => p.status),
      ['kept', 'due'],
    );
    assert.deepEqual(s.next, { step: 'final-demand', date: '2026-10-21', reason: 'the day after the promise of 2026-10-20' });
    assert.equal(dueGroup(s, '2026-10-12'), 'later');
    assert.equal(dueGroup(s, '2026-10-15'), 'week');
  });

  it('closes a case paid in full, and leaves a closed case alone', () => {
    const paid = summary('paid-in-full', '2026-10-12');
    assert.equal(paid.outstanding, 0);
    assert.deepEqual(paid.next, { step: 'close', date: '2026-08-30', reason: 'paid in full: confirm the settlement and close the case' });
    const closed = summary('closed', '2026-10-12');
    assert.equal(closed.next, undefined);
    assert.equal(dueGroup(closed, '2026-10-12'), 'closed');
  });

  it('schedules the first reminder from the due date, and the config schedule moves it', () => {
    assert.deepEqual(summary('fresh', '2026-10-12').next, { step: 'reminder', date: '2026-10-08', reason: '7 days after the due date' });
    const folder = path.join(FIXTURES, 'fresh');
    const s = summarizeCase('fresh', parseYaml(fs.readFileSync(path.join(folder, 'case.yaml'), 'utf8')) as Record<string, unknown>, [], {
      asOf: '2026-10-12',
      schedule: { reminder: 3 },
    });
    assert.equal(s.next?.date, '2026-10-04');
  });
});

describe('dunmark cases', () => {
  before(ensureBuilt);
  after(cleanup);

  it('prints the fixture portfolio sorted by what is due first, on a fixed --as-of date', () => {
    const r = run(['cases', 'test/fixtures/cases', '--as-of', '2026-10-12', '--format', 'json'], ROOT);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { asOf: string; cases: { folder: string; next?: { step: string; date: string } }[] };
    assert.equal(out.asOf, '2026-10-12');
    assert.deepEqual(
      out.cases.map((c) => [c.folder.split('/').pop(), c.next?.step, c.next?.date]),
      [
        ['broken-promise', 'second-reminder', '2026-08-15'],
        ['paid-in-full', 'close', '2026-08-30'],
        ['fresh', 'reminder', '2026-10-08'],
        ['promise-pending', 'final-demand', '2026-10-21'],
        ['closed', undefined, undefined],
      ],
    );
  });

  it('prints the example portfolio as text and CSV, with the schedule of its .dunmarkrc.json', () => {
    const text = run(['cases', 'examples/cases'], ROOT);
    assert.equal(text.status, 0, text.stderr);
    assert.match(text.stdout, /^Cases as of 2026-11-25$/m);
    assert.match(
      text.stdout,
      /^examples\/cases\/ningbo-lianhe +Ningbo Lianhe Industrial Co\., Ltd\. +USD 18,400\.00 +41 d +call-summary 2026-11-10 +1 broken +final-demand 2026-11-18 +2029-11-10$/m,
    );
    assert.match(text.stdout, /^3 cases, 1 with an action due now$/m);
    const csv = run(['cases', 'examples/cases', '--format', 'csv'], ROOT).stdout.split('\r\n');
    assert.equal(csv[0]!.split(',')[0], 'case');
    assert.equal(csv.length, 5, 'a header, three cases, and the final line break');
    assert.match(csv[3]!, /^examples\/cases\/qingdao-haixin,"Qingdao Haixin Packaging Co\., Ltd\.",USD,12000,6000,.*,1,1,0,letter-before-action,2026-12-21,/);
  });

  it('says what is wrong with its arguments in one line, exit 2', () => {
    assert.match(run(['cases', '--as-of', '12/10/2026'], ROOT).stderr, /^dunmark: unexpected --as-of `12\/10\/2026`, expected a date as YYYY-MM-DD\n$/);
    assert.equal(run(['cases', 'no-such-folder'], ROOT).status, 2);
  });

  it('lints a case folder: a wrong amount in case.yaml is reported once, under case.yaml', () => {
    const dir = tempDir({
      'ningbo/case.yaml': CASE_YAML.replace('amount: 18400.00\ncurrency', 'amount: 18000.00\ncurrency'),
      'ningbo/second-reminder.md': HEAD + BODY,
      'ningbo/third.md': HEAD.replace('2026-11-02', '2026-11-03') + BODY,
      '.dunmarkrc.json': JSON.stringify(config),
    });
    const r = run(['lint', '--format', 'json', '.'], dir);
    const out = JSON.parse(r.stdout) as { file: string; findings: { ruleId: string; line: number }[] }[];
    assert.deepEqual(
      out.map((f) => f.file),
      ['ningbo/second-reminder.md', 'ningbo/third.md', 'ningbo/case.yaml'],
    );
    assert.deepEqual(
      out[2]!.findings.map((f) => [f.ruleId, f.line]),
      [['invoice-total', 12]],
    );
    assert.ok(!out[0]!.findings.some((f) => f.ruleId === 'invoice-total'));
    const stylish = run(['lint', '.'], dir).stdout;
    assert.match(stylish, /^ningbo\/case\.yaml\n {2}12:9 +error +Unexpected `amount: 18000\.00`/m);
  });

  it('lints on worker threads with the same result, and --cache answers a second run without linting', () => {
    const files: Record<string, string> = { '.dunmarkrc.json': JSON.stringify(config), 'c/case.yaml': CASE_YAML };
    for (let i = 0; i < 60; i++) files[`c/letter-${String(i).padStart(2, '0')}.md`] = HEAD + BODY.replace('Mr. Zhou', `Mr. Zhou (${i})`);
    const dir = tempDir(files);
    const single = run(['lint', '--format', 'json', '--jobs', '1', '.'], dir);
    const pooled = run(['lint', '--format', 'json', '--jobs', '2', '.'], dir);
    assert.equal(pooled.stdout, single.stdout);
    assert.equal(pooled.status, single.status);
    const first = run(['lint', '--format', 'json', '--cache', '.'], dir);
    assert.equal(first.stdout, single.stdout);
    const cache = JSON.parse(fs.readFileSync(path.join(dir, '.dunmarkcache'), 'utf8')) as { entries: Record<string, unknown> };
    assert.equal(Object.keys(cache.entries).length, 60);
    const second = run(['lint', '--format', 'json', '--cache', '.'], dir);
    assert.equal(second.stdout, single.stdout, 'the cached findings are the same');
    // a changed letter and a changed case file are linted again
    fs.writeFileSync(path.join(dir, 'c/letter-00.md'), HEAD + BODY.replace('final notice', 'reminder'));
    const third = JSON.parse(run(['lint', '--format', 'json', '--cache', '.'], dir).stdout) as { file: string; findings: { ruleId: string }[] }[];
    assert.notDeepEqual(third[0]!.findings, (JSON.parse(single.stdout) as typeof third)[0]!.findings);
    fs.writeFileSync(path.join(dir, 'c/case.yaml'), CASE_YAML.replace('amount: 18400.00\ncurrency', 'amount: 18000.00\ncurrency'));
    const fourth = JSON.parse(run(['lint', '--format', 'json', '--cache', '.'], dir).stdout) as { file: string }[];
    assert.equal(fourth[fourth.length - 1]!.file, 'c/case.yaml');
  });
});

describe('case file edits (Record Payment, Close Case) and the next draft', () => {
  it('records a payment: appended to payments, the amount owed reduced, comments and order kept', () => {
    const before = caseFacts([{ name: 'case.yaml', text: CASE_YAML }]);
    const result = recordPayment(CASE_YAML, { date: '2026-11-20', amount: 6400, reference: 'TT 991' });
    assert.ok(result.ok);
    assert.ok(result.text.startsWith('# the case of one debtor\ncreditor:'), result.text);
    const after = caseFacts([{ name: 'case.yaml', text: result.text }]).data;
    assert.equal(after.amount, 12000);
    assert.deepEqual(after.payments, [{ date: '2026-11-20', amount: 6400, reference: 'TT 991' }]);
    assert.deepEqual(Object.keys(after).slice(0, 3), Object.keys(before.data).slice(0, 3));
    // the case file still adds up: no invoice-total finding in a letter that inherits it
    const letter = lint(HEAD + BODY, { config, facts: caseFacts([{ name: 'case.yaml', text: result.text }]) });
    assert.ok(!letter.some((f) => f.ruleId === 'invoice-total'));
    const second = recordPayment(result.text, { date: '2026-11-30', amount: 12000 });
    assert.ok(second.ok);
    assert.equal(caseFacts([{ name: 'c', text: second.text }]).data.amount, 0);
    assert.equal((caseFacts([{ name: 'c', text: second.text }]).data.payments as unknown[]).length, 2);
  });

  it('closes a case, and refuses to edit a case file whose YAML is broken', () => {
    const closed = closeCase(CASE_YAML, { date: '2026-12-01', outcome: 'paid' });
    assert.ok(closed.ok);
    assert.deepEqual(caseFacts([{ name: 'c', text: closed.text }]).data.closed, { date: '2026-12-01', outcome: 'paid' });
    const fromEmpty = recordPayment('amount: 100.00\npayments: []\n', { date: '2026-12-01', amount: 40, reference: 'TT 2026/12: 01' });
    assert.ok(fromEmpty.ok);
    assert.match(
      fromEmpty.ok ? fromEmpty.text : '',
      /^payments:\n {2}- date: 2026-12-01\n {4}amount: 40\n {4}reference: "?TT 2026\/12: 01"?\n/m,
      'a block list, the reference kept whole',
    );
    assert.deepEqual((parseYaml(fromEmpty.ok ? fromEmpty.text : '') as { payments: unknown[] }).payments, [
      { date: '2026-12-01', amount: 40, reference: 'TT 2026/12: 01' },
    ]);
    const broken = recordPayment('amount: [1,\n', { date: '2026-12-01', amount: 1 });
    assert.equal(broken.ok, false);
  });

  it("drafts the next letter in the debtor's language: bilingual from the final demand on for a Chinese debtor, with a deadline", () => {
    const data = caseFacts([{ name: 'case.yaml', text: CASE_YAML }]).data;
    const s = summarizeCase(
      'c',
      data,
      [{ name: 'r.md', text: '---\nkind: dunning-letter\nstage: second-reminder\ndate: 2026-10-29\ndeadline: 2026-11-12\n---\n' }],
      { asOf: '2026-11-25' },
    );
    const draft = nextDraft(s, typeFacts(data).facts, '2026-11-25');
    assert.deepEqual(draft, {
      kind: 'dunning-letter',
      stage: 'final-demand',
      language: 'en+zh-CN',
      facts: { date: '2026-11-25', deadline: '2026-12-09' },
      fileName: '2026-11-25-final-demand.md',
    });
    const first = nextDraft(summarizeCase('c', data, [], { asOf: '2026-11-25' }), typeFacts(data).facts, '2026-11-25');
    assert.equal(first?.language, 'en');
    assert.deepEqual(first?.facts, { date: '2026-11-25' }, 'a first reminder sets no deadline');
    // a debtor in China whose people read English (locale: en) gets the final demand in English
    const readsEnglish = typeFacts({ ...data, debtor: { ...(data.debtor as object), locale: 'en' } }).facts;
    assert.equal(nextDraft(s, readsEnglish, '2026-11-25')?.language, 'en');
    const readsChinese = typeFacts({ ...data, debtor: { ...(data.debtor as object), country: 'US', locale: 'zh-CN' } }).facts;
    assert.equal(nextDraft(s, readsChinese, '2026-11-25')?.language, 'en+zh-CN');
  });
});
