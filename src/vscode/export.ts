/**
 * "Dunmark: Export to Word / PDF" and "Dunmark: Check Word Document…" (the Node extension: PDF
 * needs LibreOffice on the machine). The export code itself (docx, mammoth) is a bundle of its
 * own, required on first use.
 */
import * as vscode from 'vscode';
import { isDunmarkDocument } from '../core/documents.js';
import type { Finding } from '../core/types.js';
import { isLinted, UNCHECKED_ID, type DunmarkClient } from './client.js';
import { ruleDocsUri } from './rule-docs.js';
import { markDocumentSent, todayFor } from './sent.js';
import { mergeConfig, parentOf, readSettings } from './settings.js';

type ExportModule = typeof import('./export-lazy.js');
declare const require: (id: string) => unknown;

/** Answers the export command may be given instead of prompts. */
export interface ExportArgs {
  format?: 'docx' | 'pdf' | 'eml';
  /** E-mail only: attach the letter as a PDF or a Word document (`none`: no attachment; default: asked). */
  attach?: 'pdf' | 'docx' | 'none';
  /** A file path or URI to write; default: beside the letter, with .docx or .pdf. */
  target?: string;
  /** Export despite error findings, and replace the target without asking. */
  force?: boolean;
  layout?: 'sequence' | 'columns';
  pageBreak?: boolean;
}

/** Largest text of a Word letter that is checked (as the CLI's default --max-size). */
const MAX_DOCX_TEXT_BYTES = 2 * 1024 * 1024;

/** The URI scheme of the read-only Markdown views of Word documents. */
export const DOCX_VIEW_SCHEME = 'dunmark-docx';

/** The context key that shows the export button in the editor title of a Dunmark document. */
const CAN_EXPORT = 'dunmark.canExport';

