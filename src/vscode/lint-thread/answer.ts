// What the editor's lint thread does with one request: the core's `runLintJob`, as the CLI's
// workers run it, on a copy of the document's text. No `vscode` and no `node:` import: the desktop worker
// (worker_threads) and the web worker (a Web Worker) both run this module.
import type { CaseFileSource } from '../../core/cases/case-file.js';
import { runLintJob } from '../../core/lint-job.js';
import type { DunmarkConfig, Finding } from '../../core/types.js';

/** One document to check, as the editor sends it. */
export interface LintRequest {
  id: number;
  text: string;
  config: DunmarkConfig;
  /** The document as shown in messages. */
  path: string;
  /** The case files the document inherits facts from, outermost first. */
  caseFiles: readonly CaseFileSource[];
}

/** The findings, or why there are none. */
export type LintReply =
  /** `language`: the language of the findings' messages (the rule pages open in it). */
  { id: number; kind: 'done'; findings: Finding[]; language: 'en' | 'zh' } | { id: number; kind: 'failed'; reason: string };

/** Lints one request with the core's runner; never throws. Only the findings go back, not the text. */
export function answer(request: LintRequest): LintReply {
  const result = runLintJob(request);
  return result.kind === 'done' ? { id: request.id, kind: 'done', findings: result.findings, language: result.language } : { id: request.id, ...result };
}

/** The first message a worker sends once its code has loaded. */
export const READY = 'dunmark-lint-thread-ready';
