// The machine format of spec/cli.md: one JSON array of { file, findings }.
import type { FileResult } from './stylish.js';

/** Formats results as the JSON array of the spec, fields in the spec's order. */
export function formatJson(results: FileResult[]): string {
  const out = results.map((r) => ({
    file: r.file,
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      category: f.category,
      severity: f.severity,
      message: f.message,
      line: f.line,
      column: f.column,
      endLine: f.endLine,
      endColumn: f.endColumn,
      // a Word letter's findings also name their paragraph (null: in the facts)
      ...(r.locate ? { paragraph: r.locate(f).paragraph } : {}),
      fixes: f.fixes.map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((e) => ({ start: e.start, end: e.end, text: e.text })),
        ...(fix.isPreferred ? { isPreferred: true } : {}),
      })),
    })),
  }));
  return `${JSON.stringify(out, null, 2)}\n`;
}
