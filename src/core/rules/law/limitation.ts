import { formatDate } from '../../facts/format.js';
import { dispatchRecorded } from '../../law/dispatch.js';
import { daysToBar, limitationOf, type Interruption, type Limitation } from '../../law/limitation.js';
import { defineRule, ruleOptions } from '../../rule.js';
import { keySpan } from '../facts/support.js';

const EVENT_NAMES: Record<Interruption['type'], { en: string; zh: string }> = {
  demand: { en: 'a demand that reached the debtor', zh: '送达债务人的催收' },
  acknowledgement: { en: "the debtor's acknowledgement", zh: '债务人的债务确认' },
  promise: { en: 'a promise to pay', zh: '还款承诺' },
  'repayment-plan': { en: 'a repayment plan', zh: '还款计划' },
  'part-payment': { en: 'a part payment', zh: '部分付款' },
};

/** "3 years, PRC Civil Code Art. 188, from the due date 15 May 2023" (or from the event that restarted it). */
function counted(lim: Limitation): { en: string; zh: string } {
  const start = lim.restartedBy ?? undefined;
  const from = start
    ? {
        en: `restarted by ${EVENT_NAMES[start.type].en} on ${formatDate(start.date, 'en')}`,
        zh: `自${formatDate(start.date, 'zh')}${EVENT_NAMES[start.type].zh}起重新计算`,
      }
    : lim.from.source === 'due_date'
      ? { en: `from the due date ${formatDate(lim.from.date, 'en')}`, zh: `自到期日${formatDate(lim.from.date, 'zh')}起算` }
      : { en: `from ${formatDate(lim.from.date, 'en')}`, zh: `自${formatDate(lim.from.date, 'zh')}起算` };
  return { en: `${lim.basis.en}, ${from.en}`, zh: `${lim.basis.zh}，${from.zh}` };
}

const NUMBER = (value: unknown, fallback: number): number => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback);

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`yaml
due_date: 2022-11-30
contract:
  governing_law: PRC
  type: services
\`\`\``;
const EXAMPLE_2 = `\`\`\`yaml
due_date: 2022-11-30
events:
  - date: 2024-03-15
    type: acknowledgement
\`\`\``;

