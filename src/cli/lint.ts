// `dunmark lint`: expand the arguments, resolve each file's config, lint (and --fix), format.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CaseFileSource } from '../core/cases/case-file.js';
import type { LintJob } from '../core/lint-job.js';
import type { DunmarkConfig, Finding } from '../core/types.js';
import { regroupCaseFindings } from './case-results.js';
import { CliConfigs, ConfigFileError, readConfigFile } from './config-files.js';
import { DEFAULT_MAX_BYTES, formatSize, parseSize, readTextFile, writeFixedFile } from './file-io.js';
import { displayPath, expandArgs } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatStylish, useColour, type FileResult } from './format/stylish.js';
import type { CliIo, Command } from './io.js';
import { contextKey, DEFAULT_CACHE_FILE, hashText, LintCache } from './lint-cache.js';
import { cliPool, poolSize } from './pool.js';
import { UsageError } from './usage.js';
import { documentFinding } from '../core/findings.js';

/** How long one file may take by default (lint, or all passes of --fix), in milliseconds. */
export const DEFAULT_MAX_MS = 30_000;

/**
 * One Markdown letter up to this size, with no --max-ms given, is linted in this thread: starting a
 * worker (a second isolate loading the whole bundle) cost more than the lint itself, and a letter
 * this small is checked in milliseconds (the lint is linear in the text).
 */
export const INLINE_MAX_BYTES = 64 * 1024;

/** The finding that stands for a file that could not be checked within the budget. */
function overBudget(maxMs: number): Finding {
  return documentFinding(
    'max-ms',
    'structure',
    'error',
    `Unexpected file that takes more than ${maxMs} ms to check (--max-ms), expected a letter Dunmark can check; it was not checked`,
  );
}

