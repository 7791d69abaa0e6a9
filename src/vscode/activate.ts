/**
 * Activation shared by the Node and the web extension: it only wires objects together. Checking,
 * quick fixes, Fix All on save, hovers and completion are the language server's (through the client);
 * the facts form, the Cases view, export, the drafting commands and the status bar are the extension's.
 * Nothing here touches the file system directly (everything goes through `vscode.workspace.fs`).
 */
import * as vscode from 'vscode';
import { registerApproval } from './approval.js';
import { registerCasesView } from './cases-view.js';
import { DunmarkClient, type ClientFactory } from './client.js';
import { registerCommands, PREVIEW_SCHEME, PreviewProvider } from './commands.js';
import { forgetParsed } from './parsed.js';
import { DunmarkStatusBar } from './status-bar.js';
import { DOCS_SCHEME, RuleDocsProvider } from './rule-docs.js';
import { TemplateCatalog } from './templates.js';
import { DunmarkTaskProvider, TASK_TYPE } from './workspace-lint.js';

/** What `activate` returns: the API tests use to reach the running extension. */
export interface DunmarkApi {
  /** Milliseconds `activate()` took. */
  readonly activationMs: number;
  /** Milliseconds the bundle's top level took to evaluate (from its first line to its last). */
  readonly loadMs: number | undefined;
  /** The language client (named for what it does for the UI: the letters' checks). */
  readonly linter: DunmarkClient;
}

/** Wires the client, providers, commands and the status bar. `makeClient` starts the language server the entry's way. */
export function activateDunmark(context: vscode.ExtensionContext, loadMs: number | undefined, makeClient: ClientFactory): DunmarkApi {
  const started = performance.now();
  const linter = new DunmarkClient(context.extensionUri, makeClient);
  const previews = new PreviewProvider();
  const catalog = new TemplateCatalog(linter.discovery, context.extensionUri);
  const ruleDocs = new RuleDocsProvider(context.extensionUri);
  context.subscriptions.push(
    linter,
    previews,
    catalog,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    ruleDocs,
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, ruleDocs),
    vscode.tasks.registerTaskProvider(TASK_TYPE, new DunmarkTaskProvider(linter)),
    new DunmarkStatusBar(linter),
    vscode.workspace.onDidCloseTextDocument((d) => forgetParsed(d.uri)),
    ...registerCommands(linter, catalog, previews, context.extensionUri),
    ...registerCasesView(linter, catalog),
    ...registerApproval(linter),
  );
  return { activationMs: performance.now() - started, loadMs, linter };
}
