import { defineRule } from '../../rule.js';
import { clauseSections, matchesIn, type ClauseSection } from './clause-sections.js';

const US_COURT =
  /\b(?:state\s+and\s+federal|federal\s+and\s+state)\s+courts?(?:\s+(?:located|sitting)\s+in\s+(?:the\s+)?(?:State\s+of\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)?|\b(?:United States|U\.S\.|US|federal|state)\s+(?:district\s+)?courts?\b|\bcourts?\s+(?:of|in|located\s+in|sitting\s+in)\s+(?:the\s+)?(?:State\s+of\s+|County\s+of\s+|City\s+of\s+)?(?:New York|California|Delaware|Texas|Illinois|Washington|Florida|New Jersey|Massachusetts|Oregon|Georgia|Ohio|Michigan|Pennsylvania|Nevada|Los Angeles|San Francisco|Chicago|Houston|Seattle|Boston|the United States)\b|美国[\u4e00-\u9fff]{0,10}?法院/g;
/** A route that works against a debtor in China: arbitration, a Chinese court, or any court where the debtor is. */
const ENFORCEABLE =
  /arbitra|仲裁|people's court|人民法院|courts?\s+of\s+(?:the\s+)?(?:PRC|People's Republic of China|China)\b|Chinese courts?|中国法院|domicile|住所地|any other court|other competent courts?|where(?:ver)? the (?:Buyer|Debtor|debtor|buyer) (?:is|has)|被告所在地/i;

const ARBITRATION_EN =
  'Any dispute arising out of or in connection with this contract shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration in accordance with its rules in force when the application for arbitration is filed. The seat of arbitration shall be Beijing, China. The tribunal shall consist of three arbitrators. The language of the arbitration shall be English. The award shall be final and binding on both parties.';
const ARBITRATION_ZH =
  '因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会，按照申请仲裁时该会现行有效的仲裁规则进行仲裁。仲裁地为中国北京。仲裁庭由三名仲裁员组成。仲裁语言为中文。仲裁裁决是终局的，对双方均有约束力。';

function bodyOf(section: ClauseSection): { start: number; end: number } | undefined {
  const blocks = section.heading?.type === 'heading' ? section.blocks.slice(1) : section.blocks;
  const first = blocks[0];
  const last = blocks[blocks.length - 1];
  return first && last ? { start: first.start, end: last.end } : undefined;
}

export default defineRule({
  meta: {
    id: 'us-court-only',
    category: 'clause',
    defaultSeverity: 'warning',
    description: 'A dispute clause against a debtor in China does not rely on a US court alone',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Reports a jurisdiction or dispute clause, in a case whose debtor is in China (\`debtor.country: CN\`), that sends disputes only to a US court — with no arbitration, no Chinese court and no right to sue where the debtor is.

**Why it matters.** A US judgment is hard to enforce in China: there is no treaty, and recognition rests on reciprocity that PRC courts rarely grant. An arbitral award from CIETAC, HKIAC, SIAC or the ICC is enforceable in China under the New York Convention (China has been a party since 1987) or the Mainland–Hong Kong arrangement. So against a Chinese buyer prefer arbitration, or at least keep the right to sue in the people's court where the buyer is; a US court makes sense against a US guarantor (see [docs/law.md](../law.md#fair-collection-what-a-letter-may-say)). The editor offers to replace the clause with a CIETAC arbitration clause (check the seat, language and number of arbitrators before using it).

**Wrong**

\`\`\`markdown
The state and federal courts located in the State of California have exclusive jurisdiction over any dispute.
\`\`\`

\`\`\`markdown
因本合同引起的争议由美国加利福尼亚州法院专属管辖。
\`\`\`

**Right**

\`\`\`markdown
Any dispute arising out of or in connection with this contract shall be submitted to the China International Economic and Trade Arbitration Commission (CIETAC) for arbitration. The award shall be final and binding on both parties.
\`\`\`

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，对双方均有约束力。
\`\`\``,
      zh: `债务人在中国（\`debtor.country: CN\`）的案件中，管辖或争议解决条款只把争议交给美国法院——没有仲裁、没有中国法院、也没有在债务人所在地起诉的权利——本规则报告。

**为什么重要**：美国法院判决在中国很难执行：两国没有司法协助条约，承认以互惠为前提，中国法院很少认可。CIETAC、HKIAC、SIAC 或 ICC 的仲裁裁决则可依《纽约公约》（中国自1987年起为缔约国）或内地与香港的相互执行安排在中国执行。因此对中国买方，宜约定仲裁，至少保留在买方所在地人民法院起诉的权利；美国法院适合用来起诉在美国的保证人。编辑器可将该条替换为 CIETAC 仲裁条款（使用前请核对仲裁地、语言和仲裁员人数）。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**

\`\`\`markdown
因本合同引起的争议由美国加利福尼亚州法院专属管辖。
\`\`\`

**正确**

\`\`\`markdown
因本合同引起的或与本合同有关的任何争议，均应提交中国国际经济贸易仲裁委员会仲裁。仲裁裁决是终局的，对双方均有约束力。
\`\`\``,
    },
  },
  check(context) {
    if (context.facts.debtor?.country !== 'CN') return;
    for (const section of clauseSections(context)) {
      if (section.type !== 'jurisdiction' || ENFORCEABLE.test(section.text)) continue;
      const first = matchesIn(section, US_COURT).next();
      if (first.done) continue;
      const m = first.value;
      const body = bodyOf(section);
      context.report({
        start: m.start,
        end: m.end,
        fixes: body
          ? [
              {
                title: section.zh ? '改为中国国际经济贸易仲裁委员会仲裁条款' : 'Replace with a CIETAC arbitration clause',
                edits: [{ start: body.start, end: body.end, text: section.zh ? ARBITRATION_ZH : ARBITRATION_EN }],
              },
            ]
          : [],
        message: {
          en: `Unexpected \`${m.text}\` as the only forum against a debtor in China, expected arbitration (CIETAC, HKIAC, SIAC or ICC): a US judgment is hard to enforce in China, an arbitral award is enforceable under the New York Convention`,
          zh: `对中国债务人仅约定 \`${m.text}\` 管辖，应约定仲裁（如中国国际经济贸易仲裁委员会、香港国际仲裁中心）：美国法院判决在中国难以执行，仲裁裁决可依《纽约公约》执行`,
        },
      });
    }
  },
});
