import { daxieBody, toMinor } from '../../facts/amounts.js';
import { toDaxie } from '../../facts/daxie.js';
import type { Charge } from '../../facts/facts.js';
import { formatAmountLike, formatDate, formatMoney } from '../../facts/format.js';
import {
  agrees,
  cents,
  computeInterest,
  isInterestCharge,
  regimeOf,
  simpleInterest,
  ukFixedSum,
  type InterestPeriod,
  type InterestResult,
} from '../../law/interest.js';
import { RATE_IDS, referenceRates, type RateOverride } from '../../law/rates.js';
import { defineRule, type RuleContext } from '../../rule.js';
import type { Span, TextEdit } from '../../types.js';
import { inCurrency, keySpan, moneyText } from './support.js';

/** A percentage without trailing zeros (`12.25`, `3.9`). */
function pct(rate: number): string {
  return String(Math.round(rate * 10_000) / 10_000);
}

/** The rate of one period and what it rests on (`12.25 % (Bank Rate 4.25 % on 30 June 2025 + 8)`). */
function rateWords(p: InterestPeriod, result: InterestResult): { en: string; zh: string } {
  const ref = p.reference;
  if (!ref) return { en: `${pct(p.rate)} %`, zh: `年利率${pct(p.rate)}%` };
  if (ref.id === 'cn-lpr-1y') {
    const markup = Math.round((p.rate / ref.rate - 1) * 100);
    if (result.max !== undefined) {
      const high = pct(p.rate * (result.max / result.amount));
      const top = Math.round((Number(high) / ref.rate - 1) * 100);
      return {
        en: `${pct(p.rate)} % to ${high} % (one-year LPR ${pct(ref.rate)} % on ${formatDate(ref.date, 'en')} + ${markup} % to ${top} %)`,
        zh: `年利率${pct(p.rate)}%至${high}%（${formatDate(ref.date, 'zh')}一年期LPR ${pct(ref.rate)}% 上浮${markup}%至${top}%）`,
      };
    }
    return {
      en: `${pct(p.rate)} % (one-year LPR ${pct(ref.rate)} % on ${formatDate(ref.date, 'en')} + ${markup} %)`,
      zh: `年利率${pct(p.rate)}%（${formatDate(ref.date, 'zh')}一年期LPR ${pct(ref.rate)}% 上浮${markup}%）`,
    };
  }
  const name = ref.id === 'uk-bank-rate' ? { en: 'Bank Rate', zh: '英格兰银行基准利率' } : { en: 'ECB rate', zh: '欧洲央行主要再融资利率' };
  return {
    en: `${pct(p.rate)} % (${name.en} ${pct(ref.rate)} % on ${formatDate(ref.date, 'en')} + 8)`,
    zh: `年利率${pct(p.rate)}%（${formatDate(ref.date, 'zh')}${name.zh}${pct(ref.rate)}% 加8个百分点）`,
  };
}

/** How the figure was computed, in English and Chinese. */
function working(result: InterestResult, currency: string): { en: string; zh: string } {
  const principal = { en: formatMoney(result.principal, currency, 'en'), zh: formatMoney(result.principal, currency, 'zh') };
  const first = result.periods[0];
  const last = result.periods[result.periods.length - 1];
  const dates =
    first && last
      ? { en: `from ${formatDate(first.from, 'en')} to ${formatDate(last.to, 'en')}`, zh: `${formatDate(first.from, 'zh')}至${formatDate(last.to, 'zh')}` }
      : { en: '', zh: '' };
  const rates = result.periods.map((p) => rateWords(p, result));
  if (result.periods.length === 1) {
    return {
      en: `${principal.en} × ${rates[0]!.en} × ${result.days} days / ${result.year} (${dates.en})`,
      zh: `本金${principal.zh} × ${rates[0]!.zh} × ${result.days}天 / ${result.year}（${dates.zh}）`,
    };
  }
  return {
    en: `${principal.en} × (${result.periods.map((p, k) => `${rates[k]!.en} × ${p.days} days`).join(' + ')}) / ${result.year} (${dates.en})`,
    zh: `本金${principal.zh} × （${result.periods.map((p, k) => `${rates[k]!.zh} × ${p.days}天`).join(' + ')}）/ ${result.year}（${dates.zh}）`,
  };
}

/** Where a finding about charge `i`'s amount goes: its first mention in the text, else its front-matter value. */
function amountSpan(context: RuleContext, i: number, value: number): Span {
  const minor = toMinor(value);
  const mention = context.amounts.find((m) => m.minor === minor && m.form === 'figures' && inCurrency(m, context.facts.currency));
  return mention ?? keySpan(context, `charges.${i}.amount`);
}

