import { frameMessage, meaningFindings } from '../../meaning/index.js';
import { defineRule, type RuleContext } from '../../rule.js';
import data from '../data/tone-charges.json';
import { compileList, findInLetterProse, isAccepted, quote, removeSentenceFix, sentenceAt, isClause, type PhraseList, type PhraseMatch } from './phrases.js';

const CHARGES = compileList(data as PhraseList);
const NEGATION = { en: new RegExp(data.negation.en, 'iu'), zh: new RegExp(data.negation.zh, 'u') };
// How far before a charge word a negation ("no interest", "we will not charge the interest", 不计利息) still counts
const NEGATION_REACH = 40;
const NEGATED_AFTER = /^\s*(?:is|are|will\s+be|has\s+been|have\s+been|shall\s+be)\s+(?:waived|not|forgiven|cancelled)/iu;
// The basis the text itself states: a clause, the contract or agreement, the creditor's terms, a statute
const BASIS_EN =
  /\b(?:(?:as\s+)?provided\s+(?:for\s+)?(?:in|by|under)\s+(?:the\s+)?(?:clause|section|article|paragraph|contract|agreement|guaranty|terms)|under|pursuant\s+to|in\s+accordance\s+with|as\s+(?:provided|set\s+out|stated|agreed|specified)\s+(?:in|under|by)|according\s+to|per|as\s+per|in\s+line\s+with)\s+(?:(?:the|our|your|its)\s+)?(?:clause|section|article|art\.|paragraph|para\.|§|(?:sales\s+|supply\s+|purchase\s+|distribution\s+|master\s+|framework\s+)?(?:contract|agreement)|(?:standard\s+|general\s+)?(?:terms|conditions|T&Cs?))|\b(?:clause|section|article)\s+\d+(?:\.\d+)*\s+(?:of|provides|entitles|allows|permits|sets)|\b(?:contract|agreement|terms)\s+(?:provides?|entitles?|allows?|permits?)\b|\b(?:contractual|statutory)\s+(?:late[-\s]payment\s+)?(?:interest|rate|compensation)\b|\bLate\s+Payment\s+of\s+Commercial\s+Debts\b/iu;
const BASIS_ZH =
  /(?:依据|根据|按照|依照|按|依)(?:双方)?(?:签订的)?(?:《[^》]{1,30}》|合同|协议|约定|法律|条款|第[\d.]+条)|合同(?:第[\d.]+条)?(?:约定|规定)|协议(?:第[\d.]+条)?(?:约定|规定)|第[\d.]+条(?:约定|规定)/u;
// A reservation of the right to claim a charge later claims nothing now ("it reserves its right to claim interest")
const RESERVED = /\b(?:reserve[sd]?|reserving|without\s+prejudice\s+to)\b|保留/iu;
// What a court or tribunal may add to a judgment or award is not a charge the letter claims
const AWARDED =
  /\b(?:court|tribunal|arbitrators?|judge|arbitral\s+tribunal)s?\b[^.;]{0,40}\b(?:award|order|grant|add|allow)s?\b|\b(?:award|order)\s+of\s+(?:interest|costs)|法院[^，。；]{0,10}(?:判令|判决|支持)|仲裁庭[^，。；]{0,10}(?:裁决|支持)/iu;
