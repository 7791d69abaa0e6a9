/**
 * The Dunmark commands. Each is a thin call into the core. A person answers in the facts form; tests
 * and keybindings may pass the answers as an argument object, and what they leave missing is asked
 * for in the same form: no command ends in an error for lack of a way to answer.
 */
import * as vscode from 'vscode';
import { isoToday } from '../core/facts/facts.js';
import type { Template } from '../core/templates/index.js';
import { drafting, templates as coreTemplates } from './core.js';
import { isLinted, type DunmarkClient } from './client.js';
import { saveFactsToCase } from './case-write.js';
import { formLanguage, showFactsForm, type FactsFormResult, type FormTarget } from './facts-form.js';
import { inheritedOf, parsedHead } from './parsed.js';
import { showRuleDocs } from './rule-docs.js';
import { parentOf } from './settings.js';
import type { TemplateCatalog } from './templates.js';
import { lintWorkspaceCommand } from './workspace-lint.js';

/** Answers a command may be given instead of prompts. */
export interface CommandArgs {
  /** Template id to use (skips the quick pick). */
  templateId?: string;
  /** Facts that override the open file's front matter. */
  facts?: Record<string, unknown>;
  /** `untitled` (default) or a file path / URI to create; an existing file is never overwritten. */
  target?: string;
  /** Institution for the arbitration clause (`CIETAC`, `HKIAC`, `SIAC`, `ICC`). */
  institution?: string;
  /** Only offer templates of this kind. */
  kind?: string;
  /**
   * The facts the new document inherits from its case file: it renders from them, and its front
   * matter keeps only what differs (kind, stage, date, deadline). Default: those of the open document's case.
   */
  inherited?: Record<string, unknown>;
  /** Open the facts form even when the facts given are complete (Draft Next Letter: the person checks them first). */
  form?: boolean;
  /** The case file (a URI) that the facts typed into the form may be saved to, with `inherited`. */
  caseFile?: string;
}

/** The URI scheme of read-only rendered previews. */
export const PREVIEW_SCHEME = 'dunmark-preview';

/** Serves rendered previews as read-only virtual documents. */
export class PreviewProvider implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  /** Stores a rendering and returns the URI that shows it. */
  set(name: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}.md` });
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The front matter of a document as facts, or an empty object. */
function documentFacts(document: vscode.TextDocument | undefined): Record<string, unknown> {
  if (!document || document.languageId !== 'markdown') return {};
  const data = parsedHead(document).data;
  return data ? structuredClone(data) : {};
}

interface TemplatePick extends vscode.QuickPickItem {
  template?: Template;
}

/**
 * Quick pick of templates in the order of a case, each by its human title ("Reminder — English"),
 * grouped by kind: those in the letter's language first, then every other one under "other
 * languages" (the language is a filter, not a wall). The first item is the one Enter takes.
 */
export async function pickTemplate(
  split: { inLanguage: Template[]; others: Template[] },
  title: string,
  options: { takeSingle?: boolean } = {},
): Promise<Template | undefined> {
  // a command that names what it drafts (the next stage, a clause) takes the one template in the letter's language
  if (options.takeSingle && split.inLanguage.length === 1) return split.inLanguage[0];
  const templates = [...split.inLanguage, ...split.others];
  if (templates.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No Dunmark template fits here.'));
    return undefined;
  }
  if (templates.length === 1) return templates[0];
  const draft = drafting();
  const lang = formLanguage();
  const items: TemplatePick[] = [];
  const group = (list: Template[], other: boolean, keepOrder = false): void => {
    let last: string | undefined;
    for (const t of keepOrder ? list : draft.seriesOrder(list)) {
      const kind = draft.documentLabel({ kind: t.kind }, lang) ?? t.kind;
      const label = other ? vscode.l10n.t('{0} — other languages', kind) : kind;
      if (label !== last) items.push({ label: (last = label), kind: vscode.QuickPickItemKind.Separator });
      items.push({
        label: draft.templateLabel(t),
        description: [t.title, t.source === 'workspace' ? vscode.l10n.t('workspace') : undefined].filter(Boolean).join(' · '),
        detail: t.description,
        template: t,
      });
    }
  };
  group(split.inLanguage, false, split.inLanguage.length === 1);
  group(split.others, split.inLanguage.length > 0);
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  return picked?.template;
}

/** The active editor when it shows a Markdown document. */
function activeMarkdown(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'markdown' ? editor : undefined;
}

/** A file name for a new letter beside the workspace: `<template>-<date>.md`. */
function suggestedFile(template: Template, facts: Record<string, unknown>, near: vscode.TextDocument | undefined): vscode.Uri | undefined {
  const folder = near && near.uri.scheme !== 'untitled' ? vscode.Uri.joinPath(near.uri, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const date = typeof facts.date === 'string' ? `-${facts.date}` : '';
  return folder && vscode.Uri.joinPath(folder, `${template.id}${date}.md`);
}

/** A new document's file name in a case folder: its date and stage (or kind), `2026-11-25-final-demand.md`. */
function draftName(facts: Record<string, unknown>, template: Template): string {
  return drafting().draftFileName(template, typeof facts.date === 'string' ? facts.date : isoToday());
}

/** `name` in `folder`, or `name-2`, `name-3`, ... when a file of that name exists (never overwritten). */
export async function freeName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const stem = name.replace(/\.md$/, '');
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(folder, i === 1 ? name : `${stem}-${i}.md`);
    if (
      !(await vscode.workspace.fs.stat(uri).then(
        () => true,
        () => false,
      ))
    )
      return uri;
  }
}

/** A target path or URI as the workspace shows it. */
function shownTarget(target: string): string {
  return vscode.workspace.asRelativePath(targetUri(target));
}

/** A target given as a URI (`file:///…`, `untitled:…`) or as a path. */
function targetUri(target: string): vscode.Uri {
  return /^[a-z][\w+.-]+:/i.test(target) && !/^[a-z]:[\\/]/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
}

