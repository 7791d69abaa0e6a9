/**
 * "Dunmark: Approve Letter" and the approval's status bar item ("Approved by NAME", "Changed since
 * approval", "Waiting for approval"). The record and its digest are the core's (src/core/approval),
 * the same as `dunmark approve`; the state shown is the `approval` rule's finding, so the status bar,
 * the Problems panel and the export always agree.
 */
import * as vscode from 'vscode';
import { approval as coreApproval, engine } from './core.js';
import { isLinted, UNCHECKED_ID, type DunmarkClient, type ShownFinding } from './client.js';
import { parsedHead } from './parsed.js';

/** The git extension's API, as far as this file uses it. */
interface GitApi {
  repositories: { rootUri: vscode.Uri; getConfig(key: string): Promise<string>; getGlobalConfig(key: string): Promise<string> }[];
  getRepository(uri: vscode.Uri): GitApi['repositories'][number] | null;
}

/** Git's `user.name` for a document, through the built-in git extension (no process of our own); undefined when there is none in time. */
async function gitUserName(uri: vscode.Uri): Promise<string | undefined> {
  const ask = async (): Promise<string | undefined> => {
    const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
    if (!extension) return undefined;
    const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
    const repository = api.getRepository(uri) ?? api.repositories[0];
    const name = repository ? (await repository.getConfig('user.name').catch(() => '')) || (await repository.getGlobalConfig('user.name').catch(() => '')) : '';
    return name.trim() || undefined;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), 3000)));
  try {
    return await Promise.race([ask().catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The reviewer's name: the setting, else asked once (git's user name offered) and saved in the user settings. */
async function reviewerName(uri: vscode.Uri): Promise<string | undefined> {
  const settings = vscode.workspace.getConfiguration('dunmark');
  const configured = settings.get<string>('reviewerName')?.trim();
  if (configured) return configured;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Approve Letter'),
    prompt: vscode.l10n.t('Your name, as the reviewer who approves letters (kept in the setting dunmark.reviewerName)'),
    value: (await gitUserName(uri)) ?? '',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A name is needed to record who approved the letter')),
  });
  if (!name?.trim()) return undefined;
  await settings.update('reviewerName', name.trim(), vscode.ConfigurationTarget.Global);
  return name.trim();
}

/** Approve Letter: records the reviewer's approval of the active letter in its front matter and saves it. */
export async function approveLetter(linter: DunmarkClient): Promise<boolean> {
  const document = vscode.window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a Dunmark letter (Markdown) to approve it.'));
    return false;
  }
  const by = await reviewerName(document.uri);
  if (!by) return false;
  // the same pre-flight as the export: the letter's errors (its approval aside) are shown first
  const findings = await linter.lintNow(document);
  const errors = findings.filter((f) => (f.severity === 'error' && f.ruleId !== 'approval') || f.ruleId === UNCHECKED_ID);
  if (errors.length) {
    await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
    const anyway = vscode.l10n.t('Approve anyway');
    const choice = await vscode.window.showWarningMessage(
      errors.length === 1
        ? vscode.l10n.t('This letter has an error: {0}', errors[0]!.message)
        : vscode.l10n.t('This letter has {0} errors. The first: {1}', errors.length, errors[0]!.message),
      { modal: true },
      anyway,
    );
    if (choice !== anyway) return false;
  }
  const inherited = await linter.discovery.inherited(document.uri);
  const version = document.version;
  const doc = engine().parseDocument(document.getText(), inherited);
  const a = coreApproval();
  const edit = a.approvalEdit(doc, a.newApproval(doc, by, a.localTimestamp(new Date())));
  if (!edit || document.version !== version) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Dunmark cannot approve this letter: its front matter cannot be read.'));
    return false;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.replace(document.uri, new vscode.Range(document.positionAt(edit.start), document.positionAt(edit.end)), edit.text);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) return false;
  // the record is what the reviewer approved: it goes to disk with the letter
  if (!document.isUntitled) await document.save();
  void linter.lintNow(document);
  void vscode.window.showInformationMessage(vscode.l10n.t('Approved by {0}.', by));
  return true;
}

/** The status bar item of a letter's approval, in step with its latest findings. */
export class ApprovalStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dunmark.approval', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly linter: DunmarkClient) {
    this.item.name = vscode.l10n.t('Dunmark Approval');
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      linter.onDidLint((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update(e.findings);
      }),
    );
    setTimeout(() => this.update(), 0);
  }

  /** Redraws the item for the active editor (`findings`: those of its latest lint, else the published ones). */
  update(findings?: readonly ShownFinding[]): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLinted(document)) {
      this.item.hide();
      return;
    }
    const finding = findings
      ? findings.find((f) => f.ruleId === 'approval')
      : this.linter.diagnostics(document.uri).find((d) => typeof d.code === 'object' && d.code.value === 'approval');
    const severity =
      finding === undefined ? undefined : 'severity' in finding && typeof finding.severity === 'string' ? finding.severity : toSeverity(finding.severity);
    const record = coreApproval().readApproval(parsedHead(document).ownData?.approval);
    const tooltip = new vscode.MarkdownString();
    if (severity === 'error') {
      this.item.text = `$(error) ${vscode.l10n.t('Changed since approval')}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.errorBackground');
      tooltip.appendText(finding!.message);
    } else if (finding) {
      this.item.text = `$(circle-large-outline) ${vscode.l10n.t('Waiting for approval')}`;
      this.item.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
      tooltip.appendText(finding.message);
    } else if (typeof record === 'object') {
      this.item.text = `$(pass) ${vscode.l10n.t('Approved by {0}', record.by)}`;
      this.item.backgroundColor = undefined;
      tooltip.appendText(
        vscode.l10n.t('Approved by {0} on {1}. An approval is a record of review, not a signature.', record.by, coreApproval().approvalDate(record)),
      );
    } else {
      this.item.hide();
      return;
    }
    tooltip.appendText(`\n\n${vscode.l10n.t('Click to approve the letter as it is now.')}`);
    this.item.tooltip = tooltip;
    this.item.command = 'dunmark.approveLetter';
    this.item.accessibilityInformation = { label: this.item.text.replace(/\$\([^)]*\)\s*/g, '') };
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function toSeverity(severity: vscode.DiagnosticSeverity): 'error' | 'warning' | 'info' {
  return severity === vscode.DiagnosticSeverity.Error ? 'error' : severity === vscode.DiagnosticSeverity.Warning ? 'warning' : 'info';
}

/** Registers Approve Letter and the approval's status bar item. */
export function registerApproval(linter: DunmarkClient): vscode.Disposable[] {
  return [new ApprovalStatusBar(linter), vscode.commands.registerCommand('dunmark.approveLetter', () => approveLetter(linter))];
}
