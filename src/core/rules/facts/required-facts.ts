import { defineRule } from '../../rule.js';
import { valueAt } from '../../facts/facts.js';
import data from '../data/required-facts.json';
import { closingFence } from './support.js';

/** What each fact is, for messages: English and Chinese (data, edited without touching the rule). */
const WHAT: Readonly<Record<string, { en: string; zh: string }>> = data.facts;

const LATE_STAGES = new Set(['second-reminder', 'final-demand', 'letter-before-action']);

/** The front-matter keys a document of this kind and stage must carry (spec/facts.md). */
export function requiredFacts(kind: string, stage: string | undefined): string[] {
  switch (kind) {
    case 'dunning-letter':
      return [
        'stage',
        'date',
        'language',
        'creditor.name',
        'debtor.name',
        'amount',
        'currency',
        'due_date',
        ...(stage && LATE_STAGES.has(stage) ? ['deadline'] : []),
      ];
    case 'call-summary':
      return ['date', 'call.date', 'call.with', 'amount', 'currency'];
    case 'clause':
      return ['clause', 'language'];
    default:
      return [];
  }
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`yaml
kind: dunning-letter
stage: final-demand
amount: 18400.00
currency: USD
due_date: 2026-10-15
\`\`\``;
const EXAMPLE_2 = `\`\`\`yaml
kind: dunning-letter
stage: final-demand
amount: 18400.00
currency: USD
due_date: 2026-10-15
deadline: 2026-12-04
next_step: arbitration
\`\`\``;

export default defineRule({
  meta: {
    id: 'required-facts',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'The front matter carries every fact its kind and stage need',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Dunmark checks a letter against the facts of the case in its front matter, so a missing fact is a check that cannot run and, in a template, a blank in the letter. This rule lists the keys each kind of document needs (see the facts contract, [\`schemas/facts.schema.json\`](../../schemas/facts.schema.json)):

- \`dunning-letter\`: \`stage\`, \`date\`, \`language\`, \`creditor.name\`, \`debtor.name\`, \`amount\`, \`currency\`, \`due_date\`; \`deadline\` from \`second-reminder\` on. The next step of a final demand (\`next_step\`) is optional here: the letter's text must state it (\`required-content\`), and \`next_step\` lets Dunmark check that the text says the same.
- \`call-summary\`: \`date\`, \`call.date\`, \`call.with\`, \`amount\`, \`currency\`.
- \`clause\`: \`clause\`, \`language\`.

A missing \`kind\` is itself a finding. A missing top-level key is reported at the closing \`---\` of the front matter; a missing nested key (\`debtor.name\`) at its parent key. From the second reminder on a letter needs a deadline as a calendar date (see [docs/law.md](../law.md#facts-a-letter-must-carry)). There is no automatic fix: a placeholder would only hide the gap.

**Wrong** (a final demand with no deadline)

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

中文：最后催告函（\`final-demand\`）必须写明 \`deadline\`（付款期限），例如 \`deadline: 2026-12-04\`；\`next_step\`（逾期后的措施）可选，正文须写明后续措施；缺少 \`kind\` 时本规则同样报告。`,
      zh: `Dunmark 依据前置信息中的案件事实检查函件，缺少一项事实，就有一项检查无法进行；在模板里，就是函件中的一处空白。本规则按文件类型列出必须具备的键（见事实格式 [\`schemas/facts.schema.json\`](../../../schemas/facts.schema.json)）：

- \`dunning-letter\`（催款函）：\`stage\`、\`date\`、\`language\`、\`creditor.name\`、\`debtor.name\`、\`amount\`、\`currency\`、\`due_date\`；从 \`second-reminder\` 起还需 \`deadline\`。最后催告函的下一步措施（\`next_step\`）在这里是可选的：正文必须写明（由 \`required-content\` 检查），填写 \`next_step\` 则可让 Dunmark 核对正文说法是否一致。
- \`call-summary\`（通话纪要）：\`date\`、\`call.date\`、\`call.with\`、\`amount\`、\`currency\`。
- \`clause\`（合同条款）：\`clause\`、\`language\`。

缺少 \`kind\` 本身就会报告。缺少顶层键时报告在前置信息结尾的 \`---\` 处；缺少嵌套键（\`debtor.name\`）时报告在其上级键处。不提供自动修复：占位符只会掩盖缺失。函件必须载明哪些事实，见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

**错误**（最后催告函，没有付款期限）

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { frontMatter, report } = context;
    // whether a key is written at all (an ill-typed value is fact-types' finding, not a missing fact)
    const data = frontMatter?.data;
    if (!frontMatter || frontMatter.errors.length > 0 || !data || typeof data !== 'object') return;
    const fence = closingFence(context);
    const kind = valueAt(data, 'kind');
    if (!present(kind)) {
      const { en, zh } = WHAT.kind!;
      report({ ...fence, message: { en: `Unexpected missing \`kind\`, expected ${en}`, zh: `缺少 \`kind\`，应写明${zh}` } });
      return;
    }
    if (typeof kind !== 'string') return;
    const stage = valueAt(data, 'stage');
    for (const path of requiredFacts(kind, typeof stage === 'string' ? stage : undefined)) {
      if (present(valueAt(data, path))) continue;
      const dot = path.lastIndexOf('.');
      const parent = dot === -1 ? undefined : context.key(path.slice(0, dot));
      const span = parent ? parent.key : fence;
      const { en, zh } = WHAT[path] ?? { en: path, zh: path };
      report({
        start: span.start,
        end: span.end,
        message: { en: `Unexpected missing \`${path}\` for a ${kind}, expected ${en}`, zh: `缺少 \`${path}\`，应写明${zh}` },
      });
    }
  },
});
