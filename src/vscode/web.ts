/** The browser entry of the extension (vscode.dev, github.dev): the same activation, no `node:` module reachable. */
import type * as vscode from 'vscode';
import { activateDunmark, type DunmarkApi } from './activate.js';

/** Called by VS Code in the web worker extension host. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  return activateDunmark(context);
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
