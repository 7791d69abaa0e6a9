// `dunmark approve`: a reviewer's approval written into a letter (who, when, the digest of what they
// read), and `dunmark approve --check`: every letter's approval state. The digest is the core's
// (src/core/approval); this file reads, resolves config and case files, and writes.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { approvalEdit, approvalState, describeApproval, localTimestamp, newApproval, readApproval, type ApprovalState } from '../core/approval/index.js';
import { caseFacts } from '../core/cases/case-file.js';
import { parseDocument, ruleSettings } from '../core/engine.js';
import { rules } from '../core/rules/index.js';
import type { DunmarkConfig } from '../core/types.js';
import { lint } from '../index.js';
import { regroupCaseFindings } from './case-results.js';
import { CliConfigs, ConfigFileError, readConfigFile } from './config-files.js';
import { writeFileGuarded } from '../node/guarded-fs.js';
import { DEFAULT_MAX_BYTES, readTextFile } from './file-io.js';
import { displayPath, expandArgs } from './files.js';
import { formatStylish, useColour } from './format/stylish.js';
import type { CliIo, Command } from './io.js';
import { UsageError } from './usage.js';

/** Help of `dunmark approve`. */
export const APPROVE_HELP = `Usage: dunmark approve LETTER.md ... [--by NAME] [--force]
       dunmark approve --check [FILE|DIR|GLOB ...] [--format text|json]

Records a reviewer's approval in each letter's front matter: who approved it, when, and a digest
of what they read (the body and the facts the letter uses, those it inherits from case.yaml
included). Any later change of a word, a figure or a fact breaks the approval (the \`approval\` rule
reports it, and export refuses the letter); line endings, trailing spaces and blank lines do not.
An approval is a record of review, not a signature.

The letter is linted first: with an error finding it is not approved (exit 1) unless --force.

--check lists every letter (default: the working folder) with its state: approved, changed since
approved, waiting for approval (a letter before action, one naming counsel or claiming charges, as
configured in the \`approval\` rule's options), or no approval needed.

Options:
      --by NAME          who approves (default: $DUNMARK_REVIEWER, else git's user.name)
      --force            approve despite error findings
      --check            list letters and their approval state instead of approving
  -f, --format text|json output of --check (default: text)
  -c, --config FILE      use this config instead of the nearest .dunmarkrc.json
  -h, --help             show this help

Exit status: 0 approved (--check: every letter approved or needing none); 1 not approved because of
errors (--check: a letter changed since approval, waiting for one, or with an unreadable record);
2 usage, file or config problem.
`;

/** The reviewer's name when none is given: $DUNMARK_REVIEWER, else git's `user.name` (asked with a time limit). */
export function defaultReviewer(cwd: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.DUNMARK_REVIEWER?.trim();
  if (configured) return configured;
  try {
    const name = execFileSync('git', ['config', '--get', 'user.name'], {
      cwd,
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['ignore', 'pipe', 'ignore'],
      windowsHide: true,
    }).trim();
    return name || undefined;
  } catch {
    return undefined; // no git, no name set, or it took too long
  }
}

/** The config and case facts of one letter. */
async function contextOf(file: string, configs: CliConfigs, given: DunmarkConfig | undefined) {
  const config = given ?? (await configs.configFor(file));
  const caseFiles = await configs.caseFilesFor(file);
  return { config, caseFiles, inherited: caseFiles.length ? caseFacts(caseFiles) : undefined };
}

const approvalRule = rules.find((r) => r.meta.id === 'approval')!;

/** The approval state of a letter under its config (a rule turned off needs no approval, but a record is still checked). */
export function stateUnder(text: string, config: DunmarkConfig, inherited: ReturnType<typeof caseFacts> | undefined): ApprovalState {
  const doc = parseDocument(text, inherited);
  const { severity, options } = ruleSettings(approvalRule, config);
  const state = approvalState(doc, options);
  if (severity === 'off' && state.status === 'waiting') return { status: 'not-required', reasons: [] };
  return state;
}

/** Runs `dunmark approve`. */
export const runApprove: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      by: { type: 'string' },
      force: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      format: { type: 'string', short: 'f', default: 'text' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(APPROVE_HELP);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format \`${values.format}\`, expected text or json`);
  const show = (file: string): string => displayPath(io.cwd, file);
  const configs = new CliConfigs(show);
  try {
    const given = values.config !== undefined ? await readConfigFile(path.resolve(io.cwd, values.config), values.config) : undefined;
    if (values.check) return await check(positionals.length ? positionals : ['.'], values.format, given, configs, io);
    if (positionals.length === 0) throw new UsageError('approve needs at least one LETTER.md (or --check)');
    const by = values.by?.trim() || defaultReviewer(io.cwd);
    if (!by) throw new UsageError('who approves? give --by NAME, or set DUNMARK_REVIEWER or git config user.name');
    let status = 0;
    for (const letter of positionals) status = Math.max(status, await approveOne(path.resolve(io.cwd, letter), by, values.force, given, configs, io));
    return status;
  } catch (error) {
    if (error instanceof ConfigFileError) {
      io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
      return 2;
    }
    throw error;
  }
};

