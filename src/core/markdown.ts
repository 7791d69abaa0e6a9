/**
 * The one Markdown parser of the core: CommonMark, YAML front matter and GFM tables. A long body
 * is parsed in pieces: micromark keeps every event of the whole document until it builds the
 * tree (about 200 MB per MB of letter, more than linear past a few hundred KB, and minutes on a
 * few MB of short paragraphs); pieces of ~64 KB, parsed one after the other, bound both. A piece
 * ends only where nothing can continue into the next one: after a blank line, before a line that
 * starts with a letter or a digit, outside a fenced code block or an HTML block that runs across
 * blank lines. Positions are shifted so the tree is the one a single parse gives.
 */
import type { Node, Root } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';

/** GFM tables (invoice tables, instalment schedules): each cell is a block of its own, not one paragraph of pipes. */
export function remarkTables(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

/** Parses a whole document, front matter included (the export reads it so). */
export const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkTables);

/**
 * Parses a document's body, the same grammar without front matter: the lint engine splits the front
 * matter and reads its YAML once (front-matter.ts), and gives remark only what follows.
 */
export const bodyProcessor = unified().use(remarkParse).use(remarkTables);

/** The body's grammar for a stretch that holds no table: CommonMark alone. */
const proseProcessor = unified().use(remarkParse);

/** Below this length a document is parsed in one piece. */
export const PIECE_LENGTH = 64 * 1024;

const BLANK = /^[ \t]*$/;
// a letter or a digit (but not an ordered list's next item, `2.` or `3)`, which continues the list across a
// blank line), a heading's `#` or a table's `|`: at the margin after a blank line, none continues what came before
const PIECE_START = /^(?!\d{1,9}[.)](?:[ \t]|$))[\p{L}\p{N}#|]/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML_START: readonly [RegExp, string][] = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

/**
 * A line that may be a table's delimiter row (`| --- | :-: |`, `--|--`, inside a quote or a list
 * item too): only pipes, dashes, colons and blanks after the containers, with at least one dash.
 * Broad on purpose (a thematic break matches): a false match only costs the table grammar. Written so
 * that the first dash splits the line one way only (no two stars share a character): linear on any line.
 */
const DELIMITER_ROW = /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(?:[|:][ \t|:]*)?-[ \t|:-]*$/;

/**
 * The places a body can be cut (line starts after a blank line, before a letter, a digit, `#` or `|`, outside
 * fences and HTML blocks) and, for each stretch between two of them, whether it may hold a table:
 * a delimiter row and a pipe somewhere in the stretch (no GFM table has neither).
 */
function scanCuts(text: string): { cuts: number[]; tables: boolean[] } {
  const cuts: number[] = [];
  const tables: boolean[] = [];
  let fence: string | undefined;
  let htmlEnd: string | undefined;
  let previousBlank = false;
  let delimiter = false;
  let pipe = false;
  for (let start = 0; start < text.length;) {
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end);
    const next = end < text.length ? end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1) : end;
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length && BLANK.test(line.slice(close[0].length))) fence = undefined;
    } else if (htmlEnd) {
      if (line.toLowerCase().includes(htmlEnd)) htmlEnd = undefined;
    } else {
      if (previousBlank && start > 0 && PIECE_START.test(line)) {
        cuts.push(start);
        tables.push(delimiter && pipe);
        delimiter = pipe = false;
      }
      const open = FENCE.exec(line);
      const raw = RAW_HTML.exec(line);
      if (open) fence = open[1];
      else if (raw) {
        const endMarker = `</${raw[1]!.toLowerCase()}>`;
        if (!line.toLowerCase().includes(endMarker)) htmlEnd = endMarker;
      } else {
        for (const [pattern, endMarker] of HTML_START) {
          const m = pattern.exec(line);
          if (m) {
            if (!line.slice(m[0].length).toLowerCase().includes(endMarker)) htmlEnd = endMarker;
            break;
          }
        }
      }
    }
    if (line.includes('|')) pipe = true;
    if (!delimiter && line.includes('-') && DELIMITER_ROW.test(line)) delimiter = true;
    previousBlank = BLANK.test(line);
    start = next;
  }
  tables.push(delimiter && pipe);
  // the body only: a `---` at its top is a thematic break, never front matter (the engine took that off)
  return { cuts, tables };
}

/** Offsets (line starts) where a document can be cut into pieces of about `pieceLength`. */
export function pieceStarts(text: string, pieceLength = PIECE_LENGTH): number[] {
  const out: number[] = [];
  let last = 0;
  for (const cut of scanCuts(text).cuts) {
    if (cut - last >= pieceLength) {
      out.push(cut);
      last = cut;
    }
  }
  return out;
}

function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function shift(root: Node, offset: number, lines: number): void {
  const stack: Node[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const p = node.position;
    if (p) {
      if (p.start.offset !== undefined) p.start.offset += offset;
      if (p.end.offset !== undefined) p.end.offset += offset;
      p.start.line += lines;
      p.end.line += lines;
    }
    if ('children' in node) stack.push(...(node as Root).children);
  }
}

/** How long a stretch that may hold a table is parsed at most in one piece (the table grammar costs more than linear time). */
export const TABLE_PIECE_LENGTH = 4 * 1024;

/**
 * The pieces a body is parsed in, each with the grammar it needs: a stretch that cannot hold a
 * table is parsed without the table grammar (which costs remark most of its time on a long letter,
 * though a letter's tables are a few lines of it), and a long body in pieces of about `pieceLength`.
 */
export function pieces(text: string, pieceLength = PIECE_LENGTH): { from: number; to: number; tables: boolean }[] {
  const { cuts, tables } = scanCuts(text);
  const bounds = [0, ...cuts, text.length];
  const out: { from: number; to: number; tables: boolean }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const table = tables[i]!;
    const last = out[out.length - 1];
    if (last && last.tables === table && to - last.from <= (table ? Math.min(pieceLength, TABLE_PIECE_LENGTH) : pieceLength)) last.to = to;
    else out.push({ from, to, tables: table });
  }
  return out.length ? out : [{ from: 0, to: text.length, tables: false }];
}

/** The mdast tree of a document's body (`bodyProcessor`'s grammar), parsed in pieces (see `pieces`). */
export function parseMarkdown(text: string, pieceLength = PIECE_LENGTH): Root {
  const parts = pieces(text, pieceLength);
  if (parts.length === 1) return (parts[0]!.tables ? bodyProcessor : proseProcessor).parse(text) as Root;
  const root: Root = { type: 'root', children: [] };
  let line = 0;
  for (let i = 0; i < parts.length; i++) {
    const { from, to, tables } = parts[i]!;
    const piece = (tables ? bodyProcessor : proseProcessor).parse(text.slice(from, to)) as Root;
    if (i > 0) shift(piece, from, line);
    for (const child of piece.children) root.children.push(child);
    line += lineBreaks(text, from, to);
  }
  // where one parse ends the root: at the end of the text
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: { line: line + 1, column: text.length - lastBreak, offset: text.length } };
  return root;
}
