import { toMinor, type AmountMention } from '../../facts/amounts.js';
import type { Facts } from '../../facts/facts.js';
import { formatAmountLike } from '../../facts/format.js';
import { defineRule, type Block, type Message, type Report, type RuleContext, type ReportFix } from '../../rule.js';
import { amountRoles, type RoledAmount } from './roles.js';
import { caseAmounts, contextOf, inCurrency, moneyText, sentenceEnd, sentenceStart } from './support.js';
import { replaceWith } from '../fix-titles.js';
import { numberWord } from '../../facts/number-words.js';
import { plausibleAmountSlip } from '../../facts/slip.js';

export default defineRule({
  meta: {
    id: 'amount-matches-facts',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'Every amount in the text is one the case facts justify',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `A demand for the wrong amount is the most damaging error a collection letter can make: the debtor disputes it, and a claim for more than is owed can undo the letter's effect as evidence. Every amount in the text in the case's currency must be one the front matter justifies: \`amount\`, an invoice amount, a charge, a commitment (or an amount written in it), or a sum of these (all invoices, all charges, \`amount\` plus charges, all commitments). Every amount and date in the text must agree with the case facts (see [docs/law.md](../law.md#facts-a-letter-must-carry)).

When the facts name exactly one amount the fix writes it in the same form as the text (\`USD 18,000.00\` → \`USD 18,400.00\`); otherwise each candidate is offered as a suggestion. 大写 amounts are checked by \`daxie-matches\`.

**Wrong** (\`amount: 18400.00\`, \`currency: USD\`)

> Invoice HVW-2026-1187 for USD 18,000.00 remains unpaid.

**Right**

> Invoice HVW-2026-1187 for USD 18,400.00 remains unpaid.

中文示例 —— 错误：

> 贵司尚欠货款 18,000.00 美元。

正确：

> 贵司尚欠货款 18,400.00 美元。`,
      zh: `催款函中金额写错，是最伤信誉的错误：债务人会借此提出异议，多主张的金额还可能使这封函件作为证据的效力打折扣。正文中以案件币种书写的每一笔金额，都必须能在前置信息中找到依据：\`amount\`（欠款总额）、某张发票的金额、某项费用（\`charges\`）、某项还款承诺（或承诺内容中写明的金额），或者这些金额的合计（全部发票、全部费用、欠款加费用、全部承诺）。参见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

如果事实中只有一个金额说得通，修复会按原文的写法改正（\`18,000.00 美元\` → \`18,400.00 美元\`）；否则把每个候选金额列为建议。大写金额由 \`daxie-matches\` 检查。

**错误**（\`amount: 18400.00\`，\`currency: USD\`）

> 贵司尚欠货款 18,000.00 美元。

**正确**

> 贵司尚欠货款 18,400.00 美元。`,
    },
  },
  check(context) {
    for (const problem of amountProblems(context)) {
      context.report({ start: problem.mention.start, end: problem.mention.end, message: problem.message, fixes: problem.fixes, related: problem.related });
    }
  },
});

/** An amount of the text that the case facts do not justify, with the message and fixes to report. */
/** A related place of a finding: where the fact it contradicts is written. */
type Related = NonNullable<Report['related']>[number];

export interface AmountProblem {
  mention: AmountMention;
  message: Message;
  fixes: ReportFix[];
  related: Related[];
}

const problemCache = new WeakMap<readonly AmountMention[], AmountProblem[]>();

/**
 * The amounts this rule reports, computed once per document, so that the rules that would see the same defect
 * from another side (a missing amount, halves that disagree) can leave it to this one.
 */
