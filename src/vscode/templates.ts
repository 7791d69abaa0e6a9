/** The template catalog the commands offer: built-in templates plus, in a trusted workspace, the workspace's. */
import * as vscode from 'vscode';
import type { Template } from '../core/templates/index.js';
import { config as coreConfig, templates as coreTemplates } from './core.js';
import { loadBuiltinTemplates } from './builtin-templates.js';
import { workspaceFileSystem, type Discovery } from './settings.js';

/**
 * The parts of a template folder that are symbolic links: the folder itself, `template.json`,
 * `template.md`. The CLI follows a link that stays inside the templates folder; the editor cannot
 * tell where a link points on every kind of workspace (remote, virtual), so it takes none.
 */
async function linkedParts(folder: vscode.Uri): Promise<string[]> {
  const isLink = (type: vscode.FileType): boolean => (type & vscode.FileType.SymbolicLink) !== 0;
  const linked: string[] = [];
  const folderType = await Promise.resolve(vscode.workspace.fs.stat(folder)).then(
    (s) => s.type,
    () => vscode.FileType.Unknown,
  );
  if (isLink(folderType)) linked.push('the folder');
  const entries = await Promise.resolve(vscode.workspace.fs.readDirectory(folder)).catch(() => [] as [string, vscode.FileType][]);
  for (const [name, type] of entries) if ((name === 'template.json' || name === 'template.md') && isLink(type)) linked.push(name);
  return linked;
}

/** Reads every template folder under `root` (via `workspace.fs`); a broken one is a problem, never thrown. */
export async function readTemplateFolders(root: vscode.Uri): Promise<{ templates: Template[]; problems: string[] }> {
  const templates: Template[] = [];
  const problems: string[] = [];
  for (const { name, folder, files, unreadable } of await coreConfig().readTemplateFolders(workspaceFileSystem, root)) {
    const linked = await linkedParts(folder);
    if (linked.length) {
      problems.push(`${name}: Unexpected symbolic link (${linked.join(', ')}), expected the template's own files in its folder`);
      continue;
    }
    const parsed = coreTemplates().parseTemplateFolder(files, 'workspace');
    if (parsed.ok) templates.push(parsed.template);
    else problems.push(`${name}: ${parsed.problems.map((p) => p.message).join('; ')}`);
    for (const [file, reason] of Object.entries(unreadable)) problems.push(`${name}: unreadable ${file} (${reason})`);
  }
  return { templates, problems };
}

/** Lists templates for commands run on a document: built-in ones plus the workspace's (trusted workspaces only). */
export class TemplateCatalog implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<{ templates: Template[]; problems: string[] }>>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/template.{md,json}');
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly discovery: Discovery,
    private readonly extensionUri: vscode.Uri,
  ) {
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
    if (!pending) this.cache.set(key, (pending = readTemplateFolders(folder)));
    return pending;
  }

  /** Workspace templates that apply to `document` (none in an untrusted workspace), from the folder discovery finds. */
  async workspaceTemplates(document: vscode.TextDocument | undefined): Promise<Template[]> {
    if (!vscode.workspace.isTrusted) return [];
    const folder = await this.discovery.templatesFolder(document?.uri).catch(() => undefined);
    if (!folder) return [];
    const { templates, problems } = await this.read(folder);
    if (problems.length) console.warn(`[dunmark] skipped templates in ${folder.toString()}: ${problems.join(' | ')}`);
    return templates;
  }

  /** Built-in templates merged with the workspace's (which override by id). */
  async list(document: vscode.TextDocument | undefined): Promise<{ all: Template[]; workspace: Template[] }> {
    await loadBuiltinTemplates(this.extensionUri);
    const workspace = await this.workspaceTemplates(document);
    return { all: coreTemplates().listTemplates(workspace), workspace };
  }
}
