/**
 * The one guarded way to read a file and the one guarded way to write one, for everything that runs
 * in Node (the CLI, the desktop extension, the language server). A file in a repository is input
 * like a letter: it may be a symbolic link to `/dev/zero` or out of the folder, a FIFO that never
 * ends, a bomb, a folder where a file was expected. So:
 *
 * - a read resolves links first, reads only a regular file whose real path is inside the allowed
 *   roots, checks the size before reading and reads at most that much (a file growing under it is
 *   refused too), and never blocks on a FIFO (opened non-blocking, then refused as not a file);
 * - a write resolves the real path of the folder it writes into, refuses to leave its root, refuses a
 *   symbolic link where the file goes (unless told to replace or follow it), refuses a folder or a
 *   special file, never replaces a file unless told, writes a temporary file beside the target and
 *   renames it over (atomic), and removes the temporary file when anything fails. Temporary files a
 *   killed process left behind (`.NAME.PID-RANDOM.dunmark-tmp`) are dot files that no scan reads, and
 *   are removed by the next write into their folder once their process is gone.
 *
 * Every function answers with a result, never throws; a refusal carries a `code` and a one-line
 * `reason` to print after the file's name (`dunmark: case.yaml: not a regular file`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Why a read was refused. */
export type ReadRefusal = 'missing' | 'broken-link' | 'folder' | 'special' | 'too-large' | 'outside' | 'not-utf8' | 'unreadable';

/** Why a write was refused. */
export type WriteRefusal = 'outside' | 'link' | 'folder' | 'special' | 'exists' | 'changed' | 'read-only' | 'unwritable';

/** A refusal: what kind, and the one line that says why. */
export interface Refused<C extends string> {
  ok: false;
  code: C;
  reason: string;
}

/** What a read needs to know: how much it may read and where the file may really be. */
export interface ReadLimits {
  /** The largest file read, in bytes: a larger one is refused before a byte is read. */
  maxBytes: number;
  /** Folders the file's real path must be inside (links resolved); none given: anywhere. */
  roots?: readonly string[];
  /** How the refusal of a too-large file ends (`(see --max-size)`); default nothing. */
  sizeHint?: string;
}

/** A file as it was read: its bytes and what tells, later, whether it changed. */
export interface FileRead {
  ok: true;
  bytes: Buffer;
  /** The real path (links resolved) of what was read. */
  real: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/** A text file as it was read (UTF-8, a BOM kept). */
export interface TextRead extends Omit<FileRead, 'bytes'> {
  text: string;
  /** SHA-256 of the bytes. */
  hash: string;
}

/** The largest config, case or facts file read (2 MB: a case file with years of events is a few KB). */
export const SMALL_FILE_BYTES = 2 * 1024 * 1024;

const O_NONBLOCK = fs.constants.O_NONBLOCK ?? 0;
const O_NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The hash of bytes (or of a text as UTF-8): what tells a changed file. */
export function contentHash(data: Uint8Array | string): string {
  return crypto.createHash('sha256').update(data).digest('hex');
}

/** The text of UTF-8 bytes (a BOM kept), or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** `2.0 MB`, `512 KB`, `900 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String((error as Error)?.message ?? error).split('\n')[0]!;
}

function refuse<C extends string>(code: C, reason: string): Refused<C> {
  return { ok: false, code, reason };
}

/** True when `inner` is `outer` or inside it (both absolute, resolved). */
export function isInside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel));
}

function realOrSelf(folder: string): string {
  try {
    return fs.realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}

/** Why a path that does not resolve cannot be read: nothing there, or a link to nothing. */
function missing(file: string, error: unknown): Refused<ReadRefusal> {
  const code = codeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    try {
      if (fs.lstatSync(file).isSymbolicLink()) return refuse('broken-link', 'cannot read file (broken symbolic link)');
    } catch {
      // not there at all
    }
    return refuse('missing', 'cannot read file (no such file)');
  }
  if (code === 'ELOOP') return refuse('unreadable', 'cannot read file (a loop of symbolic links)');
  return refuse('unreadable', `cannot read file (${code})`);
}

function tooLarge(size: number, limits: ReadLimits): Refused<ReadRefusal> {
  return refuse(
    'too-large',
    `file too large (${formatSize(size)}), expected at most ${formatSize(limits.maxBytes)}${limits.sizeHint ? ` ${limits.sizeHint}` : ''}`,
  );
}

