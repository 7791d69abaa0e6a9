/**
 * Helpers the facts rules share: the case's amounts, sentence context around a mention,
 * where to report a missing fact. Not a rule; not in the registry.
 */
import { SIGN_CURRENCIES, readAmounts, toMinor, type AmountMention } from '../../facts/amounts.js';
import type { Facts } from '../../facts/facts.js';
import { formatMoney } from '../../facts/format.js';
import { isChineseLocale } from '../../language/where.js';
import type { Block, RuleContext } from '../../rule.js';
import type { Span } from '../../types.js';

/** The style facts are written in for this document: Chinese for zh letters, else English. */
export function styleOf(facts: Facts): 'en' | 'zh' {
  return isChineseLocale(facts.language) ? 'zh' : 'en';
}

/** A money value the case facts name, with where it comes from. */
export interface CaseAmount {
  minor: number;
  source: string;
}

/**
 * Every amount the facts justify: the amount, each invoice, charge and commitment (and amounts
 * written in a commitment's `what`), and the sums of invoices, charges, commitments and amount + charges.
 */
export function caseAmounts(facts: Facts): CaseAmount[] {
  const out: CaseAmount[] = [];
  const add = (value: number | undefined, source: string): void => {
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) out.push({ minor: toMinor(value), source });
  };
  add(facts.amount, 'amount');
  const invoices = facts.invoices ?? [];
  invoices.forEach((inv, i) => add(inv.amount, `invoices.${i}.amount`));
  if (invoices.length > 1) add(sumMinor(invoices.map((i) => i.amount)) / 100, 'invoices');
  const charges = facts.charges ?? [];
  charges.forEach((c, i) => add(c.amount, `charges.${i}.amount`));
  if (charges.length > 0) {
    const chargesMinor = sumMinor(charges.map((c) => c.amount));
    if (charges.length > 1) add(chargesMinor / 100, 'charges');
    if (facts.amount !== undefined) add((toMinor(facts.amount) + chargesMinor) / 100, 'amount + charges');
  }
  const commitments = facts.commitments ?? [];
  commitments.forEach((c, i) => {
    add(c.amount, `commitments.${i}.amount`);
    if (typeof c.what === 'string') for (const a of readAmounts(c.what)) add(a.value, `commitments.${i}.what`);
  });
  if (commitments.length > 1) add(sumMinor(commitments.map((c) => c.amount)) / 100, 'commitments');
  (facts.instalments ?? []).forEach((i, n) => add(i.amount, `instalments.${n}.amount`));
  return out;
}

function sumMinor(values: (number | undefined)[]): number {
  let total = 0;
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) total += toMinor(v);
  return total;
}

/** True when a mention is in the case's currency, or in a sign that currency uses (`$` for USD). */
export function inCurrency(mention: AmountMention, currency: string | undefined): boolean {
  if (!currency) return false;
  if (mention.currency) return mention.currency === currency;
  if (mention.ambiguous && mention.symbol) return SIGN_CURRENCIES[mention.symbol]?.includes(currency) ?? false;
  return false;
}

/** The case amount in the document's style (`USD 18,400.00` / `18,400.00 美元`). */
export function moneyText(facts: Facts, value: number): string {
  return formatMoney(value, facts.currency ?? '', styleOf(facts));
}

export { blockAt } from '../../blocks.js';

const ABBREVIATION = /(?:\b(?:Co|Ltd|No|Nos|Inc|Mr|Mrs|Ms|Dr|St|Art|Arts|cl|para|e\.g|i\.e|approx|Sept?|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec)|\b[A-Z])$/;

let boundaryText: string | undefined;
let boundaryList: number[] = [];

/**
 * Offsets of `s` where a sentence ends (`。！？；!?;`, a line break, or a full stop before a space or
 * the end that does not close an abbreviation), found once per text: asking for the sentence of
 * every mention in a long paragraph stays linear.
 */
