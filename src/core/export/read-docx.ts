/**
 * A Word letter read back as the Markdown Dunmark lints: mammoth reads the document (styles,
 * numbering, tables, breaks); this module writes it as Markdown the way the templates do, and
 * remembers which paragraph of the document each stretch of Markdown came from, so findings can
 * say `¶7`. Pure: bytes in.
 */
import { unzipSync } from 'fflate';
import mammoth from 'mammoth';
import { COLUMNS_TABLE_STYLE } from './docx.js';
import { factsFromProperties, readCustomProperties } from './package.js';

/** One paragraph of the document and where its text sits in the Markdown. */
export interface DocxParagraph {
  /** 1-based, counting the non-empty paragraphs of the body in document order (table cells included). */
  number: number;
  /** Offsets into `markdown`. */
  start: number;
  end: number;
  /** The paragraph's plain text. */
  text: string;
}

/** A .docx as Dunmark reads it. */
export interface DocxReading {
  /** The body as Markdown, without front matter (a leading YAML block is cut out into `yamlBlock`). */
  markdown: string;
  paragraphs: DocxParagraph[];
  /** A YAML block at the start of the document (`---` … `---` paragraphs), with the paragraph number of each YAML line. */
  yamlBlock: { yaml: string; lineParagraphs: number[] } | undefined;
  /** The document's custom properties (text values). */
  properties: Map<string, string>;
  /** The front matter an export stored in the `Dunmark facts N` properties. */
  propertiesYaml: string | undefined;
  /** What mammoth could not read (unsupported elements). */
  warnings: string[];
}

// The parts of mammoth's document model this module reads.
interface MText {
  type: 'text';
  value: string;
}
interface MBreak {
  type: 'break';
  breakType: 'line' | 'page' | 'column';
}
interface MRun {
  type: 'run';
  isBold: boolean;
  isItalic: boolean;
  children: MNode[];
}
interface MParagraph {
  type: 'paragraph';
  styleId: string | null;
  styleName: string | null;
  alignment: string | null;
  numbering: { level: string | number; isOrdered: boolean } | null;
  children: MNode[];
}
interface MTable {
  type: 'table';
  styleId: string | null;
  styleName: string | null;
  children: MRow[];
}
interface MRow {
  type: 'tableRow';
  isHeader: boolean;
  children: MCell[];
}
interface MCell {
  type: 'tableCell';
  colSpan: number;
  children: MNode[];
}
type MNode = MText | MBreak | MRun | MParagraph | MTable | MRow | MCell | { type: 'tab' } | { type: string; children?: MNode[] };

interface Piece {
  text: string;
  bold: boolean;
  italic: boolean;
  br: boolean;
}

function pieces(nodes: MNode[] | undefined, out: Piece[] = [], bold = false, italic = false): Piece[] {
  for (const node of nodes ?? []) {
    if (node.type === 'text') out.push({ text: (node as MText).value, bold, italic, br: false });
    else if (node.type === 'tab') out.push({ text: ' ', bold, italic, br: false });
    else if (node.type === 'break') {
      if ((node as MBreak).breakType === 'line') out.push({ text: '', bold, italic, br: true });
    } else if (node.type === 'run') pieces((node as MRun).children, out, bold || (node as MRun).isBold, italic || (node as MRun).isItalic);
    else if ('children' in node && node.children) pieces(node.children, out, bold, italic);
  }
  return out;
}

