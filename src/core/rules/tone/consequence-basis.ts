import { defineRule, type RuleContext } from '../../rule.js';
import { frameMessage, meaningFindings } from '../../meaning/index.js';
import { clauseSections } from '../clause/clause-sections.js';
import { INSTITUTIONS } from '../clause/institutions.js';
import data from '../data/tone-consequences.json';
import {
  compileList,
  findInLetterProse,
  isAccepted,
  isDunningLetter,
  isLateStage,
  quote,
  sentenceAt,
  STAGE_NAMES,
  type Bilingual,
  type PhraseList,
  type PhraseMatch,
} from './phrases.js';

const CONSEQUENCES = compileList(data as PhraseList);
// Steps a creditor may take on its own, beside the one in \`next_step\`: a claim with its credit insurer, a collection
// agency, suspending supply, a report to a commercial credit agency. From the final demand on they are no unbacked
// consequence; a report to a state register (征信, the central bank's credit reference system) still needs one.
const OWN_STEPS = new Set(data.ownSteps);
const STATE_REGISTER = new RegExp(data.stateRegister, 'iu');
const STEPS: Record<string, readonly string[]> = data.steps;
const US_COURT = new RegExp(`${data.usCourt.en}|${data.usCourt.zh}`, 'iu');
// A reservation of rights names a remedy without announcing it ("our rights, including arbitration under clause 17, are reserved")
const RESERVATION = /\b(?:reserve[sd]?|reserving|without\s+prejudice\s+to)\b|保留/iu;
// The remedy as a term of the contract, not a step: "its arbitration clause", "the HKIAC Arbitration Rules", 争议解决条款
const AS_TERM_AFTER = /^\s*(?:clauses?|agreements?|provisions?|rules|centre|center|commission|institution|court\s+of|条款|规则|委员会|中心|机构)/iu;
const AS_TERM_BEFORE =
  /\b(?:refers?|referring|submits?)\s+(?:all\s+|any\s+)?disputes\s+to\s*$|\bprovides?\s+for\s*$|约定(?:争议|纠纷)?(?:由|提交|通过)?[^，。；]{0,20}$/iu;
// Words that say the step is not wanted or not taken: "without litigation", "rather than", 无需诉讼
const AVOIDED_BEFORE =
  /\b(?:without|avoid(?:ing)?|rather\s+than|instead\s+of|not\s+to|no\s+need\s+(?:for|to))\s+(?:any\s+|the\s+need\s+for\s+|formal\s+|further\s+)?$|(?:避免|无需|不必)\s*$/iu;
