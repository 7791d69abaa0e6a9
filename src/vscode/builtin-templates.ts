/**
 * The built-in templates of the extension, read from its own `templates/` folder on first use instead
 * of being bundled (154 KB of generated strings out of the bundle every activation parses). The
 * extension builds put this module in place of the core's builtin.generated.ts (esbuild.config.mjs);
 * the CLI and the library keep the generated module.
 */
import * as vscode from 'vscode';
import { config as coreConfig } from './core.js';
import { workspaceFileSystem } from './settings.js';

/** The files of every built-in template folder, sorted by id: empty until `loadBuiltinTemplates` has run. */
export const BUILTIN_TEMPLATE_FILES: Record<string, string>[] = [];

let loading: Promise<void> | undefined;

/** Reads the built-in templates from the extension's folder, once; later calls wait for the same read. */
export function loadBuiltinTemplates(extensionUri: vscode.Uri): Promise<void> {
  return (loading ??= (async () => {
    const folders = await coreConfig().readTemplateFolders(workspaceFileSystem, vscode.Uri.joinPath(extensionUri, 'templates'));
    for (const { files } of folders) if (files['template.json'] !== undefined) BUILTIN_TEMPLATE_FILES.push(files);
  })());
}
