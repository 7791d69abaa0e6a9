/** Lints Markdown documents with the core and publishes the findings as diagnostics. */
import * as vscode from 'vscode';
import { splitFrontMatter } from '../core/front-matter.js';
import type { DunmarkConfig, Finding, Severity } from '../core/types.js';
import { lintJob, poolJobs } from './core.js';
import type { CaseFileSource } from '../core/cases/case-file.js';
import type { LintDone } from '../core/lint-job.js';
import type { DunmarkPool, DocxDone, DocxJob } from '../core/pool/jobs.js';
import type { PoolResult, ThreadFactory } from '../core/pool/pool.js';
import { setInherited } from './parsed.js';
import { ruleDocsUri } from './rule-docs.js';
import { CASE_FILE_NAMES, CONFIG_FILE_NAME } from '../core/config/names.js';
import { Discovery, mergeConfig, readSettings, type RcResult } from './settings.js';
import { documentFinding } from '../core/findings.js';

/** The schemes Dunmark lints: real files, new unsaved documents and virtual workspaces (never diff or output views). */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Schemes of files on disk (or a virtual workspace's): their problems outlive their editors. */
const FILE_SCHEMES: readonly string[] = ['file', 'vscode-vfs'];

function isOpen(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === key && !d.isClosed);
}

/** Document selector for every provider. */
export const SELECTOR: vscode.DocumentFilter[] = LINTED_SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));

/** True when Dunmark looks at this document. */
export function isLinted(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (LINTED_SCHEMES as readonly string[]).includes(document.uri.scheme);
}

/** The case files, for the providers that serve them too (quick fixes of their findings). */
export const CASE_FILE_SELECTOR: vscode.DocumentFilter[] = CASE_FILE_NAMES.map((name) => ({ scheme: 'file', pattern: `**/${name}` }));

/** True for a case file (`case.yaml`), whose facts the documents of its folder inherit. */
export function isCaseFile(uri: vscode.Uri): boolean {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1);
  return (CASE_FILE_NAMES as readonly string[]).includes(name);
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
type Checked = { findings: Finding[]; language: 'en' | 'zh' } | { unchecked: Unchecked } | undefined;

/** Why a document was not checked: over its budget, or the check failed. */
type Unchecked = Extract<PoolResult<LintDone>, { kind: 'over-budget' | 'failed' }>;

/** The range of a place given by 1-based lines and columns (a case file that is not open). */
function lineRange(p: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
}

/**
 * A diagnostic that carries the core finding it was made from; its related places become related
 * information. A finding in a case file (`finding.file`) is placed by its line and column there.
 */
export class DunmarkDiagnostic extends vscode.Diagnostic {
  /** For a finding in a case file: the case file's text it was found in (its fixes apply to that text only). */
  sourceText?: string;

  constructor(
    document: Positions,
    readonly finding: Finding,
    readonly documentVersion: number,
    docsUri: vscode.Uri,
  ) {
    super(finding.file !== undefined ? lineRange(finding) : spanRange(document, finding.span), finding.message, toSeverity(finding.severity));
    this.source = 'dunmark';
    this.code = { value: finding.ruleId, target: docsUri };
    if (finding.related?.length) {
      this.relatedInformation = finding.related.map(
        (r) => new vscode.DiagnosticRelatedInformation(new vscode.Location(document.uri, spanRange(document, r.span)), r.message),
      );
    }
  }
}

