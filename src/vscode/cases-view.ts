/**
 * The "Dunmark Cases" view in the Explorer: the portfolio of the workspace's case folders grouped by
 * next action (overdue now, this week, later, closed), each case with its documents in date order
 * and its promises; a badge with the number of actions due; and the actions on a case (Draft Next
 * Letter, Record Call, Record Payment, Close Case). The portfolio is the core's (`summarizeCase`),
 * the same as `dunmark cases`; nothing is read until the view is shown or the badge is computed.
 */
import * as vscode from 'vscode';
import type { CaseDocument, CaseEdit, CasePromise, CaseSummary, RecordedCall } from '../core/cases/index.js';
import type { DunmarkConfig } from '../core/types.js';
import { isoToday, typeFacts } from '../core/facts/facts.js';
import { documentLabel, OUTCOME_LABELS, OUTCOMES } from '../core/facts/schema.js';
import type { Template } from '../core/templates/index.js';
import { freeName, pickTemplate } from './commands.js';
import { cases as coreCases, engine, format, ruleRegistry } from './core.js';
import type { DunmarkClient } from './client.js';
import type { TemplateCatalog } from './templates.js';
import { markAsSentCommand, replaceTexts } from './sent.js';
import { readSettings, workspaceFileSystem } from './settings.js';

type Group = 'overdue' | 'week' | 'later' | 'closed';

/** A case as the view holds it: the summary, its folder and merged case facts. */
interface CaseEntry {
  summary: CaseSummary;
  folder: vscode.Uri;
  caseFile: vscode.Uri | undefined;
  facts: Record<string, unknown>;
  /** Its case files as read, outermost first (the last is `caseFile`). */
  caseFiles: { name: string; text: string }[];
  /** The documents of the case as read: a recording marks the ones before it as sent. */
  documents: { uri: vscode.Uri; name: string; text: string }[];
  asOf: string;
}

type Node =
  | { type: 'group'; group: Group; entries: CaseEntry[] }
  | { type: 'case'; entry: CaseEntry }
  | {
      type: 'document';
      entry: CaseEntry;
      name: string;
      date: string | undefined;
      sent: string | undefined;
      sendable: boolean;
      label: string;
      approval: CaseDocument['approval'];
    }
  | { type: 'promise'; promise: CasePromise; currency: string | undefined };

const GROUPS: Group[] = ['overdue', 'week', 'later', 'closed'];

function groupLabel(group: Group, count: number): string {
  switch (group) {
    case 'overdue':
      return vscode.l10n.t('Overdue now ({0})', count);
    case 'week':
      return vscode.l10n.t('This week ({0})', count);
    case 'later':
      return vscode.l10n.t('Later ({0})', count);
    default:
      return vscode.l10n.t('Closed or nothing scheduled ({0})', count);
  }
}

function money(value: number | undefined, currency: string | undefined): string {
  return value === undefined
    ? '?'
    : format()
        .formatMoney(value, currency ?? '', 'en')
        .trim();
}

/** The person's language for labels: Chinese when the editor is in Chinese. */
function uiLanguage(): 'en' | 'zh' {
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** A next step in words ("final demand", "answer the dispute"). */
function stepWords(step: string): string {
  if (step === 'close') return vscode.l10n.t('close the case');
  if (step === 'legal-action') return vscode.l10n.t('legal step');
  if (step === 'dispute') return vscode.l10n.t('answer the dispute');
  return documentLabel({ kind: 'dunning-letter', stage: step }, uiLanguage())?.toLowerCase() ?? step;
}

/** A date of this year or next without its year, as the person's language writes it ("18 Nov", "11月18日"). */
function shortDate(iso: string): string {
  const [, m, d] = /^\d{4}-(\d\d)-(\d\d)$/.exec(iso) ?? [];
  if (!m || !d) return iso;
  if (uiLanguage() === 'zh') return `${Number(m)}月${Number(d)}日`;
  return `${Number(d)} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m) - 1]}`;
}

/** A document of a case in words ("Reminder", "Call summary"). */
function documentWords(d: { kind?: string | undefined; stage?: string | undefined }): string | undefined {
  return documentLabel(d, uiLanguage());
}

/** A company's name without its legal form ("Ningbo Lianhe Industrial" for "... Co., Ltd."): the tree is narrow; the tooltip has the whole name. */
export function shortName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const short = name
    .replace(
      /[,\s]*(?:\(?(?:group|holdings)\)?\s*)?(?:co\.?,?\s*ltd\.?|company\s+limited|limited|ltd\.?|llc|l\.l\.c\.|inc\.?|corp(?:oration)?\.?|gmbh|plc|pte\.?\s*ltd\.?|s\.?a\.?)$/i,
      '',
    )
    .replace(/(?:股份)?有限(?:责任)?公司$/u, '')
    .trim();
  return short || name;
}