/** Edits that replace a charge's amount (front matter and text) and the total it is part of. */
function replaceEdits(context: RuleContext, i: number, from: number, to: number): TextEdit[] {
  const { facts } = context;
  const location = context.key(`charges.${i}.amount`);
  const edits: TextEdit[] = location ? [{ start: location.value.start, end: location.value.end, text: to.toFixed(2) }] : [];
  const pairs: [number, number][] = [[from, to]];
  if (facts.amount !== undefined) {
    const others = (facts.charges ?? []).reduce((sum, c, j) => sum + (j === i ? 0 : toMinor(c.amount ?? 0)), 0);
    const total = toMinor(facts.amount) + others;
    pairs.push([(total + toMinor(from)) / 100, (total + toMinor(to)) / 100]);
  }
  for (const m of context.amounts) {
    if (!inCurrency(m, facts.currency)) continue;
    const pair = pairs.find(([old]) => toMinor(old) === m.minor);
    if (!pair) continue;
    const text = m.form === 'daxie' ? m.raw.slice(0, m.raw.length - daxieBody(m.raw).length) + toDaxie(pair[1]) : formatAmountLike(pair[1], m.raw);
    edits.push({ start: m.start, end: m.end, text });
  }
  return edits;
}

/** The expected fixed compensation of a charge (`type: compensation`), or undefined when no statute sets it here. */
function fixedSum(charge: Charge, context: RuleContext): { amount: number; en: string; zh: string } | undefined {
  const { facts } = context;
  if (charge.regime === 'uk-late-payment' && facts.currency === 'GBP') {
    const debts =
      charge.principal !== undefined
        ? [charge.principal]
        : (facts.invoices ?? []).some((inv) => inv.amount !== undefined)
          ? (facts.invoices ?? []).map((inv) => inv.amount ?? 0)
          : facts.amount !== undefined
            ? [facts.amount]
            : [];
    if (!debts.length) return undefined;
    const amount = debts.reduce((sum, d) => sum + ukFixedSum(d), 0);
    const each = debts.map((d) => `GBP ${ukFixedSum(d)}`).join(' + ');
    return {
      amount,
      en: `${each} for ${debts.length === 1 ? 'a debt' : `${debts.length} debts`} of that size (Late Payment Act s.5A)`,
      zh: `按债务金额每笔${each}（《逾期付款法》第5A条）`,
    };
  }
  return undefined;
}

