import { defineRule, type RuleContext } from '../../rule.js';
import data from '../data/tone-charges.json';
import { compileList, findReportable, quote, removeSentenceFix, sentenceAt, isClause, type PhraseList, type PhraseMatch } from './phrases.js';

const CHARGES = compileList(data as PhraseList);
const NEGATION = { en: new RegExp(data.negation.en, 'iu'), zh: new RegExp(data.negation.zh, 'u') };
// How far around a charge word a negation ("no interest", "interest is waived", 不计利息) still counts
const NEGATION_REACH = 24;
function negated(context: RuleContext, match: PhraseMatch): boolean {
  const before = context.text.slice(Math.max(match.block.start, match.start - NEGATION_REACH), match.start);
  const after = context.text.slice(match.end, Math.min(match.block.end, match.end + NEGATION_REACH));
  return NEGATION.en.test(before) || NEGATION.zh.test(before) || /^\s*(?:is|are|will be|has been|have been)\s+(?:waived|not)/iu.test(after) || NEGATION.zh.test(after);
}

function formatCents(cents: number): string {
  return (cents / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export default defineRule({
  meta: {
    id: 'unbacked-charges',
    category: 'tone',
    defaultSeverity: 'error',
    description: 'Interest, fees, penalties or collection costs claimed without a basis in the case facts',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: `Catches interest, late fees, penalties, collection costs and attorney fees (违约金, 滞纳金, 利息, 催收费) claimed in a letter whose front matter has no \`charges:\` entry with a \`basis:\` (the contract clause or statute behind the charge). When charges with a basis exist, every amount claimed next to a charge word must be one of them (or the principal, or a total of them).

Statements that no charge is made ("no interest has been charged", 不计利息) and ordinary uses of "interest" ("in our mutual interest") stay silent; so does "charge per clause 7" when the facts give that charge a basis.

**Why it matters.** The FDCPA (15 U.S.C. §1692f(1)) lists collecting any amount not expressly authorised by the agreement or permitted by law as an unfair practice, the accepted baseline for business letters. A charge with no basis weakens the whole claim, and a letter before action must state the charges claimed and their basis.

**Wrong** (no \`charges:\` in the front matter)

> A late fee of USD 500.00 and collection costs will be added to your account.

> 贵司还须支付违约金人民币5,000元及催收费。

**Right**

\`\`\`yaml
charges:
  - what: Late-payment interest at 1% per month
    amount: 552.00
    basis: Sales Contract HVW-SC-2026-044, clause 9.2
\`\`\`

> Under clause 9.2 of the contract, late-payment interest of USD 552.00 has accrued.

> 根据合同第9.2条，逾期付款利息为552.00美元。

Fix (suggestion): remove the sentence; or add the charge with its basis to the facts, as the message says.`,
  },
  check(context) {
    const { facts } = context;
    if (isClause(facts)) return;
    const charges = facts.charges ?? [];
    const backed = charges.some((c) => typeof c.basis === 'string' && c.basis.trim() !== '');
    const known = new Set<number>();
    let chargeTotal = 0;
    for (const c of charges) if (typeof c.amount === 'number') {
      known.add(Math.round(c.amount * 100));
      chargeTotal += c.amount;
    }
    if (chargeTotal > 0) known.add(Math.round(chargeTotal * 100));
    if (typeof facts.amount === 'number') {
      known.add(Math.round(facts.amount * 100));
      known.add(Math.round((facts.amount + chargeTotal) * 100));
    }
    for (const inv of facts.invoices ?? []) if (typeof inv.amount === 'number') known.add(Math.round(inv.amount * 100));
    const reportedSentences = new Set<number>();
    const reportedAmounts = new Set<number>();
    for (const match of findReportable(context, CHARGES)) {
      if (negated(context, match)) continue;
      const sentence = sentenceAt(match.block, match.start);
      if (!backed) {
        if (reportedSentences.has(sentence.start)) continue;
        reportedSentences.add(sentence.start);
        const q = quote(match.text);
        context.report({
          start: match.start,
          end: match.end,
          message: {
            en: `Unexpected ${q} (${match.entry.info.reason.en}) with no basis in the facts, expected ${match.entry.info.expected.en}`,
            zh: `不应出现 ${q}（${match.entry.info.reason.zh}，但事实中没有依据），应${match.entry.info.expected.zh}`,
          },
          fixes: [removeSentenceFix(context, sentence)],
        });
        continue;
      }
      // the engine's amount mentions: figures and 大写, with their currency (a bare rate or clause number is no amount)
      for (const money of context.amounts) {
        if (money.start < sentence.start || money.end > sentence.end) continue;
        if (known.has(money.minor) || reportedAmounts.has(money.start)) continue;
        reportedAmounts.add(money.start);
        const q = quote(context.text.slice(money.start, money.end));
        const listed = charges.filter((c) => typeof c.amount === 'number').map((c) => formatCents(Math.round((c.amount ?? 0) * 100))).join(', ');
        context.report({
          start: money.start,
          end: money.end,
          message: {
            en: `Unexpected ${q} claimed as ${match.entry.info.reason.en.replace(/ claimed$/, '')}, expected an amount from the \`charges:\` facts${listed ? ` (${listed})` : ''}`,
            zh: `不应主张 ${q}（${match.entry.info.reason.zh}），应与事实 \`charges:\` 中的金额一致${listed ? `（${listed}）` : ''}`,
          },
          fixes: [removeSentenceFix(context, sentence)],
        });
      }
    }
  },
});
