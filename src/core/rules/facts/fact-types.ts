import { defineRule } from '../../rule.js';
import { replaceWith } from '../fix-titles.js';

export default defineRule({
  meta: {
    id: 'fact-types',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'Every front-matter fact has the type the facts contract gives it',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `The linter checks the letter against its facts, so a fact of the wrong type is a fact Dunmark cannot use: \`amount: "18,400 USD"\` is text, not a number, and \`due_date: 15/10/2026\` is not an ISO date. The finding points at the key's line; an enum value that is close to a valid one (\`stage: Final Demand\`) gets a fix. The facts contract is published as [\`schemas/facts.schema.json\`](../../schemas/facts.schema.json); why each fact matters is in [docs/law.md](../law.md#facts-a-letter-must-carry).

**Wrong**

\`\`\`yaml
amount: USD 18,400
due_date: 15 October 2026
stage: final demand
\`\`\`

**Right**

\`\`\`yaml
amount: 18400.00
currency: USD
due_date: 2026-10-15
stage: final-demand
\`\`\`

中文：\`amount\` 必须是数字（如 \`120000.00\`），日期必须写成 \`2026-10-15\`。`,
      zh: `本工具根据事实检查函件，类型错误的事实无法使用：\`amount: "18,400 USD"\` 是文字而不是数字，\`due_date: 15/10/2026\` 不是 ISO 日期。报告位置在该键所在行；枚举值与某个合法值接近时（\`stage: Final Demand\`），提供修复。事实的格式见 [\`schemas/facts.schema.json\`](../../../schemas/facts.schema.json)，其依据见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

**错误**

\`\`\`yaml
amount: 人民币120,000元
due_date: 2026年10月15日
stage: 最后催告
\`\`\`

**正确**

\`\`\`yaml
amount: 120000.00
currency: CNY
due_date: 2026-10-15
stage: final-demand
\`\`\``,
    },
  },
  check({ factProblems, key, frontMatter, report }) {
    for (const problem of factProblems) {
      const location = key(problem.path);
      const span = location?.value ?? frontMatter?.content ?? { start: 0, end: 0 };
      report({
        start: span.start,
        end: span.end,
        message: problem.message,
        fixes: problem.suggestion
          ? [{ title: replaceWith(problem.suggestion), edits: [{ start: span.start, end: span.end, text: problem.suggestion }], isPreferred: true }]
          : [],
      });
    }
  },
});
