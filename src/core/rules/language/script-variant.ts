import data from '../data/language-variants.json';
import { defineRule } from '../../rule.js';

const TO_SIMPLIFIED = new Map<string, string>(Object.entries(data.traditionalOnly));
const TO_TRADITIONAL = new Map<string, readonly string[]>(Object.entries(data.simplifiedOnly));
const TRADITIONAL_WORDS = new Map<string, string>(Object.entries(data.words));
// for each ambiguous Simplified character: the listed words it appears in, and where
const WORDS_BY_CHAR = new Map<string, { word: string; at: number; traditional: string }[]>();
for (const [word, traditional] of TRADITIONAL_WORDS) {
  for (let at = 0; at < word.length; at++) {
    const ch = word.charAt(at);
    if ((TO_TRADITIONAL.get(ch)?.length ?? 0) < 2) continue;
    const list = WORDS_BY_CHAR.get(ch) ?? [];
    list.push({ word, at, traditional });
    WORDS_BY_CHAR.set(ch, list);
  }
}
const HAN_RUN = /\p{Script=Han}+/gu;

type Target = 'Simplified' | 'Traditional';

/** One character in the target script, or undefined when it has several forms and no listed word says which. */
function convertChar(run: string, i: number, target: Target): string | undefined {
  const ch = run.charAt(i);
  if (target === 'Simplified') return TO_SIMPLIFIED.get(ch) ?? ch;
  const forms = TO_TRADITIONAL.get(ch);
  if (!forms) return ch;
  if (forms.length === 1) return forms[0];
  // a listed word around this character decides among the forms (发票 → 發票; 头发 is not listed)
  const word = WORDS_BY_CHAR.get(ch)?.find((w) => i >= w.at && run.startsWith(w.word, i - w.at));
  return word?.traditional.charAt(word.at);
}

/** `run.slice(from, to)` in the target script, or undefined when a character cannot be converted with certainty. */
function convert(run: string, from: number, to: number, target: Target): string | undefined {
  let out = '';
  for (let i = from; i < to; i++) {
    const ch = convertChar(run, i, target);
    if (ch === undefined) return undefined;
    out += ch;
  }
  return out;
}

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`markdown
請於2026年12月4日前支付上述款項。
\`\`\``;
const EXAMPLE_2 = `\`\`\`markdown
请于2026年12月4日前支付上述款项。
\`\`\``;

export default defineRule({
  meta: {
    id: 'script-variant',
    category: 'language',
    defaultSeverity: 'warning',
    description: 'Chinese text uses the script its declared language calls for',
    languages: ['cmn'],
    fixable: true,
    docs: {
      en: `Reports Traditional characters in a \`zh-CN\` (or \`en+zh-CN\`) document and Simplified characters in a \`zh-TW\` or \`zh-HK\` one, from a table of common characters that belong to one script only (\`src/core/rules/data/language-variants.json\`: 這/这, 們/们, 無/无, 項/项, 發/发, 請/请, 於/于 ...). Characters written the same way in both scripts, or used in both (于, 后, 余, 准 ...), are never reported in the script where they are ordinary. When every character has exactly one form in the other script the conversion is offered as the fix; when one has several (发 is 發 or 髮) the fix is offered only if a listed word (发票 → 發票) settles it.

Why it matters: mainland debtors read Simplified Chinese, Hong Kong and Taiwan debtors Traditional (Simplified forms as the 2013 《通用规范汉字表》 defines them; see [docs/law.md](../law.md#language)). A mainland letter with Traditional characters looks like it was pasted from another document, and in a registered company name (only the Chinese name has legal standing) a wrong-script character can be argued to name another party.

**Wrong** (\`language: zh-CN\`)

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

**错误**（\`language: zh-TW\`）：\`请于2026年12月4日前支付上述款项。\`

**正确**：\`請於2026年12月4日前支付上述款項。\`

English note: the rule only looks at Han characters, so English text in a bilingual letter is never affected.`,
      zh: `\`zh-CN\`（或 \`en+zh-CN\`）文件中出现繁体字，或 \`zh-TW\`、\`zh-HK\` 文件中出现简体字时，本规则报告。判断依据是一张只属于一种字形的常用字对照表（\`src/core/rules/data/language-variants.json\`：這/这、們/们、無/无、項/项、發/发、請/请、於/于……）。两种字形写法相同、或两边都通用的字（于、后、余、准……）不会在其通用的字形中报告。每个字在另一字形中只有一种写法时，提供转换修复；某个字有多种对应（“发”对应“發”或“髮”）时，只有表中的词（发票 → 發票）能确定写法才提供修复。

**为什么重要**：内地债务人读简体字（以2013年《通用规范汉字表》为准），香港和台湾的债务人读繁体字。内地函件中夹着繁体字，看起来像是从别的文件粘贴过来的；在注册名称中（只有中文名称具有法律效力），字形写错还可能被主张指向了另一家企业。参见 [docs/law.md](../../law.md#language)。

**错误**（\`language: zh-CN\`）

${EXAMPLE_1}

**正确**

${EXAMPLE_2}

反之，\`language: zh-TW\` 的函件应写“請於2026年12月4日前支付上述款項。”。本规则只检查汉字，双语函件中的英文不受影响。`,
    },
  },
  check({ facts, blocks, report }) {
    const declared = facts.language;
    const target: Target | undefined =
      declared === 'zh-CN' || declared === 'en+zh-CN' ? 'Simplified' : declared === 'zh-TW' || declared === 'zh-HK' ? 'Traditional' : undefined;
    if (!target) return;
    const wrong = target === 'Simplified' ? TO_SIMPLIFIED : TO_TRADITIONAL;
    const other = target === 'Simplified' ? 'Traditional' : 'Simplified';
    for (const block of blocks) {
      for (const match of block.text.matchAll(HAN_RUN)) {
        const run = match[0];
        let first = -1;
        let last = -1;
        for (let i = 0; i < run.length; i++) {
          if (wrong.has(run.charAt(i))) {
            if (first === -1) first = i;
            last = i;
          }
        }
        if (first === -1) continue;
        const at = block.start + (match.index ?? 0);
        const shown = run.slice(first, last + 1);
        const replacement = convert(run, first, last + 1, target);
        const expected = replacement !== undefined ? `${target} \`${replacement}\`` : `${target} characters`;
        report({
          start: at + first,
          end: at + last + 1,
          message: {
            en: `Unexpected ${other} \`${shown}\` in a document declared \`${declared}\`, expected ${expected}`,
            zh: `声明为 \`${declared}\` 的文件中出现${other === 'Traditional' ? '繁体' : '简体'}字 \`${shown}\`，应使用${target === 'Simplified' ? '简体' : '繁体'}${replacement !== undefined ? ` \`${replacement}\`` : '字'}`,
          },
          fixes:
            replacement !== undefined
              ? [
                  {
                    title: { en: `Convert to ${target} \`${replacement}\``, zh: `转换为${target === 'Simplified' ? '简体' : '繁体'} \`${replacement}\`` },
                    edits: [{ start: at + first, end: at + last + 1, text: replacement }],
                    isPreferred: true,
                  },
                ]
              : [],
        });
      }
    }
  },
});