// A paragraph's bold label (`**Interest.**`) or a heading names the topic; the claim, if any, is the next sentence
const LABEL = /^\s*(?:#{1,6}\s+|(?:\d+[.)]|[一二三四五六七八九十]+[、.])\s*)?\*\*[^*\n]{1,60}\*\*\s*/u;

// Between a negation and the charge it governs: no clause break, and no other verb it could govern ("if payment is not received, interest ...")
const GOVERNS = /^[^,;:.!?，；：。！？]*$/u;
const OTHER_VERB = /\b(?:receiv|paid|pay|made|settl|reach|arriv|deliver|comply|respond|hear)/i;

function negated(context: RuleContext, match: PhraseMatch, sentence: { start: number; end: number }): boolean {
  const before = context.text.slice(Math.max(sentence.start, match.start - NEGATION_REACH), match.start);
  const after = context.text.slice(match.end, Math.min(sentence.end, match.end + NEGATION_REACH));
  for (const regex of [NEGATION.en, NEGATION.zh]) {
    const global = new RegExp(regex.source, `${regex.flags}g`);
    let last: RegExpExecArray | undefined;
    for (let m = global.exec(before); m; m = global.exec(before)) last = m;
    if (last) {
      const gap = before.slice(last.index + last[0].length);
      if (GOVERNS.test(gap) && !OTHER_VERB.test(gap)) return true;
    }
  }
  return NEGATED_AFTER.test(after) || /^[^，。；]{0,6}(?:免除|豁免|不再|不予)/u.test(after);
}

function inLabel(match: PhraseMatch): boolean {
  if (match.block.type === 'heading') return true;
  const label = LABEL.exec(match.block.text);
  return label !== null && match.start - match.block.start < label[0].length;
}

/** True when the sentence (or the paragraph it opens) names the clause, terms or statute behind the charge. */
function basisInText(context: RuleContext, match: PhraseMatch, sentence: { start: number; end: number }): boolean {
  const text = context.text.slice(sentence.start, sentence.end);
  return BASIS_EN.test(text) || BASIS_ZH.test(text);
}

export default defineRule({
  meta: {
    id: 'unbacked-charges',
    category: 'tone',
    defaultSeverity: 'error',
    description: 'Interest, fees, penalties or collection costs claimed without a basis in the case facts',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Catches interest, late fees, penalties, collection costs and attorney fees (违约金, 滞纳金, 利息, 催收费) that a letter claims with no basis: neither a \`charges:\` entry with a \`basis:\` in the front matter, nor a sentence that names the contract clause, the agreed terms or the statute behind the charge ("under clause 9.2 of the contract", "our terms provide for interest", 依据合同第9.2条). Whether the *figure* of a backed charge is right is \`amount-matches-facts\`'s question, so one wrong figure gives one finding.

Silent: statements that no charge is made or that it is waived ("we will not charge the late-payment interest", 不计利息, 不再追究逾期利息); what a court or tribunal may award ("we will ask the tribunal to award interest and costs"); a paragraph's bold label or a heading that only names the topic (\`**Interest.**\`); ordinary uses of "interest" ("in our mutual interest").

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

Fix (suggestion): remove the sentence; or name the clause in the text, or add the charge with its basis to the facts.`,
      zh: `函件主张利息、滞纳金、违约金、催收费用或律师费（英文 interest、late fee、penalty、collection costs、attorney fees），却没有任何依据时，本规则报告：前置信息中没有带 \`basis:\` 的 \`charges:\` 费用项，正文中也没有写明该项费用所依据的合同条款、约定条件或法律（“依据合同第9.2条”“our terms provide for interest”）。已有依据的费用，其金额是否正确由 \`amount-matches-facts\` 判断，一处金额错误只报告一次。

以下情况不报告：表示不收取或放弃某项费用的说法（“不计利息”“不再追究逾期利息”“we will not charge the late-payment interest”）；仲裁庭或法院可能裁决的内容（“我司将请求仲裁庭裁决利息和仲裁费用”）；只点明话题的段首粗体标签或标题（\`**利息**\`）；“interest” 的普通用法（“in our mutual interest”）。

**为什么重要**：美国《公平债务催收法》（15 U.S.C. §1692f(1)）把收取协议未明确授权、法律也不允许的任何款项列为不公平做法，这也是商业催款公认的底线。一项没有依据的费用会削弱整个债权主张；起诉（仲裁）前通知函必须写明所主张的费用及其依据。参见 [docs/law.md](../../law.md#interest-and-fixed-compensation)。

**错误**（前置信息中没有 \`charges:\`）

> 贵司还须支付违约金人民币5,000元及催收费。

**正确**

\`\`\`yaml
charges:
  - what: 逾期付款利息，按月利率1%计算
    amount: 552.00
    basis: 销售合同 HVW-SC-2026-044 第9.2条
\`\`\`

> 根据合同第9.2条，逾期付款利息为552.00美元。

修复建议：删除该句；或在正文中写明所依据的条款，或在事实中加入该项费用及其依据。`,
    },
  },
  check(context) {
    const { facts } = context;
    if (isClause(facts)) return;
    const backed = (facts.charges ?? []).some((c) => typeof c.basis === 'string' && c.basis.trim() !== '');
    // the figures of a backed charge are \`amount-matches-facts\`'s to check; this rule asks for a basis
    if (backed) return;
    const reportedSentences = new Set<number>();
    for (const match of findInLetterProse(context, CHARGES)) {
      if (inLabel(match)) continue;
      const sentence = sentenceAt(match.block, match.start);
      if (reportedSentences.has(sentence.start)) continue;
      if (negated(context, match, sentence) || basisInText(context, match, sentence)) continue;
      const said = context.text.slice(sentence.start, sentence.end);
      if (AWARDED.test(said) || RESERVED.test(said)) continue;
      reportedSentences.add(sentence.start);
      const q = quote(match.text);
      context.report({
        start: match.start,
        end: match.end,
        message: {
          en: `Unexpected ${q} (${match.entry.info.reason.en}) with no basis in the facts or the text, expected ${match.entry.info.expected.en}`,
          zh: `不应出现 ${q}（${match.entry.info.reason.zh}，但事实和正文中都没有依据），应${match.entry.info.expected.zh}`,
        },
        fixes: [removeSentenceFix(context, sentence)],
      });
    }
    // the meaning layer: a debt that multiplies ("will double every week", 欠款翻倍) is a charge with no basis
    for (const found of meaningFindings(context, 'unbacked-charges')) {
      const said = context.text.slice(found.sentence.start, found.sentence.end);
      if (reportedSentences.has(found.sentence.start) || BASIS_EN.test(said) || BASIS_ZH.test(said) || isAccepted(context, found.start, found.end)) continue;
      reportedSentences.add(found.sentence.start);
      context.report({
        start: found.start,
        end: found.end,
        message: frameMessage(found, quote(context.text.slice(found.start, found.end))),
        fixes: [removeSentenceFix(context, found.sentence)],
      });
    }
  },
});