/** The facts of the case the open document belongs to (its case files'), unless the arguments bring their own. */
function caseOf(
  source: vscode.TextDocument | undefined,
  args: CommandArgs,
): { inherited?: Record<string, unknown>; besideIn?: vscode.Uri; caseFile?: vscode.Uri } {
  if (args.inherited) return { inherited: args.inherited, ...(args.caseFile ? { caseFile: vscode.Uri.parse(args.caseFile) } : {}) };
  const facts = source ? inheritedOf(source.uri) : undefined;
  const data = facts?.data;
  // the case file nearest the document: the facts typed for this letter can be saved there
  const nearest = facts?.files[facts.files.length - 1]?.name;
  const caseFile = nearest ? vscode.Uri.parse(nearest) : undefined;
  // a document of a case folder: the new one goes beside it and inherits the same case file
  return data && source
    ? {
        inherited: data,
        ...(args.target === undefined ? { besideIn: parentOf(source.uri) } : {}),
        ...(caseFile && source.uri.scheme === caseFile.scheme ? { caseFile } : {}),
      }
    : {};
}

/** Opens rendered text as an untitled document or creates the named file (never overwriting one). */
async function output(text: string, target: string | undefined, suggested?: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  let where = target;
  if (where === 'file') {
    const uri = await vscode.window.showSaveDialog({
      filters: { Markdown: ['md'] },
      saveLabel: vscode.l10n.t('Create'),
      ...(suggested ? { defaultUri: suggested } : {}),
    });
    if (!uri) return undefined;
    where = uri.toString();
  }
  if (where === undefined || where === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    return document;
  }
  const uri = targetUri(where);
  const exists = await vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
  if (exists) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; Dunmark never overwrites a file.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** How a draft is made: straight from the arguments when they render, else through the facts form. */
interface DraftRequest {
  template: Template;
  workspace: Template[];
  facts: Record<string, unknown>;
  targets: FormTarget[];
  /** The document the command was run on (its config dates the letter). */
  source: vscode.TextDocument | undefined;
  /** Render without the form when the facts are complete (a command run with answers as arguments). */
  direct: boolean;
  /** The case facts the document inherits (its front matter keeps only what differs). */
  inherited?: Record<string, unknown>;
  /** A case folder: the document is written there, named by its date and stage. */
  besideIn?: vscode.Uri;
  /** The file the command writes (shown on the form's target). */
  fileName?: string;
  /** The case file the facts typed may be saved to. */
  caseFile?: vscode.Uri;
}

/** The drafting commands: each picks a template, fills the facts form (or renders what it was given) and puts the result where asked. */
class DraftingCommands {
  constructor(
    private readonly linter: DunmarkClient,
    private readonly catalog: TemplateCatalog,
    private readonly previews: PreviewProvider,
    private readonly extensionUri: vscode.Uri,
  ) {}

  /** The template the arguments name, or the one the user picks among those that fit (in the letter's language first). */
  private async chooseTemplate(
    args: CommandArgs,
    filter: (t: Template) => boolean,
    title: string,
    document: vscode.TextDocument | undefined,
    facts: Record<string, unknown>,
    takeSingle = false,
  ): Promise<{ template: Template; workspace: Template[] } | undefined> {
    const { all, workspace } = await this.catalog.list(document);
    if (args.templateId) {
      const t = all.find((x) => x.id === args.templateId);
      if (!t) void vscode.window.showErrorMessage(vscode.l10n.t('Unknown Dunmark template {0}', args.templateId));
      return t ? { template: t, workspace } : undefined;
    }
    const t = await pickTemplate(drafting().inLanguageOf(all.filter(filter), facts), title, { takeSingle });
    return t ? { template: t, workspace } : undefined;
  }

  /** The date a new letter gets: the configured `today` of the document's (or the workspace folder's) config, else today. */
  private async today(source: vscode.TextDocument | undefined): Promise<string> {
    const uri = source?.uri ?? vscode.Uri.from({ scheme: 'untitled', path: 'Untitled-1' });
    const config = await this.linter.configForUri(uri);
    return config.today ?? isoToday();
  }

  /** Renders directly when asked to and the facts are complete, else opens the facts form; undefined when the person closes it. */
  private async draft(request: DraftRequest): Promise<FactsFormResult | undefined> {
    const today = await this.today(request.source);
    if (request.direct) {
      const rendered = coreTemplates().renderTemplate(request.template, request.facts, {
        templates: request.workspace,
        ...(request.inherited ? { inherited: request.inherited } : {}),
      });
      if (rendered.ok) return { text: rendered.text, facts: request.facts, target: request.targets[0] ?? 'untitled', save: false };
    }
    return showFactsForm(this.extensionUri, {
      template: request.template,
      workspace: request.workspace,
      facts: request.facts,
      today,
      targets: request.targets,
      ...(request.inherited ? { inherited: request.inherited } : {}),
      ...(request.fileName ? { fileName: request.fileName } : {}),
      ...(request.caseFile ? { caseFile: vscode.workspace.asRelativePath(request.caseFile) } : {}),
    });
  }

  /** New Letter from Template and New Call Summary: the facts of the open letter (not its date and deadline) carried into the form. */
  async newLetter(args: CommandArgs = {}): Promise<vscode.TextDocument | undefined> {
    const source = activeMarkdown()?.document;
    const own = documentFacts(source);
    const theCase = caseOf(source, args);
    const facts = drafting().mergeFacts(args.inherited ?? (source ? drafting().newLetterFacts(own) : {}), args.facts);
    // the open letter's language first (its own facts say which; the new letter does not take them over)
    const chosen = await this.chooseTemplate(
      args,
      (t) => (args.kind ? t.kind === args.kind : t.kind !== 'clause'),
      vscode.l10n.t('New letter from template'),
      source,
      own,
    );
    if (!chosen) return undefined;
    return this.finish(
      { ...chosen, ...theCase, facts, targets: args.target ? ['file'] : ['untitled', 'file'], source, direct: answered(args) && !args.form },
      args.target,
    );
  }

  /** Puts a finished draft where the person (or the arguments) said. */
  private async finish(request: DraftRequest, target?: string): Promise<vscode.TextDocument | undefined> {
    const result = await this.draft(target && target !== 'untitled' ? { ...request, fileName: shownTarget(target) } : request);
    if (!result) return undefined;
    // what was typed for the case goes to its case file, so that the next letter does not ask again
    if (result.save && request.caseFile) await saveFactsToCase(request.caseFile, result.facts, request.inherited ?? {});
    // in a case folder a new file is offered beside the case's other documents, named by date and stage
    const suggested = request.besideIn
      ? await freeName(request.besideIn, draftName(result.facts, request.template))
      : suggestedFile(request.template, result.facts, request.source);
    return output(result.text, target ?? result.target, suggested);
  }

  /** Insert Guarantor Clause, Insert Arbitration Clause: every clause that fits the case, inserted at the cursor with a blank line around it. */
  async insertClause(clause: string, args: CommandArgs = {}): Promise<boolean> {
    const editor = activeMarkdown();
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown letter to insert a clause into.'));
      return false;
    }
    const draft = drafting();
    const document = editor.document;
    const selections = [...editor.selections];
    // a contract written without front matter still states its number, parties, law and institution: those the text gives plainly fill the form
    const own = documentFacts(document);
    const fromText = draft.contractFacts(draft.bodyOf(document.getText()));
    const facts = draft.mergeFacts(draft.mergeFacts(fromText, draft.clauseFacts(own)), args.facts);
    const institution = clause === 'arbitration' ? draft.arbitrationInstitution(facts, args.institution) : undefined;
    const fits = (t: Template): boolean => draft.clauseTemplates([t], clause, institution).length > 0;
    // in the letter's language: a Chinese clause in an English letter is not one it can send
    const chosen = await this.chooseTemplate(
      args,
      fits,
      clause === 'arbitration' ? vscode.l10n.t('Insert an arbitration clause') : vscode.l10n.t('Insert a guarantee clause'),
      document,
      documentFacts(document),
      true,
    );
    if (!chosen) return false;
    const result = await this.draft({ ...chosen, facts, targets: ['insert', 'untitled'], source: document, direct: answered(args) });
    if (!result) return false;
    if (result.target !== 'insert') return (await output(result.text, result.target)) !== undefined;
    if (document.isClosed) {
      void vscode.window.showWarningMessage(vscode.l10n.t('The letter was closed; the clause opens as a new document instead.'));
      return (await output(result.text, 'untitled')) !== undefined;
    }
    const text = document.getText();
    const edit = new vscode.WorkspaceEdit();
    const seen = new Set<number>();
    for (const selection of selections) {
      const insertion = draft.clauseInsertion(text, document.offsetAt(selection.active), result.text);
      if (seen.has(insertion.start)) continue;
      seen.add(insertion.start);
      edit.insert(document.uri, document.positionAt(insertion.start), insertion.text);
    }
    // one edit = one undo step
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) await vscode.window.showTextDocument(document, { viewColumn: editor.viewColumn });
    return applied;
  }

  /** Escalate to the Next Stage: the next letter of the same case, with its own date and deadline, the old letter among the earlier ones. */
  async escalate(args: CommandArgs = {}): Promise<vscode.TextDocument | undefined> {
    const editor = activeMarkdown();
    const facts = documentFacts(editor?.document);
    const next = drafting().nextStage(facts);
    if (!editor || next === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Escalate works on an open dunning letter with a `stage` in its front matter.'));
      return undefined;
    }
    if (next === 'last') {
      const stage = drafting().documentLabel(facts, formLanguage()) ?? String(facts.stage);
      void vscode.window.showInformationMessage(vscode.l10n.t('This letter is already at the last stage ({0}): the next step is the one it announces.', stage));
      return undefined;
    }
    // the next letter gets its own date and deadline: the old ones must not be carried over
    const merged = drafting().escalationFacts(facts, args.facts);
    const title = vscode.l10n.t('Escalate to: {0}', drafting().documentLabel({ stage: next }, formLanguage()) ?? next);
    const language = { language: drafting().nextLetterLanguage(merged, next) };
    const chosen = await this.chooseTemplate(args, (t) => t.kind === 'dunning-letter' && t.stage === next, title, editor.document, language, true);
    if (!chosen) return undefined;
    const theCase = caseOf(editor.document, args);
    // in a case folder the next letter goes beside the last one: a new file first
    const targets: FormTarget[] = args.target ? ['untitled'] : theCase.besideIn ? ['file', 'untitled'] : ['untitled', 'file'];
    return this.finish({ ...chosen, ...theCase, facts: merged, targets, source: editor.document, direct: answered(args) }, args.target);
  }

  /** Preview Rendered Template: the rendering, formatted, in the Markdown preview of a read-only virtual document. */
  async previewRendered(args: CommandArgs = {}): Promise<vscode.TextDocument | undefined> {
    const source = activeMarkdown()?.document;
    const draft = drafting();
    const own = documentFacts(source);
    const facts = draft.mergeFacts(source ? draft.newLetterFacts(own) : {}, args.facts);
    const chosen = await this.chooseTemplate(args, () => true, vscode.l10n.t('Preview a rendered template'), source, own);
    if (!chosen) return undefined;
    // the defaults a new letter gets (today's date, a deadline on a working day) make most previews render at once
    const today = await this.today(source);
    const completed = draft.draftDefaults(draft.templateForm(chosen.template), facts, { today });
    const result = await this.draft({ ...chosen, facts: completed, targets: ['preview'], source, direct: true });
    if (!result) return undefined;
    const uri = this.previews.set(chosen.template.id, result.text);
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== 'markdown') document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    return document;
  }

  /** Fix All: the same core call as `dunmark lint --fix` and source.fixAll.dunmark; says how many fixes it applied. */
  async fixAll(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isLinted(editor.document)) return false;
    const fixed = await this.linter.fixAll(editor.document);
    if (!fixed) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Dunmark found nothing to fix automatically.'));
      return false;
    }
    const applied = await vscode.workspace.applyEdit(fixed.edit);
    if (applied)
      void vscode.window.showInformationMessage(fixed.applied === 1 ? vscode.l10n.t('1 fix applied.') : vscode.l10n.t('{0} fixes applied.', fixed.applied));
    return applied;
  }
}

