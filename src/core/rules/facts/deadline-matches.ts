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
    docs: `From the second reminder on a letter sets a payment deadline as a calendar date, and the next step follows only after that date has passed (domain notes §1 and §3). If the text names another date than the facts, the letter and the case file disagree about when the creditor may act. The rule reads the sentence around each date: \`by\`, \`no later than\`, \`on or before\`, \`before\`, \`之前\`, \`前\`, \`截止\` mark a deadline. A date that equals another fact (the due date, a commitment) is left alone, and so is a deadline on or before the letter's date (an earlier letter's deadline, quoted). The fix writes \`deadline\` in the same form as the text.

**Wrong** (\`deadline: 2026-12-04\`)

> Please pay the full balance no later than 11 December 2026.

**Right**

> Please pay the full balance no later than 4 December 2026.

中文示例 —— 错误：

> 请于2026年12月11日前付清全部欠款。

正确：

> 请于2026年12月4日前付清全部欠款。`,
  },
  check(context) {
    checkDateRole(context, 'deadline', 'deadline');
  },
});