/** The `approval` rule's options under a config (which documents need a reviewer's approval); `false`: the rule is off. */
function approvalOptions(config: DunmarkConfig | undefined): Record<string, unknown> | false {
  const rule = ruleRegistry().find((r) => r.meta.id === 'approval');
  if (!rule) return false;
  const { severity, options } = engine().ruleSettings(rule, config);
  return severity === 'off' ? false : options;
}

/** How a document's approval is shown: a few words and an icon; undefined when it needs none. */
function approvalLabel(approval: CaseDocument['approval']): { text: string; icon: string } | undefined {
  switch (approval?.status) {
    case 'waiting':
      return { text: vscode.l10n.t('waiting for approval'), icon: 'circle-large-outline' };
    case 'changed':
      return { text: vscode.l10n.t('changed since approval'), icon: 'error' };
    case 'invalid':
      return { text: vscode.l10n.t('approval unreadable'), icon: 'error' };
    case 'approved':
      return { text: vscode.l10n.t('approved by {0}', approval.by ?? '?'), icon: 'pass' };
    default:
      return undefined;
  }
}

/** Reads the portfolio of the workspace and serves it as a tree. */
export class CasesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private entries: Promise<CaseEntry[]> | undefined;
  private view: vscode.TreeView<Node> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly linter: DunmarkClient) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    const later = (): void => this.refreshSoon();
    this.disposables.push(
      this.changed,
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      watcher.onDidChange(later),
      linter.onDidChangeCaseFiles(later),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('dunmark') && later()),
    );
  }

  /** Attaches the tree view (for its badge). */
  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    // the badge needs the cases read (the core's case code): after activation, not during it
    setTimeout(() => void this.updateBadge(), 0);
  }

  /** Reads the portfolio again now. */
  refresh(): void {
    this.entries = undefined;
    this.changed.fire(undefined);
    void this.updateBadge();
  }

  private refreshSoon(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), 300);
  }

  /** Every case of the workspace, sorted by what is due first. */
  load(): Promise<CaseEntry[]> {
    return (this.entries ??= this.read());
  }

  private async read(): Promise<CaseEntry[]> {
    const core = coreCases();
    const out: CaseEntry[] = [];
    for (const root of vscode.workspace.workspaceFolders ?? []) {
      const folders = await core.readCaseFolders(workspaceFileSystem, root.uri);
      for (const c of folders) {
        const rc = await this.linter.discovery.find(vscode.Uri.joinPath(c.folder, 'case.yaml')).catch(() => undefined);
        const config = rc?.ok ? rc.config : undefined;
        const asOf = readSettings(c.folder).today || config?.today || isoToday();
        const facts = core.caseFacts(c.caseFiles.map((f) => ({ name: f.file.toString(), text: f.text })));
        const prefix = c.folder.path.endsWith('/') ? c.folder.path : `${c.folder.path}/`;
        const documents = c.documents.map((d) => ({
          uri: d.file,
          name: d.file.path.startsWith(prefix) ? d.file.path.slice(prefix.length) : d.file.path,
          text: d.text,
        }));
        const summary = core.summarizeCase(vscode.workspace.asRelativePath(c.folder), facts.data, documents, {
          asOf,
          schedule: core.scheduleOf(config),
          limitation: (f) => core.limitationOf(f)?.bar,
          approval: approvalOptions(config),
        });
        out.push({
          summary,
          folder: c.folder,
          caseFile: c.caseFiles.length ? c.caseFiles[c.caseFiles.length - 1]!.file : undefined,
          facts: facts.data,
          caseFiles: c.caseFiles.map((f) => ({ name: f.file.toString(), text: f.text })),
          documents,
          asOf,
        });
      }
    }
    const order = new Map(core.sortPortfolio(out.map((e) => e.summary)).map((s, i) => [s, i]));
    return out.sort((a, b) => order.get(a.summary)! - order.get(b.summary)!);
  }

  /** The case entries by group. */
  async groups(): Promise<Map<Group, CaseEntry[]>> {
    const byGroup = new Map<Group, CaseEntry[]>(GROUPS.map((g) => [g, []]));
    for (const e of await this.load()) byGroup.get(coreCases().dueGroup(e.summary, e.asOf))!.push(e);
    return byGroup;
  }

  /** The number of cases whose next action is due (today or earlier): the view's badge. */
  async dueCount(): Promise<number> {
    const due: Group = 'overdue';
    return (await this.groups()).get(due)!.length;
  }

  private async updateBadge(): Promise<void> {
    if (!this.view) return;
    const due = await this.dueCount().catch(() => 0);
    this.view.badge = due ? { value: due, tooltip: vscode.l10n.t('{0} Dunmark case actions due', due) } : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.type) {
      case 'group': {
        const item = new vscode.TreeItem(
          groupLabel(node.group, node.entries.length),
          node.entries.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.id = `group:${node.group}`;
        item.contextValue = 'dunmarkCaseGroup';
        return item;
      }
      case 'case': {
        const s = node.entry.summary;
        // the Explorer is narrow by default: the debtor's short name, what is next and when; the rest in the tooltip
        const item = new vscode.TreeItem(shortName(s.debtor) ?? s.folder, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `case:${node.entry.folder.toString()}`;
        // what is next and when, short enough for the default sidebar: the amount and the full date are in the tooltip
        const pending = s.documents.filter((d) => d.approval && d.approval.status !== 'approved').length;
        const next = s.closed ? vscode.l10n.t('closed') : s.next ? `${stepWords(s.next.step)} · ${shortDate(s.next.date)}` : '-';
        item.description = `${next}${pending ? ` · ${vscode.l10n.t('{0} to approve', pending)}` : ''}`;
        const tip = new vscode.MarkdownString();
        tip.appendMarkdown(`**${s.debtor ?? s.folder}** — ${s.folder}\n\n`);
        tip.appendText(vscode.l10n.t('Outstanding {0}, {1} days after the due date.', money(s.outstanding, s.currency), String(s.daysOverdue ?? '?')));
        if (s.next) tip.appendText(`\n${vscode.l10n.t('Next: {0} on {1} ({2})', stepWords(s.next.step), s.next.date, s.next.reason)}`);
        if (s.limitation) tip.appendText(`\n${vscode.l10n.t('Time-barred after {0} unless the period is restarted.', s.limitation)}`);
        for (const p of s.problems) tip.appendText(`\n${p}`);
        for (const d of s.documents) {
          const label = d.approval && d.approval.status !== 'approved' ? approvalLabel(d.approval) : undefined;
          if (label) tip.appendText(`\n${d.name}: ${label.text}`);
        }
        item.tooltip = tip;
        const draftable = s.next && s.next.step !== 'close' && s.next.step !== 'legal-action' && s.next.step !== 'dispute';
        item.contextValue = draftable ? 'dunmarkCase.draftable' : 'dunmarkCase';
        item.iconPath = new vscode.ThemeIcon(
          s.next?.step === 'dispute' ? 'comment-discussion' : s.promises.some((p) => p.status === 'broken') ? 'warning' : 'briefcase',
        );
        return item;
      }
      case 'document': {
        const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
        const approval = approvalLabel(node.approval);
        item.description = [node.date, node.sent ? vscode.l10n.t('sent') : undefined, approval?.text].filter(Boolean).join(' · ');
        if (approval) {
          item.iconPath = new vscode.ThemeIcon(approval.icon);
          item.tooltip = `${node.name} — ${approval.text}`;
        }
        item.resourceUri = vscode.Uri.joinPath(node.entry.folder, node.name);
        item.tooltip = node.sent ? vscode.l10n.t('{0}, sent on {1}: later facts of the case do not judge it again', node.name, node.sent) : node.name;
        item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [item.resourceUri] };
        item.contextValue = node.sendable && !node.sent ? 'dunmarkCaseDocument.sendable' : 'dunmarkCaseDocument';
        if (node.sent) item.iconPath = new vscode.ThemeIcon('mail');
        return item;
      }
      case 'promise': {
        const p = node.promise;
        const item = new vscode.TreeItem(`${p.what}`, vscode.TreeItemCollapsibleState.None);
        item.description = `${p.status} · ${p.by}`;
        item.iconPath = new vscode.ThemeIcon(p.status === 'kept' ? 'pass' : p.status === 'broken' ? 'error' : 'clock');
        item.tooltip = `${p.what} — ${p.amount !== undefined ? money(p.amount, node.currency) : ''} by ${p.by} (${p.source})`;
        item.contextValue = 'dunmarkCasePromise';
        return item;
      }
    }
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const groups = await this.groups();
      return GROUPS.filter((g) => g !== 'closed' || groups.get(g)!.length).map((group) => ({ type: 'group' as const, group, entries: groups.get(group)! }));
    }
    if (node.type === 'group') return node.entries.map((entry) => ({ type: 'case' as const, entry }));
    if (node.type === 'case') {
      const s = node.entry.summary;
      const docs = s.documents.map((d): Node => ({
        type: 'document',
        entry: node.entry,
        name: d.name,
        date: d.date,
        sent: d.sent,
        sendable: d.kind !== undefined && (coreCases().SENT_KINDS as readonly string[]).includes(d.kind),
        label: documentWords(d) ?? d.name,
        approval: d.approval,
      }));
      return [...docs, ...s.promises.map((promise): Node => ({ type: 'promise', promise, currency: s.currency }))];
    }
    return [];
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

