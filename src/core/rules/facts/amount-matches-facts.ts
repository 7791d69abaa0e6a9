import { toMinor } from '../../facts/amounts.js';
import { formatAmountLike } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import type { Fix } from '../../types.js';
import { amountRoles } from './roles.js';
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
  check(context) {
    const { facts, data, report } = context;
    if (facts.amount === undefined || !facts.currency) return;
    const candidates = caseAmounts(facts, data);
    const known = new Set(candidates.map((c) => c.minor));
    const distinct = [...known];
    const owedMinor = toMinor(facts.amount);
    const roled = amountRoles(context).filter((r) => r.mention.form !== 'daxie' && inCurrency(r.mention, facts.currency));
    const instalments = roled.filter((r) => r.role === 'instalment');
    const instalmentSum = instalments.reduce((sum, r) => sum + r.mention.minor, 0);
    const scheduled = (facts.commitments?.length ?? 0) > 0 || candidates.some((c) => c.source.startsWith('instalments.'));
    for (const { mention, role, claimed } of roled) {
      if (known.has(mention.minor)) continue;
      // payments received, rates, limits, unit prices and zero rows are not what the letter claims
      if (role === 'paid' || role === 'rate' || role === 'limit' || role === 'unit-price' || role === 'zero') continue;
      // a charge is judged against the charges of the facts; without any, `unbacked-charges` speaks for it
      if (role === 'charge' && !(facts.charges?.length)) continue;
      // an instalment fits the plan: the instalments add up to the total, or equal ones divide it
      if (role === 'instalment' && (fitsPlan(mention.minor, owedMinor, instalmentSum) || !scheduled)) continue;
      const only = distinct.length === 1 ? distinct[0]! : undefined;
      // the one right figure is certain only when the sentence presents the amount as owed and one fact value fits
      const certain = only !== undefined && role === 'owed' && claimed;
      const fixes: Fix[] = (only !== undefined ? [only] : distinct.slice(0, 4)).map((minor) => {
        const text = formatAmountLike(minor / 100, mention.raw);
        return {
          title: `Replace with \`${text}\``,
          edits: [{ start: mention.start, end: mention.end, text }],
          ...(certain ? { isPreferred: true } : {}),
        };
      });
      const owed = moneyText(facts, facts.amount);
      const charged = (facts.charges ?? []).flatMap((c) => (typeof c.amount === 'number' ? [moneyText(facts, c.amount)] : []));
      report({
        start: mention.start, end: mention.end,
        message: role === 'charge' && charged.length > 0 ? {
          en: `Unexpected \`${mention.raw}\` as a charge, expected a charge of the case facts (\`charges\`: ${charged.join(', ')})`,
          zh: `费用金额 \`${mention.raw}\` 与案件事实不符，应为事实 \`charges\` 中的金额（${charged.join('、')}）`,
        } : {
          en: `Unexpected \`${mention.raw}\`, expected an amount of the case facts (\`amount\` is ${owed})`,
          zh: `金额 \`${mention.raw}\` 与案件事实不符，应为事实中的金额（\`amount\` 为 ${owed}）`,
        },
        fixes,
      });
    }
  },
});

/** An instalment that fits a plan for `total`: equal instalments that divide it, or a schedule that adds up to it. */
function fitsPlan(instalment: number, total: number, scheduleSum: number): boolean {
  if (instalment <= 0 || instalment > total) return false;
  if (scheduleSum === total) return true;
  const count = total / instalment;
  return Number.isInteger(count) && count >= 2 && count <= 60;
}
