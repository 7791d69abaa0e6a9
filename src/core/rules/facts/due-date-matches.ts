import { defineRule } from '../../rule.js';
import { checkDateRole } from './date-matches.js';

export default defineRule({
  meta: {
    id: 'due-date-matches',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'A date the text gives as the original due date equals `due_date`',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `The original due date fixes when the debt became overdue, when interest runs from and when the limitation period starts (PRC Civil Code Art. 188; see [docs/law.md](../law.md#limitation)), so the date the letter gives for it must be the one in the facts. The rule reads the sentence around each date: \`due on\`, \`fell due\`, \`was due\`, \`payable by … under the invoice\`, \`到期\`, \`应于…支付\` mark a due date. A date that equals another fact (the letter date, an invoice date, a commitment) is left alone. The fix writes \`due_date\` in the same form as the text.

**Wrong** (\`due_date: 2026-10-15\`)

> Invoice HVW-2026-1187 fell due on 15 November 2026.

**Right**

> Invoice HVW-2026-1187 fell due on 15 October 2026.

中文示例 —— 错误：

> 第 HVW-2026-1187 号发票项下货款已于2026年11月15日到期。

正确：

> 第 HVW-2026-1187 号发票项下货款已于2026年10月15日到期。`,
      zh: `原定到期日决定了债务何时逾期、利息从哪天起算、诉讼时效从哪天开始计算（《民法典》第一百八十八条），所以函件中写的到期日必须与事实一致。参见 [docs/law.md](../../law.md#limitation)。

本规则阅读每个日期所在的句子：\`到期\`、\`应于……支付\`、\`原定付款日\`（英文 \`due on\`、\`fell due\`、\`was due\`）表示到期日。与其他事实相同的日期（函件日期、发票日期、承诺日期）不报告。修复按原文的写法写出 \`due_date\`。

**错误**（\`due_date: 2026-10-15\`）

> 第 HVW-2026-1187 号发票项下货款已于2026年11月15日到期。

**正确**

> 第 HVW-2026-1187 号发票项下货款已于2026年10月15日到期。`,
    },
  },
  check(context) {
    checkDateRole(context, 'due', 'due_date');
  },
});
