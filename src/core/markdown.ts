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

/** Below this length a document is parsed in one piece. */
export const PIECE_LENGTH = 64 * 1024;

const BLANK = /^[ \t]*$/;
const PIECE_START = /^[\p{L}\p{N}]/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:[ \t>]|$)/i;
const HTML_START: readonly [RegExp, string][] = [
  [/^ {0,3}<!--/, '-->'],
  [/^ {0,3}<\?/, '?>'],
  [/^ {0,3}<![A-Za-z]/, '>'],
  [/^ {0,3}<!\[CDATA\[/, ']]>'],
];

/** Offsets (line starts) where a document can be cut into pieces of about `pieceLength`. */
export function pieceStarts(text: string, pieceLength = PIECE_LENGTH): number[] {
  const cuts: number[] = [];
  let fence: string | undefined;
  let htmlEnd: string | undefined;
  let previousBlank = false;
  let last = 0;
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
      if (previousBlank && start - last >= pieceLength && PIECE_START.test(line)) {
        cuts.push(start);
        last = start;
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
    previousBlank = BLANK.test(line);
    start = next;
  }
  // the body only: a `---` at its top is a thematic break, never front matter (the engine took that off)
  return cuts;
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

/** The mdast tree of a document's body (`bodyProcessor`), parsed in pieces when it is long. */
export function parseMarkdown(text: string, pieceLength = PIECE_LENGTH): Root {
  const cuts = text.length > pieceLength * 1.5 ? pieceStarts(text, pieceLength) : [];
  if (cuts.length === 0) return bodyProcessor.parse(text) as Root;
  const root: Root = { type: 'root', children: [] };
  const bounds = [0, ...cuts, text.length];
  let line = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const piece = bodyProcessor.parse(text.slice(from, to)) as Root;
    if (i > 0) shift(piece, from, line);
    root.children.push(...piece.children);
    line += lineBreaks(text, from, to);
  }
  const end = root.children[root.children.length - 1]?.position?.end;
  root.position = { start: { line: 1, column: 1, offset: 0 }, end: end ?? { line: 1, column: 1, offset: 0 } };
  return root;
}
