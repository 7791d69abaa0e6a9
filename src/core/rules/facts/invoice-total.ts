import { toMinor } from '../../facts/amounts.js';
import { formatFigures } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import { amountRoles } from './roles.js';
import { inCurrency, keySpan, writtenValue } from './support.js';

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`yaml
amount: 18400.00
invoices:
  - number: HVW-2026-1187
    amount: 12400.00
  - number: HVW-2026-1203
    amount: 5000.00
\`\`\``;
const EXAMPLE_2 = `\`\`\`yaml
amount: 17400.00   # 12400.00 + 5000.00, the same invoices
\`\`\``;

export default defineRule({
  meta: {
    id: 'invoice-total',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'The amount owed equals the sum of the invoice amounts',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `\`amount\` is the total now owed and \`invoices\` say what it is made of, so the two must agree to the cent: a letter whose total does not add up invites a dispute and delays payment. The finding sits on the \`amount\` key. Which side is wrong is a human decision, so the fix (set \`amount\` to the sum) is a suggestion, never applied by \`--fix\`. Interest and fees belong in \`charges\`, not in \`amount\` (see [docs/law.md](../law.md#interest-and-fixed-compensation)).

**Wrong**

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

中文：\`amount\`（欠款总额）必须等于各张发票金额（\`invoices[].amount\`）之和，例如两张发票 12400.00 与 5000.00 时，\`amount\` 应为 17400.00。`,
      zh: `\`amount\` 是目前欠款总额，\`invoices\` 说明它由哪些发票构成，两者必须精确到分相等：合计对不上的函件容易引起争议，拖延付款。报告位置在 \`amount\` 键上。到底哪一边写错需要人来判断，所以修复（把 \`amount\` 改为发票合计）只作为建议，\`--fix\` 不会自动应用。利息和费用应写在 \`charges\` 中，不要计入 \`amount\`。参见 [docs/law.md](../../law.md#interest-and-fixed-compensation)。

**错误**

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { facts, report } = context;
    const invoices = facts.invoices ?? [];
    if (facts.amount === undefined || invoices.length === 0) return;
    if (invoices.some((i) => typeof i.amount !== 'number')) return;
    const invoiced = invoices.reduce((total, i) => total + toMinor(i.amount!), 0);
    // payments received come off the invoices: in \`payments:\`, or as the text reports them ("thank you for your payment of ...")
    const recorded = (facts.payments ?? []).reduce((total, p) => total + (typeof p.amount === 'number' ? toMinor(p.amount) : 0), 0);
    const reported = amountRoles(context)
      .filter((r) => r.role === 'paid' && inCurrency(r.mention, facts.currency))
      .map((r) => r.mention.minor);
    const owed = toMinor(facts.amount);
    const sum = invoiced - recorded;
    if (sum === owed || reported.some((p) => invoiced - p === owed) || invoiced - reported.reduce((a, b) => a + b, 0) === owed) return;
    const span = keySpan(context, 'amount');
    const total = formatFigures(sum / 100).replace(/,/g, '');
    const written = writtenValue(context, 'amount', facts.amount);
    const list =
      invoices.map((i) => `${i.number ?? '?'} ${formatFigures(i.amount!)}`).join(', ') +
      (recorded > 0 ? `, less \`payments\` ${formatFigures(recorded / 100)}` : '');
    report({
      start: span.start,
      end: span.end,
      message: {
        en: `Unexpected \`amount: ${written}\`, expected ${total}, the sum of \`invoices[].amount\`${recorded > 0 ? ' less the payments received' : ''} (${list})`,
        zh: `\`amount: ${written}\` 与发票金额之和不符，应为 ${total}（${list}）`,
      },
      fixes: [{ title: { en: `Set \`amount\` to ${total}`, zh: `将 \`amount\` 改为 ${total}` }, edits: [{ start: span.start, end: span.end, text: total }] }],
    });
  },
});
