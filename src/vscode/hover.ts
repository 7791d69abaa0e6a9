/** Hovers: what a finding's rule catches and why; which front-matter fact an amount or date was matched with. */
import * as vscode from 'vscode';
import type { AmountMention } from '../core/facts/amounts.js';
import type { DateMention } from '../core/facts/dates.js';
import type { Facts } from '../core/facts/facts.js';
import { format, ruleRegistry } from './core.js';
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

function money(value: number, currency: string | undefined): string {
  return format()
    .formatMoney(value, currency ?? '', 'en')
    .trim();
}

/** Hover text for an amount: the front-matter amount or invoice it matches, or what the front matter says. */
export function amountHover(m: AmountMention, facts: Facts): string {
  const currency = m.currency ?? facts.currency;
  const lines = [`**${vscode.l10n.t('Amount in the text')}**: \`${m.raw}\` = ${money(m.value, currency)}`];
  const sameMinor = (v: number | undefined): boolean => v !== undefined && Math.round(v * 100) === m.minor;
  const currencyOk = !m.currency || !facts.currency || m.currency === facts.currency;
  if (sameMinor(facts.amount) && currencyOk)
    lines.push(vscode.l10n.t('Matches front matter `amount: {0}` ({1}).', String(facts.amount), facts.currency ?? '?'));
  (facts.invoices ?? []).forEach((invoice, i) => {
    if (sameMinor(invoice.amount)) lines.push(vscode.l10n.t('Matches `invoices.{0}.amount` of invoice {1}.', String(i), invoice.number ?? '?'));
  });
  (facts.charges ?? []).forEach((charge, i) => {
    if (sameMinor(charge.amount)) lines.push(vscode.l10n.t('Matches `charges.{0}.amount` ({1}).', String(i), charge.what ?? '?'));
  });
  if (lines.length === 1) {
    lines.push(
      facts.amount !== undefined
        ? vscode.l10n.t('No front-matter fact has this value; front matter `amount: {0}` ({1}).', String(facts.amount), facts.currency ?? '?')
        : vscode.l10n.t('The front matter has no `amount` to compare with.'),
    );
  }
  if (m.ambiguous) lines.push(vscode.l10n.t('The sign alone does not say which currency is meant.'));
  return lines.join('\n\n');
}

/** Hover text for a date: the front-matter dates it equals, or the letter's own dates. */
export function dateHover(m: DateMention, facts: Facts): string {
  const lines = [`**${vscode.l10n.t('Date in the text')}**: \`${m.raw}\`${m.iso ? ` = ${m.iso}` : ''}`];
  if (!m.iso) lines.push(vscode.l10n.t('This date can be read more than one way; write it unambiguously.'));
  const named: [string, string | undefined][] = [
    ['date', facts.date],
    ['due_date', facts.due_date],
    ['deadline', facts.deadline],
    ['call.date', facts.call?.date],
    ...(facts.invoices ?? []).map((inv, i): [string, string | undefined] => [`invoices.${i}.date`, inv.date]),
    ...(facts.commitments ?? []).map((c, i): [string, string | undefined] => [`commitments.${i}.by`, c.by]),
  ];
  const matches = named.filter(([, v]) => v !== undefined && v === m.iso);
  if (matches.length) for (const [k, v] of matches) lines.push(vscode.l10n.t('Matches front matter `{0}: {1}`.', k, v ?? ''));
  else if (m.iso) {
    const known = named
      .filter(([, v]) => v)
      .map(([k, v]) => `\`${k}: ${v}\``)
      .join(', ');
    lines.push(
      known
        ? vscode.l10n.t('No front-matter date equals it; the front matter has {0}.', known)
        : vscode.l10n.t('The front matter has no dates to compare with.'),
    );
  }
  return lines.join('\n\n');
}
