// Turns the `lint` arguments (files, folders, globs) into the list of files to lint, honouring
// .gitignore, .dunmarkignore and --ignore-pattern from the working folder; node_modules never.
import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** A file to lint, or a reason an argument gave nothing to lint. */
export interface FileList {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /** One `path: reason` per argument that could not be used. */
  problems: { path: string; reason: string }[];
  /** What folder scans passed over and why (symbolic links, FIFOs, sockets, devices): shown with --verbose. */
  skipped: { path: string; reason: string }[];
}

/** Options of `expandArgs`. */
export interface ExpandOptions {
  cwd: string;
  /** Extensions to pick in folders and globs, without the dot. */
  extensions: string[];
  ignorePatterns: string[];
}

const ALWAYS_IGNORED = ['**/node_modules/**'];

/** The ignore rules of the working folder: .gitignore, .dunmarkignore and extra patterns. */
export function loadIgnore(cwd: string, patterns: string[]): Ignore {
  const ig = ignore();
  ig.add('node_modules/');
  for (const name of ['.gitignore', '.dunmarkignore']) {
    try {
      ig.add(fs.readFileSync(path.join(cwd, name), 'utf8'));
    } catch {
      // No such file: nothing to ignore from it.
    }
  }
  ig.add(patterns);
  return ig;
}

/** Path of `file` relative to `cwd`, with forward slashes (how files are shown and matched). */
export function displayPath(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? path.basename(file) : rel).split(path.sep).join('/');
}

function isIgnored(ig: Ignore, cwd: string, file: string): boolean {
  const rel = path.relative(cwd, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return file.split(path.sep).includes('node_modules');
  return ig.ignores(rel.split(path.sep).join('/'));
}

/** Expands the arguments of `lint` into files; never throws on a bad argument. */
export function expandArgs(args: string[], options: ExpandOptions): FileList {
  const { cwd } = options;
  const ig = loadIgnore(cwd, options.ignorePatterns);
  const exts = options.extensions.map((e) => e.replace(/^\./, '')).filter(Boolean);
  const found = new Set<string>();
  const problems: FileList['problems'] = [];
  const skipped: FileList['skipped'] = [];

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(abs);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      let dangling = false;
      try {
        dangling = fs.lstatSync(abs).isSymbolicLink();
      } catch {
        // Not there at all.
      }
      if (dangling) {
        problems.push({ path: arg, reason: 'cannot read file (broken symbolic link)' });
        continue;
      }
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        problems.push({ path: arg, reason: `cannot read (${code ?? 'unknown error'})` });
        continue;
      }
    }
    if (stat?.isFile()) {
      found.add(abs);
      continue;
    }
    if (stat?.isDirectory()) {
      const matches = walkFolder(abs, exts, skipped).filter((f) => !isIgnored(ig, cwd, f));
      if (matches.length === 0) problems.push({ path: arg, reason: `no files ending in ${exts.map((e) => `.${e}`).join(' or ')} in this folder` });
      for (const f of matches) found.add(f);
      continue;
    }
    if (stat) {
      problems.push({ path: arg, reason: 'not a file or a folder' });
      continue;
    }
    if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, dot: false, ignore: ALWAYS_IGNORED })
        .map((f) => path.resolve(f))
        .filter((f) => !isIgnored(ig, cwd, f));
      // The pattern chose the files: every match is linted, whatever its extension.
      if (matches.length === 0) problems.push({ path: arg, reason: 'no files match this pattern' });
      for (const f of matches) found.add(f);
      continue;
    }
    problems.push({ path: arg, reason: 'no such file or folder' });
  }
  return { files: [...found].sort(), problems, skipped };
}

/** Why a folder scan does not follow or read an entry that is not a plain file or folder. */
function skipReason(full: string, entry: fs.Dirent): string {
  if (entry.isSymbolicLink()) {
    let target: string;
    try {
      target = fs.realpathSync(full);
    } catch {
      return 'broken symbolic link';
    }
    const parent = path.dirname(full);
    if (parent === target || parent.startsWith(target + path.sep)) return 'symbolic link to a folder that holds it (a loop), not followed';
    return 'symbolic link, not followed';
  }
  if (entry.isFIFO()) return 'a FIFO, not a file';
  if (entry.isSocket()) return 'a socket, not a file';
  return 'a device, not a file';
}

/**
 * The files under `root` with one of `exts`, depth first and without following symbolic links
 * (so no loop), skipping dot entries and node_modules; what it passes over goes in `skipped`.
 */
function walkFolder(root: string, exts: string[], skipped: FileList['skipped']): string[] {
  const out: string[] = [];
  const stack = [root];
  for (let dir = stack.pop(); dir !== undefined; dir = stack.pop()) {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: dir, reason: `cannot read folder (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})` });
      continue;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile()) {
        if (exts.some((e) => entry.name.endsWith(`.${e}`))) out.push(full);
      } else if (exts.some((e) => entry.name.endsWith(`.${e}`)) || entry.isSymbolicLink()) {
        skipped.push({ path: full, reason: skipReason(full, entry) });
      }
    }
  }
  return out;
}