function toUri(target: string): vscode.Uri {
  return /^[a-z][\w+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

class ExportCommands implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private module: ExportModule | undefined;
  private readonly views = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  readonly collection = vscode.languages.createDiagnosticCollection('dunmark-docx');

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly linter: DunmarkClient,
  ) {}

  private load(): ExportModule {
    return (this.module ??= require(vscode.Uri.joinPath(this.extensionUri, 'dist', 'export.cjs').fsPath) as ExportModule);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.views.get(uri.toString()) ?? '';
  }

  /** Sets the context key of the editor title button: a Markdown file Dunmark lints. */
  async updateContext(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    let can = false;
    if (document && isLinted(document)) {
      const rc = await this.linter.discovery.find(document.uri).catch(() => undefined);
      can = isDunmarkDocument(document.getText(), rc !== undefined, document.uri.scheme);
    }
    await vscode.commands.executeCommand('setContext', CAN_EXPORT, can);
  }

  /** Exports the active letter; returns the file written, or undefined when nothing was. */
  async exportLetter(args: ExportArgs = {}): Promise<vscode.Uri | undefined> {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Dunmark letter (Markdown) to export it.'));
      return undefined;
    }
    const format = args.format ?? (await this.pickFormat());
    if (!format) return undefined;

    // pre-flight: the same findings the Problems panel shows
    const findings = await this.linter.lintNow(document);
    // a letter Dunmark could not check, or one waiting for the reviewer's approval it needs, goes out only
    // when the user says so, like one with errors
    const errors = findings.filter((f) => f.severity === 'error' || f.ruleId === UNCHECKED_ID || f.ruleId === 'approval');
    if (errors.length && !args.force) {
      await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
      const anyway = vscode.l10n.t('Export anyway');
      const waiting = errors.every((f) => f.ruleId === 'approval' && f.severity !== 'error');
      // a modal question: a toast can slide into the notification centre before it is answered
      const choice = await vscode.window.showWarningMessage(
        waiting
          ? vscode.l10n.t('This letter needs the approval of a reviewer before it is sent (Dunmark: Approve Letter): {0}', errors[0]!.message)
          : errors.length === 1
            ? vscode.l10n.t('This letter has an error that would go out with it: {0}', errors[0]!.message)
            : vscode.l10n.t('This letter has {0} errors that would go out with it. The first: {1}', errors.length, errors[0]!.message),
        { modal: true },
        anyway,
      );
      if (choice !== anyway) return undefined;
    }

    const attach = format === 'eml' ? (args.attach ?? (await this.pickAttachment())) : undefined;
    if (format === 'eml' && !attach) return undefined;

    let target = args.target ? toUri(args.target) : undefined;
    if (!target && document.uri.scheme !== 'untitled') target = document.uri.with({ path: document.uri.path.replace(/(\.[^./]+)?$/, `.${format}`) });
    if (!target) {
      target = await vscode.window.showSaveDialog({ filters: { [format === 'pdf' ? 'PDF' : format === 'eml' ? vscode.l10n.t('E-mail') : 'Word']: [format] } });
      if (!target) return undefined;
    }
    if (!args.force && (await exists(target))) {
      const replace = vscode.l10n.t('Replace');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(target)),
        { modal: true },
        replace,
      );
      if (choice !== replace) return undefined;
    }

    const config = await this.linter.configFor(document);
    let letterhead: Uint8Array | undefined;
    if (config.letterhead) {
      const rc = await this.linter.discovery.find(document.uri).catch(() => undefined);
      const file = rc ? vscode.Uri.joinPath(parentOf(rc.file), config.letterhead) : undefined;
      try {
        if (file) letterhead = await vscode.workspace.fs.readFile(file);
      } catch (error) {
        void vscode.window.showErrorMessage(vscode.l10n.t('Dunmark cannot read the letterhead {0}: {1}', config.letterhead, String((error as Error).message)));
        return undefined;
      }
    }
    const text = document.getText();
    const inherited = await this.linter.discovery.inherited(document.uri);
    const settings = vscode.workspace.getConfiguration('dunmark', document.uri);
    const written = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}…', vscode.workspace.asRelativePath(target)) },
      async () => {
        const m = this.load();
        const exportDocument = m.buildExportDocument(text, inherited);
        const wantsDocx = format !== 'eml' || attach === 'pdf' || attach === 'docx';
        let bytes = wantsDocx
          ? await m.buildDocx(exportDocument, {
              layout: args.layout ?? 'sequence',
              pageBreakBetweenHalves: args.pageBreak ?? false,
              fonts: config.fonts,
              creator: 'Dunmark',
              // only the facts the letter states, and none when the user turned them off
              properties: settings.get<boolean>('export.documentProperties') !== false && config.documentProperties !== false,
              ...(letterhead ? { letterhead } : {}),
            })
          : new Uint8Array();
        if (format === 'pdf' || attach === 'pdf') {
          const soffice = m.findSoffice();
          if (!soffice) {
            void vscode.window.showErrorMessage(
              vscode.l10n.t('PDF export needs LibreOffice, which is not installed on this machine. Install it, or export to Word.'),
            );
            return undefined;
          }
          try {
            bytes = await m.convertToPdf(bytes, { soffice });
          } catch (error) {
            void vscode.window.showErrorMessage(vscode.l10n.t('Dunmark could not make the PDF: {0}', String((error as Error).message)));
            return undefined;
          }
        }
        if (format === 'eml') {
          const content = m.emailContent(exportDocument, { layout: args.layout ?? 'sequence', fonts: config.fonts });
          const missing = [!content.from && 'creditor.email', !content.to && 'debtor.email'].filter(Boolean);
          if (missing.length)
            void vscode.window.showWarningMessage(
              vscode.l10n.t(
                'The e-mail draft has no {0}: the letter has no `{1}` fact.',
                missing.length === 2
                  ? vscode.l10n.t('sender or recipient')
                  : missing[0] === 'creditor.email'
                    ? vscode.l10n.t('sender')
                    : vscode.l10n.t('recipient'),
                missing.join('`, `'),
              ),
            );
          const name = document.uri.path.replace(/^.*\//, '').replace(/(\.[^./]+)?$/, `.${attach}`);
          bytes = await m.buildEml(
            content,
            attach === 'pdf' || attach === 'docx'
              ? [
                  {
                    filename: name,
                    contentType: attach === 'pdf' ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                    content: bytes,
                  },
                ]
              : [],
          );
        }
        // never a half-written file: write beside it, then rename over
        const partial = target.with({ path: `${target.path}.${Date.now().toString(36)}.partial` });
        await vscode.workspace.fs.writeFile(partial, bytes);
        await vscode.workspace.fs.rename(partial, target, { overwrite: true });
        return target;
      },
    );
    if (!written) return undefined;
    // a letter of a case that goes out is marked sent: later payments and calls never judge it again
    const sent =
      inherited && document.uri.scheme !== 'untitled' && settings.get<boolean>('export.markAsSent') !== false
        ? await markDocumentSent(document.uri, todayFor(document.uri, config.today)).catch(() => undefined)
        : undefined;
    void vscode.window.showInformationMessage(
      sent
        ? vscode.l10n.t('Exported {0}; the letter is marked as sent on {1}.', vscode.workspace.asRelativePath(written), sent)
        : vscode.l10n.t('Exported {0}', vscode.workspace.asRelativePath(written)),
    );
    return written;
  }

  private async pickAttachment(): Promise<'pdf' | 'docx' | 'none' | undefined> {
    const items: (vscode.QuickPickItem & { attach: 'pdf' | 'docx' | 'none' })[] = [
      ...(this.load().findSoffice() ? [{ label: vscode.l10n.t('Attach the letter as a PDF'), attach: 'pdf' as const }] : []),
      { label: vscode.l10n.t('Attach the letter as a Word document'), attach: 'docx' },
      { label: vscode.l10n.t('No attachment: the letter in the e-mail only'), attach: 'none' },
    ];
    return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('The e-mail draft carries the letter as text; attach it too?') }))?.attach;
  }

  private async pickFormat(): Promise<'docx' | 'pdf' | 'eml' | undefined> {
    const items: (vscode.QuickPickItem & { format: 'docx' | 'pdf' | 'eml' })[] = [
      { label: vscode.l10n.t('Word document (.docx)'), format: 'docx' },
      { label: vscode.l10n.t('PDF (.pdf, through LibreOffice)'), format: 'pdf' },
      { label: vscode.l10n.t('E-mail draft (.eml, opens ready to send)'), format: 'eml' },
    ];
    return (await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Export the letter as') }))?.format;
  }

  /** Opens a read-only Markdown view of a Word letter with its findings; returns the view's URI. */
  async checkWordDocument(arg?: vscode.Uri | { uri?: string }): Promise<vscode.Uri | undefined> {
    const given = arg instanceof vscode.Uri ? arg : arg?.uri ? toUri(arg.uri) : undefined;
    const uri = given ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('Word documents')]: ['docx'] } }))?.[0];
    if (!uri) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch (error) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Dunmark cannot read {0} as a Word document: {1}', vscode.workspace.asRelativePath(uri), String((error as Error).message)),
      );
      return undefined;
    }
    // like any document of a case folder, a Word letter inherits its case files' facts (the one merge)
    const caseFiles = await this.linter.discovery.caseSources(uri);
    const rc = await this.linter.discovery.find(uri).catch(() => undefined);
    const config = mergeConfig(readSettings(uri), rc?.ok ? rc.config : undefined, vscode.workspace.isTrusted);
    // read (mammoth) and checked in the worker within a budget: a .docx that inflates without end never freezes the editor
    const result = await this.linter.checkDocx({
      bytes: Buffer.from(bytes).toString('base64'),
      maxTextBytes: MAX_DOCX_TEXT_BYTES,
      caseFiles: [...caseFiles],
      config,
    });
    const failure =
      result.kind === 'done'
        ? result.outcome === 'unreadable'
          ? result.reason
          : result.outcome === 'too-large'
            ? vscode.l10n.t('its text is too large ({0} bytes)', result.textBytes)
            : undefined
        : result.kind === 'over-budget'
          ? vscode.l10n.t('it takes more than {0} seconds to read and check', Math.round(result.budgetMs / 1000))
          : result.kind === 'superseded'
            ? vscode.l10n.t('the check was cancelled')
            : result.reason;
    if (failure !== undefined || result.kind !== 'done' || result.outcome !== 'checked') {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Dunmark cannot read {0} as a Word document: {1}', vscode.workspace.asRelativePath(uri), failure ?? ''),
      );
      return undefined;
    }
    const letter = { text: result.text };
    const findings = result.findings.map((f, i) => ({ finding: f, at: result.locations[i]! })).filter(({ finding }) => finding.file === undefined);
    const view = vscode.Uri.from({ scheme: DOCX_VIEW_SCHEME, path: `${uri.path}.md` });
    this.views.set(view.toString(), letter.text);
    this.changed.fire(view);
    const document = await vscode.workspace.openTextDocument(view);
    this.collection.set(
      view,
      findings.map(({ finding: f, at }) => {
        const message = at.paragraph !== null ? `¶${at.paragraph}: ${f.message}` : f.message;
        return viewDiagnostic(document, { ...f, message }, ruleDocsUri(f.ruleId, result.language));
      }),
    );
    await vscode.window.showTextDocument(document, { preview: false });
    return view;
  }

  dispose(): void {
    this.changed.dispose();
    this.collection.dispose();
  }
}