/**
 * Reads a regular file of at most `limits.maxBytes` whose real path is inside `limits.roots`. A
 * folder, a FIFO, a device (a link to `/dev/zero`), a socket, a broken link or a link out of the
 * roots is refused without reading a byte; so is a file larger than the limit. Never throws.
 */
export function readFileGuarded(file: string, limits: ReadLimits): FileRead | Refused<ReadRefusal> {
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch (error) {
    return missing(file, error);
  }
  if (limits.roots && !limits.roots.some((root) => isInside(realOrSelf(root), real)))
    return refuse('outside', 'cannot read file (a symbolic link to a place outside the folder it is read from)');
  let fd: number | undefined;
  try {
    // non-blocking: opening a FIFO for reading would otherwise wait for a writer forever; no link
    // followed: the real path was checked, and something swapped in since is refused
    fd = fs.openSync(real, fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return refuse('folder', 'cannot read file (it is a folder)');
    if (!stat.isFile()) return refuse('special', 'cannot read file (not a regular file)');
    if (stat.size > limits.maxBytes) return tooLarge(stat.size, limits);
    // at most one byte more than the limit, whatever the file says its size is
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limits.maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) break;
      const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > limits.maxBytes) return tooLarge(length, limits);
    return {
      ok: true,
      bytes: buffer.subarray(0, length),
      real,
      size: length,
      mtimeMs: stat.mtimeMs,
      ctimeMs: stat.ctimeMs,
      ino: stat.ino,
      dev: stat.dev,
    };
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EISDIR') return refuse('folder', 'cannot read file (it is a folder)');
    if (code === 'ELOOP') return refuse('unreadable', 'cannot read file (it changed into a symbolic link while it was read)');
    return refuse('unreadable', `cannot read file (${code})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** `readFileGuarded`, then UTF-8 (fatal: never read with U+FFFD in it). */
export function readTextGuarded(file: string, limits: ReadLimits): TextRead | Refused<ReadRefusal> {
  const read = readFileGuarded(file, limits);
  if (!read.ok) return read;
  const text = decodeUtf8(read.bytes);
  if (text === undefined) return refuse('not-utf8', 'not UTF-8 text');
  const { bytes, ...rest } = read;
  return { ...rest, text, hash: contentHash(bytes) };
}

/** The same read on the libuv thread pool (the extension host, a language server): the same answers. */
export async function readFileGuardedAsync(file: string, limits: ReadLimits): Promise<FileRead | Refused<ReadRefusal>> {
  let real: string;
  try {
    real = await fs.promises.realpath(file);
  } catch (error) {
    return missing(file, error);
  }
  if (limits.roots && !limits.roots.some((root) => isInside(realOrSelf(root), real)))
    return refuse('outside', 'cannot read file (a symbolic link to a place outside the folder it is read from)');
  let handle: fs.promises.FileHandle | undefined;
  try {
    handle = await fs.promises.open(real, fs.constants.O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
    const stat = await handle.stat();
    if (stat.isDirectory()) return refuse('folder', 'cannot read file (it is a folder)');
    if (!stat.isFile()) return refuse('special', 'cannot read file (not a regular file)');
    if (stat.size > limits.maxBytes) return tooLarge(stat.size, limits);
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, limits.maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limits.maxBytes) return tooLarge(length, limits);
    return {
      ok: true,
      bytes: buffer.subarray(0, length),
      real,
      size: length,
      mtimeMs: stat.mtimeMs,
      ctimeMs: stat.ctimeMs,
      ino: stat.ino,
      dev: stat.dev,
    };
  } catch (error) {
    const code = codeOf(error);
    if (code === 'EISDIR') return refuse('folder', 'cannot read file (it is a folder)');
    return refuse('unreadable', `cannot read file (${code})`);
  } finally {
    await handle?.close();
  }
}

/** `readFileGuardedAsync`, then UTF-8. */
export async function readTextGuardedAsync(file: string, limits: ReadLimits): Promise<TextRead | Refused<ReadRefusal>> {
  const read = await readFileGuardedAsync(file, limits);
  if (!read.ok) return read;
  const text = decodeUtf8(read.bytes);
  if (text === undefined) return refuse('not-utf8', 'not UTF-8 text');
  const { bytes, ...rest } = read;
  return { ...rest, text, hash: contentHash(bytes) };
}

/** What a write may do. */
export interface WriteOptions {
  /**
   * The folder the file must stay inside (`--out-dir`, the folder of `--out`, of a fixed letter or
   * of the cache): after links are resolved, nothing is written outside it. It is created when missing.
   */
  root: string;
  /** Replace an existing file (`--force`, `--fix`, the cache); default: an existing file is refused. */
  overwrite?: boolean;
  /**
   * A symbolic link where the file goes: `refuse` (default); `replace` the link itself with the file;
   * `follow` it to its target, which must be a regular file inside `root`.
   */
  links?: 'refuse' | 'replace' | 'follow';
  /** Create the folders between `root` and the file (default true). */
  mkdirs?: boolean;
  /** The file as it was read: the write is refused when it has changed since (`--fix`). */
  expect?: { size: number; mtimeMs: number; ino: number; hash: string };
  /** A file with several hard links is written in place, so that every link sees the change (`--fix`). */
  keepHardLinks?: boolean;
  /** Permissions of a new file (default 0o666, less the umask). */
  mode?: number;
}

/** A write that happened: the real path written. */
export interface Written {
  ok: true;
  file: string;
}

const TEMP_SUFFIX = '.dunmark-tmp';
const TEMP_NAME = /^\.(.+)\.(\d+)-[0-9a-f]{8}\.dunmark-tmp$/;
/** Folders this process has already cleaned of stale temporary files. */
const swept = new Set<string>();

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

/** Removes temporary files of a write whose process is gone (a `kill -9` in the middle), once per folder per process. */
function sweep(folder: string): void {
  if (swept.has(folder)) return;
  swept.add(folder);
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const name of names) {
    const m = TEMP_NAME.exec(name);
    if (!m) continue;
    const file = path.join(folder, name);
    try {
      const stat = fs.lstatSync(file);
      if (stat.isFile() && (!alive(Number(m[2])) || stat.mtimeMs < dayAgo)) fs.unlinkSync(file);
    } catch {
      // gone already, or not ours to remove
    }
  }
}

/**
 * Makes sure every folder from `root` down to `folder` exists and is a real folder inside `root`'s
 * real path (a link to a folder inside is followed; one out of it is refused). Answers the real path.
 */
function ensureFolder(rootReal: string, rootLexical: string, folder: string, mkdirs: boolean): string | Refused<WriteRefusal> {
  const rel = path.relative(rootLexical, folder);
  let at = rootReal;
  for (const part of rel === '' ? [] : rel.split(path.sep)) {
    const next = path.join(at, part);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(next);
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') return refuse('unwritable', `cannot write file (${codeOf(error)})`);
    }
    if (!stat) {
      if (!mkdirs) return refuse('unwritable', 'cannot write file (no such folder)');
      try {
        fs.mkdirSync(next);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') return refuse('unwritable', `cannot write file (${codeOf(error)})`);
      }
      stat = fs.lstatSync(next);
    }
    if (stat.isSymbolicLink()) {
      let target: string;
      try {
        target = fs.realpathSync(next);
      } catch {
        return refuse('link', `a broken symbolic link (${part}) where a folder was expected; refusing to write through it`);
      }
      if (!isInside(rootReal, target))
        return refuse('outside', `${part} is a symbolic link to a folder outside ${path.basename(rootLexical) || rootLexical}; refusing to write through it`);
      stat = fs.statSync(target);
      if (!stat.isDirectory()) return refuse('unwritable', `cannot write file (${part} is not a folder)`);
      at = target;
      continue;
    }
    if (!stat.isDirectory()) return refuse('unwritable', `cannot write file (${part} is not a folder)`);
    at = next;
  }
  return at;
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes `data` to `file`, atomically, never outside `options.root` and never through a link unless
 * told. Answers the real path written, or why nothing was written (the target is then as it was,
 * and no temporary file is left behind). Never throws.
 */
export function writeFileGuarded(file: string, data: string | Uint8Array, options: WriteOptions): Written | Refused<WriteRefusal> {
  const target = path.resolve(file);
  const rootLexical = path.resolve(options.root);
  if (!isInside(rootLexical, target) || target === rootLexical) return refuse('outside', 'a path outside the folder it is written to; refusing to write it');
  try {
    fs.mkdirSync(rootLexical, { recursive: true });
  } catch (error) {
    return refuse('unwritable', `cannot write file (${codeOf(error)})`);
  }
  const rootReal = realOrSelf(rootLexical);
  const folder = ensureFolder(rootReal, rootLexical, path.dirname(target), options.mkdirs ?? true);
  if (typeof folder !== 'string') return folder;
  let dest = path.join(folder, path.basename(target));
  let existing: fs.Stats | undefined;
  try {
    existing = fs.lstatSync(dest);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') return refuse('unwritable', `cannot write file (${codeOf(error)})`);
  }
  if (existing?.isSymbolicLink()) {
    const links = options.links ?? 'refuse';
    if (links === 'refuse') {
      let dangling = false;
      try {
        fs.statSync(dest);
      } catch {
        dangling = true;
      }
      return refuse('link', dangling ? 'a broken symbolic link; refusing to write through it' : 'a symbolic link; refusing to write through it');
    }
    if (links === 'follow') {
      let real: string;
      try {
        real = fs.realpathSync(dest);
      } catch {
        return refuse('link', 'a broken symbolic link; refusing to write through it');
      }
      if (!isInside(rootReal, real)) return refuse('outside', 'a symbolic link to a file outside the folder it is written to; refusing to write through it');
      dest = real;
      existing = fs.lstatSync(dest);
    } else existing = undefined; // replace: the rename below replaces the link, never its target
  }
  if (existing) {
    if (existing.isDirectory()) return refuse('folder', 'cannot write file (it is a folder)');
    if (!existing.isFile()) return refuse('special', 'cannot write file (not a regular file)');
    if (!options.overwrite) return refuse('exists', 'file exists; refusing to overwrite it (use --force)');
    if (options.expect) {
      const e = options.expect;
      let same = existing.size === e.size && existing.mtimeMs === e.mtimeMs && existing.ino === e.ino;
      if (same) {
        const again = readFileGuarded(dest, { maxBytes: Math.max(e.size, 1) });
        same = again.ok && contentHash(again.bytes) === e.hash;
      }
      if (!same) return refuse('changed', 'changed since it was read; not written');
    }
    if ((existing.mode & 0o222) === 0 || !writable(dest)) return refuse('read-only', 'read-only file; not written');
  }
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  if (existing && options.keepHardLinks && existing.nlink > 1) return writeInPlace(dest, bytes);
  sweep(folder);
  const temp = path.join(folder, `.${path.basename(dest)}.${process.pid}-${crypto.randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | O_NOFOLLOW, options.mode ?? existing?.mode ?? 0o666);
    if (existing) {
      fs.fchmodSync(fd, existing.mode & 0o7777);
      try {
        if (process.getuid?.() === 0) fs.fchownSync(fd, existing.uid, existing.gid);
      } catch {
        // keep the writer's owner
      }
    }
    for (let at = 0; at < bytes.byteLength;) at += fs.writeSync(fd, bytes, at, bytes.byteLength - at);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(temp, dest);
    return { ok: true, file: dest };
  } catch (error) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // closed already
      }
    }
    try {
      fs.unlinkSync(temp);
    } catch {
      // never created
    }
    return refuse('unwritable', `cannot write file (${codeOf(error)})`);
  }
}

/** Writes over a file with several hard links, so every link sees it (not atomic: the one case that cannot be). */
function writeInPlace(dest: string, bytes: Uint8Array): Written | Refused<WriteRefusal> {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dest, fs.constants.O_WRONLY | O_NOFOLLOW | O_NONBLOCK);
    if (!fs.fstatSync(fd).isFile()) return refuse('special', 'cannot write file (not a regular file)');
    fs.ftruncateSync(fd, 0);
    for (let at = 0; at < bytes.byteLength;) at += fs.writeSync(fd, bytes, at, bytes.byteLength - at, at);
    fs.fsyncSync(fd);
    return { ok: true, file: dest };
  } catch (error) {
    return refuse('unwritable', `cannot write file (${codeOf(error)})`);
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** True when `a` and `b` name the same file (real paths, or the same device and inode); false when either is missing. */
export function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}
