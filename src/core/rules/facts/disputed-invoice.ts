import type { Dispute } from '../../facts/facts.js';
import { formatDate } from '../../facts/format.js';
import { defineRule, type RuleContext } from '../../rule.js';
import { amountRoles } from './roles.js';
import { inCurrency, sentenceEnd, sentenceStart } from './support.js';

/**
 * A letter that demands a disputed invoice as if nobody had questioned it. The case file records the
 * debtor's complaints in `disputes:` (Record Call writes them); while one is open, a letter that
 * names the disputed invoice must say that it is disputed, and no letter may say that nothing was
 * disputed. Dunning platforms take disputed items out of the run for the same reason: a demand that
 * ignores a complaint on record reads as bad faith and hands the debtor its defence.
 */

// The text says nothing was disputed ("undisputed", "you have raised no dispute", 无异议, 未提出任何异议).
// Examples: "the undisputed sum of", "You have not disputed the invoice", "no query or dispute has been raised", "贵司对发票无异议", "贵司从未提出异议"
const NO_DISPUTE =
  /\b(?:undisputed|not\s+(?:been\s+)?(?:disputed|contested|queried|challenged)|(?:no|never\s+(?:raised\s+)?(?:any|a))\s+(?:query,?\s+|complaint\s+or\s+|queries\s+or\s+)?(?:dispute|complaint|query|objection)s?(?:\s+(?:has|have|was|were))?(?:\s+been)?\s+(?:raised|made|received)|(?:raised|made)\s+no\s+(?:dispute|complaint|query|objection)s?|without\s+(?:any\s+)?(?:dispute|objection))\b|(?:无|没有|未(?:曾)?(?:提出)?(?:过)?(?:任何)?|从未(?:提出)?(?:过)?(?:任何)?)(?:异议|争议|质疑)/giu;
// The text acknowledges a dispute or complaint ("your complaint of 20 November", "the disputed invoice", 贵司提出的质量异议)
const ACKNOWLEDGED =
  /\b(?:your|the)\s+(?:complaint|dispute|query|objection|claim\s+(?:about|regarding|concerning))\b|\b(?:disputed|in\s+dispute|under\s+dispute|you\s+(?:have\s+)?(?:disputed|raised|complained|queried))\b|(?:贵司|贵公司|你方)(?:于[^，。；]{0,16})?(?:提出|反映)[^，。；]{0,12}(?:异议|争议|投诉|问题)|(?:有|存在)争议|争议(?:发票|款项|部分)/iu;

/** The disputes open on the letter's date (raised on or before it, not resolved by it). */
function openDisputes(context: RuleContext): Dispute[] {
  const date = context.facts.date;
  return (context.facts.disputes ?? []).filter((d) => !(d.resolved && (!date || d.resolved <= date)));
}

