/**
 * Dunmark's library entry: the pure core that the extension and the CLI use.
 * No file system, no network, no editor.
 */
import { rules } from './core/rules/index.js';
import type { RuleMeta } from './core/rule.js';

export { lint, parseDocument } from './core/engine.js';
export type { LintOptions } from './core/engine.js';
export { applyFixes } from './core/fixes.js';
export { CONFIG_FILE_NAME, ConfigResolver, mergeConfig, parseConfig, readTemplateFolders } from './core/config/index.js';
export type { ConfigError, FileSystemPort, FoundCaseFile, FoundConfig, ParseConfigResult } from './core/config/index.js';
export { fixUntilStable, selectFixes } from './core/fixes.js';
export { CASE_FILE_NAMES, caseFacts, documentFacts, parseCaseFile } from './core/cases/case-file.js';
export type { CaseFacts, CaseFile, CaseFileSource } from './core/cases/case-file.js';
export * as drafting from './core/drafting/index.js';
export { describeTemplate, escapeMarkdown, listTemplates, parseTemplateFolder, renderTemplate, requiredPaths } from './core/templates/index.js';
export type { RenderOptions, RenderResult, Template, TemplateProblem } from './core/templates/index.js';
export type { Block, Rule, RuleContext, RuleMeta } from './core/rule.js';
export type { Facts } from './core/facts/facts.js';
export { limitationOf, interruptions } from './core/law/limitation.js';
export type { Interruption, Limitation, LimitationOptions } from './core/law/limitation.js';
export { computeInterest } from './core/law/interest.js';
export type { InterestResult, InterestProblem } from './core/law/interest.js';
export { referenceRates, REFERENCE_RATES } from './core/law/rates.js';
export type { RateTable, RateOverride } from './core/law/rates.js';
export { calendarFor, nextWorkingDay, workingDaysBetween } from './core/law/calendar.js';
export type { Calendar, DayInfo } from './core/law/calendar.js';
export type { Category, DunmarkConfig, Finding, Fix, RelatedLocation, RuleSetting, Severity, SeveritySetting, Span, TextEdit } from './core/types.js';

/** The metadata of every built-in rule, sorted by id. */
export function listRules(): RuleMeta[] {
  return rules.map((rule) => ({ ...rule.meta }));
}
