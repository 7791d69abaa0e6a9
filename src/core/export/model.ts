/**
 * A letter as the document it is sent as: the Markdown body (front matter left out) turned into
 * blocks of runs, each run tagged with its script so Word gets the right font and proofing
 * language, and a bilingual letter split into its two halves. Pure: no file system.
 */
import type { Heading, List, ListItem, PhrasingContent, Root, RootContent, Table } from 'mdast';
import { stringify } from 'yaml';
import { documentFacts, type CaseFacts } from '../cases/case-file.js';
import { typeFacts, type Facts } from '../facts/facts.js';
import { splitFrontMatter } from '../front-matter.js';
import { parseFrontMatter } from '../front-matter-yaml.js';
import { markdownProcessor } from '../markdown.js';
import { labelMeasure, measureLanguage } from '../language/detect.js';

/** The script of a run: Chinese text gets the East Asian font and a Chinese proofing language. */
export type Script = 'latin' | 'cjk';

/** A piece of inline content. */
export type Inline = { type: 'text'; text: string; bold: boolean; italic: boolean; code: boolean; script: Script } | { type: 'break' };

/** Alignment of a table column, as GFM writes it (`---:` is right). */
export type Align = 'left' | 'right' | 'center' | null;

/** A block of the letter, in document order. */
export type ExportBlock =
  | { type: 'heading'; depth: number; inlines: Inline[] }
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: ExportBlock[][] }
  | { type: 'table'; align: Align[]; rows: Inline[][][] }
  | { type: 'quote'; children: ExportBlock[] }
  | { type: 'code'; lines: string[] }
  | { type: 'rule' };

/** A bilingual body cut into what comes before, the two language halves, and what follows. */
export interface Halves {
  before: ExportBlock[];
  first: ExportBlock[];
  second: ExportBlock[];
  after: ExportBlock[];
  /** Language of the first half. */
  firstLanguage: 'en' | 'zh';
}

/** The letter, ready to be laid out. */
export interface ExportDocument {
  facts: Facts;
  /** The raw front matter (unknown keys included), written into the document's properties. */
  data: Record<string, unknown> | undefined;
  /** The YAML between the fences, verbatim (empty without front matter); with case files, the merged facts as YAML. */
  frontMatterYaml: string;
  /** The letter's own front matter, without what it inherits from its case files. */
  ownData: Record<string, unknown> | undefined;
  blocks: ExportBlock[];
  /** The BCP 47 tag of the letter's Chinese (zh-CN, zh-TW, zh-HK). */
  chineseTag: string;
  bilingual: boolean;
  /** The halves of a bilingual letter, when they can be told apart. */
  halves: Halves | undefined;
}

// Han, CJK punctuation, kana and full-width forms take the East Asian font; Latin letters the Latin one.
const CJK = /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\uff00-\uffef]/u;
// Digits count as Latin: a figure in Chinese text is then a Western word that East Asian line
// breaking cannot split (`18,400.0` / `0 元` on two lines is what a zh-CN run of digits gets).
const LATIN = /[\p{Script=Latin}0-9]/u;

/**
 * Splits text into runs by script. Spaces and punctuation take the script of the run they stand
 * in, so `发票 HVW-2026-1187 金额` is three runs and `美元 18,400.00 元` three.
 */
export function splitScripts(text: string): { text: string; script: Script }[] {
  const out: { text: string; script: Script }[] = [];
  let current: Script | undefined;
  let buffer = '';
  let pending = '';
  for (const ch of text) {
    const script: Script | undefined = CJK.test(ch) ? 'cjk' : LATIN.test(ch) ? 'latin' : undefined;
    if (script === undefined) {
      if (current === undefined) pending += ch;
      else buffer += ch;
      continue;
    }
    if (current === undefined) {
      current = script;
      buffer = pending + ch;
      pending = '';
    } else if (script === current) {
      buffer += ch;
    } else {
      out.push({ text: buffer, script: current });
      current = script;
      buffer = ch;
    }
  }
  if (current !== undefined) out.push({ text: buffer, script: current });
  else if (pending) out.push({ text: pending, script: 'latin' });
  return out;
}

interface Marks {
  bold: boolean;
  italic: boolean;
  code: boolean;
}

function inlines(nodes: readonly PhrasingContent[], marks: Marks = { bold: false, italic: false, code: false }): Inline[] {
  const out: Inline[] = [];
  const text = (value: string, m: Marks): void => {
    // a soft line break inside a paragraph is a space in the sent letter
    for (const part of splitScripts(value.replace(/\r?\n/g, ' '))) out.push({ type: 'text', text: part.text, script: part.script, ...m });
  };
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text(node.value, marks);
        break;
      case 'inlineCode':
        text(node.value, { ...marks, code: true });
        break;
      case 'break':
        out.push({ type: 'break' });
        break;
      case 'strong':
        out.push(...inlines(node.children, { ...marks, bold: true }));
        break;
      case 'emphasis':
        out.push(...inlines(node.children, { ...marks, italic: true }));
        break;
      case 'link':
      case 'linkReference':
      case 'delete':
        out.push(...inlines(node.children, marks));
        break;
      default:
        break; // images and inline HTML have no place in a letter on paper
    }
  }
  return out;
}

function listBlock(list: List): ExportBlock {
  return {
    type: 'list',
    ordered: Boolean(list.ordered),
    start: list.start ?? 1,
    items: list.children.map((item: ListItem) => item.children.flatMap((child) => toBlocks(child as RootContent))),
  };
}

