/**
 * The case file: `case.yaml` in a folder holds the facts of one debtor's case, and every document in
 * that folder (and below) inherits them; a document's own front matter adds or overrides. This is the
 * one merge: `lint(text, { facts })`, the CLI, the editor, rendering, `dunmark cases` and the export
 * all call `caseFacts` and `mergeFacts`. Pure: the caller reads the files (discovery: config/resolve.ts).
 */
import { mergeFacts } from '../facts/merge.js';
import type { FrontMatterError, KeyLocation } from '../front-matter.js';
import { parseFrontMatter } from '../front-matter-yaml.js';
import { LineIndex } from '../positions.js';

export { CASE_FILE_NAMES } from '../config/names.js';

/** A case file as the caller read it: its name (a path or URI, as findings should name it) and text. */
export interface CaseFileSource {
  name: string;
  text: string;
}

/** A case file read once: its facts, its YAML problems, where each key sits, and its lines. */
export interface CaseFile extends CaseFileSource {
  data: Record<string, unknown>;
  errors: FrontMatterError[];
  keys: Map<string, KeyLocation>;
  lines: LineIndex;
}

/** Marks the facts `caseFacts` builds, so `lint()` can tell them from a plain facts object. */
const CASE_FACTS = 'dunmark.caseFacts';

/**
 * The facts a document inherits: the case files from the outermost folder in, merged (a deeper file
 * overrides), with the file each fact was last written in. Plain data: it crosses worker threads.
 */
export interface CaseFacts {
  readonly brand: typeof CASE_FACTS;
  /** The merged facts of every case file (not yet the document's own). */
  readonly data: Record<string, unknown>;
  /** The case files, outermost first. */
  readonly files: readonly CaseFile[];
}

/** Parses one case file (YAML, no fences); never throws. A file that is not a mapping is one error. */
export function parseCaseFile(source: CaseFileSource): CaseFile {
  const text = source.text;
  const fm = parseFrontMatter(text, { span: { start: 0, end: 0 }, content: { start: 0, end: text.length }, bodyStart: text.length });
  const errors = [...fm.errors];
  let data: Record<string, unknown> = {};
  if (errors.length === 0 && fm.data !== undefined && fm.data !== null) {
    if (typeof fm.data === 'object' && !Array.isArray(fm.data)) data = fm.data as Record<string, unknown>;
    else
      errors.push({
        message: 'a case file that is not a mapping of facts, expected `key: value` lines',
        span: { start: 0, end: Math.min(text.length, text.indexOf('\n') >>> 0) },
      });
  }
  return { name: source.name, text, data, errors, keys: fm.keys, lines: new LineIndex(text) };
}

/** Reads and merges case files given outermost first (a file may be given parsed already). */
export function caseFacts(files: readonly (CaseFileSource | CaseFile)[]): CaseFacts {
  const parsed = files.map((f) => ('keys' in f && f.keys instanceof Map ? (f as CaseFile) : parseCaseFile(f)));
  let data: Record<string, unknown> = {};
  for (const file of parsed) data = mergeFacts(data, file.data);
  return { brand: CASE_FACTS, data, files: parsed };
}

/** True for the facts `caseFacts` built (as opposed to a plain facts object a caller passes to `lint`). */
export function isCaseFacts(value: unknown): value is CaseFacts {
  return typeof value === 'object' && value !== null && (value as { brand?: unknown }).brand === CASE_FACTS && Array.isArray((value as CaseFacts).files);
}

/** Inherited facts from either form `lint()` accepts: case facts, or a plain object (no positions). */
export function asCaseFacts(value: CaseFacts | Record<string, unknown> | undefined): CaseFacts | undefined {
  if (value === undefined || value === null) return undefined;
  if (isCaseFacts(value)) return value;
  return { brand: CASE_FACTS, data: value, files: [] };
}

/**
 * Where an inherited fact was written: the deepest case file that has the key (the one that won the
 * merge) and its location there; undefined when no case file has it.
 */
export function caseKey(facts: CaseFacts, path: string): { file: number; location: KeyLocation } | undefined {
  for (let i = facts.files.length - 1; i >= 0; i--) {
    const location = facts.files[i]!.keys.get(path);
    if (location) return { file: i, location };
  }
  return undefined;
}

/** A document's facts: what it inherits, overridden by its own front matter. */
export function documentFacts(inherited: CaseFacts | undefined, own: Record<string, unknown> | undefined): Record<string, unknown> {
  return inherited ? mergeFacts(inherited.data, own) : (own ?? {});
}

/**
 * A `caseFacts` that remembers its last answer: the many documents of one case, linted in a row
 * (a worker's queue), merge their case files once. Empty `files`: undefined (no case).
 */
export function rememberingCaseFacts(): (files: readonly CaseFileSource[]) => CaseFacts | undefined {
  let last: { key: string; facts: CaseFacts } | undefined;
  return (files) => {
    if (files.length === 0) return undefined;
    const key = files.map((f) => `${f.name}\u0000${f.text}`).join('\u0001');
    if (last?.key !== key) last = { key, facts: caseFacts(files) };
    return last.facts;
  };
}
