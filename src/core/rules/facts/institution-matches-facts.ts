import { defineRule } from '../../rule.js';
import { INSTITUTIONS, institutionById, type Institution } from '../clause/institutions.js';
import { sentenceEnd, sentenceStart } from './support.js';
import { replaceWith } from '../fix-titles.js';

const ARBITRATION = /arbitra|仲裁/iu;
// "ICC" is also the body behind Incoterms and the UCP: only an ICC named for arbitration counts
const NOT_ARBITRAL = /^\s*(?:Incoterms|UCP|Uniform\s+Customs|Rules\s+for\s+Documentary|URDG|eUCP)/iu;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every name of every institution, longest first, so that "ICC International Court of Arbitration" wins over "ICC". */
const NAMES: readonly { name: string; institution: Institution }[] = INSTITUTIONS.flatMap((institution) =>
  institution.names.map((name) => ({ name, institution })),
).sort((a, b) => b.name.length - a.name.length);
const NAME = new RegExp(NAMES.map(({ name }) => (/^[A-Za-z]/.test(name) ? `(?<![A-Za-z])${escape(name)}(?![A-Za-z])` : escape(name))).join('|'), 'gu');

export default defineRule({
  meta: {
    id: 'institution-matches-facts',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'The arbitration institution a letter names is the one the contract names',
    languages: ['eng', 'cmn'],
    docs: {
      en: `An arbitration clause names one institution, and only that institution has jurisdiction (PRC Arbitration Law Arts. 16 and 18; see [docs/law.md](../law.md#clauses)). A letter that threatens arbitration "at the Singapore International Arbitration Centre" under a contract that refers disputes to CIETAC announces a step the creditor cannot take, and tells the debtor the creditor has not read its own contract.

This rule reports an institution named in a letter or call summary, in a sentence about arbitration, that is not \`contract.arbitration\`. Clauses are left to the clause rules, and "ICC" in "ICC Incoterms 2020" or the UCP is no arbitration. The fix (a suggestion) writes the contract's institution.

**Wrong** (\`contract.arbitration: CIETAC\`)

> If payment is not received by that date, we will commence arbitration at the Singapore International Arbitration Centre under clause 15 of the contract.

**Right**

> If payment is not received by that date, we will submit the dispute to the China International Economic and Trade Arbitration Commission (CIETAC) under clause 15 of the contract.`,
      zh: `仲裁条款只能约定一个仲裁机构，也只有该机构有管辖权（《仲裁法》第十六条、第十八条；参见 [docs/law.md](../../law.md#clauses)）。合同约定提交中国国际经济贸易仲裁委员会，函件却声称将“向新加坡国际仲裁中心申请仲裁”，等于宣布了一个债权人根本无法采取的步骤，也让债务人看出债权人没有读过自己的合同。

本规则报告函件或通话纪要中、在谈及仲裁的句子里出现的、与 \`contract.arbitration\` 不一致的仲裁机构。条款文书由条款规则检查；“ICC Incoterms 2020”或 UCP 中的“ICC”与仲裁无关。修复（仅作建议）改写为合同约定的机构。

**错误**（\`contract.arbitration: CIETAC\`）

> 如届时仍未付款，我司将向新加坡国际仲裁中心申请仲裁。

**正确**

> 如届时仍未付款，我司将依据合同第15条向中国国际经济贸易仲裁委员会申请仲裁。`,
    },
  },
  check(context) {
    const { facts, blocks, report } = context;
    if (facts.kind === 'clause') return;
    const agreed = institutionById(facts.contract?.arbitration);
    if (!agreed) return;
    for (const block of blocks) {
      if (!ARBITRATION.test(block.text)) continue;
      NAME.lastIndex = 0;
      for (let m = NAME.exec(block.text); m; m = NAME.exec(block.text)) {
        const named = NAMES.find((n) => n.name === m![0])?.institution;
        if (!named || named.id === agreed.id) continue;
        if (NOT_ARBITRAL.test(block.text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
        const sentence = block.text.slice(sentenceStart(block.text, m.index), sentenceEnd(block.text, m.index + m[0].length));
        if (!ARBITRATION.test(sentence)) continue;
        const start = block.start + m.index;
        report({
          start,
          end: start + m[0].length,
          message: {
            en: `Unexpected \`${m[0]}\`, expected the institution the contract names: ${agreed.en} (\`contract.arbitration: ${facts.contract?.arbitration ?? ''}\`)`,
            zh: `不应出现 \`${m[0]}\`，应为合同约定的仲裁机构：${agreed.zh}（\`contract.arbitration: ${facts.contract?.arbitration ?? ''}\`）`,
          },
          fixes: [
            {
              title: replaceWith(/[\u4e00-\u9fff]/u.test(m[0]) ? agreed.zh : agreed.en),
              edits: [{ start, end: start + m[0].length, text: /[\u4e00-\u9fff]/u.test(m[0]) ? agreed.zh : agreed.en }],
            },
          ],
        });
      }
    }
  },
});
