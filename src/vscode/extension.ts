/** The Node entry of the extension (desktop and remote hosts). */
import type * as vscode from 'vscode';
import { activateDunmark, type DunmarkApi } from './activate.js';

/** Called by VS Code on the first Markdown document or Dunmark command. */
export function activate(context: vscode.ExtensionContext): DunmarkApi {
  return activateDunmark(context);
}

/** Everything is disposed through the context's subscriptions. */
export function deactivate(): void {}