export function amountProblems(context: RuleContext): AmountProblem[] {
  const cached = problemCache.get(context.amounts);
  if (cached) return cached;
  const problems: AmountProblem[] = [];
  problemCache.set(context.amounts, problems);
  const { facts } = context;
  if (facts.amount === undefined || !facts.currency) return problems;
  const add = (mention: AmountMention, message: Message, fixes: ReportFix[] = [], related: Related[] = []): void => {
    if (!problems.some((p) => p.mention === mention)) problems.push({ mention, message, fixes, related });
  };
  const candidates = caseAmounts(facts);
  const distinct = [...new Set(candidates.map((c) => c.minor))];
  const owedMinor = toMinor(facts.amount);
  const roled = amountRoles(context).filter((r) => r.mention.form !== 'daxie' && inCurrency(r.mention, facts.currency));
  const paidInText = roled.filter((r) => r.role === 'paid').map((r) => r.mention.minor);
  // what the facts and the payments the text reports justify: an invoice less a payment, the total before payments
  const known = new Set([...distinct, ...afterPayments(facts, paidInText)]);
  const components = itemised(roled, known);
  const instalments = roled.filter((r) => r.role === 'instalment');
  const instalmentSum = instalments.reduce((sum, r) => sum + r.mention.minor, 0);
  const scheduled = (facts.commitments?.length ?? 0) > 0 || candidates.some((c) => c.source.startsWith('instalments.'));
  const annual = annualRate(facts, context.blocks);
  const relatedAmount = [context.relatedFact('amount')].filter((r): r is Related => r !== undefined);
  const owed = moneyText(facts, facts.amount);
  const invoices = (facts.invoices ?? []).flatMap((i) => (typeof i.amount === 'number' ? [toMinor(i.amount)] : []));
  const invoiced = invoices.reduce((a, b) => a + b, 0);
  const paidSomething = paidInText.length > 0 || (facts.payments ?? []).some((p) => typeof p.amount === 'number' && p.amount > 0);
  const recorded = (facts.payments ?? []).flatMap((p) => (typeof p.amount === 'number' && p.amount > 0 ? [toMinor(p.amount)] : []));
  const recordedSet = new Set([...recorded, recorded.reduce((a, b) => a + b, 0)]);
  for (const { mention, role, claimed, block } of roled) {
    if (!block) continue;
    const local = mention.start - block.start;
    const before = block.text.slice(Math.max(0, local - 50), local);
    const after = block.text.slice(local + mention.raw.length, local + mention.raw.length + 30);
    // after a payment, what is "still owed" is the balance, not the invoiced total
    if (
      role === 'owed' &&
      paidSomething &&
      mention.minor !== owedMinor &&
      (mention.minor === invoiced || invoices.includes(mention.minor)) &&
      (STILL_OWED_BEFORE.test(before) || STILL_OWED_AFTER.test(after))
    ) {
      const text = formatAmountLike(facts.amount, mention.raw);
      add(
        mention,
        {
          en: `Unexpected \`${mention.raw}\` as the amount still owed, expected \`${text}\`: the payments received come off the invoice (\`amount\` is ${owed})`,
          zh: `\`${mention.raw}\` 不是尚欠金额，应为 \`${text}\`：已收款项应从发票金额中扣除（\`amount\` 为 ${owed}）`,
        },
        [{ title: replaceWith(text), edits: [{ start: mention.start, end: mention.end, text }] }],
        relatedAmount,
      );
      continue;
    }
    // "three instalments of USD 20,000.00 each" must make the total
    if (role === 'instalment') {
      const count = instalmentCount(before);
      const total = count !== undefined ? count * mention.minor : undefined;
      if (total !== undefined && total !== owedMinor && !known.has(total)) {
        add(
          mention,
          {
            en: `Unexpected ${count} instalments of \`${mention.raw}\` (${moneyText(facts, total / 100)} in all), expected them to make ${owed} (\`amount\`)`,
            zh: `${count} 期、每期 \`${mention.raw}\` 合计 ${moneyText(facts, total / 100)}，与欠款总额 ${owed}（\`amount\`）不符`,
          },
          [],
          relatedAmount,
        );
        continue;
      }
    }
    // interest stated with its days and rate must be the simple-interest figure
    if (
      role === 'charge' &&
      annual !== undefined &&
      !block.cell &&
      mention.minor !== owedMinor &&
      mention.minor !== invoiced &&
      !invoices.includes(mention.minor)
    ) {
      const days = daysStated(block, mention);
      if (days !== undefined && !interestFits(mention.minor, annual, days, [owedMinor, invoiced, ...invoices])) {
        const expected = Math.round((owedMinor * annual * days) / 365);
        const text = formatAmountLike(expected / 100, mention.raw);
        const percent = `${Math.round(annual * 10000) / 100}%`;
        add(
          mention,
          {
            en: `Unexpected \`${mention.raw}\` as ${days} days' interest at ${percent} a year, expected \`${text}\` (${owed} × ${percent} × ${days} / 365)`,
            zh: `${days} 天、年利率 ${percent} 的利息 \`${mention.raw}\` 计算有误，应为 \`${text}\`（${owed} × ${percent} × ${days} ÷ 365）`,
          },
          [{ title: replaceWith(text), edits: [{ start: mention.start, end: mention.end, text }] }],
        );
        continue;
      }
    }
    // a payment the letter says it received must be one the case records: crediting the wrong payment makes the balance wrong
    if (role === 'paid' && recorded.length > 0 && !recordedSet.has(mention.minor) && !known.has(mention.minor)) {
      const { sentence } = contextOf(block, mention);
      if (!CREDIT_NOTE.test(sentence)) {
        const list = recorded.map((m) => moneyText(facts, m / 100));
        add(
          mention,
          {
            en: `Unexpected \`${mention.raw}\` as a payment received, expected a payment the case facts record (\`payments\`: ${list.join(', ')})`,
            zh: `已收款项 \`${mention.raw}\` 与案件事实不符，应为事实 \`payments\` 中记录的付款（${list.join('、')}）`,
          },
          recorded.length === 1
            ? [
                {
                  title: replaceWith(formatAmountLike(recorded[0]! / 100, mention.raw)),
                  edits: [{ start: mention.start, end: mention.end, text: formatAmountLike(recorded[0]! / 100, mention.raw) }],
                },
              ]
            : [],
          [context.relatedFact('payments')].filter((r): r is Related => r !== undefined),
        );
        continue;
      }
    }
    if (known.has(mention.minor) || components.has(mention)) continue;
    if (role === 'rate' && annual !== undefined && perDay(block, mention)) {
      const daily = dailyRateProblem(facts, mention, annual, owedMinor);
      if (daily) add(mention, daily.message, daily.fixes);
      continue;
    }
    // payments received, rates, limits, unit prices, orders not yet invoiced and zero rows are not what the letter claims
    if (role === 'paid' || role === 'rate' || role === 'limit' || role === 'unit-price' || role === 'order' || role === 'zero') continue;
    // a charge is judged against the charges of the facts; without any, \`unbacked-charges\` speaks for it
    if (role === 'charge' && !facts.charges?.length) continue;
    // an instalment fits the plan: the instalments add up to the total, or equal ones divide it
    if (role === 'instalment' && (fitsPlan(mention.minor, owedMinor, instalmentSum) || !scheduled)) continue;
    const only = distinct.length === 1 ? distinct[0]! : undefined;
    // the one right figure is certain only when the sentence presents the amount as owed and one fact value fits
    // and the written figure is a slip of it (a figure written twice, or far from the fact, is another figure on purpose)
    const certain =
      only !== undefined &&
      role === 'owed' &&
      claimed &&
      plausibleAmountSlip(mention.minor, only) &&
      roled.filter((r) => r.mention.minor === mention.minor).length === 1;
    const fixes: ReportFix[] = (only !== undefined ? [only] : distinct.slice(0, 4)).map((minor) => {
      const text = formatAmountLike(minor / 100, mention.raw);
      return { title: replaceWith(text), edits: [{ start: mention.start, end: mention.end, text }], ...(certain ? { isPreferred: true } : {}) };
    });
    const charged = (facts.charges ?? []).flatMap((c) => (typeof c.amount === 'number' ? [moneyText(facts, c.amount)] : []));
    add(
      mention,
      role === 'charge' && charged.length > 0
        ? {
            en: `Unexpected \`${mention.raw}\` as a charge, expected a charge of the case facts (\`charges\`: ${charged.join(', ')})`,
            zh: `费用金额 \`${mention.raw}\` 与案件事实不符，应为事实 \`charges\` 中的金额（${charged.join('、')}）`,
          }
        : {
            en: `Unexpected \`${mention.raw}\`, expected an amount of the case facts (\`amount\` is ${owed})`,
            zh: `金额 \`${mention.raw}\` 与案件事实不符，应为事实中的金额（\`amount\` 为 ${owed}）`,
          },
      fixes,
      relatedAmount,
    );
  }
  return problems;
}

