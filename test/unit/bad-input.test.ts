// One test per case of the "Bad input" list: the library and the CLI answer every odd input
// with findings or a one-line reason, never a crash, a stack trace or a half-written file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/index.js';
import type { DunmarkConfig, Finding } from '../../src/core/types.js';
import { cleanup, ensureBuilt, FIXABLE_LETTER, run, tempDir } from './cli-helpers.js';
import { FIXTURE_TODAY } from './helpers.js';

const config: DunmarkConfig = { today: FIXTURE_TODAY };
const TODAY = `{ "today": "${FIXTURE_TODAY}" }\n`;

const LETTER_BODY = `Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026. Please pay by 4 December 2026.

Sincerely,
Dana Whitfield
`;

function findingsOf(text: string): Finding[] {
  const findings = lint(text, { config });
  for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
  return findings;
}

function noStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.doesNotMatch(stderr, /internal error/);
}

describe('bad input', function () {
  this.timeout(180_000);
  before(ensureBuilt);
  after(cleanup);

  it('malformed YAML front matter is a finding on the front matter, not a crash', () => {
    const text = `---\nkind: dunning-letter\nstage: [final-demand\ndebtor: {name: "Ningbo Lianhe\n---\n\n${LETTER_BODY}`;
    const findings = findingsOf(text);
    const yaml = findings.filter((f) => (f.category === 'facts' || f.category === 'structure') && f.line <= 5);
    assert.ok(yaml.length > 0, 'a facts or structure finding inside the front matter');
    const dir = tempDir({ 'a.md': text, '.dunmarkrc.json': TODAY });
    const r = run(['lint', 'a.md'], dir);
    assert.equal(r.status, 1);
    noStackTrace(r.stderr);
  });

  it('no front matter is one structure finding at 1:1', () => {
    const findings = findingsOf(LETTER_BODY);
    assert.ok(findings.some((f) => f.ruleId === 'front-matter' && f.line === 1 && f.column === 1));
  });

  it('an empty file lints without error from the CLI', () => {
    assert.doesNotThrow(() => findingsOf(''));
    const dir = tempDir({ 'empty.md': '', '.dunmarkrc.json': TODAY });
    const r = run(['lint', '--format', 'json', 'empty.md'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 1);
  });

  it('only front matter (no body) lints, with positions inside the text', () => {
    const text = FIXABLE_LETTER.slice(0, FIXABLE_LETTER.indexOf('---\n\n') + 4);
    assert.ok(text.endsWith('---\n'));
    const findings = findingsOf(text);
    assert.ok(findings.length > 0, 'at least the wrongly typed `stage`');
    assert.ok(findingsOf(text.trimEnd()).length > 0, 'also without the final line break');
  });

  it('a 5 MB letter finishes, with findings', function () {
    // Not a timed test: remark alone needs tens of seconds on a busy machine.
    this.timeout(0);
    const paragraph = `${LETTER_BODY}\n我们将于2026年12月4日后向中国国际经济贸易仲裁委员会申请仲裁。发票 HVW-2026-1187 金额美元 18,400.00 元。\n\n| invoice | amount |\n| --- | --- |\n| HVW-2026-1187 | USD 18,400.00 |\n\n`;
    let body = '';
    while (body.length < 5 * 1024 * 1024) body += paragraph;
    const text = FIXABLE_LETTER + body;
    const findings = findingsOf(text);
    assert.ok(findings.length > 0);
    assert.ok(findings.some((f) => f.ruleId === 'fact-types'));
  });

  it('binary bytes (not UTF-8) are one line naming the file, exit 2, never written; the library still takes any string', () => {
    const bytes = Buffer.alloc(4096);
    let seed = 7;
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      bytes[i] = seed & 0xff;
    }
    const dir = tempDir({ '.dunmarkrc.json': TODAY, 'ok.md': FIXABLE_LETTER });
    fs.writeFileSync(path.join(dir, 'blob.md'), bytes);
    const r = run(['lint', '--fix', '--format', 'json', 'blob.md', 'ok.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'dunmark: blob.md: not UTF-8 text; not linted\n');
    assert.deepEqual(
      (JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file),
      ['ok.md'],
      'the other file is still linted',
    );
    assert.ok(fs.readFileSync(path.join(dir, 'blob.md')).equals(bytes), 'not a byte changed');
    noStackTrace(r.stderr);
    assert.doesNotThrow(() => findingsOf(bytes.toString('latin1')));
  });

  it('CRLF line endings give the same lines and columns as LF', () => {
    const lf = FIXABLE_LETTER;
    const crlf = lf.replace(/\n/g, '\r\n');
    const pick = (fs_: Finding[]): string[] => fs_.map((f) => `${f.ruleId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn}`);
    assert.deepEqual(pick(findingsOf(crlf)), pick(findingsOf(lf)));
  });

  it('a BOM shifts offsets by one and changes no finding', () => {
    const plain = findingsOf(FIXABLE_LETTER);
    const bom = findingsOf(`\uFEFF${FIXABLE_LETTER}`);
    assert.deepEqual(
      bom.map((f) => [f.ruleId, f.line, f.span.start - 1, f.span.end - 1]),
      plain.map((f) => [f.ruleId, f.line, f.span.start, f.span.end]),
    );
  });

  it('tabs in the front matter and the body do not crash and keep columns in code units', () => {
    const text = FIXABLE_LETTER.replace('stage: Final Demand', 'stage:\tFinal Demand').replace('Dear Mr. Zhou,', '\tDear Mr. Zhou,\t');
    const findings = findingsOf(text);
    for (const f of findings) assert.ok(f.column >= 1 && f.endColumn >= 1);
  });

  it('an unclosed code fence swallows the rest of the document without a crash', () => {
    const text = `${FIXABLE_LETTER}\n\`\`\`\nWe will find your family. USD 99,999.00\n`;
    const findings = findingsOf(text);
    const fenceLine = text.split('\n').findIndex((l) => l === '```') + 1;
    assert.ok(!findings.some((f) => f.category === 'tone' && f.line > fenceLine), 'text in code is not prose');
  });

  it('HTML blocks are not prose and do not break positions', () => {
    const text = `${FIXABLE_LETTER}\n<div align="right">\n  <b>Harbor Valve Works LLC</b><br>\n  USD 18,400.00\n</div>\n\n<!-- internal: chase weekly -->\n\nPlease pay by 4 December 2026.\n`;
    const findings = findingsOf(text);
    for (const f of findings) assert.ok(f.line <= text.split('\n').length);
  });

  it('a fact of the wrong type is a facts finding on its line', () => {
    const text = FIXABLE_LETTER.replace('amount: 18400.00', 'amount: "eighteen thousand"');
    const line = text.split('\n').findIndex((l) => l.startsWith('amount:')) + 1;
    const findings = findingsOf(text);
    assert.ok(
      findings.some((f) => f.category === 'facts' && f.line === line && f.severity === 'error'),
      JSON.stringify(findings.map((f) => [f.ruleId, f.line])),
    );
  });

  it('an unknown kind or stage is a finding on its line', () => {
    for (const [from, to, key] of [
      ['kind: dunning-letter', 'kind: dunning-notice', 'kind'],
      ['stage: Final Demand', 'stage: ultimatum', 'stage'],
    ] as const) {
      const text = FIXABLE_LETTER.replace(from, to);
      const line = text.split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;
      const findings = findingsOf(text);
      assert.ok(
        findings.some((f) => f.line === line && (f.category === 'facts' || f.category === 'structure')),
        `${key}: ${JSON.stringify(findings.map((f) => [f.ruleId, f.line]))}`,
      );
    }
  });

  it('a folder with no Markdown is one line on stderr, exit 2', () => {
    const dir = tempDir({ 'notes/todo.txt': 'call Mr. Zhou' });
    const r = run(['lint', 'notes'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'dunmark: notes: no files ending in .md in this folder\n');
  });

  it('an unreadable file (dangling symlink) and a folder named x.md: one line each, exit 2', () => {
    const dir = tempDir({ 'ok.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
    fs.symlinkSync(path.join(dir, 'deleted.md'), path.join(dir, 'dangling.md'));
    fs.mkdirSync(path.join(dir, 'x.md'));
    const r = run(['lint', 'dangling.md', 'x.md', 'ok.md'], dir);
    assert.equal(r.status, 2);
    const lines = r.stderr.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.stderr);
    assert.match(lines[0]!, /^dunmark: dangling\.md: cannot read file/);
    assert.match(lines[1]!, /^dunmark: x\.md: /);
    assert.match(r.stdout, /ok\.md/, 'the readable file is still linted');
    noStackTrace(r.stderr);
  });

  it('--fix never half-writes: when the file cannot be replaced the original stays intact, exit 2', () => {
    const dir = tempDir({ 'letter.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
    const file = path.join(dir, 'letter.md');
    // A read-only folder stops the atomic write (temp file + rename). Root ignores permissions,
    // so as root the CLI runs as `nobody`.
    const asRoot = process.getuid?.() === 0;
    fs.chmodSync(file, 0o666);
    fs.chmodSync(path.join(dir, '.dunmarkrc.json'), 0o644);
    fs.chmodSync(dir, 0o555);
    try {
      const r = run(['lint', '--fix', 'letter.md'], dir, {}, asRoot ? { uid: 65534, gid: 65534 } : {});
      assert.equal(r.status, 2, r.stdout + r.stderr);
      assert.match(r.stderr, /^dunmark: letter\.md: cannot write the fixed file \(E[A-Z]+\); left unchanged\n$/);
      assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE_LETTER);
      assert.deepEqual(fs.readdirSync(dir).sort(), ['.dunmarkrc.json', 'letter.md'], 'no temp file left behind');
    } finally {
      fs.chmodSync(dir, 0o755);
    }
    // And where it can write, the file is the whole new text.
    const r = run(['lint', '--fix', 'letter.md'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    const fixed = fs.readFileSync(file, 'utf8');
    assert.match(fixed, /^stage: final-demand$/m);
    assert.ok(fixed.endsWith(LETTER_BODY.slice(-20)) || fixed.endsWith('still unpaid.\n'));
  });

  it('a config that is not JSON at all is one line naming the file, exit 2', () => {
    const dir = tempDir({ 'a.md': FIXABLE_LETTER, '.dunmarkrc.json': '\u0000\u0001 not json' });
    const r = run(['lint', 'a.md'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^dunmark: \.dunmarkrc\.json:1:\d+: .*\n$/);
  });
});
