/**
 * A reviewer's approval of a letter: who, when, and the digest of what they read, kept in the
 * letter's own front matter under `approval:`. It is a record of review, not a signature: anyone who
 * can edit the file can write one, and the digest is always recomputed from the file, never trusted
 * from the record. Which letters need one is configurable (the `approval` rule's options). Pure: the
 * CLI and the editor read and write the file; the rule, the export and `dunmark approve --check` all
 * ask `approvalState`.
 */
import { stringify } from 'yaml';
import type { ParsedDocument } from '../document.js';
import { splitFrontMatter } from '../front-matter.js';
import type { TextEdit } from '../types.js';
import { typeFacts } from '../facts/facts.js';
import { APPROVAL_KEY, approvalDigest, approvedFacts, bodyParagraphs, type ApprovalDigest } from './digest.js';

export { APPROVAL_KEY, CASE_HISTORY_KEYS, approvalDigest, canonicalJson } from './digest.js';
export type { ApprovalDigest } from './digest.js';

/** Which letters need a reviewer's approval before they are sent: the `approval` rule's options. */
export interface ApprovalOptions {
  /** Dunning stages that always need one (default: `letter-before-action`). */
  stages?: string[];
  /** A letter whose facts name counsel (a lawyer or law firm acting) needs one (default: true). */
  counsel?: boolean;
  /** A letter that claims charges (interest, fees, costs) needs one (default: true). */
  charges?: boolean;
  /** Every document that goes to the debtor needs one (default: false). */
  always?: boolean;
}

/** The defaults of `ApprovalOptions`. */
export const DEFAULT_APPROVAL_OPTIONS: Required<ApprovalOptions> = { stages: ['letter-before-action'], counsel: true, charges: true, always: false };

/** Document kinds that go to the debtor (the others stay in the house or go to a client). */
export const OUTGOING_KINDS: readonly string[] = ['dunning-letter', 'call-summary', 'repayment-plan', 'acknowledgement', 'settlement-confirmation'];

/** Why a letter needs an approval: the fact that makes it need one. */
export type ApprovalReason = { why: 'stage'; stage: string } | { why: 'counsel' } | { why: 'charges' } | { why: 'always' };

/** An approval as the letter records it. */
export interface ApprovalRecord {
  by: string;
  /** ISO 8601 date and time, with its offset, as written. */
  at: string;
  digest: string;
  /** Short digests of the paragraphs approved, in order (absent in a record written by hand). */
  paragraphs?: string[];
  /** Short digests of the facts approved, by key. */
  facts?: Record<string, string>;
}

/** What changed since an approval, as far as the short digests tell. */
export interface ApprovalChange {
  /** The first paragraph that differs (an added, removed or edited one), or the end of the body when paragraphs were removed at the end. */
  paragraph?: { index: number; start: number; end: number };
  /** The first fact (top-level key) whose value differs, was added or was removed. */
  fact?: { key: string; removed: boolean };
}

