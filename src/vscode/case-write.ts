/**
 * Saves the facts typed into the form to the letter's case file, so that the next letter of the
 * case does not ask for them again. Through `workspace.fs` (desktop and web alike), with the care of
 * a guarded write: a regular file only (no link followed), bounded in size, the new text written
 * beside it and renamed over it in one step, and nothing written when the file changed meanwhile.
 * A case file open with unsaved changes is edited in its editor instead, and left for the person to save.
 */
import * as vscode from 'vscode';
import { cases } from './core.js';

/** The most a case file may be for Dunmark to rewrite it (as the guarded reader of src/node: a case file is a few kilobytes). */
const MAX_CASE_FILE_BYTES = 2 * 1024 * 1024;

/** Adds what `facts` has and the case lacks to `caseFile`; tells the person what was saved or why nothing was. */
export async function saveFactsToCase(caseFile: vscode.Uri, facts: Record<string, unknown>, inherited: Record<string, unknown>): Promise<boolean> {
  const core = cases();
  const fresh = core.newCaseFacts(facts, inherited);
  const name = vscode.workspace.asRelativePath(caseFile);
  if (!Object.keys(fresh).length) return true;
  const fail = (reason: string): false => {
    void vscode.window.showWarningMessage(vscode.l10n.t('The facts were not saved to {0}: {1}', name, reason));
    return false;
  };
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === caseFile.toString());
  if (open?.isDirty) {
    const edited = core.addCaseFacts(open.getText(), fresh);
    if (!edited.ok) return fail(edited.reason);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(caseFile, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), edited.text);
    if (!(await vscode.workspace.applyEdit(edit))) return fail(vscode.l10n.t('its editor refused the change'));
    void vscode.window.showInformationMessage(vscode.l10n.t('Added to {0} (not saved: it had unsaved changes): {1}', name, edited.added.join(', ')));
    return true;
  }
  try {
    const stat = await vscode.workspace.fs.stat(caseFile);
    if (stat.type & vscode.FileType.SymbolicLink) return fail(vscode.l10n.t('it is a link, which Dunmark does not follow'));
    if (!(stat.type & vscode.FileType.File)) return fail(vscode.l10n.t('it is not a file'));
    if (stat.size > MAX_CASE_FILE_BYTES) return fail(vscode.l10n.t('it is larger than {0} KB', MAX_CASE_FILE_BYTES / 1024));
    const before = await vscode.workspace.fs.readFile(caseFile);
    const text = new TextDecoder('utf-8', { fatal: true }).decode(before);
    const edited = core.addCaseFacts(text, fresh);
    if (!edited.ok) return fail(edited.reason);
    await replaceAtomically(caseFile, before, new TextEncoder().encode(edited.text));
    void vscode.window.showInformationMessage(vscode.l10n.t('Added to {0}: {1}', name, edited.added.join(', ')));
    return true;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Writes `bytes` beside `target` and renames it over `target`, unless `target` no longer holds `before`; the temporary file never stays. */
async function replaceAtomically(target: vscode.Uri, before: Uint8Array, bytes: Uint8Array): Promise<void> {
  const base = target.path.slice(target.path.lastIndexOf('/') + 1);
  const random = Array.from(crypto.getRandomValues(new Uint8Array(6)), (b) => b.toString(16).padStart(2, '0')).join('');
  const temp = vscode.Uri.joinPath(target, '..', `.${base}.${random}.dunmark-tmp`);
  try {
    await vscode.workspace.fs.writeFile(temp, bytes);
    const now = await vscode.workspace.fs.readFile(target);
    if (now.length !== before.length || now.some((b, i) => b !== before[i])) throw new Error(vscode.l10n.t('it changed while the form was open; try again'));
    await vscode.workspace.fs.rename(temp, target, { overwrite: true });
  } finally {
    await vscode.workspace.fs.delete(temp).then(
      () => undefined,
      () => undefined,
    );
  }
}
