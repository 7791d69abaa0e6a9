/**
 * The Dunmark commands. Each is a thin call into the core and accepts its answers as an argument
 * object, so tests and keybindings run it without prompts; what is missing is asked for.
 */
import * as vscode from 'vscode';
import type { FactShape } from '../core/drafting/index.js';
import { INSTITUTIONS } from '../core/facts/schema.js';
import type { Template } from '../core/templates/index.js';
import { fixAllEdit } from './code-actions.js';
import { drafting, templates as coreTemplates } from './core.js';
import { isLinted, type Linter } from './diagnostics.js';
import { isoToday } from '../core/facts/facts.js';
import { inheritedOf, parsed } from './parsed.js';
import { parentOf } from './settings.js';
import type { TemplateCatalog } from './templates.js';

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
  const data = parsed(document).data;
  return data ? structuredClone(data) : {};
}

/** Asks for one fact; validates by its type. Undefined when the user cancels. */
async function askFact(path: string, message: string, shape: FactShape): Promise<unknown> {
  const hint = (): string => {
    if (shape.enum) return vscode.l10n.t('Expected one of: {0}', shape.enum.map(String).join(', '));
    if (shape.type === 'number' || shape.type === 'integer') return vscode.l10n.t('Expected a number such as 18400.00');
    if (shape.type === 'date') return vscode.l10n.t('Expected a date as YYYY-MM-DD');
    if (shape.type === 'boolean') return vscode.l10n.t('Expected one of: {0}', 'true, false');
    return vscode.l10n.t('A letter must never show a blank: enter a value for `{0}`.', path);
  };
  const answer = await vscode.window.showInputBox({
    title: vscode.l10n.t('Dunmark: fact `{0}`', path),
    prompt: shape.description ? `${shape.description} — ${message}` : message,
    ignoreFocusOut: true,
    validateInput: (value) => (drafting().convertAnswer(shape, value) === undefined ? hint() : undefined),
  });
  return answer === undefined ? undefined : drafting().convertAnswer(shape, answer);
}

/** Renders a template, asking for each missing or ill-typed fact until it renders or the user cancels. */
async function renderWithPrompts(template: Template, facts: Record<string, unknown>, workspace: Template[], inherited?: Record<string, unknown>): Promise<string | undefined> {
  for (let round = 0; round < 4; round++) {
    const result = coreTemplates().renderTemplate(template, facts, { templates: workspace, ...(inherited ? { inherited } : {}) });
    if (result.ok) return result.text;
    const askable = result.problems.filter((p) => p.path !== '' && !p.path.includes('#'));
    if (!askable.length || round === 3) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Dunmark cannot render {0}: {1}', template.id, result.problems.map((p) => `${p.path} ${p.message}`).join('; ')));
      return undefined;
    }
    for (const problem of askable) {
      const value = await askFact(problem.path, problem.message, drafting().factShape(template.facts, problem.path));
      if (value === undefined) return undefined;
      drafting().setPath(facts, problem.path, value);
    }
  }
  return undefined;
}

interface TemplatePick extends vscode.QuickPickItem {
  template?: Template;
}

/** Quick pick of templates grouped by kind, showing stage and language. */
async function pickTemplate(templates: Template[], title: string): Promise<Template | undefined> {
  if (templates.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No Dunmark template fits here.'));
    return undefined;
  }
  if (templates.length === 1) return templates[0];
  const items: TemplatePick[] = [];
  const kinds = [...new Set(templates.map((t) => t.kind))].sort();
  for (const kind of kinds) {
    items.push({ label: kind, kind: vscode.QuickPickItemKind.Separator });
    for (const t of templates.filter((x) => x.kind === kind)) {
      items.push({
        label: t.title,
        description: [t.stage ?? t.clause, t.language, t.source === 'workspace' ? vscode.l10n.t('workspace') : undefined].filter(Boolean).join(' · '),
        detail: t.description,
        template: t,
      });
    }
  }
  const picked = await vscode.window.showQuickPick(items, { title, matchOnDescription: true, matchOnDetail: true });
  return picked?.template;
}

/** The active editor when it shows a Markdown document. */
function activeMarkdown(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor && editor.document.languageId === 'markdown' ? editor : undefined;
}

