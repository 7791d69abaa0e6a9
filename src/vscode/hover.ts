/** Hovers: what a finding's rule catches and why; which front-matter fact an amount or date was matched with. */
import * as vscode from 'vscode';
import type { AmountMention } from '../core/facts/amounts.js';
import type { DateMention } from '../core/facts/dates.js';
import type { Facts } from '../core/facts/facts.js';
import { explain, ruleRegistry } from './core.js';
import { DunmarkDiagnostic } from './diagnostics.js';
import { parsed, parsedHead } from './parsed.js';

/** The first paragraph of a rule's Markdown docs. */
export function firstParagraph(docs: string): string {
  return (
    docs
      .trim()
      .split(/\r?\n\s*\r?\n/)[0]
      ?.trim() ?? ''
  );
}

/** Characters up to which a hover reads the amounts and dates of the whole document (a parse of a few hundred ms at most). */
const WHOLE_PARSE_LIMIT = 200_000;

/** The language of a document's messages: the `dunmark.messageLanguage` setting, else the letter's declared language. */
function hoverLanguage(document: vscode.TextDocument): 'en' | 'zh' {
  const setting = vscode.workspace.getConfiguration('dunmark', document.uri).get<string>('messageLanguage');
  if (setting === 'en' || setting === 'zh') return setting;
  const language = parsedHead(document).facts.language;
  return typeof language === 'string' && language.startsWith('zh') ? 'zh' : 'en';
}

/** Provides Dunmark hovers. */
export class DunmarkHover implements vscode.HoverProvider {
  constructor(
    private readonly collection: vscode.DiagnosticCollection,
    private readonly extensionUri: vscode.Uri,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const parts: vscode.MarkdownString[] = [];
    let range: vscode.Range | undefined;
    const seen = new Set<string>();
    for (const d of this.collection.get(document.uri) ?? []) {
      if (!(d instanceof DunmarkDiagnostic) || !d.range.contains(position) || seen.has(d.finding.ruleId)) continue;
      seen.add(d.finding.ruleId);
      const meta = ruleRegistry().find((r) => r.meta.id === d.finding.ruleId)?.meta;
      if (!meta) continue;
      // in the letter's language, like the finding's message
      const lang = hoverLanguage(document);
      const md = new vscode.MarkdownString(undefined, true);
      md.isTrusted = { enabledCommands: ['dunmark.showRuleDocs'] };
      const summary = lang === 'zh' ? '' : `${meta.description}\n\n`;
      md.appendMarkdown(`**Dunmark \`${meta.id}\`**${lang === 'zh' ? '：' : ': '}${summary}${firstParagraph(meta.docs[lang] || meta.docs.en)}\n\n`);
      const open = `command:dunmark.showRuleDocs?${encodeURIComponent(JSON.stringify([meta.id, lang]))}`;
      md.appendMarkdown(`[${lang === 'zh' ? '阅读规则说明' : 'Read the rule documentation'}](${open})`);
      parts.push(md);
      range ??= d.range;
    }
    // amounts and dates need the whole document parsed in this thread: not for a very long one
    if (document.getText().length > WHOLE_PARSE_LIMIT) return parts.length ? new vscode.Hover(parts, range) : undefined;
    const offset = document.offsetAt(position);
    const doc = parsed(document);
    const amount = doc.amounts.find((m) => m.start <= offset && offset < m.end);
    if (amount) {
      parts.push(new vscode.MarkdownString(amountHover(amount, doc.facts)));
      range ??= new vscode.Range(document.positionAt(amount.start), document.positionAt(amount.end));
    }
    const date = doc.dates.find((m) => m.start <= offset && offset < m.end);
    if (date) {
      parts.push(new vscode.MarkdownString(dateHover(date, doc.facts)));
      range ??= new vscode.Range(document.positionAt(date.start), document.positionAt(date.end));
    }
    return parts.length ? new vscode.Hover(parts, range) : undefined;
  }
}

/** Hover text for an amount, in the editor's language. */
export function amountHover(m: AmountMention, facts: Facts): string {
  return explain().amountHover(m, facts, (message, ...args) => vscode.l10n.t(message, ...args));
}

/** Hover text for a date, in the editor's language. */
export function dateHover(m: DateMention, facts: Facts): string {
  return explain().dateHover(m, facts, (message, ...args) => vscode.l10n.t(message, ...args));
}
