/** The template catalog the commands offer: built-in templates plus, in a trusted workspace, workspace ones. */
import * as vscode from 'vscode';
import type { Template } from '../core/templates/index.js';
import { templates as coreTemplates } from './core.js';
import { parentOf, readSettings, type RcLocator } from './settings.js';

/** The default folder of workspace templates, relative to a workspace folder. */
export const DEFAULT_TEMPLATES_FOLDER = '.dunmark/templates';

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/** Reads every `<id>/template.json` + `<id>/template.md` folder under `root` (via `workspace.fs`). */
export async function readTemplateFolders(root: vscode.Uri): Promise<{ templates: Template[]; problems: string[] }> {
  const templates: Template[] = [];
  const problems: string[] = [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(root);
  } catch {
    return { templates, problems };
  }
  for (const [name, type] of entries.sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!(type & vscode.FileType.Directory)) continue;
    const folder = vscode.Uri.joinPath(root, name);
    const files: Record<string, string> = {};
    for (const file of ['template.json', 'template.md']) {
      const text = await readText(vscode.Uri.joinPath(folder, file));
      if (text !== undefined) files[file] = text;
    }
    if (!Object.keys(files).length) continue;
    const parsed = coreTemplates().parseTemplateFolder(files, 'workspace');
    if (parsed.ok) templates.push(parsed.template);
    else problems.push(`${name}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  }
  return { templates, problems };
}

/** Lists templates for commands run on a document: built-in ones plus the workspace's (trusted workspaces only). */
export class TemplateCatalog implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<{ templates: Template[]; problems: string[] }>>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/template.{md,json}');
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly rc: RcLocator) {
    const clear = (): void => this.cache.clear();
    this.subscriptions = [this.watcher, this.watcher.onDidChange(clear), this.watcher.onDidCreate(clear), this.watcher.onDidDelete(clear)];
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }

  /** Reads a template folder once until a template file changes. */
  private read(folder: vscode.Uri): Promise<{ templates: Template[]; problems: string[] }> {
    const key = folder.toString();
    let pending = this.cache.get(key);
    if (!pending) {
      // a missing folder is the common case: ask stat first, quietly
      pending = Promise.resolve(vscode.workspace.fs.stat(folder)).then(
        (stat) => (stat.type & vscode.FileType.Directory ? readTemplateFolders(folder) : { templates: [], problems: [] }),
        () => ({ templates: [], problems: [] }),
      );
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** Workspace templates that apply to `document` (none in an untrusted workspace). */
  async workspaceTemplates(document: vscode.TextDocument | undefined): Promise<Template[]> {
    if (!vscode.workspace.isTrusted) return [];
    const folders: vscode.Uri[] = [];
    const wsFolder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0];
    const base = wsFolder?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
    if (base) folders.push(vscode.Uri.joinPath(base, DEFAULT_TEMPLATES_FOLDER));
    const setting = readSettings(document?.uri).templatesFolder;
    if (setting && base) folders.push(vscode.Uri.joinPath(base, setting));
    if (document) {
      const rc = await this.rc.find(document.uri).catch(() => undefined);
      if (rc?.ok && rc.config.templates) folders.push(vscode.Uri.joinPath(parentOf(rc.uri), rc.config.templates));
    }
    const seen = new Set<string>();
    const out: Template[] = [];
    for (const folder of folders) {
      if (seen.has(folder.toString())) continue;
      seen.add(folder.toString());
      const { templates, problems } = await this.read(folder);
      if (problems.length) console.warn(`[dunmark] skipped templates in ${folder.toString()}: ${problems.join(' | ')}`);
      out.push(...templates);
    }
    return out;
  }

  /** Built-in templates merged with the workspace's (which override by id). */
  async list(document: vscode.TextDocument | undefined): Promise<{ all: Template[]; workspace: Template[] }> {
    const workspace = await this.workspaceTemplates(document);
    return { all: coreTemplates().listTemplates(workspace), workspace };
  }
}
