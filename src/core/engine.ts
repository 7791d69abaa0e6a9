// The linter's entry: parse once, run the built-in rules. The parse (document.ts), the case layout
// (cases/layout.ts) and running rules (run-rules.ts) are their own modules; this one only joins them
// to the registry.
import type { CaseFacts } from './cases/case-file.js';
import { parseDocument, type ParsedDocument } from './document.js';
import { rules as builtInRules } from './rules/index.js';
import { runRules } from './run-rules.js';
import type { DunmarkConfig, Finding } from './types.js';

export { parseDocument, type ParsedDocument } from './document.js';
export { messageLanguage, ruleSettings, runRules, sortFindings } from './run-rules.js';

/** Options of `lint()`. */
export interface LintOptions {
  /** Used in messages and config globs only; never read. */
  path?: string;
  config?: DunmarkConfig;
  /**
   * The facts the document inherits (its case file): a plain facts object, or what `caseFacts()`
   * builds from the case files' text, so that a finding about an inherited fact points into its file.
   * The document's own front matter overrides them.
   */
  facts?: Record<string, unknown> | CaseFacts;
}

/** Lints a document parsed once (the editor shares one parse per version between lint, hovers and actions). */
export function lintParsed(doc: ParsedDocument, config?: DunmarkConfig): Finding[] {
  return runRules(doc, builtInRules, config);
}

/** Lints one document. Synchronous and pure; never throws on any string. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  if (typeof text !== 'string') throw new TypeError('lint(text): expected `text` to be a string');
  if (options === null || typeof options !== 'object') throw new TypeError('lint(text, options): expected `options` to be an object');
  if (options.facts !== undefined && (options.facts === null || typeof options.facts !== 'object' || Array.isArray(options.facts))) {
    throw new TypeError('lint(text, options): expected `options.facts` to be an object of facts (or what `caseFacts()` returns)');
  }
  return lintParsed(parseDocument(text, options.facts), options.config);
}
