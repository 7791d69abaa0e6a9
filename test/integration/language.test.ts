// The letter's language everywhere, Lint Workspace and rule pages, inside a real extension host.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { dunmarkDiagnostics, hoverText, positionOf, ruleOf, waitForDiagnostics, workspaceUri } from './helpers.js';

/** A Chinese reminder that states the wrong amount: a finding with a fix. */
const ZH_WRONG_AMOUNT = `---
kind: dunning-letter
stage: reminder
date: 2026-10-22
language: zh-CN
creditor:
  name: Harbor Valve Works LLC
  country: US
  contact: Dana Whitfield
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
  name_zh: 宁波联合实业有限公司
  country: CN
  contact: 周鹏先生
amount: 18400.00
currency: USD
invoices:
  - number: HVW-2026-1187
    date: 2026-09-15
    amount: 18400.00
due_date: 2026-10-15
---

# 付款提醒：发票 HVW-2026-1187

周鹏先生：

贵司编号为HVW-2026-1187的发票，欠款金额14,800.00美元，已于2026年10月15日到期，至今尚未支付。

此致

Dana Whitfield
`;

describe("Dunmark speaks the letter's language", () => {
  it('gives a Chinese letter Chinese fix titles and a Chinese hover that opens the Chinese rule page, read-only', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: ZH_WRONG_AMOUNT });
    await vscode.window.showTextDocument(document);
    const ds = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'amount-matches-facts'));
    const finding = ds.find((x) => ruleOf(x) === 'amount-matches-facts')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range);
    // the fix of the finding, titled in Chinese (the disable actions are the editor's own words)
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('替换为 `18,400.00美元`'), titles.join(' | '));
    assert.ok(!titles.some((t) => t.startsWith('Replace with')), 'no English fix title');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '14,800.00', 2));
    const text = hoverText(hovers);
    assert.match(text, /阅读规则说明/, text);
    assert.match(text, /command:dunmark\.showRuleDocs/, 'the link opens the page formatted, not a file');
    const target = (finding.code as { target: vscode.Uri }).target;
    assert.equal(target.scheme, 'dunmark-docs', 'the code link is a read-only virtual page, not a file in the install folder');
    assert.equal(target.path, '/zh/amount-matches-facts.md');
    const page = await vscode.workspace.openTextDocument(target);
    assert.match(page.getText(), /[\u4e00-\u9fff]/, 'the page is in Chinese');
    await vscode.commands.executeCommand('dunmark.showRuleDocs', 'amount-matches-facts', 'zh');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});

describe('Lint Workspace', () => {
  it('lints every Dunmark document into the Problems panel; a closed letter keeps its problems until it is fixed or deleted', async () => {
    const uri = workspaceUri('letters', 'closed-with-a-mistake.md');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ZH_WRONG_AMOUNT));
    try {
      const result = await vscode.commands.executeCommand<{ files: number; errors: number }>('dunmark.lintWorkspace');
      assert.ok(result.files >= 4, `${result.files} Markdown files`);
      assert.ok(
        dunmarkDiagnostics(uri).some((d) => ruleOf(d) === 'amount-matches-facts'),
        'a file that was never opened has its problems',
      );
      assert.deepEqual(dunmarkDiagnostics(workspaceUri('notes', 'README.md')), [], 'a README is not a Dunmark document');
      // opened and closed: the problems stay
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'amount-matches-facts'));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'amount-matches-facts'));
      // fixed on disk while closed: they go
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ZH_WRONG_AMOUNT.replace('14,800.00美元', '18,400.00美元')));
      await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'amount-matches-facts'));
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(ZH_WRONG_AMOUNT));
      await vscode.commands.executeCommand('dunmark.lintWorkspace');
      await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'amount-matches-facts'));
      // fixed by replacing the file (what `dunmark lint --fix` and many editors do: write beside it, rename over it)
      const beside = workspaceUri('letters', 'closed-with-a-mistake.md.tmp');
      await vscode.workspace.fs.writeFile(beside, new TextEncoder().encode(ZH_WRONG_AMOUNT.replace('14,800.00美元', '18,400.00美元')));
      await vscode.workspace.fs.rename(beside, uri, { overwrite: true });
      await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'amount-matches-facts'));
    } finally {
      await vscode.workspace.fs.delete(uri);
    }
    await waitForDiagnostics(uri, (d) => d.length === 0);
  });

  it("never lints a case file as a letter when it is closed: its problems are its letters' findings", async () => {
    const folder = workspaceUri('letters', 'case-of-closing');
    const caseFile = vscode.Uri.joinPath(folder, 'case.yaml');
    const letter = vscode.Uri.joinPath(folder, 'reminder.md');
    const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    await write(
      caseFile,
      [
        'creditor:\n  name: Harbor Valve Works LLC\n  country: US\n  contact: Dana Whitfield',
        'debtor:\n  name: Ningbo Lianhe Industrial Co., Ltd.\n  country: CN\n  contact: Mr. Zhou Peng',
        'amount: 8000.00\ncurrency: USD',
        'invoices:\n  - number: INV-1\n    date: 2026-09-15\n    amount: 7000.00',
        'due_date: 2026-10-15\n',
      ].join('\n'),
    );
    await write(
      letter,
      '---\nkind: dunning-letter\nstage: reminder\ndate: 2026-10-22\n---\n\nDear Mr. Zhou,\n\nInvoice INV-1 fell due on 15 October 2026.\n\nKind regards,\nDana Whitfield\n',
    );
    try {
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(letter));
      await waitForDiagnostics(caseFile, (d) => d.some((x) => ruleOf(x) === 'invoice-total'));
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(caseFile));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.window.showTextDocument(editor.document);
      // the worker answers in order: once Lint Workspace is done, whatever closing the case file started is too
      await vscode.commands.executeCommand('dunmark.lintWorkspace');
      const rules = dunmarkDiagnostics(caseFile).map(ruleOf);
      assert.ok(rules.includes('invoice-total'), `case.yaml keeps its letter's finding: ${rules.join(', ')}`);
      assert.ok(!rules.includes('front-matter'), `case.yaml is not linted as a letter: ${rules.join(', ')}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(folder, { recursive: true });
    }
  });

  it('offers the lint as a task', async () => {
    const tasks = await vscode.tasks.fetchTasks({ type: 'dunmark' });
    assert.deepEqual(
      tasks.map((t): unknown[] => [t.definition.type, t.definition.task, t.source]),
      [['dunmark', 'lint', 'dunmark']],
    );
  });
});
