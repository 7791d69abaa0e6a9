import type { Node, Root, RootContent } from 'mdast';
import { asCaseFacts, caseKey, documentFacts, type CaseFacts } from './cases/case-file.js';
import { readSuppressions } from './disable.js';
import { currencyNamed, readAmounts, type AmountMention } from './facts/amounts.js';
import { readDates, type DateMention } from './facts/dates.js';
import { isoToday, typeFacts, type FactProblem, type Facts } from './facts/facts.js';
import { splitFrontMatter, type FrontMatter, type KeyLocation } from './front-matter.js';
import { parseFrontMatter } from './front-matter-yaml.js';
import { labelMeasure, measureLanguage, type LanguageMeasure } from './language/detect.js';
import { isChineseLocale } from './language/where.js';
import { parseMarkdown } from './markdown.js';
import { LineIndex } from './positions.js';
import type { Block, BlockLanguage, Message, Report, Rule, RuleContext } from './rule.js';
import { rules as builtInRules } from './rules/index.js';
import {
  SEVERITIES,
  type Category,
  type DunmarkConfig,
  type Finding,
  type Fix,
  type LintOptions,
  type RelatedLocation,
  type Severity,
  type SeveritySetting,
} from './types.js';

/** A document parsed once: everything rules share, before any rule runs. */
export interface ParsedDocument {
  text: string;
  tree: Root;
  lines: LineIndex;
  frontMatter: FrontMatter | undefined;
  /**
   * The document's facts as raw mappings (unknown keys included): what it inherits from its case
   * files, overridden by its own front matter. For drafting; rules read `facts`.
   */
  data: Record<string, unknown> | undefined;
  /** The document's own front matter as a raw mapping, without what it inherits. */
  ownData: Record<string, unknown> | undefined;
  /** The case files the document inherits facts from (see cases/case-file.ts), if any. */
  inherited: CaseFacts | undefined;
  facts: Facts;
  factProblems: FactProblem[];
  body: { start: number; end: number };
  blocks: Block[];
  /** Amounts in the prose blocks, read on first use. */
  readonly amounts: AmountMention[];
  /** Dates in the prose blocks, read on first use. */
  readonly dates: DateMention[];
}

/**
 * Parses a document once: front matter (YAML read once), Markdown body, typed facts, prose blocks.
 * `inherited`: the facts of its case files, which its own front matter overrides.
 */
export function parseDocument(text: string, inherited?: CaseFacts | Record<string, unknown>): ParsedDocument {
  const caseFacts = asCaseFacts(inherited);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const lines = new LineIndex(text);
  const block = splitFrontMatter(text);
  const frontMatter = block ? parseFrontMatter(text, block) : undefined;
  const from = block ? block.bodyStart : bom;
  const tree = parseMarkdown(from ? text.slice(from) : text);
  if (from) shiftPositions(tree, from, lines.position(from));
  const rawData = frontMatter?.data;
  const ownData = rawData && typeof rawData === 'object' && !Array.isArray(rawData) ? (rawData as Record<string, unknown>) : undefined;
  // a broken front matter is not read (its YAML finding says why), and neither is what it would inherit;
  // a front matter that is not a mapping keeps its own finding, typed as before
  const usable = !frontMatter || frontMatter.errors.length === 0;
  const typedFrom = caseFacts && usable && (ownData || rawData === undefined || rawData === null) ? documentFacts(caseFacts, ownData) : rawData;
  const data = caseFacts && usable ? documentFacts(caseFacts, ownData) : ownData;
  const { facts, problems: factProblems } = usable && (frontMatter || caseFacts) ? typeFacts(typedFrom) : { facts: {}, problems: [] };
  const blocks = collectBlocks(text, tree);
  let amounts: AmountMention[] | undefined;
  let dates: DateMention[] | undefined;
  return {
    text,
    tree,
    lines,
    frontMatter,
    data,
    ownData,
    inherited: caseFacts,
    facts,
    factProblems,
    body: { start: block ? block.span.end : bom, end: text.length },
    blocks,
    get amounts() {
      return (amounts ??= collectAmounts(blocks));
    },
    get dates() {
      return (dates ??= blocks.flatMap((b) => readDates(b.text, b.start, facts.date)));
    },
  };
}

