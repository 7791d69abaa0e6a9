/**
 * The core, loaded on first use: one module (core-lazy.ts) that the Node extension builds as a bundle
 * of its own (dist/core.cjs, required the first time a command, the Cases view or a form needs it) and
 * the web extension bundles. Activation only wires objects; checking letters is the language server's.
 * Light modules (types, the facts schema, front-matter splitting) are imported statically where used.
 */
import type * as CoreModule from './core-lazy.js';

declare const require: (id: string) => unknown;

let loaded: typeof CoreModule | undefined;

/** The whole lazy core (the Node build resolves this `require` to dist/core.cjs). */
export function coreModule(): typeof CoreModule {
  return (loaded ??= require('./core-lazy.js') as typeof CoreModule);
}

/** `parseDocument` and friends. */
export const engine = (): typeof CoreModule.engine => coreModule().engine;

/** Drafting logic: schema → fields, answers → facts, which templates fit, a rendering's body, draft names. */
export const drafting = (): typeof CoreModule.drafting => coreModule().drafting;

/** The house forms of money and dates (`formatMoney`, `formatDate`). */
export const format = (): typeof CoreModule.format => coreModule().format;

/** `parseConfig`, `mergeConfig`, the resolver. */
export const config = (): typeof CoreModule.config => coreModule().config;

/** Case files (`caseFacts`), the portfolio, the schedule and promises. */
export const cases = (): typeof CoreModule.cases => coreModule().cases;

/** A reviewer's approval: the record, its digest and its state. */
export const approval = (): typeof CoreModule.approval => coreModule().approval;

/** `listTemplates`, `renderTemplate`, `parseTemplateFolder`. */
export const templates = (): typeof CoreModule.templates => coreModule().templates;

/** The rule registry. */
export function ruleRegistry(): typeof CoreModule.rules.rules {
  return coreModule().rules.rules;
}