export default defineRule({
  meta: {
    id: 'limitation',
    category: 'law',
    defaultSeverity: 'warning',
    description: "The claim is not about to become, or already, time-barred under the contract's law",
    languages: ['eng', 'cmn'],
    options: ruleOptions({
      warnDays: { type: 'integer', minimum: 0, default: 180, description: 'Warn when the letter is dated this many days or fewer before the bar' },
      noticeDays: {
        type: 'integer',
        minimum: 0,
        default: 365,
        description: 'Give drafting advice (info) when the letter is dated this many days or fewer before the bar',
      },
      laws: {
        type: 'object',
        description: 'Limitation years for governing laws other than PRC, by `contract.governing_law` (e.g. { "US-NY": { "years": 6 } })',
        additionalProperties: { type: 'object', properties: { years: { type: 'number', minimum: 1 } }, required: ['years'], additionalProperties: false },
      },
    }),
    docs: {
      en: `Computes when the claim becomes time-barred under the contract's law and reports a letter dated close to that day, or after it.

- **PRC law** (\`contract.governing_law: PRC\`): three years (Civil Code Art. 188), four for an international sale of goods or a technology import/export contract (Art. 594: record \`contract.type: sale-of-goods\` or \`technology-import-export\`; the parties in different countries). Counted from \`due_date\` (or \`limitation.from\`), the first day not counted, ending on the corresponding day or the last day of the month (Arts. 201–202), moved past a statutory holiday to the next working day (Art. 203, with the State Council's schedule).
- **Interruption**: a demand that reached the debtor, the debtor's agreement to pay (an acknowledgement, a part payment, a promise, a repayment plan) or a suit or arbitration filed interrupts the period, which runs again from the interruption (Art. 195; SPC Provisions on limitation Arts. 8 and 14). Record them in \`events\` (\`type: demand\`, \`acknowledgement\`, \`promise\`, \`repayment-plan\`, with the date it arrived or happened) and part payments in \`payments\`. With a proceeding on file (\`proceeding.filed\`) no bar is computed until it ends.
- **After the bar** the debtor may refuse to pay, but one who agrees to pay after it may not plead it (Art. 192).
- **Other laws**: \`limitation: { years, from }\` in the facts, or the rule's \`laws\` option by \`contract.governing_law\` (for example six years for a contract claim under English law, Limitation Act 1980 s.5). Dunmark does not choose another law's period for you.

A letter dated within 180 days of the bar (option \`warnDays\`) is a warning, within 365 days (\`noticeDays\`) advice; after the bar the rule says the claim may be time-barred unless an interrupting event is recorded. When the contract type is not recorded and four years could apply, it is advice only. The library's \`limitationOf(facts)\` returns the bar for other views. See [docs/law.md](../law.md#limitation).

**Wrong** (due 30 November 2022, a services contract, letter of 20 May 2026, no event recorded)

${EXAMPLE_1}

**Right** (the debtor acknowledged the debt in writing on 15 March 2024)

${EXAMPLE_2}`,
      zh: `本规则计算债权在合同准据法下的诉讼时效届满日，并在函件日期临近或已过届满日时报告。

- **中国法**（\`contract.governing_law: PRC\`）：诉讼时效为三年（《民法典》第一百八十八条），国际货物买卖合同和技术进出口合同为四年（第五百九十四条，需写明 \`contract.type: sale-of-goods\` 或 \`technology-import-export\`，且双方位于不同国家）。自到期日 \`due_date\`（或 \`limitation.from\`）起算，开始当日不计入，到期年份的对应日为最后一日，没有对应日的以月末为最后一日（第二百零一条、第二百零二条）；最后一日是法定休假日的，顺延至休假日结束的次日（第二百零三条，按国务院放假安排）。
- **中断**：催收送达债务人、债务人同意履行（确认债务、部分付款、承诺还款、达成还款计划）或提起诉讼、申请仲裁，诉讼时效中断，从中断时起重新计算（第一百九十五条；《最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定》第八条、第十四条）。在 \`events\` 中记录（\`type: demand\`、\`acknowledgement\`、\`promise\`、\`repayment-plan\`，\`date\` 为送达或发生的日期），部分付款记在 \`payments\` 中。已提起仲裁或诉讼（\`proceeding.filed\`）的，在程序终结前不计算届满日。
- **届满之后**：债务人可以拒绝履行；但届满后债务人同意履行的，不得再以时效届满为由抗辩（第一百九十二条）。
- **其他法律**：在前置信息中写 \`limitation: { years, from }\`，或用本规则的 \`laws\` 选项按 \`contract.governing_law\` 设置年限（例如英国法合同债权六年）。本工具不会替您判断其他法律的时效。

函件日期距届满日180天以内（选项 \`warnDays\`）为警告，365天以内（\`noticeDays\`）为提示，已过届满日则提示债权可能已过诉讼时效，除非记录了中断事由。合同类型未写明、可能是四年时效时，只作提示。库函数 \`limitationOf(facts)\` 返回届满日，供其他功能使用。参见 [docs/law.md](../../law.md#limitation)。

**错误**（到期日2022年11月30日，服务合同，函件日期2026年5月20日，未记录任何中断事由）

${EXAMPLE_1}

**正确**（债务人曾于2024年3月15日书面确认欠款）

${EXAMPLE_2}`,
    },
  },
  check(context) {
    const { facts, options, report } = context;
    if (facts.kind !== 'dunning-letter' || !facts.date) return;
    const lim = limitationOf(facts, { laws: options.laws as Record<string, { years?: number }> | undefined });
    if (!lim || lim.pendingProceeding) return;
    const warnDays = NUMBER(options.warnDays, 180);
    const noticeDays = Math.max(NUMBER(options.noticeDays, 365), warnDays);
    const left = daysToBar(lim, facts.date);
    const span = keySpan(context, lim.restartedBy ? `${lim.restartedBy.source}.date` : lim.from.source);
    const how = counted(lim);
    const bar = { en: formatDate(lim.bar, 'en'), zh: formatDate(lim.bar, 'zh') };
    const goods = lim.ifSaleOfGoods;
    const goodsNote = goods
      ? {
          en: `; if this is an international sale of goods the period is 4 years (Art. 594) and ends on ${formatDate(goods, 'en')}: record \`contract.type\``,
          zh: `；如属国际货物买卖合同，时效为四年（第五百九十四条），至${formatDate(goods, 'zh')}届满，请填写 \`contract.type\``,
        }
      : { en: '', zh: '' };
    if (left < 0) {
      const stillOpen = goods !== undefined && facts.date <= goods;
      report({
        ...span,
        severity: stillOpen ? 'info' : undefined,
        message: {
          en: `Unexpected letter dated after the limitation bar \`${lim.bar}\` (${how.en}), expected a recorded interrupting event (a demand that reached the debtor, an acknowledgement, a part payment, a promise or a repayment plan in \`events\` or \`payments\`): the claim may be time-barred${goodsNote.en}`,
          zh: `本函日期已过诉讼时效届满日 \`${lim.bar}\`（${how.zh}），应在 \`events\` 或 \`payments\` 中记录中断时效的事由（已送达的催收、债务确认、部分付款、还款承诺或还款计划）；否则债权可能已过诉讼时效${goodsNote.zh}`,
        },
      });
      return;
    }
    if (left > noticeDays) return;
    const near = left <= warnDays;
    // A letter whose dispatch is recorded is the interrupting demand itself: the bar is then advice, not a warning.
    const sending = dispatchRecorded(facts, context.blocks);
    report({
      ...span,
      severity: !near || goods !== undefined || sending ? 'info' : undefined,
      message:
        near && sending
          ? {
              en: `The claim becomes time-barred on ${bar.en} (${how.en}): this letter restarts the period only if it reaches the debtor before then, so keep the proof of delivery${goodsNote.en}`,
              zh: `本债权的诉讼时效将于${bar.zh}届满（${how.zh}）：本函须在此之前送达债务人才能使时效重新计算，请保留送达凭证${goodsNote.zh}`,
            }
          : near
            ? {
                en: `Unexpected claim ${left} day${left === 1 ? '' : 's'} from its limitation bar on ${bar.en} (${how.en}), expected this demand delivered with proof of arrival, or arbitration or suit filed, before then${goodsNote.en}`,
                zh: `距诉讼时效届满（${bar.zh}）仅剩 ${left} 天（${how.zh}），应在此之前以可证明送达的方式送达本函，或申请仲裁、提起诉讼${goodsNote.zh}`,
              }
            : {
                en: `The claim becomes time-barred on ${bar.en} (${how.en}); a demand that reaches the debtor, an acknowledgement, a part payment or a promise restarts the period${goodsNote.en}`,
                zh: `本债权的诉讼时效将于${bar.zh}届满（${how.zh}）；催收送达债务人、债务人确认债务、部分付款或承诺还款均可使时效重新计算${goodsNote.zh}`,
              },
    });
  },
});
