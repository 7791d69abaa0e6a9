import type { Root } from 'mdast';
import type { AmountMention } from './facts/amounts.js';
import type { DateMention } from './facts/dates.js';
import type { FactProblem, Facts } from './facts/facts.js';
import type { FrontMatter, KeyLocation } from './front-matter.js';
import type { Category, Severity, Span, TextEdit } from './types.js';

/** Language of a block of prose, by script. */
export type BlockLanguage = 'en' | 'zh' | 'mixed' | 'none';

/** A block of prose (paragraph, heading or table cell) in document order. */
export interface Block {
  type: 'paragraph' | 'heading' | 'tableCell';
  /** Source span of the block, markup included. */
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  language: BlockLanguage;
  /** How much English and Chinese prose the block holds, in rough word units (what `language` was read from). */
  measure: { en: number; zh: number };
  /** Heading depth, or 0. */
  depth: number;
  /** True inside a block quote. */
  quoted: boolean;
  /** True inside a list item. */
  listItem: boolean;
  /** For table cells: which table (in document order), row (0 is the header row) and column. */
  cell?: { table: number; row: number; column: number };
}

/** A message in the languages Dunmark speaks; the engine picks one by the letter's language. */
export type Message = string | { en: string; zh: string };

/** A fix as a rule reports it: its title in both languages (the engine picks one, as for messages). */
export interface ReportFix {
  title: Message;
  edits: TextEdit[];
  /** True when this is the one right fix (the editor marks it preferred; `--fix` applies only these). */
  isPreferred?: boolean;
}

/** What a rule reports: a span, a message and fixes as data. */
export interface Report {
  start: number;
  end: number;
  message: Message;
  fixes?: ReportFix[];
  /** Other places the finding points at, such as the front-matter fact the text contradicts. */
  related?: { start: number; end: number; message: Message }[];
  /**
   * At most this serious: a rule lowers its own severity for a finding that is only drafting advice
   * here (a prevailing-language sentence in a letter rather than a contract). Configuration can
   * lower it further or turn it off, never raise it above this.
   */
  severity?: Severity;
}

/** A rule's documentation, written for English and for Chinese readers (not a translation gloss). */
export interface RuleDocs {
  en: string;
  zh: string;
}

/** Everything a rule needs to know about itself. */
export interface RuleMeta {
  /** kebab-case, equals the file name and the fixture folder. */
  id: string;
  category: Category;
  defaultSeverity: Severity;
  /** One-line summary. */
  description: string;
  /**
   * Markdown, in English and in Chinese (for Chinese letters): what it catches, why it matters (the
   * law or practice, with its public source or `docs/law.md`), a wrong and a right example.
   */
  docs: RuleDocs;
  /** ISO 639-3 codes of the languages it checks. */
  languages: readonly ('eng' | 'cmn')[];
  fixable?: boolean;
  /** JSON Schema of the rule's options, if it has any. */
  options?: Record<string, unknown>;
}

/** The one shared view of a document that every rule receives. */
export interface RuleContext {
  readonly text: string;
  readonly tree: Root;
  /** The front matter, if the document has one. */
  readonly frontMatter: FrontMatter | undefined;
  /** Typed facts; ill-typed keys are absent. */
  readonly facts: Facts;
  /** Front-matter values of the wrong type (already left out of `facts`). */
  readonly factProblems: readonly FactProblem[];
  /** Span of the document after the front matter. */
  readonly body: Span;
  readonly blocks: readonly Block[];
  /** Amounts read once from the prose blocks. */
  readonly amounts: readonly AmountMention[];
  /** Dates read once from the prose blocks. */
  readonly dates: readonly DateMention[];
  /** This rule's options from configuration (empty when none). */
  readonly options: Readonly<Record<string, unknown>>;
  /** ISO date that counts as today. */
  readonly today: string;
  readonly vocabulary: { readonly accept: readonly string[]; readonly reject: readonly string[] };
  /** Where a front-matter key sits (`amount`, `invoices.0.number`). */
  key(path: string): KeyLocation | undefined;
  /** The text of a span `key` gave: the document's, or for an inherited fact, its case file's. */
  sourceAt(span: Span): string;
  /** The location of a front-matter fact as a related place of a finding (its value), if it is written. */
  relatedFact(path: string): { start: number; end: number; message: Message } | undefined;
  /** 1-based line and column of an offset. */
  position(offset: number): { line: number; column: number };
  report(report: Report): void;
}

/** A rule: metadata plus a check over the shared context. */
export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** The JSON Schema of a rule's options: an object with these properties and no others. */
export function ruleOptions(properties: Record<string, unknown>): Record<string, unknown> {
  return { type: 'object', properties, additionalProperties: false };
}

/** Declares a rule; the identity function that gives rules their type. */
export function defineRule(rule: Rule): Rule {
  return rule;
}
