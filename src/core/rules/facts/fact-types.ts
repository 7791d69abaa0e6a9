import { defineRule } from '../../rule.js';

export default defineRule({
  meta: {
    id: 'fact-types',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'Every front-matter fact has the type the facts contract gives it',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: `The linter checks the letter against its facts, so a fact of the wrong type is a fact Dunmark cannot use: \`amount: "18,400 USD"\` is text, not a number, and \`due_date: 15/10/2026\` is not an ISO date. The finding points at the key's line; an enum value that is close to a valid one (\`stage: Final Demand\`) gets a fix.

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
  },
  check({ factProblems, key, frontMatter, report }) {
    for (const problem of factProblems) {
      const location = key(problem.path);
      const span = location?.value ?? frontMatter?.content ?? { start: 0, end: 0 };
      report({
        start: span.start, end: span.end, message: problem.message,
        fixes: problem.suggestion
          ? [{ title: `Replace with \`${problem.suggestion}\``, edits: [{ start: span.start, end: span.end, text: problem.suggestion }], isPreferred: true }]
          : [],
      });
    }
  },
});