// Brackets stay as written (`[NAME]` is a placeholder the rules look for); only `](` would make a link.
const INLINE_SPECIAL = /[\\`*_<]|\](?=[(:])/g;

function escapeInline(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&');
}

/** What a line may not start with unescaped: a heading, a quote, a list marker. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)(#|>|[-+](?=\s)|\d+(?=[.)]\s))/, (_m, space: string, mark: string) => `${space}\\${mark}`);
}

/** Markdown of a paragraph's runs: neighbours with the same marks are joined, spaces kept outside `**`. */
function inlineMarkdown(list: Piece[], inTable: boolean): string {
  const merged: Piece[] = [];
  for (const p of list) {
    const last = merged[merged.length - 1];
    if (last && !p.br && !last.br && last.bold === p.bold && last.italic === p.italic) last.text += p.text;
    else merged.push({ ...p });
  }
  let out = '';
  for (const p of merged) {
    if (p.br) {
      out += inTable ? '<br>' : '\\\n';
      continue;
    }
    let text = escapeInline(p.text);
    if (inTable) text = text.replace(/\|/g, '\\|');
    const mark = `${p.bold ? '**' : ''}${p.italic ? '*' : ''}`;
    if (!mark || text.trim() === '') {
      out += text;
      continue;
    }
    // Leading and trailing whitespace by hand (a lazy middle before `\s*$` is quadratic on long runs)
    const trimmed = text.trim();
    const lead = text.slice(0, text.length - text.trimStart().length);
    const trail = text.slice(lead.length + trimmed.length);
    const core = trimmed;
    out += `${lead}${mark}${core}${[...mark].reverse().join('')}${trail}`;
  }
  return inTable ? out : out.split('\n').map(escapeLineStart).join('\n');
}

function plainText(list: Piece[]): string {
  return list.map((p) => (p.br ? '\n' : p.text)).join('');
}

function headingLevel(p: MParagraph): number {
  const name = `${p.styleId ?? ''} ${p.styleName ?? ''}`;
  if (/\btitle\b/i.test(name)) return 1;
  const m = /heading\s*([1-6])/i.exec(name);
  return m ? Number(m[1]) : 0;
}

function isQuote(p: MParagraph): boolean {
  return /quote/i.test(`${p.styleId ?? ''} ${p.styleName ?? ''}`);
}

/** Writes the mammoth document as Markdown, numbering paragraphs in document order. */
class Writer {
  private readonly blocks: { text: string; spans: { number: number; start: number; end: number; text: string }[] }[] = [];
  private list: { counters: number[]; lines: string[]; spans: { number: number; start: number; end: number; text: string }[] } | undefined;
  private count = 0;
  readonly numbers = new Map<MParagraph, number>();

  /** Numbers every non-empty paragraph of the body first, in the order the document stores them. */
  number(nodes: MNode[]): void {
    for (const node of nodes) {
      if (node.type === 'paragraph') {
        if (plainText(pieces((node as MParagraph).children)).trim() !== '') this.numbers.set(node as MParagraph, ++this.count);
      } else if ('children' in node && node.children) this.number(node.children);
    }
  }

  write(nodes: MNode[]): void {
    for (const node of nodes) {
      if (node.type === 'paragraph') this.paragraph(node as MParagraph);
      else if (node.type === 'table') this.table(node as MTable);
      else if ('children' in node && node.children) this.write(node.children);
    }
  }

  private paragraph(p: MParagraph): void {
    const number = this.numbers.get(p);
    if (number === undefined) return; // empty: a spacer, a rule, a page break
    const list = pieces(p.children);
    const text = plainText(list);
    const md = inlineMarkdown(list, false);
    if (p.numbering) {
      const level = Math.max(0, Number(p.numbering.level) || 0);
      this.list ??= { counters: [], lines: [], spans: [] };
      const counters = this.list.counters;
      counters.length = level + 1;
      counters[level] = (counters[level] ?? 0) + 1;
      const marker = p.numbering.isOrdered ? `${counters[level]}. ` : '- ';
      const indent = '   '.repeat(level);
      const prefix = indent + marker;
      const offset = this.list.lines.reduce((n, l) => n + l.length + 1, 0) + prefix.length;
      const body = md.replace(/\n/g, `\n${' '.repeat(prefix.length)}`);
      this.list.lines.push(prefix + body);
      this.list.spans.push({ number, start: offset, end: offset + body.length, text });
      return;
    }
    this.flushList();
    const level = headingLevel(p);
    const prefix = level ? `${'#'.repeat(level)} ` : isQuote(p) ? '> ' : '';
    const body = level ? md.replace(/\\\n/g, ' ') : isQuote(p) ? md.replace(/\n/g, '\n> ') : md;
    this.blocks.push({ text: prefix + body, spans: [{ number, start: prefix.length, end: prefix.length + body.length, text }] });
  }

  private table(t: MTable): void {
    this.flushList();
    if (t.styleId === COLUMNS_TABLE_STYLE || t.styleName === 'Dunmark Columns') {
      // the halves of a bilingual letter, side by side: read the left column, then the right
      const width = Math.max(0, ...t.children.map((r) => r.children.length));
      for (let c = 0; c < width; c++) for (const row of t.children) this.write(row.children[c]?.children ?? []);
      return;
    }
    const rows = t.children;
    const cellParagraphs = (cell: MCell | undefined): MParagraph[] => (cell?.children ?? []).filter((n): n is MParagraph => n.type === 'paragraph');
    // GFM says how a column is aligned in the line under the header; the body rows show it best
    const aligns = ((rows[1] ?? rows[0])?.children ?? []).map((cell) => {
      const a = cellParagraphs(cell)[0]?.alignment;
      return a === 'right' || a === 'end' ? '---:' : a === 'center' ? ':---:' : '---';
    });
    const lines: string[] = [];
    const spans: { number: number; start: number; end: number; text: string }[] = [];
    let offset = 0;
    rows.forEach((row, r) => {
      let line = '|';
      for (const cell of row.children) {
        line += ' ';
        let first = true;
        for (const p of cellParagraphs(cell)) {
          const number = this.numbers.get(p);
          if (number === undefined) continue;
          if (!first) line += '<br>';
          first = false;
          const list = pieces(p.children);
          const md = inlineMarkdown(list, true);
          spans.push({ number, start: offset + line.length, end: offset + line.length + md.length, text: plainText(list) });
          line += md;
        }
        line += ' |';
      }
      lines.push(line);
      offset += line.length + 1;
      if (r === 0) {
        const separator = `| ${aligns.join(' | ')} |`;
        lines.push(separator);
        offset += separator.length + 1;
      }
    });
    this.blocks.push({ text: lines.join('\n'), spans });
  }

  private flushList(): void {
    if (!this.list) return;
    this.blocks.push({ text: this.list.lines.join('\n'), spans: this.list.spans });
    this.list = undefined;
  }

  finish(): { markdown: string; paragraphs: DocxParagraph[] } {
    this.flushList();
    let markdown = '';
    const paragraphs: DocxParagraph[] = [];
    for (const block of this.blocks) {
      if (markdown) markdown += '\n\n';
      for (const s of block.spans) paragraphs.push({ number: s.number, start: markdown.length + s.start, end: markdown.length + s.end, text: s.text });
      markdown += block.text;
    }
    return { markdown: markdown ? `${markdown}\n` : '', paragraphs: paragraphs.sort((a, b) => a.start - b.start) };
  }
}

/** Cuts a leading YAML block (a `---` paragraph, YAML lines, a `---` paragraph) off the top-level nodes. */
function leadingYaml(nodes: MNode[], numbers: Map<MParagraph, number>): { yaml: string; lineParagraphs: number[]; rest: MNode[] } | undefined {
  const lines: string[] = [];
  const lineParagraphs: number[] = [];
  let i = 0;
  const next = (): { node: MParagraph; text: string } | undefined => {
    while (i < nodes.length) {
      const node = nodes[i++]!;
      if (node.type !== 'paragraph') return undefined;
      if (!numbers.has(node as MParagraph)) continue;
      return { node: node as MParagraph, text: plainText(pieces((node as MParagraph).children)) };
    }
    return undefined;
  };
  const open = next();
  if (!open || open.text.trim() !== '---') return undefined;
  for (let p = next(); p; p = next()) {
    if (p.text.trim() === '---') return { yaml: lines.join('\n'), lineParagraphs, rest: nodes.slice(i) };
    // a paragraph with line breaks holds several YAML lines
    for (const line of p.text.split('\n')) {
      lines.push(line);
      lineParagraphs.push(numbers.get(p.node)!);
    }
  }
  return undefined;
}

/** Reads a .docx: its body as Markdown with paragraph numbers, a leading YAML block, its custom properties. */
export async function readDocx(bytes: Uint8Array): Promise<DocxReading> {
  let captured: { children: MNode[] } | undefined;
  const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`: both are given
  const input = { arrayBuffer: copy, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  const result = await mammoth.convertToHtml(input, {
    externalFileAccess: false,
    // keep the document model; the HTML it would become is not needed
    transformDocument: (document: { children: MNode[] }) => {
      captured = document;
      return { ...document, children: [] };
    },
  });
  const properties = readCustomProperties(unzipSync(bytes, { filter: (f) => f.name === 'docProps/custom.xml' }));
  const nodes = captured?.children ?? [];
  const writer = new Writer();
  writer.number(nodes);
  const yaml = leadingYaml(nodes, writer.numbers);
  writer.write(yaml ? yaml.rest : nodes);
  const { markdown, paragraphs } = writer.finish();
  return {
    markdown,
    paragraphs,
    yamlBlock: yaml ? { yaml: yaml.yaml, lineParagraphs: yaml.lineParagraphs } : undefined,
    properties,
    propertiesYaml: factsFromProperties(properties),
    warnings: result.messages.filter((m) => m.type === 'warning' || m.type === 'error').map((m) => m.message),
  };
}
