import { valueAt } from '../../facts/facts.js';
import { defineRule } from '../../rule.js';
import { replaceWith } from '../fix-titles.js';

/**
 * Unfilled placeholders, in every template syntax people use: `{{key}}`, `${key}`, `{key}`, `[[key]]`, `%KEY%`,
 * `<<Field>>`, `«Field»`, bracketed capitals (`[NAME]`), a bracketed field name (`[today10]`, `[customer_name]`,
 * `[Customer Name]`, `【开户行名称】`), empty brackets where a value belongs (`［ ］`, `（  ）`), `XXX`, `TBD`, the
 * Chinese `（待填）`/`（待定）`/`【待填】`, and a blank line `____` where a value belongs. Not a placeholder: a Markdown
 * link or reference (`[text](url)`, `[text][ref]`), a footnote `[^1]`, a task box `[x]`, an editor's `[sic]`, a
 * neutral citation `[2026] HKCFI 123`, a `【】` heading before its text, and a blank for a handwritten signature or date.
 */
const FIELD_WORD =
  'name|date|today|amount|total|sum|company|address|email|e-?mail|phone|tel|invoice|deadline|customer|client|debtor|creditor|buyer|seller|contact|title|signature|number|no|currency|city|country|recipient|sender|balance|due|reference|ref|account|bank|iban|swift|period|days|rate|principal|interest|fee|contract|order|product|goods|salutation|position';
const PLACEHOLDER = new RegExp(
  [
    String.raw`\{\{\{?\s*(?:[^{}\s][^{}\n]{0,59}?\s*)?\}?\}\}`,
    String.raw`\$\{[^{}\n]{1,40}\}`,
    String.raw`(?<![{$\\\w])\{[A-Za-z_][\w.-]{0,40}\}(?!\})`,
    String.raw`\[\[[^[\]\n]{1,40}\]\](?![(\[:])`,
    String.raw`(?<![\w%])%[A-Za-z_][A-Za-z0-9_]{1,30}%(?![\w%])`,
    String.raw`(?<![\]\\!])\[[A-Z][A-Z0-9]+(?:[ _\-/][A-Z0-9]+)*\](?![(\[:])`,
    // a field name in brackets: [today10], [customer_name], [invoiceNo], [amount] (not [sic], [x], [a])
    String.raw`(?<![\]\\!\w])\[(?:(?=[a-z]+[0-9_.A-Z])[a-z][A-Za-z0-9]{0,30}(?:[_.][A-Za-z0-9]{1,30}){0,4}|(?:${FIELD_WORD})(?:[ _-](?:${FIELD_WORD})){0,3})\](?![(\[:])`,
    String.raw`(?<![A-Za-z0-9])X{3,}(?![A-Za-z0-9])`,
    String.raw`(?<![A-Za-z0-9])TBD(?![A-Za-z0-9])`,
    String.raw`[（(【\[]\s*(?:待填|待定|待补充|待确认|请填写|此处填写)[^）)】\]\n]{0,20}[）)】\]]`,
    // a form's field left as its label: [Customer Name], <<Payment Link>>, «Date», 【开户行名称】
    String.raw`(?<![\]\\!])\[(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ _\-/](?:[A-Z][a-z]+|[A-Z]{2,}|of|and|or|to))*\](?![(\[:])`,
    String.raw`<<[^<>\n]{1,40}>>|«[^«»\n]{1,40}»`,
    String.raw`【[^】\n]{0,10}(?:名称|姓名|名字|日期|时间|金额|账号|帐号|地址|电话|编号|号码|联系人|开户行|签字|盖章)】`,
    // empty brackets where a value belongs: ［ ］, 【 】, （  ）, and [ ] or ( ) with a space inside
    String.raw`［[\s\u3000]*］|【[\s\u3000]*】|（[\s\u3000]*）|\[[ \u3000]+\]|\([ \u3000]{2,}\)`,
    // a blank line where a value belongs
    String.raw`(?<![A-Za-z0-9])(?:_{4,}|＿{2,})(?![A-Za-z0-9])`,
  ].join('|'),
  'g',
);

