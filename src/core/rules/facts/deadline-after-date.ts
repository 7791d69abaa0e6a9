import { formatDate } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import { keySpan } from './support.js';

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`yaml
date: 2026-11-20
deadline: 2026-11-13
\`\`\``;
const EXAMPLE_2 = `\`\`\`yaml
date: 2026-11-20
deadline: 2026-12-04
\`\`\``;

export default defineRule({
  meta: {
    id: 'deadline-after-date',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'The deadline falls after the letter date (and, in an undated letter, is not already past)',
    languages: ['eng', 'cmn'],
    docs: {
      en: `A payment deadline on or before the date of the letter, or one that has already passed, gives the debtor no time to pay; a tribunal or court will not treat it as a fair demand, and the next step cannot rest on it. The deadline must be after the letter's date (see [docs/law.md](../law.md#working-days-and-deadlines)). A letter dated before today has been sent: its deadline is compared with its own date, not with today, so the letters of a case folder stay clean once their deadlines pass; a letter with no \`date\` must not give a deadline already past. The finding sits on the \`deadline\` key; the right date is a human decision, so there is no fix.

**Wrong** (a letter dated 20 November 2026)

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

中文：\`deadline\`（付款期限）必须晚于函件日期 \`date\`，且不得早于今天。例如函件日期为 2026年11月20日时，期限写 2026年11月13日 是错误的，应写 2026年12月4日。`,
      zh: `付款期限早于或等于函件日期，或者已经过去，债务人根本没有付款的时间；仲裁庭或法院不会认为这是合理的催告，后续措施也无从以此为依据。付款期限必须晚于函件日期。日期早于今天的函件视为已经发出，其期限只与函件自身的日期比较，而不与今天比较，因此案件文件夹中的旧函件在期限届满后不会被报告；未注明日期的函件，期限不得早于今天。参见 [docs/law.md](../../law.md#working-days-and-deadlines)。

报告位置在 \`deadline\` 键上；正确的日期需要人来决定，因此不提供修复。

**错误**（函件日期为2026年11月20日）

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { facts, today, report } = context;
    const { deadline, date } = facts;
    if (!deadline) return;
    const span = keySpan(context, 'deadline');
    if (date && deadline <= date) {
      report({
        ...span,
        message: {
          en: `Unexpected deadline \`${deadline}\` on or before the letter date, expected a date after ${formatDate(date, 'en')}`,
          zh: `付款期限 \`${deadline}\` 不晚于函件日期，应晚于 ${formatDate(date, 'zh')}`,
        },
      });
    } else if (!date && deadline < today) {
      // a dated letter is judged on its own date: one dated before today has been sent, and its
      // deadline passing since is the case's history, not a mistake in the letter
      report({
        ...span,
        message: {
          en: `Unexpected deadline \`${deadline}\` in the past, expected today (${formatDate(today, 'en')}) or later`,
          zh: `付款期限 \`${deadline}\` 已过，应不早于今天（${formatDate(today, 'zh')}）`,
        },
      });
    }
  },
});
