/**
 * The core, loaded on first use. Evaluating the core (rule phrase lists, the template validator,
 * the Markdown parser) takes longer than activation may: esbuild turns each `require` of an ES
 * module into a lazy initializer, so activation only wires objects and the first lint pays the rest.
 * Light modules (types, the facts schema) are imported statically where they are used.
 */
import type * as ApprovalModule from '../core/approval/index.js';
import type * as CasesModule from '../core/cases/index.js';
import type * as ConfigModule from '../core/config/index.js';
import type * as DraftingModule from '../core/drafting/index.js';
import type * as EngineModule from '../core/engine.js';
import type * as FormatModule from '../core/facts/format.js';
import type * as FixesModule from '../core/fixes.js';
import type * as LintJobModule from '../core/lint-job.js';
import type * as ExplainModule from '../core/facts/explain.js';
import type * as PoolJobsModule from '../core/pool/jobs.js';
import type * as RulesModule from '../core/rules/index.js';
import type * as TemplatesModule from '../core/templates/index.js';

declare const require: (id: string) => unknown;

/** A module loaded by its first caller (each `require` stays a literal, so esbuild still bundles it). */
function onFirstUse<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

/** `lint`, `parseDocument` and friends. */
export const engine = onFirstUse(() => require('../core/engine.js') as typeof EngineModule);

/** `runLintJob`: one document linted as the CLI's workers and the editor's lint thread lint it. */
export const lintJob = onFirstUse(() => require('../core/lint-job.js') as typeof LintJobModule);

/** The pool documents are checked in (`DunmarkPool`), started on the first check. */
export const poolJobs = onFirstUse(() => require('../core/pool/jobs.js') as typeof PoolJobsModule);

/** What an amount or a date in a letter is, in words (the hover). */
export const explain = onFirstUse(() => require('../core/facts/explain.js') as typeof ExplainModule);

/** `fixUntilStable` and `replacementEdit`: how Fix All and `source.fixAll` change the text. */
export const fixes = onFirstUse(() => require('../core/fixes.js') as typeof FixesModule);

/** Drafting logic: schema → fields, answers → facts, which templates fit, a rendering's body. */
export const drafting = onFirstUse(() => require('../core/drafting/index.js') as typeof DraftingModule);

/** The house forms of money and dates (`formatMoney`, `formatDate`). */
export const format = onFirstUse(() => require('../core/facts/format.js') as typeof FormatModule);

/** `parseConfig`, `mergeConfig`, the resolver. */
export const config = onFirstUse(() => require('../core/config/index.js') as typeof ConfigModule);

/** Case files (`caseFacts`), the portfolio, the schedule and promises. */
export const cases = onFirstUse(() => require('../core/cases/index.js') as typeof CasesModule);

/** A reviewer's approval: the record, its digest and its state. */
export const approval = onFirstUse(() => require('../core/approval/index.js') as typeof ApprovalModule);

/** `listTemplates`, `renderTemplate`, `parseTemplateFolder`. */
export const templates = onFirstUse(() => require('../core/templates/index.js') as typeof TemplatesModule);

const rules = onFirstUse(() => require('../core/rules/index.js') as typeof RulesModule);

/** The rule registry. */
export function ruleRegistry(): typeof RulesModule.rules {
  return rules().rules;
}
