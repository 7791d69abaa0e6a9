// The one guarded read and the one guarded write (src/node/guarded-fs.ts): every hostile file of the
// security repro — a link to /dev/zero, a FIFO, a link out of the folder, a traversal, a file that
// grows — is a test of this one place; the commands' tests check they use it.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileGuarded, readFileGuardedAsync, readTextGuarded, sameFile, writeFileGuarded } from '../../src/node/guarded-fs.js';

const made: string[] = [];
function temp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-guard-'));
  made.push(dir);
  return dir;
}

function tempFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.dunmark-tmp'));
}

describe('guarded read', () => {
  after(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads a regular file inside its root, with what tells later whether it changed', () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, 'case.yaml'), 'debtor:\n  name: Acme\n');
    const read = readTextGuarded(path.join(dir, 'case.yaml'), { maxBytes: 1024, roots: [dir] });
    assert.ok(read.ok);
    assert.equal(read.text, 'debtor:\n  name: Acme\n');
    assert.equal(read.size, 21);
    assert.equal(read.real, fs.realpathSync(path.join(dir, 'case.yaml')));
    assert.match(read.hash, /^[0-9a-f]{64}$/);
  });

  it('refuses a symbolic link to /dev/zero as not a regular file, without reading it', () => {
    const dir = temp();
    fs.symlinkSync('/dev/zero', path.join(dir, 'case.yaml'));
    const read = readFileGuarded(path.join(dir, 'case.yaml'), { maxBytes: 1024 * 1024 });
    assert.deepEqual(read, { ok: false, code: 'special', reason: 'cannot read file (not a regular file)' });
  });

  it('refuses a FIFO without waiting for a writer (sync and async)', async () => {
    const dir = temp();
    const fifo = path.join(dir, 'letter.md');
    execFileSync('mkfifo', [fifo]);
    assert.equal((readFileGuarded(fifo, { maxBytes: 1024 }) as { code: string }).code, 'special');
    assert.equal(((await readFileGuardedAsync(fifo, { maxBytes: 1024 })) as { code: string }).code, 'special');
  });

  it('refuses a folder, a missing file and a broken link, each in its own words', () => {
    const dir = temp();
    fs.mkdirSync(path.join(dir, '.dunmarkrc.json'));
    fs.symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken.md'));
    assert.equal((readFileGuarded(path.join(dir, '.dunmarkrc.json'), { maxBytes: 10 }) as { reason: string }).reason, 'cannot read file (it is a folder)');
    assert.equal((readFileGuarded(path.join(dir, 'none.md'), { maxBytes: 10 }) as { code: string }).code, 'missing');
    assert.equal((readFileGuarded(path.join(dir, 'broken.md'), { maxBytes: 10 }) as { code: string }).code, 'broken-link');
  });

  it('refuses a file over the limit by its size, before reading (a 4 GB sparse file)', () => {
    const dir = temp();
    const big = path.join(dir, 'big.md');
    const fd = fs.openSync(big, 'w');
    fs.ftruncateSync(fd, 4 * 1024 ** 3);
    fs.closeSync(fd);
    const read = readFileGuarded(big, { maxBytes: 2 * 1024 * 1024, sizeHint: '(see --max-size)' });
    assert.deepEqual(read, { ok: false, code: 'too-large', reason: 'file too large (4096.0 MB), expected at most 2.0 MB (see --max-size)' });
  });

  it('refuses a link whose target is outside the roots, and follows one inside them', () => {
    const dir = temp();
    const outside = temp();
    fs.writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    fs.writeFileSync(path.join(dir, 'real.yaml'), 'a: 1\n');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'case.yaml'));
    fs.symlinkSync(path.join(dir, 'real.yaml'), path.join(dir, 'alias.yaml'));
    assert.equal((readFileGuarded(path.join(dir, 'case.yaml'), { maxBytes: 100, roots: [dir] }) as { code: string }).code, 'outside');
    assert.ok(readFileGuarded(path.join(dir, 'alias.yaml'), { maxBytes: 100, roots: [dir] }).ok);
    assert.ok(readFileGuarded(path.join(dir, 'case.yaml'), { maxBytes: 100 }).ok, 'no roots given: anywhere');
  });

  it('refuses text that is not UTF-8', () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, 'latin1.md'), Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    assert.equal((readTextGuarded(path.join(dir, 'latin1.md'), { maxBytes: 100 }) as { code: string }).code, 'not-utf8');
  });
});