// a credit note, a deduction or a discount is no payment the case records
const CREDIT_NOTE = /\bcredit\s+(?:note|memo)|\bdeduct|\ballowance\b|\brebate\b|\bdiscount\b|贷项|冲抵|冲减|折让|扣减|扣除|抵扣|退货/iu;

// "still owed": 尚欠, outstanding, remains unpaid, balance
const STILL_OWED_BEFORE =
  /(?:尚欠|仍欠|欠付|欠款|未付|未清偿|\b(?:still\s+owe[sd]?|owing|outstanding|balance(?:\s+(?:due|owing|outstanding))?|remains?\s+(?:unpaid|outstanding|due))\b)[^.;，。；]{0,14}$/iu;
const STILL_OWED_AFTER =
  /^\s*(?:[)）]\s*)?(?:remains?|is|are)\s+(?:still\s+)?(?:unpaid|outstanding|due|open|owing)\b|^[^，。；]{0,4}(?:仍未支付|尚未支付|未付)/iu;
// "three instalments of", "in 3 equal monthly instalments of", "分三期支付，每期"
const COUNT_BEFORE =
  /\b(\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|twelve)\s+(?:equal\s+)?(?:(?:monthly|weekly|quarterly|consecutive)\s+)?instal(?:l)?ments\s+of\s*$|分\s*(\d{1,2}|[两二三四五六七八九十]|十二)\s*期[^，。；]{0,8}[，,]?\s*每期(?:支付|金额)?(?:为)?\s*$/iu;

