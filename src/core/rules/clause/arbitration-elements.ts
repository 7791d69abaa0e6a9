import { defineRule } from '../../rule.js';
import { clauseInstitution } from './arbitration-institution.js';
import { clauseSections, matchesIn, sectionAnchor } from './clause-sections.js';

interface Element {
  present: RegExp;
  name: { en: string; zh: string };
  hint: { en: string; zh: string };
}

/** What an arbitration clause must settle (domain notes §5), each with how it is usually worded. */
const ELEMENTS: readonly Element[] = [
  {
    present:
      /\bseat\b|\bplace of (?:the )?arbitration\b|\bvenue of (?:the )?arbitration\b|\barbitration\s+(?:shall\s+(?:be\s+)?|is\s+to\s+be\s+|will\s+be\s+)?(?:held|conducted|seated|take\s+place)\s+in\b|\b(?:arbitration|arbitrated)\s+in\s+(?!(?:the\s+)?(?:China|PRC|People|Mainland|United\s+States|USA|America|Asia|Europe)\b)(?:the\s+)?[A-Z][a-z]+|仲裁地|仲裁地点|在(?:中国|中华人民共和国)?(?!中国|境内|国内)[\u4e00-\u9fff]{2,6}?(?:市)?(?:申请|进行|提起)仲裁|仲裁在[\u4e00-\u9fff]{2,8}进行|在(?!中国|境内|国内)[\u4e00-\u9fff]{2,4}?(?:市)?仲裁(?![委院中规])/i,
    name: { en: 'a seat', zh: '仲裁地' },
    hint: { en: 'the seat, city and country, e.g. `The seat of arbitration shall be Beijing, China`', zh: '城市和国家，如“仲裁地为中国北京”' },
  },
  {
    present: /\brules\b|仲裁规则|规则/i,
    name: { en: 'rules', zh: '仲裁规则' },
    hint: { en: "the institution's rules in force when the arbitration is filed", zh: '“按照申请仲裁时该会现行有效的仲裁规则”' },
  },
  {
    present: /\blanguage\b|\bconducted in (?:English|Chinese)\b|语言/i,
    name: { en: 'a language', zh: '仲裁语言' },
    hint: { en: '`The language of the arbitration shall be English`', zh: '如“仲裁语言为中文”' },
  },
  {
    present: /\barbitrators?\b|仲裁员/i,
    name: { en: 'a number of arbitrators', zh: '仲裁员人数' },
    hint: { en: 'one or three arbitrators', zh: '一名或三名仲裁员' },
  },
  {
    present: /\bfinal and binding\b|\bfinal and conclusive\b|\bfinally (?:resolved|settled)\b|终局/i,
    name: { en: 'a final and binding award', zh: '裁决终局性' },
    hint: { en: 'the award stated as final and binding on both parties', zh: '“仲裁裁决是终局的，对双方均有约束力”' },
  },
];

const ARBITRATION_WORD = /arbitra|仲裁/i;

// a seat (or the place of the hearing) left to one party to choose: the other party cannot know where it will be sued
const PARTY_EN = String.raw`(?:the\s+)?(?:Seller|Buyer|Claimant|Respondent|Supplier|Customer|Purchaser|Vendor|Lender|Creditor|Company|Contractor|Licensor|Licensee|first\s+party|initiating\s+party|party\s+(?:initiating|commencing|bringing)[^.;,]{0,30})`;
const SEAT_BY_CHOICE = new RegExp(
  [
    String.raw`\b(?:seat|place|venue|location|city)\b[^.;]{0,80}?\b(?:at|in|subject\s+to)\s+(?:the\s+)?(?:sole\s+|absolute\s+)?(?:option|election|choice|discretion)\s+of\s+${PARTY_EN}`,
    String.raw`\b(?:seat|place|venue|location|city)\b[^.;]{0,80}?\b(?:at|in)\s+${PARTY_EN}(?:['’]s)?\s+(?:sole\s+)?(?:option|election|choice|discretion)`,
    String.raw`\b(?:seat|place|venue|location|city)\b[^.;]{0,60}?\b(?:as|which|that)\s+${PARTY_EN}\s+(?:may|shall|will)\s+(?:choose|elect|select|designate|nominate|determine|decide)`,
    String.raw`\b${PARTY_EN}\s+(?:may|shall\s+be\s+entitled\s+to|has\s+the\s+right\s+to)\s+(?:choose|elect|select|designate|nominate|determine)\s+(?:the\s+)?(?:seat|place|venue|city|location)\b`,
    String.raw`(?:仲裁地|仲裁地点|仲裁城市)[^。；]{0,20}?由(?:卖方|买方|申请人|甲方|乙方|供方|需方|债权人|提起仲裁的一方|申请仲裁的一方)(?:自行|单方)?(?:选择|决定|指定|确定)`,
    String.raw`(?:卖方|买方|申请人|甲方|乙方|供方|需方|债权人)(?:有权)?(?:自行|单方)?(?:选择|指定|决定)的?(?:仲裁地|仲裁地点|城市)`,
  ].join('|'),
  'giu',
);

