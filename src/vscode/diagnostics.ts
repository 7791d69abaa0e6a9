/** Lints Markdown documents with the core and publishes the findings as diagnostics. */
import * as vscode from 'vscode';
import type { ParsedDocument } from '../core/engine.js';
import { splitFrontMatter } from '../core/front-matter.js';
import type { DunmarkConfig, Finding, Severity } from '../core/types.js';
import { engine } from './core.js';
import { LintThread, type ThreadFactory } from './lint-thread/runner.js';
import { ruleDocsUri } from './rule-docs.js';
import { CONFIG_FILE_NAME } from '../core/config/names.js';
import { Discovery, mergeConfig, readSettings, type RcResult } from './settings.js';

/** The schemes Dunmark lints: real files, new unsaved documents and virtual workspaces (never diff or output views). */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Schemes of files on disk (or a virtual workspace's): their problems outlive their editors. */
const FILE_SCHEMES: readonly string[] = ['file', 'vscode-vfs'];

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
}

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

/** A check's outcome: the findings and the language of their messages, or why there are none. */
type Checked = { findings: Finding[]; language: 'en' | 'zh' } | { unchecked: string } | undefined;

/** A diagnostic that carries the core finding it was made from; its related places become related information. */
export class DunmarkDiagnostic extends vscode.Diagnostic {
  constructor(document: Positions, readonly finding: Finding, readonly documentVersion: number, docsUri: vscode.Uri) {
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

/** What a diagnostic needs of a document: an open one, or the text of a closed file (`textPositions`). */
export type Positions = Pick<vscode.TextDocument, 'uri' | 'positionAt'>;

/** Positions in the text of a file that is not open (Lint Workspace, a letter that was closed). */
export function textPositions(uri: vscode.Uri, text: string): Positions {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return {
    uri,
    positionAt: (offset: number) => {
      const at = Math.max(0, Math.min(offset, text.length));
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      return new vscode.Position(lo, at - starts[lo]!);
    },
  };
}

/** The converted range of a core span in a document. */
export function spanRange(document: Positions, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

/** What the status bar needs after each lint. */
export interface LintEvent {
  document: vscode.TextDocument;
  findings: readonly Finding[];
}


const DEBOUNCE_MS = 300;

/** Owns the diagnostic collection: when to lint, with which config, and dropping stale results. */
export class Linter implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('dunmark');
  readonly discovery = new Discovery();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The version of each open document whose findings are published. */
  private readonly linted = new Map<string, number>();
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

  constructor(readonly extensionUri: vscode.Uri, threads?: ThreadFactory) {
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
      // a closed letter's problems stay until it is fixed or deleted: its file is linted from disk
      ws.onDidCloseTextDocument((d) => (FILE_SCHEMES.includes(d.uri.scheme) && this.collection.has(d.uri) ? this.relintClosed(d.uri) : this.forget(d.uri))),
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
    // letters that are not open: changed on disk, linted again; deleted, their problems go
    const letters = ws.createFileSystemWatcher('**/*.md');
    const onDisk = (uri: vscode.Uri): void => {
      if (this.collection.has(uri) && !isOpen(uri)) this.relintClosed(uri);
    };
    this.disposables.push(letters, letters.onDidChange(onDisk), letters.onDidDelete((uri) => this.forget(uri)));
  }

  /** Lints a file that is not open, from disk; a file that cannot be read has no problems. */
  async lintFile(uri: vscode.Uri): Promise<readonly Finding[]> {
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      this.forget(uri);
      return [];
    }
    if (isOpen(uri)) return this.collection.get(uri)?.flatMap((d) => (d instanceof DunmarkDiagnostic ? [d.finding] : [])) ?? [];
    if (!readSettings(uri).enable) {
      this.collection.delete(uri);
      return [];
    }
    const { config, hasConfig } = await this.resolve(uri);
    const checked = isDunmarkDocument(text, hasConfig, uri.scheme) ? await this.check(uri, text, config, SAVE_BUDGET_MS) : { findings: [], language: 'en' as const };
    if (!checked || isOpen(uri)) return []; // opened meanwhile: the editor's lint is the one that counts
    if ('unchecked' in checked) return this.publishUnchecked(uri, undefined, this.uncheckedMessage(checked.unchecked, 'open'));
    const positions = textPositions(uri, text);
    if (checked.findings.length) this.collection.set(uri, checked.findings.map((f) => new DunmarkDiagnostic(positions, f, -1, ruleDocsUri(f.ruleId, checked.language))));
    else this.collection.delete(uri);
    return checked.findings;
  }

  /** True while documents are checked in a worker thread (false where none can start). */
  get checksOffThread(): boolean {
    return this.thread?.available ?? false;
  }

  /**
   * Checks a text in the worker within `budgetMs` (or in this thread where no worker runs).
   * Undefined: a newer request for the same document replaced this one.
   */
  private async check(uri: vscode.Uri, text: string, config: DunmarkConfig, budgetMs: number): Promise<Checked> {
    const result = this.thread
      ? await this.thread.lint(uri.toString(), text, config, vscode.workspace.asRelativePath(uri), budgetMs)
      : { kind: 'unavailable' as const, reason: 'no worker' };
    switch (result.kind) {
      case 'done': return { findings: result.findings, language: result.language };
      case 'superseded': return undefined;
      case 'unavailable': {
        if (this.thread) console.warn(`[dunmark] checking in the extension host's thread: ${result.reason}`);
        this.thread?.dispose();
        this.thread = undefined;
        return lintHere(text, config);
      }
      case 'over-budget': return { unchecked: `over:${result.budgetMs}` };
      default: return { unchecked: result.reason };
    }
  }

  private uncheckedMessage(why: string, reason: LintReason): string {
    if (!why.startsWith('over:')) return vscode.l10n.t('Dunmark could not check this document: {0}.', why);
    const budgetMs = Number(why.slice(5));
    return reason === 'type'
      ? vscode.l10n.t('Dunmark did not check this document as you type: it is too large or complex to check within {0} ms. It is checked when you save.', budgetMs)
      : vscode.l10n.t('Dunmark could not check this document: it is too large or complex to check within {0} seconds. Split it, or run `dunmark lint --max-ms` on it.', Math.round(budgetMs / 1000));
  }

  /** One information diagnostic at the top for a document that was not checked; its finding is returned. */
  private publishUnchecked(uri: vscode.Uri, document: vscode.TextDocument | undefined, message: string): readonly Finding[] {
    const finding: Finding = { ruleId: UNCHECKED_ID, category: 'structure', severity: 'info', message, line: 1, column: 1, endLine: 1, endColumn: 1, span: { start: 0, end: 0 }, fixes: [] };
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'dunmark';
    diagnostic.code = UNCHECKED_ID;
    this.collection.set(uri, [diagnostic]);
    if (document) {
      this.linted.set(uri.toString(), document.version);
      this.lintedEmitter.fire({ document, findings: [finding] });
    }
    return [finding];
  }

  private relintClosed(uri: vscode.Uri): void {
    const key = uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.delete(key);
    this.linted.delete(key);
    void this.lintFile(uri);
  }

  /** Lints every open document Dunmark looks at. */
  lintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.request(document, 0);
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
    return (await this.resolve(document.uri)).config;
  }

