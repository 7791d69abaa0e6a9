import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'front-matter',
    category: 'structure',
    defaultSeverity: 'error',
    description: 'The document starts with YAML front matter that parses',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Every Dunmark document carries the facts of the case in YAML front matter between \`---\` lines at the very top: the amount, the invoices, the dates, who owes whom. Without it nothing in the letter can be checked against the case, and templates cannot render. The facts contract is [\`schemas/facts.schema.json\`](../../schemas/facts.schema.json); why each fact matters is in [docs/law.md](../law.md#facts-a-letter-must-carry).

This rule reports a document with no front matter, front matter that is not valid YAML (with the line and column of the YAML error), and front matter that is not a mapping of \`key: value\` lines.

**Wrong**

\`\`\`markdown
Dear Mr. Zhou, invoice HVW-2026-1187 for USD 18,400.00 is overdue.
\`\`\`

**Right**

\`\`\`markdown
---
kind: dunning-letter
stage: reminder
amount: 18400.00
currency: USD
---

Dear Mr. Zhou, invoice HVW-2026-1187 for USD 18,400.00 is overdue.
\`\`\`

中文信函同样需要以 YAML 前置信息开头（\`---\` 之间），写明金额、发票、日期等案件事实。`,
      zh: `每份 Dunmark 文件都在开头两行 \`---\` 之间，用 YAML 前置信息记录案件事实：金额、发票、日期、谁欠谁的钱。没有这部分，函件中的内容就无法与案件核对，模板也无法生成。事实的格式见 [\`schemas/facts.schema.json\`](../../../schemas/facts.schema.json)，其依据见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

本规则报告三种情况：文件没有前置信息；前置信息不是合法的 YAML（给出 YAML 错误所在的行和列）；前置信息不是 \`键: 值\` 形式的映射。

**错误**

\`\`\`markdown
周先生：贵司第 HVW-2026-1187 号发票项下 18,400.00 美元已逾期。
\`\`\`

**正确**

\`\`\`markdown
---
kind: dunning-letter
stage: reminder
language: zh-CN
amount: 18400.00
currency: USD
---

周先生：贵司第 HVW-2026-1187 号发票项下 18,400.00 美元已逾期。
\`\`\``,
    },
  },
  check({ frontMatter, text, body, report }) {
    if (!frontMatter) {
      const end = text.indexOf('\n', body.start);
      report({
        start: body.start,
        end: end === -1 ? text.length : end,
        message: {
          en: 'Unexpected document without front matter, expected the case facts between `---` lines at the top',
          zh: '缺少前置信息（front matter），应在文件开头的 `---` 之间写明案件事实',
        },
      });
      return;
    }
    for (const error of frontMatter.errors) {
      report({ start: error.span.start, end: error.span.end, message: { en: `Unexpected YAML: ${error.message}`, zh: `YAML 有误：${error.message}` } });
    }
    const data = frontMatter.data;
    if (frontMatter.errors.length === 0 && data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) {
      report({
        start: frontMatter.content.start,
        end: frontMatter.content.end,
        message: { en: 'Unexpected front matter that is not a mapping, expected `key: value` lines', zh: '前置信息应为 `键: 值` 形式的映射' },
      });
    }
  },
});