// A step is announced with a future, a modal or an act ("we will", "we have referred", 将, 委托); a sentence with none of
// these only describes ("This letter is sent by X, a commercial collection agency")
const ANNOUNCED =
  /\b(?:will|shall|'ll|’ll|would|may|might|must|intend(?:s|ed)?|going\s+to|plan(?:s|ned)?\s+to|prepared\s+to|no\s+(?:choice|option|alternative)|refer(?:red|ring)?|hand(?:ed|ing)?|pass(?:ed|ing)?|assign(?:ed|ing)?|plac(?:e|ed|ing)|instruct(?:ed|ing)?|commenc(?:e|ed|ing)|fil(?:e|ed|ing)|tak(?:e|en|ing)|took|bring(?:ing)?|brought|start(?:ed|ing)?|begin|proceed(?:ed|ing)?|report(?:ed|ing)?|suspend(?:ed|ing)?|stop(?:ped|ping)?|sue|seek)\b|[将会拟要]|准备|委托|交由|提起|申请|移交|上报|报送|暂停|停止/iu;
// a claim on a guaranty is the guarantor's own contract, with its own forum
const GUARANTY = /guarant|surety|保证人|担保人|保证合同/iu;
const CLAUSE_CITED = /\b(?:clause|article|section)\s+\d+|\barbitration\s+(?:clause|agreement)\b|第\s*[\d一二三四五六七八九十]+\s*条|仲裁条款|仲裁协议/iu;
const INSTITUTION_NAMES = new RegExp(
  INSTITUTIONS.flatMap((i) => i.names)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'u',
);

/** True when the remedy is named without being announced: reserved, described as a contract term, or avoided. */
// What a whole sentence says, read once per sentence (a sentence may hold thousands of matches)
const sentenceReads = new WeakMap<object, { quiet: boolean; usCourt?: boolean }>();

function readSentence(text: string, sentence: { start: number; end: number }): { quiet: boolean; usCourt?: boolean } {
  let read = sentenceReads.get(sentence);
  if (!read) {
    const said = text.slice(sentence.start, sentence.end);
    sentenceReads.set(sentence, (read = { quiet: RESERVATION.test(said) || !ANNOUNCED.test(said) }));
  }
  return read;
}

function usCourtIn(text: string, sentence: { start: number; end: number }): boolean {
  const read = readSentence(text, sentence);
  read.usCourt ??= US_COURT.test(text.slice(sentence.start, sentence.end));
  return read.usCourt;
}

function inert(context: RuleContext, match: PhraseMatch): boolean {
  const sentence = sentenceAt(match.block, match.start);
  const text = context.text;
  if (readSentence(text, sentence).quiet) return true;
  const before = text.slice(Math.max(sentence.start, match.start - 40), match.start);
  const after = text.slice(match.end, Math.min(sentence.end, match.end + 20));
  return AS_TERM_AFTER.test(after) || AS_TERM_BEFORE.test(before) || AVOIDED_BEFORE.test(before);
}

export default defineRule({
  meta: {
    id: 'consequence-basis',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Legal action, arbitration, asset seizure, credit reporting or suspension of supply that the stage and the facts do not back',
    languages: ['eng', 'cmn'],
    fixable: false,
    docs: {
      en: `Flags the consequences a letter announces — legal action, a lawsuit, arbitration, garnishing, seizing or freezing assets, reporting to a credit bureau, Dun & Bradstreet, Sinosure or 征信, a collection agency, suspending supply — when the letter cannot back them:

- in a \`reminder\` or \`second-reminder\` (too early: assume an oversight, then ask firmly);
- in a \`final-demand\` or \`letter-before-action\` whose \`next_step\` is a different step, or has none;
- arbitration when \`contract.arbitration\` names no institution (with no arbitration clause there is no arbitration);
- garnishing, seizing or freezing assets in China by a US court.

A human decides each of these, so this is a warning. "追讨" and "法律途径" in a late-stage letter whose \`next_step\` is arbitration or litigation stay silent, as does "arbitration" in a final demand whose \`next_step\` is arbitration.

**Why it matters.** The FDCPA (15 U.S.C. §1692e(5)) treats a threat to take action that cannot legally be taken or is not intended as false and misleading, the accepted baseline for business letters. A US judgment is hard to enforce in China (no treaty; recognition rests on reciprocity), while an award from CIETAC, HKIAC, SIAC or ICC is enforceable under the New York Convention — and only where the contract has an arbitration clause naming one institution (PRC Arbitration Law Arts. 16 and 18).

**Wrong** (\`stage: reminder\`)

> This is a friendly reminder; otherwise we will take legal action and report you to Dun & Bradstreet.

> 这是友好提醒，否则我司将提起诉讼并上报征信。

**Right** (\`stage: final-demand\`, \`next_step: arbitration\`, \`contract.arbitration: CIETAC\`)

> If payment is not received by 4 December 2026, we will file for arbitration with CIETAC under clause 15.

> 如贵司未于2026年12月4日前付款，我司将依合同第15条向中国国际经济贸易仲裁委员会申请仲裁。`,
      zh: `本规则检查函件宣布的后果——起诉、仲裁、强制执行或冻结、查封财产、上报征信或邓白氏（Dun & Bradstreet）、向中国出口信用保险公司（中国信保）报损、委托催收机构、暂停供货——在函件无法支撑时报告：

- 出现在提醒函（\`reminder\`）或第二次提醒函（\`second-reminder\`）中：为时过早，这两个阶段应先假定对方疏忽，再坚定地催要；
- 出现在最后催告函（\`final-demand\`）或起诉（仲裁）前通知函（\`letter-before-action\`）中，但 \`next_step\` 写的是另一项措施，或根本没写；
- 提到仲裁，而 \`contract.arbitration\` 没有写明仲裁机构（合同没有仲裁条款就无从仲裁）；
- 声称由美国法院扣押、查封或冻结债务人在中国的财产。

这些都需要人来判断，因此是警告。\`next_step\` 为仲裁或诉讼的后期函件中出现“追讨”“法律途径”，以及 \`next_step: arbitration\` 的最后催告函提到仲裁，均不报告。

**为什么重要**：美国《公平债务催收法》（FDCPA，15 U.S.C. §1692e(5)）把威胁采取依法不能采取或并不打算采取的行动列为虚假、误导性做法，这也是商业催款公认的底线。美国法院判决在中国很难执行（两国没有条约，承认须以互惠为前提）；而 CIETAC、HKIAC、SIAC 或 ICC 的裁决可依《纽约公约》执行——前提是合同有一条写明唯一仲裁机构的仲裁条款（《仲裁法》第十六条、第十八条）。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**（\`stage: reminder\`）

> 这是友好提醒，否则我司将提起诉讼并上报征信。

**正确**（\`stage: final-demand\`，\`next_step: arbitration\`，\`contract.arbitration: CIETAC\`）

> 如贵司未于2026年12月4日前付款，我司将依合同第15条向中国国际经济贸易仲裁委员会申请仲裁。`,
    },
  },
  check(context) {
    const { facts } = context;
    if (!isDunningLetter(facts) || !facts.stage) return;
    const stage = STAGE_NAMES[facts.stage];
    if (!stage) return;
    const late = isLateStage(facts);
    const debtorInChina = facts.debtor?.country === 'CN';
    // the text is evidence: an institution it names, with the contract clause it files under, counts as much as \`contract.arbitration\`
    const body = context.text.slice(context.body.start);
    const institution = facts.contract?.arbitration ?? (INSTITUTION_NAMES.test(body) && CLAUSE_CITED.test(body) ? 'named' : undefined);
    // sentences this rule's phrases already speak of: the meaning layer adds no second finding there
    const reported = new Set<number>();
    for (const match of findInLetterProse(context, CONSEQUENCES)) {
      if (inert(context, match)) continue;
      const category = match.entry.category;
      const info = match.entry.info;
      const q = quote(match.text);
      let why: Bilingual | undefined;
      if (!late) {
        why = { en: `in ${stage.en}`, zh: `出现在${stage.zh}中` };
      } else if (category === 'enforcement' && debtorInChina && usCourtIn(context.text, sentenceAt(match.block, match.start))) {
        reported.add(sentenceAt(match.block, match.start).start);
        context.report({
          start: match.start,
          end: match.end,
          message: {
            en: `Unexpected ${q} by a US court against a debtor in China, expected arbitration with an award enforceable under the New York Convention, or a claim before a court in China`,
            zh: `不应出现 ${q}（美国法院无法对中国境内的债务人财产采取此类措施），应依合同申请仲裁（裁决可依《纽约公约》执行）或向中国法院起诉`,
          },
        });
        continue;
      } else if (OWN_STEPS.has(category) && !STATE_REGISTER.test(match.text)) {
        continue;
      } else if (facts.next_step && !(STEPS[category] ?? []).includes(facts.next_step)) {
        why = { en: `while \`next_step\` is \`${facts.next_step}\``, zh: `但 \`next_step\` 为 \`${facts.next_step}\`` };
      } else if (
        category === 'litigation' &&
        facts.contract?.arbitration &&
        !GUARANTY.test(context.text.slice(sentenceAt(match.block, match.start).start, sentenceAt(match.block, match.start).end))
      ) {
        // a court case under a contract that sends disputes to arbitration: the court declines it, and the award route is lost
        why = {
          en: `while the contract refers disputes to arbitration (\`contract.arbitration: ${facts.contract.arbitration}\`)`,
          zh: `但合同约定争议提交仲裁（\`contract.arbitration: ${facts.contract.arbitration}\`）`,
        };
      } else if (category === 'arbitration' && !institution) {
        why = { en: 'while neither `contract.arbitration` nor the text names an institution', zh: '但 `contract.arbitration` 和正文均未写明仲裁机构' };
      }
      if (!why) continue;
      reported.add(sentenceAt(match.block, match.start).start);
      context.report({
        start: match.start,
        end: match.end,
        message: {
          en: `Unexpected ${q} (${info.reason.en}) ${why.en}, expected ${info.expected.en}`,
          zh: `不应出现 ${q}（${info.reason.zh}，${why.zh}），应${info.expected.zh}`,
        },
      });
    }
    // the meaning layer: a measure only a court orders (freeze, seize, garnish, 查封, 限高) or a taking the creditor
    // cannot do, stated as what will happen, at any stage and whatever \`next_step\` says (see src/core/meaning)
    const inClause = new Set(clauseSections(context).flatMap((s) => s.blocks));
    for (const found of meaningFindings(context, 'consequence-basis')) {
      if (inClause.has(found.block) || reported.has(found.sentence.start) || isAccepted(context, found.start, found.end)) continue;
      reported.add(found.sentence.start);
      context.report({ start: found.start, end: found.end, message: frameMessage(found, quote(context.text.slice(found.start, found.end))) });
    }
  },
});
