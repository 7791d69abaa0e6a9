// Export and Word letters in a real editor: the commands write the file the letter becomes, and
// a Word letter opens as a read-only Markdown view whose diagnostics name its paragraphs.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from './helpers.js';

const FAULTY = `---
kind: dunning-letter
stage: final-demand
date: 2026-11-20
language: en
creditor:
  name: Harbor Valve Works LLC
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
  contact: Mr. Zhou Peng
amount: 18400.00
currency: USD
invoices:
  - number: HVW-2026-1187
    amount: 18400.00
due_date: 2026-10-15
deadline: 2026-12-04
next_step: arbitration
---

# Final demand: invoice HVW-2026-1187

Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 14,800.00 fell due on 15 October 2026. Please pay USD 18,400.00 by 4 December 2026, or we will commence arbitration.
`;

/** True once the extension host has loaded the export bundle. */
const exportLoaded = (): boolean => Object.keys(require.cache).some((k) => k.replace(/\\/g, '/').endsWith('/dist/export.cjs'));

describe('export in the editor', () => {
  it('does not load the export code at activation', async () => {
    await vscode.extensions.getExtension('dunmark.dunmark')!.activate();
    assert.equal(exportLoaded(), false);
  });

  it('exports the open letter to Word when told to go ahead despite its errors, and never half-writes', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: FAULTY });
    await vscode.window.showTextDocument(document);
    const target = workspaceUri('letters', 'exported-final-demand.docx');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('dunmark.exportLetter', {
      format: 'docx',
      target: target.toString(),
      force: true,
    });
    assert.equal(written?.toString(), target.toString());
    const bytes = await vscode.workspace.fs.readFile(target);
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK', 'a zip');
    const names = (await vscode.workspace.fs.readDirectory(workspaceUri('letters'))).map(([n]) => n);
    assert.ok(!names.some((n) => n.endsWith('.partial')), 'no partial file left');
    assert.equal(exportLoaded(), true, 'loaded on first use');
  });

  it('checks a Word letter: a read-only Markdown view, diagnostics with the paragraph', async () => {
    const target = workspaceUri('letters', 'exported-final-demand.docx');
    const view = await vscode.commands.executeCommand<vscode.Uri | undefined>('dunmark.checkWordDocument', { uri: target.toString() });
    assert.ok(view, 'a view opened');
    assert.equal(view.scheme, 'dunmark-docx');
    const shown = vscode.window.activeTextEditor?.document;
    assert.equal(shown?.uri.toString(), view.toString());
    assert.equal(shown.languageId, 'markdown');
    assert.match(shown.getText(), /^---\nkind: dunning-letter\n[\s\S]*\n---\n\n# Final demand: invoice HVW-2026-1187\n/);
    const ds = vscode.languages.getDiagnostics(view).filter((d) => d.source === 'dunmark');
    const wrong = ds.find((d) => /Unexpected `USD 14,800\.00`/.test(d.message));
    assert.ok(wrong, JSON.stringify(ds.map((d) => d.message)));
    assert.match(wrong.message, /^¶3: /);
    assert.equal(wrong.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(shown.getText(wrong.range), 'USD 14,800.00');
  });
});
