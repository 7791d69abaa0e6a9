// `dunmark cases [DIR]`: the portfolio — one row per case folder, what is owed, how late, what was
// sent, the debtor's promises, and the next action with its date — sorted by what is due first.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readCaseFolders } from '../core/cases/folders.js';
import { scheduleOf, sortPortfolio, type CaseDocument, type CasePromise, type CaseSummary, type SummaryOptions } from '../core/cases/portfolio.js';
import { summarizeCaseFolder, type CaseInput } from '../core/cases/summarize.js';
import { ruleSettings } from '../core/engine.js';
import { rules } from '../core/rules/index.js';
import { cliPool } from './pool.js';
import { isIsoDate, isoToday } from '../core/facts/facts.js';
import { formatMoney } from '../core/facts/format.js';
import { CliConfigs, ConfigFileError, nodeFileSystem, nodeFileSystemSync, readConfigFile } from './config-files.js';
import { displayPath } from './files.js';
import type { Command } from './io.js';
import { Progress } from './progress.js';
import { UsageError } from './usage.js';

/** Help of `dunmark cases`. */
export const CASES_HELP = `Usage: dunmark cases [DIR] [--format text|json|csv] [--as-of DATE] [--config FILE]

The portfolio: one row per case folder under DIR (default: the working folder). A case folder is a
folder with a case.yaml; its documents are the letters, call summaries and plans in it and below.
Each row: the debtor, the amount outstanding (after payments), days overdue, the last document,
the debtor's promises (kept, due or broken against payments:), and the next action with its date
from the schedule (.dunmarkrc.json \`schedule\`: days after the due date; a broken promise brings
the next letter forward), and, where letters need a reviewer's sign-off, their approvals (approved,
changed since approval, waiting: see \`dunmark approve\`). Sorted by what is due first.

Options:
  -f, --format text|json|csv   output format (default: text)
      --as-of DATE             the date to see the portfolio from (default: \`today\` of the config, else today)
  -c, --config FILE            use this config instead of the nearest .dunmarkrc.json
  -h, --help                   show this help
`;

const FORMATS = ['text', 'json', 'csv'] as const;

/** Runs `dunmark cases`. */
export const runCases: Command = async (argv, io) => {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      'as-of': { type: 'string' },
      config: { type: 'string', short: 'c' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.stdout(CASES_HELP);
    return 0;
  }
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format \`${values.format}\`, expected text, json or csv`);
  if (positionals.length > 1) throw new UsageError('cases takes at most one folder');
  if (values['as-of'] !== undefined && !isIsoDate(values['as-of']))
    throw new UsageError(`unexpected --as-of \`${values['as-of']}\`, expected a date as YYYY-MM-DD`);
  const root = path.resolve(io.cwd, positionals[0] ?? '.');
  const show = (file: string): string => displayPath(io.cwd, file);
  if (!(await nodeFileSystem.isDirectory(root))) {
    io.stderr(`dunmark: ${positionals[0] ?? '.'}: no such folder\n`);
    return 2;
  }
  let config;
  try {
    config =
      values.config !== undefined
        ? await readConfigFile(path.resolve(io.cwd, values.config), values.config)
        : await new CliConfigs(show).configFor(path.join(root, 'x'));
  } catch (error) {
    if (error instanceof ConfigFileError) {
      io.stderr(`dunmark: ${error.location()}: ${error.reason}\n`);
      return 2;
    }
    throw error;
  }
  const asOf = values['as-of'] ?? config.today ?? isoToday();
  const progress = new Progress(io, 'cases');
  const folders = await readCaseFolders(nodeFileSystemSync, root, { onCase: (n) => progress.tick(n) });
  progress.done();
  let status = 0;
  const inputs: CaseInput[] = [];
  for (const c of folders) {
    for (const u of c.unreadable) {
      io.stderr(`dunmark: ${show(u.file)}: cannot read file (${u.reason})\n`);
      status = 2;
    }
    inputs.push({
      folder: show(c.folder) || '.',
      caseFiles: c.caseFiles.map((f) => ({ name: show(f.file), text: f.text })),
      documents: c.documents.map((d) => ({ name: path.relative(c.folder, d.file).split(path.sep).join('/'), text: d.text })),
    });
  }
  // reading YAML is most of the time: a large portfolio is summarized on every core
  const approval = ruleSettings(
    rules.find((r) => r.meta.id === 'approval')!,
    config,
  );
  const summaries = await summarizeAll(inputs, { asOf, schedule: scheduleOf(config), approval: approval.severity === 'off' ? false : approval.options });
  if (summaries === undefined) {
    io.stderr('dunmark: cannot summarize the cases (a worker failed); please report it\n');
    return 2;
  }
  sortPortfolio(summaries);
  if (format === 'json') io.stdout(`${JSON.stringify({ asOf, cases: summaries }, null, 2)}\n`);
  else if (format === 'csv') io.stdout(formatCsv(summaries));
  else io.stdout(formatText(summaries, asOf));
  return status;
};

