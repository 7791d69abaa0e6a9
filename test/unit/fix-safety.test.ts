// `--fix` never loses text (ESLint's contract): no byte outside a fix's range changes, and
// nothing is written that should not be — a file changed meanwhile, a read-only file, a file
// that is not UTF-8. Mode, owner and hard links are kept; each line keeps its own ending.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readTextFile, writeFixedFile } from '../../src/cli/file-io.js';
import { cleanup, ensureBuilt, FIXABLE_LETTER, run, tempDir } from './cli-helpers.js';
import { FIXTURE_TODAY } from './helpers.js';

const TODAY = `{ "today": "${FIXTURE_TODAY}" }\n`;
const BEFORE = 'stage: Final Demand';
const AFTER = 'stage: final-demand';

/** Asserts that `fixed` is `original` with exactly `from` replaced by `to` once, every other byte equal. */
function onlyTheFixChanged(original: Buffer, fixed: Buffer, from: string, to: string): void {
  const at = original.indexOf(from);
  assert.ok(at >= 0);
  const expected = Buffer.concat([original.subarray(0, at), Buffer.from(to), original.subarray(at + Buffer.byteLength(from))]);
  assert.ok(fixed.equals(expected), `only \`${from}\` → \`${to}\` changed:\n${JSON.stringify(fixed.toString('latin1'))}`);
}

describe('--fix loses nothing', function () {
  this.timeout(120_000);
  before(ensureBuilt);
  after(cleanup);

  it('a file changed after it was read is not written, and the change survives', () => {
    const dir = tempDir({ 'letter.md': FIXABLE_LETTER });
    const file = path.join(dir, 'letter.md');
    const read = readTextFile(file, 1 << 20);
    assert.ok(read.ok);
    // Someone saves the letter while --fix is working on the text it read.
    const edited = FIXABLE_LETTER.replace('Dear Mr. Zhou,', 'Dear Mr. Zhou Peng,');
    fs.writeFileSync(file, edited);
    const written = writeFixedFile(file, read.file, read.file.text.replace(BEFORE, AFTER));
    assert.deepEqual(written, { ok: false, reason: 'changed while it was being fixed; fixes not written, run --fix again' });
    assert.equal(fs.readFileSync(file, 'utf8'), edited);
    // Same size and a restored mtime still do not fool it: the content hash differs.
    const sameSize = FIXABLE_LETTER.replace('Mr. Zhou', 'Ms. Zhou');
    fs.writeFileSync(file, FIXABLE_LETTER);
    const again = readTextFile(file, 1 << 20);
    assert.ok(again.ok);
    fs.writeFileSync(file, sameSize);
    fs.utimesSync(file, new Date(again.file.mtimeMs), new Date(again.file.mtimeMs));
    assert.equal(writeFixedFile(file, again.file, again.file.text.replace(BEFORE, AFTER)).ok, false);
    assert.equal(fs.readFileSync(file, 'utf8'), sameSize);
  });

  it('a read-only file (0444) is never written, even by root; its findings are still reported', () => {
    const dir = tempDir({ 'letter.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
    const file = path.join(dir, 'letter.md');
    fs.chmodSync(file, 0o444);
    const r = run(['lint', '--fix', '--format', 'json', 'letter.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'dunmark: letter.md: read-only file; fixes not written\n');
    assert.ok((JSON.parse(r.stdout) as { findings: { ruleId: string }[] }[])[0]!.findings.some((f) => f.ruleId === 'fact-types'));
    assert.equal(fs.readFileSync(file, 'utf8'), FIXABLE_LETTER);
    assert.equal(fs.statSync(file).mode & 0o777, 0o444);
  });

  it('keeps the mode and the inode of every hard link', () => {
    const dir = tempDir({ 'letter.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
    const file = path.join(dir, 'letter.md');
    const link = path.join(dir, 'copy-for-legal.md');
    fs.chmodSync(file, 0o640);
    fs.linkSync(file, link);
    const inode = fs.statSync(file).ino;
    const r = run(['lint', '--fix', 'letter.md'], dir);
    assert.ok(r.status === 0 || r.status === 1, r.stderr);
    onlyTheFixChanged(Buffer.from(FIXABLE_LETTER), fs.readFileSync(link), BEFORE, AFTER);
    assert.equal(fs.statSync(file).ino, inode);
    assert.equal(fs.statSync(file).nlink, 2);
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('keeps the mode of a file with one link (replaced atomically)', () => {
    const dir = tempDir({ 'letter.md': FIXABLE_LETTER, '.dunmarkrc.json': TODAY });
    const file = path.join(dir, 'letter.md');
    fs.chmodSync(file, 0o600);
    run(['lint', '--fix', 'letter.md'], dir);
    onlyTheFixChanged(Buffer.from(FIXABLE_LETTER), fs.readFileSync(file), BEFORE, AFTER);
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['.dunmarkrc.json', 'letter.md'], 'no temporary file left');
  });

  it('a file that is not UTF-8 gets one error and is never written', () => {
    const latin1 = Buffer.from(FIXABLE_LETTER.replace('Dear Mr. Zhou,', 'Cher M. Zhou, café'), 'latin1');
    const dir = tempDir({ '.dunmarkrc.json': TODAY });
    const file = path.join(dir, 'lettre.md');
    fs.writeFileSync(file, latin1);
    const r = run(['lint', '--fix', 'lettre.md'], dir);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'dunmark: lettre.md: not UTF-8 text; not linted\n');
    assert.ok(fs.readFileSync(file).equals(latin1));
  });

  it("a file with mixed CRLF and LF lines keeps each line's own ending", () => {
    const lines = FIXABLE_LETTER.split('\n');
    const mixed = lines.map((line, i) => (i === lines.length - 1 ? line : `${line}${i % 3 === 0 ? '\r\n' : '\n'}`)).join('');
    assert.ok(mixed.includes('\r\n') && /[^\r]\n/.test(mixed));
    const dir = tempDir({ 'letter.md': mixed, '.dunmarkrc.json': TODAY });
    run(['lint', '--fix', 'letter.md'], dir);
    onlyTheFixChanged(Buffer.from(mixed), fs.readFileSync(path.join(dir, 'letter.md')), BEFORE, AFTER);
  });

  it('a file with a BOM keeps it, and CRLF throughout stays CRLF', () => {
    const text = `\uFEFF${FIXABLE_LETTER.replace(/\n/g, '\r\n')}`;
    const dir = tempDir({ 'letter.md': text, '.dunmarkrc.json': TODAY });
    run(['lint', '--fix', 'letter.md'], dir);
    const fixed = fs.readFileSync(path.join(dir, 'letter.md'));
    assert.deepEqual([...fixed.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    onlyTheFixChanged(Buffer.from(text), fixed, BEFORE, AFTER);
  });

  it('a file with nothing to fix is not written at all (its mtime stays)', () => {
    const dir = tempDir({ 'letter.md': FIXABLE_LETTER.replace(BEFORE, AFTER), '.dunmarkrc.json': TODAY });
    const file = path.join(dir, 'letter.md');
    const past = new Date('2020-01-01T00:00:00Z');
    fs.utimesSync(file, past, past);
    run(['lint', '--fix', 'letter.md'], dir);
    assert.equal(fs.statSync(file).mtimeMs, past.getTime());
  });
});