/**
 * Open the Example Letter (the walkthrough's first step): the final demand with mistakes that ships
 * with the extension, as a new untitled document the person can change (the packaged extension has
 * no examples folder).
 */
async function openExample(extensionUri: vscode.Uri): Promise<vscode.TextDocument | undefined> {
  const uri = vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'example-letter.md');
  const bytes = await vscode.workspace.fs.readFile(uri).then(
    (b) => b,
    () => undefined,
  );
  if (!bytes) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The example letter is missing from the extension ({0}).', 'media/walkthrough/example-letter.md'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  await vscode.window.showTextDocument(document);
  return document;
}

/** A command run with answers as arguments (a test, a keybinding, another extension) renders without the form when they suffice. */
function answered(args: CommandArgs): boolean {
  return args.templateId !== undefined || args.facts !== undefined;
}

/** Menus pass a Uri as the first argument: only a plain object counts as answers. */
function asArgs(a: unknown): CommandArgs {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof vscode.Uri) ? (a as CommandArgs) : {};
}

/** Registers every Dunmark command. */
export function registerCommands(linter: DunmarkClient, catalog: TemplateCatalog, previews: PreviewProvider, extensionUri: vscode.Uri): vscode.Disposable[] {
  const c = new DraftingCommands(linter, catalog, previews, extensionUri);
  const r = vscode.commands.registerCommand;
  return [
    r('dunmark.newLetterFromTemplate', (a?: unknown) => c.newLetter(asArgs(a))),
    r('dunmark.newCallSummary', (a?: unknown) => c.newLetter({ ...asArgs(a), kind: 'call-summary' })),
    r('dunmark.insertGuarantorClause', (a?: unknown) => c.insertClause('guarantor', asArgs(a))),
    r('dunmark.insertArbitrationClause', (a?: unknown) => c.insertClause('arbitration', asArgs(a))),
    r('dunmark.escalate', (a?: unknown) => c.escalate(asArgs(a))),
    r('dunmark.previewRendered', (a?: unknown) => c.previewRendered(asArgs(a))),
    r('dunmark.openExample', () => openExample(extensionUri)),
    r('dunmark.showProblems', () => vscode.commands.executeCommand('workbench.panel.markers.view.focus')),
    r('dunmark.fixAll', () => c.fixAll()),
    r('dunmark.lintWorkspace', () => lintWorkspaceCommand(linter)),
    r('dunmark.showRuleDocs', (id?: unknown, lang?: unknown) => showRuleDocs(id, lang)),
  ];
}