// a blank after a label for what a person writes by hand: "Signature: ____", "Date: ____", "签字（盖章）：____"
// (each pattern reads a line's end or start already trimmed, so that none has two quantifiers over the same spaces)
const HANDWRITTEN_LABEL =
  /(?:\b(?:signature|signed|sign(?:\s+here)?|by|name|print(?:ed)?\s+name|full\s+name|title|position|date|dated|witness|place|initials?|company\s+(?:chop|seal|stamp)|for\s+and\s+on\s+behalf\s+of[^:：\n]{0,60}|authori[sz]ed\s+(?:signatory|representative))|签字|签名|签章|签署|盖章|公章|日期|姓名|职务|授权代表|法定代表人|经办人|见证人|[（(][^）)\n]{0,8}[）)])(?:\s?[:：])?$/i;
// a blank on a line of its own, or after a party's label: the lines of a signature block
const LABEL_ONLY =
  /^(?:[>*_|-]*|(?:[A-Z][A-Za-z]+(?:\s(?:of\s|for\s)?[A-Z][A-Za-z]+){0,3}|甲方|乙方|丙方|保证人|担保人|卖方|买方|债权人|债务人|供方|需方)(?:\s?[（(][^）)\n]{0,12}[）)])?\s?[:：])$/;
// "For Harbor Valve Works LLC: ____", "On behalf of 宁波联合实业有限公司：____"
const SIGN_FOR = /^(?:for|on\s+behalf\s+of|for\s+and\s+on\s+behalf\s+of)\s[^:：\n]{1,80}[:：]$/i;
// what may stand beside a signature blank on its line: nothing, "(David Zhang)", the signer's name, another label "Date: ____"
const PARENTHESISED = /^[（(][^）)\n]{0,30}[）)]$/;
const SIGNER_NAME = /^[A-Z][A-Za-z.'’-]*(?:,?\s[A-Z][A-Za-z.'’-]*){0,4}$/;
const ANOTHER_LABEL = /^[^\n:：,，。\s][^\n:：,，。]{0,29}[:：]/;
// "Signed in San Mateo on ____ 2026", "签署于____年", "this ____ day of ____"
const SIGNED_ON = /\b(?:signed|executed|dated|made|sworn)\b[^.\n]{0,60}\b(?:on|this|at)$|(?:签署|签订|签字|盖章)(?:日期)?(?:于|为)?$/i;
const DAY_OF = /\bthis$|\bday\s+of$/i;
// 【付款方式】 at the start of a line, its text after it, is a heading
const ZH_HEADING_AFTER = /^\s*[^\s:：]/;

const MAY_BE_INNOCENT = /^(?:[_＿]+|【|\[[ \u3000]+\]$)/;

function besideBlank(lineAfter: string): boolean {
  // (a Markdown hard line break, `\\` at the end of the line, is no text)
  const t = lineAfter.trim().replace(/\\$/, '').trimEnd();
  return t === '' || PARENTHESISED.test(t) || SIGNER_NAME.test(t) || (/^\s/.test(lineAfter) && ANOTHER_LABEL.test(t));
}

