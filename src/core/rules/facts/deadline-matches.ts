import { defineRule } from '../../rule.js';
import { checkDateRole } from './date-matches.js';

export default defineRule({
  meta: {
    id: 'deadline-matches',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'A date the text gives as the payment deadline equals `deadline`',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `From the second reminder on a letter sets a payment deadline as a calendar date, and the next step follows only after that date has passed (see [docs/law.md](../law.md#facts-a-letter-must-carry)). If the text names another date than the facts, the letter and the case file disagree about when the creditor may act. The rule reads the sentence around each date: \`by\`, \`no later than\`, \`on or before\`, \`before\`, \`之前\`, \`前\`, \`截止\` mark a deadline. A date that equals another fact (the due date, a commitment) is left alone, and so is a deadline on or before the letter's date (an earlier letter's deadline, quoted). The fix writes \`deadline\` in the same form as the text.

**Wrong** (\`deadline: 2026-12-04\`)

> Please pay the full balance no later than 11 December 2026.

**Right**

> Please pay the full balance no later than 4 December 2026.

中文示例 —— 错误：

> 请于2026年12月11日前付清全部欠款。

正确：

> 请于2026年12月4日前付清全部欠款。`,
      zh: `从第二次提醒函起，函件要给出一个具体日期作为付款期限，逾期之后才采取下一步措施。正文写的日期与事实不同，函件和案件档案对“何时可以采取行动”的说法就不一致。参见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

本规则阅读每个日期所在的句子：\`之前\`、\`前\`、\`截止\`、\`最迟于\`、\`不迟于\`（英文 \`by\`、\`no later than\`、\`on or before\`、\`before\`）表示付款期限。与其他事实（到期日、还款承诺日期）相同的日期不报告；早于或等于函件日期的期限（引用以前函件的期限）也不报告。修复按原文的写法写出 \`deadline\`。

**错误**（\`deadline: 2026-12-04\`）

> 请于2026年12月11日前付清全部欠款。

**正确**

> 请于2026年12月4日前付清全部欠款。`,
    },
  },
  check(context) {
    checkDateRole(context, 'deadline', 'deadline');
  },
});
