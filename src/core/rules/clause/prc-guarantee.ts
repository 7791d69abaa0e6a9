import { defineRule } from '../../rule.js';
import { clauseSections, guaranteeLaw, matchesIn, sectionAnchor } from './clause-sections.js';

const JOINT = /连带责任|连带保证|joint(?:ly)?\s+and\s+several(?:ly)?/i;
const OPEN_ENDED =
  /直至(?:主债务|全部债务|债务|全部款项|货款)?(?:全部|完全)?(?:清偿|偿还|付清)(?:完毕|之日)?(?:为止)?|\buntil\s+(?:the\s+(?:debt|amounts?|price)\s+(?:is|are|has\s+been|have\s+been)\s+|all\s+(?:amounts|sums|debts)\s+(?:are|have\s+been)\s+)?(?:fully|completely|finally)\s+(?:re)?paid\b|\buntil\s+(?:full|complete|final)\s+(?:re)?payment\b|\buntil\s+(?:re)?paid\s+in\s+full\b/gi;
const PERIOD =
  /保证期间|保证期限|保证责任期间|保证责任期限|担保期间|担保期限|(?:guarantee|guaranty)\s+(?:period|term)|period\s+of\s+(?:the\s+|this\s+)?guarant(?:ee|y)/gi;
const DURATION =
  /(?<!\d)\d+\s*(?:个月|年|日|天|months?|years?|days?)|(?<![一二三四五六七八九十两百])[一二三四五六七八九十两百]+(?:个月|年|日|天)|\d{4}年\d{1,2}月\d{1,2}日|\b(?:one|two|three|four|five|six|nine|twelve|eighteen|twenty-four|thirty-six|forty-eight|sixty|ninety|one\s+hundred\s+(?:and\s+)?eighty)\s+(?:\(\d+\)\s+)?(?:months?|years?|days?)\b|\b\d{1,2}\s+\w+\s+20\d\d\b/i;

export default defineRule({
  meta: {
    id: 'prc-guarantee',
    category: 'clause',
    defaultSeverity: 'error',
    description: 'A guarantee under PRC law says joint and several (连带责任保证) and fixes a guarantee period (保证期间)',
    languages: ['eng', 'cmn'],
    docs: {
      en: `Reports a guarantee governed by PRC law (written in Chinese, or with \`contract.governing_law: PRC\`, or saying so) that does not state joint and several liability (连带责任保证), that has no guarantee period (保证期间), or whose period is open-ended ("until fully repaid", 直至全部清偿).

**Why it matters.** Under the PRC Civil Code (Arts. 681–702) a guarantee whose method is not stated is a *general* guarantee (Art. 686): the guarantor may refuse to pay until the debtor's assets have been exhausted by enforcement — for an exporter chasing a buyer in China, that means years. Say 连带责任保证 expressly. With no agreed guarantee period, or an open-ended one such as "until fully repaid", the period is six months from the due date (Art. 692); after that the guarantor is free. State a fixed period, such as three years from the date the main debt falls due.

**Wrong**

\`\`\`markdown
The Guarantor guarantees the Buyer's payment obligations until the debt is fully repaid.
\`\`\`

\`\`\`markdown
保证人为买方的付款义务提供保证，保证期间直至全部清偿为止。
\`\`\`

**Right**

\`\`\`markdown
The Guarantor is liable jointly and severally with the Buyer. Guarantee period: 36 months from the day on which the time for performing the main debt expires.
\`\`\`

\`\`\`markdown
保证人承担连带责任保证。保证期间为主债务履行期限届满之日起三年。
\`\`\``,
      zh: `本规则检查适用中国法律的保证条款（以中文写成、\`contract.governing_law: PRC\` 或条款中写明适用中国法律）：是否写明连带责任保证，是否约定了保证期间，保证期间是否是“直至全部清偿为止”这类不确定的期限。

**为什么重要**：依照《民法典》第六百八十一条至第七百零二条，对保证方式没有约定或者约定不明确的，按照一般保证承担保证责任（第六百八十六条）：在主合同纠纷未经审判或仲裁、并就债务人财产依法强制执行仍不能履行前，保证人可以拒绝承担责任——对追讨中国买方的出口商而言，这可能意味着好几年。请明确写“连带责任保证”。没有约定保证期间，或者约定不明确（如“直至全部清偿为止”）的，保证期间为主债务履行期限届满之日起六个月（第六百九十二条），过期保证人即免责。请约定一个确定的期间，例如主债务履行期限届满之日起三年。参见 [docs/law.md](../../law.md#clauses)。

**错误**

\`\`\`markdown
保证人为买方的付款义务提供保证，保证期间直至全部清偿为止。
\`\`\`

**正确**

\`\`\`markdown
保证人承担连带责任保证。保证期间为主债务履行期限届满之日起三年。
\`\`\``,
    },
  },
  check(context) {
    for (const section of clauseSections(context)) {
      if (section.type !== 'guarantee' || guaranteeLaw(context, section) !== 'prc') continue;
      const anchor = sectionAnchor(section);
      if (!JOINT.test(section.text)) {
        context.report({
          ...anchor,
          message: {
            en: "Unexpected guarantee without joint and several liability, expected it stated expressly (连带责任保证): otherwise it is a general guarantee and the guarantor may refuse to pay until the debtor's assets are exhausted (Civil Code Art. 686)",
            zh: '保证条款未约定连带责任保证，应明确写明“连带责任保证”：否则按一般保证承担责任，保证人在债务人财产依法强制执行前可以拒绝承担保证责任（《民法典》第686条）',
          },
        });
      }
      let openEnded = false;
      for (const m of matchesIn(section, OPEN_ENDED)) {
        openEnded = true;
        context.report({
          start: m.start,
          end: m.end,
          message: {
            en: `Unexpected \`${m.text}\` as the guarantee period, expected a fixed period such as 36 months from the date the main debt falls due: an open-ended period counts as none, so it is six months (Civil Code Art. 692)`,
            zh: `\`${m.text}\` 视为未约定保证期间，应约定明确的期间，如“主债务履行期限届满之日起三年”：否则保证期间仅为六个月（《民法典》第692条）`,
          },
        });
      }
      if (openEnded) continue;
      let period = false;
      for (const m of matchesIn(section, PERIOD)) {
        const block = section.blocks.find((b) => b.start <= m.start && m.end <= b.end);
        if (block && DURATION.test(context.text.slice(m.end, Math.min(block.end, m.end + 120)))) period = true;
      }
      if (!period) {
        context.report({
          ...anchor,
          message: {
            en: 'Unexpected guarantee without a guarantee period, expected a fixed period such as 36 months from the date the main debt falls due: without one it is six months (Civil Code Art. 692)',
            zh: '保证条款未约定保证期间，应约定明确的期间，如“主债务履行期限届满之日起三年”：否则保证期间仅为六个月（《民法典》第692条）',
          },
        });
      }
    }
  },
});
