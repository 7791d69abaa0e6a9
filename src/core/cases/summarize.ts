// One case folder summarized the way every face shows it (`dunmark cases`, the Cases view): the
// portfolio's summary with the limitation bar, and its case files' YAML problems first among its
// problems. Pure: the caller reads the folder.
import { limitationOf } from '../law/limitation.js';
import { caseFacts, type CaseFileSource } from './case-file.js';
import { summarizeCase, type CaseDocumentSource, type CaseSummary, type SummaryOptions } from './portfolio.js';

/** One case folder as read: its name as shown, its case files (outermost first) and documents. */
export interface CaseInput {
  folder: string;
  caseFiles: CaseFileSource[];
  documents: CaseDocumentSource[];
}

/** When a claim with these facts becomes time-barred (the core's limitation), for the `Time-barred` column. */
export const barDate = (facts: Parameters<typeof limitationOf>[0]): string | undefined => limitationOf(facts)?.bar;

/** Summarizes one case, its case files' YAML problems first among its problems (`file:line:column: message`). */
export function summarizeCaseFolder(input: CaseInput, options: Omit<SummaryOptions, 'limitation'>): { summary: CaseSummary; facts: Record<string, unknown> } {
  const facts = caseFacts(input.caseFiles);
  const summary = summarizeCase(input.folder, facts.data, input.documents, { ...options, limitation: barDate });
  for (const file of facts.files) {
    for (const e of [...file.errors].reverse()) {
      const at = file.lines.position(e.span.start);
      summary.problems.unshift(`${file.name}:${at.line}:${at.column}: ${e.message}`);
    }
  }
  return { summary, facts: facts.data };
}
