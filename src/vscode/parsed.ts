/**
 * Parses for the extension host's own needs, one per document version (and case facts). The lint runs
 * in a worker; here, what only needs the front matter (the status bar, completion, the facts a command
 * carries over, disable comments) parses the front matter alone, so a long letter is never parsed
 * whole on the editor's thread for them. Only amount and date hovers need the whole document.
 */
import type * as vscode from 'vscode';
import type { CaseFacts } from '../core/cases/case-file.js';
import type { ParsedDocument } from '../core/engine.js';
import { splitFrontMatter } from '../core/front-matter.js';
import { engine } from './core.js';

type Cache = Map<string, { version: number; inherited: CaseFacts | undefined; parsed: ParsedDocument }>;
const cache: Cache = new Map();
const heads: Cache = new Map();
/** The case facts each document was last linted with: hovers and completion see the same facts. */
const inheritedBy = new Map<string, CaseFacts | undefined>();
const MAX_ENTRIES = 20;

/** Records the case facts a document inherits (the linter finds them); later parses use them. */
export function setInherited(uri: vscode.Uri, inherited: CaseFacts | undefined): void {
  inheritedBy.set(uri.toString(), inherited);
}

/** The case facts a document was last seen to inherit. */
export function inheritedOf(uri: vscode.Uri): CaseFacts | undefined {
  return inheritedBy.get(uri.toString());
}

/** The core's parse of the document's whole current text with the facts it inherits (cached until either changes). */
export function parsed(document: vscode.TextDocument): ParsedDocument {
  return cached(cache, document, () => document.getText());
}

/**
 * The core's parse of the document's front matter alone (facts, data, key positions; no body), with the
 * facts it inherits. Offsets are the document's: the front matter is where the text starts.
 */
export function parsedHead(document: vscode.TextDocument): ParsedDocument {
  return cached(heads, document, () => {
    const text = document.getText();
    const block = splitFrontMatter(text);
    return block ? text.slice(0, block.bodyStart) : '';
  });
}

function cached(store: Cache, document: vscode.TextDocument, source: () => string): ParsedDocument {
  const key = document.uri.toString();
  const inherited = inheritedBy.get(key);
  const hit = store.get(key);
  if (hit && hit.version === document.version && hit.inherited === inherited) return hit.parsed;
  const result = engine().parseDocument(source(), inherited);
  store.delete(key);
  store.set(key, { version: document.version, inherited, parsed: result });
  if (store.size > MAX_ENTRIES) {
    const oldest = store.keys().next().value;
    if (oldest !== undefined) store.delete(oldest);
  }
  return result;
}

/** Drops a closed document's parse. */
export function forgetParsed(uri: vscode.Uri): void {
  cache.delete(uri.toString());
  heads.delete(uri.toString());
  inheritedBy.delete(uri.toString());
}
