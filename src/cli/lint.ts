// `dunmark lint`: expand the arguments, resolve each file's config, lint (and --fix), format.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { listRules } from '../index.js';
import type { DunmarkConfig, Finding } from '../core/types.js';
import { CliConfigs, ConfigFileError, readConfigFile } from './config-files.js';
import { DEFAULT_MAX_BYTES, parseSize, readTextFile, writeFixedFile } from './file-io.js';
import { displayPath, expandArgs } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatStylish, useColour, type FileResult } from './format/stylish.js';
import type { CliIo, Command } from './io.js';
import { LintRunner } from './lint-worker.js';
import { UsageError } from './usage.js';

/** How long one file may take by default (lint, or all passes of --fix), in milliseconds. */
export const DEFAULT_MAX_MS = 30_000;

/** The finding that stands for a file that could not be checked within the budget. */
function overBudget(maxMs: number): Finding {
  return {
    ruleId: 'max-ms', category: 'structure', severity: 'error',
    message: `Unexpected file that takes more than ${maxMs} ms to check (--max-ms), expected a letter Dunmark can check; it was not checked`,
    line: 1, column: 1, endLine: 1, endColumn: 1, span: { start: 0, end: 0 }, fixes: [],
  };
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
  const maxMs = values['max-ms'] === undefined ? DEFAULT_MAX_MS : Number(values['max-ms']);
  if (!Number.isInteger(maxMs) || maxMs <= 0) throw new UsageError(`--max-ms needs a whole number of milliseconds, e.g. --max-ms ${DEFAULT_MAX_MS}`);
  const maxBytes = values['max-size'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-size']);
  if (maxBytes === undefined) throw new UsageError('--max-size needs a size, e.g. --max-size 2MB or --max-size 500KB');

  const show = (file: string): string => displayPath(io.cwd, file);
  let status = 0;
  const { files, problems, skipped } = expandArgs(positionals, { cwd: io.cwd, extensions, ignorePatterns: values['ignore-pattern'] ?? [] });
  for (const p of problems) {
    io.stderr(`dunmark: ${p.path}: ${p.reason}\n`);
    status = 2;
  }
  if (values.verbose) for (const p of skipped) io.stderr(`dunmark: ${show(p.path)}: skipped (${p.reason})\n`);

  // Every config is read before any file is linted or written: a bad config changes nothing.
  const configs = new Map<string, DunmarkConfig>();
  try {
    if (values.config !== undefined) {
      const fixed = await readConfigFile(path.resolve(io.cwd, values.config), values.config);
      for (const file of files) configs.set(file, fixed);
    } else {
      const resolver = new CliConfigs(show);
      for (const file of files) configs.set(file, await resolver.configFor(file));
    }
  } catch (error) {
    if (error instanceof ConfigFileError) {
      io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
      return 2;
    }
    throw error;
  }

  // Each file is linted in a worker within --max-ms; one file that cannot be read, checked or
  // written is one line on stderr, and the others go on.
  const results: FileResult[] = [];
  const facts = values.facts === undefined ? undefined : readFactsFile(path.resolve(io.cwd, values.facts), values.facts);
  if (typeof facts === 'string') {
    io.stderr(`dunmark: ${facts}\n`);
    return 2;
  }
  const runner = new LintRunner(maxMs);
  try {
    for (const file of files) {
      const shown = show(file);
      if (/\.docx$/i.test(file)) {
        // Word letters: read through mammoth, in a chunk loaded only when there is one
        const result = await (await import('./docx-lint.js')).lintDocxFile(file, shown, configs.get(file) ?? {}, facts, show);
        if ('problem' in result) {
          io.stderr(`dunmark: ${shown}: ${result.problem}\n`);
          status = 2;
        } else results.push(result);
        continue;
      }
      const read = readTextFile(file, maxBytes);
      if (!read.ok) {
        io.stderr(`dunmark: ${shown}: ${read.reason}\n`);
        status = 2;
        continue;
      }
      const { text } = read.file;
      const config = configs.get(file) ?? {};
      const answer = await runner.run({ text, config, path: shown, fix: values.fix });
      if (answer.kind === 'over-budget') {
        results.push({ file: shown, text, findings: [overBudget(maxMs)] });
        continue;
      }
      if (answer.kind === 'failed') {
        io.stderr(`dunmark: ${shown}: cannot check the file (${answer.reason}); please report it\n`);
        status = 2;
        continue;
      }
      if (values.fix && answer.text !== text) {
        const written = writeFixedFile(file, read.file, answer.text);
        if (!written.ok) {
          io.stderr(`dunmark: ${shown}: ${written.reason}\n`);
          status = 2;
          const again = await runner.run({ text, config, path: shown, fix: false });
          results.push({ file: shown, text, findings: again.kind === 'done' ? again.findings : [] });
          continue;
        }
      }
      results.push({ file: shown, text: answer.text, findings: answer.findings });
    }
  } finally {
    runner.stop();
  }

  if (format === 'json') io.stdout(formatJson(results));
  else if (format === 'sarif') io.stdout(formatSarif(results, listRules(), io.cwd));
  else io.stdout(formatStylish(results, useColour(io.isTTY, process.env)));

  if (status === 2) return 2;
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
};

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
      --facts FILE                 facts (YAML) of the .docx letters linted (default: a YAML block at
                                   the start, the document's properties, or case.yaml beside it)
      --max-ms MS                  time one file may take before it is reported unchecked (default: 30000)
      --max-size SIZE              largest file to read, e.g. 500KB or 5MB (default: 2MB)
      --verbose                    say what folder scans skip (symbolic links, FIFOs, ...)
  -h, --help                       show this help

Folders are searched recursively; .gitignore and .dunmarkignore in the working folder are
honoured and node_modules is always skipped.
A file that is not UTF-8 text, too large, or cannot be checked is one line on stderr; the
other files are still linted and the exit status is 2. --fix writes a file only when it is
unchanged since it was read and writable, keeping its mode, owner, hard links, BOM and line endings.
Exit status: 0 no errors, 1 at least one error finding, 2 usage, file or config problem.
`;
