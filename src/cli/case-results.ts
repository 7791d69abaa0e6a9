// Findings about inherited facts are in the case file, not in the letter: the CLI shows them under
// the case file, once however many of its letters were linted.
import type { Finding } from '../core/types.js';
import type { FileResult } from './format/stylish.js';

/** Moves each finding that names a case file into that file's result (one per file, after the letters), without repeats. */
export function regroupCaseFindings(results: FileResult[], caseTexts: ReadonlyMap<string, string>): FileResult[] {
  const letters: FileResult[] = [];
  const cases = new Map<string, { result: FileResult; seen: Set<string> }>();
  for (const result of results) {
    const own: Finding[] = [];
    for (const finding of result.findings) {
      if (finding.file === undefined || finding.file === result.file) {
        own.push(finding);
        continue;
      }
      let entry = cases.get(finding.file);
      if (!entry) cases.set(finding.file, (entry = { result: { file: finding.file, text: caseTexts.get(finding.file) ?? '', findings: [] }, seen: new Set() }));
      const key = `${finding.ruleId}\u0000${finding.span.start}\u0000${finding.span.end}\u0000${finding.message}`;
      if (entry.seen.has(key)) continue;
      entry.seen.add(key);
      entry.result.findings.push(finding);
    }
    letters.push(own.length === result.findings.length ? result : { ...result, findings: own });
  }
  const extra = [...cases.values()].map((c) => ({
    ...c.result,
    findings: c.result.findings.sort((a, b) => a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : 1)),
  }));
  return [...letters, ...extra.sort((a, b) => (a.file < b.file ? -1 : 1))];
}
