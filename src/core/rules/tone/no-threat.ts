import { defineRule } from '../../rule.js';
import authority from '../data/tone-authority.json';
import data from '../data/tone-threats.json';
import { frameMessage, meaningFindings, saidInnocently } from '../../meaning/index.js';
import {
  compileList,
  findReportable,
  isAccepted,
  isClause,
  oncePerSentence,
  phraseMessage,
  quote,
  removeSentenceFix,
  replacementFix,
  sentenceAt,
  type PhraseList,
} from './phrases.js';

const THREATS = compileList(data as PhraseList);
// wording that poses as the police or a court is false-authority's finding: one defect, one finding
const POSING = compileList({ ...(authority as PhraseList), entries: (authority as PhraseList).entries.filter((e) => e.category === 'state') });

export default defineRule({
  meta: {
    id: 'no-threat',
    category: 'tone',
    defaultSeverity: 'error',
    description: "Threats of violence, arrest, exposure or pressure on the debtor's family, home, customers or employer",
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Catches threats that no creditor may make: violence or harm, threats against the debtor's family or home ("we know where you live"), contacting the debtor's customers, employer, colleagues or neighbours, public shaming and exposure online, arrest, prison or "criminal charges" over a civil debt, deportation, and "blacklists" that are no real registry. In Chinese: 后果自负, 让你好看, 曝光, 找上门, 上门, 联系你的客户, 找你家人, 抓你, 坐牢, 拉黑, 公开你的…

**Why it matters.** A threat turns a creditor with a good claim into a wrongdoer. The US Fair Debt Collection Practices Act (15 U.S.C. §1692d–e) and Regulation F list these practices as abusive; they are the accepted baseline for business letters too. In China, PRC Criminal Law Art. 293-1 punishes illegal debt collection by violence, threats or harassment, and the Public Security Administration Punishments Law Art. 42 covers threats and harassment. A letter with a threat is also evidence against its sender.

Innocent uses stay silent: "we will call you on Monday", "shoot us an email", 上门提货 (collecting goods), 失信被执行人名单 (the courts' real registry), including as the court or the enforcement information website publishes it (最高人民法院公布的失信被执行人名单).

**Wrong**

> If you do not pay, we will contact your customers and tell the whole industry about your debt.

> 如不付款，我们将联系你的客户，并在网上曝光贵司，后果自负。

**Right**

> If USD 18,400.00 is not paid by 4 December 2026, we will file for arbitration with CIETAC under clause 15 of the contract.

> 如贵司未于2026年12月4日前支付18,400.00美元，我司将依合同第15条向中国国际经济贸易仲裁委员会申请仲裁。

Fixes (suggestions): where a lawful phrase can take the threat's place in the same sentence (“pay you a visit” → “write to you again”), that phrase; otherwise removing the sentence. A fix never invents a next step the creditor has not chosen. One sentence gives one finding, however many threats it holds.`,
      zh: `本规则检查任何债权人都不得发出的威胁：暴力或伤害；针对债务人家人或住处的威胁；联系债务人的客户、雇主、同事或邻居；公开羞辱、网上曝光；以民事债务相威胁要“抓人”“坐牢”“追究刑事责任”；驱逐出境；并不存在的“黑名单”。中文常见说法如：后果自负、让你好看、曝光、找上门、上门、联系你的客户、找你家人、抓你、坐牢、拉黑、公开你的……

**为什么重要**：一句威胁就能让手握有理债权的债权人变成违法者。美国《公平债务催收法》（15 U.S.C. §1692d–e）和 CFPB 的 Regulation F 把这些做法列为滥用行为，也是商业催款公认的底线。在中国，《刑法》第二百九十三条之一对使用暴力、胁迫方法或者跟踪、骚扰等方式催收债务的行为定罪处罚，《治安管理处罚法》处罚威胁、骚扰他人的行为。带有威胁的函件还会成为对发函人不利的证据。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

正常用法不报告：“我们周一给您打电话”、“上门提货”、“失信被执行人名单”（法院依法公布的名单），包括“最高人民法院公布的失信被执行人名单”“中国执行信息公开网上的失信被执行人名单”这类说法。

**错误**

> 如不付款，我们将联系你的客户，并在网上曝光贵司，后果自负。

**正确**

> 如贵司未于2026年12月4日前支付18,400.00美元，我司将依合同第15条向中国国际经济贸易仲裁委员会申请仲裁。

修复建议：同一句中能用合法说法替代威胁的（“上门拜访”→“再次致函”），给出该说法；否则删除整句。修复不会替债权人编造一项它并未选定的下一步措施。一句话无论含有多少威胁，只报告一次。`,
    },
  },
  check(context) {
    const reported = new Set<number>();
    for (const match of oncePerSentence(findReportable(context, THREATS))) {
      // a negated or described threat is none: "nobody will visit your home", 我们不会上门
      // ... and a visit by appointment, to inspect or to meet, is business
      if (saidInnocently(match.block, context.text, match.start, match.end, true, match.entry.category === 'home')) continue;
      reported.add(sentenceAt(match.block, match.start).start);
      context.report({
        start: match.start,
        end: match.end,
        message: phraseMessage(match),
        fixes: [...replacementFix(match), removeSentenceFix(context, sentenceAt(match.block, match.start))],
      });
    }
    // the meaning layer: a threat in any words (a frame of actor, act and target; see src/core/meaning)
    if (isClause(context.facts)) return;
    for (const m of findReportable(context, POSING)) reported.add(sentenceAt(m.block, m.start).start);
    for (const found of meaningFindings(context, 'no-threat')) {
      if (reported.has(found.sentence.start) || isAccepted(context, found.start, found.end)) continue;
      reported.add(found.sentence.start);
      context.report({
        start: found.start,
        end: found.end,
        message: frameMessage(found, quote(context.text.slice(found.start, found.end))),
        fixes: [removeSentenceFix(context, found.sentence)],
      });
    }
  },
});