async function approveOne(file: string, by: string, force: boolean, given: DunmarkConfig | undefined, configs: CliConfigs, io: CliIo): Promise<number> {
  const shown = displayPath(io.cwd, file);
  const read = readTextFile(file, DEFAULT_MAX_BYTES);
  if (!read.ok) {
    io.stderr(`dunmark: ${shown}: ${read.reason}\n`);
    return 2;
  }
  const { text } = read.file;
  const { config, caseFiles, inherited } = await contextOf(file, configs, given);
  const doc = parseDocument(text, inherited);
  const yamlError = doc.frontMatter?.errors[0];
  if (yamlError) {
    const at = doc.lines.position(yamlError.span.start);
    io.stderr(`dunmark: ${shown}:${at.line}:${at.column}: not approved: the front matter cannot be read (${yamlError.message})\n`);
    return 2;
  }
  // the same pre-flight as export: a reviewer does not approve a letter with errors (its own approval aside)
  const findings = lint(text, { config, path: shown, ...(inherited ? { facts: inherited } : {}) });
  const errors = findings.filter((f) => f.severity === 'error' && f.ruleId !== 'approval');
  if (errors.length && !force) {
    io.stdout(
      formatStylish(
        regroupCaseFindings([{ file: shown, text, findings: errors }], new Map(caseFiles.map((f) => [f.name, f.text]))),
        useColour(io.isTTY, process.env),
      ),
    );
    io.stderr(`dunmark: ${shown}: not approved: ${errors.length} error${errors.length === 1 ? '' : 's'} to correct first (or --force to approve anyway)\n`);
    return 1;
  }
  const before = readApproval(doc.ownData?.approval);
  const record = newApproval(doc, by, localTimestamp(new Date()));
  const edit = approvalEdit(doc, record);
  if (!edit) {
    io.stderr(`dunmark: ${shown}: not approved: the front matter cannot be read\n`);
    return 2;
  }
  // the guarded write: refused when the letter changed since it was read (the reviewer approves what was read)
  const { size, mtimeMs, ino, hash } = read.file;
  const written = writeFileGuarded(file, text.slice(0, edit.start) + edit.text + text.slice(edit.end), {
    root: path.dirname(file),
    overwrite: true,
    links: 'follow',
    keepHardLinks: true,
    expect: { size, mtimeMs, ino, hash },
  });
  if (!written.ok) {
    io.stderr(`dunmark: ${shown}: not approved: ${written.reason}\n`);
    return 2;
  }
  const again = typeof before === 'object' && before.digest === record.digest ? ` (unchanged since ${before.by} approved it)` : '';
  io.stdout(`${shown}: approved by ${record.by} at ${record.at}${again}\n`);
  return 0;
}

async function check(args: string[], format: string, given: DunmarkConfig | undefined, configs: CliConfigs, io: CliIo): Promise<number> {
  const { files, problems } = expandArgs(args, { cwd: io.cwd, extensions: ['md'], ignorePatterns: [] });
  let status = 0;
  for (const p of problems) {
    io.stderr(`dunmark: ${p.path}: ${p.reason}\n`);
    status = 2;
  }
  const rows: { file: string; state: ApprovalState; line?: number }[] = [];
  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    const read = readTextFile(file, DEFAULT_MAX_BYTES);
    if (!read.ok) {
      io.stderr(`dunmark: ${shown}: ${read.reason}\n`);
      status = 2;
      continue;
    }
    const { config, inherited } = await contextOf(file, configs, given);
    const doc = parseDocument(read.file.text, inherited);
    if (!doc.facts.kind && doc.ownData?.approval === undefined) continue; // not a Dunmark document
    const state = stateUnder(read.file.text, config, inherited);
    const line = state.status === 'changed' && state.change.paragraph ? doc.lines.position(state.change.paragraph.start).line : undefined;
    rows.push({ file: shown, state, ...(line !== undefined ? { line } : {}) });
  }
  if (format === 'json') {
    io.stdout(
      `${JSON.stringify(
        rows.map(({ file, state, line }) => ({
          file,
          status: state.status,
          required: state.reasons.length > 0,
          reasons: state.reasons.map((r) => (r.why === 'stage' ? r.stage : r.why)),
          ...('record' in state ? { by: state.record.by, at: state.record.at } : {}),
          ...(state.status === 'changed'
            ? { changed: { ...(line !== undefined ? { line } : {}), ...(state.change.fact ? { fact: state.change.fact.key } : {}) } }
            : {}),
          ...(state.status === 'invalid' ? { problem: state.problem } : {}),
        })),
        null,
        2,
      )}\n`,
    );
  } else {
    const width = Math.min(60, Math.max(0, ...rows.map((r) => r.file.length)));
    for (const { file, state, line } of rows) {
      let detail = describeApproval(state);
      if (state.status === 'changed') {
        const what = [line !== undefined ? `line ${line}` : '', state.change.fact ? `fact \`${state.change.fact.key}\`` : ''].filter(Boolean).join(', ');
        if (what) detail += ` (${what})`;
      }
      if (state.status === 'invalid') detail += ` (${state.problem})`;
      io.stdout(`${file.padEnd(width)}  ${detail}\n`);
    }
    const count = (s: ApprovalState['status']): number => rows.filter((r) => r.state.status === s).length;
    io.stdout(
      `\n${rows.length} letter${rows.length === 1 ? '' : 's'}: ${count('approved')} approved, ${count('changed')} changed since approval, ${count('waiting')} waiting for approval, ${count('not-required')} needing none${count('invalid') ? `, ${count('invalid')} with an unreadable record` : ''}\n`,
    );
  }
  if (status === 2) return 2;
  return rows.some((r) => r.state.status === 'changed' || r.state.status === 'waiting' || r.state.status === 'invalid') ? 1 : 0;
}
