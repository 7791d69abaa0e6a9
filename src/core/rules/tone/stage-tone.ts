import { defineRule, type RuleContext } from '../../rule.js';
import consequenceData from '../data/tone-consequences.json';
import data from '../data/tone-stage.json';
import {
  compileList,
  findInLetterProse,
  findReportable,
  isDunningLetter,
  quote,
  sentenceAt,
  STAGE_NAMES,
  type Bilingual,
  type PhraseList,
  type PhraseMatch,
} from './phrases.js';
import { replaceWith } from '../fix-titles.js';

const REGISTER = compileList(data as PhraseList);
const NEXT_STEPS = compileList(consequenceData as PhraseList);
const THRESHOLDS = data.thresholds;
const CATEGORIES = data.categories;
// An urgent word inside a condition is an offer, not a demand ("if paying at once is hard for you")
const CONDITION = /\b(?:if|unless|should|whether|in\s+case)\b[^,;.!?]*$|(?:如果|如|若|假如|倘若)[^，；。！？]*$/iu;
// ... or the creditor's own promptness ("I will look into it at once", 我司会尽快核实), not a demand on the debtor
const OWN_ACTION = /\b(?:I|we)(?:\s+(?:will|shall|would|can|could|'ll|’ll|am|are))?\s+[^,;.!?]{0,40}$|(?:我|我司|我们|本人|本公司)[^，；。！？]{0,16}$/u;
// ... or what acceleration does to the balance ("the balance will fall due immediately", 立即到期)
const ACCELERATION = /^\s*(?:due|payable|repayable)\b|^\s*(?:到期|届满)/iu;

/** True when the prose names a date after the letter's own date (the engine reads dates once for every rule). */
function hasDeadlineDate(context: RuleContext): boolean {
  const letterDate = context.facts.date ?? '';
  return context.dates.some((d) => d.iso !== undefined && d.iso > letterDate);
}

interface Score {
  total: number;
  phrases: string[];
  first: PhraseMatch | undefined;
}

/** Sums the weights of the distinct phrases of the given categories (the weights decide; messages name the phrases). */
function score(context: RuleContext, matches: readonly PhraseMatch[], categories: readonly string[]): Score {
  const seen = new Set<string>();
  const result: Score = { total: 0, phrases: [], first: undefined };
  for (const m of matches) {
    if (!categories.includes(m.entry.category)) continue;
    if (m.entry.category === 'urgent' && offered(context, m)) continue;
    const key = m.text.toLowerCase().replace(/\s+/g, ' ');
    if (seen.has(key)) continue;
    seen.add(key);
    result.total += m.entry.weight ?? 1;
    result.phrases.push(quote(m.text));
    result.first ??= m;
  }
  return result;
}

/** True when an urgent word is no demand: inside a condition, about the creditor's own action, or acceleration. */
function offered(context: RuleContext, m: PhraseMatch): boolean {
  // At most 200 characters of the sentence before the phrase: CONDITION scans to the end from each `if`/`如`.
  const before = context.text.slice(Math.max(sentenceAt(m.block, m.start).start, m.start - 200), m.start);
  const after = context.text.slice(m.end, Math.min(m.block.end, m.end + 20));
  const beforeWord = context.text.slice(Math.max(m.block.start, m.start - 20), m.start);
  return (
    CONDITION.test(before) ||
    OWN_ACTION.test(before) ||
    ACCELERATION.test(after) ||
    /\b(?:due|payable)\s+$|(?:全部|余额|款项)[^，。；]{0,6}$/iu.test(beforeWord)
  );
}

function message(kind: Bilingual, stage: Bilingual, phrases: string[], expected: Bilingual): Bilingual {
  return {
    en: `Unexpected ${kind.en} register for ${stage.en} (${phrases.join(', ')}), expected ${expected.en}`,
    zh: `不应在${stage.zh}中使用过于${kind.zh}的语气（${phrases.join('，')}），应${expected.zh}`,
  };
}

export default defineRule({
  meta: {
    id: 'stage-tone',
    category: 'tone',
    defaultSeverity: 'warning',
    description: "A register that does not fit the letter's stage: too harsh, too soft or falsely urgent",
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Measures the register of a dunning letter against its \`stage\` with weighted phrase lists (harsh, soft, urgent), not single words, and names the phrases that decided it:

- a \`reminder\` that says "final notice", "last chance", 最后通牒 is too harsh (score 3 or more); so is a \`second-reminder\` that says "final notice" or "last chance" (a legal step named in a reminder or second reminder is \`consequence-basis\`' finding, not this rule's);
- a \`final-demand\` or \`letter-before-action\` that sets a date and a next step but apologises for them ("sorry to bother", "whenever convenient", "at your convenience", 方便时, 打扰了) is too soft (score 3 or more); a late letter with no deadline date or no next step is \`required-content\`'s finding, reported once;
- "immediately", "within 24 hours", "ASAP", 立即, 马上, 24小时内 in a \`reminder\` or \`second-reminder\` is false urgency (score 2 or more), unless it sits in a condition ("if paying at once is hard for you").

"Final invoice" is not "final notice", and one "as soon as possible" is not false urgency.

**Why it matters.** The collection path grows firmer step by step: a reminder assumes an oversight, a second reminder sets a date, a final demand gives a fixed date and the lawful step that follows. A reminder that sounds like a final demand spends the creditor's last word early (the FDCPA's list of false and misleading practices, 15 U.S.C. §1692e, the accepted baseline, includes false urgency and threats not intended; see [docs/law.md](../law.md#fair-collection-what-a-letter-may-say)); a final demand with no date and no step is too soft to work.

**Wrong** (\`stage: reminder\`)

> FINAL NOTICE: pay immediately or we will take legal action.

> 这是最后通牒，请立即付款。

**Right** (\`stage: reminder\`)

> We have not yet received payment of invoice HVW-2026-1187 (USD 18,400.00, due 15 October 2026); perhaps it has been overlooked.

> 我司尚未收到发票HVW-2026-1187项下18,400.00美元（2026年10月15日到期）的款项，可能是贵司疏忽，烦请安排支付。

A fix (suggestion) replaces "final notice" in a reminder with "second reminder".`,
      zh: `本规则用加权的短语表（严厉、软弱、紧迫）衡量催款函的语气是否与其阶段（\`stage\`）相符，而不是看单个词语，并在消息中列出起决定作用的短语：

- 提醒函（\`reminder\`）中写“最后通牒”“最后机会”“final notice”，语气过重（3分及以上）；第二次提醒函（\`second-reminder\`）写“最后通知”“最后机会”同样过重（提醒函或第二次提醒函中提到法律措施，由 \`consequence-basis\` 报告，本规则不重复）；
- 最后催告函（\`final-demand\`）或起诉（仲裁）前通知函（\`letter-before-action\`）写明了日期和下一步措施，却为此表示歉意（“打扰了”“方便时”“at your convenience”），语气过软（3分及以上）；后期函件缺少付款期限日期或下一步措施，由 \`required-content\` 报告一次；
- 提醒函或第二次提醒函中写“立即”“马上”“24小时内”“immediately”，属于虚假紧迫（2分及以上），除非出现在条件句中（“如一次付清确有困难”）。

“最终发票”不是“最后通牒”，一次“尽快”也不算虚假紧迫。

**为什么重要**：催收要一步一步加重：提醒函假定对方疏忽，第二次提醒函给出日期，最后催告函给出确定的日期和随后将依法采取的措施。提醒函读起来像最后催告函，就提前用掉了债权人的最后一句话（美国《公平债务催收法》15 U.S.C. §1692e 列出的虚假、误导性做法包括虚假紧迫和并不打算实施的威胁）；没有日期、没有措施的最后催告函又软得不起作用。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**（\`stage: reminder\`）

> 这是最后通牒，请立即付款。

**正确**（\`stage: reminder\`）

> 我司尚未收到发票 HVW-2026-1187 项下 18,400.00 美元（2026年10月15日到期）的款项，可能是贵司疏忽，烦请安排支付。

修复建议：提醒函中的 “final notice” 改为 “second reminder”。`,
    },
  },
  check(context) {
    const { facts } = context;
    if (!isDunningLetter(facts) || !facts.stage) return;
    const stage = STAGE_NAMES[facts.stage];
    if (!stage) return;
    const matches = findInLetterProse(context, REGISTER);
    if (facts.stage === 'reminder' || facts.stage === 'second-reminder') {
      // legal steps named early are consequence-basis' finding; here only the register counts
      const harsh = score(context, matches, data.harshCategories[facts.stage]);
      if (harsh.first && harsh.total >= THRESHOLDS.harsh[facts.stage]) {
        const first = harsh.first;
        const expected = facts.stage === 'reminder' ? CATEGORIES.harsh.expected : CATEGORIES.finality.expected;
        context.report({
          start: first.start,
          end: first.end,
          message: message(CATEGORIES.harsh.reason, stage, harsh.phrases, expected),
          fixes:
            first.entry.replacement !== undefined
              ? [{ title: replaceWith(first.entry.replacement), edits: [{ start: first.start, end: first.end, text: first.entry.replacement }] }]
              : [],
        });
      }
      const urgent = score(context, matches, ['urgent']);
      if (urgent.first && urgent.total >= THRESHOLDS.urgent) {
        context.report({
          start: urgent.first.start,
          end: urgent.first.end,
          message: message(CATEGORIES.urgent.reason, stage, urgent.phrases, CATEGORIES.urgent.expected),
        });
      }
      return;
    }
    // a late-stage letter without a deadline date or a next step: required-content reports that gap, once
    if (!hasDeadlineDate(context) || findReportable(context, NEXT_STEPS).length === 0) return;
    const soft = score(context, matches, ['soft']);
    if (!soft.first || soft.total < THRESHOLDS.soft) return;
    context.report({
      start: soft.first.start,
      end: soft.first.end,
      message: message(CATEGORIES.soft.reason, stage, soft.phrases, CATEGORIES.soft.expected),
    });
  },
});