function tableBlock(table: Table): ExportBlock {
  return {
    type: 'table',
    align: (table.align ?? []).map((a) => a ?? null),
    rows: table.children.map((row) => row.children.map((cell) => inlines(cell.children))),
  };
}

function toBlocks(node: RootContent): ExportBlock[] {
  switch (node.type) {
    case 'heading':
      return [{ type: 'heading', depth: (node as Heading).depth, inlines: inlines(node.children) }];
    case 'paragraph':
      return [{ type: 'paragraph', inlines: inlines(node.children) }];
    case 'list':
      return [listBlock(node)];
    case 'table':
      return [tableBlock(node)];
    case 'blockquote':
      return [{ type: 'quote', children: node.children.flatMap((c) => toBlocks(c as RootContent)) }];
    case 'code':
      return [{ type: 'code', lines: node.value.split(/\r?\n/) }];
    case 'thematicBreak':
      return [{ type: 'rule' }];
    default:
      return []; // front matter, HTML comments (disable comments), definitions
  }
}

function blockText(block: ExportBlock): string {
  const ofInlines = (xs: Inline[]): string => xs.map((x) => (x.type === 'text' ? x.text : '\n')).join('');
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      return ofInlines(block.inlines);
    case 'list':
      return block.items.flat().map(blockText).join('\n');
    case 'table':
      return block.rows.flat().map(ofInlines).join('\n');
    case 'quote':
      return block.children.map(blockText).join('\n');
    case 'code':
      return block.lines.join('\n');
    default:
      return '';
  }
}

/** The language of a block's prose, as the lint engine tells it. */
function languageOf(blocks: ExportBlock[]): 'en' | 'zh' | 'mixed' | 'none' {
  const m = { en: 0, zh: 0 };
  for (const b of blocks) {
    const x = measureLanguage(blockText(b));
    m.en += x.en;
    m.zh += x.zh;
  }
  const label = labelMeasure(m);
  return label;
}

/**
 * Finds the two halves of a bilingual body: it is cut into sections at rules and at headings of
 * level 1 or 2; the first run of English sections and the first run of Chinese sections next to it
 * are the halves. Trailing lines of a half in neither language (a signature) stay outside it.
 */
export function findHalves(blocks: ExportBlock[]): Halves | undefined {
  const sections: ExportBlock[][] = [];
  for (const block of blocks) {
    const cut = block.type === 'rule' || (block.type === 'heading' && block.depth <= 2);
    const current = sections[sections.length - 1];
    // a heading right after a rule opens the same section
    if (!current || (cut && !current.every((b) => b.type === 'rule'))) sections.push([]);
    sections[sections.length - 1]!.push(block);
  }
  const labels = sections.map((s) => languageOf(s.filter((b) => b.type !== 'rule')));
  for (let i = 0; i < sections.length; i++) {
    const a = labels[i];
    if (a !== 'en' && a !== 'zh') continue;
    let j = i;
    while (j + 1 < sections.length && labels[j + 1] === a) j++;
    const b = a === 'en' ? 'zh' : 'en';
    if (labels[j + 1] !== b) continue;
    let k = j + 1;
    while (k + 1 < sections.length && labels[k + 1] === b) k++;
    const strip = (xs: ExportBlock[]): ExportBlock[] => (xs[0]?.type === 'rule' ? xs.slice(1) : xs);
    const first = strip(sections.slice(i, j + 1).flat());
    const second = strip(sections.slice(j + 1, k + 1).flat());
    const after = sections.slice(k + 1).flat();
    // a closing signature or address in neither language belongs to the whole letter, unless each half signs off
    const neutral = (x: ExportBlock | undefined): boolean => x !== undefined && languageOf([x]) === 'none';
    while (second.length > 1 && !neutral(first[first.length - 1])) {
      const last = second[second.length - 1]!;
      const label = languageOf([last]);
      if (label === b || label === 'mixed') break;
      after.unshift(second.pop()!);
    }
    const before = sections.slice(0, i).flat();
    return { before, first, second, after, firstLanguage: a };
  }
  return undefined;
}

/** The front matter of a letter (the core's one splitter and reader): the YAML between the fences, the raw data and the typed facts. */
function readFacts(source: string): { yaml: string; data: Record<string, unknown> | undefined; facts: Facts } {
  const block = splitFrontMatter(source);
  if (!block) return { yaml: '', data: undefined, facts: {} };
  const fm = parseFrontMatter(source, block);
  const raw = fm.data;
  const data = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : undefined;
  return { yaml: source.slice(block.content.start, block.content.end), data, facts: fm.errors.length === 0 ? typeFacts(raw).facts : {} };
}

/**
 * Turns a letter (Markdown with front matter) into the blocks of the document it is sent as. A
 * letter of a case folder takes the facts of its case files too (`inherited`): the document's
 * properties then carry every fact, so the Word file can be checked wherever it goes.
 */
export function buildExportDocument(text: string, inherited?: CaseFacts): ExportDocument {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tree = markdownProcessor.parse(source) as Root;
  const own = readFacts(source);
  const merged = inherited && (own.data || !own.yaml.trim()) ? documentFacts(inherited, own.data) : undefined;
  const { yaml, data, facts } = merged ? { yaml: stringify(merged), data: merged, facts: typeFacts(merged).facts } : own;
  const blocks = tree.children.flatMap(toBlocks);
  const language = facts.language;
  const bilingual = language === 'en+zh-CN';
  return {
    facts,
    data,
    frontMatterYaml: yaml,
    ownData: own.data,
    blocks,
    chineseTag: language === 'zh-TW' || language === 'zh-HK' ? language : 'zh-CN',
    bilingual,
    halves: bilingual ? findHalves(blocks) : undefined,
  };
}
