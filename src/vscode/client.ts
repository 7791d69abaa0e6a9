/**
 * The extension as a client of Dunmark's language server: diagnostics, quick fixes, disable comments,
 * Fix All on save, hovers and completion all come from the server (the same one every other editor
 * starts). What stays here is the client's own UX: rule links open the read-only rule pages
 * (`dunmark-docs:`), the hover's link shows them formatted, and the events the status bar, the export
 * and the approval listen to. The entry (Node or web) says how the server is started.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions, TextEdit as LspTextEdit } from 'vscode-languageclient';
import type { DocxDone, DocxJob } from '../core/pool/jobs.js';
import type { PoolResult } from '../core/pool/pool.js';
import type { DunmarkConfig, Finding, Severity } from '../core/types.js';
import { CASE_FILE_NAMES, CONFIG_FILE_NAME } from '../core/config/names.js';
import { CHECKED_SCHEMES, isCaseFilePath, isCheckedScheme } from '../core/documents.js';
import { setInherited } from './parsed.js';
import { DOCS_SCHEME } from './rule-docs.js';

import { Discovery, mergeConfig, readSettings, type RcResult } from './settings.js';

/** True when Dunmark looks at this document (the core's decision, as the server makes it). */
export function isLinted(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && isCheckedScheme(document.uri.scheme);
}

/** True for a case file (`case.yaml`), whose facts the documents of its folder inherit. */
export function isCaseFile(uri: vscode.Uri): boolean {
  return isCaseFilePath(uri.path);
}

/** The id of the note on a document that was not checked (the server's; not a rule). */
export const UNCHECKED_ID = 'unchecked';

/** What the UI needs of a finding: the server's finding, or one read back from its diagnostic. */
export interface ShownFinding {
  ruleId: string;
  severity: Severity;
  message: string;
}

/** What the status bar, the export and the approval hear after each check. */
export interface LintEvent {
  document: vscode.TextDocument;
  findings: readonly ShownFinding[];
}

/** Starts the language client the entry's way (a Node process over IPC, or a Web Worker). */
export type ClientFactory = (options: LanguageClientOptions) => BaseLanguageClient;

/** `command:` link of a rule page, formatted (what the hover's "Read the rule documentation" opens). */
function ruleDocsCommand(ruleId: string, lang: string): string {
  return `command:dunmark.showRuleDocs?${encodeURIComponent(JSON.stringify([ruleId, lang === 'zh' ? 'zh' : 'en']))}`;
}

const DOCS_LINK = new RegExp(`\\]\\(${DOCS_SCHEME}:/(en|zh)/([a-z0-9-]+)\\.md\\)`, 'g');

function toSeverity(severity: vscode.DiagnosticSeverity | undefined): Severity {
  switch (severity) {
    case vscode.DiagnosticSeverity.Error:
      return 'error';
    case vscode.DiagnosticSeverity.Warning:
      return 'warning';
    case vscode.DiagnosticSeverity.Information:
      return 'info';
    default:
      return 'hint';
  }
}

/** The rule id of a diagnostic. */
export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
}

function shown(d: vscode.Diagnostic): ShownFinding {
  return { ruleId: ruleOf(d), severity: toSeverity(d.severity), message: d.message };
}

