// The CLI's side of the core's discovery (src/core/config/resolve.ts): the file-system port over
// node:fs, and config problems as the one stderr line `<file>:<line>:<col>: <reason>`.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigResolver, readConfigAt, type FileSystemPort, type FoundConfig } from '../core/config/index.js';
import type { CaseFileSource } from '../core/cases/case-file.js';
import type { DunmarkConfig } from '../core/types.js';
import { decodeUtf8 } from './file-io.js';

/** Errors that mean "there is no such file" (a folder where a file was looked for counts too). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** A config or case file's text; one that is not UTF-8 cannot be read (never read with U+FFFD in it). */
function textOf(bytes: Uint8Array): string {
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new Error('not UTF-8 text');
  return text;
}

/** The discovery port over node:fs: absolute paths as locations. */
export const nodeFileSystem: FileSystemPort<string> = {
  async readFile(file) {
    let bytes: Uint8Array;
    try {
      bytes = await fs.promises.readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && ABSENT.has(code)) return undefined;
      throw new Error(code ?? 'unknown error');
    }
    return textOf(bytes);
  },
  async readDirectory(folder) {
    try {
      return (await fs.promises.readdir(folder, { withFileTypes: true })).map((e) => ({ name: e.name, isDirectory: e.isDirectory() }));
    } catch {
      return [];
    }
  },
  async isDirectory(at) {
    return (await fs.promises.stat(at).catch(() => undefined))?.isDirectory() ?? false;
  },
  parent(at) {
    const up = path.dirname(at);
    return up === at ? undefined : up;
  },
  join: (folder, relative) => path.resolve(folder, relative),
  key: (at) => at,
};

/**
 * The same port reading synchronously: for scans of many small files (`dunmark cases`), where a
 * thread-pool round trip per file costs more than the read. The same answers as `nodeFileSystem`.
 */
export const nodeFileSystemSync: FileSystemPort<string> = {
  ...nodeFileSystem,
  readFile(file) {
    try {
      return Promise.resolve(textOf(fs.readFileSync(file)));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code && ABSENT.has(code)) return Promise.resolve(undefined);
      return Promise.reject(error instanceof Error && !code ? error : new Error(code ?? 'unknown error'));
    }
  },
  readDirectory(folder) {
    try {
      return Promise.resolve(fs.readdirSync(folder, { withFileTypes: true }).map((e) => ({ name: e.name, isDirectory: e.isDirectory() })));
    } catch {
      return Promise.resolve([]);
    }
  },
};

/** A config that cannot be used: where, and why. */
export class ConfigFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(reason);
  }

  /** The one line printed on stderr: `<file>:<line>:<col>: <reason>`. */
  location(): string {
    return this.line === undefined ? this.file : `${this.file}:${this.line}:${this.column ?? 1}`;
  }
}

/** The config of a found file, or its problem as a `ConfigFileError` naming the file as `show` gives it. */
export function usable(found: FoundConfig<string>, show: (file: string) => string): DunmarkConfig {
  if (found.ok) return found.config;
  if (!found.readable) throw new ConfigFileError(show(found.file), undefined, undefined, found.error.message);
  throw new ConfigFileError(show(found.file), found.error.line, found.error.column, found.error.message);
}

/** Reads and validates the config given with `--config`; throws `ConfigFileError` when it cannot be used. */
export async function readConfigFile(file: string, shownAs: string): Promise<DunmarkConfig> {
  const found = await readConfigAt(nodeFileSystem, file);
  if (!found) throw new ConfigFileError(shownAs, undefined, undefined, 'no such config file');
  return usable(found, () => shownAs);
}

/** The core's resolver over node:fs, answering with configs, case files or `ConfigFileError`s for the CLI. */
export class CliConfigs {
  readonly resolver = new ConfigResolver(nodeFileSystem);

  constructor(private readonly show: (file: string) => string) {}

  /** The config that applies to `file` (empty when none is found upward). */
  async configFor(file: string): Promise<DunmarkConfig> {
    const found = await this.resolver.configFor(path.dirname(path.resolve(file)));
    return found ? usable(found, this.show) : {};
  }

  /**
   * The case files `file` inherits facts from, outermost first, each named as the CLI shows it;
   * throws `ConfigFileError` for one that cannot be read.
   */
  async caseFilesFor(file: string): Promise<CaseFileSource[]> {
    const found = await this.resolver.caseFilesFor(path.dirname(path.resolve(file)));
    return found.map((f) => {
      if (!f.ok) throw new ConfigFileError(this.show(f.file), undefined, undefined, f.reason);
      return { name: this.show(f.file), text: f.text };
    });
  }
}
