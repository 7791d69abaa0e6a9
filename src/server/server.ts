// Dunmark's language server: the one place where documents are checked for every editor. It owns
// the open documents, the debounce, the worker pool (every check and Fix All within a budget),
// diagnostics (pushed, or pulled with LSP 3.17 `textDocument/diagnostic` and `workspace/diagnostic`
// for closed letters), code actions (fixes, source.fixAll.dunmark, disable comments), hovers,
// completion, and the settings (`workspace/configuration`, section `dunmark`). No `node:` module and
// no `vscode`: the same server runs over stdio in Node and in a Web Worker (the host gives the threads
// and the file system).
import type { Connection } from 'vscode-languageserver';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  MarkupKind,
  TextDocumentSyncKind,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DiagnosticRelatedInformation,
  type Hover,
  type InitializeParams,
  type InitializeResult,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { groupCaseFindings } from '../core/cases/group.js';
import type { CaseFileSource } from '../core/cases/case-file.js';
import { caseFacts } from '../core/cases/case-file.js';
import { ConfigResolver, type FileSystemPort } from '../core/config/resolve.js';
import { configFromSettings, readEditorSettings, type EditorSettings } from '../core/config/settings.js';
import { disableEdits } from '../core/disable-edits.js';
import { FILE_SCHEMES, isCaseFilePath, isCheckedScheme, isDunmarkDocument } from '../core/documents.js';
import { parseDocument } from '../core/document.js';
import {
  childrenOf,
  isTemplateFile,
  KEY_BEFORE_CURSOR,
  parentPath,
  PLACEHOLDER_BEFORE_CURSOR,
  placeholderNames,
  VALUE_BEFORE_CURSOR,
} from '../core/facts/complete.js';
import { amountHover, dateHover } from '../core/facts/explain.js';
import { isoToday, valueAt } from '../core/facts/facts.js';
import { FACTS_SCHEMA, schemaAt, type FactType } from '../core/facts/schema.js';
import { helperNames } from '../core/templates/view.js';
import { documentFinding } from '../core/findings.js';
import { replacementEdit } from '../core/fixes.js';
import { splitFrontMatter } from '../core/front-matter.js';
import { runLintJob, type LintDone } from '../core/lint-job.js';
import { DunmarkPool, type DocxDone, type DocxJob } from '../core/pool/jobs.js';
import type { PoolResult, ThreadFactory } from '../core/pool/pool.js';
import { rules as ruleRegistry } from '../core/rules/index.js';
import type { DunmarkConfig, Finding, Severity } from '../core/types.js';
import { baseName, joinUri, normalizeUri, parentUri, schemeOf } from './uri.js';

/** What the host gives the server: threads for the pool, a file system over URIs, where rule pages are. */
export interface ServerHost {
  /** Starts the pool's threads; undefined (or throwing) where none can run: documents are checked in the server's thread. */
  threads?: ThreadFactory;
  /** Reads files by URI (config and case files, closed letters). */
  fs: FileSystemPort<string>;
  /** The link of a rule's page in a language (`codeDescription.href`), if the host knows where the pages are. */
  docsUri?(ruleId: string, lang: 'en' | 'zh'): string | undefined;
}

