import { letterheadLength } from '../../blocks.js';
import { defineRule, type Block, type RuleContext, type ReportFix } from '../../rule.js';
import { isAccepted, quote, sentences } from './phrases.js';

// Runs of exclamation marks or of Chinese full stops; `...` is an ordinary ellipsis
const PUNCTUATION_RUN = /[!！]{2,}|。{2,}/gu;
// A word as written: letters with inner apostrophes, hyphens, dots, ampersands and digits (ids such as HVW-2026-1187)
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’&.\-/]*/gu;
const LATIN_UPPER = /^[A-Z][A-Z'’&.\-/]*$/u;
const HAS_LOWER = /[a-z]/u;
const CAPITAL_WORD = /(?<![A-Za-z])[A-Z]{2,}(?![a-z])/g;
const DIGIT = /\d/u;
const LATIN = /\p{Script=Latin}/u;
const TRAILING_PUNCTUATION = /(?<![.,:;])[.,:;]+$/u;
// Acronyms and codes that are written in capitals in any sentence
const ACRONYMS = new Set(
  (
    'USD CNY RMB HKD EUR SGD JPY GBP LLC LLP INC LTD CO CORP PLC PTE GMBH CIETAC HKIAC SIAC ICC SCIA SHIAC ' +
    'PRC US USA UK HK EU UN SWIFT IBAN BIC ACH FOB CIF CFR EXW DDP DAP FCA CPT CIP ISO VAT PO ID CEO CFO COO AR AP D&B ' +
    'PDF OK NY CA TX SC LC L/C T/T TT DHL UPS FEDEX UCP URDG ICC FAQ RE ATTN CC BCC FYI NB PS P.S. AM PM A.M. P.M.'
  ).split(' '),
);
const MONTHS_AND_DAYS = (
  'January February March April May June July August September October November December ' + 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
).split(' ');
const MIN_CAPITAL_WORDS = { paragraph: 3, heading: 5 } as const;
const BOLD_PARAGRAPH = /^(\*\*|__)(?!\s)([\s\S]+?)(?<!\s)\1$/u;
const BOLD_MIN_WORDS = 20;
// A line that ends a sentence, unless the full stop belongs to an abbreviation (Inc., Ltd., Co., No.)
const SENTENCE_END = /[.。](?:\*\*|__)?\s*$/u;
const ABBREVIATED_END = /\b(?:Inc|Ltd|Co|Corp|LLC|LLP|PLC|Pte|No|Nos|Bros|Dept|St)\.(?:\*\*|__)?\s*$/iu;
const HEADING_WORDS = 24;

/**
 * A heading in all but name: one short line with no sentence end and no exclamation (a letterhead, "BY COURIER
 * AND E-MAIL", "**FINAL DEMAND — INVOICE MVS-10388**", "**22. Arbitration**"). Capitals and bold are how
 * letters set these; they are not shouting.
 */
function headingLike(block: Block): boolean {
  const text = block.text.trim();
  if (/[!！?？]/u.test(text)) return false;
  if (block.type === 'heading') return true;
  if (text.includes('\n')) return false;
  if (SENTENCE_END.test(text) && !ABBREVIATED_END.test(text)) return false;
  return (text.match(WORD) ?? []).length + (text.match(/\p{Script=Han}/gu) ?? []).length / 2 <= HEADING_WORDS;
}

interface Shout {
  start: number;
  end: number;
}

/** Words written in capitals that are names in the facts keep their capital: HARBOR → Harbor. */
function properWords(context: RuleContext): Map<string, string> {
  const map = new Map<string, string>();
  const { facts } = context;
  const names = [
    facts.creditor?.name,
    facts.creditor?.contact,
    facts.debtor?.name,
    facts.debtor?.contact,
    facts.counsel?.name,
    facts.counsel?.firm,
    facts.guarantor?.name,
    facts.call?.with,
    ...MONTHS_AND_DAYS,
  ];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    for (const word of name.match(WORD) ?? []) {
      const clean = word.replace(/(?<![.,])[.,]+$/u, '');
      if (/^\p{Lu}/u.test(clean)) map.set(clean.toUpperCase(), clean);
    }
  }
  return map;
}

function isNeutral(word: string, proper: Map<string, string>, context: RuleContext, start: number): boolean {
  const bare = word.replace(TRAILING_PUNCTUATION, '');
  return (
    DIGIT.test(bare) ||
    bare.length < 2 ||
    ACRONYMS.has(bare) ||
    (proper.has(bare) && proper.get(bare) === bare) ||
    isAccepted(context, start, start + word.length)
  );
}

