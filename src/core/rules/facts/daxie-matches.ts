import { daxieBody, toMinor, type AmountMention } from '../../facts/amounts.js';
import { plausibleAmountSlip } from '../../facts/slip.js';
import { parseDaxie, toDaxie } from '../../facts/daxie.js';
import { formatFigures } from '../../facts/format.js';
import { firstStartingAt } from '../../blocks.js';
import { defineRule, type ReportFix } from '../../rule.js';
import { blockAt, caseAmounts, sentenceEnd, sentenceStart } from './support.js';
import { replaceWith, writeAs } from '../fix-titles.js';

const ORDINARY = /[〇一二两三四五六七八九十百千]/u;

/** The figures written beside a 大写 amount: in the same sentence or its parentheses, the nearest one. */
const figuresCache = new WeakMap<readonly AmountMention[], AmountMention[]>();

/** Search steps in each direction past figures of another currency (bounds the work per 大写 amount). */
const MAX_STEPS = 64;

/**
 * The figures written beside a 大写 amount: in the same sentence or its parentheses, the nearest one.
 * The nearest fit on each side of the mention, not a scan of the whole sentence per mention (quadratic
 * on a sentence of thousands of 大写 amounts).
 */
function figuresBeside(mention: AmountMention, amounts: readonly AmountMention[], from: number, to: number): AmountMention | undefined {
  let figures = figuresCache.get(amounts);
  if (!figures) figuresCache.set(amounts, (figures = amounts.filter((a) => a.form === 'figures')));
  const fits = (a: AmountMention): boolean => a.start >= from && a.end <= to && !(mention.currency && a.currency && a.currency !== mention.currency);
  const at = firstStartingAt(figures, mention.start);
  let before: AmountMention | undefined;
  for (let k = at - 1, steps = 0; k >= 0 && figures[k]!.start >= from && steps < MAX_STEPS; k--, steps++) {
    if (figures[k]!.end <= mention.start && fits(figures[k]!)) {
      before = figures[k];
      break;
    }
  }
  let after: AmountMention | undefined;
  for (let k = at, steps = 0; k < figures.length && figures[k]!.start < to && steps < MAX_STEPS; k++, steps++) {
    if (figures[k]!.start >= mention.end && fits(figures[k]!)) {
      after = figures[k];
      break;
    }
  }
  if (!before) return after;
  if (!after) return before;
  return after.start - mention.end < mention.start - before.end ? after : before;
}