const FORMATS = ['stylish', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

/** Runs `dunmark lint [--format F] [--config FILE] [--fix] [--ext md] [--ignore-pattern P] PATH...`. */
export const runLint: Command = async (argv: string[], io: CliIo): Promise<number> => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f', default: 'stylish' },
      config: { type: 'string', short: 'c' },
      fix: { type: 'boolean', default: false },
      ext: { type: 'string', multiple: true },
      'ignore-pattern': { type: 'string', multiple: true },
      facts: { type: 'string' },
      'max-ms': { type: 'string' },
      'max-size': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      cache: { type: 'boolean', default: false },
      'cache-location': { type: 'string' },
      jobs: { type: 'string', short: 'j' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(LINT_HELP);
    return 0;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format \`${values.format}\`, expected stylish, json or sarif`);
  if (positionals.length === 0) throw new UsageError('lint needs at least one file, folder or glob (try `dunmark lint .`)');
  const extensions = (values.ext ?? ['md'])
    .flatMap((e) => e.split(','))
    .map((e) => e.trim().replace(/^\./, ''))
    .filter(Boolean);
  if (extensions.length === 0) throw new UsageError('--ext needs an extension, e.g. --ext md');
  const maxMs = values['max-ms'] === undefined ? DEFAULT_MAX_MS : Number(values['max-ms']);
  if (!Number.isInteger(maxMs) || maxMs <= 0) throw new UsageError(`--max-ms needs a whole number of milliseconds, e.g. --max-ms ${DEFAULT_MAX_MS}`);
  const maxBytes = values['max-size'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-size']);
  if (maxBytes === undefined) throw new UsageError('--max-size needs a size, e.g. --max-size 2MB or --max-size 500KB');
  const jobs = values.jobs === undefined || values.jobs === 'auto' ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1))
    throw new UsageError(`--jobs needs a number of worker threads (1 or more) or auto, not \`${values.jobs}\``);

  const show = (file: string): string => displayPath(io.cwd, file);
  let status = 0;
  const { files, problems, skipped } = expandArgs(positionals, { cwd: io.cwd, extensions, ignorePatterns: values['ignore-pattern'] ?? [] });
  for (const p of problems) {
    io.stderr(`dunmark: ${p.path}: ${p.reason}\n`);
    status = 2;
  }
  if (values.verbose) for (const p of skipped) io.stderr(`dunmark: ${show(p.path)}: skipped (${p.reason})\n`);

  // Every config and case file is read before any file is linted or written: a bad one changes nothing.
  const configs = new Map<string, DunmarkConfig>();
  const cases = new Map<string, CaseFileSource[]>();
  try {
    const resolver = new CliConfigs(show);
    if (values.config !== undefined) {
      const fixed = await readConfigFile(path.resolve(io.cwd, values.config), values.config);
      for (const file of files) configs.set(file, fixed);
    } else {
      for (const file of files) configs.set(file, await resolver.configFor(file));
    }
    for (const file of files) cases.set(file, await resolver.caseFilesFor(file));
  } catch (error) {
    if (error instanceof ConfigFileError) {
      io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
      return 2;
    }
    throw error;
  }

  const results: FileResult[] = [];
  const facts = values.facts === undefined ? undefined : readFactsFile(path.resolve(io.cwd, values.facts), values.facts);
  if (typeof facts === 'string') {
    io.stderr(`dunmark: ${facts}\n`);
    return 2;
  }
  // Every file is linted in a worker within --max-ms, many files on every core; with --cache, an
  // unchanged file is not linted (nor read) again. One file that cannot be read, checked or written
  // is one line on stderr, and the others go on.
  const inline =
    files.length === 1 && values['max-ms'] === undefined && !/\.docx$/i.test(files[0]!) && (statOf(files[0]!)?.size ?? Infinity) <= INLINE_MAX_BYTES;
  const pool = cliPool(inline ? 0 : poolSize(files.length, jobs));
  const lintJob = async (job: LintJob): ReturnType<typeof pool.lint> =>
    inline ? (await import('../core/lint-job.js')).runLintJob(job) : pool.lint(job, { budgetMs: maxMs });
  const cache = values.cache ? LintCache.open(path.resolve(io.cwd, values['cache-location'] ?? DEFAULT_CACHE_FILE)) : undefined;
  const caseTexts = new Map<string, string>();
  const lintFile = async (file: string): Promise<FileResult | undefined> => {
    const shown = show(file);
    const caseFiles = cases.get(file) ?? [];
    for (const c of caseFiles) caseTexts.set(c.name, c.text);
    if (/\.docx$/i.test(file)) {
      // Word letters: read (mammoth) and checked in a worker within --max-ms, like any letter: a document
      // that inflates without end is bounded by the budget and the worker's heap, never this thread
      const bytes = (await import('./docx-lint.js')).readDocxBytes(file);
      if ('problem' in bytes) {
        io.stderr(`dunmark: ${shown}: ${bytes.problem}\n`);
        status = 2;
        return undefined;
      }
      const answer = await pool.docx(
        { bytes: bytes.bytes, maxTextBytes: maxBytes, caseFiles, config: configs.get(file) ?? {}, ...(facts ? { factsFile: facts } : {}) },
        { budgetMs: maxMs },
      );
      if (answer.kind === 'over-budget') return { file: shown, findings: [overBudget(maxMs)] };
      if (answer.kind !== 'done') {
        io.stderr(
          `dunmark: ${shown}: cannot check the file (${answer.kind === 'failed' || answer.kind === 'unavailable' ? answer.reason : answer.kind}); please report it\n`,
        );
        status = 2;
        return undefined;
      }
      if (answer.outcome !== 'checked') {
        io.stderr(
          `dunmark: ${shown}: ${
            answer.outcome === 'unreadable'
              ? `cannot read this Word document (${answer.reason}), expected a .docx file`
              : `text too large (${formatSize(answer.textBytes)}), expected at most ${formatSize(maxBytes)} (see --max-size)`
          }\n`,
        );
        status = 2;
        return undefined;
      }
      const located = new Map(answer.findings.map((f, i) => [f, answer.locations[i]!]));
      return { file: shown, text: answer.text, findings: answer.findings, locate: (f) => located.get(f) ?? { paragraph: null, quote: '' } };
    }
    const config = configs.get(file) ?? {};
    const context = cache ? contextKey(config, caseFiles) : '';
    // a file now over --max-size is read (and refused) even when the cache knows it
    const stat = cache ? statOf(file) : undefined;
    const known = stat && stat.size <= maxBytes ? stat : undefined;
    const reuse = (found: Finding[] | undefined): found is Finding[] =>
      found !== undefined && !(values.fix && found.some((f) => f.file === undefined && f.fixes.some((x) => x.isPreferred)));
    const byStat = known ? cache?.byStat(file, known, context) : undefined;
    if (reuse(byStat)) return { file: shown, findings: byStat };
    const read = readTextFile(file, maxBytes);
    if (!read.ok) {
      io.stderr(`dunmark: ${shown}: ${read.reason}\n`);
      status = 2;
      return undefined;
    }
    const { text } = read.file;
    const byContent = cache?.byContent(file, read.file, read.file.hash, context);
    if (reuse(byContent)) return { file: shown, text, findings: byContent };
    const answer = await lintJob({ text, config, fix: values.fix, caseFiles });
    // over budget says nothing about the letter, only about this run: reported, never cached
    if (answer.kind === 'over-budget') return { file: shown, text, findings: [overBudget(maxMs)] };
    if (answer.kind !== 'done') {
      io.stderr(
        `dunmark: ${shown}: cannot check the file (${answer.kind === 'failed' || answer.kind === 'unavailable' ? answer.reason : answer.kind}); please report it\n`,
      );
      status = 2;
      return undefined;
    }
    if (values.fix && answer.text !== text) {
      const written = writeFixedFile(file, read.file, answer.text);
      if (!written.ok) {
        io.stderr(`dunmark: ${shown}: ${written.reason}\n`);
        status = 2;
        const again = await lintJob({ text, config, fix: false, caseFiles });
        return { file: shown, text, findings: again.kind === 'done' ? again.findings : [] };
      }
      const after = cache ? statOf(file) : undefined;
      if (after) cache?.set(file, after, hashText(answer.text), context, answer.findings);
    } else cache?.set(file, read.file, read.file.hash, context, answer.findings);
    return { file: shown, text: answer.text, findings: answer.findings };
  };
  try {
    // a few files ahead of the workers, not every letter of a large folder in memory at once
    const found = new Array<FileResult | undefined>(files.length);
    let next = 0;
    const feed = async (): Promise<void> => {
      for (let i = next++; i < files.length; i = next++) found[i] = await lintFile(files[i]!);
    };
    await Promise.all(Array.from({ length: Math.min(files.length, Math.max(1, pool.size) * 2) }, feed));
    for (const result of found) if (result) results.push(result);
  } finally {
    pool.stop();
  }
  const problem = cache?.save();
  if (problem) io.stderr(`dunmark: ${show(cache!.file)}: ${problem}\n`);
  results.splice(0, results.length, ...regroupCaseFindings(results, caseTexts));

  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif')
    io.stdout(
      formatSarif(
        results,
        (await import('../core/rules/index.js')).rules.map((rule) => ({ ...rule.meta })),
        io.cwd,
      ),
    );
  else io.stdout(formatStylish(results, useColour(io.isTTY, process.env)));

  if (status === 2) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};

