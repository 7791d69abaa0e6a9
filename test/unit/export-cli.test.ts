// `dunmark export` and `dunmark lint letter.docx`, spawned as a user runs them: pre-flight, exit
// codes, never overwriting, LibreOffice missing or hanging, letterheads from the config, ¶ numbers.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { cleanup, ensureBuilt, FIXABLE_LETTER, run, tempDir } from './cli-helpers.js';
import { readRepoFile } from './helpers.js';

const TODAY = '{ "today": "2026-11-20" }\n';
const CLEAN = readRepoFile('examples/letter-before-action-bilingual.md');
const FAULTY = readRepoFile('examples/with-mistakes.md');

function documentXml(file: string): string {
  return strFromU8(unzipSync(new Uint8Array(fs.readFileSync(file)))['word/document.xml']!);
}

/** A Word letter as a colleague would send it: no front matter, facts nowhere but beside it. */
async function colleagueDocx(lines: string[]): Promise<Buffer> {
  return Buffer.from(await Packer.pack(new Document({ sections: [{ children: lines.map((text) => new Paragraph({ text })) }] }), 'uint8array'));
}

const CASE_YAML = `kind: dunning-letter
stage: reminder
date: 2026-11-20
language: en
creditor:
  name: Harbor Valve Works LLC
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
amount: 18400.00
currency: USD
invoices:
  - number: HVW-2026-1187
    amount: 18400.00
due_date: 2026-10-15
`;

