/**
 * What a reviewer approved, as a digest: the letter's body and the facts it uses (its own front
 * matter and what it inherits from its case files), canonicalised so that reformatting that changes
 * no word (line endings, trailing spaces, blank lines, a byte-order mark, Unicode normal forms) keeps
 * the digest, and any change of a word, a figure or a fact changes it. Also a short digest per
 * paragraph and per fact, so a broken approval can point at what changed.
 *
 * SHA-256 comes from `@noble/hashes`: the approval rule runs inside `lint()`, which is synchronous and
 * runs in Node, in worker threads and in the browser's web worker; Web Crypto's `subtle.digest` is
 * asynchronous only and `node:crypto` is not in a browser.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The name of the approval record in the front matter. */
export const APPROVAL_KEY = 'approval';

/**
 * Facts that record what happened in a case, not what a letter states: they never enter the
 * digest, so recording a payment, a call or the date a letter was sent does not break its approval
 * (a payment that changes the amount owed changes `amount`, which does).
 */
export const CASE_HISTORY_KEYS: readonly string[] = [APPROVAL_KEY, 'events', 'payments', 'closed', 'sent', 'disputes', 'notes'];

/** The label of the digest scheme: a change of canonical form gets a new label, never a silent change. */
const SCHEME = 'dunmark-approval/1';

/** How many hex digits a paragraph's or a fact's short digest keeps (it locates a change; the full digest proves it). */
const SHORT = 8;

/** A paragraph of the body (lines between blank lines): where it is, and its canonical text. */
export interface Paragraph {
  start: number;
  end: number;
  /** Trailing white space of each line removed, lines joined with `\n`, NFC. */
  text: string;
}

/** The digest of a letter and the short digests that locate a change. */
export interface ApprovalDigest {
  /** `sha256:` and 64 hex digits. */
  digest: string;
  /** One short digest per paragraph of the body, in order. */
  paragraphs: { hash: string; start: number; end: number }[];
  /** One short digest per top-level fact the letter uses, by key. */
  facts: Record<string, string>;
}

function hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The paragraphs of `text` from `from` on: runs of lines that are not blank, each canonicalised. */
export function bodyParagraphs(text: string, from: number): Paragraph[] {
  const out: Paragraph[] = [];
  let lines: string[] = [];
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (lines.length) out.push({ start, end, text: lines.join('\n').normalize('NFC') });
    lines = [];
    start = -1;
  };
  let i = from;
  while (i <= text.length) {
    let j = i;
    while (j < text.length && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    const line = text.slice(i, j).trimEnd(); // trailing white space (a stray U+FEFF too) carries no word
    if (line === '') flush();
    else {
      if (start < 0) start = i + (text.slice(i, j).length - text.slice(i, j).trimStart().length);
      end = i + line.length;
      lines.push(line);
    }
    if (j >= text.length) break;
    i = text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
  }
  flush();
  return out;
}

/** JSON with sorted keys and strings in NFC: the same facts always give the same text, however the YAML was written. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : JSON.stringify(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(String(value));
}

/** The facts a letter uses: all of them but the case history and the approval record. */
export function approvedFacts(data: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data ?? {})) if (!CASE_HISTORY_KEYS.includes(key) && value !== undefined) out[key] = value;
  return out;
}

/**
 * The digest of a letter: `text` (the whole document), where its body starts, and its facts as
 * merged (inherited and own; history and the approval record are left out here).
 */
export function approvalDigest(text: string, bodyStart: number, data: Record<string, unknown> | undefined): ApprovalDigest {
  const paragraphs = bodyParagraphs(text, bodyStart);
  const facts = approvedFacts(data);
  const factsJson = canonicalJson(facts);
  const body = paragraphs.map((p) => p.text).join('\n\n');
  const digest = `sha256:${hex(`${SCHEME}\nfacts:${factsJson}\nbody:\n${body}`)}`;
  const short: Record<string, string> = {};
  for (const key of Object.keys(facts).sort()) short[key] = hex(`${key}\u0000${canonicalJson(facts[key])}`).slice(0, SHORT);
  return { digest, paragraphs: paragraphs.map((p) => ({ hash: hex(p.text).slice(0, SHORT), start: p.start, end: p.end })), facts: short };
}
