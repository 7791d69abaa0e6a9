import type { Node, Root, RootContent } from 'mdast';
import { readSuppressions } from './disable.js';
import { currencyNamed, readAmounts, type AmountMention } from './facts/amounts.js';
import { readDates, type DateMention } from './facts/dates.js';
import { isoToday, typeFacts, type FactProblem, type Facts } from './facts/facts.js';
import { parseFrontMatter, type FrontMatter } from './front-matter.js';
import { labelMeasure, measureLanguage } from './language/detect.js';
import { markdownProcessor } from './markdown.js';
import { LineIndex } from './positions.js';
import type { Block, Message, Report, Rule, RuleContext } from './rule.js';
import { rules as builtInRules } from './rules/index.js';
import { SEVERITIES, type Category, type DunmarkConfig, type Finding, type LintOptions, type Severity, type SeveritySetting } from './types.js';

/** A document parsed once: everything rules share, before any rule runs. */
export interface ParsedDocument {
  text: string;
  tree: Root;
  lines: LineIndex;
  frontMatter: FrontMatter | undefined;
  data: Record<string, unknown> | undefined;
  facts: Facts;
  factProblems: FactProblem[];
  body: { start: number; end: number };
  blocks: Block[];
  amounts: AmountMention[];
  dates: DateMention[];
}

/** Parses a document once: Markdown tree, front matter with key positions, typed facts, prose blocks. */
export function parseDocument(text: string): ParsedDocument {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const tree = markdownProcessor.parse(bom ? text.slice(1) : text) as Root;
  if (bom) shiftPositions(tree, bom);
  const lines = new LineIndex(text);
  let frontMatter: FrontMatter | undefined;
  let bodyStart = bom;
  const first = tree.children[0];
  if (first?.type === 'yaml' && first.position) {
    const start = first.position.start.offset ?? bom;
    const end = first.position.end.offset ?? start;
    const contentStart = lineEndAfter(text, start);
    const contentEnd = Math.max(contentStart, lineStartBefore(text, end));
    frontMatter = parseFrontMatter(text, { start, end }, { start: contentStart, end: contentEnd });
    bodyStart = end;
  }
  const rawData = frontMatter?.data;
  const data = rawData && typeof rawData === 'object' && !Array.isArray(rawData) ? (rawData as Record<string, unknown>) : undefined;
  const { facts, problems: factProblems } = frontMatter && frontMatter.errors.length === 0 ? typeFacts(rawData) : { facts: {}, problems: [] };
  const blocks = collectBlocks(text, tree);
  const amounts = collectAmounts(blocks);
  const dates: DateMention[] = [];
  for (const block of blocks) dates.push(...readDates(block.text, block.start, facts.date));
  return {
    text, tree, lines, frontMatter, data, facts, factProblems,
    body: { start: bodyStart, end: text.length }, blocks, amounts, dates,
  };
}

function lineEndAfter(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

function lineStartBefore(text: string, offset: number): number {
  const nl = text.lastIndexOf('\n', offset - 1);
  return nl === -1 ? 0 : nl + 1;
}

function shiftPositions(node: Node, by: number): void {
  const p = node.position;
  if (p) {
    if (p.start.offset !== undefined) p.start.offset += by;
    if (p.end.offset !== undefined) p.end.offset += by;
    if (p.start.line === 1) p.start.column += by;
    if (p.end.line === 1) p.end.column += by;
  }
  if ('children' in node) for (const child of (node as Root).children) shiftPositions(child, by);
}

function collectBlocks(text: string, tree: Root): Block[] {
  const blocks: Block[] = [];
  let tables = 0;
  const visit = (node: RootContent, quoted: boolean, listItem: boolean, cell?: Block['cell']): void => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) return;
      const slice = text.slice(start, end);
      const measure = measureLanguage(slice);
      blocks.push({
        type: node.type, start, end, text: slice, language: labelMeasure(measure), measure,
        depth: node.type === 'heading' ? node.depth : 0, quoted, listItem, ...(cell ? { cell } : {}),
      });
      return;
    }
    if (node.type === 'table') {
      const table = tables++;
      node.children.forEach((row, r) => row.children.forEach((c, column) => visit(c, quoted, listItem, { table, row: r, column })));
      return;
    }
    if ('children' in node) {
      for (const child of node.children as RootContent[]) {
        visit(child, quoted || node.type === 'blockquote', listItem || node.type === 'listItem');
      }
    }
  };
  for (const child of tree.children) visit(child, false, false);
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
  return facts.language === 'zh-CN' || facts.language === 'zh-TW' || facts.language === 'zh-HK' ? 'zh' : 'en';
}