/** Registers the export commands, the Word view and the editor-title context key (Node extension). */
export function registerExport(context: vscode.ExtensionContext, linter: DunmarkClient): vscode.Disposable[] {
  const commands = new ExportCommands(context.extensionUri, linter);
  const update = (): void => void commands.updateContext();
  // the Node extension host has the export (the web one never sets this): menus show the commands
  void vscode.commands.executeCommand('setContext', 'dunmark.exportAvailable', true);
  setTimeout(update, 0);
  return [
    commands,
    vscode.workspace.registerTextDocumentContentProvider(DOCX_VIEW_SCHEME, commands),
    vscode.commands.registerCommand('dunmark.exportLetter', (args?: ExportArgs) => commands.exportLetter(args)),
    vscode.commands.registerCommand('dunmark.exportEmail', (args?: ExportArgs) => commands.exportLetter({ ...(args ?? {}), format: 'eml' })),
    vscode.commands.registerCommand('dunmark.checkWordDocument', (arg?: vscode.Uri | { uri?: string }) => commands.checkWordDocument(arg)),
    vscode.window.onDidChangeActiveTextEditor(update),
    linter.onDidLint((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
    }),
  ];
}

/** A finding of a Word letter's read-only view (the server never sees the view: it is the export's own). */
function viewDiagnostic(document: vscode.TextDocument, f: Finding, docs: vscode.Uri): vscode.Diagnostic {
  const severity =
    f.severity === 'error'
      ? vscode.DiagnosticSeverity.Error
      : f.severity === 'warning'
        ? vscode.DiagnosticSeverity.Warning
        : f.severity === 'info'
          ? vscode.DiagnosticSeverity.Information
          : vscode.DiagnosticSeverity.Hint;
  const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(f.span.start), document.positionAt(f.span.end)), f.message, severity);
  d.source = 'dunmark';
  d.code = { value: f.ruleId, target: docs };
  return d;
}
