/**
 * The core as the extension's own UI uses it (drafting, the Cases view, the facts form, approval, the
 * rule pages), in one module loaded on first use. The Node extension builds it as a bundle of its own
 * (dist/core.cjs), so activation loads only the language client and the UI's wiring; the web build
 * keeps it in its one bundle. Checking letters is the language server's, not this module's.
 */
export * as approval from '../core/approval/index.js';
export * as cases from '../core/cases/index.js';
export * as config from '../core/config/index.js';
export * as drafting from '../core/drafting/index.js';
export * as engine from '../core/engine.js';
export * as format from '../core/facts/format.js';
export * as rules from '../core/rules/index.js';
export * as templates from '../core/templates/index.js';
/** The built-in templates' files, filled from the extension's templates/ folder on first use (see builtin-templates.ts). */
export { BUILTIN_TEMPLATE_FILES } from './builtin-files.js';
