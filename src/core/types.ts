/** Shared public types of the Dunmark core. */

/** How serious a finding is; `off` is only a configuration value. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A severity as written in configuration. */
export type SeveritySetting = Severity | 'off';

/** The family a rule belongs to. */
export type Category = 'tone' | 'facts' | 'language' | 'clause' | 'law' | 'template' | 'structure';

/** All categories, in the order they are documented. */
export const CATEGORIES: readonly Category[] = ['facts', 'structure', 'template', 'tone', 'language', 'clause', 'law'];

/** All severities, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A half-open range of UTF-16 offsets into the document text. */
export interface Span {
  start: number;
  end: number;
}

/** Replace `text.slice(start, end)` with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** One way to fix a finding, as data: the editor and the CLI apply the same edits. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** True when this is the one right fix (the editor marks it preferred; `--fix` applies only these). */
  isPreferred?: boolean;
}

/** A second place a finding points at (the fact it contradicts, the other half's figure), located like the finding. */
export interface RelatedLocation {
  span: Span;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** What this place is, in the letter's language. */
  message: string;
  /** The case file this place is in (its name as the caller gave it); absent: the document itself. */
  file?: string;
}

/** A problem found in a document. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  /** 1-based, counting the front matter. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  span: Span;
  fixes: Fix[];
  /** Other places the finding points at: SARIF `relatedLocations`, the editor's related information. */
  related?: RelatedLocation[];
  /**
   * The case file the finding is in (its name as given to `caseFacts`), when it is about a fact the
   * document inherits: span, line and column are then in that file, and so are the fixes' edits.
   * Absent: the finding is in the document.
   */
  file?: string;
}

/** A rule's setting in configuration: a severity, or a severity with options. */
export type RuleSetting = SeveritySetting | [SeveritySetting, Record<string, unknown>];

/** Resolved configuration that `lint()` receives. Every key is optional. */
export interface DunmarkConfig {
  /** ISO date that deadline rules compare against; default the real date. */
  today?: string;
  rules?: Record<string, RuleSetting>;
  vocabulary?: { accept?: string[]; reject?: string[] };
  /** Folder of workspace templates, relative to the config file. */
  templates?: string;
  /** Language of rule messages: `auto` follows the letter's declared language. */
  messageLanguage?: 'auto' | 'en' | 'zh';
  /** Per-category severity override (set by the editor's settings). */
  categories?: Partial<Record<Category, SeveritySetting>>;
  /** The letterhead `.docx` that exports are laid out on, relative to the config file. */
  letterhead?: string;
  /** Fonts of exported documents: Latin text and East Asian (Chinese) text. */
  fonts?: { latin?: string; eastAsian?: string };
  /** When each dunning stage is due, in days after the due date (`legal-action`: after the last letter's deadline). */
  schedule?: Partial<Record<'reminder' | 'second-reminder' | 'final-demand' | 'letter-before-action' | 'legal-action', number>>;
}