function pickMessage(message: Message, lang: 'en' | 'zh'): string {
  return typeof message === 'string' ? message : message[lang];
}

/** Runs `rules` over a parsed document. Never throws: a failing rule becomes a finding. */
export function runRules(doc: ParsedDocument, rules: readonly Rule[], config?: DunmarkConfig): Finding[] {
  const findings: Finding[] = [];
  const today = config?.today ?? isoToday();
  const vocabulary = { accept: config?.vocabulary?.accept ?? [], reject: config?.vocabulary?.reject ?? [] };
  const lang = messageLanguage(doc.facts, config);
  const suppressions = readSuppressions(doc.text, doc.tree, doc.lines);
  const textLength = doc.text.length;
  for (const rule of rules) {
    const { severity, options } = ruleSettings(rule, config);
    if (severity === 'off') continue;
    const push = (r: Report, category: Category, sev: Severity): void => {
      const start = clampOffset(r.start, textLength);
      const end = Math.max(start, clampOffset(r.end, textLength));
      const from = doc.lines.position(start);
      const to = doc.lines.position(end);
      if (suppressions.isSuppressed(rule.meta.id, from.line)) return;
      findings.push({
        ruleId: rule.meta.id, category, severity: sev, message: pickMessage(r.message, lang),
        line: from.line, column: from.column, endLine: to.line, endColumn: to.column,
        span: { start, end }, fixes: r.fixes ?? [], ...(r.data ? { data: r.data } : {}),
      });
    };
    const context: RuleContext = {
      text: doc.text, tree: doc.tree, frontMatter: doc.frontMatter, data: doc.data, facts: doc.facts,
      factProblems: doc.factProblems, body: doc.body, blocks: doc.blocks, amounts: doc.amounts, dates: doc.dates,
      options, today, vocabulary,
      key: (path) => doc.frontMatter?.keys.get(path),
      position: (offset) => doc.lines.position(offset),
      report: (r) => push(r, rule.meta.category, r.severity ? leastSerious(severity, r.severity) : severity),
    };
    try {
      rule.check(context);
    } catch (error) {
      push({
        start: doc.body.start, end: doc.body.start,
        message: `Unexpected failure of this rule (${String((error as Error)?.message ?? error).split('\n')[0]}), expected it to finish; please report it`,
      }, rule.meta.category, 'warning');
    }
  }
  return sortFindings(findings);
}

/** The less serious of two severities. */
function leastSerious(a: Severity, b: Severity): Severity {
  return SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b;
}

function clampOffset(n: number, max: number): number {
  return Number.isFinite(n) ? Math.min(Math.max(Math.trunc(n), 0), max) : 0;
}

/** Sorts findings by position, then rule id, so the same input always gives the same output. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    a.span.start - b.span.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0)
    || a.span.end - b.span.end || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}

/** Lints one document. Synchronous and pure; never throws on any string. */
export function lint(text: string, options: LintOptions = {}): Finding[] {
  if (typeof text !== 'string') throw new TypeError('lint(text): expected `text` to be a string');
  if (options === null || typeof options !== 'object') throw new TypeError('lint(text, options): expected `options` to be an object');
  return runRules(parseDocument(text), builtInRules, options.config);
}
