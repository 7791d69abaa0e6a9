import { isChineseLocale, languageSpan } from '../../language/where.js';
import { isSalutation } from '../../blocks.js';
import { defineRule, type RuleContext } from '../../rule.js';

const LATE_STAGES = new Set(['final-demand', 'letter-before-action']);

/** True when the salutation greets the guarantor, not the debtor: a demand on a US guarantor is written for the guarantor. */
function addressedToGuarantor(context: RuleContext): boolean {
  const guarantor = context.facts.guarantor?.name;
  if (!guarantor) return false;
  const salutation = context.blocks.find(isSalutation);
  if (!salutation) return false;
  const contact = `${context.facts.debtor?.contact ?? ''} ${context.facts.debtor?.name ?? ''}`;
  return guarantor
    .split(/\s+/)
    .some(
      (word) =>
        word.length >= 2 &&
        /^\p{Lu}/u.test(word) &&
        !contact.includes(word) &&
        new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(salutation.text),
    );
}

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`yaml
stage: final-demand
language: en
debtor:
  name: 宁波联合实业有限公司
  locale: zh-CN
\`\`\``;
const EXAMPLE_2 = `\`\`\`yaml
stage: final-demand
language: en+zh-CN
debtor:
  name: 宁波联合实业有限公司
  locale: zh-CN
\`\`\``;

export default defineRule({
  meta: {
    id: 'debtor-locale',
    category: 'language',
    defaultSeverity: 'warning',
    description: 'A final demand or letter before action to a Chinese-reading debtor is not in English only',
    languages: ['eng', 'cmn'],
    fixable: false,
    docs: {
      en: `Reports a \`final-demand\` or \`letter-before-action\` written in English only (\`language: en\`) when the front matter says the debtor reads Chinese best (\`debtor.locale: zh-CN\`, \`zh-TW\` or \`zh-HK\`).

Why it matters: early reminders may be in English when the buyer's staff work in English, but the late letters are the ones that carry a deadline and a legal next step, and the ones that may become evidence. A PRC court or arbitral tribunal works in Chinese, and a debtor that reads Chinese may later say it never understood an English-only demand. Send these letters in Chinese, or bilingual with a sentence saying which version prevails (PRC Civil Procedure Law Art. 73 on translations of evidence, Civil Code Art. 466 on bilingual texts; see [docs/law.md](../law.md#language)).

**Wrong**

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

中文说明：债务人惯用中文（\`debtor.locale: zh-CN\`）时，最后催告函（\`final-demand\`）或起诉/仲裁前函（\`letter-before-action\`）不应只有英文。

**错误**：\`stage: letter-before-action\`、\`language: en\`、\`debtor.locale: zh-CN\`。

**正确**：\`stage: letter-before-action\`、\`language: zh-CN\`（或 \`en+zh-CN\`，并写明“以中文版本为准”）。`,
      zh: `前置信息写明债务人惯用中文（\`debtor.locale: zh-CN\`、\`zh-TW\` 或 \`zh-HK\`），而最后催告函（\`final-demand\`）或起诉（仲裁）前通知函（\`letter-before-action\`）只有英文（\`language: en\`）时，本规则报告。

**为什么重要**：买方的业务人员使用英文时，早期提醒可以用英文；但后期函件带有付款期限和法律上的下一步措施，日后可能成为证据。中国的法院和仲裁庭以中文审理，外文书证须附中文译本（《民事诉讼法》第七十三条）；惯用中文的债务人日后也可能声称看不懂只有英文的催告。这类函件请用中文，或中英双语并写明以哪种文本为准（《民法典》第四百六十六条）。参见 [docs/law.md](../../law.md#language)。

**错误**

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { facts, report } = context;
    const locale = facts.debtor?.locale;
    if (facts.language !== 'en' || !isChineseLocale(locale) || !facts.stage || !LATE_STAGES.has(facts.stage)) return;
    if (addressedToGuarantor(context)) return;
    const span = languageSpan(context);
    report({
      start: span.start,
      end: span.end,
      message: {
        en: `Unexpected English-only \`${facts.stage}\` to a debtor who reads \`${locale}\`, expected a bilingual letter (\`language: en+zh-CN\`): the debtor may later say it did not understand the demand`,
        zh: `债务人惯用 \`${locale}\`，\`${facts.stage}\` 不应只用英文，建议中英双语（\`language: en+zh-CN\`）：否则债务人日后可能称未能理解该函`,
      },
    });
  },
});
