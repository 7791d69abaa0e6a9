/**
 * Discovery, done once for the CLI and the editor: the nearest `.dunmarkrc.json` upward from a
 * document's folder, and the folder of workspace templates — the `templates` folder the nearest config
 * names (relative to that file), else the nearest `.dunmark/templates` upward. Both walks stop at the
 * root, or at the folder the caller names (the editor's workspace folder); so does the walk that finds
 * the case files (`case.yaml`) a document inherits facts from. The file system is a port:
 * the CLI passes one over node:fs, the editor one over vscode.workspace.fs.
 */
import type { DunmarkConfig } from '../types.js';
import { CASE_FILE_NAMES, CONFIG_FILE_NAME, DEFAULT_TEMPLATES_FOLDER } from './names.js';
import { parseConfig, type ConfigError } from './parse.js';

/** What discovery needs of a file system, over any kind of location (a path, a URI). */
export interface FileSystemPort<L> {
  /** The text of a file; undefined when there is no such file. Throws (with a reason) when it exists but cannot be read. */
  readFile(at: L): Promise<string | undefined>;
  /** The entries of a folder (empty when there is no such folder). */
  readDirectory(at: L): Promise<{ name: string; isDirectory: boolean }[]>;
  isDirectory(at: L): Promise<boolean>;
  /** The folder that holds `at`, or undefined at the root. */
  parent(at: L): L | undefined;
  /** `folder` joined with a relative path (`/`-separated). */
  join(folder: L, relative: string): L;
  /** A string that identifies the location (for caches and comparisons). */
  key(at: L): string;
}

/** A config file that was found: usable, or why not (`readable: false` when the file itself could not be read: no position). */
export type FoundConfig<L> = { file: L; ok: true; config: DunmarkConfig } | { file: L; ok: false; error: ConfigError; readable: boolean };

/** Reads and parses one config file through the port; undefined when there is no such file. */
export async function readConfigAt<L>(fs: FileSystemPort<L>, file: L): Promise<FoundConfig<L> | undefined> {
  let text: string | undefined;
  try {
    text = await fs.readFile(file);
  } catch (error) {
    return {
      file,
      ok: false,
      readable: false,
      error: { message: `cannot read config file (${String((error as Error)?.message ?? error)})`, line: 1, column: 1 },
    };
  }
  if (text === undefined) return undefined;
  const result = parseConfig(text, fs.key(file));
  return result.ok ? { file, ok: true, config: result.config } : { file, ok: false, readable: true, error: result.error };
}

/** The files of one template folder, as the core's template parser takes them. */
export interface TemplateFolderFiles<L> {
  name: string;
  folder: L;
  files: Record<string, string>;
  /** Files that exist but could not be read: name → reason. */
  unreadable: Record<string, string>;
}

/** Every `<name>/template.json` + `template.md` folder under `root`, sorted by name (none when `root` is missing). */
export async function readTemplateFolders<L>(fs: FileSystemPort<L>, root: L): Promise<TemplateFolderFiles<L>[]> {
  const out: TemplateFolderFiles<L>[] = [];
  const entries = (await fs.readDirectory(root)).filter((e) => e.isDirectory).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const folder = fs.join(root, entry.name);
    const files: Record<string, string> = {};
    const unreadable: Record<string, string> = {};
    for (const name of ['template.json', 'template.md']) {
      try {
        const text = await fs.readFile(fs.join(folder, name));
        if (text !== undefined) files[name] = text;
      } catch (error) {
        unreadable[name] = String((error as Error)?.message ?? error);
      }
    }
    if (Object.keys(files).length || Object.keys(unreadable).length) out.push({ name: entry.name, folder, files, unreadable });
  }
  return out;
}

/** A case file found upward: its text, or why it could not be read. */
export type FoundCaseFile<L> = { file: L; ok: true; text: string } | { file: L; ok: false; reason: string };

