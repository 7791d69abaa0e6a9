import { defineRule } from '../../rule.js';

// What changes the debtor's payment terms: an extension, new dates, a repayment plan, instalments
const CHANGE =
  /\b(?:extend(?:s|ed|ing)?|extension|new\s+(?:payment\s+)?dates?|repayment\s+plan|payment\s+(?:plan|schedule)|instal(?:l)?ments?|reschedul\w*|defer(?:red|ral)?|more\s+time)\b|展期|延期|延长|分期|还款计划|付款计划|还款安排|付款安排|新的付款期限/iu;
// The guarantor's consent, asked for or given: "once he has consented to it in writing", "保证人书面同意"
const CONSENT =
  /\bguarant\w*[^.;。；]{0,100}\b(?:consent\w*|agree\w*|approv\w*|countersign\w*|sign\w*)\b|\b(?:consent|agreement|approval|signature|countersignature)\s+(?:of|from|by)\s+(?:the\s+|our\s+|your\s+)?(?:\w+\s+){0,3}guarant|\b(?:consent\w*|agree\w*|approv\w*|countersign\w*|sign\w*)\b[^.;。；]{0,60}\bguarant|(?:保证人|担保人)[^。；]{0,40}(?:同意|确认|签字|签署|签章|盖章|书面)|(?:同意|确认|签字|签署)[^。；]{0,20}(?:保证人|担保人)/iu;

export default defineRule({
  meta: {
    id: 'guarantor-consent',
    category: 'clause',
    defaultSeverity: 'warning',
    description: "A repayment plan or extension agreed with a guaranteed debtor asks for the guarantor's written consent",
    languages: ['eng', 'cmn'],
    docs: {
      en: `When the creditor and the debtor change the time for payment without the guarantor's written consent, a PRC guarantee's period keeps running from the original due date (PRC Civil Code Art. 695; see [docs/law.md](../law.md#clauses)): an extension can quietly let the guarantee lapse. A US guaranty usually contains the guarantor's advance consent to modifications; asking for a written consent is still the careful step.

This rule reports a call summary, repayment plan or letter that agrees an extension, new dates or instalments in a case with a \`guarantor:\`, where the text neither asks for nor records the guarantor's consent. Under PRC law (a Chinese guarantor, or \`contract.governing_law: PRC\`) it is a warning; otherwise drafting advice (info).

**Wrong** (\`guarantor: { name: Gu Jianping, country: CN }\`)

> We agreed to extend payment: USD 26,000.00 by 15 December 2026 and USD 26,000.00 by 29 January 2027. This extension takes effect today.

**Right**

> We agreed to extend payment: USD 26,000.00 by 15 December 2026 and USD 26,000.00 by 29 January 2027. The extension takes effect once Mr. Gu, as guarantor, has consented to it in writing.`,
      zh: `债权人与债务人变更主债务的履行期限，未经保证人书面同意的，保证期间不受影响，仍自原到期日起算（《民法典》第六百九十五条；参见 [docs/law.md](../../law.md#clauses)）：同意展期而不取得保证人书面同意，保证可能在不知不觉中过期。美国的个人保证书通常已写明保证人事先同意合同变更，但取得书面同意仍是稳妥做法。

本规则报告：案件有 \`guarantor:\`，而通话纪要、还款计划或函件约定了展期、新的付款日期或分期付款，正文却既未要求也未记载保证人的同意。适用中国法律时（保证人在中国，或 \`contract.governing_law: PRC\`）为警告，否则为起草建议（info）。

**错误**（\`guarantor: { name: 顾建平, country: CN }\`）

> 双方同意贵司分两期付款：2026年12月15日前支付美元26,000.00，2027年1月29日前支付美元26,000.00。

**正确**

> 双方同意贵司分两期付款：2026年12月15日前支付美元26,000.00，2027年1月29日前支付美元26,000.00。本安排经保证人顾建平先生书面同意后生效。`,
    },
  },
  check(context) {
    const { facts, blocks, report } = context;
    if (!facts.guarantor?.name || facts.kind === 'clause') return;
    const plan = (facts.commitments?.length ?? 0) > 0 || (facts.instalments?.length ?? 0) > 0;
    const change = blocks.find((b) => CHANGE.test(b.text));
    if (!change || (!plan && facts.kind !== 'call-summary')) return;
    if (blocks.some((b) => CONSENT.test(b.text))) return;
    const prc = facts.guarantor.country === 'CN' || facts.contract?.governing_law === 'PRC';
    report({
      start: change.start,
      end: change.end,
      ...(prc ? {} : { severity: 'info' as const }),
      message: {
        en: `Unexpected change to the payment terms without the guarantor's consent, expected the written consent of ${facts.guarantor.name} to be asked for: without it the guarantee period runs from the original due date (PRC Civil Code Art. 695)`,
        zh: `变更付款期限未提及保证人同意，应取得保证人 ${facts.guarantor.name} 的书面同意：否则保证期间仍自原到期日起算（《民法典》第695条）`,
      },
    });
  },
});
