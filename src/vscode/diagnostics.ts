/** Lints Markdown documents with the core and publishes the findings as diagnostics. */
import * as vscode from 'vscode';
import type { ParsedDocument } from '../core/engine.js';
import type { DunmarkConfig, Finding, Severity } from '../core/types.js';
import { engine } from './core.js';
import { parsed, setInherited } from './parsed.js';
import { CASE_FILE_NAMES, CONFIG_FILE_NAME } from '../core/config/names.js';
import { Discovery, mergeConfig, readSettings, type RcResult } from './settings.js';

/** The schemes Dunmark lints: real files, new unsaved documents and virtual workspaces (never diff or output views). */
export const LINTED_SCHEMES = ['file', 'untitled', 'vscode-vfs'] as const;

/** Document selector for every provider. */
export const SELECTOR: vscode.DocumentSelector = LINTED_SCHEMES.map((scheme) => ({ language: 'markdown', scheme }));

/** True when Dunmark looks at this document. */
export function isLinted(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && (LINTED_SCHEMES as readonly string[]).includes(document.uri.scheme);
}

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
export function isDunmarkDocument(doc: ParsedDocument, hasConfig: boolean, scheme: string): boolean {
  const fm = doc.frontMatter;
  return hasConfig || scheme === 'untitled' || (fm !== undefined && KIND_LINE.test(doc.text.slice(fm.content.start, fm.content.end)));
}

/** The range of a place given by 1-based lines and columns (a case file that is not open). */
function lineRange(p: { line: number; column: number; endLine: number; endColumn: number }): vscode.Range {
  return new vscode.Range(p.line - 1, p.column - 1, p.endLine - 1, p.endColumn - 1);
}

/**
 * A diagnostic that carries the core finding it was made from; its related places become related
 * information. A finding in a case file (`finding.file`) is placed by its line and column there.
 */
export class DunmarkDiagnostic extends vscode.Diagnostic {
  constructor(document: vscode.TextDocument, readonly finding: Finding, readonly documentVersion: number, docsUri: vscode.Uri) {
    super(finding.file !== undefined ? lineRange(finding) : spanRange(document, finding.span), finding.message, toSeverity(finding.severity));
    this.source = 'dunmark';
    this.code = { value: finding.ruleId, target: docsUri };
    if (finding.related?.length) {
      this.relatedInformation = finding.related.map((r) => new vscode.DiagnosticRelatedInformation(
        r.file !== undefined ? new vscode.Location(vscode.Uri.parse(r.file), lineRange(r)) : new vscode.Location(document.uri, spanRange(document, r.span)),
        r.message,
      ));
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
  /** Findings in case files, by case file and by the document whose lint found them (one diagnostic each). */
  private readonly inCaseFiles = new Map<string, Map<string, Finding[]>>();
  private readonly caseFilesChanged = new vscode.EventEmitter<void>();
  /** Fires when a case file was created, changed (saved or typed) or deleted. */
  readonly onDidChangeCaseFiles = this.caseFilesChanged.event;

  constructor(private readonly extensionUri: vscode.Uri) {
    const ws = vscode.workspace;
    this.disposables.push(
      this.collection, this.lintedEmitter, this.configErrorEmitter,
      ws.onDidOpenTextDocument((d) => this.request(d, 0)),
      ws.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && isCaseFile(e.document.uri)) this.caseFileChanged(DEBOUNCE_MS);
        else if (e.contentChanges.length && readSettings(e.document.uri).lintOnType) this.request(e.document, DEBOUNCE_MS);
      }),
      ws.onDidSaveTextDocument((d) => {
        if (readSettings(d.uri).lintOnSave) this.request(d, 0);
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
    const caseWatcher = ws.createFileSystemWatcher(`**/{${CASE_FILE_NAMES.join(',')}}`);
    const caseChanged = (): void => this.caseFileChanged(0);
    this.disposables.push(this.caseFilesChanged, caseWatcher, caseWatcher.onDidChange(caseChanged), caseWatcher.onDidCreate(caseChanged), caseWatcher.onDidDelete(caseChanged));
  }

  private caseTimer: ReturnType<typeof setTimeout> | undefined;

  /** A case file changed: every open document may inherit other facts now. */
  private caseFileChanged(delay: number): void {
    if (this.caseTimer) clearTimeout(this.caseTimer);
    this.caseTimer = setTimeout(() => {
      this.caseTimer = undefined;
      this.discovery.clear();
      this.caseFilesChanged.fire();
      this.lintAll();
    }, delay);
  }

  /** Lints every open document Dunmark looks at. */
  lintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.request(document, 0);
  }

  /** Schedules a lint of a document; `delay` debounces typing per document. */
  request(document: vscode.TextDocument, delay: number): void {
    if (!isLinted(document)) return;
    const key = document.uri.toString();
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.lintNow(document);
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

  /** Lints a document now and publishes the result unless the document moved on meanwhile. */
  async lintNow(document: vscode.TextDocument): Promise<readonly Finding[]> {
    if (!isLinted(document) || document.isClosed) return [];
    if (!readSettings(document.uri).enable) {
      this.collection.delete(document.uri);
      this.lintedEmitter.fire({ document, findings: [] });
      return [];
    }
    const version = document.version;
    const { config, hasConfig } = await this.resolve(document);
    const inherited = await this.discovery.inherited(document.uri);
    if (document.isClosed || document.version !== version) return []; // a newer lint is on its way
    setInherited(document.uri, inherited);
    const doc = parsed(document);
    const all = isDunmarkDocument(doc, hasConfig || inherited !== undefined, document.uri.scheme) ? lintSafely(doc, config) : [];
    const findings = all.filter((f) => f.file === undefined);
    this.collection.set(document.uri, findings.map((f) =>
      new DunmarkDiagnostic(document, f, version, ruleDocsUri(this.extensionUri, f.ruleId))));
    this.publishCaseFindings(document, all.filter((f) => f.file !== undefined));
    this.lintedEmitter.fire({ document, findings });
    return findings;
  }

  /** Shows a document's findings about inherited facts in their case files, once each across the documents of the case. */
  private publishCaseFindings(document: vscode.TextDocument, findings: Finding[]): void {
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
          diagnostics.push(new DunmarkDiagnostic(document, f, 0, ruleDocsUri(this.extensionUri, f.ruleId)));
        }
      }
      this.collection.set(vscode.Uri.parse(file), diagnostics);
    }
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
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
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Dunmark cannot read {0} (line {1}): {2}. Linting with the editor settings only.', vscode.workspace.asRelativePath(rc.file), rc.error.line, rc.error.message),
      open,
    ).then((choice) => {
      if (choice === open) void vscode.window.showTextDocument(rc.file, { selection: new vscode.Range(rc.error.line - 1, rc.error.column - 1, rc.error.line - 1, rc.error.column - 1) });
    });
  }

  dispose(): void {
    if (this.caseTimer) clearTimeout(this.caseTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
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
