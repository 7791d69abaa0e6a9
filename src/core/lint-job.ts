// One document checked the way every runner checks it — the CLI's worker pool, the editor's lint
// thread and the editor's own thread where no worker can start: its case files' facts merged once
// for the many documents of a case in a row, parsed once, linted (and with `fix`, fixed until
// stable), and the language its messages are in. Pure; never throws.
import { rememberingCaseFacts, type CaseFileSource } from './cases/case-file.js';
import { lintParsed, messageLanguage, parseDocument } from './engine.js';
import { fixUntilStable } from './fixes.js';
import { firstLine } from './pool/pool.js';
import type { DunmarkConfig, Finding } from './types.js';

export { firstLine } from './pool/pool.js';

/** What a runner asks for one document. */
export interface LintJob {
  text: string;
  config: DunmarkConfig;
  /** Apply the preferred fixes until the text is stable. */
  fix?: boolean;
  /** The case files the document inherits facts from, outermost first. */
  caseFiles: readonly CaseFileSource[];
}

/** A document checked: the (fixed) text, its findings and the language of their messages. */
export interface LintDone {
  text: string;
  findings: Finding[];
  language: 'en' | 'zh';
  /** With `fix`: how many fixes were applied over all passes. */
  applied?: number;
}

/** A document checked, or why it could not be. */
export type LintJobResult = ({ kind: 'done' } & LintDone) | { kind: 'failed'; reason: string };

/** The case facts of a job, merged once for the many documents of one case in a row. */
const caseFactsOf = rememberingCaseFacts();

/** Checks one document; a bug in a rule becomes a `failed` result with its first line, never a throw. */
export function runLintJob(job: LintJob): LintJobResult {
  try {
    const facts = caseFactsOf(job.caseFiles);
    const doc = parseDocument(job.text, facts);
    const language = messageLanguage(doc.facts, job.config);
    if (job.fix) {
      const outcome = fixUntilStable(job.text, (t) => lintParsed(t === job.text ? doc : parseDocument(t, facts), job.config));
      return { kind: 'done', text: outcome.text, findings: outcome.findings, language, applied: outcome.applied };
    }
    return { kind: 'done', text: job.text, findings: lintParsed(doc, job.config), language };
  } catch (error) {
    return { kind: 'failed', reason: firstLine(error) };
  }
}
