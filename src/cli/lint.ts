// `dunmark lint`: expand the arguments, resolve each file's config, lint (and --fix), format.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import writeFileAtomic from 'write-file-atomic';
import { fixUntilStable } from '../core/fixes.js';
import { lint, listRules } from '../index.js';
import type { DunmarkConfig } from '../core/types.js';
import { CliConfigs, ConfigFileError, readConfigFile } from './config-files.js';
import { displayPath, expandArgs } from './files.js';
import { formatJson } from './format/json.js';
import { formatSarif } from './format/sarif.js';
import { formatStylish, useColour, type FileResult } from './format/stylish.js';
import type { CliIo, Command } from './io.js';
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

  const show = (file: string): string => displayPath(io.cwd, file);
  let status = 0;
  const { files, problems } = expandArgs(positionals, { cwd: io.cwd, extensions, ignorePatterns: values['ignore-pattern'] ?? [] });
  for (const p of problems) {
    io.stderr(`dunmark: ${p.path}: ${p.reason}\n`);
    status = 2;
  }

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

  const results: FileResult[] = [];
  const facts = values.facts === undefined ? undefined : readFactsFile(path.resolve(io.cwd, values.facts), values.facts);
  if (typeof facts === 'string') {
    io.stderr(`dunmark: ${facts}\n`);
    return 2;
  }
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
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      io.stderr(`dunmark: ${shown}: cannot read file (${code === 'EISDIR' ? 'it is a folder' : code ?? String(error)})\n`);
      status = 2;
      continue;
    }
    const config = configs.get(file) ?? {};
    if (values.fix) {
      const outcome = fixUntilStable(text, (t) => lint(t, { config, path: shown }));
      if (outcome.text !== text) {
        try {
          writeFileAtomic.sync(file, outcome.text, { encoding: 'utf8' });
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          io.stderr(`dunmark: ${shown}: cannot write the fixed file (${code ?? String((error as Error).message)}); left unchanged\n`);
          status = 2;
          results.push({ file: shown, text, findings: lint(text, { config, path: shown }) });
          continue;
        }
      }
      results.push({ file: shown, text: outcome.text, findings: outcome.findings });
    } else {
      results.push({ file: shown, text, findings: lint(text, { config, path: shown }) });
    }
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
  -h, --help                       show this help

Folders are searched recursively; .gitignore and .dunmarkignore in the working folder are
honoured and node_modules is always skipped.
Exit status: 0 no errors, 1 at least one error finding, 2 usage, file or config problem.
`;
