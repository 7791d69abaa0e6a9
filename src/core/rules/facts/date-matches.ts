/** The check that `due-date-matches` and `deadline-matches` share. Not a rule. */
import { formatDate, formatDateLike } from '../../facts/format.js';
import type { RuleContext } from '../../rule.js';
import { blockAt, caseDates, contextOf, dateRole } from './support.js';
import { replaceWith } from '../fix-titles.js';

/** Reports every date the sentence marks as `role` that differs from the fact `key`. */
export function checkDateRole(context: RuleContext, role: 'due' | 'deadline', key: 'due_date' | 'deadline'): void {
  const { facts, dates, blocks, report } = context;
  const expected = facts[key];
  if (!expected) return;
  const others = caseDates(facts, key);
  for (const mention of dates) {
    if (!mention.iso || mention.iso === expected || others.has(mention.iso)) continue;
    // A deadline on or before the letter's own date is an earlier letter's deadline, quoted.
    if (role === 'deadline' && facts.date && mention.iso <= facts.date) continue;
    // With several invoices \`due_date\` is the first to fall due; a later due date is another invoice's
    if (role === 'due' && (facts.invoices?.length ?? 0) > 1 && mention.iso > expected) continue;
    const block = blockAt(blocks, mention.start);
    if (!block) continue;
    const { before, after } = contextOf(block, mention, 200);
    if (dateRole(before, after, { iso: mention.iso, ...(facts.date ? { letterDate: facts.date } : {}) }) !== role) continue;
    const text = formatDateLike(expected, mention.raw);
    const what = role === 'due' ? ['the original due date', '原付款到期日'] : ['the payment deadline', '付款期限'];
    report({
      start: mention.start,
      end: mention.end,
      message: {
        en: `Unexpected \`${mention.raw}\` as ${what[0]}, expected \`${text}\` (\`${key}: ${expected}\`)`,
        zh: `${what[1]} \`${mention.raw}\` 与事实不符，应为 \`${text || formatDate(expected, 'zh')}\`（\`${key}: ${expected}\`）`,
      },
      // the fix is certain only when the text wrote the year (a year-less date's year is Dunmark's guess)
      fixes: text
        ? [{ title: replaceWith(text), edits: [{ start: mention.start, end: mention.end, text }], ...(mention.yearFrom ? {} : { isPreferred: true }) }]
        : [],
    });
  }
}
