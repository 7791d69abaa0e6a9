import { valueAt } from '../../facts/facts.js';
import { defineRule } from '../../rule.js';
import { replaceWith } from '../fix-titles.js';

/**
 * Unfilled placeholders: `{{key}}`, bracketed capitals (`[NAME]`, not a link or a task box), a form's
 * field label left in brackets (`[Customer Name]`, `<<Payment Link>>`, `【开户行名称】`), `XXX`, `TBD`, and the
 * Chinese `（待填）`/`（待定）`/`【待填】`.
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`\{\{\{?\s*(?:[^{}\s][^{}\n]{0,59}?\s*)?\}?\}\}`,
    String.raw`(?<![\]\\!])\[[A-Z][A-Z0-9]+(?:[ _\-/][A-Z0-9]+)*\](?![(\[:])`,
    String.raw`(?<![A-Za-z0-9])X{3,}(?![A-Za-z0-9])`,
    String.raw`(?<![A-Za-z0-9])TBD(?![A-Za-z0-9])`,
    String.raw`[（(【\[]\s*(?:待填|待定|待补充|待确认|请填写|此处填写)[^）)】\]\n]{0,20}[）)】\]]`,
    // a form's field left as its label: [Customer Name], <<Payment Link>>, «Date», 【开户行名称】
    String.raw`(?<![\]\\!])\[(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ _\-/](?:[A-Z][a-z]+|[A-Z]{2,}|of|and|or|to))*\](?![(\[:])`,
    String.raw`<<[^<>\n]{1,40}>>|«[^«»\n]{1,40}»`,
    String.raw`【[^】\n]{0,10}(?:名称|姓名|名字|日期|时间|金额|账号|帐号|地址|电话|编号|号码|联系人|开户行|签字|盖章)】`,
  ].join('|'),
  'g',
);

const MUSTACHE_KEY = /^\{\{\{?\s*([\w.]+)\s*\}?\}\}$/;

export default defineRule({
  meta: {
    id: 'no-placeholder',
    category: 'template',
    defaultSeverity: 'error',
    description: 'An unfilled placeholder left in the text',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `A letter that says "Dear [NAME]" or "pay by {{deadline}}" tells the debtor it came from a form nobody read, and a blank where the amount or date should be makes the demand worthless (a Mustache template renders a missing key as nothing at all). This rule finds what a draft left unfilled: \`{{placeholders}}\`, bracketed capitals such as \`[NAME]\` or \`[DATE]\` (Markdown links and \`[x]\` task boxes are fine), \`XXX\`, \`TBD\`, and the Chinese \`（待填）\`, \`（待定）\`, \`【待填】\`. When a \`{{key}}\` names a front-matter fact that has a value, the value is offered as a suggestion; otherwise write the real text. What a letter must state is in [docs/law.md](../law.md#facts-a-letter-must-carry).

**Wrong**

> Dear [NAME], invoice {{invoices.0.number}} for USD XXX remains unpaid.

**Right**

> Dear Mr. Zhou, invoice HVW-2026-1187 for USD 18,400.00 remains unpaid.

中文示例 —— 错误：

> 尊敬的（待填）：贵司应于【待填】前付清欠款。

正确：

> 尊敬的周鹏先生：贵司应于2026年12月4日前付清欠款。`,
      zh: `称呼写着“尊敬的[NAME]”、期限写着“请于 {{deadline}} 前付款”，债务人一眼就知道这是没人看过的套用格式；金额或日期处留空，催告就毫无意义（Mustache 模板遇到缺少的键会直接输出空白）。本规则查找草稿中未填写的内容：\`{{占位符}}\`、方括号括起的大写词（\`[NAME]\`、\`[DATE]\`；Markdown 链接和 \`[x]\` 复选框除外）、\`XXX\`、\`TBD\`，以及中文的 \`（待填）\`、\`（待定）\`、\`【待填】\`。\`{{key}}\` 对应的前置信息有值时，该值作为修复建议；否则请写上真实内容。函件必须载明的事实见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

**错误**

> 尊敬的（待填）：贵司应于【待填】前付清欠款。

**正确**

> 尊敬的周鹏先生：贵司应于2026年12月4日前付清欠款。`,
    },
  },
  check({ blocks, frontMatter, report }) {
    for (const block of blocks) {
      PLACEHOLDER.lastIndex = 0;
      for (let m = PLACEHOLDER.exec(block.text); m; m = PLACEHOLDER.exec(block.text)) {
        const raw = m[0];
        const start = block.start + m.index;
        const end = start + raw.length;
        const key = MUSTACHE_KEY.exec(raw)?.[1];
        const value = key ? valueAt(frontMatter?.data, key) : undefined;
        const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
        report({
          start,
          end,
          message: { en: `Unexpected placeholder \`${raw}\`, expected the real text`, zh: `未填写的占位符 \`${raw}\`，应填入实际内容` },
          fixes: text ? [{ title: replaceWith(text), edits: [{ start, end, text }] }] : [],
        });
      }
    }
  },
});
