// Finds and reads `.dunmarkrc.json` for a linted file: the nearest one upward from its folder
// (cached per folder), or the one given with --config.
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME, parseConfig } from '../core/config.js';
import type { DunmarkConfig } from '../core/types.js';

/** A config that cannot be used: where, and why. */
export class ConfigFileError extends Error {
  constructor(readonly file: string, readonly line: number | undefined, readonly column: number | undefined, readonly reason: string) {
    super(reason);
  }

  /** The one line printed on stderr: `<file>:<line>:<col>: <reason>`. */
  location(): string {
    return this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
  }
}

/** Reads and validates one config file; throws `ConfigFileError` when it cannot be used. */
export function readConfigFile(file: string, shownAs: string): DunmarkConfig {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigFileError(shownAs, undefined, undefined, code === 'ENOENT' ? 'no such config file' : `cannot read config file (${code ?? 'unknown error'})`);
  }
  const result = parseConfig(text, shownAs);
  if (!result.ok) throw new ConfigFileError(shownAs, result.error.line, result.error.column, result.error.message);
  return result.config;
}

/** Resolves the config of each linted file, reading each config file once. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, { file: string; config: DunmarkConfig } | null>();
  private readonly byFile = new Map<string, DunmarkConfig>();

  constructor(private readonly show: (file: string) => string) {}

  /** The config that applies to `file` (empty when none is found upward). */
  configFor(file: string): DunmarkConfig {
    return this.nearest(path.dirname(path.resolve(file)))?.config ?? {};
  }

  /** The config file that applies to `file`, if any. */
  configFileFor(file: string): string | undefined {
    return this.nearest(path.dirname(path.resolve(file)))?.file;
  }

  private nearest(folder: string): { file: string; config: DunmarkConfig } | null {
    const cached = this.byFolder.get(folder);
    if (cached !== undefined) return cached;
    const candidate = path.join(folder, CONFIG_FILE_NAME);
    let found: { file: string; config: DunmarkConfig } | null;
    if (isFile(candidate)) {
      let config = this.byFile.get(candidate);
      if (!config) {
        config = readConfigFile(candidate, this.show(candidate));
        this.byFile.set(candidate, config);
      }
      found = { file: candidate, config };
    } else {
      const parent = path.dirname(folder);
      found = parent === folder ? null : this.nearest(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
