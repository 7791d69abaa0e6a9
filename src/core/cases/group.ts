// Findings about inherited facts belong to the case file, not the letter, and are shown once however
// many of its letters report them: the CLI's output, the language server's diagnostics and the
// editor's Problems panel group them here.
import type { Finding } from '../types.js';

/** The identity of a finding in its case file: the same rule, place and message from two letters is one finding. */
export function caseFindingKey(f: Finding): string {
  return `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
}

/**
 * Each case file's findings, once each, from the findings of many letters (in the order given: a map
 * of letter to its findings); a finding without `file` is the letter's own and is left out.
 */
export function groupCaseFindings(byLetter: Iterable<readonly Finding[]>): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const seen = new Map<string, Set<string>>();
  for (const findings of byLetter) {
    for (const f of findings) {
      if (f.file === undefined) continue;
      let list = out.get(f.file);
      let keys = seen.get(f.file);
      if (!list || !keys) {
        out.set(f.file, (list = []));
        seen.set(f.file, (keys = new Set()));
      }
      const key = caseFindingKey(f);
      if (keys.has(key)) continue;
      keys.add(key);
      list.push(f);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return out;
}
