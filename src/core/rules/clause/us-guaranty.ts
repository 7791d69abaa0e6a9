import { defineRule } from '../../rule.js';
import { clauseSections, guaranteeLaw, matchesIn, sectionAnchor } from './clause-sections.js';

const OF_PAYMENT = /\bguarant(?:y|ee)\s+of\s+payment\b/i;
const OF_COLLECTION = /\bguarant(?:y|ee)\s+of\s+collection\b/gi;
const GOVERNING_LAW = /\bgoverned\s+by\b|\bgoverning\s+law\b|\bconstrued\s+(?:in\s+accordance\s+with|under)\b|适用[\u4e00-\u9fff]{0,10}法律/i;
// ECOA / Regulation B: a spouse's signature may not be required when the guarantor qualifies alone
const SPOUSE =
  /\b(?:(?:signed|countersigned|executed|joined|consented\s+to|approved)\b[^.;]{0,40}?\bby\s+(?:the\s+)?(?:Guarantor(?:'s|’s)\s+|his\s+|her\s+)?(?:spouse|wife|husband)|(?:spouse|wife|husband)(?:'s|’s)?\s+(?:must|shall|is\s+required\s+to|will)\s+(?:also\s+)?(?:sign|countersign|consent|join))\b|配偶(?:须|必须|应|应当)(?:同时)?(?:签字|签署|同意)|(?:须|必须|应|应当)经?(?:保证人)?配偶(?:签字|签署|同意)/giu;
const NOT_REQUIRED =
  /\b(?:need\s+not(?:\s+be)?|does\s+not\s+need\s+to(?:\s+be)?|is\s+not\s+required\s+to(?:\s+be)?|not\s+required|no\s+(?:spouse|signature)|without\s+(?:the\s+)?(?:need|requirement))\b[^.;]{0,30}$|\bnot\s+required\b|无需|不需|不要求/iu;
const JOINT = /\bjoint(?:ly)?\s+and\s+several(?:ly)?\b|连带/i;
// a single guarantor liable as a primary obligor, not a surety who may wait for the buyer's default to be pursued
const PRIMARY =
  /\bprimary\s+(?:obligor|obligation)|\b(?:absolutely|unconditionally|irrevocably)\b[^.;]{0,40}\bguarantee[sd]?\b|\bguarantee[sd]?\b[^.;]{0,40}\b(?:absolutely|unconditionally|irrevocably)\b|\b(?:absolute|unconditional)\s+guarant|无条件/i;
const SEVERAL_GUARANTORS = /\bGuarantors\b|\beach\s+(?:of\s+the\s+)?Guarantor\b|\bco-?guarantors?\b|(?:各|每一|每名)保证人|保证人(?:之间|各自|共同)/u;
const GUARANTOR_NAMED = /\bGuarantors?\b|\bguarantor\b|\bsurety\b|保证人|担保人/i;
const DEBT_NAMED =
  /\b(?:obligations?|indebtedness|debts?|liabilities|amounts?|sums?|payments?|invoices?|price)\b[^;。]{0,120}\b(?:Buyer|Debtor|Customer|Purchaser|Borrower|Company|Applicant|owe[sd]?|owing|due|payable|under|of)\b|\bGuaranteed\s+(?:Obligations|Debt|Amounts?)\b|主债务|主合同|货款|债务|付款义务|欠款|欠付|款项/i;
const WAIVES = /\bwaive[sd]?\b|\bwaiver\b|放弃/i;
const DEFENCES = /\bpresentment\b|\bnotice\b|\bdemand\b|\bsuretyship\b|\bdefen[cs]es?\b|抗辩/i;

export default defineRule({
  meta: {
    id: 'us-guaranty',
    category: 'clause',
    defaultSeverity: 'error',
    description: 'A US personal guaranty is a guaranty of payment, states its governing law, and waives the suretyship defences',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Reports a guaranty under US law (a US guarantor, \`contract.governing_law\` of a US state, or "the laws of the State of ...") that is not expressly a guaranty *of payment* (or says "of collection"), that names no governing law, or that does not waive the suretyship defences (notice, presentment, demand on the debtor).

**Why it matters.** The point of a US-based guarantor is a person whose assets a US court can reach when a judgment against the Chinese buyer cannot be enforced. A guaranty *of collection* obliges the creditor to exhaust its remedies against the buyer first — in China, the very thing it cannot do. Without the waivers, the guarantor can argue that an extension given to the buyer, or a missing notice, released it; without a governing law and forum in the guarantor's state, the first fight is about where to sue. US guaranty practice (Restatement (Third) of Suretyship and Guaranty) rests on these terms; a guaranty must also be in writing and signed (statute of frauds; see [docs/law.md](../law.md#clauses)).

**Wrong**

\`\`\`markdown
The Guarantor guarantees the collection of all amounts owed by the Buyer.
\`\`\`

\`\`\`markdown
保证人保证卖方能够从买方收回全部款项（guaranty of collection）。
\`\`\`

**Right**

\`\`\`markdown
This is a guaranty of payment and not of collection. The Guarantor waives notice, presentment, demand on the Buyer and every other suretyship defence. This guaranty is governed by the law of the State of California.
\`\`\`

\`\`\`markdown
本保证为付款保证（guaranty of payment），而非收款保证。保证人放弃通知、提示、向买方要求付款等一切保证人抗辩。本保证适用美国加利福尼亚州法律。
\`\`\`

"guaranty of collection" has one right fix: "guaranty of payment" (\`--fix\` applies it).`,
      zh: `本规则检查适用美国法律的保证（guaranty）条款（保证人在美国、\`contract.governing_law\` 为美国某州，或写明 “the laws of the State of ...”）：是否明确是付款保证（guaranty of payment）而不是收款保证（guaranty of collection），是否写明准据法，是否放弃了保证人抗辩（通知、提示付款、先向债务人请求等）。

**为什么重要**：找美国保证人的意义，在于对中国买方的判决无法执行时，美国法院能够执行保证人的财产。收款保证要求债权人先穷尽对买方的救济——在中国，这恰恰是做不到的。没有放弃抗辩的约定，保证人可以主张给予买方的展期或漏发的通知解除了其责任；没有约定保证人所在州的准据法和法院，第一场争议就是在哪里起诉。美国保证实务（《第三次保证与担保法重述》）以这些条款为基础；保证还必须采用书面形式并签字（反欺诈法）。参见 [docs/law.md](../../law.md#clauses)。

**错误**

\`\`\`markdown
保证人保证卖方能够从买方收回全部款项（guaranty of collection）。
\`\`\`

**正确**

\`\`\`markdown
本保证为付款保证（guaranty of payment），而非收款保证。保证人放弃通知、提示、向买方要求付款等一切保证人抗辩。本保证适用美国加利福尼亚州法律。
\`\`\`

“guaranty of collection” 只有一种正确改法：“guaranty of payment”（\`--fix\` 会应用）。`,
    },
  },
  check(context) {
    for (const section of clauseSections(context)) {
      if (section.type !== 'guarantee' || guaranteeLaw(context, section) !== 'us') continue;
      const anchor = sectionAnchor(section);
      let collection = false;
      for (const m of matchesIn(section, OF_COLLECTION)) {
        const before = context.text.slice(Math.max(section.start, m.start - 12), m.start);
        if (/\bnot\s+(?:an?\s+)?$/i.test(before)) continue;
        collection = true;
        const of = m.text.search(/collection/i);
        context.report({
          start: m.start,
          end: m.end,
          fixes: [
            {
              title: { en: 'Make it a guaranty of payment', zh: '改为付款保证（guaranty of payment）' },
              edits: [{ start: m.start + of, end: m.end, text: 'payment' }],
              isPreferred: true,
            },
          ],
          message: {
            en: `Unexpected \`${m.text}\`, expected a guaranty of payment: a guaranty of collection lets the guarantor wait until the creditor has exhausted its remedies against the debtor in China`,
            zh: `\`${m.text}\`（收款保证）不可取，应为付款保证（guaranty of payment）：收款保证要求债权人先在中国对债务人穷尽救济`,
          },
        });
      }
      for (const m of matchesIn(section, SPOUSE)) {
        const before = context.text.slice(Math.max(section.start, m.start - 40), m.start);
        if (NOT_REQUIRED.test(before) || NOT_REQUIRED.test(m.text)) continue;
        context.report({
          start: m.start,
          end: m.end,
          message: {
            en: `Unexpected \`${m.text}\`, expected no spouse's signature as a condition: a creditor may not require the spouse to sign when the guarantor qualifies alone (ECOA, Regulation B, 12 CFR 1002.7(d))`,
            zh: `不应要求配偶签字（\`${m.text}\`）：保证人本人符合条件时，债权人不得要求其配偶签字（美国《平等信贷机会法》及 Regulation B 第1002.7(d)条）`,
          },
        });
      }
      // core terms first: who guarantees, which debt, and how the guarantor is liable
      const several = SEVERAL_GUARANTORS.test(section.text) || (Array.isArray(context.facts.guarantor) && context.facts.guarantor.length > 1);
      const primary = JOINT.test(section.text) || (!several && (OF_PAYMENT.test(section.text) || PRIMARY.test(section.text)));
      // (a guaranty "of collection" is that finding already)
      if (!primary && !collection) {
        context.report({
          ...anchor,
          severity: 'warning',
          message: several
            ? {
                en: 'Unexpected guaranty by several guarantors that does not make them jointly and severally liable, expected `The Guarantors are jointly and severally liable`: otherwise each may answer only for a share',
                zh: '多名保证人的保证条款未约定连带责任，应写明“各保证人承担连带责任（jointly and severally liable）”：否则每名保证人可能只按份额承担责任',
              }
            : {
                en: 'Unexpected guaranty that does not say how the guarantor is liable, expected it jointly and severally liable with the buyer as a primary obligor (`absolutely and unconditionally guarantees payment`)',
                zh: '保证条款未写明保证人的责任方式，应写明保证人作为主债务人与买方承担连带责任（“无条件地保证付款”）',
              },
        });
      }
      if (!GUARANTOR_NAMED.test(section.text) && !(typeof context.facts.guarantor?.name === 'string' && section.text.includes(context.facts.guarantor.name))) {
        context.report({
          ...anchor,
          severity: 'warning',
          message: {
            en: 'Unexpected guaranty that names no guarantor, expected who guarantees (name and address)',
            zh: '保证条款未写明保证人，应写明保证人的姓名（名称）和地址',
          },
        });
      }
      if (!DEBT_NAMED.test(section.text)) {
        context.report({
          ...anchor,
          severity: 'warning',
          message: {
            en: "Unexpected guaranty that does not say which debt it covers, expected the buyer's obligations it guarantees (the contract, the invoices, or all amounts the buyer owes)",
            zh: '保证条款未写明所担保的主债务，应写明被担保的买方债务（合同、发票或买方所欠全部款项）',
          },
        });
      }
      // "of payment" and the governing law are drafting points once the core terms are there
      if (!collection && !OF_PAYMENT.test(section.text)) {
        context.report({
          ...anchor,
          severity: 'info',
          message: {
            en: 'Unexpected guaranty that does not say it is a guaranty of payment, expected `This is a guaranty of payment and not of collection`',
            zh: '保证条款未写明为付款保证，应写明“本保证为付款保证（guaranty of payment），而非收款保证”',
          },
        });
      }
      if (!GOVERNING_LAW.test(section.text)) {
        context.report({
          ...anchor,
          severity: 'info',
          message: {
            en: "Unexpected guaranty without a governing law, expected e.g. `This guaranty is governed by the law of the State of California`, the guarantor's state",
            zh: '保证条款未约定适用法律，应约定保证人所在州的法律，如“本保证适用美国加利福尼亚州法律”',
          },
        });
      }
      // the waivers are best practice that a careful drafter adds; their absence does not void the guaranty
      if (!(WAIVES.test(section.text) && DEFENCES.test(section.text))) {
        context.report({
          ...anchor,
          severity: 'info',
          message: {
            en: 'Unexpected guaranty without a waiver of suretyship defences, expected the guarantor to waive notice, presentment, demand on the debtor and other suretyship defences',
            zh: '保证条款未约定放弃保证人抗辩，应写明保证人放弃通知、提示、向债务人要求付款等保证人抗辩',
          },
        });
      }
    }
  },
});
