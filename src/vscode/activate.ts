/**
 * Activation shared by the Node and the web extension: it only wires objects together.
 * Nothing here touches the file system directly (everything goes through `vscode.workspace.fs`).
 */
import * as vscode from 'vscode';
import { registerApproval } from './approval.js';
import { DunmarkCodeActions } from './code-actions.js';
import { DunmarkCompletion } from './completion.js';
import { registerCasesView } from './cases-view.js';
import { registerCommands, PREVIEW_SCHEME, PreviewProvider } from './commands.js';
import { CASE_FILE_SELECTOR, Linter, SELECTOR } from './diagnostics.js';
import type { ThreadFactory } from '../core/pool/pool.js';
import { DunmarkHover } from './hover.js';
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
  readonly linter: Linter;
}

/**
 * Wires diagnostics, providers, commands and the status bar. Linting of open documents is deferred.
 * `threads` starts the worker documents are checked in (each entry knows its kind of worker).
 */
export function activateDunmark(context: vscode.ExtensionContext, loadMs?: number, threads?: ThreadFactory): DunmarkApi {
  const started = performance.now();
  const linter = new Linter(context.extensionUri, threads);
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
    vscode.languages.registerCodeActionsProvider([...SELECTOR, ...CASE_FILE_SELECTOR], new DunmarkCodeActions(linter), DunmarkCodeActions.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new DunmarkHover(linter.collection, context.extensionUri)),
    vscode.languages.registerCompletionItemProvider(SELECTOR, new DunmarkCompletion(), ...DunmarkCompletion.triggers),
    new DunmarkStatusBar(linter),
    vscode.workspace.onDidCloseTextDocument((d) => forgetParsed(d.uri)),
    ...registerCommands(linter, catalog, previews, context.extensionUri),
    ...registerCasesView(linter, catalog),
    ...registerApproval(linter),
  );
  // the documents already open are linted after activation returns: nothing at activation that can wait
  setTimeout(() => linter.lintAll(), 0);
  return { activationMs: performance.now() - started, loadMs, linter };
}
