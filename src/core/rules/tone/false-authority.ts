import { letterheadLength } from '../../blocks.js';
import { valueAt } from '../../facts/facts.js';
import { defineRule, type Block } from '../../rule.js';
import data from '../data/tone-authority.json';
import { frameMessage, meaningFindings, saidInnocently } from '../../meaning/index.js';
import { compileList, findReportable, isAccepted, isClause, phraseMessage, quote, replacementFix, sentenceAt, type PhraseList } from './phrases.js';

const AUTHORITY = compileList(data as PhraseList);
const CATEGORIES = (data as PhraseList).categories;

/** Older top-level keys that also say a proceeding is on file (`proceeding` is the contract's). */
const LEGACY_PROCEEDING_KEYS = ['case_number', 'case'] as const;

// A court named as the sender: at the head of a letterhead line, a title or a heading ("舟山市中级人民法院 催款通知")
const COURT_HEAD =
  /^[\s#*_>|]*(?:\d+[.)]\s*)?(?:(?:[\u4e00-\u9fff]{2,14}?(?:中级|高级|基层|最高|专门)?人民法院|[\u4e00-\u9fff]{2,10}(?:法院|仲裁委员会)(?=\s|[*_]|$|通知|催|公告|传票|执行))|(?:The\s+)?(?:(?:Supreme|High|District|Superior|Circuit|County|Federal|Intermediate|Higher|Basic|Municipal|Magistrates['’]?)\s+)?(?:People['’]s\s+)?Court(?:\s+of\s+[A-Z][\w.'’ ]{1,40})?(?=\s*(?:$|[*_\n]|[-—–:·|]|notice|order|summons)))/u;
const COURT_ACTS =
  /法院[^，。；]{0,6}(?:可|有权|将|会|依法)|(?:裁决|判决)(?:生效)?(?:之)?后|\b(?:the\s+)?courts?\s+(?:may|can|could|will|has\s+the\s+power)|\bafter\s+(?:an?\s+|the\s+)?(?:award|judgment)/iu;
const COURT_WORD = /法院|仲裁委员会|\bCourt\b/u;

/** True when the block is where a sender's name goes: the letterhead, the title, a heading. */
function headsTheLetter(block: Block, index: number, head: number): boolean {
  return index < head || block.type === 'heading' || /^\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*$/u.test(block.text);
}

// A law firm by its name: "Leung & Mak Solicitors", "Tan & Rahman LLP", "Kensington Rowe LLP", 北京某某律师事务所
const LAW_FIRM =
  /\b[A-Z][\w'’.-]{0,40}(?:,?\s+(?:(?:&|and)\s*)?[A-Z][\w'’.-]{0,40}){0,3}\s+(?:LLP|Solicitors|Attorneys(?:[-\s]at[-\s]Law)?|Law\s+(?:Firm|Offices?|Group|Chambers)|Advocates(?:\s+(?:&|and)\s+Solicitors)?|Barristers)\b|[\u4e00-\u9fff]{2,16}律师事务所/u;

/** True when the letterhead or the signature (the last blocks) names a law firm. */
function signedByLawFirm(blocks: readonly Block[]): boolean {
  const head = letterheadLength(blocks);
  return [...blocks.slice(0, head), ...blocks.slice(-4)].some((b) => LAW_FIRM.test(b.text));
}