export default defineRule({
  meta: {
    id: 'arbitration-elements',
    category: 'clause',
    defaultSeverity: 'warning',
    description: 'An arbitration clause states its seat, rules, language, number of arbitrators, and that the award is final and binding',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Reports an arbitration clause that leaves out one of the elements that make it work: the seat (city and country), the institution's rules (in force when the arbitration is filed), the language of the arbitration, the number of arbitrators (one or three), and that the award is final and binding; and a seat left to one party's choice ("at the Seller's option").

A published model clause is correct: when the clause names an institution (CIETAC, HKIAC, SIAC, the ICC, the LCIA …, or rules that only that institution administers), its rules supply the seat, the number of arbitrators, the language and the finality of the award, so a missing element is drafting advice (info). Without an institution a gap is a warning, and a seat left to one party is always a warning.

**Why it matters.** A clause that is silent on these points is not void, but every gap the rules do not fill is a fight at the start of the arbitration: the buyer can argue about the seat (which decides the court that supervises the arbitration and whether the award is enforced under the New York Convention), about the language (a Chinese-language arbitration when your documents are in English), or about the number of arbitrators (which changes cost and time). PRC Arbitration Law Arts. 16 and 18 and the model clauses of CIETAC, HKIAC, SIAC and the ICC all settle these points in the clause itself.

**Wrong**

\`\`\`markdown
Any dispute shall be submitted to the China International Economic and Trade Arbitration Commission for arbitration.
\`\`\`

\`\`\`markdown
争议提交中国国际经济贸易仲裁委员会仲裁。
\`\`\`

**Right**

\`\`\`markdown
Any dispute arising out of or in connection with this contract shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration in accordance with its rules in force when the application for arbitration is filed. The seat of arbitration shall be Beijing, China. The tribunal shall consist of three arbitrators. The language of the arbitration shall be English. The award is final and binding on both parties.
\`\`\`

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。仲裁地为中国北京。仲裁庭由三名仲裁员组成。仲裁语言为中文。仲裁裁决是终局的，对双方均有约束力。
\`\`\``,
      zh: `本规则检查仲裁条款是否缺少使其顺利运作的要素：仲裁地（城市和国家）、仲裁规则（“申请仲裁时现行有效的仲裁规则”）、仲裁语言、仲裁员人数（一名或三名），以及“仲裁裁决是终局的，对双方均有约束力”；以及仲裁地由一方选择（“由卖方选择”）的约定。

机构公布的示范条款是正确的：条款写明了仲裁机构（中国国际经济贸易仲裁委员会、香港国际仲裁中心、新加坡国际仲裁中心、国际商会、伦敦国际仲裁院等，或只由该机构管理的仲裁规则）时，仲裁地、仲裁员人数、语言和裁决终局性由其仲裁规则补充，缺少这些要素只是起草建议（info）。没有仲裁机构时缺项是警告；仲裁地由一方选择始终是警告。

**为什么重要**：缺少这些内容的条款并不因此无效，但每一处空白都会在仲裁开始时引发争执——买方可以就仲裁地争论（仲裁地决定由哪个法院监督仲裁，以及裁决能否依《纽约公约》得到承认和执行），就语言争论（您的单据都是英文，仲裁却用中文进行），或就仲裁员人数争论（直接影响费用和周期）。《仲裁法》第十六条、第十八条，以及中国国际经济贸易仲裁委员会（CIETAC）、香港国际仲裁中心（HKIAC）、新加坡国际仲裁中心（SIAC）和国际商会（ICC）的示范条款，都在条款中把这些事项写明。参见 [docs/law.md](../../law.md#clauses)。

**错误**

\`\`\`markdown
争议提交中国国际经济贸易仲裁委员会仲裁。
\`\`\`

**正确**

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。仲裁地为中国北京。仲裁庭由三名仲裁员组成。仲裁语言为中文。仲裁裁决是终局的，对双方均有约束力。
\`\`\``,
    },
  },
  check(context) {
    for (const section of clauseSections(context)) {
      if (section.type !== 'arbitration' || !ARBITRATION_WORD.test(section.text)) continue;
      const anchor = sectionAnchor(section);
      // a named institution's rules fill what the clause leaves out (its published model clause is correct): advice, not a defect
      const institution = clauseInstitution(section)?.institution;
      for (const element of ELEMENTS) {
        if (element.present.test(section.text)) continue;
        context.report({
          ...anchor,
          ...(institution ? { severity: 'info' as const } : {}),
          message: institution
            ? {
                en: `Unexpected arbitration clause without ${element.name.en}, expected it only where the ${institution.id} rules' default does not suit: ${institution.defaults.en}`,
                zh: `仲裁条款未写明${element.name.zh}，仅在${institution.zh}规则的默认安排不合适时才需写明：${institution.defaults.zh}`,
              }
            : {
                en: `Unexpected arbitration clause without ${element.name.en}, expected ${element.hint.en}`,
                zh: `仲裁条款缺少${element.name.zh}，应写明${element.hint.zh}`,
              },
        });
      }
      for (const m of matchesIn(section, SEAT_BY_CHOICE)) {
        context.report({
          start: m.start,
          end: m.end,
          message: {
            en: `Unexpected seat left to one party's choice (\`${m.text}\`), expected one seat fixed in the clause (city and country): the other party cannot know where the arbitration will be, and an asymmetric option may be challenged`,
            zh: `仲裁地由一方选择（\`${m.text}\`），应在条款中约定确定的仲裁地（城市和国家）：另一方无从得知仲裁在何处进行，单方选择权也可能被认定无效`,
          },
        });
      }
    }
  },
});
