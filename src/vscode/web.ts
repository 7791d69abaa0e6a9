/** The browser entry of the extension (vscode.dev, github.dev): the language server runs in a Web Worker; no `node:` module reachable. */
import * as vscode from 'vscode';
import { activateDunmark, type DunmarkApi } from './activate.js';

/** Set by the bundle's first line (esbuild banner); absent when the sources run unbundled. */
declare const __dunmarkLoadStart: number | undefined;
declare const require: (id: string) => unknown;
// this entry's top level runs last in the bundle: the difference is the bundle's evaluation time
const loadMs = typeof __dunmarkLoadStart === 'number' && __dunmarkLoadStart > 0 ? performance.now() - __dunmarkLoadStart : undefined;

/** Called by VS Code in the web worker extension host. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  // dist/web/server.js: the same server, its files read through this client, its checks in Web Workers of its own
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
  return activateDunmark(context, loadMs, (options) => {
    // the client library is evaluated when the client is made, after activation (esbuild keeps the require lazy)
    const { LanguageClient } = require('vscode-languageclient/browser') as typeof import('vscode-languageclient/browser');
    return new LanguageClient('dunmark', 'Dunmark', () => Promise.resolve(new Worker(script)), options);
  });
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
