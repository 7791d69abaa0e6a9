/** One parse per document version (and case facts), shared by lint, hovers, completion and the status bar. */
import type * as vscode from 'vscode';
import type { CaseFacts } from '../core/cases/case-file.js';
import type { ParsedDocument } from '../core/engine.js';
import { engine } from './core.js';

const cache = new Map<string, { version: number; inherited: CaseFacts | undefined; parsed: ParsedDocument }>();
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

/** The core's parse of the document's current text with the facts it inherits (cached until either changes). */
export function parsed(document: vscode.TextDocument): ParsedDocument {
  const key = document.uri.toString();
  const inherited = inheritedBy.get(key);
  const hit = cache.get(key);
  if (hit && hit.version === document.version && hit.inherited === inherited) return hit.parsed;
  const result = engine().parseDocument(document.getText(), inherited);
  cache.delete(key);
  cache.set(key, { version: document.version, inherited, parsed: result });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

/** Drops a closed document's parse. */
export function forgetParsed(uri: vscode.Uri): void {
  cache.delete(uri.toString());
  inheritedBy.delete(uri.toString());
}
