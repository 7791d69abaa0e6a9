// `--fix`: apply the preferred fixes, lint again, repeat until stable (at most 10 passes);
// the BOM and the file's line endings are kept.
import { applyFixes, lint } from '../index.js';
import type { DunmarkConfig, Finding, Fix } from '../core/types.js';

/** How many lint-and-fix passes `--fix` makes at most. */
export const MAX_FIX_PASSES = 10;

/** The result of fixing one text. */
export interface FixOutcome {
  /** The fixed text (equal to the input when nothing applied). */
  text: string;
  /** Findings of the fixed text. */
  findings: Finding[];
  /** How many fixes were applied over all passes. */
  applied: number;
  passes: number;
}

/** The preferred fixes of `findings` whose edits do not overlap each other (first come, first kept). */
export function preferredFixes(findings: readonly Finding[]): Fix[] {
  const chosen: Fix[] = [];
  const taken: { start: number; end: number }[] = [];
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
    a.start < b.end && b.start < a.end || (a.start === b.start && (a.start === a.end || b.start === b.end));
  for (const finding of findings) {
    const fix = finding.fixes.find((f) => f.isPreferred);
    if (!fix || fix.edits.length === 0) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

/** The line break a text mostly uses. */
export function lineEnding(text: string): '\r\n' | '\n' {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    if (text.charCodeAt(i - 1) === 13) crlf++;
    else lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

/** Makes `fixed` keep the BOM and line endings of `original`. */
export function keepShape(original: string, fixed: string): string {
  let out = fixed;
  if (lineEnding(original) === '\r\n') out = out.replace(/\r?\n/g, '\r\n');
  const bom = original.charCodeAt(0) === 0xfeff;
  if (bom && out.charCodeAt(0) !== 0xfeff) out = `\uFEFF${out}`;
  return out;
}

/** Applies preferred fixes until the text is stable; returns the text and its findings. */
export function fixText(original: string, config: DunmarkConfig, path?: string): FixOutcome {
  const options = { config, ...(path ? { path } : {}) };
  let text = original;
  let findings = lint(text, options);
  let applied = 0;
  let passes = 0;
  while (passes < MAX_FIX_PASSES) {
    const fixes = preferredFixes(findings);
    if (fixes.length === 0) break;
    const next = keepShape(original, applyFixes(text, fixes));
    passes++;
    if (next === text) break;
    applied += fixes.length;
    text = next;
    findings = lint(text, options);
  }
  return { text, findings, applied, passes };
}