function sentenceBoundaries(s: string): number[] {
  if (s === boundaryText) return boundaryList;
  const out: number[] = [];
  for (let j = 0; j < s.length; j++) {
    const c = s[j]!;
    if ('。！？；\n!?;'.includes(c)) out.push(j);
    else if (c === '.' && (j + 1 >= s.length || /\s/.test(s[j + 1]!)) && !ABBREVIATION.test(s.slice(Math.max(0, j - 8), j))) out.push(j);
  }
  boundaryText = s;
  boundaryList = out;
  return out;
}

/** Index of the first boundary at or after `i`. */
function firstAtOrAfter(list: readonly number[], i: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Offset (inside `s`) where the sentence holding `i` starts. */
export function sentenceStart(s: string, i: number): number {
  const list = sentenceBoundaries(s);
  let k = firstAtOrAfter(list, Math.min(i, s.length)) - 1;
  // A full stop at the very end of the text closes no sentence that something follows.
  if (k >= 0 && list[k] === s.length - 1 && s[s.length - 1] === '.') k--;
  return k >= 0 ? list[k]! + 1 : 0;
}

/** Offset (inside `s`) where the sentence holding `i` ends. */
export function sentenceEnd(s: string, i: number): number {
  const list = sentenceBoundaries(s);
  const k = firstAtOrAfter(list, Math.max(i, 0));
  return k < list.length ? list[k]! : s.length;
}

/** Markup that does not change what a sentence says. */
const MARKUP = /[*_`~]/g;

/**
 * The words of the same sentence just before and just after a span, markup removed:
 * what decides whether a date is the due date or the deadline.
 */
export function contextOf(block: Block, span: Span, width = 80): { before: string; after: string; sentence: string } {
  const s = block.text;
  const i = span.start - block.start;
  const j = span.end - block.start;
  const from = sentenceStart(s, i);
  const to = sentenceEnd(s, j);
  return {
    before: s.slice(Math.max(from, i - width), i).replace(MARKUP, ''),
    after: s.slice(j, Math.min(to, j + width)).replace(MARKUP, ''),
    sentence: s.slice(from, to).replace(MARKUP, ''),
  };
}

/** The closing fence of the front matter, where a missing top-level fact is reported. */
export function closingFence(context: Pick<RuleContext, 'frontMatter' | 'text'>): Span {
  const fm = context.frontMatter;
  if (!fm) return { start: 0, end: 0 };
  const end = fm.span.end;
  const lineStart = context.text.lastIndexOf('\n', end - 1) + 1;
  return { start: Math.min(lineStart, end), end };
}

/** Where a finding about a front-matter key goes: its value, else its key, else the closing fence. */
export function keySpan(context: Pick<RuleContext, 'key' | 'frontMatter' | 'text'>, path: string): Span {
  const location = context.key(path);
  if (location) return location.value.end > location.value.start ? location.value : location.key;
  return closingFence(context);
}

const DUE_BEFORE_EN =
  /(?:\b(?:fell|became|was|were|had\s+been|has\s+been)\s+(?:\w+\s+)?due(?:\s+for\s+payment)?(?:\s+(?:on|by|as\s+of))?|\bdue(?:\s+for\s+payment)?\s+on|\bdue\s+date(?:\s+(?:of|was|is))?(?:\s*[:：])?|\bdue\s*[:：]|[,(（]\s*due|\bpayable\s+on)\s*$/i;
const PAYABLE_BY_EN = /\bpayable\s+(?:on\s+or\s+before|by)\s*$/i;
const UNDER_INVOICE = /^\s*(?:,\s*)?(?:under|per|as\s+per|according\s+to|pursuant\s+to)\s+(?:the\s+)?(?:invoices?|contract|payment\s+terms)/i;
const DUE_AFTER_ZH = /^\s*(?:已经?|即已)?到期/;
const DUE_BEFORE_ZH = /(?:到期日(?:期)?|付款到期日|原定付款日)\s*(?:(?:为|是|[:：])\s*)?$/;
const PAY_AT_ZH_BEFORE = /(?:应于|应在|应当于|约定于|原定于|應於|應在|約定於)\s*$/;
const PAY_AT_ZH_AFTER = /^\s*(?:之?前\s*)?(?:支付|付款|付清|结清)/;
const DEADLINE_BEFORE_EN = /\b(?:by|no\s+later\s+than|not\s+later\s+than|on\s+or\s+before|before|deadline(?:\s+(?:of|is))?|until)\s*(?:[:：]\s*)?$/i;
const DEADLINE_AFTER_ZH = /^\s*(?:之前|以前|前)/;
const DEADLINE_BEFORE_ZH = /(?:截止(?:日期)?(?:为|是|至|到)?|最迟(?:于|在)?|不迟于|付款期限(?:为|是)?)\s*(?:[:：]\s*)?$/;

// A deadline is a date to pay by: "please pay ... by", "payment of ... no later than", "于…前支付"; a date to
// sign, return, confirm or reply by is another deadline of the letter, not the payment deadline
const PAY_BEFORE_EN =
  /\b(?:pay|paid|paying|payment|remit(?:tance|ted)?|settle(?:d|ment)?|transfer(?:red)?|wire|clear(?:ed)?|funds?|arrears|balance|amount|sum|total)\b(?:[^.;:!?]|\.\d)*$/i;
const PAY_AFTER_ZH = /^[^，。；]{0,6}(?:之前|以前|前)?[^，。；]{0,30}?(?:支付|付款|付清|汇入|汇至|汇款|转账|结清|偿还|还款|归还|清偿|缴付)/;
const PAY_BEFORE_ZH = /(?:支付|付款|付清|汇入|汇至|汇款|转账|结清|偿还|还款|清偿|款项|货款|欠款)[^，。；]{0,30}$/;
const OTHER_ACT_AFTER_ZH = /^[^，。；]{0,6}(?:之前|以前|前)?\s*(?:[在于向将把]?[^，。；]{0,12}?)(?:签字|签署|盖章|回传|回复|确认|提供|提交|答复|联系)/;

/**
 * What the sentence around a date says the date is: the original due date (`fell due on`,
 * `到期`, `应于…支付`), the payment deadline (`by`, `no later than`, `之前`, `截止`, with a payment to make), or neither.
 */
export function dateRole(before: string, after: string, when?: { iso?: string; letterDate?: string }): 'due' | 'deadline' | undefined {
  if (PAYABLE_BY_EN.test(before)) return UNDER_INVOICE.test(after) ? 'due' : 'deadline';
  if (DUE_BEFORE_EN.test(before) || DUE_AFTER_ZH.test(after) || DUE_BEFORE_ZH.test(before)) return 'due';
  // 应于…前支付 states an obligation: met or missed before the letter (the due date), or still open after it (a deadline)
  if (PAY_AT_ZH_BEFORE.test(before) && PAY_AT_ZH_AFTER.test(after)) {
    return when?.iso && when.letterDate && when.iso > when.letterDate ? 'deadline' : 'due';
  }
  if (DEADLINE_BEFORE_EN.test(before)) return PAY_BEFORE_EN.test(before) ? 'deadline' : undefined;
  if (DEADLINE_AFTER_ZH.test(after) || DEADLINE_BEFORE_ZH.test(before)) {
    if (OTHER_ACT_AFTER_ZH.test(after) && !PAY_AFTER_ZH.test(after.slice(0, 14))) return undefined;
    return PAY_AFTER_ZH.test(after) || PAY_BEFORE_ZH.test(before) || DEADLINE_BEFORE_ZH.test(before) ? 'deadline' : undefined;
  }
  return undefined;
}

/** Dates the facts name (other than `except`): a date in the text equal to one of them is not a mistake. */
export function caseDates(facts: Facts, except: 'due_date' | 'deadline'): Set<string> {
  const out = new Set<string>();
  const add = (d: string | undefined): void => {
    if (d) out.add(d);
  };
  add(facts.date);
  if (except !== 'due_date') add(facts.due_date);
  if (except !== 'deadline') add(facts.deadline);
  add(facts.call?.date);
  for (const i of facts.invoices ?? []) add(i.date);
  for (const c of facts.commitments ?? []) add(c.by);
  for (const i of facts.instalments ?? []) add(i.by);
  return out;
}

/** A front-matter value as the writer wrote it (`18400.00`, not `18400`), for messages. */
export function writtenValue(context: Pick<RuleContext, 'key' | 'sourceAt'>, path: string, fallback: unknown): string {
  const location = context.key(path);
  const raw = location ? context.sourceAt(location.value).trim() : '';
  return raw && raw.length <= 40 && !raw.includes('\n') ? raw : String(fallback);
}

const DUE_HEADER = /\b(?:due(?:\s+date)?|date\s+due|payable|original\s+due(?:\s+date)?)\b|到期日|应付日|付款日|约定付款日|原定付款日/i;
const DEADLINE_HEADER = /\b(?:deadline|pay\s+by|payment\s+deadline|final\s+date)\b|付款期限|截止日|最后付款日/i;

/** What a table's column header says its dates are: the due date (`Due date`, `到期日`), the payment deadline, or neither. */
export function columnDateRole(blocks: readonly Block[], block: Block): 'due' | 'deadline' | undefined {
  const cell = block.cell;
  if (!cell || cell.row === 0) return undefined;
  const header = blocks.find((b) => b.cell?.table === cell.table && b.cell.row === 0 && b.cell.column === cell.column);
  if (!header) return undefined;
  if (DEADLINE_HEADER.test(header.text)) return 'deadline';
  return DUE_HEADER.test(header.text) ? 'due' : undefined;
}

// "Payment must be made within seven (7) days of the date of this letter", "If we do not receive payment within 14 days"
const PAY_WORDS =
  /\b(?:pay|paid|paying|payment|remit(?:tance|ted)?|settle(?:d|ment)?|transfer(?:red)?|wire|clear(?:ed)?|balance|amount|sum)\b|支付|付款|付清|汇款|结清|偿还|还款|款项/i;

/** True when a relative date ("within 14 days of the date of this letter") sits in a sentence about paying: a payment deadline. */
export function relativePaymentDeadline(sentence: string): boolean {
  return PAY_WORDS.test(sentence);
}

// an amount or date the creditor offers instead of the demand: a plan, an alternative, a part payment it would accept
const OFFER =
  /\b(?:as\s+an?\s+alternative|alternatively|(?:an?|the|this|either|other|second)\s+option|options?\s*:|(?:we|I)\s+(?:will|would|can|could|may|are\s+(?:prepared|willing|happy)\s+to|am\s+(?:prepared|willing|happy)\s+to)\s+(?:also\s+)?(?:accept|agree\s+to|consider|offer)|(?:payment|repayment|instal(?:l)?ment)\s+(?:plan|schedule|arrangement)|(?:two|three|four|five|six|seven|eight|nine|ten|twelve|\d{1,2})\s+(?:equal\s+)?(?:(?:monthly|weekly|quarterly|consecutive)\s+)?(?:payments|instal(?:l)?ments|tranches)|instal(?:l)?ments?)\b|(?:可(?:以)?接受|同意|愿意)(?:贵司)?(?:分期|分[两二三四五六七八九十\d]+期)|分[两二三四五六七八九十\d]+期(?:支付|付款|偿还)|分期(?:付款|还款|支付)|还款计划|付款计划|付款方案/iu;

/** The text without the markup and spaces that end it (a loop: a pattern anchored at the end would be quadratic). */
function trimMarkupEnd(text: string): string {
  let end = text.length;
  while (end > 0 && '*_` \t\r\n'.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** The sentence (or paragraph) that introduces a list item ("We would accept three instalments:"), if any. */
export function leadIn(blocks: readonly Block[], block: Block): string | undefined {
  if (!block.listItem) return undefined;
  let i = blocks.indexOf(block) - 1;
  for (let steps = 0; i >= 0 && steps < 20; i--, steps++) {
    const text = trimMarkupEnd(blocks[i]!.text);
    if (/[:：]$/.test(text)) return text.slice(-200);
    if (!blocks[i]!.listItem) return undefined;
  }
  return undefined;
}

/** True when the sentence, or the lead-in of its list, offers a plan or an alternative to the demand. */
export function inOffer(blocks: readonly Block[], block: Block, sentence: string): boolean {
  if (OFFER.test(sentence)) return true;
  const lead = leadIn(blocks, block);
  return lead !== undefined && OFFER.test(lead.slice(-160));
}
