import { daysBetween, formatDate } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import { keySpan } from './support.js';

export default defineRule({
  meta: {
    id: 'deadline-min-days',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'A reminder gives the debtor at least a week to pay',
    languages: ['eng', 'cmn'],
    options: {
      type: 'object',
      properties: { days: { type: 'integer', minimum: 1, default: 7, description: 'Fewest days from the letter date to the deadline' } },
      additionalProperties: false,
    },
    docs: `Reminders go out at about weekly intervals and grow firmer step by step (domain notes §1). A \`reminder\` or \`second-reminder\` that leaves less than a week to pay reads as pressure the stage does not justify ("within 24 hours" belongs to no early letter, domain notes §2), and a debtor paying by international transfer may not manage it. The rule warns when the deadline is fewer than \`days\` (default 7) after the letter date. Final demands and letters before action are not checked.

**Wrong** (\`stage: second-reminder\`, \`date: 2026-11-20\`)

\`\`\`yaml
deadline: 2026-11-23
\`\`\`

**Right**

\`\`\`yaml
deadline: 2026-12-04
\`\`\`

中文：提醒函（\`reminder\`、\`second-reminder\`）的付款期限应至少在函件日期七天之后；例如函件日期为 2026年11月20日，期限写 2026年11月23日 过短，应写 2026年12月4日。`,
  },
  check(context) {
    const { facts, options, report } = context;
    if (facts.stage !== 'reminder' && facts.stage !== 'second-reminder') return;
    if (!facts.deadline || !facts.date) return;
    const days = typeof options.days === 'number' && options.days > 0 ? options.days : 7;
    const gap = daysBetween(facts.date, facts.deadline);
    if (!(gap > 0 && gap < days)) return;
    const span = keySpan(context, 'deadline');
    report({
      ...span,
      message: {
        en: `Unexpected deadline ${gap} day${gap === 1 ? '' : 's'} after the letter date, expected at least ${days} (${formatDate(facts.date, 'en')} → \`${facts.deadline}\`)`,
        zh: `付款期限距函件日期仅 ${gap} 天，应至少 ${days} 天（${formatDate(facts.date, 'zh')} → \`${facts.deadline}\`）`,
      },
    });
  },
});