/** True when a match is no placeholder by where it stands (a signature blank, a 【】 heading, a task box). */
function innocent(raw: string, lineBefore: string, lineAfter: string, nearEnd: boolean): boolean {
  if (/^[_＿]+$/.test(raw)) {
    const before = lineBefore.trim();
    if (HANDWRITTEN_LABEL.test(before)) return true;
    // the signature block at the end: "Guarantor: ________", "____________ (Seller)"
    if (SIGNED_ON.test(before) || (DAY_OF.test(before) && /\b(?:signed|executed|dated|witness)/i.test(lineBefore + lineAfter))) return true;
    return nearEnd && (LABEL_ONLY.test(before) || SIGN_FOR.test(before)) && besideBlank(lineAfter);
  }
  if (/^【/.test(raw)) return /^[#>*-]*$/.test(lineBefore.replace(/\s/g, '')) && ZH_HEADING_AFTER.test(lineAfter);
  // "- [ ] item" is a task box
  if (/^\[[ \u3000]+\]$/.test(raw)) return /^(?:[-*+]|\d+[.)])?$/.test(lineBefore.trim());
  return false;
}

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
      en: `A letter that says "Dear [NAME]" or "pay by {{deadline}}" tells the debtor it came from a form nobody read, and a blank where the amount or date should be makes the demand worthless (a Mustache template renders a missing key as nothing at all). This rule finds what a draft left unfilled, in any template syntax: \`{{placeholders}}\`, \`\${name}\`, \`{name}\`, \`[[name]]\`, \`%NAME%\`, \`<<Name>>\`, bracketed capitals such as \`[NAME]\` or \`[DATE]\`, a field name in brackets (\`[today10]\`, \`[customer_name]\`, \`[Customer Name]\`, \`【开户行名称】\`), empty brackets where a value belongs (\`［ ］\`, \`（  ）\`), a blank \`____\`, \`XXX\`, \`TBD\`, and the Chinese \`（待填）\`, \`（待定）\`, \`【待填】\`. Not placeholders: Markdown links and references (\`[text](url)\`, \`[text][ref]\`), footnotes \`[^1]\`, \`[x]\` and \`[ ]\` task boxes, an editor's \`[sic]\`, a neutral citation such as \`[2026] HKCFI 123\`, a \`【】\` heading before its text, and a blank for a handwritten signature or date (\`Signature: ____\`, \`Signed in Houston on ____ 2026\`, the signature block at the end). When a \`{{key}}\` names a front-matter fact that has a value, the value is offered as a suggestion; otherwise write the real text. What a letter must state is in [docs/law.md](../law.md#facts-a-letter-must-carry).

**Wrong**

> Dear [NAME], invoice {{invoices.0.number}} for USD XXX remains unpaid.

**Right**

> Dear Mr. Zhou, invoice HVW-2026-1187 for USD 18,400.00 remains unpaid.

中文示例 —— 错误：

> 尊敬的（待填）：贵司应于【待填】前付清欠款。

正确：

> 尊敬的周鹏先生：贵司应于2026年12月4日前付清欠款。`,
      zh: `称呼写着“尊敬的[NAME]”、期限写着“请于 {{deadline}} 前付款”，债务人一眼就知道这是没人看过的套用格式；金额或日期处留空，催告就毫无意义（Mustache 模板遇到缺少的键会直接输出空白）。本规则查找草稿中未填写的内容，不论哪种模板写法：\`{{占位符}}\`、\`\${name}\`、\`{name}\`、\`[[name]]\`、\`%NAME%\`、\`<<Name>>\`、方括号括起的大写词（\`[NAME]\`、\`[DATE]\`）、方括号中的字段名（\`[today10]\`、\`[customer_name]\`、\`【开户行名称】\`）、应填值处的空括号（\`［ ］\`、\`（  ）\`）、空白横线 \`____\`、\`XXX\`、\`TBD\`，以及中文的 \`（待填）\`、\`（待定）\`、\`【待填】\`。以下不算占位符：Markdown 链接和引用、脚注 \`[^1]\`、\`[x]\` 和 \`[ ]\` 复选框、引文中的 \`[sic]\`、判例引注如 \`[2026] HKCFI 123\`、后接正文的【】小标题，以及供手写签字或日期的空白（\`签字：____\`、函末签署栏）。\`{{key}}\` 对应的前置信息有值时，该值作为修复建议；否则请写上真实内容。函件必须载明的事实见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

**错误**

> 尊敬的（待填）：贵司应于【待填】前付清欠款。

**正确**

> 尊敬的周鹏先生：贵司应于2026年12月4日前付清欠款。`,
    },
  },
  check({ blocks, frontMatter, report }) {
    blocks.forEach((block, index) => {
      const nearEnd = index >= blocks.length - 4;
      PLACEHOLDER.lastIndex = 0;
      for (let m = PLACEHOLDER.exec(block.text); m; m = PLACEHOLDER.exec(block.text)) {
        const raw = m[0];
        if (MAY_BE_INNOCENT.test(raw)) {
          // the line around the match, at most 120 characters each side: what stands beside it on its line
          const from = Math.max(0, m.index - 120);
          const to = Math.min(block.text.length, m.index + raw.length + 120);
          const beforeText = block.text.slice(from, m.index);
          const afterText = block.text.slice(m.index + raw.length, to);
          const lineBefore = beforeText.slice(beforeText.lastIndexOf('\n') + 1);
          const nl = afterText.indexOf('\n');
          const lineAfter = nl === -1 ? afterText : afterText.slice(0, nl);
          if (innocent(raw, lineBefore, lineAfter, nearEnd)) continue;
        }
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
    });
  },
});
