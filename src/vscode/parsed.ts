/** One parse per document version, shared by hovers, completion and the status bar. */
import type * as vscode from 'vscode';
import type { ParsedDocument } from '../core/engine.js';
import { engine } from './core.js';

const cache = new Map<string, { version: number; parsed: ParsedDocument }>();
const MAX_ENTRIES = 20;

/** The core's parse of the document's current text (cached until the document changes). */
export function parsed(document: vscode.TextDocument): ParsedDocument {
  const key = document.uri.toString();
  const hit = cache.get(key);
  if (hit && hit.version === document.version) return hit.parsed;
  const result = engine().parseDocument(document.getText());
  cache.delete(key);
  cache.set(key, { version: document.version, parsed: result });
  if (cache.size > MAX_ENTRIES) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

/** Drops a closed document's parse. */
export function forgetParsed(uri: vscode.Uri): void {
  cache.delete(uri.toString());
}
