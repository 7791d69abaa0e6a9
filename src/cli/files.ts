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
  const extGlob = exts.length === 1 ? `*.${exts[0]}` : `*.{${exts.join(',')}}`;
  const found = new Set<string>();
  const problems: FileList['problems'] = [];

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
      const matches = globSync(`**/${extGlob}`, { cwd: abs, absolute: true, dot: false, ignore: ALWAYS_IGNORED, followSymbolicLinks: false })
        .map((f) => path.resolve(f))
        .filter((f) => !isIgnored(ig, cwd, f));
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
  return { files: [...found].sort(), problems };
}