/** The state of a letter's approval. */
export type ApprovalState =
  | { status: 'not-required'; reasons: [] }
  | { status: 'waiting'; reasons: ApprovalReason[] }
  | { status: 'approved'; reasons: ApprovalReason[]; record: ApprovalRecord }
  | { status: 'changed'; reasons: ApprovalReason[]; record: ApprovalRecord; change: ApprovalChange }
  | { status: 'invalid'; reasons: ApprovalReason[]; problem: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The options as configured, with the defaults for what is not. */
export function approvalOptions(options: Readonly<Record<string, unknown>> | undefined): Required<ApprovalOptions> {
  const o = options ?? {};
  return {
    stages: Array.isArray(o.stages) ? o.stages.filter((s): s is string => typeof s === 'string') : DEFAULT_APPROVAL_OPTIONS.stages,
    counsel: typeof o.counsel === 'boolean' ? o.counsel : DEFAULT_APPROVAL_OPTIONS.counsel,
    charges: typeof o.charges === 'boolean' ? o.charges : DEFAULT_APPROVAL_OPTIONS.charges,
    always: typeof o.always === 'boolean' ? o.always : DEFAULT_APPROVAL_OPTIONS.always,
  };
}

/** Why the document needs an approval under `options` (none: it does not). */
export function approvalReasons(facts: ParsedDocument['facts'], options: Required<ApprovalOptions>): ApprovalReason[] {
  if (typeof facts.kind !== 'string' || !OUTGOING_KINDS.includes(facts.kind)) return [];
  const reasons: ApprovalReason[] = [];
  if (facts.kind === 'dunning-letter' && typeof facts.stage === 'string' && options.stages.includes(facts.stage))
    reasons.push({ why: 'stage', stage: facts.stage });
  const counsel = facts.counsel;
  if (options.counsel && counsel && (counsel.name || counsel.firm)) reasons.push({ why: 'counsel' });
  if (options.charges && Array.isArray(facts.charges) && facts.charges.length > 0) reasons.push({ why: 'charges' });
  if (options.always && reasons.length === 0) reasons.push({ why: 'always' });
  return reasons;
}

/** Reads an approval record (the value of `approval:`); a string says what is wrong with it. */
export function readApproval(r: unknown): ApprovalRecord | string | undefined {
  if (r === undefined) return undefined;
  if (!isRecord(r)) return 'an approval that is not a mapping of `by`, `at` and `digest`';
  const by = typeof r.by === 'string' ? r.by.trim() : '';
  const at = typeof r.at === 'string' ? r.at.trim() : r.at instanceof Date ? r.at.toISOString() : '';
  const digest = typeof r.digest === 'string' ? r.digest.trim() : '';
  if (!by) return 'an approval without the name of who approved it (`by`)';
  if (!/^\d{4}-\d{2}-\d{2}/.test(at)) return 'an approval without the date it was given (`at`)';
  if (!/^sha256:[0-9a-f]{64}$/.test(digest)) return 'an approval without the digest of what was approved (`digest`)';
  const record: ApprovalRecord = { by, at, digest };
  if (typeof r.paragraphs === 'string') record.paragraphs = r.paragraphs.split(/\s+/).filter(Boolean);
  if (isRecord(r.facts)) record.facts = Object.fromEntries(Object.entries(r.facts).map(([k, v]) => [k, String(v)]));
  return record;
}

/** The first paragraph and the first fact that differ between an approval and the letter now. */
export function approvalChange(record: ApprovalRecord, now: ApprovalDigest, bodyEnd: number): ApprovalChange {
  const change: ApprovalChange = {};
  if (record.paragraphs) {
    const then = record.paragraphs;
    const n = Math.max(then.length, now.paragraphs.length);
    for (let i = 0; i < n; i++) {
      if (then[i] === now.paragraphs[i]?.hash) continue;
      const p = now.paragraphs[i];
      change.paragraph = p ? { index: i, start: p.start, end: p.end } : { index: i, start: bodyEnd, end: bodyEnd };
      break;
    }
  }
  if (record.facts) {
    const keys = [...new Set([...Object.keys(record.facts), ...Object.keys(now.facts)])].sort();
    for (const key of keys) {
      if (record.facts[key] === now.facts[key]) continue;
      change.fact = { key, removed: now.facts[key] === undefined };
      break;
    }
  }
  return change;
}

/** What the approval of a document is read from: the rule's context and a parsed document both give it. */
export interface ApprovalInput {
  text: string;
  body: { start: number };
  /** The facts as merged (inherited and own), raw. */
  data: Record<string, unknown> | undefined;
  facts: ParsedDocument['facts'];
  /** The document's own `approval:` value (never one a case file holds). */
  record: unknown;
}

/** The approval input of a parsed document. */
export function approvalInput(doc: ParsedDocument): ApprovalInput {
  return { text: doc.text, body: doc.body, data: doc.data, facts: doc.facts, record: doc.ownData?.[APPROVAL_KEY] };
}

/** The state of a document's approval under the `approval` rule's options. */
export function approvalState(input: ParsedDocument | ApprovalInput, options?: Readonly<Record<string, unknown>>): ApprovalState {
  const doc = 'record' in input ? input : approvalInput(input);
  const reasons = approvalReasons(doc.facts, approvalOptions(options));
  const record = readApproval(doc.record);
  if (typeof record === 'string') return { status: 'invalid', reasons, problem: record };
  if (record) {
    // the digest only when there is a record to check: a portfolio of letters without one hashes nothing
    const digest = approvalDigest(doc.text, doc.body.start, doc.data);
    if (record.digest === digest.digest) return { status: 'approved', reasons, record };
    return { status: 'changed', reasons, record, change: approvalChange(record, digest, doc.text.length) };
  }
  if (reasons.length === 0) return { status: 'not-required', reasons: [] };
  return { status: 'waiting', reasons };
}

/** The date part of an approval's time (`2026-11-20`), as written. */
export function approvalDate(record: ApprovalRecord): string {
  return record.at.slice(0, 10);
}

/** A time as ISO 8601 in the local offset of `date` (`2026-11-20T14:03:12-05:00`): what a person reads. */
export function localTimestamp(date: Date): string {
  const pad = (n: number): string => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const zone = offset === 0 ? 'Z' : `${offset > 0 ? '+' : '-'}${pad(offset / 60)}:${pad(offset % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`;
}

/** The record of an approval given now, by `by`, of the document as parsed. */
export function newApproval(doc: ParsedDocument, by: string, at: string): ApprovalRecord {
  const digest = approvalDigest(doc.text, doc.body.start, doc.data);
  return { by: by.trim(), at, digest: digest.digest, paragraphs: digest.paragraphs.map((p) => p.hash), facts: digest.facts };
}

/** The YAML lines of a record (`approval:` and its keys), with `eol` line breaks. */
function recordYaml(record: ApprovalRecord, eol: string): string {
  const yaml = stringify(
    {
      [APPROVAL_KEY]: {
        by: record.by,
        at: record.at,
        digest: record.digest,
        ...(record.paragraphs ? { paragraphs: record.paragraphs.join(' ') } : {}),
        ...(record.facts ? { facts: record.facts } : {}),
      },
    },
    { lineWidth: 0, collectionStyle: 'block', defaultStringType: 'PLAIN' },
  );
  // the short digests of the facts on one line: they are for the tool, not for reading
  const facts = record.facts ? Object.entries(record.facts) : [];
  const lines = yaml.replace(/\n$/, '').split('\n');
  const at = lines.findIndex((l) => /^ {2}facts:/.test(l));
  if (at >= 0 && facts.length) {
    const flow = stringify(record.facts, { lineWidth: 0, collectionStyle: 'flow' }).trim();
    lines.splice(at, facts.length + 1, `  facts: ${flow}`);
  } else if (at >= 0) lines.splice(at, 1, '  facts: {}');
  return lines.join(eol) + eol;
}

/**
 * The edit that writes `record` into the document: it replaces an `approval:` block of the front
 * matter, or adds one at its end, or gives the document a front matter. The rest is left as it is.
 */
export function approvalEdit(doc: ParsedDocument, record: ApprovalRecord): TextEdit | undefined {
  const { text } = doc;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const yaml = recordYaml(record, eol);
  const block = splitFrontMatter(text);
  if (!block) {
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    return { start: bom, end: bom, text: `---${eol}${yaml}---${eol}${eol}` };
  }
  if (doc.frontMatter?.errors.length) return undefined;
  const location = doc.frontMatter?.keys.get(APPROVAL_KEY);
  if (!location) {
    const end = block.content.end;
    const needsBreak = end > block.content.start && !/[\r\n]$/.test(text.slice(block.content.start, end));
    return { start: end, end, text: (needsBreak ? eol : '') + yaml };
  }
  // from the start of the key's line to the end of its value's last line (with its line break)
  const start = text.lastIndexOf('\n', location.key.start - 1) + 1;
  let end = location.value.end;
  while (end < block.content.end && text[end] !== '\n' && text[end] !== '\r') end++;
  if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
  else if (end < block.content.end) end += 1;
  // the YAML parser ends a block mapping's value after its last line break already
  if (end > block.content.end) end = block.content.end;
  return { start, end, text: yaml };
}

/** The paragraphs of a document's body, as the digest reads them (for tests and for pointing at one). */
export function documentParagraphs(doc: ParsedDocument): { start: number; end: number }[] {
  return bodyParagraphs(doc.text, doc.body.start).map((p) => ({ start: p.start, end: p.end }));
}

/** The facts the digest covers (without the case history and the approval record). */
export function approvalFacts(doc: ParsedDocument): Record<string, unknown> {
  return approvedFacts(doc.data);
}

/** The state of an approval in a few words (`approved by Dana Whitfield on 2026-11-20`), for lists and the status bar. */
export function describeApproval(state: ApprovalState, lang: 'en' | 'zh' = 'en'): string {
  switch (state.status) {
    case 'approved':
      return lang === 'zh'
        ? `已由 ${state.record.by} 于 ${approvalDate(state.record)} 批准`
        : `approved by ${state.record.by} on ${approvalDate(state.record)}`;
    case 'changed':
      return lang === 'zh'
        ? `经 ${state.record.by} 于 ${approvalDate(state.record)} 批准后有改动`
        : `changed since approved by ${state.record.by} on ${approvalDate(state.record)}`;
    case 'waiting':
      return lang === 'zh' ? '待批准' : 'waiting for approval';
    case 'invalid':
      return lang === 'zh' ? '批准记录无法读取' : 'approval record unreadable';
    case 'not-required':
      return lang === 'zh' ? '无需批准' : 'no approval needed';
  }
}

/** True when the letter may go out as far as its approval goes: approved, or not needing one. */
export function approvalClears(state: ApprovalState): boolean {
  return state.status === 'approved' || state.status === 'not-required';
}

/**
 * The approval state of a document from its text and its facts as already read (its own front
 * matter and the merge with its case): what the portfolio asks of every document without parsing
 * its Markdown.
 */
export function approvalOfText(
  text: string,
  own: Record<string, unknown> | undefined,
  merged: Record<string, unknown>,
  options?: Readonly<Record<string, unknown>>,
): ApprovalState {
  const block = splitFrontMatter(text);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return approvalState(
    { text, body: { start: block ? block.span.end : bom }, data: merged, facts: typeFacts(merged).facts, record: own?.[APPROVAL_KEY] },
    options,
  );
}