describe('dunmark export (built binary)', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(cleanup);

  it('writes the .docx beside the letter, and nothing else', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': CLEAN });
    const r = run(['export', 'letter.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'wrote letter.docx\n');
    assert.equal(r.stderr, '');
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.dunmarkrc.json', 'letter.docx', 'letter.md']);
    assert.match(documentXml(path.join(dir, 'letter.docx')), /宁波联合实业有限公司/);
  });

  it('refuses a letter with error findings: prints them, exit 1, writes nothing; --force exports it', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': FAULTY });
    const r = run(['export', 'letter.md', '--out', 'out/letter.docx'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^letter\.md$/m, 'the stylish report');
    assert.match(r.stdout, /^ {2}\d+:\d+ +error +Unexpected `find your family`/m);
    assert.match(r.stderr, /^dunmark: letter\.md: not exported: \d+ errors to correct first \(or --force to export anyway\)\n$/);
    assert.ok(!fs.existsSync(path.join(dir, 'out')), 'nothing written');
    const forced = run(['export', 'letter.md', '--out', 'out/letter.docx', '--force'], dir);
    assert.equal(forced.status, 0, forced.stderr);
    assert.ok(fs.existsSync(path.join(dir, 'out', 'letter.docx')));
  });

  it('lists warnings and exports', () => {
    const dir = tempDir({
      // the example's approval does not survive this edit; approvals are tested in approval.test.ts
      '.dunmarkrc.json': '{ "today": "2026-11-20", "rules": { "approval": "off" } }\n',
      'letter.md': CLEAN.replace('language: en+zh-CN', 'language: en')
        .replace(/\n## 中文[\s\S]*?(?=\nDana Whitfield)/, '\n')
        .replace(/\n本函以[^\n]*\n/, '\n')
        .replace(/\n致：[^\n]*\n/, '\n')
        .replace('Mr. Zhou Peng\\', 'Mr. Zhou Peng'),
    });
    const r = run(['export', 'letter.md'], dir);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /warning/);
    assert.match(r.stdout, /wrote letter\.docx\n$/);
  });

  it('never overwrites without --force', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': CLEAN, 'letter.docx': 'keep me' });
    const r = run(['export', 'letter.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'dunmark: letter.docx: file exists; refusing to overwrite it (use --force)\n');
    assert.equal(fs.readFileSync(path.join(dir, 'letter.docx'), 'utf8'), 'keep me');
    assert.equal(run(['export', 'letter.md', '--force'], dir).status, 0);
    assert.match(documentXml(path.join(dir, 'letter.docx')), /Letter before action/);
  });

  it('says in one line what to install when LibreOffice is missing, exit 2, nothing written', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': CLEAN });
    const r = run(['export', 'letter.md', '--to', 'pdf'], dir, { DUNMARK_SOFFICE: path.join(dir, 'no-such-soffice') });
    assert.equal(r.status, 2);
    assert.match(
      r.stderr,
      /^dunmark: PDF export needs LibreOffice, which is not installed: install it \(Debian\/Ubuntu: apt-get install libreoffice-writer-nogui;[^\n]*\n$/,
    );
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.dunmarkrc.json', 'letter.md']);
  });

  it('stops a LibreOffice that runs over the time limit, exit 2, nothing written', () => {
    // the stand-in writes its process id and sleeps a minute in that same process
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': CLEAN, soffice: '#!/bin/sh\necho $$ > "$(dirname "$0")/soffice.pid"\nexec sleep 60\n' });
    fs.chmodSync(path.join(dir, 'soffice'), 0o755);
    const r = run(['export', 'letter.md', '--to', 'pdf', '--timeout', '1'], dir, { DUNMARK_SOFFICE: path.join(dir, 'soffice') });
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'dunmark: letter.md: LibreOffice did not finish within 1 s; stopped it\n');
    const pid = Number(fs.readFileSync(path.join(dir, 'soffice.pid'), 'utf8'));
    let alive = true;
    for (let i = 0; i < 50 && alive; i++) {
      try {
        process.kill(pid, 0);
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100); // its parent is gone: init reaps it
      } catch {
        alive = false;
      }
    }
    assert.ok(!alive, 'the sleeping process was stopped, not waited for');
    assert.ok(!fs.existsSync(path.join(dir, 'letter.pdf')));
  });

  it("lays the letter out on the config's letterhead, relative to the config file", async () => {
    const letterhead = Buffer.from(
      await Packer.pack(
        new Document({ sections: [{ children: [new Paragraph({ text: 'LETTERHEAD OF HARBOR VALVE WORKS' }), new Paragraph({ text: '{{body}}' })] }] }),
        'uint8array',
      ),
    );
    const dir = tempDir({ '.dunmarkrc.json': '{ "today": "2026-11-20", "letterhead": "brand/letterhead.docx" }\n', 'letters/letter.md': CLEAN });
    fs.mkdirSync(path.join(dir, 'brand'));
    fs.writeFileSync(path.join(dir, 'brand', 'letterhead.docx'), letterhead);
    const r = run(['export', 'letters/letter.md'], dir);
    assert.equal(r.status, 0, r.stderr);
    const xml = documentXml(path.join(dir, 'letters', 'letter.docx'));
    assert.ok(xml.indexOf('LETTERHEAD OF HARBOR VALVE WORKS') < xml.indexOf('Letter before action'));
    assert.ok(!xml.includes('{{body}}'));
  });

  it('names a letterhead that cannot be used, exit 2', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': CLEAN, 'broken.docx': 'not a zip' });
    const missing = run(['export', 'letter.md', '--letterhead', 'none.docx'], dir);
    assert.equal(missing.status, 2);
    assert.equal(missing.stderr, 'dunmark: none.docx: cannot read the letterhead (no such file)\n');
    const broken = run(['export', 'letter.md', '--letterhead', 'broken.docx'], dir);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^dunmark: broken\.docx: cannot use this letterhead \([^\n]*\)\n$/);
    assert.ok(!fs.existsSync(path.join(dir, 'letter.docx')));
  });

  it('rejects usage mistakes and a bad config in one line, exit 2', () => {
    const dir = tempDir({ 'letter.md': CLEAN, 'bad/.dunmarkrc.json': '{ "letterhead": 3 }\n', 'bad/letter.md': CLEAN });
    for (const [args, message] of [
      [['export'], /^dunmark: export needs exactly one LETTER\.md\n$/],
      [['export', 'letter.md', '--to', 'odt'], /^dunmark: unknown format `odt` for --to, expected docx, pdf or eml\n$/],
      [['export', 'letter.md', '--layout', 'grid'], /^dunmark: unknown layout `grid`/],
      [['export', 'nope.md'], /^dunmark: nope\.md: cannot read file \(no such file\)\n$/],
      [['export', 'bad/letter.md'], /^dunmark: bad\/\.dunmarkrc\.json:1:17: Unexpected `3` for `letterhead`, expected the path of a \.docx file\n$/],
      [['export', 'letter.md', '--out', 'letter.md', '--force'], /^dunmark: letter\.md: the output would replace the letter itself/],
    ] as const) {
      const r = run([...args], dir);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
    }
    assert.equal(fs.readFileSync(path.join(dir, 'letter.md'), 'utf8'), CLEAN);
  });

  it('export --help prints its usage', () => {
    const r = run(['export', '--help'], tempDir());
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^Usage: dunmark export LETTER\.md/);
    assert.match(run(['--help'], tempDir()).stdout, /dunmark export LETTER\.md/);
  });
});

