/** Quick fixes from each finding's fixes, "disable" actions and `source.fixAll.dunmark`. */
import * as vscode from 'vscode';
import type { Fix, TextEdit } from '../core/types.js';
import { fixes } from './core.js';
import { DunmarkDiagnostic, isCaseFile, type Linter } from './diagnostics.js';
import { parsedHead } from './parsed.js';

/** The code-action kind of "fix all Dunmark problems". */
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('dunmark');

/** Turns core edits into a workspace edit on one document. */
export function toWorkspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), e.text);
  return edit;
}

/**
 * Lints the current text again and returns the edit that applies its preferred fixes until the
 * text is stable: the core's `fixUntilStable`, the same function `dunmark lint --fix` calls, so the
 * editor and the CLI write the same bytes. One replacement of the changed middle = one undo step.
 */
export async function fixAllEdit(linter: Linter, document: vscode.TextDocument): Promise<{ edit: vscode.WorkspaceEdit; applied: number } | undefined> {
  const config = await linter.configFor(document);
  const caseFiles = await linter.discovery.caseSources(document.uri);
  const text = document.getText();
  // in the worker within the save budget, with the case's facts, as --fix does
  const outcome = await linter.fix(document.uri, text, config, caseFiles);
  if (!outcome || document.getText() !== text) return undefined;
  const edit = fixes().replacementEdit(text, outcome.text);
  return edit ? { edit: toWorkspaceEdit(document, [edit]), applied: outcome.applied ?? 0 } : undefined;
}

/** Provides quick fixes, disable comments and fix-all for Dunmark findings. */
export class DunmarkCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    // a case file: its findings' own fixes only (it is YAML: no fix-all of a letter, no disable comments)
    const caseFile = isCaseFile(document.uri);
    if (context.only?.contains(FIX_ALL_KIND) && !caseFile) {
      const fixed = await fixAllEdit(this.linter, document);
      if (!fixed) return [];
      const action = new vscode.CodeAction(vscode.l10n.t('Fix all Dunmark problems'), FIX_ALL_KIND);
      action.edit = fixed.edit;
      return [action];
    }
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const actions: vscode.CodeAction[] = [];
    const disabled = new Set<string>();
    for (const diagnostic of context.diagnostics) {
      if (!(diagnostic instanceof DunmarkDiagnostic)) continue;
      const { finding } = diagnostic;
      // offsets are only valid for the text they were computed on
      const current = diagnostic.sourceText !== undefined ? diagnostic.sourceText === document.getText() : diagnostic.documentVersion === document.version;
      if (current) {
        for (const fix of finding.fixes) actions.push(this.quickFix(document, diagnostic, fix));
      }
      if (caseFile || disabled.has(finding.ruleId)) continue;
      disabled.add(finding.ruleId);
      actions.push(...this.disableActions(document, diagnostic));
    }
    return actions;
  }

  private quickFix(document: vscode.TextDocument, diagnostic: DunmarkDiagnostic, fix: Fix): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.edit = toWorkspaceEdit(document, fix.edits);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.isPreferred === true;
    return action;
  }

  private disableActions(document: vscode.TextDocument, diagnostic: DunmarkDiagnostic): vscode.CodeAction[] {
    const rule = diagnostic.finding.ruleId;
    const fm = parsedHead(document).frontMatter?.span;
    const actions: vscode.CodeAction[] = [];
    const line = diagnostic.range.start.line;
    const insideFrontMatter = fm !== undefined && document.offsetAt(diagnostic.range.start) < fm.end;
    if (!insideFrontMatter) {
      // a YAML comment would not be read, and an HTML comment would break the YAML: no per-line action there
      const indent = /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
      const action = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this line', rule), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, new vscode.Position(line, 0), `${indent}<!-- dunmark-disable-next-line ${rule} -->${eol(document)}`);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    const fileAction = new vscode.CodeAction(vscode.l10n.t('Disable {0} for this file', rule), vscode.CodeActionKind.QuickFix);
    fileAction.edit = new vscode.WorkspaceEdit();
    const at = fm ? document.positionAt(fm.end) : new vscode.Position(0, 0);
    const text = fm ? `${eol(document)}<!-- dunmark-disable ${rule} -->` : `<!-- dunmark-disable ${rule} -->${eol(document)}`;
    fileAction.edit.insert(document.uri, at, text);
    fileAction.diagnostics = [diagnostic];
    actions.push(fileAction);
    return actions;
  }
}

function eol(document: vscode.TextDocument): string {
  return document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
}
