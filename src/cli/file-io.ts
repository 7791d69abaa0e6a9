// Reading a letter and writing back its fixes without losing anything: UTF-8 only (a fatal
// decoder, the BOM kept), a size limit, and a write that happens only when the file is still
// what was read, is writable, and keeps its mode, owner and hard links.
import crypto from 'node:crypto';
import fs from 'node:fs';
import writeFileAtomic from 'write-file-atomic';

/** The largest file `lint` reads by default (2 MB). */
export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

/** A file as read: its text and what is needed to tell, later, whether it changed. */
export interface ReadFile {
  text: string;
  size: number;
  mtimeMs: number;
  ino: number;
  hash: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The hash of a file's bytes (or of a text as UTF-8): what tells a changed file, for --fix and --cache. */
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

/** `2 MB`, `500KB`, `1048576` → bytes; undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?$/i.exec(value.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase()[0];
  const factor = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  const bytes = Math.floor(Number(m[1]) * factor);
  return bytes > 0 ? bytes : undefined;
}

/** `2.0 MB`, `512 KB`, `900 bytes`. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EISDIR' ? 'it is a folder' : (code ?? String((error as Error).message));
}

/** Reads a letter: a regular file of at most `maxBytes` that is valid UTF-8. Never throws. */
export function readTextFile(file: string, maxBytes: number): { ok: true; file: ReadFile } | { ok: false; reason: string } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const stat = fs.fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'cannot read file (it is a folder)' };
    if (!stat.isFile()) return { ok: false, reason: 'cannot read file (not a regular file)' };
    if (stat.size > maxBytes)
      return { ok: false, reason: `file too large (${formatSize(stat.size)}), expected at most ${formatSize(maxBytes)} (see --max-size)` };
    const bytes = fs.readFileSync(fd);
    if (bytes.length > maxBytes)
      return { ok: false, reason: `file too large (${formatSize(bytes.length)}), expected at most ${formatSize(maxBytes)} (see --max-size)` };
    const text = decodeUtf8(bytes);
    if (text === undefined) return { ok: false, reason: 'not UTF-8 text; not linted' };
    return { ok: true, file: { text, size: bytes.length, mtimeMs: stat.mtimeMs, ino: stat.ino, hash: contentHash(bytes) } };
  } catch (error) {
    return { ok: false, reason: `cannot read file (${reasonOf(error)})` };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * Writes the fixed text of a file read by `readTextFile`, or says why it did not: the file
 * changed since it was read (size, time, inode or content), or nobody may write it. A file with
 * one link is replaced atomically (mode and owner kept); one with several hard links is written
 * in place so that every link sees the fix.
 */
export function writeFixedFile(file: string, read: ReadFile, text: string): { ok: true } | { ok: false; reason: string } {
  try {
    const now = fs.statSync(file);
    const changed = (): boolean => {
      const again = fs.statSync(file);
      if (again.size !== read.size || again.mtimeMs !== read.mtimeMs || again.ino !== read.ino) return true;
      return contentHash(fs.readFileSync(file)) !== read.hash;
    };
    if (changed()) return { ok: false, reason: 'changed while it was being fixed; fixes not written, run --fix again' };
    if ((now.mode & 0o222) === 0 || !writable(file)) return { ok: false, reason: 'read-only file; fixes not written' };
    const bytes = Buffer.from(text, 'utf8');
    if (now.nlink > 1) {
      fs.writeFileSync(file, bytes);
    } else {
      writeFileAtomic.sync(file, bytes, { fsync: true });
    }
    return { ok: true };
  } catch (error) {
    return { ok: false, reason: `cannot write the fixed file (${reasonOf(error)}); left unchanged` };
  }
}

function writable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** True when `file` is a symbolic link to nothing: writing through it would replace the link, not a file. */
export function isDanglingLink(file: string): boolean {
  try {
    if (!fs.lstatSync(file).isSymbolicLink()) return false;
  } catch {
    return false;
  }
  return !fs.existsSync(file);
}
