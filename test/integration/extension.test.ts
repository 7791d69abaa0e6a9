// Dunmark in a real editor: diagnostics, code actions, fix-all on save, hovers, completion, commands.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { GUARANTOR_FACTS, REMINDER_FACTS } from './facts.js';
import { dunmarkDiagnostics, hoverText, openFixture, positionOf, ruleOf, waitForDiagnostics, waitForText, workspaceUri } from './helpers.js';

const EXTENSION_ID = 'dunmark.dunmark';

describe('Dunmark in the editor', () => {
  let activationMs = Number.NaN;
  let loadMs: number | undefined;
  let linter: { checksOffThread: boolean } | undefined;

  before(async () => {
    const extension = vscode.extensions.getExtension<{ activationMs: number; loadMs?: number; linter: { checksOffThread: boolean } }>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    const api = await extension.activate();
    activationMs = api.activationMs;
    loadMs = api.loadMs;
    linter = api.linter;
  });

  // how long is the bench's business (npm run bench: measure-activation.mjs); a loaded CI machine is no judge of it
  it('activates from the packaged bundle and reports what loading it cost', () => {
    console.log(`    activate() took ${activationMs.toFixed(2)} ms; bundle evaluation ${loadMs?.toFixed(2) ?? '?'} ms`);
    assert.ok(Number.isFinite(activationMs) && activationMs >= 0, `activate() reported ${activationMs}`);
    assert.ok(loadMs !== undefined && Number.isFinite(loadMs) && loadMs > 0, 'the bundle measured its own evaluation (the esbuild banner ran)');
  });

  it("reports a faulty letter with the rule, its docs link and the finding's severity", async () => {
    const editor = await openFixture('letters', 'reminder-wrong-stage.md');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'fact-types'));
    const d = ds.find((x) => ruleOf(x) === 'fact-types')!;
    assert.equal(d.source, 'dunmark');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.range.start.line, 2, 'on the `stage:` line');
    assert.match(d.message, /^Unexpected `Second Reminder` for `stage`/);
    assert.equal(linter?.checksOffThread, true, "the letter was checked in the lint worker, not in the extension host's thread");
    assert.ok(
      typeof d.code === 'object' && d.code.target.scheme === 'dunmark-docs' && d.code.target.path === '/en/fact-types.md',
      'code links the rule page, read-only',
    );
  });

  it('explains a finding on hover', async () => {
    const editor = await openFixture('letters', 'reminder-wrong-stage.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'Second Reminder', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /fact-types/);
    assert.match(text, /Every front-matter fact has the type/);
    assert.match(text, /command:dunmark\.showRuleDocs\?%5B%22fact-types%22%2C%22en%22%5D/, 'the link opens the rule page formatted');
  });

  it('shows on hover which front-matter fact an amount in the text matches', async () => {
    const editor = await openFixture('letters', 'reminder-wrong-stage.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'USD 18,400.00', 5),
    );
    assert.match(hoverText(hovers), /Matches front matter `amount: 18400` \(USD\)/);
  });

  it('fixes the finding through the code-action API and the diagnostic clears', async () => {
    const editor = await openFixture('letters', 'reminder-wrong-stage.md');
    const uri = editor.document.uri;
    const [d] = await waitForDiagnostics(uri, (ds) => ds.some((x) => ruleOf(x) === 'fact-types'));
    const range = dunmarkDiagnostics(uri).find((x) => ruleOf(x) === 'fact-types')?.range ?? d!.range;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('Disable fact-types for this file'), titles.join(' | '));
    assert.ok(!titles.includes('Disable fact-types for this line'), 'no HTML comment inside the YAML');
    const fix = actions.find((a) => a.isPreferred && /second-reminder/.test(a.title));
    assert.ok(fix?.edit, `a preferred fix among: ${titles.join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /^stage: second-reminder$/m);
    await waitForDiagnostics(uri, (ds) => !ds.some((x) => ruleOf(x) === 'fact-types'));
  });

  it('applies preferred fixes on save (source.fixAll.dunmark)', async () => {
    await vscode.workspace
      .getConfiguration('editor')
      .update('codeActionsOnSave', { 'source.fixAll.dunmark': 'explicit' }, vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await openFixture('letters', 'final-demand-fix-on-save.md');
      const document = editor.document;
      await waitForDiagnostics(document.uri, (ds) => ds.some((x) => ruleOf(x) === 'fact-types'));
      // a real edit, then the explicit save a person makes with Ctrl+S
      await editor.edit((e) => e.insert(document.lineAt(document.lineCount - 1).range.end, '\n'));
      const saved = new Promise<void>((resolve) => {
        const s = vscode.workspace.onDidSaveTextDocument((d) => {
          if (d === document) {
            s.dispose();
            resolve();
          }
        });
      });
      await vscode.commands.executeCommand('workbench.action.files.save');
      await saved;
      assert.match(document.getText(), /^stage: final-demand$/m);
      const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri));
      assert.match(onDisk, /^stage: final-demand$/m, 'the fixed text is what was saved');
      await waitForDiagnostics(document.uri, (ds) => !ds.some((x) => ruleOf(x) === 'fact-types'));
    } finally {
      await vscode.workspace.getConfiguration('editor').update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Fix All writes the bytes `dunmark lint --fix` writes, for every fixture with a fixed version', async function () {
    // two dozen letters, each checked and then fixed in the worker (and the CLI run): a loaded machine needs minutes
    this.timeout(600_000);
    // the repository this suite was bundled from (out/integration/ → ../..): its rule fixtures and its CLI
    const repo = path.resolve(__dirname, '../..');
    const rulesDir = path.join(repo, 'test/fixtures/rules');
    const cases: { name: string; text: string; config: string }[] = [];
    for (const rule of fs.readdirSync(rulesDir).sort()) {
      for (const file of fs
        .readdirSync(path.join(rulesDir, rule))
        .filter((f) => f.endsWith('.fixed.md'))
        .sort()) {
        const letter = path.join(rulesDir, rule, file.replace(/\.fixed\.md$/, '.md'));
        const own = letter.replace(/\.md$/, '.config.json');
        const config = { today: '2026-11-20', ...(fs.existsSync(own) ? (JSON.parse(fs.readFileSync(own, 'utf8')) as object) : {}) };
        cases.push({ name: `${rule}-${file.replace(/\.fixed\.md$/, '')}`, text: fs.readFileSync(letter, 'utf8'), config: JSON.stringify(config) });
      }
    }
    assert.ok(cases.length >= 20, `${cases.length} fixtures with a fixed version`);
    // the CLI's bytes: the built binary over a copy, one folder per fixture beside its config
    const cliDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-fix-equality-'));
    try {
      for (const c of cases) {
        fs.mkdirSync(path.join(cliDir, c.name));
        fs.writeFileSync(path.join(cliDir, c.name, 'letter.md'), c.text);
        fs.writeFileSync(path.join(cliDir, c.name, '.dunmarkrc.json'), c.config);
      }
      try {
        execFileSync(process.execPath, [path.join(repo, 'dist/cli.mjs'), 'lint', '--fix', '.'], { cwd: cliDir, stdio: 'pipe' });
      } catch (error) {
        assert.equal((error as { status?: number }).status, 1, String((error as { stderr?: Buffer }).stderr ?? error)); // findings remain: exit 1
      }
      for (const c of cases) {
        const folder = workspaceUri('fix-equality', c.name);
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, '.dunmarkrc.json'), new TextEncoder().encode(c.config));
        const uri = vscode.Uri.joinPath(folder, 'letter.md');
        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(c.text));
        const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
        const fixed = fs.readFileSync(path.join(cliDir, c.name, 'letter.md'), 'utf8');
        // a fixture whose fixed version is itself (no fix is certain) is left alone by both
        assert.equal(await vscode.commands.executeCommand<boolean>('dunmark.fixAll'), fixed !== c.text, `Fix All changed ${c.name} as --fix did`);
        assert.equal(editor.document.getText(), fixed, `Fix All and --fix differ on ${c.name}`);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    } finally {
      fs.rmSync(cliDir, { recursive: true, force: true });
    }
  });

  it('completes front-matter keys and enum values from the facts schema', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '---\nkind: \nde\ndebtor:\n  lo\ninvoices:\n  - nu\n---\n' });
    const at = async (line: number, character: number): Promise<string[]> => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        document.uri,
        new vscode.Position(line, character),
      );
      return list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    };
    const kinds = await at(1, 6);
    for (const k of ['dunning-letter', 'call-summary', 'clause']) assert.ok(kinds.includes(k), `kind values: ${kinds.join(', ')}`);
    const keys = await at(2, 2);
    for (const k of ['debtor', 'deadline', 'due_date']) assert.ok(keys.includes(k), `top-level keys: ${keys.join(', ')}`);
    assert.ok((await at(4, 4)).includes('locale'), 'debtor.locale');
    assert.ok((await at(6, 6)).includes('number'), 'invoices[].number');
  });

  it('disables a rule for one line through its code action', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '---\nkind: dunning-letter\n---\n\nPay now!!! Or else.\n\nThank you!!!\n',
    });
    await vscode.window.showTextDocument(document);
    const shouts = (ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((x) => ruleOf(x) === 'shouting');
    const [first] = shouts(await waitForDiagnostics(document.uri, (ds) => shouts(ds).length === 2));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, first!.range);
    const disable = actions.find((a) => a.title === 'Disable shouting for this line');
    assert.ok(disable?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.match(document.getText(), /<!-- dunmark-disable-next-line shouting -->\nPay now!!!/);
    const left = shouts(await waitForDiagnostics(document.uri, (ds) => shouts(ds).length === 1));
    assert.equal(document.getText(left[0]!.range), '!!!', 'the other line is still reported');
    assert.equal(document.lineAt(left[0]!.range.start.line).text, 'Thank you!!!');
  });

  it('completes {{fact}} names inside a template body', async () => {
    const editor = await openFixture('templates', 'thank-you', 'template.md');
    const document = editor.document;
    const last = document.lineAt(document.lineCount - 1);
    const position = last.text.length ? last.range.end : document.lineAt(document.lineCount - 2).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const name of ['debtor.name', 'debtor.contact', 'deadline', 'deadline_zh', 'amount_daxie', 'invoices_en'])
      assert.ok(labels.includes(name), `placeholder names: ${labels.slice(0, 20).join(', ')}`);
  });

  it('lints an untitled document', async () => {
    const document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: 'Dear Mr. Zhou,\n\nInvoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026.\n',
    });
    await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, 'untitled');
    const ds = await waitForDiagnostics(document.uri, (d) => d.some((x) => ruleOf(x) === 'front-matter'));
    assert.match(ds.find((x) => ruleOf(x) === 'front-matter')!.message, /without front matter/);
  });

  it('creates a letter from a template with its answers passed as arguments', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.newLetterFromTemplate', {
      templateId: 'reminder-en',
      facts: REMINDER_FACTS,
      target: 'untitled',
    });
    assert.ok(document, 'a document was created');
    const text = document.getText();
    assert.match(text, /^---\nkind: dunning-letter\nstage: reminder\n/);
    assert.match(text, /Ningbo Lianhe Industrial Co\., Ltd\./);
    assert.match(text, /HVW-2026-1203/);
    assert.doesNotMatch(text, /\{\{/, 'no placeholder is left');
    assert.equal(vscode.window.activeTextEditor?.document, document);
  });

  it('writes a new letter to a named file, and never overwrites one', async () => {
    const target = workspaceUri('letters', 'reminder-from-template.md');
    const first = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.newLetterFromTemplate', {
      templateId: 'reminder-en',
      facts: REMINDER_FACTS,
      target: target.toString(),
    });
    assert.ok(first);
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(before, /HVW-2026-1187/);
    const second = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.newLetterFromTemplate', {
      templateId: 'reminder-en',
      facts: { ...REMINDER_FACTS, amount: 1 },
      target: target.toString(),
    });
    assert.equal(second, undefined);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)), before);
  });

  it('inserts the guarantor clause at the cursor in one undo step', async () => {
    const editor = await openFixture('letters', 'reminder-wrong-stage.md');
    const document = editor.document;
    const original = document.getText();
    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const inserted = await vscode.commands.executeCommand<boolean>('dunmark.insertGuarantorClause', {
      templateId: 'clause-us-guaranty-en',
      facts: GUARANTOR_FACTS,
    });
    assert.equal(inserted, true);
    const text = document.getText();
    assert.ok(text.startsWith(original), 'inserted at the cursor, nothing else changed');
    const clause = text.slice(original.length);
    assert.match(clause, /Chen Li/);
    assert.match(clause, /HVW-SA-2025-014/);
    assert.doesNotMatch(clause, /^---/m, 'the clause comes without front matter');
    await vscode.commands.executeCommand('undo');
    await waitForText(document, (t) => t === original);
  });
});

describe('Dunmark drafting commands', () => {
  const BANK = { name: 'First Coastal Bank, Oakland', account_name: 'Harbor Valve Works LLC', account_number: '4417 0093 2285', swift: 'FCBKUS6S' };

  it('escalates a second reminder to a final demand with a new date and deadline', async () => {
    await openFixture('letters', 'second-reminder-to-escalate.md');
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.escalate', {
      facts: { date: '2026-11-20', deadline: '2026-12-04', goods: 'stainless steel ball valves and fittings', bank: BANK },
      target: 'untitled',
    });
    assert.ok(document, 'a final demand was drafted');
    const text = document.getText();
    assert.match(text, /^stage: final-demand$/m);
    assert.match(text, /^deadline: 2026-12-04$/m, 'the new deadline, not the old one');
    assert.doesNotMatch(text, /2026-11-18/, 'the old deadline is not carried over');
  });

  it('inserts the arbitration clause of the chosen institution', async () => {
    const editor = await openFixture('letters', 'second-reminder-to-escalate.md');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    const before = editor.document.getText();
    const ok = await vscode.commands.executeCommand<boolean>('dunmark.insertArbitrationClause', {
      institution: 'CIETAC',
      facts: { seat: 'Beijing', arbitrators: 3, arbitration_language: 'en' },
    });
    assert.equal(ok, true);
    const clause = editor.document.getText().slice(before.length);
    assert.match(clause, /China International Economic and Trade Arbitration Commission/);
    await vscode.commands.executeCommand('undo');
    await waitForText(editor.document, (t) => t === before);
  });

  it('previews a rendered template in a virtual document', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.previewRendered', {
      templateId: 'reminder-en',
      facts: REMINDER_FACTS,
    });
    assert.ok(document);
    assert.equal(document.uri.scheme, 'dunmark-preview');
    assert.equal(document.languageId, 'markdown');
    assert.match(document.getText(), /Ningbo Lianhe Industrial Co\., Ltd\./);
    assert.equal(document.isUntitled, false, 'a preview is not a draft that asks to be saved');
  });
});

describe('Dunmark settings and configuration', () => {
  afterEach(async () => {
    const c = vscode.workspace.getConfiguration('dunmark');
    await c.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    await c.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('clears diagnostics when dunmark.enable is off and lints again when it is on', async () => {
    const editor = await openFixture('bad-config', 'letter-under-bad-config.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (ds) => ds.length > 0);
    await vscode.workspace.getConfiguration('dunmark').update('enable', false, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length === 0);
    await vscode.workspace.getConfiguration('dunmark').update('enable', true, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(uri, (ds) => ds.length > 0);
  });

  it('applies a category severity from dunmark.severity', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Dear Mr. Zhou,\n\nPlease pay invoice HVW-2026-1187.\n' });
    const isFrontMatter = (d: vscode.Diagnostic): boolean => ruleOf(d) === 'front-matter';
    await waitForDiagnostics(document.uri, (ds) => ds.some((d) => isFrontMatter(d) && d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.workspace.getConfiguration('dunmark').update('severity', { structure: 'hint' }, vscode.ConfigurationTarget.Workspace);
    await waitForDiagnostics(document.uri, (ds) => ds.some((d) => isFrontMatter(d) && d.severity === vscode.DiagnosticSeverity.Hint));
  });

  it('leaves a Markdown file alone when no config applies and its front matter has no kind', async () => {
    const api = await vscode.extensions
      .getExtension<{ linter: { onDidLint: vscode.Event<{ document: vscode.TextDocument; findings: readonly unknown[] }> } }>(EXTENSION_ID)!
      .activate();
    const uri = workspaceUri('notes', 'README.md');
    const linted = new Promise<readonly unknown[]>((resolve) => {
      const s = api.linter.onDidLint((e) => {
        if (e.document.uri.toString() === uri.toString()) {
          s.dispose();
          resolve(e.findings);
        }
      });
    });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    assert.deepEqual(await linted, []);
    assert.deepEqual(dunmarkDiagnostics(uri), []);
  });

  it('looks for .dunmarkrc.json no higher than the workspace folder', async () => {
    const api = await vscode.extensions
      .getExtension<{ linter: { onDidLint: vscode.Event<{ document: vscode.TextDocument; findings: readonly unknown[] }> } }>(EXTENSION_ID)!
      .activate();
    // a config above the workspace folder (the runner's per-run folder) must not make its notes Dunmark documents
    const above = path.join(path.dirname(workspaceUri().fsPath), '.dunmarkrc.json');
    fs.writeFileSync(above, '{}');
    try {
      const uri = workspaceUri('notes-outside-config', 'minutes.md');
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# Minutes\n\nNo letter here.\n'));
      const linted = new Promise<readonly unknown[]>((resolve) => {
        const s = api.linter.onDidLint((e) => {
          if (e.document.uri.toString() === uri.toString()) {
            s.dispose();
            resolve(e.findings);
          }
        });
      });
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      assert.deepEqual(await linted, [], 'not linted: no config applies inside the workspace');
    } finally {
      fs.rmSync(above, { force: true });
    }
  });

  it('keeps linting with the editor settings when the nearest .dunmarkrc.json is invalid', async () => {
    const editor = await openFixture('bad-config', 'letter-under-bad-config.md');
    const ds = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'fact-types'));
    assert.match(ds.find((x) => ruleOf(x) === 'fact-types')!.message, /`EN`/);
  });
});
