/**
 * Sent documents. A document marked `sent: DATE` went to the debtor as it was, so later facts never
 * judge it again: Export and Mark as Sent write the date it went; Record Payment and Record Call mark
 * the documents before them, and a document whose facts the recording would change (a payment dated
 * on or before it, recorded after it was written) keeps what it inherited as its own ("frozen").
 * The front matter is edited as YAML: comments and the rest of the document stay. Pure.
 */
import { isMap, parseDocument } from 'yaml';
import { splitFrontMatter } from '../front-matter.js';
import { parseFrontMatter } from '../front-matter-yaml.js';
import { asOfDate, frozenFacts, SENT_KINDS } from './as-of.js';
import type { CaseEdit } from './edit.js';

/** A document of a case as the caller read it: its name (as the caller will write it back) and text. */
export interface DocumentSource {
  name: string;
  text: string;
}

/** A document's own front matter as a mapping; undefined when it has none or it cannot be read. */
export function ownFrontMatter(text: string): Record<string, unknown> | undefined {
  const block = splitFrontMatter(text);
  if (!block) return undefined;
  const fm = parseFrontMatter(text, block);
  if (fm.errors.length) return undefined;
  const d = fm.data;
  return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : d === undefined || d === null ? {} : undefined;
}

/** True for a document that goes to the debtor (a letter, a call summary, a plan, an acknowledgement, a confirmation). */
export function isSendable(own: Record<string, unknown> | undefined): boolean {
  return typeof own?.kind === 'string' && (SENT_KINDS as readonly string[]).includes(own.kind);
}

/**
 * Sets keys of a document's front matter (a document without one gets one); `sent` is kept when
 * the document already has it. The document's line breaks are kept.
 */
export function setFrontMatter(text: string, values: Record<string, unknown>): CaseEdit {
  const block = splitFrontMatter(text);
  const crlf = text.includes('\r\n');
  const yaml = block ? text.slice(block.content.start, block.content.end) : '';
  const doc = parseDocument(yaml);
  if (doc.errors.length) return { ok: false, reason: doc.errors[0]!.message.split('\n')[0]! };
  if (doc.contents !== null && !isMap(doc.contents)) return { ok: false, reason: 'the front matter is not a mapping of facts' };
  for (const [key, value] of Object.entries(values)) {
    if (key === 'sent' && doc.has('sent')) continue;
    doc.set(key, doc.createNode(value));
  }
  let out = doc.toString({ lineWidth: 0 });
  if (crlf) out = out.replace(/\r?\n/g, '\r\n');
  if (!block) return { ok: true, text: `---${crlf ? '\r\n' : '\n'}${out}---${crlf ? '\r\n\r\n' : '\n\n'}${text}` };
  return { ok: true, text: text.slice(0, block.content.start) + out + text.slice(block.content.end) };
}

/** Marks a document as sent on `date` (a document already marked keeps its date). */
export function markSent(text: string, date: string): CaseEdit {
  return setFrontMatter(text, { sent: date });
}

/**
 * The documents a recording in the case file (a payment, a call) marks: every document that goes to
 * the debtor dated on or before `today` is marked sent (on its own date, when it went, unless it says
 * otherwise); and one whose inherited facts the recording changes keeps them as its own. `before`
 * and `after`: the merged case facts without and with the recording. Only changed documents are
 * returned, with their new text.
 */
export function markBefore(
  documents: readonly DocumentSource[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  today: string,
): DocumentSource[] {
  const out: DocumentSource[] = [];
  for (const document of documents) {
    const own = ownFrontMatter(document.text);
    if (!own || !isSendable(own)) continue;
    const date = asOfDate(own);
    if (!date || date > today) continue;
    const values: Record<string, unknown> = { ...frozenFacts(own, before, after) };
    if (own.sent === undefined) values.sent = date;
    if (Object.keys(values).length === 0) continue;
    const edit = setFrontMatter(document.text, values);
    if (edit.ok && edit.text !== document.text) out.push({ name: document.name, text: edit.text });
  }
  return out;
}
