/**
 * Lint Workspace: every Dunmark document of the workspace into the Problems panel, as a command and
 * as a task (`dunmark: lint workspace`, like eslint's lint task). Open documents keep the editor's
 * findings; the others are read from disk, and their problems stay until fixed or deleted.
 */
import * as vscode from 'vscode';
import type { DunmarkClient } from './client.js';

/** The task type of `tasks.json` (`{ "type": "dunmark", "task": "lint" }`). */
export const TASK_TYPE = 'dunmark';

/** What a workspace lint found. */
export interface WorkspaceLintResult {
  files: number;
  documents: number;
  errors: number;
  warnings: number;
}

const EXCLUDE = '{**/node_modules/**,**/.git/**,**/out/**,**/dist/**}';

/** Lints every Markdown file of the workspace that is a Dunmark document; `report` hears of each file. */
export async function lintWorkspace(
  linter: DunmarkClient,
  report?: (file: vscode.Uri, errors: number, warnings: number) => void,
  token?: vscode.CancellationToken,
): Promise<WorkspaceLintResult> {
  const files = await vscode.workspace.findFiles('**/*.md', EXCLUDE, undefined, token);
  const result: WorkspaceLintResult = { files: files.length, documents: 0, errors: 0, warnings: 0 };
  for (const uri of files) {
    if (token?.isCancellationRequested) break;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const findings = open ? await linter.lintNow(open) : await linter.lintFile(uri);
    const errors = findings.filter((f) => f.severity === 'error').length;
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    if (findings.length || linter.diagnostics(uri).length) result.documents++;
    result.errors += errors;
    result.warnings += warnings;
    report?.(uri, errors, warnings);
  }
  return result;
}

function summary(result: WorkspaceLintResult): string {
  return vscode.l10n.t('Dunmark linted {0} Markdown files: {1} errors, {2} warnings.', result.files, result.errors, result.warnings);
}

/** `dunmark.lintWorkspace`: lints with a progress notification, says what it found and shows the Problems panel. */
export async function lintWorkspaceCommand(linter: DunmarkClient): Promise<WorkspaceLintResult> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Dunmark: linting the workspace'), cancellable: true },
    (progress, token) => lintWorkspace(linter, (uri) => progress.report({ message: vscode.workspace.asRelativePath(uri) }), token),
  );
  void vscode.window.showInformationMessage(summary(result));
  if (result.errors + result.warnings > 0) await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  return result;
}

/** The `dunmark: lint workspace` task: the same lint, its progress in the terminal, exit code 1 when there are errors. */
export class DunmarkTaskProvider implements vscode.TaskProvider {
  constructor(private readonly linter: DunmarkClient) {}

  provideTasks(): vscode.Task[] {
    return [this.task({ type: TASK_TYPE, task: 'lint' })];
  }

  resolveTask(task: vscode.Task): vscode.Task | undefined {
    return task.definition.type === TASK_TYPE ? this.task(task.definition) : undefined;
  }

  private task(definition: vscode.TaskDefinition): vscode.Task {
    const task = new vscode.Task(
      definition,
      vscode.TaskScope.Workspace,
      vscode.l10n.t('lint workspace'),
      TASK_TYPE,
      new vscode.CustomExecution(async () => this.terminal()),
    );
    task.group = vscode.TaskGroup.Test;
    task.presentationOptions = { reveal: vscode.TaskRevealKind.Silent };
    return task;
  }

  private terminal(): vscode.Pseudoterminal {
    const write = new vscode.EventEmitter<string>();
    const close = new vscode.EventEmitter<number>();
    const source = new vscode.CancellationTokenSource();
    return {
      onDidWrite: write.event,
      onDidClose: close.event,
      open: () => {
        write.fire(`${vscode.l10n.t('Dunmark: linting the workspace')}\r\n`);
        void lintWorkspace(
          this.linter,
          (uri, errors, warnings) => {
            if (errors + warnings) write.fire(`  ${vscode.workspace.asRelativePath(uri)}: ${errors} ✖ ${warnings} ⚠\r\n`);
          },
          source.token,
        ).then((result) => {
          write.fire(`${summary(result)}\r\n`);
          close.fire(result.errors ? 1 : 0);
        });
      },
      close: () => source.cancel(),
    };
  }
}