/** Opens rendered text as an untitled document or creates the named file (never overwriting one). */
async function output(text: string, target: string | undefined, ask: boolean): Promise<vscode.TextDocument | undefined> {
  let where = target;
  if (where === undefined && ask) {
    const untitled = vscode.l10n.t('New untitled document');
    const file = vscode.l10n.t('Save as a new file…');
    const choice = await vscode.window.showQuickPick([untitled, file], { title: vscode.l10n.t('Where should the letter go?') });
    if (choice === undefined) return undefined;
    if (choice === file) {
      const uri = await vscode.window.showSaveDialog({ filters: { Markdown: ['md'] }, saveLabel: vscode.l10n.t('Create') });
      if (!uri) return undefined;
      where = uri.toString();
    }
  }
  if (where === undefined || where === 'untitled') {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: text });
    await vscode.window.showTextDocument(document);
    return document;
  }
  const uri = /^[a-z][\w+.-]+:/i.test(where) && !/^[a-z]:[\\/]/i.test(where) ? vscode.Uri.parse(where) : vscode.Uri.file(where);
  const exists = await vscode.workspace.fs.stat(uri).then(() => true, () => false);
  if (exists) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists; Dunmark never overwrites a file.', vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return document;
}

/** A new document's file name: its date and stage (or kind), `2026-11-25-final-demand.md`. */
function draftName(facts: Record<string, unknown>, template: Template): string {
  const date = typeof facts.date === 'string' ? facts.date : isoToday();
  return `${date}-${template.stage ?? template.kind}.md`;
}

/** `name` in `folder`, or `name-2`, `name-3`, ... when a file of that name exists (never overwritten). */
export async function freeName(folder: vscode.Uri, name: string): Promise<vscode.Uri> {
  const stem = name.replace(/\.md$/, '');
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(folder, i === 1 ? name : `${stem}-${i}.md`);
    if (!(await vscode.workspace.fs.stat(uri).then(() => true, () => false))) return uri;
  }
}

/** The drafting commands: each a thin call into the core's drafting logic, asking only for what is missing. */
class DraftingCommands {
  constructor(private readonly linter: Linter, private readonly catalog: TemplateCatalog, private readonly previews: PreviewProvider) {}

  /** The template the arguments name, or the one the user picks among those that fit (in the letter's language first). */
  private async chooseTemplate(args: CommandArgs, filter: (t: Template) => boolean, title: string, document: vscode.TextDocument | undefined, facts: Record<string, unknown>):
    Promise<{ template: Template; workspace: Template[] } | undefined> {
    const { all, workspace } = await this.catalog.list(document);
    if (args.templateId) {
      const t = all.find((x) => x.id === args.templateId);
      if (!t) void vscode.window.showErrorMessage(vscode.l10n.t('Unknown Dunmark template {0}', args.templateId));
      return t ? { template: t, workspace } : undefined;
    }
    const t = await pickTemplate(drafting().inLanguageOf(all.filter(filter), facts), title);
    return t ? { template: t, workspace } : undefined;
  }

  /** New Letter from Template, New Call Summary (and the last step of Escalate). */
  async newLetter(args: CommandArgs = {}, preset?: { template: Template; workspace: Template[] }, baseFacts?: Record<string, unknown>): Promise<vscode.TextDocument | undefined> {
    const source = activeMarkdown()?.document;
    // a document of a case folder: the new one goes beside it and inherits the same case file
    const caseOfSource = source && !args.inherited ? inheritedOf(source.uri)?.data : undefined;
    const inherited = args.inherited ?? caseOfSource;
    const facts = drafting().mergeFacts(args.inherited ?? baseFacts ?? documentFacts(source), args.facts);
    const chosen = preset ?? await this.chooseTemplate(args, (t) => (args.kind ? t.kind === args.kind : t.kind !== 'clause'), vscode.l10n.t('New letter from template'), source, facts);
    if (!chosen) return undefined;
    const text = await renderWithPrompts(chosen.template, facts, chosen.workspace, inherited);
    if (text === undefined) return undefined;
    const beside = caseOfSource && source && args.target === undefined ? await freeName(parentOf(source.uri), draftName(facts, chosen.template)) : undefined;
    return output(text, args.target ?? beside?.toString(), args.templateId === undefined && !beside);
  }

