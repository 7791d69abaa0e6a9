import { readAmounts, SIGN_CURRENCIES, type AmountMention } from '../../facts/amounts.js';
import { blockAt } from '../../blocks.js';
import { formatFigures } from '../../facts/format.js';
import { defineRule, type Block } from '../../rule.js';
import { replaceWith } from '../fix-titles.js';
import { amountProblems, type AmountProblem } from './amount-matches-facts.js';

/** The figure the amount finding's first fix puts in place of a wrong one; undefined when it offers none. */
function rightValue(problem: AmountProblem): number | undefined {
  const replacement = problem.fixes[0]?.edits[0]?.text;
  const read = replacement ? readAmounts(replacement) : [];
  return read.length === 1 ? read[0]!.value : undefined;
}

const YUAN_BEFORE = /(?:人民币|人民幣|RMB|CNY)\s{0,2}$/i;
const YUAN_AFTER = /^\s{0,2}(?:元|圆|[(（]\s{0,2}(?:人民币|人民幣|RMB|CNY)|(?:人民币|RMB|CNY)\b)/i;
const YUAN_CELL = /人民币|人民幣|\bRMB\b|\bCNY\b/i;

/** True when the text beside a `¥` amount names the yuan: just before or after it, or in its table's row or column. */
function yuanBeside(blocks: readonly Block[], mention: AmountMention): boolean {
  const block = blockAt(blocks, mention.start);
  if (!block) return false;
  const local = mention.start - block.start;
  if (YUAN_BEFORE.test(block.text.slice(Math.max(0, local - 12), local))) return true;
  if (YUAN_AFTER.test(block.text.slice(local + mention.raw.length, local + mention.raw.length + 16))) return true;
  const cell = block.cell;
  if (!cell) return false;
  return blocks.some(
    (b) =>
      b.cell?.table === cell.table &&
      ((b.cell.row === cell.row && b !== block) || (b.cell.row === 0 && b.cell.column === cell.column)) &&
      YUAN_CELL.test(b.text),
  );
}

export default defineRule({
  meta: {
    id: 'currency-symbol',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'An amount written with a lone `$` or `¥` instead of an ISO currency code',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `\`$\` is the sign of the US, Hong Kong, Singapore and many other dollars; \`¥\` and \`￥\` stand for both the Chinese yuan and the Japanese yen. In a letter that may end up before an arbitral tribunal, the currency must be beyond doubt: write the ISO 4217 code (\`USD\`, \`CNY\`): \`RMB\` is common but is not an ISO code, and \`¥\` alone could be read as yen (see [docs/law.md](../law.md#facts-a-letter-must-carry)). When the front-matter \`currency\` is one the sign can stand for, the fix writes the code (\`¥120,000\` → \`CNY 120,000.00\`); otherwise there is no fix.

**Wrong**

> The outstanding balance is $18,400.

**Right**

> The outstanding balance is USD 18,400.00.

中文示例 —— 错误：

> 贵司尚欠货款￥120,000。

正确：

> 贵司尚欠货款 CNY 120,000.00。`,
      zh: `\`$\` 是美元、港元、新加坡元等多种“元”的符号；\`¥\` 和 \`￥\` 既可以指人民币，也可以指日元。函件日后可能提交仲裁庭，币种必须毫无疑问：请写 ISO 4217 币种代码（\`USD\`、\`CNY\`）或中文币种名称（美元、人民币）。\`RMB\` 虽然常见，但不是 ISO 代码；单独一个 \`¥\` 可能被理解为日元。参见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

前置信息中的 \`currency\` 正是该符号可能代表的币种时，修复会改写为代码（\`¥120,000\` → \`CNY 120,000.00\`）；否则不提供修复。

**错误**

> 贵司尚欠货款￥120,000。

**正确**

> 贵司尚欠货款 CNY 120,000.00。`,
    },
  },
  check(context) {
    const { facts, amounts, report } = context;
    // a figure another finding says is wrong: the code goes with the right figure, and never by itself (Fix All would cement the wrong one)
    const wrong = new Map(amountProblems(context).map((p) => [p.mention, p]));
    for (const mention of amounts) {
      if (!mention.ambiguous || !mention.symbol) continue;
      // `¥` beside 人民币 (人民币¥86,000.00, ¥86,000.00（人民币捌万陆仟元整）, a 人民币 row or column) says which yen it is
      if (mention.symbol === '¥' && yuanBeside(context.blocks, mention)) continue;
      const options = SIGN_CURRENCIES[mention.symbol] ?? [];
      const currency = facts.currency && options.includes(facts.currency) ? facts.currency : undefined;
      const problem = wrong.get(mention);
      const right = problem ? rightValue(problem) : mention.value;
      const text = currency && right !== undefined ? `${currency} ${formatFigures(right, currency === 'JPY' ? 0 : 2)}` : undefined;
      report({
        start: mention.start,
        end: mention.end,
        // `$` where the case is in US dollars is drafting advice; `¥` or a `$` the facts do not settle is a real ambiguity
        ...(currency === 'USD' && mention.symbol === '$' ? { severity: 'info' as const } : {}),
        message: text
          ? problem
            ? {
                en: `Unexpected \`${mention.raw}\`, expected the ISO currency code with the amount of the case: \`${text}\``,
                zh: `金额 \`${mention.raw}\` 的币种符号有歧义，且金额与案件事实不符，应为 \`${text}\``,
              }
            : {
                en: `Unexpected \`${mention.raw}\`, expected the ISO currency code: \`${text}\``,
                zh: `金额 \`${mention.raw}\` 的币种符号有歧义，应写明币种代码：\`${text}\``,
              }
          : {
              en: `Unexpected \`${mention.raw}\`, expected an ISO currency code (${options.slice(0, 3).join(', ')}, ...)`,
              zh: `金额 \`${mention.raw}\` 的币种符号有歧义，应写明币种代码（${options.slice(0, 3).join('、')} 等）`,
            },
        fixes: text ? [{ title: replaceWith(text), edits: [{ start: mention.start, end: mention.end, text }], isPreferred: !problem }] : [],
      });
    }
  },
});
