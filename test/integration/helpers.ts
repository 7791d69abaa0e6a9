// Helpers of the integration suite: wait on editor events (never on time), find fixtures.
import * as vscode from 'vscode';

/** The workspace the runner opened (a per-run copy of test/integration/fixtures). */
export function workspaceUri(...parts: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...parts);
}

/** Dunmark's diagnostics of a document. */
export function dunmarkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'dunmark');
}

/** The rule id of a diagnostic. */
export function ruleOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/**
 * Resolves with the document's Dunmark diagnostics once `accept` holds for them, checking now and on
 * every onDidChangeDiagnostics event; rejects after `ms` with what was last seen.
 */
export function waitForDiagnostics(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, ms = 20_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = (): boolean => {
      const ds = dunmarkDiagnostics(uri);
      if (!accept(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(
        new Error(`diagnostics of ${uri.toString()} never matched; last: ${JSON.stringify(dunmarkDiagnostics(uri).map((d) => `${ruleOf(d)} ${d.message}`))}`),
      );
    }, ms);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    check();
  });
}

/** Resolves when a document's text satisfies `accept` (checked now and on each change). */
export function waitForText(document: vscode.TextDocument, accept: (text: string) => boolean, ms = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const done = (): boolean => {
      if (!accept(document.getText())) return false;
      cleanup();
      resolve(document.getText());
      return true;
    };
    const subscription = vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === document) done();
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`text of ${document.uri.toString()} never matched`));
    }, ms);
    function cleanup(): void {
      clearTimeout(timer);
      subscription.dispose();
    }
    done();
  });
}

/** Opens a fixture in an editor. */
export async function openFixture(...parts: string[]): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...parts));
  return vscode.window.showTextDocument(document);
}

/** The position of the first occurrence of `needle` in a document (plus `delta` characters). */
export function positionOf(document: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = document.getText().indexOf(needle);
  if (at === -1) throw new Error(`\`${needle}\` is not in ${document.uri.toString()}`);
  return document.positionAt(at + delta);
}

/** Text of a hover's contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
}
