/** The browser entry of the extension (vscode.dev, github.dev): the language server runs in a Web Worker; no `node:` module reachable. */
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateDunmark, type DunmarkApi } from './activate.js';

/** Set by the bundle's first line (esbuild banner); absent when the sources run unbundled. */
declare const __dunmarkLoadStart: number | undefined;
// this entry's top level runs last in the bundle: the difference is the bundle's evaluation time
const loadMs = typeof __dunmarkLoadStart === 'number' && __dunmarkLoadStart > 0 ? performance.now() - __dunmarkLoadStart : undefined;

/** Called by VS Code in the web worker extension host. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  // dist/web/server.js: the same server, its files read through this client, its checks in Web Workers of its own
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  return activateDunmark(context, loadMs, (options) => new LanguageClient('dunmark', 'Dunmark', () => Promise.resolve(new Worker(script)), options));
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