/** Fewer cases than this are summarized in this thread: starting workers costs more than they save. */
const INLINE_BELOW = 400;

/** Summarizes every case, in order: in batches on the pool's workers (every core, at most 8), or here for a small portfolio. */
async function summarizeAll(inputs: CaseInput[], options: Omit<SummaryOptions, 'limitation'>): Promise<CaseSummary[] | undefined> {
  const threads = inputs.length < INLINE_BELOW ? 0 : Math.min(availableParallelism(), 8);
  if (threads < 2) return inputs.map((input) => summarizeCaseFolder(input, options).summary);
  const size = Math.ceil(inputs.length / (threads * 4));
  const pool = cliPool(threads);
  try {
    const batches: CaseInput[][] = [];
    for (let i = 0; i < inputs.length; i += size) batches.push(inputs.slice(i, i + size));
    const results = await Promise.all(batches.map((batch) => pool.cases({ inputs: batch, options })));
    if (results.some((r) => r.kind !== 'done')) return undefined;
    return results.flatMap((r) => (r.kind === 'done' ? r.summaries : []));
  } finally {
    pool.stop();
  }
}

function money(value: number | undefined, currency: string | undefined): string {
  return value === undefined ? '?' : formatMoney(value, currency ?? '', 'en').trim();
}

/** The promises of a case in a few words: `1 broken, 1 due`. */
export function promisesInWords(promises: readonly CasePromise[]): string {
  const counts = new Map<string, number>();
  for (const p of promises) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  return (
    ['broken', 'due', 'kept', 'unchecked']
      .filter((s) => counts.has(s))
      .map((s) => `${counts.get(s)} ${s}`)
      .join(', ') || '-'
  );
}

const APPROVAL_STATES = ['changed', 'waiting', 'invalid', 'approved'] as const;
const APPROVAL_WORDS: Record<(typeof APPROVAL_STATES)[number], string> = {
  changed: 'changed since approval',
  waiting: 'waiting',
  invalid: 'unreadable',
  approved: 'approved',
};

/** How many documents of a case are in an approval state. */
function approvals(s: CaseSummary, status: NonNullable<CaseDocument['approval']>['status']): number {
  return s.documents.filter((d) => d.approval?.status === status).length;
}

/** The approvals of a case in a few words: `1 waiting, 1 approved` (what needs a reviewer first). */
export function approvalsInWords(s: CaseSummary): string {
  return (
    APPROVAL_STATES.filter((st) => approvals(s, st))
      .map((st) => `${approvals(s, st)} ${APPROVAL_WORDS[st]}`)
      .join(', ') || '-'
  );
}

/** The next action in words: `final-demand 2026-11-12`. */
function nextInWords(s: CaseSummary): string {
  if (s.closed) return `closed${s.closed.outcome ? ` (${s.closed.outcome})` : ''}`;
  return s.next ? `${s.next.step} ${s.next.date}` : '-';
}

function lastInWords(s: CaseSummary): string {
  const d = s.last;
  if (!d) return '-';
  return `${d.stage ?? d.kind ?? d.name} ${d.date ?? ''}`.trim();
}