describe('guarded write', () => {
  after(() => {
    for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a new file (and the folders to it) inside its root, atomically, leaving no temporary file', () => {
    const dir = temp();
    const written = writeFileGuarded(path.join(dir, 'out', 'acme', 'case.yaml'), 'a: 1\n', { root: path.join(dir, 'out') });
    assert.ok(written.ok);
    assert.equal(fs.readFileSync(path.join(dir, 'out/acme/case.yaml'), 'utf8'), 'a: 1\n');
    assert.deepEqual(tempFiles(dir), []);
  });

  it('never replaces a file unless told, and keeps its mode when it does', () => {
    const dir = temp();
    const file = path.join(dir, 'letter.md');
    fs.writeFileSync(file, 'old');
    fs.chmodSync(file, 0o640);
    assert.deepEqual(writeFileGuarded(file, 'new', { root: dir }), {
      ok: false,
      code: 'exists',
      reason: 'file exists; refusing to overwrite it (use --force)',
    });
    assert.equal(fs.readFileSync(file, 'utf8'), 'old');
    assert.ok(writeFileGuarded(file, 'new', { root: dir, overwrite: true }).ok);
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.equal(fs.statSync(file).mode & 0o777, 0o640);
  });

  it('refuses a path out of its root (../), whatever the name says', () => {
    const dir = temp();
    const root = path.join(dir, 'out');
    const r = writeFileGuarded(path.join(root, '../../x/PWN.md'), 'x', { root });
    assert.equal((r as { code: string }).code, 'outside');
    assert.equal(fs.existsSync(path.join(dir, '../x/PWN.md')), false);
  });

  it('refuses a file that is a link, even with overwrite: the target is left alone', () => {
    const dir = temp();
    const outside = temp();
    const victim = path.join(outside, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    fs.symlinkSync(victim, path.join(dir, 'name.md'));
    const r = writeFileGuarded(path.join(dir, 'name.md'), 'pwned', { root: dir, overwrite: true });
    assert.deepEqual(r, { ok: false, code: 'link', reason: 'a symbolic link; refusing to write through it' });
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
  });

  it('replaces the link itself when told (the cache), never its target', () => {
    const dir = temp();
    const victim = path.join(dir, 'victim.txt');
    fs.writeFileSync(victim, 'precious');
    fs.symlinkSync(victim, path.join(dir, '.dunmarkcache'));
    assert.ok(writeFileGuarded(path.join(dir, '.dunmarkcache'), '{}', { root: dir, overwrite: true, links: 'replace' }).ok);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
    assert.equal(fs.lstatSync(path.join(dir, '.dunmarkcache')).isSymbolicLink(), false);
  });

  it('follows a link when told, only to a regular file inside the root', () => {
    const dir = temp();
    const outside = temp();
    fs.writeFileSync(path.join(dir, 'real.md'), 'a');
    fs.writeFileSync(path.join(outside, 'far.md'), 'far');
    fs.symlinkSync(path.join(dir, 'real.md'), path.join(dir, 'near.md'));
    fs.symlinkSync(path.join(outside, 'far.md'), path.join(dir, 'far.md'));
    assert.ok(writeFileGuarded(path.join(dir, 'near.md'), 'b', { root: dir, overwrite: true, links: 'follow' }).ok);
    assert.equal(fs.readFileSync(path.join(dir, 'real.md'), 'utf8'), 'b');
    assert.equal((writeFileGuarded(path.join(dir, 'far.md'), 'c', { root: dir, overwrite: true, links: 'follow' }) as { code: string }).code, 'outside');
    assert.equal(fs.readFileSync(path.join(outside, 'far.md'), 'utf8'), 'far');
  });

  it('refuses a folder inside the root that links out of it', () => {
    const dir = temp();
    const outside = temp();
    fs.symlinkSync(outside, path.join(dir, 'acme'));
    const r = writeFileGuarded(path.join(dir, 'acme', 'case.yaml'), 'x', { root: dir });
    assert.equal((r as { code: string }).code, 'outside');
    assert.deepEqual(fs.readdirSync(outside), []);
  });

  it('refuses a folder, a FIFO or a device where the file goes', () => {
    const dir = temp();
    fs.mkdirSync(path.join(dir, 'folder.md'));
    execFileSync('mkfifo', [path.join(dir, 'fifo.md')]);
    assert.equal((writeFileGuarded(path.join(dir, 'folder.md'), 'x', { root: dir, overwrite: true }) as { code: string }).code, 'folder');
    assert.equal((writeFileGuarded(path.join(dir, 'fifo.md'), 'x', { root: dir, overwrite: true }) as { code: string }).code, 'special');
  });

  it('refuses to replace a file that changed since it was read (--fix)', () => {
    const dir = temp();
    const file = path.join(dir, 'letter.md');
    fs.writeFileSync(file, 'one');
    const read = readTextGuarded(file, { maxBytes: 100 });
    assert.ok(read.ok);
    const expect = { size: read.size, mtimeMs: read.mtimeMs, ino: read.ino, hash: read.hash };
    fs.writeFileSync(file, 'two');
    fs.utimesSync(file, new Date(read.mtimeMs), new Date(read.mtimeMs));
    assert.equal((writeFileGuarded(file, 'fixed', { root: dir, overwrite: true, expect }) as { code: string }).code, 'changed');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
  });

  it('removes its temporary file when the write fails, and leaves the target as it was', () => {
    const dir = temp();
    const file = path.join(dir, 'letter.md');
    fs.writeFileSync(file, 'before');
    const failing = new Uint8Array(8);
    Object.defineProperty(failing, 'byteLength', {
      get() {
        throw new Error('disk full');
      },
    });
    const r = writeFileGuarded(file, failing, { root: dir, overwrite: true });
    assert.equal((r as { code: string }).code, 'unwritable');
    assert.equal(fs.readFileSync(file, 'utf8'), 'before');
    assert.deepEqual(tempFiles(dir), []);
  });

  it('removes the temporary file a killed writer left, on the next write into its folder', () => {
    const dir = temp();
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = path.join(dir, `.letter.md.${gone}-0badc0de.dunmark-tmp`);
    fs.writeFileSync(stale, 'half a letter');
    assert.ok(writeFileGuarded(path.join(dir, 'other.md'), 'x', { root: dir }).ok);
    assert.equal(fs.existsSync(stale), false);
  });

  it('tells two names of one file apart from two files', () => {
    const dir = temp();
    fs.writeFileSync(path.join(dir, 'a.md'), 'a');
    fs.writeFileSync(path.join(dir, 'b.md'), 'a');
    fs.symlinkSync(path.join(dir, 'a.md'), path.join(dir, 'link.md'));
    assert.equal(sameFile(path.join(dir, 'link.md'), path.join(dir, 'a.md')), true);
    assert.equal(sameFile(path.join(dir, 'b.md'), path.join(dir, 'a.md')), false);
  });
});