export default defineRule({
  meta: {
    id: 'false-authority',
    category: 'tone',
    defaultSeverity: 'error',
    description: 'Claims to come from a lawyer, a court, the police or the government that the facts do not back',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Catches a letter that borrows authority it does not have:

- a lawyer, law firm or counsel ("our attorneys", 律师函, 律师) when neither a \`counsel:\` fact nor the letter itself (a law firm's name in the letterhead or the signature) says who acts. With \`counsel: { name, firm }\`, or on a firm's letterhead, these words are fine. A company's own legal department (法务部) is no claim that outside counsel acts: "our legal department is reviewing the contract" is ordinary business, not a finding;
- wording that poses as a court, the police or the government ("court order", "official notice", "NOTICE OF JUDGMENT", 法院通知, 传票, 公安), always;
- a case number ("Case No. 2026-CV-0412", (2026)浙02民初1234号) when no proceeding is in the facts (\`proceeding:\` or \`case_number:\`).

Words about the debtor's own lawyer ("you may wish to consult your lawyer", 贵司律师) and "attorney fees" stay silent; fees are \`unbacked-charges\`' business.

**Why it matters.** The FDCPA (15 U.S.C. §1692e(3), (9)) lists the false claim that a communication is from an attorney, or a document that simulates a court or government paper, as a false and misleading practice; it is the accepted baseline for business letters. In China, posing as a state organ is an offence, and a fake 律师函 is easily checked with the bar association.

**Wrong**

> OFFICIAL NOTICE. Our attorneys have opened Case No. 2026-CV-0412 against you.

> 律师函：贵司拖欠货款一案，案号（2026）浙02民初1234号。

**Right**

> This is our final demand for USD 18,400.00 under invoice HVW-2026-1187.

> 本函为我司就发票HVW-2026-1187项下18,400.00美元发出的最后催告函。

Fixes (suggestions) where plain wording exists: 催款函 for 律师函.`,
      zh: `本规则检查函件是否借用了它并不具有的权威：

- 既没有 \`counsel:\` 事实、函件本身（信头或落款中的律师事务所名称）也没有说明由谁代理，却出现律师、律所或法律顾问（“律师函”“我司律师”，英文 “our attorneys”）。写明 \`counsel: { name, firm }\`，或使用律师事务所信头时，这些措辞没有问题。公司自己的法务部不等于声称外部律师代理：“我司法务部正在审阅合同”是正常的商务说法，不报告；
- 冒充法院、公安或政府的措辞（“法院通知”“传票”“公安”“官方通知”），一律报告；
- 事实中没有任何案件（\`proceeding:\`），却写了案号（“(2026)浙02民初1234号”“Case No. 2026-CV-0412”）。

提到债务人自己的律师（“贵司可咨询律师”）以及“律师费”不报告；费用问题由 \`unbacked-charges\` 检查。

**为什么重要**：美国《公平债务催收法》（15 U.S.C. §1692e(3)、(9)）把冒称律师来函、伪造看似法院或政府文书的文件列为虚假、误导性做法，这也是商业催款公认的底线。在中国，冒充国家机关工作人员是违法犯罪行为；律师函的真伪可以向律师协会核实，假冒的律师函一查便知。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**

> 律师函：贵司拖欠货款一案，案号（2026）浙02民初1234号。

**正确**

> 本函为我司就发票 HVW-2026-1187 项下 18,400.00 美元发出的最后催告函。

有平实说法可替代时提供修复建议：“律师函”改为“催款函”。`,
    },
  },
  check(context) {
    // the text is evidence: a law firm's letterhead or signature says who acts as much as a \`counsel:\` fact
    const hasCounsel = Boolean(context.facts.counsel?.name || context.facts.counsel?.firm) || signedByLawFirm(context.blocks);
    const written = (value: unknown): boolean => value !== undefined && value !== null && value !== '';
    const hasProceeding = written(context.facts.proceeding) || LEGACY_PROCEEDING_KEYS.some((k) => written(valueAt(context.frontMatter?.data, k)));
    const reported = new Set<number>();
    const head = letterheadLength(context.blocks);
    context.blocks.forEach((block, index) => {
      if (!COURT_WORD.test(block.text) || !headsTheLetter(block, index, head) || isClause(context.facts)) return;
      const m = COURT_HEAD.exec(block.text);
      if (!m) return;
      const name = m[0].replace(/^[\s#*_>|]*(?:\d+[.)]\s*)?/u, '');
      const start = block.start + m[0].length - name.length;
      const info = CATEGORIES['court-styled']!;
      reported.add(sentenceAt(block, start).start);
      context.report({
        start,
        end: start + name.length,
        message: {
          en: `Unexpected ${quote(name)} (${info.reason.en}), expected ${info.expected.en}`,
          zh: `不应出现 ${quote(name)}（${info.reason.zh}），应${info.expected.zh}`,
        },
      });
    });
    for (const match of findReportable(context, AUTHORITY)) {
      const category = match.entry.category;
      // A clause speaks of lawyers in general (who bears lawyers' fees); only a letter can pose as one
      if (category === 'counsel' && (hasCounsel || isClause(context.facts))) continue;
      if ((category === 'case-number' || category === 'court-measure') && hasProceeding) continue;
      // what a court may do after an award or judgment, said as the court's power, is no claim to it
      if (
        category === 'court-measure' &&
        COURT_ACTS.test(context.text.slice(sentenceAt(match.block, match.start).start, sentenceAt(match.block, match.start).end))
      )
        continue;
      // one finding per sentence; a negated claim is none ("we are not a court, and nothing here is a court order")
      const sentence = sentenceAt(match.block, match.start).start;
      if (reported.has(sentence) || saidInnocently(match.block, context.text, match.start, match.end)) continue;
      reported.add(sentence);
      context.report({ start: match.start, end: match.end, message: phraseMessage(match), fixes: replacementFix(match) });
    }
    // the meaning layer: a claim to act as or for an authority, or a document styled as one, in any words
    if (isClause(context.facts) || hasProceeding) return;
    for (const found of meaningFindings(context, 'false-authority')) {
      if (reported.has(found.sentence.start) || isAccepted(context, found.start, found.end)) continue;
      reported.add(found.sentence.start);
      context.report({ start: found.start, end: found.end, message: frameMessage(found, quote(context.text.slice(found.start, found.end))) });
    }
  },
});
