/**
 * The core, loaded on first use. Evaluating the core (rule phrase lists, the template validator,
 * the Markdown parser) takes longer than activation may: esbuild turns each `require` of an ES
 * module into a lazy initializer, so activation only wires objects and the first lint pays the rest.
 * Light modules (types, the facts schema) are imported statically where they are used.
 */
import type * as ConfigModule from '../core/config/index.js';
import type * as DraftingModule from '../core/drafting/index.js';
import type * as EngineModule from '../core/engine.js';
import type * as FormatModule from '../core/facts/format.js';
import type * as FixesModule from '../core/fixes.js';
import type * as RulesModule from '../core/rules/index.js';
import type * as TemplatesModule from '../core/templates/index.js';

declare const require: (id: string) => unknown;

let engineModule: typeof EngineModule | undefined;
let draftingModule: typeof DraftingModule | undefined;
let formatModule: typeof FormatModule | undefined;
let fixesModule: typeof FixesModule | undefined;
let configModule: typeof ConfigModule | undefined;
let templatesModule: typeof TemplatesModule | undefined;
let rulesModule: typeof RulesModule | undefined;

/** `lint`, `parseDocument` and friends. */
export function engine(): typeof EngineModule {
  return (engineModule ??= require('../core/engine.js') as typeof EngineModule);
}

/** `fixUntilStable` and `replacementEdit`: how Fix All and `source.fixAll` change the text. */
export function fixes(): typeof FixesModule {
  return (fixesModule ??= require('../core/fixes.js') as typeof FixesModule);
}

/** Drafting logic: schema → fields, answers → facts, which templates fit, a rendering's body. */
export function drafting(): typeof DraftingModule {
  return (draftingModule ??= require('../core/drafting/index.js') as typeof DraftingModule);
}

/** The house forms of money and dates (`formatMoney`, `formatDate`). */
export function format(): typeof FormatModule {
  return (formatModule ??= require('../core/facts/format.js') as typeof FormatModule);
}

/** `parseConfig`, `mergeConfig`. */
export function config(): typeof ConfigModule {
  return (configModule ??= require('../core/config/index.js') as typeof ConfigModule);
}

/** `listTemplates`, `renderTemplate`, `parseTemplateFolder`. */
export function templates(): typeof TemplatesModule {
  return (templatesModule ??= require('../core/templates/index.js') as typeof TemplatesModule);
}

/** The rule registry. */
export function ruleRegistry(): typeof RulesModule.rules {
  return (rulesModule ??= require('../core/rules/index.js') as typeof RulesModule).rules;
}
