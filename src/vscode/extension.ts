/** The Node entry of the extension (desktop and remote hosts): the language server runs as a process of its own. */
import * as vscode from 'vscode';
import { activateDunmark, type DunmarkApi } from './activate.js';
import { registerExport } from './export.js';

/** Set by the bundle's first line (esbuild banner); absent when the sources run unbundled. */
declare const __dunmarkLoadStart: number | undefined;
declare const require: (id: string) => unknown;
// this entry's top level runs last in the bundle: the difference is the bundle's evaluation time
const loadMs = typeof __dunmarkLoadStart === 'number' && __dunmarkLoadStart > 0 ? performance.now() - __dunmarkLoadStart : undefined;

/** Called by VS Code on the first Markdown document or Dunmark command. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  // the bundled server (dist/server.cjs) over IPC; its pool's threads run dist/worker.cjs
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.cjs').fsPath;
  const api = activateDunmark(context, loadMs, (options) => {
    // the client library is evaluated when the client is made, after activation (esbuild keeps the require lazy)
    const { LanguageClient, TransportKind } = require('vscode-languageclient/node') as typeof import('vscode-languageclient/node');
    const server = { module, transport: TransportKind.ipc };
    return new LanguageClient('dunmark', 'Dunmark', { run: server, debug: server }, options);
  });
  // Word and PDF export: desktop and remote hosts only (LibreOffice runs beside the extension host)
  context.subscriptions.push(...registerExport(context, api.linter));
  return api;
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
