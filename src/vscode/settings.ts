/**
 * The extension's settings, and the core's discovery (nearest `.dunmarkrc.json`, workspace templates)
 * over `vscode.workspace.fs`, so it works on virtual and web file systems too.
 */
import * as vscode from 'vscode';
import type { CaseFacts, CaseFileSource } from '../core/cases/case-file.js';
import type { ConfigResolver, FileSystemPort, FoundConfig } from '../core/config/index.js';
import { SEVERITY_SETTINGS } from '../core/config/names.js';
import { CATEGORIES, type Category, type DunmarkConfig, type SeveritySetting } from '../core/types.js';
import { cases as coreCases, config as coreConfig } from './core.js';

/** The editor settings that change how a document is linted. */
export interface EditorSettings {
  enable: boolean;
  lintOnType: boolean;
  lintOnSave: boolean;
  /** Milliseconds a check as you type may take before the document is left to the save-time check. */
  typingBudgetMs: number;
  severity: Partial<Record<Category, SeveritySetting>>;
  templatesFolder: string;
  today: string;
  messageLanguage: 'auto' | 'en' | 'zh';
}

/** Reads `dunmark.*` settings for a document (resource scoped), every call fresh: nothing is cached. */
export function readSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration('dunmark', scope);
  const rawSeverity = c.get<Record<string, unknown>>('severity') ?? {};
  const severity: Partial<Record<Category, SeveritySetting>> = {};
  for (const category of CATEGORIES) {
    const value = rawSeverity[category];
    if (typeof value === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(value)) severity[category] = value as SeveritySetting;
  }
  const lang = c.get<string>('messageLanguage');
  return {
    enable: c.get<boolean>('enable') ?? true,
    lintOnType: c.get<boolean>('lintOnType') ?? true,
    lintOnSave: c.get<boolean>('lintOnSave') ?? true,
    typingBudgetMs: Math.max(100, c.get<number>('typingBudgetMs') ?? 2000),
    severity,
    // a workspace may not point the editor at its own templates until it is trusted
    templatesFolder: vscode.workspace.isTrusted ? (c.get<string>('templatesFolder') ?? '') : '',
    today: c.get<string>('today') ?? '',
    messageLanguage: lang === 'en' || lang === 'zh' ? lang : 'auto',
  };
}

/** A `.dunmarkrc.json` that was found, parsed or not. */
export type RcResult = FoundConfig<vscode.Uri>;

/** The folder that holds `uri` (the root stays the root). */
export function parentOf(uri: vscode.Uri): vscode.Uri {
  const path = uri.path.replace(/\/+$/, '');
  const cut = path.lastIndexOf('/');
  return uri.with({ path: cut <= 0 ? '/' : path.slice(0, cut) });
}

