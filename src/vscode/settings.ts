/** Reads the extension's settings and the nearest `.dunmarkrc.json`, and merges them for the core. */
import * as vscode from 'vscode';
import { CATEGORIES, type Category, type DunmarkConfig, type SeveritySetting } from '../core/types.js';
import { config as coreConfig } from './core.js';

/** The editor settings that change how a document is linted. */
export interface EditorSettings {
  enable: boolean;
  lintOnType: boolean;
  lintOnSave: boolean;
  severity: Partial<Record<Category, SeveritySetting>>;
  templatesFolder: string;
  today: string;
  messageLanguage: 'auto' | 'en' | 'zh';
}

const SEVERITY_VALUES = new Set(['error', 'warning', 'info', 'hint', 'off']);

/** Reads `dunmark.*` settings for a document (resource scoped), every call fresh: nothing is cached. */
export function readSettings(scope?: vscode.Uri): EditorSettings {
  const c = vscode.workspace.getConfiguration('dunmark', scope);
  const rawSeverity = c.get<Record<string, unknown>>('severity') ?? {};
  const severity: Partial<Record<Category, SeveritySetting>> = {};
  for (const category of CATEGORIES) {
    const value = rawSeverity[category];
    if (typeof value === 'string' && SEVERITY_VALUES.has(value)) severity[category] = value as SeveritySetting;
  }
  const lang = c.get<string>('messageLanguage');
  return {
    enable: c.get<boolean>('enable') ?? true,
    lintOnType: c.get<boolean>('lintOnType') ?? true,
    lintOnSave: c.get<boolean>('lintOnSave') ?? true,
    severity,
    // a workspace may not point the editor at its own templates until it is trusted
    templatesFolder: vscode.workspace.isTrusted ? (c.get<string>('templatesFolder') ?? '') : '',
    today: c.get<string>('today') ?? '',
    messageLanguage: lang === 'en' || lang === 'zh' ? lang : 'auto',
  };
}

/** The config file's name (the core's CONFIG_FILE_NAME; a literal here so activation loads no core). */
export const RC_FILE_NAME = '.dunmarkrc.json';

/** A `.dunmarkrc.json` that was found, parsed or not. */
export type RcResult =
  | { uri: vscode.Uri; ok: true; config: DunmarkConfig }
  | { uri: vscode.Uri; ok: false; error: { message: string; line: number; column: number } };

/**
 * Finds the nearest `.dunmarkrc.json` upward from a document, through `vscode.workspace.fs` only
 * (so it works on virtual and web file systems). Results are cached per folder until `clear()`.
 */
export class RcLocator {
  private readonly cache = new Map<string, Promise<RcResult | undefined>>();

  /** Forgets every lookup (a config file was created, changed or deleted). */
  clear(): void {
    this.cache.clear();
  }

  /** The config that applies to a document, or undefined when there is none. */
  find(document: vscode.Uri): Promise<RcResult | undefined> {
    if (document.scheme === 'untitled') return Promise.resolve(this.forUntitled());
    return this.lookup(parentOf(document), rootOf(document));
  }

  private forUntitled(): Promise<RcResult | undefined> | undefined {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? this.lookup(folder.uri, folder.uri) : undefined;
  }

  private lookup(folder: vscode.Uri, stop: vscode.Uri | undefined): Promise<RcResult | undefined> {
    const key = folder.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.read(folder).then((found) => {
        if (found) return found;
        const parent = parentOf(folder);
        if (parent.path === folder.path || (stop && folder.toString() === stop.toString())) return undefined;
        return this.lookup(parent, stop);
      });
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async read(folder: vscode.Uri): Promise<RcResult | undefined> {
    const uri = vscode.Uri.joinPath(folder, RC_FILE_NAME);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined;
    }
    const parsed = coreConfig().parseConfig(new TextDecoder().decode(bytes), uri.path);
    return parsed.ok ? { uri, ok: true, config: parsed.config } : { uri, ok: false, error: parsed.error };
  }
}

/** The folder that holds `uri` (the root stays the root). */
export function parentOf(uri: vscode.Uri): vscode.Uri {
  const path = uri.path.replace(/\/+$/, '');
  const cut = path.lastIndexOf('/');
  return uri.with({ path: cut <= 0 ? '/' : path.slice(0, cut) });
}

/** Where the upward search stops: the workspace folder for virtual file systems, the file system root otherwise. */
function rootOf(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'file') return undefined;
  return vscode.workspace.getWorkspaceFolder(uri)?.uri;
}

/** Merges settings and a config file for the core: defaults ← settings ← nearest `.dunmarkrc.json`. */
export function mergeConfig(settings: EditorSettings, rc: DunmarkConfig | undefined, trusted: boolean): DunmarkConfig {
  const fromSettings: DunmarkConfig = { messageLanguage: settings.messageLanguage, categories: { ...settings.severity } };
  if (settings.today) fromSettings.today = settings.today;
  const config = coreConfig().mergeConfig(fromSettings, rc);
  // an untrusted workspace gets built-in templates only
  if (!trusted) delete config.templates;
  return config;
}