/** Counts capital and lower-case words of a span. */
function measure(context: RuleContext, span: Shout, proper: Map<string, string>): { caps: number; lower: number } {
  const text = context.text.slice(span.start, span.end);
  let caps = 0;
  let lower = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const word = m[0];
    if (!LATIN.test(word)) continue;
    if (isNeutral(word, proper, context, span.start + m.index)) continue;
    if (HAS_LOWER.test(word)) lower++;
    else if (LATIN_UPPER.test(word.replace(TRAILING_PUNCTUATION, ''))) caps++;
  }
  return { caps, lower };
}

/** Sentence case for a span in capitals: acronyms, ids and known names keep their form. */
function sentenceCase(context: RuleContext, span: Shout, proper: Map<string, string>): string {
  const text = context.text.slice(span.start, span.end);
  let startOfSentence = true;
  let out = '';
  let cursor = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const between = text.slice(cursor, m.index);
    if (/[.!?。！？]/u.test(between)) startOfSentence = true;
    out += between;
    const word = m[0];
    const bare = word.replace(TRAILING_PUNCTUATION, '');
    const tail = word.slice(bare.length);
    let next = word;
    if (proper.has(bare)) next = (proper.get(bare) ?? bare) + tail;
    else if (!DIGIT.test(bare) && !ACRONYMS.has(bare) && LATIN_UPPER.test(bare) && bare !== 'I') {
      const lower = bare.toLowerCase();
      next = (startOfSentence ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower) + tail;
    }
    out += next;
    startOfSentence = /[.!?]$/u.test(word);
    cursor = m.index + word.length;
  }
  return out + text.slice(cursor);
}

function capitalsFix(context: RuleContext, span: Shout, proper: Map<string, string>): ReportFix[] {
  const text = sentenceCase(context, span, proper);
  if (text === context.text.slice(span.start, span.end)) return [];
  return [{ title: { en: 'Write it in sentence case', zh: '改为常规大小写' }, edits: [{ start: span.start, end: span.end, text }] }];
}

function checkCapitals(context: RuleContext, block: Block, proper: Map<string, string>, letterhead: boolean): Shout[] {
  const reported: Shout[] = [];
  // the letterhead (sender, addresses, "VIA CERTIFIED MAIL") and heading-like lines are set in capitals by custom
  if (headingLike(block) || (letterhead && !/[!！]/u.test(block.text))) return reported;
  const min = block.type === 'heading' ? MIN_CAPITAL_WORDS.heading : MIN_CAPITAL_WORDS.paragraph;
  // Cheap first pass: most blocks hold fewer capital words than a shout needs
  let capitalWords = 0;
  CAPITAL_WORD.lastIndex = 0;
  for (let m = CAPITAL_WORD.exec(block.text); m && capitalWords < min; m = CAPITAL_WORD.exec(block.text)) {
    // acronyms and the letters of an id (HVW-2026-1187) never make a shout
    if (!ACRONYMS.has(m[0]) && block.text.charAt(m.index + m[0].length) !== '-') capitalWords++;
  }
  if (capitalWords < min) return reported;
  const all = sentences(block);
  const loud = (span: Shout): boolean => {
    const { caps, lower } = measure(context, span, proper);
    return caps >= min && lower * 5 <= caps;
  };
  const first = all[0];
  const last = all[all.length - 1];
  if (!first || !last) return reported;
  const whole = { start: first.start, end: last.end };
  if (all.length > 1 && loud(whole)) {
    const span = whole;
    context.report({
      start: span.start,
      end: span.end,
      message: {
        en: `Unexpected paragraph in capitals (${quote(context.text.slice(span.start, span.end))}), expected sentence case`,
        zh: `不应整段使用大写字母（${quote(context.text.slice(span.start, span.end))}），应使用正常大小写`,
      },
      fixes: capitalsFix(context, span, proper),
    });
    reported.push(span);
    return reported;
  }
  for (const s of all.filter(loud)) {
    reported.push(s);
    const q = quote(context.text.slice(s.start, s.end));
    context.report({
      start: s.start,
      end: s.end,
      message: { en: `Unexpected capitals in ${q}, expected sentence case`, zh: `不应整句使用大写字母（${q}），应使用正常大小写` },
      fixes: capitalsFix(context, s, proper),
    });
  }
  return reported;
}