/** The code-action kind of "fix all Dunmark problems". */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.dunmark`;
/** The id of the note on a document that was not checked (not a rule: no page, no fixes). */
export const UNCHECKED_ID = 'unchecked';
/** Time a check on opening or saving may take (as the CLI's `--max-ms` default). */
export const SAVE_BUDGET_MS = 30_000;
/** Quiet time after a keystroke before the document is checked. */
export const DEBOUNCE_MS = 100;

type Reason = 'type' | 'open' | 'save';

/** Most Markdown files the workspace scan checks; folders it never enters. */
const MAX_WORKSPACE_FILES = 2000;
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'out', 'build', 'target', 'vendor']);

/** The outcome of one check of one document version. */
interface Checked {
  version: number;
  text: string;
  /** The document's own findings (a note when it was not checked). */
  findings: Finding[];
  /** Its findings about inherited facts, in its case files (by case file URI). */
  inCaseFiles: Finding[];
  language: 'en' | 'zh';
  /** The case files' texts the findings were found in. */
  caseFiles: readonly CaseFileSource[];
}

/** The server. `start()` wires it to the connection; `dispose()` ends its threads. */
export class DunmarkServer {
  private readonly documents = new Map<string, TextDocument>();
  private readonly results = new Map<string, Checked>();
  /** Closed letters whose problems stay (pull: `workspace/diagnostic`; push: published until fixed or deleted). */
  private readonly closed = new Set<string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly waiting = new Map<string, { version: number; resolve: () => void }[]>();
  private readonly pending = new Map<string, Promise<void>>();
  private pool: DunmarkPool | undefined;
  private resolver: ConfigResolver<string>;
  private workspaceFolders: string[] = [];
  private pull = false;
  private configurationRequests = false;
  private globalSettings: unknown = undefined;
  private readonly settingsCache = new Map<string, Promise<EditorSettings>>();
  private readonly publishedCaseFiles = new Set<string>();
  private trusted = true;
  /** `initializationOptions.ruleDocs`: the client's own link of a rule page (`dunmark-docs:/{lang}/{rule}.md`). */
  private ruleDocs: string | undefined;
  /** Config files whose error was already shown (once each until config files change). */
  private readonly reportedConfigErrors = new Set<string>();
  /** The scan of the workspace's closed letters (once, on the first `workspace/diagnostic`). */
  private scanned: Promise<void> | undefined;
  private scanning = false;
  /** The last Fix All computed for each document (by version). */
  private readonly fixAllCache = new Map<string, { version: number; edit: Promise<{ edits: LspTextEdit[]; applied: number } | undefined> }>();

  constructor(
    private readonly connection: Connection,
    private readonly host: ServerHost,
  ) {
    this.pool = host.threads ? new DunmarkPool(host.threads, 1) : undefined;
    this.resolver = this.newResolver();
  }

  private newResolver(): ConfigResolver<string> {
    return new ConfigResolver(this.host.fs, (folder) => this.workspaceFolders.includes(normalizeUri(folder)));
  }

  /** Registers every handler on the connection and starts listening. */
  start(): void {
    const c = this.connection;
    c.onInitialize((params) => this.initialize(params));
    c.onInitialized(() => {
      if (this.configurationRequests)
        void c.client
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/{.dunmarkrc.json,case.yaml,case.yml,*.md}' }] })
          .catch(() => undefined);
    });
    c.onDidOpenTextDocument(({ textDocument: d }) => {
      this.documents.set(d.uri, TextDocument.create(d.uri, d.languageId, d.version, d.text));
      this.closed.delete(d.uri);
      if (isCaseFilePath(d.uri)) this.caseFileChanged();
      else this.request(d.uri, 0, 'open');
    });
    c.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
      const document = this.documents.get(textDocument.uri);
      if (!document) return;
      this.documents.set(textDocument.uri, TextDocument.update(document, contentChanges, textDocument.version));
      if (isCaseFilePath(textDocument.uri)) this.caseFileChanged();
      else void this.settingsFor(textDocument.uri).then((s) => s.lintOnType && this.request(textDocument.uri, DEBOUNCE_MS, 'type'));
    });
    c.onDidSaveTextDocument(({ textDocument }) => {
      if (isCaseFilePath(textDocument.uri)) return;
      void this.settingsFor(textDocument.uri).then((s) => s.lintOnSave && this.request(textDocument.uri, 0, 'save'));
    });
    c.onDidCloseTextDocument(({ textDocument }) => {
      const uri = textDocument.uri;
      this.documents.delete(uri);
      this.fixAllCache.delete(uri);
      const timer = this.timers.get(uri);
      if (timer) clearTimeout(timer);
      this.timers.delete(uri);
      if (isCaseFilePath(uri)) return;
      // a closed letter's problems stay until it is fixed or deleted
      const last = this.results.get(uri);
      if (last && FILE_SCHEMES.includes(schemeOf(uri)) && last.findings.length) {
        this.closed.add(uri);
        void this.checkClosed(uri);
      } else this.forget(uri);
    });
    c.onDidChangeConfiguration((change) => {
      if (change.settings && typeof change.settings === 'object' && 'dunmark' in (change.settings as object))
        this.globalSettings = (change.settings as { dunmark: unknown }).dunmark;
      this.settingsCache.clear();
      this.recheckAll();
    });
    c.onDidChangeWatchedFiles(({ changes }) => {
      let configChanged = false;
      for (const change of changes) {
        if (/(^|\/)(\.dunmarkrc\.json|case\.ya?ml)$/.test(change.uri)) configChanged = true;
        else if (this.closed.has(change.uri)) {
          if (change.type === FileChangeType.Deleted) this.forget(change.uri);
          else void this.checkClosed(change.uri);
        }
      }
      if (configChanged) this.caseFileChanged();
    });
    c.onCodeAction((params) => this.codeActions(params.textDocument.uri, params.range, params.context.only ?? undefined));
    c.onHover((params) => this.hover(params.textDocument.uri, params.position));
    c.onCompletion((params) => this.complete(params.textDocument.uri, params.position));
    c.onExecuteCommand(async (params) => {
      if (params.command !== 'dunmark.fixAll') return undefined;
      const uri = typeof params.arguments?.[0] === 'string' ? params.arguments[0] : (params.arguments?.[0] as { uri?: string } | undefined)?.uri;
      if (!uri) return false;
      const edit = await this.fixAllEdits(uri);
      if (!edit) return false;
      const applied = await c.workspace.applyEdit({ label: 'Fix all Dunmark problems', edit: { changes: { [uri]: edit.edits } } });
      return applied.applied;
    });
    c.languages.diagnostics.on(async (params) => {
      const uri = params.textDocument.uri;
      if (isCaseFilePath(uri)) return { kind: DocumentDiagnosticReportKind.Full, items: this.caseFileDiagnostics(uri) };
      const document = this.documents.get(uri);
      if (document) await this.settled(uri, document.version);
      const checked = this.results.get(uri);
      return { kind: DocumentDiagnosticReportKind.Full, items: checked ? this.toDiagnostics(uri, checked) : [] };
    });
    c.languages.diagnostics.onWorkspace(async () => {
      await this.scanWorkspace();
      const items: WorkspaceDocumentDiagnosticReport[] = [];
      for (const uri of [...this.closed]) {
        await this.pending.get(uri);
        const checked = this.results.get(uri);
        if (checked) items.push({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: this.toDiagnostics(uri, checked) });
      }
      for (const file of this.caseFileUris())
        items.push({ kind: DocumentDiagnosticReportKind.Full, uri: file, version: null, items: this.caseFileDiagnostics(file) });
      return { items };
    });
    c.onRequest('dunmark/checkFile', async (params: { uri: string }) => {
      // Lint Workspace: a file that is not open, checked from disk; its problems stay
      if (this.documents.has(params.uri)) {
        await this.settled(params.uri, this.documents.get(params.uri)!.version);
      } else {
        this.closed.add(params.uri);
        await this.checkClosed(params.uri);
      }
      const checked = this.results.get(params.uri);
      return { findings: checked?.findings ?? [] };
    });
    // Fix All for a client that applies the edit itself (and says how many fixes it made)
    c.onRequest('dunmark/fixAll', async (params: { uri: string }) => (await this.fixAllEdits(params.uri)) ?? null);
    // a Word letter read and checked in the pool within the save budget (its bytes in base64)
    c.onRequest('dunmark/checkDocx', async (params: Omit<DocxJob, 'bytes'> & { bytes: string }): Promise<PoolResult<DocxDone>> => {
      if (!this.pool) return { kind: 'unavailable', reason: 'no worker' };
      const bytes = Uint8Array.from(atob(params.bytes), (ch) => ch.charCodeAt(0));
      return this.pool.docx({ ...params, bytes }, { budgetMs: SAVE_BUDGET_MS });
    });
    // a workspace trusted later may use its config files' options (and name its own templates)
    c.onNotification('dunmark/trust', (params: { trusted?: unknown }) => {
      this.trusted = params.trusted !== false;
      this.settingsCache.clear();
      this.recheckAll();
    });
    c.onShutdown(() => this.dispose());
    c.listen();
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.pull = caps.textDocument?.diagnostic !== undefined;
    this.configurationRequests = caps.workspace?.configuration === true;
    const options = (params.initializationOptions ?? {}) as { settings?: unknown; trusted?: boolean; ruleDocs?: unknown; commands?: unknown };
    if (options.settings !== undefined) this.globalSettings = options.settings;
    if (options.trusted === false) this.trusted = false;
    if (typeof options.ruleDocs === 'string' && options.ruleDocs.includes('{rule}')) this.ruleDocs = options.ruleDocs;
    // a client with a command of its own named `dunmark.fixAll` (VS Code's palette) asks for no command binding
    const commands = options.commands !== false;
    this.workspaceFolders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : [])).map((f) => normalizeUri(f.uri));
    this.resolver = this.newResolver();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '{', '.'] },
        ...(commands ? { executeCommandProvider: { commands: ['dunmark.fixAll'] } } : {}),
        ...(this.pull ? { diagnosticProvider: { identifier: 'dunmark', interFileDependencies: true, workspaceDiagnostics: true } } : {}),
      },
      serverInfo: { name: 'dunmark' },
    };
  }

  /** The settings of a document: `workspace/configuration` (section `dunmark`, scoped to it), else what the client pushed. */
  private settingsFor(uri: string): Promise<EditorSettings> {
    let pending = this.settingsCache.get(uri);
    if (!pending) {
      pending = (
        this.configurationRequests
          ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'dunmark' }).then(
              (raw: unknown) => raw ?? this.globalSettings,
              () => this.globalSettings,
            )
          : Promise.resolve(this.globalSettings)
      ).then((raw) => readEditorSettings(raw, this.trusted));
      this.settingsCache.set(uri, pending);
    }
    return pending;
  }

  /** The config, whether a config file applies, and the case files of a document. */
  private async resolve(uri: string, settings: EditorSettings): Promise<{ config: DunmarkConfig; hasConfig: boolean; caseFiles: CaseFileSource[] }> {
    const folder = schemeOf(uri) === 'untitled' ? this.workspaceFolders[0] : parentUri(uri);
    const rc = folder ? await this.resolver.configFor(folder).catch(() => undefined) : undefined;
    if (rc && !rc.ok && !this.reportedConfigErrors.has(`${rc.file}\n${rc.error.message}`)) {
      this.reportedConfigErrors.add(`${rc.file}\n${rc.error.message}`);
      void this.connection.window.showWarningMessage(
        `Dunmark cannot read ${rc.file} (line ${rc.error.line}): ${rc.error.message}. Checking with the editor settings only.`,
      );
    }
    const found = folder && schemeOf(uri) !== 'untitled' ? await this.resolver.caseFilesFor(folder).catch(() => []) : [];
    const caseFiles = found.flatMap((f) => (f.ok ? [{ name: f.file, text: this.documents.get(f.file)?.getText() ?? f.text }] : []));
    return { config: configFromSettings(settings, rc?.ok ? rc.config : undefined, this.trusted), hasConfig: rc !== undefined, caseFiles };
  }

  /** Schedules a check of an open document; `delay` debounces typing per document. */
  private request(uri: string, delay: number, reason: Reason): void {
    if (!isCheckedScheme(schemeOf(uri)) || isCaseFilePath(uri)) return;
    const document = this.documents.get(uri);
    if (!document || document.languageId !== 'markdown') return;
    const pending = this.timers.get(uri);
    if (pending) clearTimeout(pending);
    const run = (): void => {
      this.timers.delete(uri);
      const check = this.checkOpen(uri, reason);
      this.pending.set(uri, check);
      void check.finally(() => {
        if (this.pending.get(uri) === check) this.pending.delete(uri);
      });
    };
    if (delay <= 0) run();
    else this.timers.set(uri, setTimeout(run, delay));
  }

  /** Resolves once the check of `version` (or a later one) has been recorded. */
  private settled(uri: string, version: number): Promise<void> {
    if ((this.results.get(uri)?.version ?? -Infinity) >= version && !this.timers.has(uri)) return this.pending.get(uri) ?? Promise.resolve();
    if (!this.timers.has(uri) && !this.pending.has(uri)) this.request(uri, 0, 'open');
    return new Promise((resolve) => {
      const list = this.waiting.get(uri) ?? [];
      list.push({ version, resolve });
      this.waiting.set(uri, list);
    });
  }

  private recorded(uri: string, checked: Checked | undefined): void {
    if (checked) this.results.set(uri, checked);
    else this.results.delete(uri);
    const list = this.waiting.get(uri);
    if (list) {
      const version = checked?.version ?? Infinity;
      const left = list.filter((w) => {
        if (w.version > version) return true;
        w.resolve();
        return false;
      });
      if (left.length) this.waiting.set(uri, left);
      else this.waiting.delete(uri);
    }
    this.publish(uri);
  }

  /** Checks an open document now and records the outcome unless the document moved on meanwhile. */
  private async checkOpen(uri: string, reason: Reason): Promise<void> {
    const document = this.documents.get(uri);
    if (!document) return;
    const version = document.version;
    const settings = await this.settingsFor(uri);
    if (!settings.enable) return this.recorded(uri, { version, text: '', findings: [], inCaseFiles: [], language: 'en', caseFiles: [] });
    const { config, hasConfig, caseFiles } = await this.resolve(uri, settings);
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return this.releaseWaiting(uri);
    const text = current.getText();
    const budgetMs = reason === 'type' ? settings.typingBudgetMs : SAVE_BUDGET_MS;
    const checked = await this.check(uri, version, text, config, hasConfig || caseFiles.length > 0, caseFiles, budgetMs, settings, reason);
    const now = this.documents.get(uri);
    if (!checked || !now || now.version !== version) return this.releaseWaiting(uri);
    this.recorded(uri, checked);
  }

  /** A check that was dropped still answers those who wait on it (with the last outcome). */
  private releaseWaiting(uri: string): void {
    if (this.timers.has(uri)) return; // a newer check is scheduled: they wait for it
    const list = this.waiting.get(uri);
    this.waiting.delete(uri);
    for (const w of list ?? []) w.resolve();
  }

  /**
   * The workspace's letters no editor has open, checked once from disk for `workspace/diagnostic`: those
   * with problems are kept as closed letters (re-checked when they change on disk, dropped when deleted).
   */
  private scanWorkspace(): Promise<void> {
    return (this.scanned ??= (async () => {
      const files: string[] = [];
      const walk = async (folder: string, depth: number): Promise<void> => {
        const entries = await this.host.fs.readDirectory(folder).catch(() => []);
        for (const e of entries) {
          if (files.length >= MAX_WORKSPACE_FILES || depth > 8) return;
          if (e.name.startsWith('.') || SKIPPED_FOLDERS.has(e.name)) continue;
          const child = joinUri(folder, e.name);
          if (e.isDirectory) await walk(child, depth + 1);
          else if (/\.md$/i.test(e.name)) files.push(child);
        }
      };
      for (const folder of this.workspaceFolders) await walk(folder, 0);
      this.scanning = true;
      try {
        for (const uri of files) {
          if (this.documents.has(uri) || this.closed.has(uri)) continue;
          await this.checkClosed(uri);
          if (this.results.get(uri)?.findings.length) this.closed.add(uri);
          else this.results.delete(uri);
        }
      } finally {
        this.scanning = false;
      }
    })());
  }

  /** Checks a file that is not open, from disk (a closed letter; Lint Workspace). */
  private checkClosed(uri: string): Promise<void> {
    const run = (async () => {
      let text: string | undefined;
      try {
        text = await this.host.fs.readFile(uri);
      } catch {
        text = undefined;
      }
      if (text === undefined || this.documents.has(uri)) {
        if (text === undefined) this.forget(uri);
        return;
      }
      const settings = await this.settingsFor(uri);
      if (!settings.enable) return this.forget(uri);
      const { config, hasConfig, caseFiles } = await this.resolve(uri, settings);
      const checked = await this.check(uri, -1, text, config, hasConfig || caseFiles.length > 0, caseFiles, SAVE_BUDGET_MS, settings, 'open');
      if (!checked || this.documents.has(uri)) return;
      this.recorded(uri, checked);
    })();
    this.pending.set(uri, run);
    return run;
  }

  /** Checks a text in the pool within its budget; undefined when a newer check replaced it. */
  private async check(
    uri: string,
    version: number,
    text: string,
    config: DunmarkConfig,
    hasConfig: boolean,
    caseFiles: CaseFileSource[],
    budgetMs: number,
    settings: EditorSettings,
    reason: Reason,
  ): Promise<Checked | undefined> {
    const base = { version, text, caseFiles };
    if (!isDunmarkDocument(text, hasConfig, schemeOf(uri))) return { ...base, findings: [], inCaseFiles: [], language: 'en' };
    const bytes = new TextEncoder().encode(text).length;
    if (bytes > settings.maxFileSize) {
      const note = `Dunmark did not check this document: it is ${Math.round(bytes / 1024)} KB, more than the ${Math.round(settings.maxFileSize / 1024)} KB of the \`dunmark.maxFileSize\` setting.`;
      return { ...base, findings: [documentFinding(UNCHECKED_ID, 'structure', 'info', note)], inCaseFiles: [], language: 'en' };
    }
    const result = await this.runLint({ text, config, caseFiles }, { budgetMs, key: uri });
    switch (result.kind) {
      case 'done':
        return {
          ...base,
          findings: result.findings.filter((f) => f.file === undefined),
          inCaseFiles: result.findings.filter((f) => f.file !== undefined),
          language: result.language,
        };
      case 'superseded':
        return undefined;
      default: {
        const message =
          result.kind === 'failed' || result.kind === 'unavailable'
            ? `Dunmark could not check this document: ${result.reason}.`
            : reason === 'type'
              ? `Dunmark did not check this document as you type: it is too large or complex to check within ${result.budgetMs} ms. The problems shown are from its last check; it is checked again when you save.`
              : `Dunmark could not check this document: it is too large or complex to check within ${Math.round(result.budgetMs / 1000)} seconds. Split it, or run \`dunmark lint --max-ms\` on it.`;
        // typing over budget keeps the last check's problems beside the note: a threat is never hidden
        const last = reason === 'type' ? (this.results.get(uri)?.findings.filter((f) => f.ruleId !== UNCHECKED_ID) ?? []) : [];
        return { ...base, findings: [...last, documentFinding(UNCHECKED_ID, 'structure', 'info', message)], inCaseFiles: [], language: 'en' };
      }
    }
  }

  /** One job in the pool, or in this thread where no worker can start. */
  private async runLint(
    job: { text: string; config: DunmarkConfig; caseFiles: CaseFileSource[]; fix?: boolean },
    options: { budgetMs: number; key?: string },
  ): Promise<PoolResult<LintDone>> {
    const result = this.pool ? await this.pool.lint(job, options) : ({ kind: 'unavailable', reason: 'no worker' } as const);
    if (result.kind !== 'unavailable') return result;
    if (this.pool) this.connection.console.warn(`dunmark: checking in the server's own thread: ${result.reason}`);
    this.pool?.stop();
    this.pool = undefined;
    return runLintJob(job);
  }

  /** Fix All of a document version, computed once: an editor asks for code actions at every move of the cursor. */
  private fixAllOf(uri: string, document: TextDocument): Promise<{ edits: LspTextEdit[]; applied: number } | undefined> {
    const last = this.fixAllCache.get(uri);
    if (last && last.version === document.version) return last.edit;
    const edit = this.fixAllEdits(uri);
    this.fixAllCache.set(uri, { version: document.version, edit });
    return edit;
  }

  /** The edit that applies every preferred fix until the text is stable (the same job as `dunmark lint --fix`). */
  async fixAllEdits(uri: string): Promise<{ edits: LspTextEdit[]; applied: number } | undefined> {
    const document = this.documents.get(uri);
    if (!document || isCaseFilePath(uri)) return undefined;
    const settings = await this.settingsFor(uri);
    const { config, caseFiles } = await this.resolve(uri, settings);
    const text = document.getText();
    const result = await this.runLint({ text, config, caseFiles, fix: true }, { budgetMs: SAVE_BUDGET_MS });
    if (result.kind !== 'done' || this.documents.get(uri)?.getText() !== text) return undefined;
    const edit = replacementEdit(text, result.text);
    if (!edit) return undefined;
    return {
      edits: [{ range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) }, newText: edit.text }],
      applied: result.applied ?? 0,
    };
  }

  private recheckAll(): void {
    for (const uri of this.documents.keys()) this.request(uri, 0, 'open');
    for (const uri of this.closed) void this.checkClosed(uri);
  }

  /** A case or config file changed: every document may inherit other facts or settings now. */
  private caseFileChanged(): void {
    this.resolver.clear();
    this.reportedConfigErrors.clear();
    this.recheckAll();
  }

  private forget(uri: string): void {
    this.closed.delete(uri);
    this.recorded(uri, undefined);
  }

  private publish(uri: string): void {
    const checked = this.results.get(uri);
    if (this.pull) {
      // the workspace scan answers with its reports itself
      if (this.scanning) return;
      // clients that pull are told when closed letters or case files changed
      if (!this.documents.has(uri) || checked?.inCaseFiles.length || this.publishedCaseFiles.size)
        void this.connection.languages.diagnostics.refresh().catch(() => undefined);
      return;
    }
    const version = this.documents.get(uri)?.version;
    void this.connection.sendDiagnostics({ uri, ...(version !== undefined ? { version } : {}), diagnostics: checked ? this.toDiagnostics(uri, checked) : [] });
    // the case files' findings, once each across the case's letters
    const files = new Set([...this.publishedCaseFiles, ...this.caseFileUris()]);
    for (const file of files) {
      const items = this.caseFileDiagnostics(file);
      if (items.length) this.publishedCaseFiles.add(file);
      else this.publishedCaseFiles.delete(file);
      void this.connection.sendDiagnostics({ uri: file, diagnostics: items });
    }
  }

  private caseFileUris(): string[] {
    return [...groupCaseFindings([...this.results.values()].map((c) => c.inCaseFiles)).keys()];
  }

  private caseFileDiagnostics(file: string): Diagnostic[] {
    const findings = groupCaseFindings([...this.results.values()].map((c) => c.inCaseFiles)).get(file) ?? [];
    const language = [...this.results.values()].find((c) => c.inCaseFiles.length)?.language ?? 'en';
    return findings.map((f) => this.toDiagnostic(f, lineRange(f), language, file));
  }

  private toDiagnostics(uri: string, checked: Checked): Diagnostic[] {
    const document = TextDocument.create(uri, 'markdown', 0, checked.text);
    return checked.findings.map((f) =>
      this.toDiagnostic(f, f.ruleId === UNCHECKED_ID ? lineRange(f) : spanRange(document, f.span), checked.language, uri, document),
    );
  }

  private toDiagnostic(f: Finding, range: Range, language: 'en' | 'zh', uri: string, document?: TextDocument): Diagnostic {
    const href = f.ruleId === UNCHECKED_ID ? undefined : this.docsUri(f.ruleId, language);
    const related = f.related?.map((r): DiagnosticRelatedInformation => ({
      location: { uri: r.file ?? uri, range: r.file === undefined && document ? spanRange(document, r.span) : lineRange(r) },
      message: r.message,
    }));
    return {
      range,
      severity: toSeverity(f.severity),
      source: 'dunmark',
      code: f.ruleId,
      ...(href ? { codeDescription: { href } } : {}),
      message: f.message,
      ...(related?.length ? { relatedInformation: related } : {}),
      data: { ruleId: f.ruleId },
    };
  }

  /** The link of a rule's page: the client's own form of it when it gave one, else the host's. */
  private docsUri(ruleId: string, language: 'en' | 'zh'): string | undefined {
    if (this.ruleDocs) return this.ruleDocs.replace('{lang}', language).replace('{rule}', ruleId);
    return this.host.docsUri?.(ruleId, language);
  }

  /** Quick fixes of the findings under `range`, disable comments, and Fix All. */
  private async codeActions(uri: string, range: Range, only: string[] | undefined): Promise<CodeAction[]> {
    const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
    const document = this.documents.get(uri);
    if (!document) return [];
    const caseFile = isCaseFilePath(uri);
    const actions: CodeAction[] = [];
    const findings = caseFile ? this.caseFindingsFor(uri, document.getText()) : this.currentFindings(uri, document);
    if (wants(CodeActionKind.QuickFix)) {
      const disabled = new Set<string>();
      for (const { finding, diagnostic } of findings) {
        const r = diagnostic.range;
        if (!overlaps(r, range)) continue;
        for (const fix of finding.fixes) {
          actions.push({
            title: fix.title,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: fix.isPreferred === true,
            edit: { changes: { [uri]: fix.edits.map((e) => ({ range: spanRange(document, e), newText: e.text })) } },
          });
        }
        if (caseFile || finding.ruleId === UNCHECKED_ID || disabled.has(finding.ruleId)) continue;
        disabled.add(finding.ruleId);
        const edits = disableEdits(document.getText(), finding.span.start, finding.ruleId);
        if (edits.line)
          actions.push({
            title: `Disable ${finding.ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes: { [uri]: [{ range: spanRange(document, edits.line), newText: edits.line.text }] } },
          });
        actions.push({
          title: `Disable ${finding.ruleId} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [{ range: spanRange(document, edits.file), newText: edits.file.text }] } },
        });
      }
    }
    // Fix All: asked for by kind (on save), or offered beside the quick fixes when a preferred fix exists
    const explicit = only?.some((o) => FIX_ALL_KIND === o || FIX_ALL_KIND.startsWith(`${o}.`)) === true && only?.includes(CodeActionKind.Source) !== true;
    const offer = !only && findings.some(({ finding }) => finding.fixes.some((x) => x.isPreferred));
    if (!caseFile && (explicit || (only?.includes(FIX_ALL_KIND) ?? false) || offer)) {
      const fixed = await this.fixAllOf(uri, document);
      if (fixed) actions.push({ title: 'Fix all Dunmark problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: fixed.edits } } });
    }
    return actions;
  }

  /** The findings of the document's current version, with their diagnostics (none while a check is pending). */
  private currentFindings(uri: string, document: TextDocument): { finding: Finding; diagnostic: Diagnostic }[] {
    const checked = this.results.get(uri);
    if (!checked || checked.version !== document.version) return [];
    const diagnostics = this.toDiagnostics(uri, checked);
    return checked.findings.map((finding, i) => ({ finding, diagnostic: diagnostics[i]! }));
  }

  /** The findings in an open case file whose text is the one they were found in. */
  private caseFindingsFor(uri: string, text: string): { finding: Finding; diagnostic: Diagnostic }[] {
    const out: { finding: Finding; diagnostic: Diagnostic }[] = [];
    const file = normalizeUri(uri);
    for (const checked of this.results.values()) {
      const source = checked.caseFiles.find((c) => normalizeUri(c.name) === file);
      if (!source || source.text !== text) continue;
      for (const f of checked.inCaseFiles)
        if (normalizeUri(f.file!) === file) out.push({ finding: f, diagnostic: this.toDiagnostic(f, lineRange(f), checked.language, uri) });
    }
    return out;
  }

  /** The rule of a finding under the cursor (its page's first paragraph and link), or an amount or date explained. */
  private async hover(uri: string, position: Position): Promise<Hover | null> {
    const document = this.documents.get(uri);
    if (!document) return null;
    const parts: string[] = [];
    let range: Range | undefined;
    const seen = new Set<string>();
    const checked = this.results.get(uri);
    const language = checked?.language ?? 'en';
    for (const { finding, diagnostic } of this.currentFindings(uri, document)) {
      if (!contains(diagnostic.range, position) || seen.has(finding.ruleId)) continue;
      seen.add(finding.ruleId);
      const meta = ruleRegistry.find((r) => r.meta.id === finding.ruleId)?.meta;
      if (!meta) continue;
      const docs =
        (meta.docs[language] || meta.docs.en)
          .trim()
          .split(/\r?\n\s*\r?\n/)[0]
          ?.trim() ?? '';
      const href = this.docsUri(meta.id, language);
      const summary = language === 'zh' ? '' : `${meta.description}\n\n`;
      parts.push(
        `**Dunmark \`${meta.id}\`**${language === 'zh' ? '：' : ': '}${summary}${docs}${href ? `\n\n[${language === 'zh' ? '阅读规则说明' : 'Read the rule documentation'}](${href})` : ''}`,
      );
      range ??= diagnostic.range;
    }
    const text = document.getText();
    if (text.length <= 200_000) {
      const settings = await this.settingsFor(uri);
      const { caseFiles } = await this.resolve(uri, settings);
      const doc = parseDocument(text, caseFiles.length ? caseFacts(caseFiles) : undefined);
      const offset = document.offsetAt(position);
      const amount = doc.amounts.find((m) => m.start <= offset && offset < m.end);
      if (amount) {
        parts.push(amountHover(amount, doc.facts));
        range ??= spanRange(document, amount);
      }
      const date = doc.dates.find((m) => m.start <= offset && offset < m.end);
      if (date) {
        parts.push(dateHover(date, doc.facts));
        range ??= spanRange(document, date);
      }
    }
    return parts.length ? { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range ? { range } : {}) } : null;
  }

  /** Front-matter keys and values from the facts schema (with what the case file gives), and `{{fact}}` names in templates. */
  private async complete(uri: string, position: Position): Promise<CompletionItem[]> {
    const document = this.documents.get(uri);
    if (!document) return [];
    const text = document.getText();
    const lines = text.split(/\r?\n/);
    const before = (lines[position.line] ?? '').slice(0, position.character);
    const block = splitFrontMatter(text) ?? (splitFrontMatter(`${text}\n---\n`) ? { content: { start: 4, end: text.length } } : undefined);
    const first = block ? document.positionAt(block.content.start).line : -1;
    const end = block ? document.positionAt(block.content.end).line : -1;
    const range = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });
    if (block && position.line >= first && position.line <= Math.max(first, end)) {
      const settings = await this.settingsFor(uri);
      const { caseFiles } = await this.resolve(uri, settings);
      const inherited = caseFiles.length ? caseFacts(caseFiles).data : undefined;
      const above = lines.slice(first, position.line);
      const value = VALUE_BEFORE_CURSOR.exec(before);
      if (value) {
        const keyAt = value[1]!.length + (value[2]?.length ?? 0);
        const path = [...parentPath(above, keyAt, value[2] ? value[1]!.length : undefined), value[3]!];
        const type = schemaAt(path.join('.'));
        return type ? valueItems(type, range(value[4]!.length), valueAt(inherited, path.join('.'))) : [];
      }
      const key = KEY_BEFORE_CURSOR.exec(before);
      if (!key) return [];
      const keyAt = key[1]!.length + (key[2]?.length ?? 0);
      const parent = parentPath(above, keyAt, key[2] ? key[1]!.length : undefined);
      const props = childrenOf(parent);
      if (!props) return [];
      return Object.entries(props).map(([k, type]) => keyItem(k, type, range(key[3]?.length ?? 0), valueAt(inherited, [...parent, k].join('.'))));
    }
    const m = isTemplateFile(uri.replace(/^[a-z]+:\/\/[^/]*/i, '')) ? PLACEHOLDER_BEFORE_CURSOR.exec(before) : null;
    if (!m) return [];
    const facts = placeholderNames().map(({ name, type, inside }) => ({
      label: name,
      kind: type.type === 'array' ? CompletionItemKind.Module : CompletionItemKind.Variable,
      detail: inside ? `inside the ${inside} section` : type.type,
      documentation: { kind: MarkupKind.Markdown, value: type.description },
      textEdit: { range: range(m[1]!.length), newText: name },
    }));
    // the helpers a template may use beside the facts (`deadline_zh`, `amount_daxie`, `invoices_en`)
    const helpers = helperNames(FACTS_SCHEMA).map(({ name, from }) => ({
      label: name,
      kind: CompletionItemKind.Function,
      detail: `formatted from ${from}`,
      textEdit: { range: range(m[1]!.length), newText: name },
    }));
    return [...facts, ...helpers];
  }

  /** Ends the pool's threads. */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.pool?.stop();
  }
}

