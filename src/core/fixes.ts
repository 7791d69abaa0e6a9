/**
 * Fixes as data, applied one way everywhere: `--fix`, the editor's Fix All and `source.fixAll`
 * all call `fixUntilStable`, so they cannot produce different letters from the same findings.
 */
import type { Finding, Fix, Span, TextEdit } from './types.js';

/** How many lint-and-fix passes `fixUntilStable` makes at most. */
export const MAX_FIX_PASSES = 10;

/** True when two edits touch the same text, or insert at the same point (their order would be a guess). */
function overlaps(a: Span, b: Span): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));
}

function fitsIn(edit: TextEdit, length: number): boolean {
  return Number.isInteger(edit.start) && Number.isInteger(edit.end) && edit.start >= 0 && edit.start <= edit.end && edit.end <= length;
}

/**
 * The fixes that can be applied together: whole fixes only (a fix of two edits is never half
 * applied), in the order given, each kept unless one of its edits overlaps an edit already kept
 * or falls outside the text. Deterministic: the same fixes in the same order give the same choice.
 */
function compatible(fixes: readonly Fix[], length: number): Fix[] {
  const chosen: Fix[] = [];
  const taken: TextEdit[] = [];
  for (const fix of fixes) {
    if (fix.edits.length === 0 || !fix.edits.every((e) => fitsIn(e, length))) continue;
    const own = fix.edits.some((e, i) => fix.edits.some((f, j) => i < j && overlaps(e, f)));
    if (own || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    chosen.push(fix);
    taken.push(...fix.edits);
  }
  return chosen;
}

/**
 * The fixes `--fix` and Fix All apply: each finding's preferred fix (the one right fix) — of the
 * findings in this text, not those in a case file it inherits from — in the
 * findings' order (position, then rule id), leaving out any that overlaps one already chosen —
 * the next pass of `fixUntilStable` gets another chance at it.
 */
export function selectFixes(findings: readonly Finding[], textLength = Number.MAX_SAFE_INTEGER): Fix[] {
  const preferred: Fix[] = [];
  for (const finding of findings) {
    if (finding.file !== undefined) continue; // a finding in a case file is fixed there, not in this text
    const fix = finding.fixes.find((f) => f.isPreferred);
    if (fix) preferred.push(fix);
  }
  return compatible(preferred, textLength);
}

/** The line break a text mostly uses (LF when it has none). */
export function dominantLineEnding(text: string): '\r\n' | '\r' | '\n' {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf > lf && crlf >= cr) return '\r\n';
  if (cr > lf && cr > crlf) return '\r';
  return '\n';
}

/**
 * Applies the edits of `fixes` to `text` — the same edits the editor applies. A fix whose edits
 * overlap an earlier fix's, or fall outside the text, is skipped whole, so the result is always well
 * formed. Line breaks in inserted text take the text's own line ending (as the editor does), and the
 * lines around an edit keep theirs; a leading byte-order mark is never removed.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  const eol = dominantLineEnding(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const edits = compatible(fixes, text.length)
    .flatMap((f) => f.edits)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let cursor = 0;
  for (const edit of edits) {
    const start = Math.max(edit.start, cursor, bom);
    const end = Math.max(edit.end, start);
    out += text.slice(cursor, start) + (eol === '\n' ? edit.text : edit.text.replace(/\r\n|\r|\n/g, eol));
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The result of `fixUntilStable`. */
export interface FixOutcome {
  /** The fixed text (equal to the input when nothing applied). */
  text: string;
  /** The findings of the fixed text. */
  findings: Finding[];
  /** How many fixes were applied over all passes. */
  applied: number;
  /** How many passes changed the text. */
  passes: number;
}

/**
 * Lints, applies the selected fixes, and lints again until nothing changes (at most
 * `MAX_FIX_PASSES` passes): what `--fix`, Fix All and `source.fixAll.dunmark` do.
 */
export function fixUntilStable(original: string, lintText: (text: string) => Finding[], maxPasses = MAX_FIX_PASSES): FixOutcome {
  let text = original;
  let findings = lintText(text);
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const fixes = selectFixes(findings, text.length);
    if (fixes.length === 0) break;
    const next = applyFixes(text, fixes);
    if (next === text) break;
    passes++;
    applied += fixes.length;
    text = next;
    findings = lintText(text);
  }
  return { text, findings, applied, passes };
}

/**
 * The one edit that turns `before` into `after` (the changed middle, common start and end kept):
 * how the editor applies a multi-pass fix as a single undo step.
 */
export function replacementEdit(before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  // never split a surrogate pair or a CRLF
  if (start > 0 && (isHighSurrogate(before.charCodeAt(start - 1)) || (before.charCodeAt(start - 1) === 13 && before.charCodeAt(start) === 10))) start--;
  let end = 0;
  while (end < limit - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  if (
    end > 0 &&
    (isLowSurrogate(before.charCodeAt(before.length - end)) ||
      (before.charCodeAt(before.length - end) === 10 && before.charCodeAt(before.length - end - 1) === 13))
  )
    end--;
  return { start, end: before.length - end, text: after.slice(start, after.length - end) };
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
