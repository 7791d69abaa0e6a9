/** The status bar item: kind, stage and language of the active letter and its number of findings. */
import * as vscode from 'vscode';
import { isLinted, type DunmarkClient } from './client.js';
import { documentLabel, languageLabel } from '../core/facts/schema.js';
import { formLanguage } from './facts-form.js';
import { parsedHead } from './parsed.js';
import type { RcResult } from './settings.js';

/** Keeps the Dunmark status bar item in step with the active editor and the latest lint. */
export class DunmarkStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dunmark.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private configError: Extract<RcResult, { ok: false }> | undefined;

  constructor(private readonly linter: DunmarkClient) {
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
    const facts = parsedHead(document).facts;
    const findings = this.linter.diagnostics(document.uri);
    const count = findings.length;
    if (!facts.kind && count === 0 && !this.configError) {
      this.item.hide(); // not a Dunmark document
      return;
    }
    // "Final demand · 中文": the document's stage (or kind) in words and its language's own name
    const lang = formLanguage();
    const what = [documentLabel(facts, lang), languageLabel(facts.language, lang)].filter(Boolean).join(' · ') || vscode.l10n.t('no front matter');
    const by = (severity: vscode.DiagnosticSeverity): number => findings.filter((d) => d.severity === severity).length;
    const counts = [
      [by(vscode.DiagnosticSeverity.Error), '$(error)'],
      [by(vscode.DiagnosticSeverity.Warning), '$(warning)'],
      [by(vscode.DiagnosticSeverity.Information), '$(info)'],
    ]
      .filter(([n]) => n)
      .map(([n, icon]) => `${icon} ${n}`)
      .join(' ');
    const current = this.linter.isCurrent(document);
    const icon = !current ? '$(sync~spin) ' : this.configError ? '$(warning) ' : counts ? '' : '$(check) ';
    this.item.text = `${icon}Dunmark: ${what}${counts ? ` ${counts}` : ''}`;
    const lines = [vscode.l10n.t('{0} Dunmark findings in this document. Click to show the Problems panel.', count)];
    if (this.configError) {
      lines.push(
        vscode.l10n.t(
          'Config file {0} is invalid (line {1}): {2}',
          vscode.workspace.asRelativePath(this.configError.file),
          this.configError.error.line,
          this.configError.error.message,
        ),
      );
    }
    const tooltip = new vscode.MarkdownString();
    lines.forEach((line, i) => {
      if (i) tooltip.appendMarkdown('\n\n');
      tooltip.appendText(line);
    });
    this.item.tooltip = tooltip;
    // what a screen reader says: the plain words (a Markdown tooltip's text escapes its spaces)
    this.item.accessibilityInformation = { label: `${this.item.text.replace(/\$\([^)]*\)\s*/g, '')}. ${lines.join(' ')}` };
    this.item.backgroundColor = this.configError ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
