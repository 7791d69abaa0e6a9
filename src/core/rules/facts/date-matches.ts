/** The check that `due-date-matches` and `deadline-matches` share. Not a rule. */
import { formatDate, formatDateLike } from '../../facts/format.js';
import type { RuleContext } from '../../rule.js';
import { blockAt, caseDates, columnDateRole, contextOf, dateRole, inOffer, relativePaymentDeadline } from './support.js';
import { replaceWith } from '../fix-titles.js';
import { plausibleDateSlip } from '../../facts/slip.js';

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
    const { before, after, sentence } = contextOf(block, mention, 200);
    const found =
      mention.form === 'relative'
        ? relativePaymentDeadline(sentence)
          ? 'deadline'
          : undefined
        : (dateRole(before, after, { iso: mention.iso, ...(facts.date ? { letterDate: facts.date } : {}) }) ?? columnDateRole(blocks, block));
    if (found !== role) continue;
    // a date of a plan or an alternative the creditor offers is the plan's, not the letter's deadline
    if (role === 'deadline' && mention.form !== 'relative' && inOffer(blocks, block, sentence)) continue;
    const what = role === 'due' ? ['the original due date', '原付款到期日'] : ['the payment deadline', '付款期限'];
    if (mention.form === 'relative') {
      // "within 7 days of the date of this letter" against the deadline the letter (and the case) sets: two deadlines
      const on = formatDate(mention.iso, 'en');
      const deadline = formatDate(expected, 'en');
      const instead = /\p{Script=Han}/u.test(mention.raw) ? `于${formatDate(expected, 'zh')}前` : `by ${deadline}`;
      report({
        start: mention.start,
        end: mention.end,
        message: {
          en: `Unexpected \`${mention.raw}\` (${on}) as ${what[0]}, expected one deadline, \`${deadline}\` (\`${key}: ${expected}\`): two deadlines that differ leave the debtor free to choose the later`,
          zh: `\`${mention.raw}\`（即 ${formatDate(mention.iso, 'zh')}）与付款期限 ${formatDate(expected, 'zh')}（\`${key}: ${expected}\`）不一致，应只写一个期限：两个不同的期限会让债务人选择较晚的一个`,
        },
        fixes: [{ title: replaceWith(instead), edits: [{ start: mention.start, end: mention.end, text: instead }] }],
      });
      continue;
    }
    const text = formatDateLike(expected, mention.raw);
    report({
      start: mention.start,
      end: mention.end,
      message: {
        en: `Unexpected \`${mention.raw}\` as ${what[0]}, expected \`${text}\` (\`${key}: ${expected}\`)`,
        zh: `${what[1]} \`${mention.raw}\` 与事实不符，应为 \`${text || formatDate(expected, 'zh')}\`（\`${key}: ${expected}\`）`,
      },
      // the fix is certain only when the text wrote the year (a year-less date's year is Dunmark's guess) and the
      // date written is a slip of the fact's (one digit, a transposition, day and month swapped), not another date
      fixes: text
        ? [
            {
              title: replaceWith(text),
              edits: [{ start: mention.start, end: mention.end, text }],
              ...(!mention.yearFrom && plausibleDateSlip(mention.iso, expected) ? { isPreferred: true } : {}),
            },
          ]
        : [],
    });
  }
}
