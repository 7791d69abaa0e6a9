import { numericReadings } from '../../facts/dates.js';
import { formatDate } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import { blockAt } from './support.js';

const NUMERIC = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

export default defineRule({
  meta: {
    id: 'ambiguous-date',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'A numeric date such as 04/12/2026 that reads two ways',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: `\`04/12/2026\` is 4 December in most of the world and April 12 in the United States; a deadline the debtor can read two ways is no deadline. Write the month in words in English (\`4 December 2026\`, \`December 4, 2026\`) and use \`2026年12月4日\` in Chinese (domain notes §3). The rule offers both readings as suggestions — which one was meant only the writer knows, so \`--fix\` never picks one. Dates that read only one way (\`25/12/2026\`) are not reported.

**Wrong**

> Please pay by 04/12/2026.

**Right**

> Please pay by 4 December 2026.

中文示例 —— 错误：

> 请于 04/12/2026 前付款。

正确：

> 请于2026年12月4日前付款。`,
  },
  check({ dates, blocks, report }) {
    for (const mention of dates) {
      if (!mention.ambiguous) continue;
      const m = NUMERIC.exec(mention.raw);
      if (!m) continue;
      const { dayFirst, monthFirst } = numericReadings(Number(m[1]), Number(m[2]), Number(m[3]));
      if (!dayFirst || !monthFirst) continue;
      const style = blockAt(blocks, mention.start)?.language === 'zh' ? 'zh' : 'en';
      const fixes = [dayFirst, monthFirst].map((iso) => {
        const text = formatDate(iso, style);
        return { title: `Write \`${text}\``, edits: [{ start: mention.start, end: mention.end, text }] };
      });
      report({
        start: mention.start, end: mention.end,
        message: {
          en: `Unexpected ambiguous date \`${mention.raw}\`, expected the month in words (\`${formatDate(dayFirst, 'en')}\` or \`${formatDate(monthFirst, 'en')}\`)`,
          zh: `日期 \`${mention.raw}\` 有歧义，应写为 \`${formatDate(dayFirst, 'zh')}\` 或 \`${formatDate(monthFirst, 'zh')}\``,
        },
        fixes,
      });
    }
  },
});
