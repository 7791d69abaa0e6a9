// The human format, like ESLint's stylish: a header per file, aligned rows, a summary line.
import type { DocxLocation } from '../../core/export/docx-letter.js';
import type { Finding, Severity } from '../../core/types.js';

/** The findings of one linted file, as every formatter receives them. */
export interface FileResult {
  /** Path relative to the working folder, with forward slashes. */
  file: string;
  /** The text that was linted (after --fix, the fixed text); absent when the findings came from the cache. */
  text?: string;
  findings: Finding[];
  /** For a Word letter: the paragraph each finding is in. */
  locate?: (finding: Finding) => DocxLocation;
}

/** Where a finding is shown: `line:col`, or for a Word letter `¶N` (`facts`, `case.yaml:3` for one in the facts). */
export function position(result: FileResult, f: Finding): string {
  if (!result.locate) return `${f.line}:${f.column}`;
  const at = result.locate(f);
  if (at.paragraph !== null) return `¶${at.paragraph}`;
  return at.factsLine !== undefined ? `${at.quote}:${at.factsLine}` : 'facts';
}

/** The opening of the paragraph a Word letter's finding is in, quoted, on one line. */
export function quoteOf(result: FileResult, f: Finding): string | undefined {
  const at = result.locate?.(f);
  if (!at) return undefined;
  const text = at.quote.replace(/\s+/g, ' ').trim();
  return at.paragraph === null ? text : `“${text.length > 72 ? `${text.slice(0, 71)}…` : text}”`;
}

const CODES = {
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  underline: '\u001b[4m',
  red: '\u001b[31m',
  yellow: '\u001b[33m',
  blue: '\u001b[34m',
  cyan: '\u001b[36m',
};

/** Whether to colour: FORCE_COLOR wins (0 turns colour off), then NO_COLOR, then a terminal. */
export function useColour(isTTY: boolean, env: Record<string, string | undefined>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function width(s: string): number {
  // Chinese characters take two columns in a terminal.
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    w +=
      c >= 0x1100 &&
      (c <= 0x115f ||
        (c >= 0x2e80 && c <= 0xa4cf) ||
        (c >= 0xac00 && c <= 0xd7a3) ||
        (c >= 0xf900 && c <= 0xfaff) ||
        (c >= 0xfe30 && c <= 0xfe4f) ||
        (c >= 0xff00 && c <= 0xff60) ||
        (c >= 0xffe0 && c <= 0xffe6) ||
        c >= 0x20000)
        ? 2
        : 1;
  }
  return w;
}

function pad(s: string, n: number): string {
  return s + ' '.repeat(Math.max(0, n - width(s)));
}

/** Formats results in the stylish format; empty output when there is nothing to report. */
export function formatStylish(results: FileResult[], colour: boolean): string {
  const paint = (code: keyof typeof CODES, s: string): string => (colour ? `${CODES[code]}${s}${CODES.reset}` : s);
  const severityColour: Record<Severity, keyof typeof CODES> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'cyan' };
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixableErrors = 0;
  let fixableWarnings = 0;
  const out: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    out.push('', paint('underline', result.file));
    const rows = result.findings.map((f) => [position(result, f), f.severity, f.message.replace(/\r?\n/g, ' '), f.ruleId] as const);
    const w0 = Math.max(...rows.map((r) => width(r[0])));
    const w1 = Math.max(...rows.map((r) => width(r[1])));
    const w2 = Math.max(...rows.map((r) => width(r[2])));
    result.findings.forEach((f, i) => {
      const [pos, sev, msg, id] = rows[i]!;
      counts[f.severity]++;
      if (f.fixes.some((x) => x.isPreferred)) {
        if (f.severity === 'error') fixableErrors++;
        else if (f.severity === 'warning') fixableWarnings++;
      }
      out.push(`  ${paint('dim', pad(pos, w0))}  ${paint(severityColour[f.severity], pad(sev, w1))}  ${pad(msg, w2)}  ${paint('dim', id)}`);
      const quote = quoteOf(result, f);
      if (quote) out.push(`  ${' '.repeat(w0)}  ${paint('dim', quote)}`);
    });
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return '';
  // each level under its own name, as the rows print it (info is uncountable: "2 info")
  const advice = `${counts.info ? `, ${counts.info} info` : ''}${counts.hint ? `, ${plural(counts.hint, 'hint')}` : ''}`;
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}${advice})`;
  out.push('', paint('bold', paint(counts.error ? 'red' : counts.warning ? 'yellow' : 'blue', summary)));
  if (fixableErrors + fixableWarnings > 0) {
    out.push(paint('dim', `  ${plural(fixableErrors, 'error')} and ${plural(fixableWarnings, 'warning')} potentially fixable with the \`--fix\` option.`));
  }
  return `${out.join('\n')}\n`;
}
