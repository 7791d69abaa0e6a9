import type { Category, Finding, Severity } from './types.js';

/** A finding about a whole document (it was not checked, it is too large): at its first character, no fixes. */
export function documentFinding(ruleId: string, category: Category, severity: Severity, message: string): Finding {
  return { ruleId, category, severity, message, line: 1, column: 1, endLine: 1, endColumn: 1, span: { start: 0, end: 0 }, fixes: [] };
}
