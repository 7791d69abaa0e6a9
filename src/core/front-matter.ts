/**
 * The one front-matter splitter: where the `---` fences are (CR, LF and CRLF alike). The engine,
 * the templates and the editor all split front matter here; front-matter-yaml.ts reads the YAML.
 * Light (no YAML parser), so the editor may load it at activation.
 */
import type { Span } from './types.js';

/** Where a front-matter key and its value sit in the document. */
export interface KeyLocation {
  key: Span;
  value: Span;
}

/** A YAML problem, located in the document. */
export interface FrontMatterError {
  message: string;
  span: Span;
}

/** Where the front matter sits: the whole block, fences included, and the YAML between the fences. */
export interface FrontMatterBlock {
  /** From the opening `---` to the end of the closing `---` line (its line break excluded). */
  span: Span;
  /** The YAML between the fences, the last line break included. */
  content: Span;
  /** Where the body starts: the line after the closing fence (the end of the text when there is none). */
  bodyStart: number;
}

/** The YAML front matter of a document, parsed, with the position of every key. */
export interface FrontMatter extends FrontMatterBlock {
  /** The parsed value (`undefined` when the YAML is empty or broken). */
  data: unknown;
  errors: FrontMatterError[];
  /** Dotted key paths (`debtor.name`, `invoices.0.amount`) → locations in the document. */
  keys: Map<string, KeyLocation>;
}

function isSpaceOrTab(c: number): boolean {
  return c === 32 || c === 9;
}

/** The offset after the line break at `i` (CRLF, CR or LF), or -1 when `i` is not a line break. */
function afterLineBreak(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return i + 1;
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  return -1;
}

/** The end of a `---` fence line that starts at `i` (spaces and tabs after it allowed), or -1. */
function fenceEnd(text: string, i: number): number {
  if (!text.startsWith('---', i)) return -1;
  let j = i + 3;
  while (isSpaceOrTab(text.charCodeAt(j))) j++;
  return j === text.length || afterLineBreak(text, j) !== -1 ? j : -1;
}

/**
 * Finds the YAML front matter at the top of a document, as CommonMark front matter reads it: a
 * `---` line first (after a byte-order mark), a closing `---` line later; any line ending. Linear.
 */
export function splitFrontMatter(text: string): FrontMatterBlock | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = fenceEnd(text, start);
  if (open === -1 || open === text.length) return undefined;
  const contentStart = afterLineBreak(text, open);
  for (let line = contentStart; line < text.length;) {
    const close = fenceEnd(text, line);
    if (close !== -1) {
      const next = afterLineBreak(text, close);
      return { span: { start, end: close }, content: { start: contentStart, end: line }, bodyStart: next === -1 ? text.length : next };
    }
    let i = line;
    while (i < text.length && afterLineBreak(text, i) === -1) i++;
    if (i === text.length) return undefined;
    line = afterLineBreak(text, i);
  }
  return undefined;
}

/**
 * The body of a document without its front matter and the blank lines after it: what a clause
 * inserted into a letter is made of.
 */
export function stripFrontMatter(text: string): string {
  const block = splitFrontMatter(text);
  const body = block ? text.slice(block.bodyStart) : text.replace(/^\uFEFF/, '');
  return body.replace(/^(?:[ \t]*(?:\r\n|\r|\n))+/, '');
}