/** The language client and what the extension's own UI asks of it. */
export class DunmarkClient implements vscode.Disposable {
  /** Config and case files as the extension's commands read them (drafting, export, the Cases view). */
  readonly discovery = new Discovery();
  private lsp: BaseLanguageClient | undefined;
  private readonly started: Promise<boolean>;
  private disposed = false;
  /** The version of each open document when its diagnostics last arrived. */
  private readonly shownVersion = new Map<string, number>();
  private readonly arrived = new Map<string, (() => void)[]>();
  private readonly lintedEmitter = new vscode.EventEmitter<LintEvent>();
  private readonly configErrorEmitter = new vscode.EventEmitter<RcResult | undefined>();
  private readonly caseFilesChanged = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.lintedEmitter, this.configErrorEmitter, this.caseFilesChanged];
  private caseTimer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  /** Fires after a document's diagnostics arrived from the server. */
  readonly onDidLint = this.lintedEmitter.event;
  /** Fires with the config file that could not be parsed, or undefined when the last one could. */
  readonly onConfigError = this.configErrorEmitter.event;
  /** Fires when a case file was created, changed (saved or typed) or deleted. */
  readonly onDidChangeCaseFiles = this.caseFilesChanged.event;

  constructor(
    readonly extensionUri: vscode.Uri,
    makeClient: ClientFactory,
  ) {
    // the client library is evaluated and the server started once activation has returned
    this.started = new Promise<boolean>((resolve) => {
      setTimeout(() => {
        if (this.disposed) return resolve(false);
        try {
          this.lsp = this.createClient(makeClient);
        } catch (error) {
          console.error(`[dunmark] the language client could not be made: ${String(error)}`);
          return resolve(false);
        }
        this.lsp.start().then(
          () => {
            this.running = true;
            resolve(true);
          },
          (error: unknown) => {
            console.error(`[dunmark] the language server did not start: ${String(error)}`);
            resolve(false);
          },
        );
      }, 0);
    });
    const ws = vscode.workspace;
    const configWatcher = ws.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const configChanged = (): void => this.discovery.clear();
    const caseWatcher = ws.createFileSystemWatcher(`**/{${CASE_FILE_NAMES.join(',')}}`);
    const caseChanged = (): void => this.caseFileChanged(0);
    this.disposables.push(
      configWatcher,
      configWatcher.onDidChange(configChanged),
      configWatcher.onDidCreate(configChanged),
      configWatcher.onDidDelete(configChanged),
      caseWatcher,
      caseWatcher.onDidChange(caseChanged),
      caseWatcher.onDidCreate(caseChanged),
      caseWatcher.onDidDelete(caseChanged),
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && isCaseFile(e.document.uri)) this.caseFileChanged(300);
      }),
      ws.onDidCloseTextDocument((d) => this.shownVersion.delete(d.uri.toString())),
      // a workspace trusted later may use its config files' options: the server is told
      ws.onDidGrantWorkspaceTrust(() => void this.trustGranted()),
    );
  }

  private createClient(makeClient: ClientFactory): BaseLanguageClient {
    const client = makeClient({
      documentSelector: [
        ...CHECKED_SCHEMES.map((scheme) => ({ language: 'markdown', scheme })),
        ...CASE_FILE_NAMES.map((name) => ({ scheme: 'file', pattern: `**/${name}` })),
      ],
      diagnosticCollectionName: 'dunmark',
      synchronize: { configurationSection: 'dunmark' },
      outputChannelName: 'Dunmark',
      initializationOptions: { ruleDocs: `${DOCS_SCHEME}:/{lang}/{rule}.md`, commands: false, trusted: vscode.workspace.isTrusted },
      middleware: {
        handleDiagnostics: (uri, diagnostics, next) => {
          next(uri, diagnostics);
          this.diagnosticsArrived(uri, diagnostics);
        },
        provideHover: async (document, position, token, next) => {
          const hover = await next(document, position, token);
          if (!hover) return hover;
          // the rule page opens formatted (a command), never as a file to edit
          const contents = hover.contents.map((c) => {
            const value = typeof c === 'string' ? c : 'value' in c ? c.value : '';
            const md = new vscode.MarkdownString(value.replace(DOCS_LINK, (_all, lang: string, id: string) => `](${ruleDocsCommand(id, lang)})`));
            md.isTrusted = { enabledCommands: ['dunmark.showRuleDocs'] };
            return md;
          });
          return new vscode.Hover(contents, hover.range);
        },
      },
    });
    // this client takes its diagnostics pushed: each check's outcome is one event for the status bar, the
    // export and the approval, and closed letters keep theirs (other editors may pull, LSP 3.17)
    client.registerFeature({
      fillClientCapabilities: (capabilities) => {
        if (capabilities.textDocument) delete capabilities.textDocument.diagnostic;
      },
      initialize: () => undefined,
      getState: () => ({ kind: 'static' }),
      clear: () => undefined,
    });
    // the server's own files (web: read through this client; Node: the server reads them itself)
    const fs = vscode.workspace.fs;
    client.onRequest('dunmark/readFile', async ({ uri }: { uri: string }) => {
      try {
        return new TextDecoder().decode(await fs.readFile(vscode.Uri.parse(uri)));
      } catch {
        return null;
      }
    });
    client.onRequest('dunmark/readDirectory', async ({ uri }: { uri: string }) => {
      try {
        return (await fs.readDirectory(vscode.Uri.parse(uri))).map(([name, type]) => ({ name, isDirectory: (type & vscode.FileType.Directory) !== 0 }));
      } catch {
        return [];
      }
    });
    client.onRequest('dunmark/isDirectory', async ({ uri }: { uri: string }) => {
      try {
        return ((await fs.stat(vscode.Uri.parse(uri))).type & vscode.FileType.Directory) !== 0;
      } catch {
        return false;
      }
    });
    return client;
  }

  /** The running client (after `started` resolved true). */
  private get client(): BaseLanguageClient {
    if (!this.lsp) throw new Error('the language client is not running');
    return this.lsp;
  }

  private async trustGranted(): Promise<void> {
    if (await this.started) await this.client.sendNotification('dunmark/trust', { trusted: true });
  }

  private diagnosticsArrived(uri: vscode.Uri, diagnostics: readonly vscode.Diagnostic[]): void {
    const key = uri.toString();
    for (const resolve of this.arrived.get(key) ?? []) resolve();
    this.arrived.delete(key);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
    if (!document || !isLinted(document)) return;
    this.shownVersion.set(key, document.version);
    // the status bar and a command's carried-over facts see the case facts the server saw
    void this.discovery.inherited(uri).then(
      (facts) => {
        setInherited(uri, facts);
        this.lintedEmitter.fire({ document, findings: diagnostics.map(shown) });
      },
      () => this.lintedEmitter.fire({ document, findings: diagnostics.map(shown) }),
    );
    void this.discovery.find(uri).then(
      (rc) => this.configErrorEmitter.fire(rc && !rc.ok ? rc : undefined),
      () => undefined,
    );
  }

  /** A case file changed: the Cases view reads the case again (the server re-checks on its own). */
  private caseFileChanged(delay: number): void {
    if (this.caseTimer) clearTimeout(this.caseTimer);
    this.caseTimer = setTimeout(() => {
      this.caseTimer = undefined;
      this.discovery.clear();
      this.caseFilesChanged.fire();
    }, delay);
  }

  /** The config the core gets for a document's drafting or export (settings and nearest config file), as the server resolves it. */
  async configFor(document: vscode.TextDocument): Promise<DunmarkConfig> {
    return this.configForUri(document.uri);
  }

  /** The config for a document that may not exist yet (a new or untitled letter: the workspace folder's). */
  async configForUri(uri: vscode.Uri): Promise<DunmarkConfig> {
    const rc = await this.discovery.find(uri).catch(() => undefined);
    return mergeConfig(readSettings(uri), rc?.ok ? rc.config : undefined, vscode.workspace.isTrusted);
  }

  /** True while documents are checked off the extension host's thread (the server runs, in a process or worker of its own). */
  get checksOffThread(): boolean {
    return this.running && this.lsp?.isRunning() === true;
  }

  /** Dunmark's diagnostics of a document, as shown. */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.lsp?.diagnostics?.get(uri) ?? [];
  }

  /** True when the shown diagnostics are those of the document's current text. */
  isCurrent(document: vscode.TextDocument): boolean {
    return this.shownVersion.get(document.uri.toString()) === document.version;
  }

  private asUri(uri: vscode.Uri): string {
    return this.client.code2ProtocolConverter.asUri(uri);
  }

  /** The findings of an open document's current text (checked now if need be): the pre-flight of export and approval. */
  async lintNow(document: vscode.TextDocument): Promise<readonly ShownFinding[]> {
    if (!isLinted(document) || document.isClosed || !(await this.started)) return [];
    const reply = await this.client.sendRequest<{ findings: Finding[] }>('dunmark/checkFile', { uri: this.asUri(document.uri) });
    return reply.findings;
  }

  /** Checks a file that is not open, from disk; its problems stay in the Problems panel until it is fixed or deleted. */
  async lintFile(uri: vscode.Uri): Promise<readonly ShownFinding[]> {
    if (isCaseFile(uri) || !(await this.started)) return [];
    const key = uri.toString();
    const arrived = new Promise<void>((resolve) => this.arrived.set(key, [...(this.arrived.get(key) ?? []), resolve]));
    const reply = await this.client.sendRequest<{ findings: Finding[] }>('dunmark/checkFile', { uri: this.asUri(uri) });
    // the diagnostics are sent before the answer: wait until the Problems panel has them
    if (reply.findings.length || this.diagnostics(uri).length) await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 2000))]);
    return reply.findings;
  }

  /** Fix All: the server's edit (the same job as `dunmark lint --fix`, in its pool within the save budget). */
  async fixAll(document: vscode.TextDocument): Promise<{ edit: vscode.WorkspaceEdit; applied: number } | undefined> {
    if (!(await this.started)) return undefined;
    const text = document.getText();
    const reply = await this.client.sendRequest<{ edits: LspTextEdit[]; applied: number } | null>('dunmark/fixAll', {
      uri: this.asUri(document.uri),
    });
    if (!reply || document.getText() !== text) return undefined;
    const edit = new vscode.WorkspaceEdit();
    edit.set(document.uri, await this.client.protocol2CodeConverter.asTextEdits(reply.edits));
    return { edit, applied: reply.applied };
  }

  /** Reads and checks a Word letter in the server's pool within the save budget (never on this thread). */
  async checkDocx(job: Omit<DocxJob, 'bytes'> & { bytes: string }): Promise<PoolResult<DocxDone>> {
    if (!(await this.started)) return { kind: 'unavailable', reason: 'the language server did not start' };
    return this.client.sendRequest<PoolResult<DocxDone>>('dunmark/checkDocx', job);
  }

  dispose(): void {
    if (this.caseTimer) clearTimeout(this.caseTimer);
    for (const d of this.disposables) d.dispose();
    this.disposed = true;
    void this.lsp?.stop().catch(() => undefined);
  }
}