/** Moves a tree parsed from `text.slice(offset)` to its place in the text (`at`: where the slice starts). */
function shiftPositions(root: Node, offset: number, at: { line: number; column: number }): void {
  const lineDelta = at.line - 1;
  const columnDelta = at.column - 1;
  const stack: Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
      if (p.start.line === 1) p.start.column += columnDelta;
      if (p.end.line === 1) p.end.column += columnDelta;
      p.start.line += lineDelta;
      p.end.line += lineDelta;
    }
    if ('children' in node) for (const child of (node as Root).children) stack.push(child);
  }
}

/** A prose block whose language is measured on first use (only the rules that ask pay for it). */
class ProseBlock implements Block {
  private measured: LanguageMeasure | undefined;
  private label: BlockLanguage | undefined;

  readonly cell?: Block['cell'];

  constructor(
    readonly type: Block['type'],
    readonly start: number,
    readonly end: number,
    readonly text: string,
    readonly depth: number,
    readonly quoted: boolean,
    readonly listItem: boolean,
    cell: Block['cell'],
  ) {
    if (cell) this.cell = cell;
  }

  get measure(): LanguageMeasure {
    return (this.measured ??= measureLanguage(this.text));
  }

  get language(): BlockLanguage {
    return (this.label ??= labelMeasure(this.measure));
  }
}

function collectBlocks(text: string, tree: Root): Block[] {
  const blocks: Block[] = [];
  let tables = 0;
  // iterative: a document may nest thousands of quotes or lists
  const stack: { node: RootContent; quoted: boolean; listItem: boolean; cell?: Block['cell'] }[] = [];
  for (let i = tree.children.length - 1; i >= 0; i--) stack.push({ node: tree.children[i]!, quoted: false, listItem: false });
  while (stack.length) {
    const { node, quoted, listItem, cell } = stack.pop()!;
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) continue;
      blocks.push(new ProseBlock(node.type, start, end, text.slice(start, end), node.type === 'heading' ? node.depth : 0, quoted, listItem, cell));
      continue;
    }
    if (node.type === 'table') {
      const table = tables++;
      const cells: { node: RootContent; quoted: boolean; listItem: boolean; cell: Block['cell'] }[] = [];
      node.children.forEach((row, r) => row.children.forEach((c, column) => cells.push({ node: c, quoted, listItem, cell: { table, row: r, column } })));
      for (let i = cells.length - 1; i >= 0; i--) stack.push(cells[i]!);
      continue;
    }
    if ('children' in node) {
      const children = node.children as RootContent[];
      const q = quoted || node.type === 'blockquote';
      const l = listItem || node.type === 'listItem';
      for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, quoted: q, listItem: l });
    }
  }
  return blocks;
}

/**
 * Amounts of the prose blocks. A table column whose header names a currency ("Amount (USD)",
 * "金额（美元）") makes the bare figures below it amounts in that currency.
 */
function collectAmounts(blocks: readonly Block[]): AmountMention[] {
  const amounts: AmountMention[] = [];
  const columnCurrency = new Map<string, string>();
  for (const block of blocks) {
    const cell = block.cell;
    if (cell && cell.row === 0) {
      const currency = currencyNamed(block.text);
      if (currency) columnCurrency.set(`${cell.table}:${cell.column}`, currency);
    }
    const currency = cell && cell.row > 0 ? columnCurrency.get(`${cell.table}:${cell.column}`) : undefined;
    amounts.push(...readAmounts(block.text, block.start, currency ? { defaultCurrency: currency } : undefined));
  }
  return amounts;
}

/** The severity and options configuration gives a rule, or `off`. */
export function ruleSettings(rule: Rule, config: DunmarkConfig | undefined): { severity: SeveritySetting; options: Record<string, unknown> } {
  const setting = config?.rules?.[rule.meta.id];
  let severity: SeveritySetting = config?.categories?.[rule.meta.category] ?? rule.meta.defaultSeverity;
  let options: Record<string, unknown> = {};
  if (typeof setting === 'string') severity = setting;
  else if (Array.isArray(setting)) {
    severity = setting[0];
    options = setting[1] ?? {};
  }
  return { severity, options };
}

