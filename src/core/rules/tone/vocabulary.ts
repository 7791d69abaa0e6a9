import { defineRule } from '../../rule.js';
import { isAccepted, quote, vocabularyMatches } from './phrases.js';

export default defineRule({
  meta: {
    id: 'vocabulary',
    category: 'tone',
    defaultSeverity: 'warning',
    description: "Words your team's configuration rejects (`vocabulary.reject`)",
    languages: ['eng', 'cmn'],
    fixable: false,
    docs: {
      en: `Reports every word or phrase listed in the configuration's \`vocabulary.reject\` that appears in the prose (English on word boundaries, case-insensitive; Chinese by substring). Words and phrases in \`vocabulary.accept\` are never reported, by this rule or by any other tone rule: use it for a product name that looks like a harsh word, or a phrase your legal team has approved.

\`\`\`json
{ "vocabulary": { "reject": ["kindly revert", "dear sir/madam", "催款"], "accept": ["Final Drive Assembly"] } }
\`\`\`

**Why it matters.** Every team has words it has learnt not to send: a phrase a buyer found rude, a term your credit insurer wants avoided, an internal code name. The FDCPA's lists of abusive and misleading wording (15 U.S.C. §§1692d–e, the accepted baseline for business letters; see [docs/law.md](../law.md#fair-collection-what-a-letter-may-say)) cannot know them; your configuration can.

**Wrong** (with \`"reject": ["kindly revert"]\`)

> Kindly revert with the payment date.

> 请尽快回复催款事宜。 (with \`"reject": ["催款"]\`)

**Right**

> Please let us know the date you will pay.

> 请告知付款日期。`,
      zh: `配置中 \`vocabulary.reject\` 列出的词语出现在正文中时，本规则逐一报告（英文按整词、不区分大小写匹配；中文按子串匹配）。\`vocabulary.accept\` 中的词语不会被本规则或任何语气类规则报告：可用于看起来像严厉用语的产品名称，或法务已审定的措辞。

\`\`\`json
{ "vocabulary": { "reject": ["kindly revert", "催款"], "accept": ["Final Drive Assembly"] } }
\`\`\`

**为什么重要**：每个团队都有一些不能再用的说法：某个买方觉得失礼的措辞、信用保险人要求回避的用语、内部代号。美国《公平债务催收法》（15 U.S.C. §1692d–e）列出的滥用和误导性措辞（商业催款公认的底线）不可能涵盖这些，而您的配置可以。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**（配置 \`"reject": ["催款"]\`）

> 请尽快回复催款事宜。

**正确**

> 请告知付款日期。`,
    },
  },
  check(context) {
    for (const { start, end, text } of vocabularyMatches(context.blocks, context.vocabulary.reject)) {
      if (isAccepted(context, start, end)) continue;
      const q = quote(text);
      context.report({
        start,
        end,
        message: {
          en: `Unexpected ${q}, expected wording your team's vocabulary allows (\`vocabulary.reject\`)`,
          zh: `不应出现 ${q}（团队词表 \`vocabulary.reject\` 禁用），应换用词表允许的说法`,
        },
      });
    }
  },
});
