// What an amount or a date in a letter is, in words, for every editor's hover: the front-matter fact
// it matches, or what the front matter says instead. `t` translates a message with {0}-style
// arguments (VS Code passes its l10n; the language server, the English text).
import type { AmountMention } from './amounts.js';
import type { DateMention } from './dates.js';
import type { Facts } from './facts.js';
import { formatMoney } from './format.js';

/** A translator: the English message with `{0}`, `{1}`... and their values. */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** The English text with its arguments in place. */
export const english: Translate = (message, ...args) => message.replace(/\{(\d+)\}/g, (all, i: string) => String(args[Number(i)] ?? all));

function money(value: number, currency: string | undefined): string {
  return formatMoney(value, currency ?? '', 'en').trim();
}

/** Hover text for an amount: the front-matter amount or invoice it matches, or what the front matter says. */
export function amountHover(m: AmountMention, facts: Facts, t: Translate = english): string {
  const currency = m.currency ?? facts.currency;
  const lines = [`**${t('Amount in the text')}**: \`${m.raw}\` = ${money(m.value, currency)}`];
  const sameMinor = (v: number | undefined): boolean => v !== undefined && Math.round(v * 100) === m.minor;
  const currencyOk = !m.currency || !facts.currency || m.currency === facts.currency;
  if (sameMinor(facts.amount) && currencyOk) lines.push(t('Matches front matter `amount: {0}` ({1}).', String(facts.amount), facts.currency ?? '?'));
  (facts.invoices ?? []).forEach((invoice, i) => {
    if (sameMinor(invoice.amount)) lines.push(t('Matches `invoices.{0}.amount` of invoice {1}.', String(i), invoice.number ?? '?'));
  });
  (facts.charges ?? []).forEach((charge, i) => {
    if (sameMinor(charge.amount)) lines.push(t('Matches `charges.{0}.amount` ({1}).', String(i), charge.what ?? '?'));
  });
  if (lines.length === 1) {
    lines.push(
      facts.amount !== undefined
        ? t('No front-matter fact has this value; front matter `amount: {0}` ({1}).', String(facts.amount), facts.currency ?? '?')
        : t('The front matter has no `amount` to compare with.'),
    );
  }
  if (m.ambiguous) lines.push(t('The sign alone does not say which currency is meant.'));
  return lines.join('\n\n');
}

/** Hover text for a date: the front-matter dates it equals, or the letter's own dates. */
export function dateHover(m: DateMention, facts: Facts, t: Translate = english): string {
  const lines = [`**${t('Date in the text')}**: \`${m.raw}\`${m.iso ? ` = ${m.iso}` : ''}`];
  if (!m.iso) lines.push(t('This date can be read more than one way; write it unambiguously.'));
  const named: [string, string | undefined][] = [
    ['date', facts.date],
    ['due_date', facts.due_date],
    ['deadline', facts.deadline],
    ['call.date', facts.call?.date],
    ...(facts.invoices ?? []).map((inv, i): [string, string | undefined] => [`invoices.${i}.date`, inv.date]),
    ...(facts.commitments ?? []).map((c, i): [string, string | undefined] => [`commitments.${i}.by`, c.by]),
  ];
  const matches = named.filter(([, v]) => v !== undefined && v === m.iso);
  if (matches.length) for (const [k, v] of matches) lines.push(t('Matches front matter `{0}: {1}`.', k, v ?? ''));
  else if (m.iso) {
    const known = named
      .filter(([, v]) => v)
      .map(([k, v]) => `\`${k}: ${v}\``)
      .join(', ');
    lines.push(known ? t('No front-matter date equals it; the front matter has {0}.', known) : t('The front matter has no dates to compare with.'));
  }
  return lines.join('\n\n');
}
