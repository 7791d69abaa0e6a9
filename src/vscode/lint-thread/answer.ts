// What the editor's lint thread does with one request: the same `lint()` the CLI and the library
// run, on a copy of the document's text. No `vscode` and no `node:` import: the desktop worker
// (worker_threads) and the web worker (a Web Worker) both run this module.
import { rememberingCaseFacts, type CaseFileSource } from '../../core/cases/case-file.js';
import { lintParsed, messageLanguage, parseDocument } from '../../core/engine.js';
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

/** The case facts of a request, merged once for the many requests of one case in a row. */
const inheritedFacts = rememberingCaseFacts();

/** The findings, or why there are none. */
export type LintReply =
  /** `language`: the language of the findings' messages (the rule pages open in it). */
  { id: number; kind: 'done'; findings: Finding[]; language: 'en' | 'zh' } | { id: number; kind: 'failed'; reason: string };

/** Lints one request; never throws (a bug in a rule becomes a `failed` reply, not a dead thread). */
export function answer(request: LintRequest): LintReply {
  try {
    const doc = parseDocument(request.text, inheritedFacts(request.caseFiles));
    return { id: request.id, kind: 'done', findings: lintParsed(doc, request.config), language: messageLanguage(doc.facts, request.config) };
  } catch (error) {
    return { id: request.id, kind: 'failed', reason: String((error as Error)?.message ?? error).split('\n')[0] ?? 'unknown error' };
  }
}

/** The first message a worker sends once its code has loaded. */
export const READY = 'dunmark-lint-thread-ready';