/** The rates option: one table per reference rate, with dated changes. */
const RATES_OPTION = {
  type: 'object',
  description: 'Newer or corrected reference rates, merged into the built-in table (docs/law.md)',
  properties: Object.fromEntries(
    RATE_IDS.map((id) => [
      id,
      {
        type: 'object',
        properties: {
          checked: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date up to which these changes are complete' },
          source: { type: 'string' },
          changes: {
            type: 'array',
            items: {
              type: 'object',
              properties: { from: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }, rate: { type: 'number' } },
              required: ['from', 'rate'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ]),
  ),
  additionalProperties: false,
};

export default defineRule({
  meta: {
    id: 'interest-amount',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'Interest and fixed compensation claimed agree with the rate, the dates and the statute they rest on',
    languages: ['eng', 'cmn'],
    fixable: true,
    options: { type: 'object', properties: { rates: RATES_OPTION }, additionalProperties: false },
    docs: {
      en: `A \`charges\` entry with \`type: interest\`, a rate or a regime (\`rate\`, \`regime\`), its dates (\`from\`, and \`to\` or \`as_of\`) and a principal (\`principal\`, default \`amount\`) is computed, and a claimed figure that differs is reported with the computed one as the fix (which also corrects the same figure in the text and the total it is part of).

The arithmetic: simple interest for the actual days elapsed, the first day not counted and the last counted (PRC Civil Code Art. 201; the UK Act's "day after the due date", s.4), over a 365-day year; a contract that counts a monthly rate or a 360-day year says \`day_count: actual/360\` (1 % a month is \`rate: 12\`).

- \`regime: contract\`: the contract's yearly rate \`rate\` (in percent).
- \`regime: uk-late-payment\`: Late Payment of Commercial Debts (Interest) Act 1998, 8 points over Bank Rate in force on 30 June or 31 December before interest starts to run, fixed for the debt (s.6, SI 2002/1675); a \`type: compensation\` entry is the fixed sum of GBP 40, 70 or 100 per debt (s.5A).
- \`regime: eu-late-payment\`: Directive 2011/7/EU, at least 8 points over the ECB main refinancing rate in force on 1 January or 1 July of each half-year (Arts. 2(6)–(7), 3(2)). Member states implement it differently, so a differing figure is advice only.
- \`regime: prc-lpr\`: without an agreed rate, a PRC court measures the loss at the one-year LPR at the time of breach plus 30–50 % (SPC Interpretation on sales contracts Art. 18); a figure above LPR + 50 % is reported. \`markup\` fixes the percentage.

Reference rates come from the project's dated table with its sources, never from the network; a date the table does not cover is asked for, not guessed (add it in \`.dunmarkrc.json\`). See [docs/law.md](../law.md#interest-and-fixed-compensation).

**Wrong** (USD 112,400.00 at 12 % from 24 August to 20 November 2026, 88 days)

\`\`\`yaml
charges:
  - what: Contractual interest at 12% per annum
    type: interest
    rate: 12
    from: 2026-08-24
    to: 2026-11-20
    amount: 3300.00
\`\`\`

**Right**

\`\`\`yaml
    amount: 3251.90
\`\`\``,
      zh: `\`charges\` 中 \`type: interest\` 的一项，如果写明了利率或计息依据（\`rate\` 或 \`regime\`）、起止日期（\`from\`，以及 \`to\` 或 \`as_of\`）和本金（\`principal\`，默认取 \`amount\`），本规则会计算利息，并在函件主张的金额与计算结果不符时报告，修复建议给出计算所得的金额（并一并修改正文中相同的金额及合计）。

计算方法：单利，按实际天数计算，起算日不计入、截止日计入（《民法典》第二百零一条），一年按365天计；合同按月利率或按360天计息的，写 \`day_count: actual/360\`（月利率1%即 \`rate: 12\`）。

- \`regime: contract\`：合同约定的年利率 \`rate\`（百分数）。
- \`regime: prc-lpr\`：合同没有约定逾期付款违约金的，法院可以违约行为发生时的一年期贷款市场报价利率（LPR）为基础，加计30%—50%计算逾期付款损失（《最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释》第十八条）；主张的金额超过LPR上浮50%时报告。可用 \`markup\` 写明上浮比例。
- \`regime: uk-late-payment\`：英国《1998年商业债务逾期付款（利息）法》，英格兰银行基准利率加8个百分点，按利息开始计算前的6月30日或12月31日的利率确定，对整笔债务固定不变；\`type: compensation\` 的固定补偿金按债务金额为40、70或100英镑（第5A条）。
- \`regime: eu-late-payment\`：欧盟第2011/7/EU号指令，欧洲央行主要再融资利率加至少8个百分点，每半年按1月1日或7月1日的利率确定。各成员国的实施规定不尽相同，因此不符时只作提示。

参考利率来自项目内的利率表（注明来源和核对日期），不联网获取；表中没有的日期不作猜测，会提示您在 \`.dunmarkrc.json\` 中补充。详见 [docs/law.md](../../law.md#interest-and-fixed-compensation)。

**错误**（本金 86,500.00 美元，月利率1%，2026年8月25日至11月20日共87天）

\`\`\`yaml
charges:
  - what: 逾期付款利息
    type: interest
    rate: 12
    day_count: actual/360
    from: 2026-08-25
    to: 2026-11-20
    amount: 2600.00
\`\`\`

**正确**

\`\`\`yaml
    amount: 2508.50
\`\`\``,
    },
  },
  check(context) {
    const { facts, options, report } = context;
    const currency = facts.currency ?? '';
    const rates = referenceRates(options.rates as Record<string, RateOverride> | undefined);
    (facts.charges ?? []).forEach((charge, i) => {
      if (charge.type === 'compensation') {
        const expected = fixedSum(charge, context);
        if (!expected || charge.amount === undefined || toMinor(charge.amount) === toMinor(expected.amount)) return;
        report({
          ...amountSpan(context, i, charge.amount),
          message: {
            en: `Unexpected fixed compensation \`${moneyText(facts, charge.amount)}\`, expected ${moneyText(facts, expected.amount)}: ${expected.en}`,
            zh: `固定补偿金 \`${moneyText(facts, charge.amount)}\` 有误，应为 ${moneyText(facts, expected.amount)}：${expected.zh}`,
          },
          fixes: [
            {
              title: { en: `Claim ${moneyText(facts, expected.amount)}`, zh: `改为主张 ${moneyText(facts, expected.amount)}` },
              edits: replaceEdits(context, i, charge.amount, expected.amount),
            },
          ],
        });
        return;
      }
      if (!isInterestCharge(charge)) return;
      let computed = computeInterest(charge, facts, rates);
      if (!computed.ok && computed.problem.kind === 'rate-unknown' && charge.rate !== undefined) {
        computed = computeInterest({ ...charge, regime: 'contract' }, facts, rates);
      }
      if (!computed.ok) {
        const problem = computed.problem;
        if (problem.kind !== 'rate-unknown') return;
        report({
          ...keySpan(context, `charges.${i}.regime`),
          severity: 'info',
          message: {
            en: `Unexpected date ${formatDate(problem.date, 'en')} for the ${problem.table.name.en}, expected a date the reference-rate table covers (checked to ${formatDate(problem.table.checked, 'en')}): give the charge its \`rate\`, or add the rate under \`rules.interest-amount\` \`rates\` in .dunmarkrc.json`,
            zh: `参考利率表（核对至${formatDate(problem.table.checked, 'zh')}）中没有${formatDate(problem.date, 'zh')}的${problem.table.name.zh}，应在该项费用中填写 \`rate\`，或在 .dunmarkrc.json 的 \`rules.interest-amount\` \`rates\` 中补充该利率`,
          },
        });
        return;
      }
      const result = computed.result;
      const regime = regimeOf(charge);
      const statutory = regime === 'uk-late-payment' || regime === 'eu-late-payment';
      const period = result.periods.length === 1 ? result.periods[0] : undefined;
      if (statutory && charge.rate !== undefined && period && Math.abs(charge.rate - period.rate) > 1e-9) {
        report({
          ...keySpan(context, `charges.${i}.rate`),
          severity: regime === 'eu-late-payment' ? 'info' : undefined,
          message: {
            en: `Unexpected rate \`${pct(charge.rate)}\` for statutory interest, expected ${rateWords(period, result).en}`,
            zh: `法定利息的利率 \`${pct(charge.rate)}\` 有误，应为${rateWords(period, result).zh}`,
          },
        });
      }
      if (charge.amount === undefined || agrees(charge.amount, result)) return;
      const how = working(result, currency);
      if (!result.yearStated && result.max === undefined) {
        const at360 = cents(result.periods.reduce((sum, p) => sum + simpleInterest(result.principal, p.rate, p.days, 360), 0));
        if (toMinor(at360) === toMinor(charge.amount)) {
          const anchor = context.key(`charges.${i}.from`) ?? context.key(`charges.${i}.amount`);
          const lineStart = anchor ? context.text.lastIndexOf('\n', anchor.key.start - 1) + 1 : -1;
          const indent = anchor ? context.text.slice(lineStart, anchor.key.start).replace(/-/, ' ') : '';
          report({
            ...amountSpan(context, i, charge.amount),
            severity: 'info',
            message: {
              en: `Unexpected interest \`${moneyText(facts, charge.amount)}\` computed on a 360-day year with no \`day_count\`, expected \`day_count: actual/360\` in the charge, or ${moneyText(facts, result.amount)} on 365 days`,
              zh: `利息 \`${moneyText(facts, charge.amount)}\` 按一年360天计算，但该项费用未写明 \`day_count\`，应补充 \`day_count: actual/360\`，或按365天计为 ${moneyText(facts, result.amount)}`,
            },
            ...(anchor
              ? {
                  fixes: [
                    {
                      title: { en: 'Record the 360-day year (`day_count: actual/360`)', zh: '写明一年按360天计（`day_count: actual/360`）' },
                      edits: [{ start: lineStart, end: lineStart, text: `${indent}day_count: actual/360\n` }],
                    },
                  ],
                }
              : {}),
          });
          return;
        }
      }
      const expected = result.max ?? result.amount;
      const range = result.max !== undefined;
      report({
        ...amountSpan(context, i, charge.amount),
        severity: regime === 'eu-late-payment' ? 'info' : undefined,
        message: {
          en: `Unexpected interest \`${moneyText(facts, charge.amount)}\`, expected ${range ? 'at most ' : ''}${moneyText(facts, expected)}: ${how.en}`,
          zh: `利息 \`${moneyText(facts, charge.amount)}\` 与计算结果不符，应${range ? '不超过' : '为'} ${moneyText(facts, expected)}：${how.zh}`,
        },
        fixes: [
          {
            title: { en: `Claim the computed interest ${moneyText(facts, expected)}`, zh: `改为主张计算所得的利息 ${moneyText(facts, expected)}` },
            edits: replaceEdits(context, i, charge.amount, expected),
          },
        ],
      });
    });
  },
});