/** The case a command was run on: the tree item's, else the one picked. */
async function caseOf(view: CasesView, node: unknown): Promise<CaseEntry | undefined> {
  if (node && typeof node === 'object' && (node as Node).type === 'case') return (node as Extract<Node, { type: 'case' }>).entry;
  const entries = await view.load();
  const picked = await vscode.window.showQuickPick(
    entries.map((e) => ({ label: e.summary.debtor ?? e.summary.folder, description: e.summary.folder, entry: e })),
    { title: vscode.l10n.t('Which case?') },
  );
  return picked?.entry;
}

/** Asks for an amount (a positive number, thousands separators allowed); undefined when cancelled. */
async function askAmount(title: string, value: string): Promise<number | undefined> {
  const parse = (v: string): number => Number(v.replace(/,/g, ''));
  const answer = await vscode.window.showInputBox({
    title,
    value,
    ignoreFocusOut: true,
    validateInput: (v) => (Number.isFinite(parse(v)) && parse(v) > 0 ? undefined : vscode.l10n.t('Expected a number such as 18400.00')),
  });
  return answer ? parse(answer) : undefined;
}

/** Asks for a date as YYYY-MM-DD; undefined when cancelled. */
async function askDate(title: string, value: string): Promise<string | undefined> {
  return (
    (await vscode.window.showInputBox({
      title,
      value,
      ignoreFocusOut: true,
      validateInput: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : vscode.l10n.t('Expected a date as YYYY-MM-DD')),
    })) || undefined
  );
}

