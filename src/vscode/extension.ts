/** The Node entry of the extension (desktop and remote hosts). */
import * as vscode from 'vscode';
import { activateDunmark, type DunmarkApi } from './activate.js';
import { registerExport } from './export.js';
import { nodeThreads } from '../node/threads.js';

/** Set by the bundle's first line (esbuild banner); absent when the sources run unbundled. */
declare const __dunmarkLoadStart: number | undefined;
// this entry's top level runs last in the bundle: the difference is the bundle's evaluation time
const loadMs = typeof __dunmarkLoadStart === 'number' && __dunmarkLoadStart > 0 ? performance.now() - __dunmarkLoadStart : undefined;

/** Called by VS Code on the first Markdown document or Dunmark command. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  const worker = vscode.Uri.joinPath(context.extensionUri, 'dist', 'worker.cjs').fsPath;
  const api = activateDunmark(context, loadMs, nodeThreads(worker, { heapMb: 2048 }));
  // Word and PDF export: desktop and remote hosts only (LibreOffice runs beside the extension host)
  context.subscriptions.push(...registerExport(context, api.linter));
  return api;
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
