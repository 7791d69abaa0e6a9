import { formatAmountLike } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import type { Fix } from '../../types.js';
import { caseAmounts, inCurrency, moneyText } from './support.js';

export default defineRule({
  meta: {
    id: 'amount-matches-facts',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'Every amount in the text is one the case facts justify',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: `A demand for the wrong amount is the most damaging error a collection letter can make: the debtor disputes it, and a claim for more than is owed can undo the letter's effect as evidence. Every amount in the text in the case's currency must be one the front matter justifies: \`amount\`, an invoice amount, a charge, a commitment (or an amount written in it), or a sum of these (all invoices, all charges, \`amount\` plus charges, all commitments). Every amount and date in the text must agree with the case facts (domain notes §3).

When the facts name exactly one amount the fix writes it in the same form as the text (\`USD 18,000.00\` → \`USD 18,400.00\`); otherwise each candidate is offered as a suggestion. 大写 amounts are checked by \`daxie-matches\`.

**Wrong** (\`amount: 18400.00\`, \`currency: USD\`)

> Invoice HVW-2026-1187 for USD 18,000.00 remains unpaid.

**Right**

> Invoice HVW-2026-1187 for USD 18,400.00 remains unpaid.

中文示例 —— 错误：

> 贵司尚欠货款 18,000.00 美元。

正确：

> 贵司尚欠货款 18,400.00 美元。`,
  },
  check({ facts, data, amounts, report }) {
    if (facts.amount === undefined || !facts.currency) return;
    const candidates = caseAmounts(facts, data);
    const known = new Set(candidates.map((c) => c.minor));
    const distinct = [...known];
    for (const mention of amounts) {
      if (mention.form === 'daxie' || !inCurrency(mention, facts.currency)) continue;
      if (known.has(mention.minor)) continue;
      const only = distinct.length === 1 ? distinct[0]! : undefined;
      const fixes: Fix[] = (only !== undefined ? [only] : distinct.slice(0, 4)).map((minor) => {
        const text = formatAmountLike(minor / 100, mention.raw);
        return {
          title: `Replace with \`${text}\``,
          edits: [{ start: mention.start, end: mention.end, text }],
          ...(only !== undefined ? { isPreferred: true } : {}),
        };
      });
      const owed = moneyText(facts, facts.amount);
      report({
        start: mention.start, end: mention.end,
        message: {
          en: `Unexpected \`${mention.raw}\`, expected an amount of the case facts (\`amount\` is ${owed})`,
          zh: `金额 \`${mention.raw}\` 与案件事实不符，应为事实中的金额（\`amount\` 为 ${owed}）`,
        },
        fixes,
        data: { candidates: distinct.map((m) => m / 100) },
      });
    }
  },
});