/** The case commands. */
class CaseCommands {
  constructor(
    private readonly view: CasesView,
    private readonly catalog: TemplateCatalog,
  ) {}

  /** Draft Next Letter: the next stage's template in the case's language, from the case's facts, in the case folder. */
  async draftNext(node?: unknown): Promise<vscode.TextDocument | undefined> {
    const entry = await caseOf(this.view, node);
    if (!entry) return undefined;
    const core = coreCases();
    const typed = typeFacts(entry.facts).facts;
    const draft = core.nextDraft(entry.summary, typed, entry.asOf);
    if (!draft) {
      const next = entry.summary.next;
      void vscode.window.showInformationMessage(
        next
          ? vscode.l10n.t('The next step of this case is {0} ({1}): no letter to draft.', next.step, next.reason)
          : vscode.l10n.t('This case has nothing scheduled.'),
      );
      return undefined;
    }
    const all = await this.templates();
    const fits = all.filter((t) => t.kind === draft.kind && t.stage === draft.stage);
    const preferred = fits.find((t) => t.language === draft.language) ?? fits.find((t) => t.language === 'en') ?? fits[0];
    if (!preferred) {
      void vscode.window.showWarningMessage(vscode.l10n.t('No Dunmark template drafts a {0}.', draft.stage));
      return undefined;
    }
    // every template of the stage is offered, the case's language first (Enter takes it)
    const template = await pickTemplate({ inLanguage: [preferred], others: fits.filter((t) => t !== preferred) }, vscode.l10n.t('Draft Next Letter'));
    if (!template) return undefined;
    const target = await freeName(entry.folder, draft.fileName);
    return vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.newLetterFromTemplate', {
      templateId: template.id,
      facts: draft.facts,
      inherited: entry.facts,
      target: target.toString(),
      form: true,
      ...(entry.caseFile ? { caseFile: entry.caseFile.toString() } : {}),
    });
  }

  /**
   * Record Call: who was on the call, what came of it (a promise to pay, a dispute or complaint, both,
   * or nothing agreed), recorded in the case file (an event, the promise, the dispute) with the
   * documents before it marked as sent; then a call summary in the case folder when there is a promise.
   */
  async recordCall(node?: unknown): Promise<vscode.TextDocument | boolean | undefined> {
    const entry = await caseOf(this.view, node);
    if (!entry?.caseFile) return undefined;
    const contact = (entry.facts.debtor as { contact?: string } | undefined)?.contact;
    const withWhom = await vscode.window.showInputBox({
      title: vscode.l10n.t('Record Call: who was on the call?'),
      value: contact ?? '',
      ignoreFocusOut: true,
    });
    if (!withWhom) return undefined;
    const outcomes = [
      { label: vscode.l10n.t('A promise to pay'), promise: true, dispute: false },
      { label: vscode.l10n.t('A dispute or complaint about the goods or an invoice'), promise: false, dispute: true },
      { label: vscode.l10n.t('A promise to pay part, and a dispute about the rest'), promise: true, dispute: true },
      { label: vscode.l10n.t('Nothing agreed'), promise: false, dispute: false },
    ];
    const outcome = await vscode.window.showQuickPick(outcomes, { title: vscode.l10n.t('Record Call: what came of it?'), ignoreFocusOut: true });
    if (!outcome) return undefined;
    let dispute: RecordedCall['dispute'];
    if (outcome.dispute) {
      const invoices = ((entry.facts.invoices as { number?: string }[] | undefined) ?? []).map((i) => i.number).filter((n): n is string => Boolean(n));
      const whole = { label: vscode.l10n.t('The whole claim'), invoice: undefined as string | undefined };
      const picked =
        invoices.length === 0
          ? whole
          : await vscode.window.showQuickPick([...invoices.map((invoice) => ({ label: invoice, invoice })), whole], {
              title: vscode.l10n.t('Record Call: which invoice do they dispute?'),
              ignoreFocusOut: true,
            });
      if (!picked) return undefined;
      const note = await vscode.window.showInputBox({
        title: vscode.l10n.t('Record Call: what do they complain of?'),
        placeHolder: vscode.l10n.t('12 valves leak at the flange'),
        ignoreFocusOut: true,
        validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('A few words on what they say is wrong')),
      });
      if (!note) return undefined;
      dispute = { note: note.trim(), ...(picked.invoice ? { invoice: picked.invoice } : {}) };
    }
    let promise: RecordedCall['promise'];
    if (outcome.promise) {
      const value = await askAmount(vscode.l10n.t('Record Call: what amount did they promise to pay?'), String(entry.summary.outstanding ?? ''));
      if (value === undefined) return undefined;
      // a promise is for later: a week on is the first guess, the person types the date the debtor gave
      const by = await askDate(vscode.l10n.t('Record Call: by which date?'), format().addDays(entry.asOf, 7));
      if (!by) return undefined;
      promise = { what: `Pay ${money(value, entry.summary.currency)}`, by, amount: value };
    }
    const recorded = await this.record(entry, (text) =>
      coreCases().recordCall(text, { date: entry.asOf, with: withWhom, ...(promise ? { promise } : {}), ...(dispute ? { dispute } : {}) }),
    );
    if (!recorded) return false;
    const told = [
      promise ? vscode.l10n.t('the promise to pay {0} by {1}', money(promise.amount, entry.summary.currency), promise.by) : undefined,
      dispute ? vscode.l10n.t('the dispute (the schedule waits until it is resolved)') : undefined,
    ].filter(Boolean);
    void vscode.window.showInformationMessage(
      told.length
        ? vscode.l10n.t('Recorded the call with {0} in {1}: {2}.', withWhom, vscode.workspace.asRelativePath(entry.caseFile), told.join('; '))
        : vscode.l10n.t('Recorded the call with {0} in {1}.', withWhom, vscode.workspace.asRelativePath(entry.caseFile)),
    );
    if (!promise) return true;
    // the call summary that asks the debtor to confirm the promise in writing
    const all = await this.templates();
    const chinese = (entry.facts.debtor as { locale?: string } | undefined)?.locale === 'zh-CN';
    const template =
      all.find((t) => t.kind === 'call-summary' && t.language === (chinese ? 'en+zh-CN' : 'en')) ??
      all.find((t) => t.kind === 'call-summary' && t.language === 'en');
    if (!template) return true;
    const target = await freeName(entry.folder, `${entry.asOf}-call-summary.md`);
    return vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.newLetterFromTemplate', {
      templateId: template.id,
      inherited: this.after ?? entry.facts,
      target: target.toString(),
      ...(entry.caseFile ? { caseFile: entry.caseFile.toString() } : {}),
      facts: { date: entry.asOf, call: { date: entry.asOf, with: withWhom }, commitments: [{ what: promise.what, by: promise.by, amount: promise.amount }] },
    });
  }

  /** The merged case facts after the last recording (the next document drafts from them). */
  private after: Record<string, unknown> | undefined;

  /**
   * Makes a recording in the case file and marks the documents before it as sent (freezing what the
   * recording would change in them); false when the case file could not be changed.
   */
  private async record(entry: CaseEntry, change: (text: string) => CaseEdit, mark = true): Promise<boolean> {
    const caseFile = entry.caseFile!;
    const text = (await vscode.workspace.openTextDocument(caseFile)).getText();
    const result = change(text);
    if (!result.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Dunmark cannot change {0}: {1}', vscode.workspace.asRelativePath(caseFile), result.reason));
      return false;
    }
    const core = coreCases();
    // the merged facts before and after: the case files above this one, then this one
    const above = entry.caseFiles.slice(0, -1);
    const before = core.caseFacts([...above, { name: caseFile.toString(), text }]).data;
    const after = core.caseFacts([...above, { name: caseFile.toString(), text: result.text }]).data;
    const marked = mark ? core.markBefore(entry.documents, before, after, entry.asOf) : [];
    const uris = new Map(entry.documents.map((d) => [d.name, d.uri]));
    const done = await replaceTexts([{ uri: caseFile, text: result.text }, ...marked.map((m) => ({ uri: uris.get(m.name)!, text: m.text }))]);
    this.after = after;
    this.view.refresh();
    return done;
  }

  /** Record Payment: appended to the case file's `payments:`, the amount owed reduced by it, and the documents before it marked as sent. */
  async recordPayment(node?: unknown): Promise<boolean> {
    const entry = await caseOf(this.view, node);
    if (!entry?.caseFile) return false;
    const amount = await askAmount(
      vscode.l10n.t('Record Payment: amount received ({0})', entry.summary.currency ?? ''),
      String(entry.summary.outstanding ?? ''),
    );
    if (amount === undefined) return false;
    const date = await askDate(vscode.l10n.t('Record Payment: date received'), entry.asOf);
    if (!date) return false;
    const reference = await vscode.window.showInputBox({ title: vscode.l10n.t('Record Payment: bank reference (optional)'), ignoreFocusOut: true });
    if (reference === undefined) return false;
    const done = await this.record(entry, (text) => coreCases().recordPayment(text, { date, amount, ...(reference ? { reference } : {}) }));
    if (!done) return false;
    const left = entry.summary.outstanding !== undefined ? Math.max(0, Math.round((entry.summary.outstanding - amount) * 100) / 100) : undefined;
    const message =
      left === undefined
        ? vscode.l10n.t('Recorded {0} received on {1}.', money(amount, entry.summary.currency), date)
        : left === 0
          ? vscode.l10n.t(
              'Recorded {0} received on {1}: the case is paid in full. Close it when you have confirmed the settlement.',
              money(amount, entry.summary.currency),
              date,
            )
          : vscode.l10n.t('Recorded {0} received on {1}: {2} is still owed.', money(amount, entry.summary.currency), date, money(left, entry.summary.currency));
    if (left === 0) {
      const close = vscode.l10n.t('Close Case');
      void vscode.window.showInformationMessage(message, close).then((choice) => (choice === close ? this.closeCase(this.caseNode(entry)) : undefined));
    } else void vscode.window.showInformationMessage(message);
    return true;
  }

  /** The tree node of a case entry (what the view's commands receive). */
  private caseNode(entry: CaseEntry): Node {
    return { type: 'case', entry };
  }

  /**
   * Close Case: `closed: { date, outcome }` in the case file, confirmed; closing as settled or paid
   * offers the settlement confirmation to send the debtor.
   */
  async closeCase(node?: unknown): Promise<boolean> {
    const entry = await caseOf(this.view, node);
    if (!entry?.caseFile) return false;
    const zh = vscode.env.language.toLowerCase().startsWith('zh');
    const picked = await vscode.window.showQuickPick(
      OUTCOMES.map((outcome) => ({ label: OUTCOME_LABELS[outcome][zh ? 1 : 0], description: outcome, outcome })),
      { title: vscode.l10n.t('Close Case: how did it end?') },
    );
    if (!picked) return false;
    const { outcome } = picked;
    // closing as paid or settled while the case file still shows money owed: say so first
    const owed = entry.summary.outstanding ?? 0;
    if ((outcome === 'paid' || outcome === 'settled') && owed > 0) {
      const close = vscode.l10n.t('Close Case');
      const choice = await vscode.window.showWarningMessage(
        vscode.l10n.t('The case file still shows {0} owed. Close the case as “{1}” anyway?', money(owed, entry.summary.currency), picked.label),
        { modal: true },
        close,
      );
      if (choice !== close) return false;
    }
    const done = await this.record(entry, (text) => coreCases().closeCase(text, { date: entry.asOf, outcome }), false);
    if (!done) return false;
    const name = shortName(entry.summary.debtor) ?? entry.summary.folder;
    if (outcome === 'paid' || outcome === 'settled') {
      const confirm = vscode.l10n.t('Draft Settlement Confirmation');
      void vscode.window
        .showInformationMessage(vscode.l10n.t('Closed the case of {0} as “{1}” on {2}.', name, picked.label, entry.asOf), confirm)
        .then((choice) => (choice === confirm ? this.draftSettlement(entry) : undefined));
    } else void vscode.window.showInformationMessage(vscode.l10n.t('Closed the case of {0} as “{1}” on {2}.', name, picked.label, entry.asOf));
    return true;
  }

  /** The settlement confirmation of a closed case, from its facts, in the case folder. */
  async draftSettlement(entry: CaseEntry): Promise<vscode.TextDocument | undefined> {
    const template = (await this.templates()).find((t) => t.kind === 'settlement-confirmation');
    if (!template) return undefined;
    const target = await freeName(entry.folder, `${entry.asOf}-settlement-confirmation.md`);
    return vscode.commands.executeCommand<vscode.TextDocument | undefined>('dunmark.newLetterFromTemplate', {
      templateId: template.id,
      facts: { date: entry.asOf },
      inherited: this.after ?? entry.facts,
      target: target.toString(),
      form: true,
    });
  }

  /** Built-in and workspace templates. */
  private async templates(): Promise<Template[]> {
    return (await this.catalog.list(undefined)).all;
  }
}

