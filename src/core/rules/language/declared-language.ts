import { labelMeasure, measureLanguage } from '../../language/detect.js';
import { isChineseLocale } from '../../language/where.js';
import { defineRule } from '../../rule.js';

const MAX_SHOWN = 24;
// A sentence, up to and including its final punctuation
const SENTENCE = /[^.!?。！？\n]+[.!?。！？]*/gu;
// Fewer word units than this in a sentence of a mixed paragraph is a greeting or a quoted term
const MIN_SENTENCE = 4;

/** The start of a block for a message, on one line. */
function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_SHOWN ? `${line.slice(0, MAX_SHOWN - 1)}…` : line;
}

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`markdown
尊敬的周先生：

贵公司尚欠发票 HVW-2026-1187 项下货款 18,400.00 美元。

Please arrange payment at your earliest convenience.
\`\`\``;
const EXAMPLE_2 = `\`\`\`markdown
尊敬的周先生：

贵公司尚欠发票 HVW-2026-1187 项下货款 18,400.00 美元，请尽快安排付款。
\`\`\``;

export default defineRule({
  meta: {
    id: 'declared-language',
    category: 'language',
    defaultSeverity: 'warning',
    description: 'Every paragraph is in the language the front matter declares',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Checks, paragraph by paragraph, that the document is written in the language its front matter declares: a Chinese paragraph in a \`language: en\` letter, or an English paragraph in a \`language: zh-CN\` (\`zh-TW\`, \`zh-HK\`) letter, is reported. Inside a paragraph written in both languages, a sentence of more than a few words in the other language is reported on its own; a short bilingual greeting ("Dear Mr. Zhou / 尊敬的周先生：") is tolerated. Headings, signature lines and addresses that hold only names, numbers, amounts or e-mail addresses are not prose and are left alone, and so is a Chinese company name quoted inside an English sentence.

Why it matters: the declared language decides which rules, templates and messages apply, and whether the letter is the one the debtor can read. A letter that is half in another language without saying so is usually a paste from an earlier draft; in a dispute a PRC court works in Chinese and needs English evidence translated (Civil Procedure Law Art. 73; see [docs/law.md](../law.md#language)). Write the whole letter in one language, or declare it bilingual (\`language: en+zh-CN\`) so that the bilingual rules check that both halves say the same.

The detector works by script, not by n-gram guessing: \`franc\` reads some short English as Scots, while a Han-character count is right on a line as short as "此致".

**Wrong** (\`language: en\`)

\`\`\`markdown
Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 18,400.00 was due on 15 October 2026.

请尽快安排付款。
\`\`\`

**Right**

\`\`\`markdown
Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 18,400.00 was due on 15 October 2026. Please arrange payment.
\`\`\`

**错误**（\`language: zh-CN\`）

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
      zh: `本规则逐段检查文件是否用前置信息声明的语言写成：\`language: en\` 的函件中出现中文段落，或 \`language: zh-CN\`（\`zh-TW\`、\`zh-HK\`）的函件中出现英文段落，都会报告。一个段落中英混写时，其中超过几个词的另一种语言的句子单独报告；简短的双语称呼（“Dear Mr. Zhou / 尊敬的周先生：”）不报告。只有名称、数字、金额或电子邮箱的标题、落款和地址不算正文，不作检查；英文句子中引用的中文公司名称也不报告。

**为什么重要**：声明的语言决定适用哪些规则、模板和提示语言，也决定债务人能否读懂这封函件。一封信一半是另一种语言又没有说明，通常是从旧稿粘贴而来；发生争议时，中国法院以中文审理，英文证据需要翻译（《民事诉讼法》第七十三条）。请整封信用同一种语言写成，或者声明为双语（\`language: en+zh-CN\`），由双语规则检查两部分内容是否一致。参见 [docs/law.md](../../law.md#language)。

检测按文字（汉字）判断，而不是按 n-gram 猜测：这样即使短到“此致”一行也能判断正确。

**错误**（\`language: zh-CN\`）

${EXAMPLE_1}

**正确**

${EXAMPLE_2}`,
    },
  },
  check({ facts, blocks, key, report }) {
    const declared = facts.language;
    if (declared !== 'en' && !isChineseLocale(declared)) return;
    const foreign = declared === 'en' ? 'zh' : 'en';
    const location = key('language')?.value;
    const fixes =
      location && (declared === 'en' || declared === 'zh-CN')
        ? [
            {
              title: { en: 'Declare the letter bilingual (`language: en+zh-CN`)', zh: '将函件声明为中英双语（`language: en+zh-CN`）' },
              edits: [{ start: location.start, end: location.end, text: 'en+zh-CN' }],
            },
          ]
        : [];
    const reportSpan = (start: number, end: number, what: 'paragraph' | 'sentence', shownText: string): void => {
      const shown = excerpt(shownText);
      const zhWhat = what === 'paragraph' ? '段落' : '句子';
      report({
        start,
        end,
        fixes,
        message:
          foreign === 'zh'
            ? {
                en: `Unexpected Chinese ${what} \`${shown}\` in a document declared \`en\`, expected English or \`language: en+zh-CN\``,
                zh: `声明为 \`en\` 的文件中出现中文${zhWhat} \`${shown}\`，应改为英文，或声明 \`language: en+zh-CN\``,
              }
            : {
                en: `Unexpected English ${what} \`${shown}\` in a document declared \`${declared}\`, expected Chinese or \`language: en+zh-CN\``,
                zh: `声明为 \`${declared}\` 的文件中出现英文${zhWhat} \`${shown}\`，应改为中文，或声明 \`language: en+zh-CN\``,
              },
      });
    };
    for (const block of blocks) {
      if (block.language === foreign) {
        reportSpan(block.start, block.end, 'paragraph', block.text);
        continue;
      }
      if (block.language !== 'mixed') continue;
      // a paragraph in both languages: report its sentences in the other language, if long enough to be prose
      for (const match of block.text.matchAll(SENTENCE)) {
        const sentence = match[0];
        const measure = measureLanguage(sentence);
        if (labelMeasure(measure) !== foreign || measure[foreign] < MIN_SENTENCE) continue;
        const lead = sentence.length - sentence.trimStart().length;
        const start = block.start + (match.index ?? 0) + lead;
        const trimmed = sentence.trim();
        reportSpan(start, start + trimmed.length, 'sentence', trimmed);
      }
    }
  },
});