/** The discovery port over `vscode.workspace.fs`: a missing file is undefined, a file that cannot be read an error. */
export const workspaceFileSystem: FileSystemPort<vscode.Uri> = {
  async readFile(uri) {
    try {
      return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch (error) {
      if (error instanceof vscode.FileSystemError && (error.code === 'NoPermissions' || error.code === 'Unavailable')) throw new Error(error.code);
      return undefined;
    }
  },
  async readDirectory(uri) {
    try {
      return (await vscode.workspace.fs.readDirectory(uri)).map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
    } catch {
      return [];
    }
  },
  async isDirectory(uri) {
    try {
      return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
    } catch {
      return false;
    }
  },
  parent: (uri) => (uri.path === '/' || uri.path === '' ? undefined : parentOf(uri)),
  join: (folder, relative) => vscode.Uri.joinPath(folder, relative),
  key: (uri) => uri.toString(),
};

/** The discovery port, reading a file from its open editor when there is one (a case file being edited counts as typed). */
const openTextFirst: FileSystemPort<vscode.Uri> = {
  ...workspaceFileSystem,
  readFile(uri) {
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    return open ? Promise.resolve(open.getText()) : workspaceFileSystem.readFile(uri);
  },
};

function isWorkspaceFolder(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return (vscode.workspace.workspaceFolders ?? []).some((f) => f.uri.toString() === key);
}

/**
 * The core's resolver for documents: the nearest `.dunmarkrc.json` from a document's folder up to its
 * workspace folder (untitled documents: the first workspace folder's), and the workspace templates
 * folder. Each config file is read once until `clear()`.
 */
export class Discovery {
  private resolver: ConfigResolver<vscode.Uri> | undefined;
  private readonly caseFacts = new Map<string, Promise<CaseFacts | undefined>>();
  private readonly caseFiles = new Map<string, Promise<readonly CaseFileSource[]>>();

  private get core(): ConfigResolver<vscode.Uri> {
    return (this.resolver ??= new (coreConfig().ConfigResolver)(openTextFirst, isWorkspaceFolder));
  }

  /** Forgets every lookup (a config or case file was created, changed or deleted). */
  clear(): void {
    this.resolver?.clear();
    this.caseFacts.clear();
    this.caseFiles.clear();
  }

  /**
   * The case files (name and text) a document inherits facts from: its folder's and above (up to
   * its workspace folder), outermost first; empty outside a case folder. Read once until `clear()`.
   */
  caseSources(document: vscode.Uri): Promise<readonly CaseFileSource[]> {
    const start = document.scheme === 'untitled' ? undefined : parentOf(document);
    if (!start) return Promise.resolve([]);
    const key = start.toString();
    let pending = this.caseFiles.get(key);
    if (!pending) {
      pending = this.core.caseFilesFor(start).then(
        (found) => {
          for (const f of found) if (!f.ok) console.warn(`[dunmark] ${f.file.toString()}: ${f.reason}`);
          return found.flatMap((f) => (f.ok ? [{ name: f.file.toString(), text: f.text }] : []));
        },
        () => [],
      );
      this.caseFiles.set(key, pending);
    }
    return pending;
  }

  /**
   * The facts a document inherits from its case files (`caseSources`), merged by the core; the same
   * object until `clear()`. Undefined outside a case folder.
   */
  inherited(document: vscode.Uri): Promise<CaseFacts | undefined> {
    const start = document.scheme === 'untitled' ? undefined : parentOf(document);
    if (!start) return Promise.resolve(undefined);
    const key = start.toString();
    let pending = this.caseFacts.get(key);
    if (!pending) {
      pending = this.caseSources(document).then(
        (sources) => (sources.length ? coreCases().caseFacts(sources) : undefined),
        () => undefined,
      );
      this.caseFacts.set(key, pending);
    }
    return pending;
  }

  /** The folder a document's lookups start from. */
  private startOf(document: vscode.Uri | undefined): vscode.Uri | undefined {
    if (document && document.scheme !== 'untitled') return parentOf(document);
    return vscode.workspace.workspaceFolders?.[0]?.uri;
  }

  /** The config that applies to a document, or undefined when there is none. */
  find(document: vscode.Uri): Promise<RcResult | undefined> {
    const start = this.startOf(document);
    return start ? this.core.configFor(start) : Promise.resolve(undefined);
  }

  /**
   * The workspace templates folder for a document: the nearest config's `templates`, else the
   * `dunmark.templatesFolder` setting (relative to the workspace folder), else the nearest `.dunmark/templates`.
   */
  async templatesFolder(document: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    const start = this.startOf(document);
    if (!start) return undefined;
    const setting = readSettings(document).templatesFolder;
    const base = (document && vscode.workspace.getWorkspaceFolder(document)) ?? vscode.workspace.workspaceFolders?.[0];
    return this.core.templatesFolder(start, setting && base ? vscode.Uri.joinPath(base.uri, setting) : undefined);
  }
}

/**
 * Merges settings and a config file for the core: defaults ← settings ← nearest `.dunmarkrc.json`.
 * An untrusted workspace's config file sets severities only (no options, vocabulary, templates or dates).
 */
export function mergeConfig(settings: EditorSettings, rc: DunmarkConfig | undefined, trusted: boolean): DunmarkConfig {
  const fromSettings: DunmarkConfig = { messageLanguage: settings.messageLanguage, categories: { ...settings.severity } };
  if (settings.today) fromSettings.today = settings.today;
  const core = coreConfig();
  return core.mergeConfig(fromSettings, rc && !trusted ? core.severitiesOnly(rc) : rc);
}
