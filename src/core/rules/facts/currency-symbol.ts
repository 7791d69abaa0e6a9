import { SIGN_CURRENCIES } from '../../facts/amounts.js';
import { formatFigures } from '../../facts/format.js';
import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'currency-symbol',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'An amount written with a lone `$` or `¥` instead of an ISO currency code',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: `\`$\` is the sign of the US, Hong Kong, Singapore and many other dollars; \`¥\` and \`￥\` stand for both the Chinese yuan and the Japanese yen. In a letter that may end up before an arbitral tribunal, the currency must be beyond doubt: write the ISO 4217 code (\`USD\`, \`CNY\`), as the domain notes advise (§3: \`RMB\` is common but not ISO; \`¥\` alone is ambiguous with JPY). When the front-matter \`currency\` is one the sign can stand for, the fix writes the code (\`¥120,000\` → \`CNY 120,000.00\`); otherwise there is no fix.

**Wrong**

> The outstanding balance is $18,400.

**Right**

> The outstanding balance is USD 18,400.00.

中文示例 —— 错误：

> 贵司尚欠货款￥120,000。

正确：

> 贵司尚欠货款 CNY 120,000.00。`,
  },
  check({ facts, amounts, report }) {
    for (const mention of amounts) {
      if (!mention.ambiguous || !mention.symbol) continue;
      const options = SIGN_CURRENCIES[mention.symbol] ?? [];
      const currency = facts.currency && options.includes(facts.currency) ? facts.currency : undefined;
      const text = currency ? `${currency} ${formatFigures(mention.value, currency === 'JPY' ? 0 : 2)}` : undefined;
      report({
        start: mention.start, end: mention.end,
        // `$` where the case is in US dollars is drafting advice; `¥` or a `$` the facts do not settle is a real ambiguity
        ...(currency === 'USD' && mention.symbol === '$' ? { severity: 'info' as const } : {}),
        message: text
          ? { en: `Unexpected \`${mention.raw}\`, expected the ISO currency code: \`${text}\``, zh: `金额 \`${mention.raw}\` 的币种符号有歧义，应写明币种代码：\`${text}\`` }
          : {
            en: `Unexpected \`${mention.raw}\`, expected an ISO currency code (${options.slice(0, 3).join(', ')}, ...)`,
            zh: `金额 \`${mention.raw}\` 的币种符号有歧义，应写明币种代码（${options.slice(0, 3).join('、')} 等）`,
          },
        fixes: text ? [{ title: `Replace with \`${text}\``, edits: [{ start: mention.start, end: mention.end, text }], isPreferred: true }] : [],
      });
    }
  },
});
