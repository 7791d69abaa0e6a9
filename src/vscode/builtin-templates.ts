/**
 * The built-in templates of the extension, read from its own `templates/` folder on first use instead
 * of being bundled (154 KB of generated strings out of every bundle the extension loads). They go into
 * the core's copy of the list (builtin-files.ts, in place of the core's builtin.generated.ts).
 */
import * as vscode from 'vscode';
import { config as coreConfig, coreModule } from './core.js';
import { workspaceFileSystem } from './settings.js';

let loading: Promise<void> | undefined;

/** Reads the built-in templates from the extension's folder, once; later calls wait for the same read. */
export function loadBuiltinTemplates(extensionUri: vscode.Uri): Promise<void> {
  return (loading ??= (async () => {
    const folders = await coreConfig().readTemplateFolders(workspaceFileSystem, vscode.Uri.joinPath(extensionUri, 'templates'));
    const list = coreModule().BUILTIN_TEMPLATE_FILES;
    for (const { files } of folders) if (files['template.json'] !== undefined) list.push(files);
  })());
}
