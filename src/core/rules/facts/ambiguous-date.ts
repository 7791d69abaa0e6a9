import { numericReadings } from '../../facts/dates.js';
import { formatDate } from '../../facts/format.js';
import { defineRule } from '../../rule.js';
import { blockAt } from './support.js';
import { writeAs } from '../fix-titles.js';

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export default defineRule({
  meta: {
    id: 'ambiguous-date',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'A numeric date such as 04/12/2026 that reads two ways',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `\`04/12/2026\` is 4 December in most of the world and April 12 in the United States; a deadline the debtor can read two ways is no deadline. Write the month in words in English (\`4 December 2026\`, \`December 4, 2026\`) and use \`2026年12月4日\` in Chinese, the form of the national standard for official documents, GB/T 9704 (see [docs/law.md](../law.md#facts-a-letter-must-carry)). The rule offers both readings as suggestions — which one was meant only the writer knows, so \`--fix\` never picks one. Dates that read only one way (\`25/12/2026\`) are not reported.

**Wrong**

> Please pay by 04/12/2026.

**Right**

> Please pay by 4 December 2026.

中文示例 —— 错误：

> 请于 04/12/2026 前付款。

正确：

> 请于2026年12月4日前付款。`,
      zh: `\`04/12/2026\` 在大多数国家读作2026年12月4日，在美国却读作2026年4月12日。债务人可以作两种理解的付款期限，等于没有期限。英文信函请用月份单词写日期（\`4 December 2026\` 或 \`December 4, 2026\`），中文信函写成 \`2026年12月4日\`（国家标准 GB/T 9704《党政机关公文格式》的写法，月、日不补零），前置信息中的事实日期一律写 \`YYYY-MM-DD\`。参见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

本规则把两种读法都列为修改建议，由撰写人自行选择，\`--fix\` 不会替您决定。只有一种读法的日期（如 \`25/12/2026\`）不报告。

**错误**

> 请于 04/12/2026 前付款。

**正确**

> 请于2026年12月4日前付款。`,
    },
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
        return { title: writeAs(text), edits: [{ start: mention.start, end: mention.end, text }] };
      });
      report({
        start: mention.start,
        end: mention.end,
        message: {
          en: `Unexpected ambiguous date \`${mention.raw}\`, expected the month in words (\`${formatDate(dayFirst, 'en')}\` or \`${formatDate(monthFirst, 'en')}\`)`,
          zh: `日期 \`${mention.raw}\` 有歧义，应写为 \`${formatDate(dayFirst, 'zh')}\` 或 \`${formatDate(monthFirst, 'zh')}\``,
        },
        fixes,
      });
    }
  },
});
