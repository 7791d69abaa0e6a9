/** Lints Markdown documents with the core and publishes the findings as diagnostics. */
import * as vscode from 'vscode';
import type { ParsedDocument } from '../core/engine.js';
import { splitFrontMatter } from '../core/front-matter.js';
import type { DunmarkConfig, Finding, Severity } from '../core/types.js';
import { engine } from './core.js';
import { LintThread, type ThreadFactory, type ThreadResult } from './lint-thread/runner.js';
import { CONFIG_FILE_NAME } from '../core/config/names.js';
import { Discovery, mergeConfig, readSettings, type RcResult } from './settings.js';

/** The schemes Dunmark lints: real files, new unsaved documents and virtual workspaces (never diff or output views). */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Document selector for every provider. */
export const SELECTOR: vscode.DocumentSelector = LINTED_SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));

/** True when Dunmark looks at this document. */
export function isLinted(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (LINTED_SCHEMES as readonly string[]).includes(document.uri.scheme);
}

/** A top-level `kind:` line with a value (read from the YAML text, so broken YAML still counts). */
const KIND_LINE = /^kind:[ \t]*\S/m;

/**
 * A file is a Dunmark document when a `.dunmarkrc.json` applies to it or its front matter says what
 * `kind` of document it is: a README or a blog post elsewhere in the workspace is left alone.
 * Untitled documents are always linted (there is nothing else to tell from).
 */
export function isDunmarkDocument(text: string, hasConfig: boolean, scheme: string): boolean {
  if (hasConfig || scheme === 'untitled') return true;
  const fm = splitFrontMatter(text);
  return fm !== undefined && KIND_LINE.test(text.slice(fm.content.start, fm.content.end));
}

/**
 * The id of the information diagnostic for a document that was not checked (over its time budget,
 * or the check failed). Not a rule: it has no page and no fixes; export treats it as unchecked.
 */
export const UNCHECKED_ID = 'unchecked';

/** Time the check on opening or saving a document may take (as the CLI's `--max-ms` default). */
export const SAVE_BUDGET_MS = 30_000;

/** Why a document is linted: typing gets the short budget of `dunmark.typingBudgetMs`. */
export type LintReason = 'type' | 'open' | 'save';

/** A diagnostic that carries the core finding it was made from; its related places become related information. */
export class DunmarkDiagnostic extends vscode.Diagnostic {
  constructor(document: vscode.TextDocument, readonly finding: Finding, readonly documentVersion: number, docsUri: vscode.Uri) {
    super(spanRange(document, finding.span), finding.message, toSeverity(finding.severity));
    this.source = 'dunmark';
    this.code = { value: finding.ruleId, target: docsUri };
    if (finding.related?.length) {
      this.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, spanRange(document, r.span)), r.message));
    }
  }
}

function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error': return vscode.DiagnosticSeverity.Error;
    case 'warning': return vscode.DiagnosticSeverity.Warning;
    case 'info': return vscode.DiagnosticSeverity.Information;
    default: return vscode.DiagnosticSeverity.Hint;
  }
}

/** The converted range of a core span in a document. */
export function spanRange(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** What the status bar needs after each lint. */
export interface LintEvent {
  document: vscode.TextDocument;
  findings: readonly Finding[];
}

/** The Dunmark docs page of a rule, inside the extension. */
export function ruleDocsUri(extensionUri: vscode.Uri, ruleId: string): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'docs', 'rules', `${ruleId}.md`);
}

const DEBOUNCE_MS = 300;