/** Finds configs, template folders and case files upward, reading each file once. */
export class ConfigResolver<L> {
  private readonly nearest = new Map<string, Promise<FoundConfig<L> | undefined>>();
  private readonly files = new Map<string, Promise<FoundConfig<L> | undefined>>();
  private readonly cases = new Map<string, Promise<FoundCaseFile<L> | undefined>>();

  /** `stopAt`: the last folder a walk looks in (the workspace folder), else the root. */
  constructor(
    private readonly fs: FileSystemPort<L>,
    private readonly stopAt?: (folder: L) => boolean,
  ) {}

  /** Forgets every lookup (a config file was created, changed or deleted). */
  clear(): void {
    this.nearest.clear();
    this.files.clear();
    this.cases.clear();
  }

  /** The case file of one folder (`case.yaml`, else `case.yml`), read once until `clear()`. */
  caseFileIn(folder: L): Promise<FoundCaseFile<L> | undefined> {
    const key = this.fs.key(folder);
    let pending = this.cases.get(key);
    if (!pending) {
      pending = (async () => {
        for (const name of CASE_FILE_NAMES) {
          const file = this.fs.join(folder, name);
          try {
            const text = await this.fs.readFile(file);
            if (text !== undefined) return { file, ok: true, text } as const;
          } catch (error) {
            return { file, ok: false, reason: `cannot read case file (${String((error as Error)?.message ?? error)})` } as const;
          }
        }
        return undefined;
      })();
      this.cases.set(key, pending);
    }
    return pending;
  }

  /**
   * The case files a document in `folder` inherits facts from: every `case.yaml` from `folder` up to
   * where walks stop, outermost first (a deeper one overrides). Empty outside any case folder.
   */
  async caseFilesFor(folder: L): Promise<FoundCaseFile<L>[]> {
    const found: FoundCaseFile<L>[] = [];
    for (const at of this.upward(folder)) {
      const file = await this.caseFileIn(at);
      if (file) found.unshift(file);
    }
    return found;
  }

  /** The folders a walk from `folder` looks in, nearest first. */
  private *upward(folder: L): Generator<L> {
    for (let at: L | undefined = folder; at !== undefined; at = this.fs.parent(at)) {
      yield at;
      if (this.stopAt?.(at)) return;
    }
  }

  /** A config file given by name (`--config`), or the one in a folder. */
  configAt(file: L): Promise<FoundConfig<L> | undefined> {
    const key = this.fs.key(file);
    let pending = this.files.get(key);
    if (!pending) this.files.set(key, (pending = readConfigAt(this.fs, file)));
    return pending;
  }

  /** The nearest config file upward from `folder` (a document's folder), or undefined when there is none. */
  configFor(folder: L): Promise<FoundConfig<L> | undefined> {
    const key = this.fs.key(folder);
    let pending = this.nearest.get(key);
    if (!pending) {
      pending = (async () => {
        for (const at of this.upward(folder)) {
          const found = await this.configAt(this.fs.join(at, CONFIG_FILE_NAME));
          if (found) return found;
        }
        return undefined;
      })();
      this.nearest.set(key, pending);
    }
    return pending;
  }

  /**
   * The workspace templates folder for `folder`: the `templates` folder of the nearest config (relative
   * to the config file; `fallback` stands in for a config that names none, such as the editor's
   * setting), else the nearest `.dunmark/templates` upward. Undefined when there is none.
   */
  async templatesFolder(folder: L, fallback?: L): Promise<L | undefined> {
    const config = await this.configFor(folder);
    if (config?.ok && config.config.templates) {
      const parent = this.fs.parent(config.file);
      if (parent !== undefined) return this.fs.join(parent, config.config.templates);
    }
    if (fallback !== undefined) return fallback;
    for (const at of this.upward(folder)) {
      const candidate = this.fs.join(at, DEFAULT_TEMPLATES_FOLDER);
      if (await this.fs.isDirectory(candidate)) return candidate;
    }
    return undefined;
  }
}