export default defineRule({
  meta: {
    id: 'disputed-invoice',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'A letter does not demand a disputed invoice as undisputed, nor say nothing was disputed while a dispute is open',
    languages: ['eng', 'cmn'],
    docs: {
      en: `A complaint the debtor raised (\`disputes:\` in the case file, with the invoice it concerns, or none for the whole claim) stays open until it is \`resolved\`. While it is open, a letter that names the disputed invoice must acknowledge the dispute, and no letter may call the debt "undisputed" or say no dispute was raised: the debtor holds the record of its complaint, and a demand that ignores it reads as bad faith and gives the debtor its defence. Collection platforms take disputed items out of the dunning run for the same reason. The finding sits on the invoice number (or the words that deny a dispute). See [A case that remembers](../case-history.md#disputes) and, on what a letter may say, [docs/law.md](../law.md#fair-collection-what-a-letter-may-say).

**Wrong**

\`\`\`yaml
disputes:
  - date: 2026-11-20
    invoice: PBH-5540
    note: two pumps arrived with cracked housings
\`\`\`

Invoice PBH-5540 for USD 9,200.00 remains unpaid and undisputed.

**Right**

Invoice PBH-5540 is the subject of your complaint of 20 November 2026 and we are looking into it; we ask you to pay invoice PBH-5561, which is not disputed.

中文：债务人提出的异议（\`disputes:\`）未解决前，函件提到有争议的发票时必须说明该发票存在争议，也不得写"无异议"。`,
      zh: `债务人提出的异议（案件文件中的 \`disputes:\`，写明所涉发票；未写发票即针对全部债权）在标注 \`resolved\` 之前一直有效。在此期间，提及有争议发票的函件必须承认该争议，任何函件都不得称该债务"无异议"或"未提出任何异议"：债务人保存着自己提出异议的记录，无视异议的催款函显得缺乏诚意，也给了债务人抗辩的理由。催收平台也因此把有争议的款项排除在催收流程之外。报告位置在发票号（或否认争议的措辞）上。参见 [A case that remembers](../../case-history.md#disputes)，以及关于函件可以写什么的 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**

\`\`\`yaml
disputes:
  - date: 2026-11-20
    invoice: PBH-5540
    note: 两台水泵到货时外壳开裂
\`\`\`

第 PBH-5540 号发票金额 9,200.00 美元，贵司至今未付款，且从未提出任何异议。

**正确**

第 PBH-5540 号发票涉及贵司2026年11月20日提出的质量异议，我司正在核实；请贵司先支付无争议的第 PBH-5561 号发票。`,
    },
  },
  check(context) {
    const { facts, report } = context;
    if (facts.kind !== undefined && facts.kind !== 'dunning-letter' && facts.kind !== 'call-summary' && facts.kind !== 'repayment-plan') return;
    const open = openDisputes(context);
    if (open.length === 0) return;
    const body = context.text.slice(context.body.start, context.body.end);
    const when = (d: Dispute, lang: 'en' | 'zh'): string => (d.date ? formatDate(d.date, lang) : lang === 'en' ? 'an earlier date' : '此前');
    const what = (d: Dispute, lang: 'en' | 'zh'): string =>
      d.invoice ? (lang === 'en' ? `invoice ${d.invoice}` : `第 ${d.invoice} 号发票`) : lang === 'en' ? 'the claim' : '全部债权';
    // a sentence that says nothing was disputed, while a dispute is on record
    const first = open[0]!;
    let denied = false;
    const disputed = new Set(open.map((d) => d.invoice));
    const others = (facts.invoices ?? []).map((i) => i.number).filter((n): n is string => typeof n === 'string' && !disputed.has(n));
    for (const m of body.matchAll(NO_DISPUTE)) {
      // "invoice PBH-5561, which is not disputed": a sentence about another invoice only says the truth
      const sentence = body.slice(
        Math.max(sentenceStart(body, m.index), m.index - 300),
        Math.min(sentenceEnd(body, m.index + m[0].length), m.index + m[0].length + 300),
      );
      const aboutOther = others.some((n) => sentence.includes(n)) && !open.some((d) => d.invoice === undefined || sentence.includes(d.invoice));
      if (aboutOther) continue;
      denied = true;
      const start = context.body.start + m.index;
      report({
        start,
        end: start + m[0].length,
        message: {
          en: `Unexpected \`${m[0]}\`: the debtor disputed ${what(first, 'en')} on ${when(first, 'en')} and the dispute is open (\`disputes\`); acknowledge it, or record its resolution first`,
          zh: `不应写"${m[0]}"：债务人已于${when(first, 'zh')}对${what(first, 'zh')}提出异议，且尚未解决（\`disputes\`）；请承认该异议，或先记录其解决情况`,
        },
      });
    }
    if (denied || ACKNOWLEDGED.test(body)) return;
    // a disputed invoice named in the letter, or (a dispute of the whole claim) the amount demanded, without a word about the dispute
    for (const dispute of open) {
      let span: { start: number; end: number } | undefined;
      if (dispute.invoice) {
        const at = body.indexOf(dispute.invoice);
        if (at >= 0) span = { start: context.body.start + at, end: context.body.start + at + dispute.invoice.length };
      } else {
        const demanded = amountRoles(context).find((r) => r.role === 'owed' && r.claimed && inCurrency(r.mention, facts.currency));
        span = demanded ? { start: demanded.mention.start, end: demanded.mention.end } : undefined;
      }
      if (!span) continue;
      const note = dispute.note ? ` (“${dispute.note}”)` : '';
      const noteZh = dispute.note ? `（“${dispute.note}”）` : '';
      report({
        start: span.start,
        end: span.end,
        message: {
          en: `Unexpected demand for ${what(dispute, 'en')} as undisputed: the debtor disputed it on ${when(dispute, 'en')}${note} and the dispute is open; say so and what is being done about it, leave it out of the demand, or record its resolution (\`resolved:\`)`,
          zh: `不应将${what(dispute, 'zh')}作为无争议款项催收：债务人已于${when(dispute, 'zh')}提出异议${noteZh}且尚未解决；请在函中说明该异议及处理情况、将其从催收金额中剔除，或记录其解决日期（\`resolved:\`）`,
        },
        related: [context.relatedFact('disputes')].filter((r) => r !== undefined),
      });
    }
  },
});