/** Registers the Cases view, its badge and its commands. */
export function registerCasesView(linter: DunmarkClient, catalog: TemplateCatalog): vscode.Disposable[] {
  const provider = new CasesView(linter);
  const view = vscode.window.createTreeView('dunmark.cases', { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const c = new CaseCommands(provider, catalog);
  const r = vscode.commands.registerCommand;
  return [
    provider,
    view,
    r('dunmark.refreshCases', () => provider.refresh()),
    r('dunmark.draftNextLetter', (node?: unknown) => c.draftNext(node)),
    r('dunmark.recordCall', (node?: unknown) => c.recordCall(node)),
    r('dunmark.recordPayment', (node?: unknown) => c.recordPayment(node)),
    r('dunmark.closeCase', (node?: unknown) => c.closeCase(node)),
    r('dunmark.markAsSent', async (node?: unknown) => {
      const document = node && typeof node === 'object' && (node as Node).type === 'document' ? (node as Extract<Node, { type: 'document' }>) : undefined;
      const marked = await markAsSentCommand(document ? vscode.Uri.joinPath(document.entry.folder, document.name) : node);
      if (marked) provider.refresh();
      return marked;
    }),
    r('dunmark.cases.dueCount', () => provider.dueCount()),
    // what the view shows, for tests: each group with its cases' folders
    r('dunmark.cases.portfolio', async () => [...(await provider.groups()).entries()].map(([group, entries]) => [group, entries.map((e) => e.summary.folder)])),
  ];
}
