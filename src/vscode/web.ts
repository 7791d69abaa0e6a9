/** The browser entry of the extension (vscode.dev, github.dev): the same activation, no `node:` module reachable. */
import * as vscode from 'vscode';
import { activateDunmark, type DunmarkApi } from './activate.js';
import { webThreads } from '../server/web-threads.js';

/** Set by the bundle's first line (esbuild banner); absent when the sources run unbundled. */
declare const __dunmarkLoadStart: number | undefined;
// this entry's top level runs last in the bundle: the difference is the bundle's evaluation time
const loadMs = typeof __dunmarkLoadStart === 'number' && __dunmarkLoadStart > 0 ? performance.now() - __dunmarkLoadStart : undefined;

/** Called by VS Code in the web worker extension host. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  return activateDunmark(context, loadMs, webThreads(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'worker.js').toString(true)));
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