function checkBold(context: RuleContext, block: Block): void {
  if (block.type !== 'paragraph' || headingLike(block)) return;
  const trimmed = block.text.trim();
  const m = BOLD_PARAGRAPH.exec(trimmed);
  if (!m) return;
  const inner = m[2] ?? '';
  if (inner.includes(m[1] ?? '**')) return;
  const words = (inner.match(WORD) ?? []).length + (inner.match(/\p{Script=Han}/gu) ?? []).length / 2;
  if (words < BOLD_MIN_WORDS && sentences(block).length < 2) return;
  const start = block.start + block.text.indexOf(trimmed);
  const end = start + trimmed.length;
  const marker = m[1] ?? '**';
  context.report({
    start,
    end,
    message: {
      en: `Unexpected bold over a whole paragraph (${quote(inner)}), expected bold on the amount or the date that matters, if anywhere`,
      zh: `不应整段加粗（${quote(inner)}），如需强调，只加粗关键金额或日期`,
    },
    fixes: [
      {
        title: { en: 'Remove the bold', zh: '去掉加粗' },
        edits: [
          { start, end: start + marker.length, text: '' },
          { start: end - marker.length, end, text: '' },
        ],
      },
    ],
  });
}

export default defineRule({
  meta: {
    id: 'shouting',
    category: 'tone',
    defaultSeverity: 'warning',
    description: 'Sentences or paragraphs in capitals or bold, and runs of exclamation marks',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `Flags shouting: whole sentences in CAPITALS (acronyms and ids such as USD, HVW-2026-1187, CIETAC and LLC, and the parties' names as the facts write them, do not count), headings of five words or more in capitals, bold over a whole paragraph, and runs of \`!!\` or more, \`！！\` or \`。。。\`.

**Why it matters.** Capitals and exclamation marks read as shouting; the recipient hears anger, not a demand, and the letter looks like the abusive practices the FDCPA lists (15 U.S.C. §1692d, the accepted baseline for business letters; see [docs/law.md](../law.md#fair-collection-what-a-letter-may-say)). Firm in process, respectful in wording: a clear date and a clear next step carry more weight than capitals.

**Wrong**

> PAY THE OUTSTANDING BALANCE NOW!!!

> 请立即付款！！！

**Right**

> Please pay the outstanding balance of USD 18,400.00 by 4 December 2026.

> 请于2026年12月4日前支付18,400.00美元。

Fixes: a single \`!\`, \`！\` or \`。\` for a run (preferred, \`--fix\` applies it); sentence case for capitals and removing the bold (suggestions, since names may need their capitals back).`,
      zh: `本规则检查“喊叫式”写法：整句大写字母（USD、HVW-2026-1187、CIETAC、LLC 等缩写和编号，以及事实中写法就是大写的当事人名称不算）、五个词以上的全大写标题、整段加粗，以及连用 \`!!\`、\`！！\` 或 \`。。。\`。

**为什么重要**：大写和感叹号读起来就是在喊叫，收信人感受到的是愤怒而不是要求，函件也更像美国《公平债务催收法》（15 U.S.C. §1692d）所列的滥用做法（商业催款公认的底线）。程序上坚定、措辞上礼貌：一个明确的日期和一项明确的下一步措施，比大写字母更有分量。参见 [docs/law.md](../../law.md#fair-collection-what-a-letter-may-say)。

**错误**

> 请立即付款！！！

**正确**

> 请于2026年12月4日前支付18,400.00美元。

修复：把连用的标点改为一个 \`！\` 或 \`。\`（首选修复，\`--fix\` 会应用）；大写改为正常大小写、去掉整段加粗（仅作建议，因为名称可能需要保留大写）。`,
    },
  },
  check(context) {
    const proper = properWords(context);
    const head = letterheadLength(context.blocks);
    context.blocks.forEach((block, index) => {
      if (block.type === 'tableCell') return;
      // one finding per sentence: a paragraph in capitals already covers the "!!!" inside it
      const shouts = checkCapitals(context, block, proper, index < head);
      if (shouts.length === 0) checkBold(context, block);
      PUNCTUATION_RUN.lastIndex = 0;
      for (let m = PUNCTUATION_RUN.exec(block.text); m; m = PUNCTUATION_RUN.exec(block.text)) {
        const start = block.start + m.index;
        const end = start + m[0].length;
        if (shouts.some((s) => s.start <= start && end <= s.end)) continue;
        const one = m[0].charAt(0);
        context.report({
          start,
          end,
          message: { en: `Unexpected \`${m[0]}\`, expected a single \`${one}\``, zh: `不应连用标点 \`${m[0]}\`，应只用一个 \`${one}\`` },
          fixes: [{ title: { en: `Replace with a single \`${one}\``, zh: `只保留一个 \`${one}\`` }, edits: [{ start, end, text: one }], isPreferred: true }],
        });
      }
    });
  },
});