/** Owns the diagnostic collection: when to lint, with which config, and dropping stale results. */
export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('dunmark');
  readonly discovery = new Discovery();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly reportedConfigErrors = new Set<string>();
  private readonly lintedEmitter = new vscode.EventEmitter<LintEvent>();
  private readonly configErrorEmitter = new vscode.EventEmitter<RcResult | undefined>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidLint = this.lintedEmitter.event;
  /** Fires with the config file that could not be parsed, or undefined when the last one could. */
  readonly onConfigError = this.configErrorEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  /** The worker the documents are checked in; undefined where none can run (then this thread lints). */
  private thread: LintThread | undefined;

  constructor(private readonly extensionUri: vscode.Uri, threads?: ThreadFactory) {
    this.thread = threads ? new LintThread(threads) : undefined;
    const ws = vscode.workspace;
    this.disposables.push(
      this.collection, this.lintedEmitter, this.configErrorEmitter,
      ws.onDidOpenTextDocument((d) => this.request(d, 0)),
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && readSettings(e.document.uri).lintOnType) this.request(e.document, DEBOUNCE_MS, 'type');
      }),
      ws.onDidSaveTextDocument((d) => {
        if (readSettings(d.uri).lintOnSave) this.request(d, 0, 'save');
      }),
      ws.onDidCloseTextDocument((d) => this.forget(d.uri)),
      ws.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dunmark')) this.lintAll();
      }),
      ws.onDidGrantWorkspaceTrust(() => this.lintAll()),
    );
    const watcher = ws.createFileSystemWatcher(`**/${CONFIG_FILE_NAME}`);
    const changed = (): void => {
      this.discovery.clear();
      this.reportedConfigErrors.clear();
      this.lintAll();
    };
    this.disposables.push(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed));
  }

  /** Lints every open document Dunmark looks at. */
  lintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.request(document, 0);
  }

  /** True while documents are checked in a worker thread (false where none can start). */
  get checksOffThread(): boolean {
    return this.thread?.available ?? false;
  }

  /** Schedules a lint of a document; `delay` debounces typing per document. */
  request(document: vscode.TextDocument, delay: number, reason: LintReason = 'open'): void {
    if (!isLinted(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lintNow(document, reason);
    }, delay));
  }

  /** The resolved config the core gets for a document (settings and nearest config file). */
  async configFor(document: vscode.TextDocument): Promise<DunmarkConfig> {
    return (await this.resolve(document)).config;
  }

  private async resolve(document: vscode.TextDocument): Promise<{ config: DunmarkConfig; hasConfig: boolean }> {
    const rc = await this.discovery.find(document.uri).catch(() => undefined);
    if (rc && !rc.ok) this.reportConfigError(rc);
    else this.configErrorEmitter.fire(undefined);
    return { config: mergeConfig(readSettings(document.uri), rc?.ok ? rc.config : undefined, vscode.workspace.isTrusted), hasConfig: rc !== undefined };
  }

  /**
   * Lints a document now (in the worker, within the budget of `reason`) and publishes the result
   * unless the document moved on meanwhile. A document that could not be checked gets one
   * information diagnostic, and its finding (rule id `unchecked`) is returned.
   */
  async lintNow(document: vscode.TextDocument, reason: LintReason = 'save'): Promise<readonly Finding[]> {
    if (!isLinted(document) || document.isClosed) return [];
    if (!readSettings(document.uri).enable) {
      this.collection.delete(document.uri);
      this.lintedEmitter.fire({ document, findings: [] });
      return [];
    }
    const version = document.version;
    const { config, hasConfig } = await this.resolve(document);
    if (document.isClosed || document.version !== version) return []; // a newer lint is on its way
    const text = document.getText();
    if (!isDunmarkDocument(text, hasConfig, document.uri.scheme)) return this.publish(document, version, []);
    const budgetMs = reason === 'type' ? readSettings(document.uri).typingBudgetMs : SAVE_BUDGET_MS;
    const result: ThreadResult = this.thread
      ? await this.thread.lint(document.uri.toString(), text, config, vscode.workspace.asRelativePath(document.uri), budgetMs)
      : { kind: 'unavailable', reason: 'no worker' };
    if (result.kind === 'superseded' || document.isClosed || document.version !== version) return [];
    switch (result.kind) {
      case 'done': return this.publish(document, version, result.findings);
      case 'unavailable': {
        if (this.thread) console.warn(`[dunmark] checking in the extension host's thread: ${result.reason}`);
        this.thread = undefined;
        return this.publish(document, version, lintSafely(text, config));
      }
      case 'over-budget': return this.publishUnchecked(document, reason === 'type'
        ? vscode.l10n.t('Dunmark did not check this document as you type: it is too large or complex to check within {0} ms. It is checked when you save.', result.budgetMs)
        : vscode.l10n.t('Dunmark could not check this document: it is too large or complex to check within {0} seconds. Split it, or run `dunmark lint --max-ms` on it.', Math.round(result.budgetMs / 1000)));
      default: return this.publishUnchecked(document, vscode.l10n.t('Dunmark could not check this document: {0}.', result.reason));
    }
  }

  private publish(document: vscode.TextDocument, version: number, findings: readonly Finding[]): readonly Finding[] {
    this.collection.set(document.uri, findings.map((f) =>
      new DunmarkDiagnostic(document, f, version, ruleDocsUri(this.extensionUri, f.ruleId))));
    this.lintedEmitter.fire({ document, findings });
    return findings;
  }

  private publishUnchecked(document: vscode.TextDocument, message: string): readonly Finding[] {
    const finding: Finding = { ruleId: UNCHECKED_ID, category: 'structure', severity: 'info', message, line: 1, column: 1, endLine: 1, endColumn: 1, span: { start: 0, end: 0 }, fixes: [] };
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'dunmark';
    diagnostic.code = UNCHECKED_ID;
    this.collection.set(document.uri, [diagnostic]);
    this.lintedEmitter.fire({ document, findings: [finding] });
    return [finding];
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.collection.delete(uri);
  }

  private reportConfigError(rc: Extract<RcResult, { ok: false }>): void {
    this.configErrorEmitter.fire(rc);
    const key = `${rc.file.toString()}\n${rc.error.message}`;
    if (this.reportedConfigErrors.has(key)) return;
    this.reportedConfigErrors.add(key);
    const open = vscode.l10n.t('Open Config');
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Dunmark cannot read {0} (line {1}): {2}. Linting with the editor settings only.', vscode.workspace.asRelativePath(rc.file), rc.error.line, rc.error.message),
      open,
    ).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(rc.file, { selection: new vscode.Range(rc.error.line - 1, rc.error.column - 1, rc.error.line - 1, rc.error.column - 1) });
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
    this.thread?.dispose();
  }
}

/**
 * Lints a text, or a document's shared parse. The core never throws by contract; the editor still
 * guards against a bug becoming a broken extension.
 */
export function lintSafely(source: string | ParsedDocument, config: DunmarkConfig): Finding[] {
  try {
    return engine().lintParsed(typeof source === 'string' ? engine().parseDocument(source) : source, config);
  } catch (error) {
    console.error('[dunmark] lint failed', error);
    return [];
  }
}
