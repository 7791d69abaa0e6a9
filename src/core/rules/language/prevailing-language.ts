import { languageSpan } from '../../language/where.js';
import { defineRule, type Block } from '../../rule.js';
import { institutionMentions } from '../clause/institutions.js';

// "the English version shall prevail", "the Chinese text will govern", "English shall control"
const EN_PREVAILS =
  /\b(?:English|Chinese)(?:[ -]language)?(?:\s+(?:version|text))?(?:\s+of\s+(?:this|the)\s+\w+)?\s+(?:shall|will|is to|does)\s+(?:prevail|govern|control|take precedence)\b|\b(?:English|Chinese)(?:[ -]language)?\s+(?:version|text)\s+prevails\b/i;
// 以中文文本为准, 以英文版本为准, 中文版本为准, 以中文为准, 中文文本具有优先效力
const ZH_PREVAILS = /以?(?:中文|英文)(?:文本|版本|版)?为准|(?:中文|英文)(?:文本|版本)(?:具有)?优先(?:效力)?/u;

const ADD_CHINESE_PREVAILS =
  'This document is made in English and Chinese. In case of any discrepancy between the two versions, the Chinese version shall prevail. 本文件以中英文书就，两种文本如有不一致，以中文文本为准。';
const ADD_ENGLISH_PREVAILS =
  'This document is made in English and Chinese. In case of any discrepancy between the two versions, the English version shall prevail. 本文件以中英文书就，两种文本如有不一致，以英文文本为准。';

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`markdown
The Buyer shall pay within 60 days of the bill of lading date.

买方应在提单日期后60天内付款。
\`\`\``;
const EXAMPLE_2 = `\`\`\`markdown
The Buyer shall pay within 60 days of the bill of lading date.

买方应在提单日期后60天内付款。

This contract is made in English and Chinese; in case of any discrepancy, the Chinese version shall prevail. 本合同以中英文书就，如有不一致，以中文文本为准。
\`\`\``;

export default defineRule({
  meta: {
    id: 'prevailing-language',
    category: 'language',
    defaultSeverity: 'warning',
    description: 'A bilingual document says which language version prevails',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Reports a bilingual document (\`language: en+zh-CN\`) — letter, call summary, contract or clause — that has no sentence saying which language version prevails, in English ("the English version shall prevail", "the Chinese text shall govern") or in Chinese ("以中文文本为准", "以英文版本为准").

Why it matters: under PRC Civil Code Art. 466, when a contract is made in two languages agreed to be equally authentic, the words of each version are presumed to have the same meaning; without a prevailing-language sentence a translation slip becomes an argument about which text binds (see [docs/law.md](../law.md#language)). For a letter before action the same sentence stops the debtor from relying on a looser translation. A contract or a \`prevailing-language\` clause without it is a warning; a letter, or one clause cut out of a contract (\`clause: arbitration\`, \`guarantor\`, \`jurisdiction\`: the contract says it once for the whole), gets it as drafting advice (info) — unless the clause's two halves name different institutions, when which text prevails decides the clause. The editor offers two sentences to insert, one for each choice; the choice is yours, so neither is applied by \`--fix\`.

**Wrong**

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

**错误**：双语催款函只有中英文两段正文，没有说明以哪种文本为准。

**正确**：在函末写明“两种文本如有不一致，以中文文本为准”（或“以英文文本为准”），英文部分写明 "the Chinese version shall prevail"。`,
      zh: `声明为双语（\`language: en+zh-CN\`）的文件——函件、通话纪要、合同或条款——没有一句话说明以哪种文本为准时，本规则报告。中文可写“以中文文本为准”“以英文版本为准”，英文可写 “the English version shall prevail”“the Chinese text shall govern”。

**为什么重要**：依照《民法典》第四百六十六条，合同文本采用两种以上文字订立并约定具有同等效力的，对各文本使用的词句推定具有相同含义；没有约定以哪种文本为准，一处翻译上的疏漏就会变成“哪个文本有约束力”的争论。起诉（仲裁）前通知函写明这一句，也能防止债务人援引措辞较宽松的译文。合同或 \`prevailing-language\` 条款缺少这一句是警告；函件，或从合同中摘出的单个条款（\`clause: arbitration\`、\`guarantor\`、\`jurisdiction\`：合同对全文统一约定一次）缺少这一句只是起草建议（info）；但条款中英文两部分约定的仲裁机构不同时，以哪种文本为准决定了条款的效果，仍是警告。编辑器提供两种可插入的句子，由您选择，\`--fix\` 不会自动应用。参见 [docs/law.md](../../law.md#language)。

**错误**：双语催款函只有中英文两段正文，没有说明以哪种文本为准。

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { facts, text, body, report } = context;
    if (facts.language !== 'en+zh-CN') return;
    const prose = text.slice(body.start, body.end);
    if (EN_PREVAILS.test(prose) || ZH_PREVAILS.test(prose)) return;
    const span = languageSpan(context);
    // a contract needs the sentence (Civil Code Art. 466); in a letter, or in one clause cut out of a contract
    // (an arbitration or guarantee clause whose contract states it once for the whole), it is drafting advice
    // — unless its two halves say different things, when which text prevails decides the clause
    const excerpt = facts.clause !== undefined && facts.clause !== 'prevailing-language' && !halvesDisagree(context.blocks);
    const advice = facts.kind !== 'clause' || excerpt;
    const end = body.end;
    const tail = text.endsWith('\n') ? '' : '\n';
    const insert = (sentence: string): string => `${tail}\n${sentence}\n`;
    report({
      start: span.start,
      end: span.end,
      ...(advice ? { severity: 'info' as const } : {}),
      message: {
        en: 'Unexpected bilingual document with no prevailing language, expected a sentence such as `the Chinese version shall prevail` or `以中文文本为准`',
        zh: '双语文件未写明以哪种文本为准，应加入如 `以中文文本为准` 或 `the Chinese version shall prevail` 的句子',
      },
      fixes: [
        {
          title: { en: 'Add a sentence: the Chinese version prevails', zh: '添加一句：以中文文本为准' },
          edits: [{ start: end, end, text: insert(ADD_CHINESE_PREVAILS) }],
        },
        {
          title: { en: 'Add a sentence: the English version prevails', zh: '添加一句：以英文文本为准' },
          edits: [{ start: end, end, text: insert(ADD_ENGLISH_PREVAILS) }],
        },
      ],
    });
  },
});

/** True when the Chinese and the English blocks name different arbitration institutions. */
function halvesDisagree(blocks: readonly Block[]): boolean {
  const named = { en: new Set<string>(), zh: new Set<string>() };
  for (const block of blocks) {
    const half = block.language === 'zh' ? named.zh : block.language === 'en' ? named.en : undefined;
    if (!half) continue;
    for (const m of institutionMentions(block.text)) half.add(m.institution.id);
  }
  if (named.en.size === 0 || named.zh.size === 0) return false;
  return [...named.en].some((id) => !named.zh.has(id)) || [...named.zh].some((id) => !named.en.has(id));
}