/** A file's size and modification time, or undefined when it cannot be read (the read says why). */
function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const st = fs.statSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Reads `--facts FILE` for Word letters; a one-line problem when it cannot be read. */
function readFactsFile(file: string, shown: string): { name: string; text: string } | string {
  try {
    return { name: shown, text: fs.readFileSync(file, 'utf8') };
  } catch (error) {
    return `${shown}: cannot read file (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
}

/** Help of `dunmark lint`. */
export const LINT_HELP = `Usage: dunmark lint [options] FILE|DIR|GLOB ...

Lints letters, call summaries and clauses (Markdown with YAML front matter), and Word letters
(.docx): their findings name the paragraph (¶N counts the non-empty paragraphs from the top).

Options:
  -f, --format stylish|json|sarif  output format (default: stylish)
  -c, --config FILE                use this config instead of the nearest .dunmarkrc.json
      --fix                        apply the preferred fixes, then report what remains
      --ext EXT                    extension to lint in folders (default: md; repeatable)
      --ignore-pattern PATTERN     ignore files matching this .gitignore-style pattern (repeatable)
      --cache                      reuse the findings of files unchanged since the last --cache run
      --cache-location FILE        where the cache is kept (default: .dunmarkcache in the working folder)
  -j, --jobs N|auto                worker threads that lint (default auto: every core for 48 files or more, else one)
      --facts FILE                 facts (YAML) of the .docx letters linted (default: a YAML block at
                                   the start, the document's properties, or case.yaml beside it)
      --max-ms MS                  time one file may take before it is reported unchecked (default: 30000)
      --max-size SIZE              largest file to read, e.g. 500KB or 5MB (default: 2MB)
      --verbose                    say what folder scans skip (symbolic links, FIFOs, ...)
  -h, --help                       show this help

Folders are searched recursively; .gitignore and .dunmarkignore in the working folder are
honoured and node_modules is always skipped. A letter inherits the facts of the case.yaml files in
its folder and above; a finding about an inherited fact is shown under that case.yaml.
A file that is not UTF-8 text, too large, or cannot be checked is one line on stderr; the
other files are still linted and the exit status is 2. --fix writes a file only when it is
unchanged since it was read and writable, keeping its mode, owner, hard links, BOM and line endings.
Exit status: 0 no errors, 1 at least one error finding, 2 usage, file or config problem.
`;