/** Which language rule messages are written in for this document. */
export function messageLanguage(facts: Facts, config: DunmarkConfig | undefined): 'en' | 'zh' {
  const setting = config?.messageLanguage ?? 'auto';
  if (setting !== 'auto') return setting;
  return isChineseLocale(facts.language) ? 'zh' : 'en';
}

function pickMessage(message: Message, lang: 'en' | 'zh'): string {
  return typeof message === 'string' ? message : message[lang];
}

/**
 * Where the case files sit for the rules: past the end of the document, one after another, so a rule
 * that reports at an inherited key (through `key` or `relatedFact`) reports at an offset the engine
 * maps back to the case file. Rules never see the difference.
 */
class CaseLayout {
  private readonly bases: number[] = [];

  constructor(
    textLength: number,
    readonly facts: CaseFacts,
  ) {
    let base = textLength + 1;
    for (const file of facts.files) {
      this.bases.push(base);
      base += file.text.length + 1;
    }
  }

  /** The location of an inherited key, in layout offsets. */
  key(path: string): KeyLocation | undefined {
    const found = caseKey(this.facts, path);
    if (!found) return undefined;
    const base = this.bases[found.file]!;
    const { key, value } = found.location;
    return { key: { start: key.start + base, end: key.end + base }, value: { start: value.start + base, end: value.end + base } };
  }

  /** The text of a span in layout offsets (empty when it is not inside one case file). */
  slice(span: { start: number; end: number }): string {
    const at = this.locate(span.start);
    return at ? this.facts.files[at.file]!.text.slice(at.offset, at.offset + Math.max(0, span.end - span.start)) : '';
  }

  /** The case file a layout offset is in, and the offset there. */
  locate(offset: number): { file: number; offset: number } | undefined {
    for (let i = this.bases.length - 1; i >= 0; i--) {
      const base = this.bases[i]!;
      if (offset >= base) return offset - base <= this.facts.files[i]!.text.length ? { file: i, offset: offset - base } : undefined;
    }
    return undefined;
  }
}

/** The findings of the case files' YAML problems: in the case file, as the front-matter rule words them. */
function caseFileErrors(layout: CaseLayout, rule: Rule | undefined, config: DunmarkConfig | undefined, lang: 'en' | 'zh'): Finding[] {
  if (!rule) return [];
  const { severity } = ruleSettings(rule, config);
  if (severity === 'off') return [];
  return layout.facts.files.flatMap((file) =>
    file.errors.map((error): Finding => {
      const a = file.lines.position(error.span.start);
      const b = file.lines.position(error.span.end);
      return {
        ruleId: rule.meta.id,
        category: rule.meta.category,
        severity,
        file: file.name,
        message: lang === 'zh' ? `案件文件 YAML 有误：${error.message}` : `Unexpected YAML in the case file: ${error.message}`,
        line: a.line,
        column: a.column,
        endLine: b.line,
        endColumn: b.column,
        span: { ...error.span },
        fixes: [],
      };
    }),
  );
}