function instalmentCount(before: string): number | undefined {
  const m = COUNT_BEFORE.exec(before);
  const word = m && (m[1] ?? m[2]);
  if (!word) return undefined;
  return numberWord(word);
}

// "(62 days)", "for 97 days", "共94日", "逾期81天"
// (a count of days, not the day of a date: 2026年12月4日 is no 4 days, nor is "December 3")
const DAYS = /(?<![A-Za-z]\s)\b(\d{1,4})\s*(?:calendar\s+)?days?\b|(?<![月\d])(\d{1,4})\s*(?:日|天)(?![期内前后起])/giu;

/** The number of days the sentence gives for this interest figure: the nearest count in the sentence. */
function daysStated(block: Block, mention: AmountMention): number | undefined {
  const local = mention.start - block.start;
  const from = sentenceStart(block.text, local);
  const to = sentenceEnd(block.text, local + mention.raw.length);
  const sentence = block.text.slice(from, to);
  let best: number | undefined;
  let bestDistance = Infinity;
  for (const m of sentence.matchAll(DAYS)) {
    const n = Number(m[1] ?? m[2]);
    const at = from + m.index;
    const distance = Math.abs(at - local);
    if (n > 0 && distance < bestDistance) {
      best = n;
      bestDistance = distance;
    }
  }
  return best;
}

/** True when the figure is simple interest at the annual rate for these days on one of the principals (365 or 360 days a year, the day counted or not). */
function interestFits(minor: number, rate: number, days: number, principals: readonly number[]): boolean {
  for (const principal of principals) {
    if (principal <= 0) continue;
    for (const base of [365, 360]) {
      for (const d of [days, days + 1, days - 1]) if (Math.abs(Math.round((principal * rate * d) / base) - minor) <= 1) return true;
    }
  }
  return false;
}

// "9% per annum", "年利率8%", "8 per cent a year": the rate a daily figure comes from
const ANNUAL_RATE =
  /(\d{1,2}(?:\.\d{1,4})?)\s*(?:%|per\s*cent|percent)\s*(?:per\s+annum|p\.?\s?a\.?|a\s+year|per\s+year|annual(?:ly)?)|(?:年利率|年息|年化利率|年利息率)\s*(?:(?:为|按)\s*)?(\d{1,2}(?:\.\d{1,4})?)\s*%|(\d{1,2}(?:\.\d{1,4})?)\s*%\s*(?:的)?年利率/iu;
const PER_DAY =
  /^\s*(?:[)）]\s*)?(?:(?:per|a|each|every|for\s+(?:each|every))\s+(?:calendar\s+)?(?:day|diem)\b|daily\b|[/／]\s*(?:day|日|天))|^\s*(?:每日|每天)/iu;
const PER_DAY_BEFORE = /(?:\bper\s+diem\b|\bdaily\b[^.;]{0,20}|每日(?:按)?|每天(?:按)?)\s*$/iu;