/** The text table: aligned columns, a line per case, why each next date was chosen, and problems. */
function formatText(summaries: readonly CaseSummary[], asOf: string): string {
  if (summaries.length === 0) return `No case folders (folders with a case.yaml) found. As of ${asOf}.\n`;
  const withLimitation = summaries.some((s) => s.limitation);
  const withApprovals = summaries.some((s) => s.documents.some((d) => d.approval));
  const header = [
    'Case',
    'Debtor',
    'Outstanding',
    'Overdue',
    'Last document',
    'Promises',
    ...(withApprovals ? ['Approvals'] : []),
    'Next action',
    ...(withLimitation ? ['Time-barred'] : []),
  ];
  const rows = summaries.map((s) => [
    s.folder,
    s.debtor ?? '?',
    money(s.outstanding, s.currency),
    s.daysOverdue === undefined ? '?' : `${s.daysOverdue} d`,
    lastInWords(s),
    promisesInWords(s.promises),
    ...(withApprovals ? [approvalsInWords(s)] : []),
    nextInWords(s),
    ...(withLimitation ? [s.limitation ?? '-'] : []),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i]! - width(c))))
      .join('  ')
      .trimEnd();
  const out = [`Cases as of ${asOf}`, '', line(header), ...rows.map(line), ''];
  for (const s of summaries) {
    const notes = [
      ...(s.next && s.next.date <= asOf
        ? [`due now: ${s.next.step} (${s.next.reason})`]
        : s.next
          ? [`${s.next.step} on ${s.next.date} (${s.next.reason})`]
          : []),
      ...s.problems,
    ];
    const broken = s.promises.filter((p) => p.status === 'broken');
    for (const p of broken) notes.push(`broken promise: ${p.what} by ${p.by} (${p.source})`);
    for (const d of s.documents) {
      if (d.approval?.status === 'waiting') notes.push(`${d.name} waits for a reviewer's approval`);
      else if (d.approval?.status === 'changed') notes.push(`${d.name} changed since approved by ${d.approval.by} on ${d.approval.date}`);
      else if (d.approval?.status === 'invalid') notes.push(`${d.name} has an approval record Dunmark cannot read`);
    }
    if (notes.length) out.push(`${s.folder}: ${notes.join('; ')}`);
  }
  const due = summaries.filter((s) => s.next && s.next.date <= asOf).length;
  out.push('', `${summaries.length} case${summaries.length === 1 ? '' : 's'}, ${due} with an action due now`);
  return `${out.join('\n')}\n`;
}

/** Columns of terminal text a string takes (CJK characters take two). */
function width(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return n;
}

/** A CSV field, quoted when it must be (RFC 4180). */
function csvField(value: unknown): string {
  const s = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV: one row per case, plain values (ISO dates, amounts as numbers). */
function formatCsv(summaries: readonly CaseSummary[]): string {
  const header = [
    'case',
    'debtor',
    'currency',
    'outstanding',
    'paid',
    'due_date',
    'days_overdue',
    'last_document',
    'last_stage',
    'last_date',
    'promises_kept',
    'promises_due',
    'promises_broken',
    'next_action',
    'next_date',
    'next_reason',
    'closed',
    'time_barred',
    'approvals_approved',
    'approvals_changed',
    'approvals_waiting',
  ];
  const count = (s: CaseSummary, status: CasePromise['status']): number => s.promises.filter((p) => p.status === status).length;
  const rows = summaries.map((s) => [
    s.folder,
    s.debtor,
    s.currency,
    s.outstanding,
    s.paid,
    s.dueDate,
    s.daysOverdue,
    s.last?.name,
    s.last?.stage ?? s.last?.kind,
    s.last?.date,
    count(s, 'kept'),
    count(s, 'due'),
    count(s, 'broken'),
    s.next?.step,
    s.next?.date,
    s.next?.reason,
    s.closed?.date,
    s.limitation,
    approvals(s, 'approved'),
    approvals(s, 'changed') + approvals(s, 'invalid'),
    approvals(s, 'waiting'),
  ]);
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