function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  switch (severity) {
    case 'error':
      return vscode.DiagnosticSeverity.Error;
    case 'warning':
      return vscode.DiagnosticSeverity.Warning;
    case 'info':
      return vscode.DiagnosticSeverity.Information;
    default:
      return vscode.DiagnosticSeverity.Hint;
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
  /** The worker pool documents are checked in (one thread); undefined where none can run (then this thread lints). */
  private started: DunmarkPool | undefined;
  /** The thread factory the pool is started with on the first check (none: this thread lints). */
  private threads: ThreadFactory | undefined;
  /** Findings in case files, by case file and by the document whose lint found them (one diagnostic each). */
  private readonly inCaseFiles = new Map<string, Map<string, Finding[]>>();
  /** The case file's text each of those findings was found in. */
  private readonly caseTextOf = new WeakMap<Finding, string>();
  private readonly caseFilesChanged = new vscode.EventEmitter<void>();
  /** Fires when a case file was created, changed (saved or typed) or deleted. */
  readonly onDidChangeCaseFiles = this.caseFilesChanged.event;
  private caseTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly extensionUri: vscode.Uri,
    threads?: ThreadFactory,
  ) {
    this.threads = threads;
    const ws = vscode.workspace;
    this.disposables.push(
      this.collection,
      this.lintedEmitter,
      this.configErrorEmitter,
      ws.onDidOpenTextDocument((d) => this.request(d, 0)),
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && isCaseFile(e.document.uri)) this.caseFileChanged(DEBOUNCE_MS);
        else if (e.contentChanges.length && readSettings(e.document.uri).lintOnType) this.request(e.document, DEBOUNCE_MS, 'type');
      }),
      ws.onDidSaveTextDocument((d) => {
        if (readSettings(d.uri).lintOnSave) this.request(d, 0, 'save');
      }),
      // a closed letter's problems stay until it is fixed or deleted: its file is linted from disk
      ws.onDidCloseTextDocument((d) => {
        // a case file's problems belong to its letters, open or not; it is never linted as a letter
        if (isCaseFile(d.uri)) return;
        if (FILE_SCHEMES.includes(d.uri.scheme) && this.collection.has(d.uri)) this.relintClosed(d.uri);
        else this.forget(d.uri);
      }),
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
    const caseWatcher = ws.createFileSystemWatcher(`**/{${CASE_FILE_NAMES.join(',')}}`);
    const caseChanged = (): void => this.caseFileChanged(0);
    this.disposables.push(
      this.caseFilesChanged,
      caseWatcher,
      caseWatcher.onDidChange(caseChanged),
      caseWatcher.onDidCreate(caseChanged),
      caseWatcher.onDidDelete(caseChanged),
    );
    // letters that are not open: changed on disk (in place, or replaced: `--fix`, an editor's atomic save),
    // linted again; deleted, their problems go
    const letters = ws.createFileSystemWatcher('**/*.md');
    const onDisk = (uri: vscode.Uri): void => {
      if (this.collection.has(uri) && !isOpen(uri)) this.relintClosed(uri);
    };
    const onDeleted = (uri: vscode.Uri): void => {
      if (isOpen(uri)) return;
      // a file replaced by a rename may be reported deleted: it is linted again if it is still there
      void Promise.resolve(vscode.workspace.fs.stat(uri)).then(
        () => onDisk(uri),
        () => this.forget(uri),
      );
    };
    this.disposables.push(letters, letters.onDidChange(onDisk), letters.onDidCreate(onDisk), letters.onDidDelete(onDeleted));
  }

  /** Lints a file that is not open, from disk; a file that cannot be read has no problems. */
  async lintFile(uri: vscode.Uri): Promise<readonly Finding[]> {
    if (isCaseFile(uri)) return [];
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
    const caseFiles = await this.discovery.caseSources(uri);
    const checked = isDunmarkDocument(text, hasConfig || caseFiles.length > 0, uri.scheme)
      ? await this.check(uri, text, config, SAVE_BUDGET_MS, caseFiles)
      : { findings: [], language: 'en' as const };
    if (!checked || isOpen(uri)) return []; // opened meanwhile: the editor's lint is the one that counts
    if ('unchecked' in checked) return this.publishUnchecked(uri, undefined, this.uncheckedMessage(checked.unchecked, 'open'));
    const positions = textPositions(uri, text);
    const findings = checked.findings.filter((f) => f.file === undefined);
    if (findings.length)
      this.collection.set(
        uri,
        findings.map((f) => new DunmarkDiagnostic(positions, f, -1, ruleDocsUri(f.ruleId, checked.language))),
      );
    else this.collection.delete(uri);
    this.publishCaseFindings(
      positions,
      checked.findings.filter((f) => f.file !== undefined),
      checked.language,
      caseFiles,
    );
    return findings;
  }

  /** A case file changed: every open document may inherit other facts now. */
  private caseFileChanged(delay: number): void {
    if (this.caseTimer) clearTimeout(this.caseTimer);
    this.caseTimer = setTimeout(() => {
      this.caseTimer = undefined;
      this.discovery.clear();
      this.caseFilesChanged.fire();
      this.lintAll();
      // closed letters too: their findings (and their case files') may have changed with the case
      this.collection.forEach((uri) => {
        if (FILE_SCHEMES.includes(uri.scheme) && !isCaseFile(uri) && !isOpen(uri)) this.relintClosed(uri);
      });
    }, delay);
  }

  /** Shows a document's findings about inherited facts in their case files, once each across the documents of the case. */
  private publishCaseFindings(document: Positions, findings: Finding[], language: 'en' | 'zh', caseFiles: readonly CaseFileSource[]): void {
    const texts = new Map(caseFiles.map((c) => [c.name, c.text]));
    for (const f of findings) {
      const text = texts.get(f.file!);
      if (text !== undefined) this.caseTextOf.set(f, text);
    }
    const key = document.uri.toString();
    const touched = new Set<string>();
    for (const [file, byDocument] of this.inCaseFiles) if (byDocument.delete(key)) touched.add(file);
    for (const f of findings) {
      let byDocument = this.inCaseFiles.get(f.file!);
      if (!byDocument) this.inCaseFiles.set(f.file!, (byDocument = new Map<string, Finding[]>()));
      const list = byDocument.get(key) ?? [];
      list.push(f);
      byDocument.set(key, list);
      touched.add(f.file!);
    }
    for (const file of touched) {
      const seen = new Set<string>();
      const diagnostics: DunmarkDiagnostic[] = [];
      for (const list of this.inCaseFiles.get(file)?.values() ?? []) {
        for (const f of list) {
          const id = `${f.ruleId}\u0000${f.span.start}\u0000${f.span.end}\u0000${f.message}`;
          if (seen.has(id)) continue;
          seen.add(id);
          const diagnostic = new DunmarkDiagnostic(document, f, 0, ruleDocsUri(f.ruleId, language));
          diagnostic.sourceText = this.caseTextOf.get(f);
          diagnostics.push(diagnostic);
        }
      }
      if (diagnostics.length) this.collection.set(vscode.Uri.parse(file), diagnostics);
      else {
        this.collection.delete(vscode.Uri.parse(file));
        this.inCaseFiles.delete(file);
      }
    }
  }

  /** True while documents are checked in a worker thread (false where none can start). */
  get checksOffThread(): boolean {
    return this.pool?.available ?? false;
  }

  /** The pool, started on the first check: activation loads none of the core. */
  private get pool(): DunmarkPool | undefined {
    if (!this.started && this.threads) this.started = new (poolJobs().DunmarkPool)(this.threads, 1);
    return this.started;
  }

  /**
   * Fixes a text as `dunmark lint --fix` does, in the worker within the save budget (Fix All and
   * source.fixAll): the preferred fixes until the text is stable. Undefined when it could not be fixed.
   */
  async fix(uri: vscode.Uri, text: string, config: DunmarkConfig, caseFiles: readonly CaseFileSource[]): Promise<LintDone | undefined> {
    const job = { text, config, caseFiles, fix: true };
    const result = this.pool ? await this.pool.lint(job, { budgetMs: SAVE_BUDGET_MS }) : { kind: 'unavailable' as const, reason: 'no worker' };
    if (result.kind === 'done') return result;
    if (result.kind === 'unavailable') {
      this.fallBack(result.reason);
      const here = lintJob().runLintJob(job);
      return here.kind === 'done' ? here : undefined;
    }
    console.warn(`[dunmark] could not fix ${uri.toString()}: ${result.kind === 'failed' ? result.reason : result.kind}`);
    return undefined;
  }

  /** Reads and checks a Word letter in the worker within the save budget (never on this thread: a .docx may inflate without end). */
  checkDocx(job: DocxJob): Promise<PoolResult<DocxDone>> {
    return this.pool ? this.pool.docx(job, { budgetMs: SAVE_BUDGET_MS }) : Promise.resolve({ kind: 'unavailable', reason: 'no worker' });
  }

  /** No worker can run here: documents are checked in this thread from now on. */
  private fallBack(reason: string): void {
    if (this.threads) console.warn(`[dunmark] checking in the extension host's thread: ${reason}`);
    this.started?.stop();
    this.started = undefined;
    this.threads = undefined;
  }

  /**
   * Checks a text in the worker within `budgetMs` (or in this thread where no worker runs).
   * Undefined: a newer request for the same document replaced this one.
   */
  private async check(uri: vscode.Uri, text: string, config: DunmarkConfig, budgetMs: number, caseFiles: readonly CaseFileSource[]): Promise<Checked> {
    const result = this.pool
      ? await this.pool.lint({ text, config, caseFiles }, { budgetMs, key: uri.toString() })
      : { kind: 'unavailable' as const, reason: 'no worker' };
    switch (result.kind) {
      case 'done':
        return { findings: result.findings, language: result.language };
      case 'superseded':
        return undefined;
      case 'unavailable': {
        this.fallBack(result.reason);
        return lintSafely(text, config, caseFiles);
      }
      default:
        return { unchecked: result };
    }
  }

  private uncheckedMessage(why: Unchecked, reason: LintReason): string {
    if (why.kind === 'failed') return vscode.l10n.t('Dunmark could not check this document: {0}.', why.reason);
    const { budgetMs } = why;
    return reason === 'type'
      ? vscode.l10n.t(
          'Dunmark did not check this document as you type: it is too large or complex to check within {0} ms. The problems shown are from its last check; it is checked again when you save.',
          budgetMs,
        )
      : vscode.l10n.t(
          'Dunmark could not check this document: it is too large or complex to check within {0} seconds. Split it, or run `dunmark lint --max-ms` on it.',
          Math.round(budgetMs / 1000),
        );
  }

  /** One information diagnostic at the top for a document that was not checked; its finding is returned. */
  /**
   * One information diagnostic at the top for a document that was not checked; its finding is returned.
   * `keepLast`: the problems of the last check stay beside it (typing over budget must not hide a threat).
   */
  private publishUnchecked(uri: vscode.Uri, document: vscode.TextDocument | undefined, message: string, keepLast = false): readonly Finding[] {
    const finding = documentFinding(UNCHECKED_ID, 'structure', 'info', message);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), message, vscode.DiagnosticSeverity.Information);
    diagnostic.source = 'dunmark';
    diagnostic.code = UNCHECKED_ID;
    const last = keepLast ? (this.collection.get(uri) ?? []).filter((d): d is DunmarkDiagnostic => d instanceof DunmarkDiagnostic) : [];
    this.collection.set(uri, [...last, diagnostic]);
    const findings = [...last.map((d) => d.finding), finding];
    if (document) {
      this.linted.set(uri.toString(), document.version);
      this.lintedEmitter.fire({ document, findings });
    }
    return findings;
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
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.lintNow(document, reason);
      }, delay),
    );
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
    const caseFiles = await this.discovery.caseSources(document.uri);
    // hovers and completion see the facts the lint saw
    setInherited(document.uri, await this.discovery.inherited(document.uri));
    if (document.isClosed || document.version !== version) return []; // a newer lint is on its way
    const text = document.getText();
    const budgetMs = reason === 'type' ? readSettings(document.uri).typingBudgetMs : SAVE_BUDGET_MS;
    const checked = isDunmarkDocument(text, hasConfig || caseFiles.length > 0, document.uri.scheme)
      ? await this.check(document.uri, text, config, budgetMs, caseFiles)
      : { findings: [], language: 'en' as const };
    if (!checked || document.isClosed || document.version !== version) return [];
    if ('unchecked' in checked) return this.publishUnchecked(document.uri, document, this.uncheckedMessage(checked.unchecked, reason), reason === 'type');
    const { language } = checked;
    const findings = checked.findings.filter((f) => f.file === undefined);
    // the rule pages in the language of the findings' messages
    this.collection.set(
      document.uri,
      findings.map((f) => new DunmarkDiagnostic(document, f, version, ruleDocsUri(f.ruleId, language))),
    );
    this.publishCaseFindings(
      document,
      checked.findings.filter((f) => f.file !== undefined),
      language,
      caseFiles,
    );
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
    if (isCaseFile(uri)) return; // a case file's findings come from its documents, open or not
    this.collection.delete(uri);
  }

  private reportConfigError(rc: Extract<RcResult, { ok: false }>): void {
    this.configErrorEmitter.fire(rc);
    const key = `${rc.file.toString()}\n${rc.error.message}`;
    if (this.reportedConfigErrors.has(key)) return;
    this.reportedConfigErrors.add(key);
    const open = vscode.l10n.t('Open Config');
    void vscode.window
      .showWarningMessage(
        vscode.l10n.t(
          'Dunmark cannot read {0} (line {1}): {2}. Linting with the editor settings only.',
          vscode.workspace.asRelativePath(rc.file),
          rc.error.line,
          rc.error.message,
        ),
        open,
      )
      .then((choice) => {
        if (choice === open)
          void vscode.window.showTextDocument(rc.file, {
            selection: new vscode.Range(rc.error.line - 1, rc.error.column - 1, rc.error.line - 1, rc.error.column - 1),
          });
      });
  }

  dispose(): void {
    if (this.caseTimer) clearTimeout(this.caseTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
    this.started?.stop();
  }
}

/**
 * Lints a text in the extension host's thread with the core's runner (only where no worker can start).
 * The core never throws by contract; a failure is still logged and has no findings.
 */
export function lintSafely(text: string, config: DunmarkConfig, caseFiles: readonly CaseFileSource[] = []): { findings: Finding[]; language: 'en' | 'zh' } {
  const result = lintJob().runLintJob({ text, config, caseFiles });
  if (result.kind === 'done') return result;
  console.error(`[dunmark] lint failed: ${result.reason}`);
  return { findings: [], language: 'en' };
}