export default defineRule({
  meta: {
    id: 'daxie-matches',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'A 大写 amount equals the figures beside it and the case facts, in financial numerals only',
    languages: ['cmn'],
    fixable: true,
    docs: {
      en: `Chinese contracts, invoices and letters state amounts twice: in figures and in financial upper-case numerals (大写: 零壹贰叁肆伍陆柒捌玖拾佰仟万亿, 元角分, 整 after 元 when there is no 角 or 分). The 大写 form exists so that nobody can alter the amount; when the two disagree the letter states two different claims. Ordinary numerals (一二三, 十百千) inside a 大写 amount defeat its purpose and are wrong (Ministry of Finance, 《会计基础工作规范》 Art. 52; see [docs/law.md](../law.md#facts-a-letter-must-carry)). The rule compares each 大写 amount with the figures beside it (same sentence or its parentheses) or, with none, with the amounts of the case facts. The fix writes the right 大写.

**Wrong**

> 贵司尚欠货款 18,400.00 美元（大写：美元壹万捌仟元整）。
>
> 贵司尚欠货款 18,400.00 美元（大写：美元壹万捌仟四佰元整）。

**Right**

> 贵司尚欠货款 18,400.00 美元（大写：美元壹万捌仟肆佰元整）。

In English letters 大写 is rare, but the same check applies to a bilingual letter: *USD 18,400.00 (美元壹万捌仟肆佰元整)*, not *USD 18,400.00 (美元壹万捌仟元整)*.`,
      zh: `中文合同、发票和函件中的金额要写两遍：小写数字和大写金额（零壹贰叁肆伍陆柒捌玖拾佰仟万亿，元角分，到元为止、没有角分的写“整”）。大写的意义在于防止涂改；两者不一致，函件就等于主张了两个不同的数额。大写金额中夹用一二三、十百千等普通数字，同样失去防篡改的作用，也是错误的（财政部《会计基础工作规范》第五十二条）。参见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

本规则把每个大写金额与旁边的小写金额（同一句或括号内）比较；旁边没有小写金额时，与案件事实中的金额比较。修复会写出正确的大写。

**错误**

> 贵司尚欠货款 18,400.00 美元（大写：美元壹万捌仟元整）。
>
> 贵司尚欠货款 18,400.00 美元（大写：美元壹万捌仟四佰元整）。

**正确**

> 贵司尚欠货款 18,400.00 美元（大写：美元壹万捌仟肆佰元整）。`,
    },
  },
  check({ facts, amounts, blocks, report }) {
    const known = caseAmounts(facts);
    const knownMinor = new Set(known.map((k) => k.minor));
    for (const mention of amounts) {
      if (mention.form !== 'daxie') continue;
      const body = daxieBody(mention.raw);
      const prefix = mention.raw.slice(0, mention.raw.length - body.length);
      const strict = parseDaxie(body);
      const block = blockAt(blocks, mention.start);
      let beside: AmountMention | undefined;
      if (block) {
        const i = mention.start - block.start;
        beside = figuresBeside(mention, amounts, block.start + sentenceStart(block.text, i), block.start + sentenceEnd(block.text, mention.end - block.start));
      }
      const sameCurrency = !mention.currency || !facts.currency || mention.currency === facts.currency;
      let target: number | undefined;
      if (beside) target = beside.minor;
      else if (sameCurrency && knownMinor.size === 1) target = [...knownMinor][0];
      // the fix rewrites a figure, so it is the one right fix only when the case facts name that amount and the 大写
      // written is a slip of it (or says it in ordinary numerals)
      const fix = (minor: number): ReportFix[] => {
        const text = `${prefix}${toDaxie(minor / 100)}`;
        return [
          {
            title: replaceWith(text),
            edits: [{ start: mention.start, end: mention.end, text }],
            ...(knownMinor.has(minor) && (mention.minor === minor || plausibleAmountSlip(mention.minor, minor)) ? { isPreferred: true } : {}),
          },
        ];
      };
      if (strict === undefined) {
        const right = target ?? mention.minor;
        const ordinary = ORDINARY.test(body);
        report({
          start: mention.start,
          end: mention.end,
          message: ordinary
            ? {
                en: `Unexpected ordinary numerals in \`${mention.raw}\`, expected 大写 \`${prefix}${toDaxie(right / 100)}\``,
                zh: `大写金额 \`${mention.raw}\` 中混用了小写数字，应为 \`${prefix}${toDaxie(right / 100)}\``,
              }
            : {
                en: `Unexpected malformed 大写 amount \`${mention.raw}\`, expected \`${prefix}${toDaxie(right / 100)}\``,
                zh: `大写金额 \`${mention.raw}\` 写法有误，应为 \`${prefix}${toDaxie(right / 100)}\``,
              },
          fixes: fix(right),
        });
        continue;
      }
      const minor = toMinor(strict);
      // 元 with no 角 or 分 after it ends with 整 (正): without it, figures can be added after the 元 (PBOC payment and settlement rules)
      if (/[元圆]$/u.test(body) && (beside === undefined || beside.minor === minor)) {
        report({
          start: mention.start,
          end: mention.end,
          severity: 'warning',
          message: {
            en: `Unexpected \`${mention.raw}\` without 整 after 元, expected \`${mention.raw}整\``,
            zh: `大写金额 \`${mention.raw}\` 以“元”结尾时应加“整”字，应为 \`${mention.raw}整\``,
          },
          fixes: [{ title: writeAs(`${mention.raw}整`), edits: [{ start: mention.end, end: mention.end, text: '整' }], isPreferred: true }],
        });
        continue;
      }
      if (beside) {
        if (minor === beside.minor) continue;
        // The 大写 agrees with the facts and the figures do not: `amount-matches-facts` fixes the figures.
        if (knownMinor.has(minor) && !knownMinor.has(beside.minor)) continue;
        report({
          start: mention.start,
          end: mention.end,
          message: {
            en: `Unexpected \`${mention.raw}\` (${formatFigures(strict)}) beside \`${beside.raw}\`, expected \`${prefix}${toDaxie(beside.value)}\``,
            zh: `大写金额 \`${mention.raw}\`（${formatFigures(strict)}）与小写 \`${beside.raw}\` 不符，应为 \`${prefix}${toDaxie(beside.value)}\``,
          },
          fixes: fix(beside.minor),
        });
        continue;
      }
      if (!sameCurrency || knownMinor.size === 0 || knownMinor.has(minor)) continue;
      const expected = target !== undefined ? `\`${prefix}${toDaxie(target / 100)}\`` : 'an amount of the case facts';
      report({
        start: mention.start,
        end: mention.end,
        message: {
          en: `Unexpected \`${mention.raw}\` (${formatFigures(strict)}), expected ${expected}`,
          zh: `大写金额 \`${mention.raw}\`（${formatFigures(strict)}）与案件事实不符，应为${target !== undefined ? ` ${expected}` : '事实中的金额'}`,
        },
        fixes: target !== undefined ? fix(target) : [],
      });
    }
  },
});
