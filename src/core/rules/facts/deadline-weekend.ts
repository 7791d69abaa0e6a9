import { addDays, formatDate, formatDateLike, weekday } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import type { TextEdit } from '../../types.js';
import { keySpan } from './support.js';

export default defineRule({
  meta: {
    id: 'deadline-weekend',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'The payment deadline falls on a working day, not a Saturday or Sunday',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: `A deadline on a Saturday or Sunday cannot be met by a bank transfer on that day, which invites the argument that the debtor had until the next working day and blurs when the next step may follow (domain notes §3: a payment deadline as a calendar date the debtor can act on). The suggestion moves the deadline to the following Monday, in the front matter and in every place the text writes it, in the same form. Public holidays (Chinese New Year, National Day) are not checked.

**Wrong**

> Please pay USD 18,400.00 by Saturday, 5 December 2026.

**Right**

> Please pay USD 18,400.00 by Monday, 7 December 2026.

中文示例 —— 错误：

> 请于2026年12月5日（星期六）前付清。

正确：

> 请于2026年12月7日（星期一）前付清。`,
  },
  check(context) {
    const { facts, dates, report } = context;
    const deadline = facts.deadline;
    if (!deadline) return;
    const day = weekday(deadline);
    if (day !== 0 && day !== 6) return;
    const monday = addDays(deadline, day === 6 ? 2 : 1);
    const span = keySpan(context, 'deadline');
    const edits: TextEdit[] = [{ start: span.start, end: span.end, text: monday }];
    for (const mention of dates) {
      if (mention.iso === deadline) edits.push({ start: mention.start, end: mention.end, text: formatDateLike(monday, mention.raw) });
    }
    const name = day === 6 ? ['Saturday', '星期六'] : ['Sunday', '星期日'];
    report({
      ...span,
      message: {
        en: `Unexpected deadline on a ${name[0]} (\`${deadline}\`), expected a working day such as Monday ${formatDate(monday, 'en')}`,
        zh: `付款期限 \`${deadline}\` 是${name[1]}，应为工作日，例如 ${formatDate(monday, 'zh')}（星期一）`,
      },
      fixes: [{ title: `Move the deadline to Monday ${formatDate(monday, 'en')}`, edits }],
    });
  },
});
