import { defineRule } from '../../rule.js';
import { matchBlocks } from '../../blocks.js';
import { isAccepted, quote, vocabularyRegex } from './phrases.js';

export default defineRule({
  meta: {
    id: 'vocabulary',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Words your team\'s configuration rejects (`vocabulary.reject`)',
    languages: ['eng', 'cmn'],
    fixable: false,
    docs: `Reports every word or phrase listed in the configuration's \`vocabulary.reject\` that appears in the prose (English on word boundaries, case-insensitive; Chinese by substring). Words and phrases in \`vocabulary.accept\` are never reported, by this rule or by any other tone rule: use it for a product name that looks like a harsh word, or a phrase your legal team has approved.

\`\`\`json
{ "vocabulary": { "reject": ["kindly revert", "dear sir/madam", "催款"], "accept": ["Final Drive Assembly"] } }
\`\`\`

**Why it matters.** Every team has words it has learnt not to send: a phrase a buyer found rude, a term your credit insurer wants avoided, an internal code name. The FDCPA's lists of abusive and misleading wording (the accepted baseline for business letters) cannot know them; your configuration can.

**Wrong** (with \`"reject": ["kindly revert"]\`)

> Kindly revert with the payment date.

> 请尽快回复催款事宜。 (with \`"reject": ["催款"]\`)

**Right**

> Please let us know the date you will pay.

> 请告知付款日期。`,
  },
  check(context) {
    const regex = vocabularyRegex(context.vocabulary.reject);
    if (!regex) return;
    for (const { start, end, text } of matchBlocks(context.blocks, regex)) {
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