/** The annual interest rate the charges or the text state, as a fraction (0.09), if exactly one is stated. */
function annualRate(facts: Facts, blocks: readonly Block[]): number | undefined {
  const rates = new Set<number>();
  const read = (text: string): void => {
    const m = ANNUAL_RATE.exec(text);
    const figure = m && (m[1] ?? m[2] ?? m[3]);
    if (figure) rates.add(Number(figure) / 100);
  };
  for (const charge of facts.charges ?? []) if (typeof charge.what === 'string') read(charge.what);
  for (const block of blocks) if (/%|per\s*cent/i.test(block.text)) read(block.text);
  return rates.size === 1 ? [...rates][0] : undefined;
}

function perDay(block: Block, mention: AmountMention): boolean {
  const local = mention.start - block.start;
  return (
    PER_DAY.test(block.text.slice(local + mention.raw.length, local + mention.raw.length + 24)) ||
    PER_DAY_BEFORE.test(block.text.slice(Math.max(0, local - 30), local))
  );
}

/** A daily interest figure must be the principal times the stated annual rate over 365 (or 360) days. */
function dailyRateProblem(facts: Facts, mention: AmountMention, rate: number, principal: number): { message: Message; fixes: ReportFix[] } | undefined {
  const on365 = Math.round((principal * rate) / 365);
  const on360 = Math.round((principal * rate) / 360);
  if (Math.abs(mention.minor - on365) <= 1 || Math.abs(mention.minor - on360) <= 1) return undefined;
  const expected = formatAmountLike(on365 / 100, mention.raw);
  const percent = `${Math.round(rate * 10000) / 100}%`;
  const base = moneyText(facts, principal / 100);
  return {
    message: {
      en: `Unexpected \`${mention.raw}\` a day, expected \`${expected}\` (${percent} a year on ${base}, over 365 days)`,
      zh: `每日金额 \`${mention.raw}\` 计算有误，应为 \`${expected}\`（本金 ${base} × 年利率 ${percent} ÷ 365）`,
    },
    fixes: [{ title: replaceWith(expected), edits: [{ start: mention.start, end: mention.end, text: expected }] }],
  };
}

/** Amounts that payments received explain: each invoice less a payment, all invoices less all payments, the amount before them. */
function afterPayments(facts: Facts, paidInText: readonly number[]): number[] {
  // the payments the facts record, or else those the text reports (the same payments, not more)
  const recorded = (facts.payments ?? []).flatMap((p) => (typeof p.amount === 'number' ? [toMinor(p.amount)] : []));
  const paid = recorded.length > 0 ? recorded : [...paidInText];
  if (paid.length === 0) return [];
  const invoices = (facts.invoices ?? []).flatMap((i) => (typeof i.amount === 'number' ? [toMinor(i.amount)] : []));
  const invoiced = invoices.reduce((a, b) => a + b, 0);
  const allPaid = paid.reduce((a, b) => a + b, 0);
  // the payments themselves, and what they add up to, are facts of the case too
  const out = [invoiced - allPaid, allPaid, ...paid];
  if (facts.amount !== undefined) out.push(toMinor(facts.amount) + allPaid);
  for (const p of paid) {
    out.push(invoiced - p);
    for (const i of invoices) out.push(i - p);
  }
  return out.filter((m) => m > 0);
}

/**
 * The parts of an itemisation: amounts the case does not name that, together, make one it does
 * (interest on each invoice adding up to the interest claimed; the lines of a table column adding
 * up to its total). Grouped by sentence, or by table column.
 */
function itemised(roled: readonly RoledAmount[], known: ReadonlySet<number>): Set<AmountMention> {
  const groups = new Map<string, AmountMention[]>();
  for (const { mention, block, role } of roled) {
    if (known.has(mention.minor) || !block || !(role === 'owed' || role === 'charge' || role === 'instalment')) continue;
    const key = block.cell ? `t${block.cell.table}c${block.cell.column}` : `s${block.start + sentenceStart(block.text, mention.start - block.start)}`;
    const group = groups.get(key);
    if (group) group.push(mention);
    else groups.set(key, [mention]);
  }
  const parts = new Set<AmountMention>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const sum = group.reduce((total, m) => total + m.minor, 0);
    if (known.has(sum)) for (const m of group) parts.add(m);
  }
  return parts;
}

/** An instalment that fits a plan for `total`: equal instalments that divide it, or a schedule that adds up to it. */
function fitsPlan(instalment: number, total: number, scheduleSum: number): boolean {
  if (instalment <= 0 || instalment > total) return false;
  if (scheduleSum === total) return true;
  const count = total / instalment;
  return Number.isInteger(count) && count >= 2 && count <= 60;
}