describe('dunmark lint letter.docx (built binary)', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(cleanup);

  it("reports each finding of an exported letter with its paragraph and the paragraph's text", () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': FAULTY });
    assert.equal(run(['export', 'letter.md', '--force'], dir).status, 0);
    const r = run(['lint', 'letter.docx'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^letter\.docx$/m);
    assert.match(
      r.stdout,
      /^ {2}¶5 +error +Unexpected `find your family`[^\n]*no-threat\n +“You must pay by 13 November 2026\. If you do not, we will find your fami…”$/m,
    );
    assert.match(r.stdout, /^ {2}facts +error +Unexpected deadline `2026-11-13`/m, 'a finding in the facts');
    assert.doesNotMatch(r.stdout, /--fix/, 'nothing is offered to fix in a Word file');
    const md = run(['lint', '--format', 'json', 'letter.md'], dir);
    const docx = run(['lint', '--format', 'json', 'letter.docx'], dir);
    type Out = { findings: { ruleId: string; message: string; paragraph?: number | null }[] }[];
    const a = (JSON.parse(md.stdout) as Out)[0]!.findings;
    const b = (JSON.parse(docx.stdout) as Out)[0]!.findings;
    assert.deepEqual(b.map((f) => `${f.ruleId} ${f.message}`).sort(), a.map((f) => `${f.ruleId} ${f.message}`).sort(), 'the same findings as the Markdown');
    assert.ok(b.every((f) => f.paragraph === null || (typeof f.paragraph === 'number' && f.paragraph >= 1)));
    assert.ok(
      a.every((f) => !('paragraph' in f)),
      'Markdown findings have no paragraph',
    );
    const sarif = JSON.parse(run(['lint', '--format', 'sarif', 'letter.docx'], dir).stdout) as {
      runs: { results: { properties?: { paragraph: number | null } }[]; artifacts: { mimeType: string }[] }[];
    };
    assert.ok(sarif.runs[0]!.results.some((x) => x.properties?.paragraph === 5));
    assert.match(sarif.runs[0]!.artifacts[0]!.mimeType, /wordprocessingml/);
  });

  it("takes the facts from --facts, or from the case file beside a colleague's letter", async () => {
    const dir = tempDir({
      '.dunmarkrc.json': TODAY,
      'case/case.yaml': CASE_YAML,
      'facts.yaml': CASE_YAML.replace('18400.00\ncurrency', '18000.00\ncurrency').replace('    amount: 18400.00', '    amount: 18000.00'),
    });
    fs.writeFileSync(
      path.join(dir, 'case', 'reminder.docx'),
      await colleagueDocx([
        'Dear Mr. Zhou,',
        'A friendly reminder that invoice HVW-2026-1187 for USD 18,400.00, due on 15 October 2026, is still open.',
        'Kind regards, Harbor Valve Works LLC',
      ]),
    );
    const fromCase = run(['lint', 'case/reminder.docx'], dir);
    assert.equal(fromCase.status, 0, fromCase.stdout);
    const fromFacts = run(['lint', '--facts', 'facts.yaml', 'case/reminder.docx'], dir);
    assert.equal(fromFacts.status, 1);
    assert.match(fromFacts.stdout, /^ {2}¶2 +error +Unexpected `USD 18,400\.00`/m);
  });

  it('reports a file that is not a Word document in one line, exit 2', () => {
    const dir = tempDir({ 'fake.docx': 'plain text', '.dunmarkrc.json': TODAY });
    const r = run(['lint', 'fake.docx'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^dunmark: fake\.docx: cannot read this Word document \([^\n]*\), expected a \.docx file\n$/);
    const facts = run(['lint', '--facts', 'none.yaml', 'fake.docx'], dir);
    assert.equal(facts.status, 2);
    assert.equal(facts.stderr, 'dunmark: none.yaml: cannot read file (ENOENT)\n');
  });

  it('holds a Word letter to --max-size by its text, and checks it in a worker like a Markdown letter', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': FAULTY });
    assert.equal(run(['export', 'letter.md', '--force'], dir).status, 0);
    const small = run(['lint', '--max-size', '200B', 'letter.docx'], dir);
    assert.equal(small.status, 2);
    assert.match(small.stderr, /^dunmark: letter\.docx: text too large \([^)]*\), expected at most [^\n]*\(see --max-size\)\n$/);
    assert.equal(small.stdout, '');
    // many Word letters at once (a pool of workers): each has the findings it has alone
    for (let i = 2; i <= 50; i++) fs.copyFileSync(path.join(dir, 'letter.docx'), path.join(dir, `letter-${i}.docx`));
    type Out = { file: string; findings: { ruleId: string }[] }[];
    const many = JSON.parse(run(['lint', '--format', 'json', '--jobs', '2', 'letter*.docx'], dir).stdout.replace(/^[^[]*/, '')) as Out;
    const alone = (JSON.parse(run(['lint', '--format', 'json', 'letter.docx'], dir).stdout) as Out)[0]!.findings.map((f) => f.ruleId).sort();
    const words = many.filter((r) => r.file.endsWith('.docx'));
    assert.equal(words.length, 50);
    for (const r of words) assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), alone, r.file);
  });

  it('leaves Markdown linting as it was', () => {
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'letter.md': FIXABLE_LETTER });
    const r = run(['lint', 'letter.md'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^ {2}\d+:\d+ +error/m);
  });
});
