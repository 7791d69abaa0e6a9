// A document parsed once: front matter (its YAML read once), the Markdown body, typed facts and the
// prose blocks every rule shares; a block's language, the amounts and the dates read on first use.
import type { Node, Root, RootContent } from 'mdast';
import { asCaseFacts, documentFacts, type CaseFacts } from './cases/case-file.js';
import { currencyNamed, readAmounts, type AmountMention } from './facts/amounts.js';
import { readDates, type DateMention } from './facts/dates.js';
import { typeFacts, type FactProblem, type Facts } from './facts/facts.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { parseFrontMatter } from './front-matter-yaml.js';
import { labelMeasure, measureLanguage, type LanguageMeasure } from './language/detect.js';
import { parseMarkdown } from './markdown.js';
import { LineIndex } from './positions.js';
import type { Block, BlockLanguage } from './rule.js';

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