  /** Insert Guarantor Clause, Insert Arbitration Clause: the clause's body at each cursor, one undo step. */
  async insertClause(clause: string, args: CommandArgs = {}): Promise<boolean> {
    const editor = activeMarkdown();
    if (!editor) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a Markdown letter to insert a clause into.'));
      return false;
    }
    const draft = drafting();
    const facts = draft.mergeFacts(documentFacts(editor.document), args.facts);
    let institution: string | undefined;
    if (clause === 'arbitration') {
      institution = draft.arbitrationInstitution(facts, args.institution)
        ?? await vscode.window.showQuickPick([...INSTITUTIONS], { title: vscode.l10n.t('Arbitration institution') });
      if (!institution) return false;
      facts.contract = { ...(draft.isObject(facts.contract) ? facts.contract : {}), arbitration: institution };
    }
    const fits = (t: Template): boolean => draft.clauseTemplates([t], clause, institution).length > 0;
    const chosen = await this.chooseTemplate(args, fits, vscode.l10n.t('Insert {0} clause', clause), editor.document, facts);
    if (!chosen) return false;
    const text = await renderWithPrompts(chosen.template, facts, chosen.workspace);
    if (text === undefined) return false;
    const body = drafting().bodyOf(text);
    // one edit = one undo step
    return editor.edit((edit) => {
      for (const selection of editor.selections) edit.replace(selection, body);
    });
  }

  /** Escalate to the Next Stage: the next letter of the same case, with its own date and deadline. */
  async escalate(args: CommandArgs = {}): Promise<vscode.TextDocument | undefined> {
    const editor = activeMarkdown();
    const facts = documentFacts(editor?.document);
    const next = drafting().nextStage(facts);
    if (!editor || next === undefined) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Escalate works on an open dunning letter with a `stage` in its front matter.'));
      return undefined;
    }
    if (next === 'last') {
      void vscode.window.showInformationMessage(vscode.l10n.t('This letter is already at the last stage ({0}).', String(facts.stage)));
      return undefined;
    }
    // the next letter gets its own date and deadline: the old ones must not be carried over
    const merged = drafting().escalationFacts(facts, args.facts);
    const chosen = await this.chooseTemplate(args, (t) => t.kind === 'dunning-letter' && t.stage === next, vscode.l10n.t('Escalate to {0}', next), editor.document, merged);
    if (!chosen) return undefined;
    return this.newLetter({ ...args, facts: undefined }, chosen, merged);
  }

  /** Preview Rendered Template: a read-only virtual document beside the letter. */
  async previewRendered(args: CommandArgs = {}): Promise<vscode.TextDocument | undefined> {
    const source = activeMarkdown()?.document;
    const facts = drafting().mergeFacts(documentFacts(source), args.facts);
    const chosen = await this.chooseTemplate(args, () => true, vscode.l10n.t('Preview a rendered template'), source, facts);
    if (!chosen) return undefined;
    const text = await renderWithPrompts(chosen.template, facts, chosen.workspace);
    if (text === undefined) return undefined;
    const document = await vscode.workspace.openTextDocument(this.previews.set(chosen.template.id, text));
    await vscode.languages.setTextDocumentLanguage(document, 'markdown');
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.ViewColumn.Beside });
    return document;
  }

  /** Fix All: the same core call as `dunmark lint --fix` and source.fixAll.dunmark. */
  async fixAll(): Promise<boolean> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || !isLinted(editor.document)) return false;
    const edit = await fixAllEdit(this.linter, editor.document);
    if (!edit) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Dunmark found nothing to fix automatically.'));
      return false;
    }
    return vscode.workspace.applyEdit(edit);
  }
}

/** Menus pass a Uri as the first argument: only a plain object counts as answers. */
function asArgs(a: unknown): CommandArgs {
  return typeof a === 'object' && a !== null && !Array.isArray(a) && !(a instanceof vscode.Uri) ? (a as CommandArgs) : {};
}

/** Registers every Dunmark command. */
export function registerCommands(linter: Linter, catalog: TemplateCatalog, previews: PreviewProvider): vscode.Disposable[] {
  const c = new DraftingCommands(linter, catalog, previews);
  const r = vscode.commands.registerCommand;
  return [
    r('dunmark.newLetterFromTemplate', (a?: unknown) => c.newLetter(asArgs(a))),
    r('dunmark.newCallSummary', (a?: unknown) => c.newLetter({ ...asArgs(a), kind: 'call-summary' })),
    r('dunmark.insertGuarantorClause', (a?: unknown) => c.insertClause('guarantor', asArgs(a))),
    r('dunmark.insertArbitrationClause', (a?: unknown) => c.insertClause('arbitration', asArgs(a))),
    r('dunmark.escalate', (a?: unknown) => c.escalate(asArgs(a))),
    r('dunmark.previewRendered', (a?: unknown) => c.previewRendered(asArgs(a))),
    r('dunmark.showProblems', () => vscode.commands.executeCommand('workbench.actions.view.problems')),
    r('dunmark.fixAll', () => c.fixAll()),
  ];
}