function keyItem(key: string, type: FactType, range: Range, inherited: unknown): CompletionItem {
  const composite = type.type === 'object' || type.type === 'array';
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail: inherited !== undefined ? `case file: ${shown(inherited)}` : type.type === 'string' && type.enum ? type.enum.join(' | ') : type.type,
    documentation: {
      kind: MarkupKind.Markdown,
      value: inherited !== undefined ? `${type.description}\n\nInherited from the case file; a value here overrides it for this document.` : type.description,
    },
    ...(inherited !== undefined ? { sortText: `~${key}` } : {}),
    textEdit: { range, newText: composite ? `${key}:` : `${key}: ` },
  };
}

function valueItems(type: FactType, range: Range, inherited: unknown): CompletionItem[] {
  const values: { label: string; detail?: string }[] = [];
  if (typeof inherited === 'string' || typeof inherited === 'number' || typeof inherited === 'boolean')
    values.push({ label: String(inherited), detail: 'from the case file' });
  if (type.type === 'string' && type.enum) values.push(...type.enum.map((label) => ({ label })));
  else if (type.type === 'boolean') values.push({ label: 'true' }, { label: 'false' });
  else if (type.type === 'date') values.push({ label: isoToday(), detail: 'today' });
  return values
    .filter((v, i) => values.findIndex((w) => w.label === v.label) === i)
    .map(({ label, detail }, i) => ({
      label,
      kind: CompletionItemKind.EnumMember,
      sortText: String(i).padStart(3, '0'),
      documentation: { kind: MarkupKind.Markdown, value: type.description },
      ...(detail ? { detail } : {}),
      textEdit: { range, newText: label },
    }));
}

function shown(value: unknown): string {
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function toSeverity(severity: Severity): DiagnosticSeverity {
  return severity === 'error'
    ? DiagnosticSeverity.Error
    : severity === 'warning'
      ? DiagnosticSeverity.Warning
      : severity === 'info'
        ? DiagnosticSeverity.Information
        : DiagnosticSeverity.Hint;
}

function spanRange(document: TextDocument, span: { start: number; end: number }): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** The range of a place given by 1-based lines and columns (a case file, a note at the top). */
function lineRange(p: { line: number; column: number; endLine: number; endColumn: number }): Range {
  return { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.endLine - 1, character: p.endColumn - 1 } };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function contains(range: Range, p: Position): boolean {
  return !before(p, range.start) && !before(range.end, p);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Starts Dunmark's language server on a connection. */
export function startServer(connection: Connection, host: ServerHost): DunmarkServer {
  const server = new DunmarkServer(connection, host);
  server.start();
  return server;
}

export { baseName, joinUri, parentUri };