/** Runs `rules` over a parsed document. Never throws: a failing rule becomes a finding. */
export function runRules(doc: ParsedDocument, rules: readonly Rule[], config?: DunmarkConfig): Finding[] {
  const findings: Finding[] = [];
  const today = config?.today ?? isoToday();
  const vocabulary = { accept: config?.vocabulary?.accept ?? [], reject: config?.vocabulary?.reject ?? [] };
  const lang = messageLanguage(doc.facts, config);
  const suppressions = readSuppressions(doc.text, doc.tree, doc.lines);
  const textLength = doc.text.length;
  const layout = doc.inherited?.files.length ? new CaseLayout(textLength, doc.inherited) : undefined;
  // where an offset a rule reported is: the document, or (past its end) one of its case files
  const place = (
    start: number,
    end: number,
  ): { span: { start: number; end: number }; line: number; column: number; endLine: number; endColumn: number; file?: string } => {
    const inCase = layout && Number.isFinite(start) && start > textLength ? layout.locate(Math.trunc(start)) : undefined;
    if (inCase && layout) {
      const file = layout.facts.files[inCase.file]!;
      const to = layout.locate(Math.trunc(end));
      const e = to && to.file === inCase.file ? Math.max(inCase.offset, to.offset) : inCase.offset;
      const a = file.lines.position(inCase.offset);
      const b = file.lines.position(e);
      return { span: { start: inCase.offset, end: e }, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, file: file.name };
    }
    const s = clampOffset(start, textLength);
    const e = Math.max(s, clampOffset(end, textLength));
    const a = doc.lines.position(s);
    const b = doc.lines.position(e);
    return { span: { start: s, end: e }, line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  };
  // a fix edits one file: the document's edits stay, a case file's are moved into it; a fix that mixes the two is dropped
  const placeFixes = (fixes: Fix[] | undefined, file: string | undefined): Fix[] => {
    if (!layout || !fixes?.length) return fixes ?? [];
    const out: Fix[] = [];
    for (const fix of fixes) {
      const edits = fix.edits.map((e) => {
        const at = place(e.start, e.end);
        return at.file === file ? { start: at.span.start, end: at.span.end, text: e.text } : undefined;
      });
      if (edits.every((e) => e !== undefined)) out.push({ ...fix, edits });
    }
    return out;
  };
  const key = (path: string): KeyLocation | undefined => doc.frontMatter?.keys.get(path) ?? layout?.key(path);
  // the rules see the facts the document inherits as part of its front matter
  const frontMatter = doc.frontMatter && doc.inherited && doc.data ? { ...doc.frontMatter, data: doc.data } : doc.frontMatter;
  for (const rule of rules) {
    const { severity, options } = ruleSettings(rule, config);
    if (severity === 'off') continue;
    const push = (r: Report, category: Category, sev: Severity): void => {
      const at = place(r.start, r.end);
      if (!at.file && suppressions.isSuppressed(rule.meta.id, at.line)) return;
      const related = r.related?.map((p): RelatedLocation => {
        const where = place(p.start, p.end);
        return { ...where, message: pickMessage(p.message, lang) };
      });
      findings.push({
        ruleId: rule.meta.id,
        category,
        severity: sev,
        message: pickMessage(r.message, lang),
        ...at,
        fixes: placeFixes(
          r.fixes?.map((f) => ({ ...f, title: pickMessage(f.title, lang) })),
          at.file,
        ),
        ...(related?.length ? { related } : {}),
      });
    };
    const context: RuleContext = {
      text: doc.text,
      tree: doc.tree,
      frontMatter,
      facts: doc.facts,
      factProblems: doc.factProblems,
      body: doc.body,
      blocks: doc.blocks,
      // read on first use: a run whose enabled rules need no amounts or dates never reads them
      get amounts() {
        return doc.amounts;
      },
      get dates() {
        return doc.dates;
      },
      options,
      today,
      vocabulary,
      key,
      sourceAt: (span) => (layout && span.start > textLength ? layout.slice(span) : doc.text.slice(span.start, span.end)),
      relatedFact: (path) => {
        const location = key(path);
        if (!location) return undefined;
        const span = location.value.end > location.value.start ? location.value : location.key;
        return { ...span, message: { en: `the front-matter fact \`${path}\``, zh: `前置信息中的 \`${path}\`` } };
      },
      position: (offset) => doc.lines.position(offset),
      report: (r) => push(r, rule.meta.category, r.severity ? leastSerious(severity, r.severity) : severity),
    };
    try {
      rule.check(context);
    } catch (error) {
      push(
        {
          start: doc.body.start,
          end: doc.body.start,
          message: `Unexpected failure of this rule (${String((error as Error)?.message ?? error).split('\n')[0]}), expected it to finish; please report it`,
        },
        rule.meta.category,
        'warning',
      );
    }
  }
  if (layout)
    findings.push(
      ...caseFileErrors(
        layout,
        rules.find((r) => r.meta.id === 'front-matter'),
        config,
        lang,
      ),
    );
  return sortFindings(findings);
}

/** The less serious of two severities. */
function leastSerious(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function clampOffset(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), max) : 0;
}

/** Sorts findings by file (the document's own first, then its case files), position, then rule id, so the same input always gives the same output. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      ((a.file ?? '') < (b.file ?? '') ? -1 : (a.file ?? '') > (b.file ?? '') ? 1 : 0) ||
      a.span.start - b.span.start ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
      a.span.end - b.span.end ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
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
