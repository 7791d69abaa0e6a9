// Case folders in the editor: a letter inherits its case.yaml, a finding about an inherited fact is
// shown in case.yaml, completion knows the inherited facts, and the Cases view's portfolio and its
// Record Payment edit of case.yaml — waiting on events, never on time.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ruleOf, waitForDiagnostics, workspaceUri } from './helpers';

const CASE_YAML = `# a case with a slip: the amount is not the invoice's
creditor:
  name: Harbor Valve Works LLC
  contact: Dana Whitfield
  email: ar@harborvalve.example
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
  contact: Mr. Zhou Peng
amount: 18000.00
currency: USD
invoices:
  - number: HVW-2026-1187
    date: 2026-09-15
    amount: 18400.00
due_date: 2026-10-15
`;

const LETTER = `---
kind: dunning-letter
stage: reminder
date: 2026-10-22
language: en
---

Dear Mr. Zhou,

A friendly note that invoice HVW-2026-1187, due on 15 October 2026, is still open. Please let us know when it will be paid.

Kind regards,
Dana Whitfield, Harbor Valve Works LLC
`;

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

describe('Dunmark case folders', () => {
  const caseFile = workspaceUri('cases', 'ningbo', 'case.yaml');
  const letter = workspaceUri('cases', 'ningbo', 'reminder.md');

  before(async () => {
    await write(caseFile, CASE_YAML);
    await write(letter, LETTER);
  });

  it('shows a finding about an inherited fact in case.yaml, not in the letter', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(letter));
    const inCase = await waitForDiagnostics(caseFile, (ds) => ds.some((d) => ruleOf(d) === 'invoice-total'));
    const total = inCase.find((d) => ruleOf(d) === 'invoice-total')!;
    assert.equal(total.range.start.line, 8, 'on the amount line of case.yaml');
    assert.match(total.message, /`amount: 18000\.00`/);
    const inLetter = await waitForDiagnostics(letter, () => true);
    assert.ok(
      !inLetter.some((d) => ruleOf(d) === 'invoice-total' || ruleOf(d) === 'required-facts'),
      inLetter.map((d) => `${ruleOf(d)} ${d.message}`).join('; '),
    );
  });

  it('completes a front-matter key with what the case file already says', async () => {
    const document = await vscode.workspace.openTextDocument(letter);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(letter, new vscode.Position(5, 0), 'cur\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForDiagnostics(letter, () => true);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(5, 3));
    const currency = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'currency');
    assert.ok(currency, 'currency is offered');
    assert.match(String(currency.detail), /USD/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it("lists the case in the Cases view's portfolio, and the quick fix offered in case.yaml clears its finding", async () => {
    const groups = await vscode.commands.executeCommand<[string, string[]][]>('dunmark.cases.portfolio');
    assert.ok(
      groups.some(([, folders]) => folders.includes('cases/ningbo')),
      JSON.stringify(groups),
    );
    const document = await vscode.workspace.openTextDocument(caseFile);
    await vscode.window.showTextDocument(document);
    const total = (await waitForDiagnostics(caseFile, (ds) => ds.some((d) => ruleOf(d) === 'invoice-total'))).find((d) => ruleOf(d) === 'invoice-total')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      caseFile,
      total.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => a.title.includes('18400.00') && a.edit);
    assert.ok(fix, `a quick fix in case.yaml: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(!actions.some((a) => /disable/i.test(a.title)), 'no Markdown disable comment is offered in YAML');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.match(document.getText(), /^amount: 18400\.00$/m);
    await document.save();
    await waitForDiagnostics(caseFile, (ds) => !ds.some((d) => ruleOf(d) === 'invoice-total'));
  });
});
