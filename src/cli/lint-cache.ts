// `dunmark lint --cache`: like ESLint's, a file of results keyed by what decides them — the file's
// size and modification time (a stat, no read), else its content hash — together with the config,
// the case files it inherits and the Dunmark version. A second run over an unchanged folder reads
// no letter again and lints none. The cache is only a shortcut: a missing, broken or foreign cache
// file is ignored and rewritten; it is written atomically, never half.
import fs from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { CaseFileSource } from '../core/cases/case-file.js';
import type { DunmarkConfig, Finding } from '../core/types.js';
import { contentHash } from './file-io.js';
import { VERSION } from './package-info.js';

/** The default cache file, in the working folder (like `.eslintcache`). */
export const DEFAULT_CACHE_FILE = '.dunmarkcache';

const FORMAT = 2;

interface Entry {
  size: number;
  mtimeMs: number;
  /** Hash of the file's content. */
  content: string;
  /** Hash of what else decides the findings: config, case files, --fix. */
  context: string;
  findings: Finding[];
}

interface CacheFile {
  format: number;
  version: string;
  entries: Record<string, Entry>;
}

/** A hash of a text: of a letter, the same as `contentHash` of its file's bytes. */
export const hashText = (text: string): string => contentHash(text);

/** What else decides a file's findings: its config and case files (the Dunmark version is the cache's own). */
export function contextKey(config: DunmarkConfig, caseFiles: readonly CaseFileSource[]): string {
  return hashText(JSON.stringify([config, caseFiles.map((f) => [f.name, f.text])]));
}

/** The results of earlier runs, read once; `save` writes what this run found. */
export class LintCache {
  private readonly entries: Record<string, Entry>;
  private readonly next: Record<string, Entry> = {};

  private constructor(
    readonly file: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = entries;
  }

  /** Reads the cache file; an unreadable or foreign one counts as empty. */
  static open(file: string): LintCache {
    try {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
      if (data && data.format === FORMAT && data.version === VERSION && data.entries && typeof data.entries === 'object')
        return new LintCache(file, data.entries);
    } catch {
      // no cache yet, or not ours: start afresh
    }
    return new LintCache(file, {});
  }

  /** The findings of an unchanged file, by its stat alone; undefined when it must be read. */
  byStat(file: string, stat: { size: number; mtimeMs: number }, context: string): Finding[] | undefined {
    const hit = this.entries[file];
    if (!hit || hit.context !== context || hit.size !== stat.size || hit.mtimeMs !== stat.mtimeMs) return undefined;
    this.next[file] = hit;
    return hit.findings;
  }

  /** The findings of a file whose content is unchanged (touched, copied back); undefined on a miss. */
  byContent(file: string, stat: { size: number; mtimeMs: number }, content: string, context: string): Finding[] | undefined {
    const hit = this.entries[file];
    if (!hit || hit.context !== context || hit.content !== content) return undefined;
    this.next[file] = { ...hit, size: stat.size, mtimeMs: stat.mtimeMs };
    return hit.findings;
  }

  /** Records a file's findings. */
  set(file: string, stat: { size: number; mtimeMs: number }, content: string, context: string, findings: Finding[]): void {
    this.next[file] = { size: stat.size, mtimeMs: stat.mtimeMs, content, context, findings };
  }

  /** Writes this run's entries (files not linted this run are kept); a failure is a reason, never thrown. */
  save(): string | undefined {
    const data: CacheFile = { format: FORMAT, version: VERSION, entries: { ...this.entries, ...this.next } };
    try {
      writeFileAtomic.sync(this.file, JSON.stringify(data), { encoding: 'utf8' });
      return undefined;
    } catch (error) {
      return `cannot write the cache (${(error as NodeJS.ErrnoException).code ?? String((error as Error).message)})`;
    }
  }
}
