import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../src/core/types.js';

/** Root of the repository. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The date fixtures are linted on, unless a case's config says otherwise. */
export const FIXTURE_TODAY = '2026-11-20';

/**
 * The config the corpora of letters are linted with: their date, and no `approval` rule. Whether a
 * reviewer has approved a letter is the state of its review, not its wording; the corpora test the
 * wording, and the approval rule has its own fixtures (test/fixtures/rules/approval/).
 */
export const CORPUS_CONFIG = { today: FIXTURE_TODAY, rules: { approval: 'off' as const } };

/** One finding as a fixture line: `line:col-line:col severity rule-id message`. */
export function formatFinding(f: Finding): string {
  return `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId} ${f.message}`;
}

/** Reads a file of the repository as UTF-8. */
export function readRepoFile(...parts: string[]): string {
  return fs.readFileSync(path.join(ROOT, ...parts), 'utf8');
}
