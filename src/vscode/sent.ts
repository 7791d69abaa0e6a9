/**
 * Sent documents in the editor: "Mark as Sent" (the active letter, or a document of the Cases view),
 * and the edits Export, Record Payment and Record Call make to the documents of a case. The front
 * matter is changed by the core (`markSent`, `markBefore`); here the edits are applied to the files,
 * in their editors when they are open (one undo step each), and saved.
 */
import * as vscode from 'vscode';
import { isoToday } from '../core/facts/facts.js';
import { cases as coreCases } from './core.js';
import { readSettings } from './settings.js';

/** The date a command records as today: the `dunmark.today` setting, else the real date. */
export function todayFor(uri: vscode.Uri | undefined, configToday?: string): string {
  return readSettings(uri).today || configToday || isoToday();
}

/** Replaces the text of several files (in their editors when open) and saves them; false when one could not be written. */
export async function replaceTexts(changes: readonly { uri: vscode.Uri; text: string }[]): Promise<boolean> {
  if (changes.length === 0) return true;
  const edit = new vscode.WorkspaceEdit();
  const documents: vscode.TextDocument[] = [];
  for (const change of changes) {
    const document = await vscode.workspace.openTextDocument(change.uri);
    documents.push(document);
    edit.replace(change.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), change.text);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return false;
  const saved = await Promise.all(documents.map((d) => d.save()));
  return saved.every(Boolean);
}

/**
 * Marks a document as sent on `date` when it goes to the debtor (a letter, a call summary, a plan,
 * an acknowledgement, a confirmation); returns the date it is marked with (an earlier mark stays), or
 * undefined when it is not such a document or its front matter cannot be read.
 */
export async function markDocumentSent(uri: vscode.Uri, date: string): Promise<string | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const core = coreCases();
  const own = core.ownFrontMatter(document.getText());
  if (!own || !core.isSendable(own)) return undefined;
  if (typeof own.sent === 'string') return own.sent;
  const edit = core.markSent(document.getText(), date);
  if (!edit.ok || !(await replaceTexts([{ uri, text: edit.text }]))) return undefined;
  return date;
}

/** "Mark as Sent": the document of a Cases view row, else the active editor's. */
export async function markAsSentCommand(target?: unknown): Promise<string | undefined> {
  const uri =
    target instanceof vscode.Uri
      ? target
      : target && typeof target === 'object' && (target as { resourceUri?: unknown }).resourceUri instanceof vscode.Uri
        ? (target as { resourceUri: vscode.Uri }).resourceUri
        : vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open the letter to mark it as sent.'));
    return undefined;
  }
  const date = todayFor(uri);
  const marked = await markDocumentSent(uri, date);
  const name = vscode.workspace.asRelativePath(uri);
  if (!marked) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not a document that goes to the debtor (a letter, call summary, plan, acknowledgement or confirmation with its `kind:`).', name),
    );
    return undefined;
  }
  void vscode.window.showInformationMessage(
    marked === date
      ? vscode.l10n.t('{0} is marked as sent on {1}: later facts of the case will not judge it again.', name, marked)
      : vscode.l10n.t('{0} was already marked as sent on {1}.', name, marked),
  );
  return marked;
}
