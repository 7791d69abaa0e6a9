// `dunmark lint`: expand the arguments, resolve each file's config, lint (and --fix), format.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { listRules } from '../index.js';
import type { CaseFileSource } from '../core/cases/case-file.js';
import type { DunmarkConfig, Finding } from '../core/types.js';
import { regroupCaseFindings } from './case-results.js';
import { CliConfigs, ConfigFileError, readConfigFile } from './config-files.js';
import { displayPath, expandArgs } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatStylish, useColour, type FileResult } from './format/stylish.js';
import type { CliIo, Command } from './io.js';
import { contextKey, DEFAULT_CACHE_FILE, hashText, LintCache } from './lint-cache.js';
import { LintPool, poolSize } from './lint-pool.js';
import { UsageError } from './usage.js';

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
  const extensions = (values.ext ?? ['md']).flatMap((e) => e.split(',')).map((e) => e.trim().replace(/^\./, '')).filter(Boolean);
  if (extensions.length === 0) throw new UsageError('--ext needs an extension, e.g. --ext md');
  const jobs = values.jobs === undefined || values.jobs === 'auto' ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 0)) throw new UsageError(`--jobs needs a number of worker threads (0: none) or auto, not \`${values.jobs}\``);

  const show = (file: string): string => displayPath(io.cwd, file);
  let status = 0;
  const { files, problems } = expandArgs(positionals, { cwd: io.cwd, extensions, ignorePatterns: values['ignore-pattern'] ?? [] });
  for (const p of problems) {
    io.stderr(`dunmark: ${p.path}: ${p.reason}\n`);
    status = 2;
  }

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
  // Many files are linted on every core; with --cache, an unchanged file is not linted (nor read) again.
  const pool = new LintPool(poolSize(files.length, jobs));
  const cache = values.cache ? LintCache.open(path.resolve(io.cwd, values['cache-location'] ?? DEFAULT_CACHE_FILE)) : undefined;
  const caseTexts = new Map<string, string>();
  const lintFile = async (file: string): Promise<FileResult | undefined> => {
    const shown = show(file);
    const caseFiles = cases.get(file) ?? [];
    for (const c of caseFiles) caseTexts.set(c.name, c.text);
    if (/\.docx$/i.test(file)) {
      // Word letters: read through mammoth, in a chunk loaded only when there is one
      const result = await (await import('./docx-lint.js')).lintDocxFile(file, shown, configs.get(file) ?? {}, facts, caseFiles);
      if ('problem' in result) {
        io.stderr(`dunmark: ${shown}: ${result.problem}\n`);
        status = 2;
        return undefined;
      }
      return result;
    }
    const config = configs.get(file) ?? {};
    const context = cache ? contextKey(config, caseFiles) : '';
    const stat = cache ? statOf(file) : undefined;
    const reuse = (found: Finding[] | undefined): found is Finding[] => found !== undefined && !(values.fix && found.some((f) => f.file === undefined && f.fixes.some((x) => x.isPreferred)));
    const byStat = stat ? cache?.byStat(file, stat, context) : undefined;
    if (reuse(byStat)) return { file: shown, findings: byStat };
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`dunmark: ${shown}: cannot read file (${code === 'EISDIR' ? 'it is a folder' : code ?? String(error)})\n`);
      status = 2;
      return undefined;
    }
    const content = cache ? hashText(text) : '';
    const byContent = stat ? cache?.byContent(file, stat, content, context) : undefined;
    if (reuse(byContent)) return { file: shown, text, findings: byContent };
    const answer = await pool.run({ text, config, path: shown, fix: values.fix, caseFiles });
    if (answer.kind !== 'done') {
      io.stderr(`dunmark: ${shown}: cannot check the file (${answer.kind === 'failed' ? answer.reason : 'over its time budget'}); please report it\n`);
      status = 2;
      return undefined;
    }
    if (values.fix && answer.text !== text) {
      try {
        writeFileAtomic.sync(file, answer.text, { encoding: 'utf8' });
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        io.stderr(`dunmark: ${shown}: cannot write the fixed file (${code ?? String((error as Error).message)}); left unchanged\n`);
        status = 2;
        const again = await pool.run({ text, config, path: shown, fix: false, caseFiles });
        return { file: shown, text, findings: again.kind === 'done' ? again.findings : [] };
      }
      const after = cache ? statOf(file) : undefined;
      if (after) cache?.set(file, after, hashText(answer.text), context, answer.findings);
    } else if (stat) cache?.set(file, stat, content, context, answer.findings);
    return { file: shown, text: answer.text, findings: answer.findings };
  };
  try {
    for (const result of await Promise.all(files.map(lintFile))) if (result) results.push(result);
  } finally {
    pool.stop();
  }
  const problem = cache?.save();
  if (problem) io.stderr(`dunmark: ${show(cache!.file)}: ${problem}\n`);
  results.splice(0, results.length, ...regroupCaseFindings(results, caseTexts));

  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, listRules(), io.cwd));
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
  -j, --jobs N|auto                worker threads that lint (default auto: every core for 48 files or more; 0: none)
      --facts FILE                 facts (YAML) of the .docx letters linted (default: a YAML block at
                                   the start, the document's properties, or case.yaml beside it)
  -h, --help                       show this help

Folders are searched recursively; .gitignore and .dunmarkignore in the working folder are
honoured and node_modules is always skipped. A letter inherits the facts of the case.yaml files in
its folder and above; a finding about an inherited fact is shown under that case.yaml.
Exit status: 0 no errors, 1 at least one error finding, 2 usage, file or config problem.
`;