  /** The resolved config for a document that may not exist yet (a new or untitled letter: the workspace folder's). */
  async configForUri(uri: vscode.Uri): Promise<DunmarkConfig> {
    return (await this.resolve(uri)).config;
  }

  private async resolve(uri: vscode.Uri): Promise<{ config: DunmarkConfig; hasConfig: boolean }> {
    const rc = await this.discovery.find(uri).catch(() => undefined);
    if (rc && !rc.ok) this.reportConfigError(rc);
    else this.configErrorEmitter.fire(undefined);
    return { config: mergeConfig(readSettings(uri), rc?.ok ? rc.config : undefined, vscode.workspace.isTrusted), hasConfig: rc !== undefined };
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
      this.linted.set(document.uri.toString(), document.version);
      this.lintedEmitter.fire({ document, findings: [] });
      return [];
    }
    const version = document.version;
    const { config, hasConfig } = await this.resolve(document.uri);
    if (document.isClosed || document.version !== version) return []; // a newer lint is on its way
    const text = document.getText();
    const budgetMs = reason === 'type' ? readSettings(document.uri).typingBudgetMs : SAVE_BUDGET_MS;
    const checked = isDunmarkDocument(text, hasConfig, document.uri.scheme) ? await this.check(document.uri, text, config, budgetMs) : { findings: [], language: 'en' as const };
    if (!checked || document.isClosed || document.version !== version) return [];
    if ('unchecked' in checked) return this.publishUnchecked(document.uri, document, this.uncheckedMessage(checked.unchecked, reason));
    const { findings, language } = checked;
    // the rule pages in the language of the findings' messages
    this.collection.set(document.uri, findings.map((f) =>
      new DunmarkDiagnostic(document, f, version, ruleDocsUri(f.ruleId, language))));
    this.linted.set(document.uri.toString(), version);
    this.lintedEmitter.fire({ document, findings });
    return findings;
  }

  /** True when the published findings are those of the document's current text. */
  isCurrent(document: vscode.TextDocument): boolean {
    return this.linted.get(document.uri.toString()) === document.version;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.linted.delete(key);
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
  return lintHere(source, config).findings;
}

/** `lintSafely` and the language of the findings' messages (what the worker answers). */
function lintHere(source: string | ParsedDocument, config: DunmarkConfig): { findings: Finding[]; language: 'en' | 'zh' } {
  try {
    const doc = typeof source === 'string' ? engine().parseDocument(source) : source;
    return { findings: engine().lintParsed(doc, config), language: engine().messageLanguage(doc.facts, config) };
  } catch (error) {
    console.error('[dunmark] lint failed', error);
    return { findings: [], language: 'en' };
  }
}
