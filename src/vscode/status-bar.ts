/** The status bar item: kind, stage and language of the active letter and its number of findings. */
import * as vscode from 'vscode';
import { isLinted, type Linter } from './diagnostics.js';
import { parsed } from './parsed.js';
import type { RcResult } from './settings.js';

/** Keeps the Dunmark status bar item in step with the active editor and the latest lint. */
export class DunmarkStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dunmark.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private configError: Extract<RcResult, { ok: false }> | undefined;

  constructor(private readonly linter: Linter) {
    this.item.name = 'Dunmark';
    this.item.command = 'dunmark.showProblems';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      linter.onDidLint((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.update();
      }),
      linter.onConfigError((rc) => {
        const next = rc && !rc.ok ? rc : undefined;
        if (next?.file.toString() !== this.configError?.file.toString() || next?.error.message !== this.configError?.error.message) {
          this.configError = next;
          this.update();
        }
      }),
    );
    // the first drawing parses the active document: after activation, not during it
    setTimeout(() => this.update(), 0);
  }

  /** Redraws the item for the active editor. */
  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !isLinted(document)) {
      this.item.hide();
      return;
    }
    const facts = parsed(document).facts;
    const count = this.linter.collection.get(document.uri)?.length ?? 0;
    if (!facts.kind && count === 0 && !this.configError) {
      this.item.hide(); // not a Dunmark document
      return;
    }
    const parts = [facts.kind, facts.stage ?? facts.clause, facts.language].filter((x): x is string => typeof x === 'string');
    const what = parts.length ? parts.join(' · ') : vscode.l10n.t('no front matter');
    const icon = this.configError ? '$(warning)' : count ? '$(error)' : '$(check)';
    this.item.text = `${icon} Dunmark: ${what} — ${count}`;
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(vscode.l10n.t('{0} Dunmark findings in this document. Click to show the Problems panel.', count));
    if (this.configError) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(vscode.l10n.t('Config file {0} is invalid (line {1}): {2}', vscode.workspace.asRelativePath(this.configError.file), this.configError.error.line, this.configError.error.message));
    }
    this.item.tooltip = tooltip;
    this.item.backgroundColor = this.configError ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
