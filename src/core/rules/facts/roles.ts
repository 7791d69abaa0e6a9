/**
 * What each amount in the text is doing: owed or demanded, a payment already received, a rate
 * (per day, per month), a limit or threshold, a unit price, an instalment, a charge, or a zero
 * row of an itemisation. Facts and tone rules judge only the amounts a letter presents as owed or
 * claimed; the role is read once per document from the sentence (or table column) around it.
 * Not a rule; not in the registry.
 */
import type { AmountMention } from '../../facts/amounts.js';
import type { Block, RuleContext } from '../../rule.js';
import { blockAt, contextOf, inOffer } from './support.js';

/** The part an amount plays in the letter (`paid`: already paid, received or credited to the debtor). */
export type AmountRole = 'owed' | 'paid' | 'rate' | 'limit' | 'unit-price' | 'instalment' | 'charge' | 'order' | 'zero';

/** An amount with its role, and whether the text positively presents it as owed (for certain fixes). */
export interface RoledAmount {
  mention: AmountMention;
  role: AmountRole;
  /** True when the sentence says the amount is owed, due, outstanding or to be paid. */
  claimed: boolean;
  block: Block | undefined;
}

const RATE_AFTER =
  /^\s*(?:[)）]\s*)?(?:(?:per|a|each|every|\/|for\s+(?:each|every))\s*(?:calendar\s+)?(?:day|diem|month|annum|year|week)\b|(?:daily|monthly|p\.?\s?a\.?|p\.?\s?m\.?)(?![a-z])|[/／]\s*(?:日|天|月|年))|^\s*(?:每日|每天|每月|每年)/i;
const RATE_BEFORE =
  /(?:\b(?:per\s+(?:day|diem|month)|a\s+day|daily|per\s+diem)\s+(?:rate\s+)?(?:of\s+)?|\b(?:continu(?:e|es|ing)|accru(?:e|es|ing)|run(?:s|ning)?)\s+(?:to\s+accrue\s+)?at\s+(?:the\s+rate\s+of\s+)?|(?:每日|每天|每月|日息|月息)(?:按|为|计)?[^，。；\d]{0,6})$/i;
const LIMIT_BEFORE =
  /(?:\b(?:over|above|exceed(?:s|ing)?|more\s+than|greater\s+than|less\s+than|under|below|up\s+to|limit(?:ed)?\s+(?:of|to|is)|capped\s+at|cap\s+of|ceiling\s+of|maximum(?:\s+of)?|minimum(?:\s+of)?|threshold(?:\s+of)?|at\s+least|not\s+exceeding|in\s+excess\s+of|credit\s+(?:limit|line)(?:\s+(?:of|is|was))?)|超过|超出|高于|低于|不超过|不低于|额度(?:为|由|从)?|限额(?:为|由)?|上限(?:为)?|授信(?:额度)?(?:为)?)\s*(?:[:：]\s*)?$/i;
const LIMIT_AFTER = /^\s*(?:or\s+(?:more|less|above|below)|and\s+(?:above|over)|以上|以下|以内)/i;
const UNIT_BEFORE =
  /(?:\b(?:unit\s+price|price\s+per\s+\w+|priced\s+at|at\s+a\s+(?:unit\s+)?price\s+of|list\s+price|rate\s+of)\b[^.;。]{0,20}|\b\d[\d,.]*\s+(?:[A-Za-z][\w/-]*\s+){0,5}(?:at|@)\s*|单价(?:为)?[^，。；]{0,6}|@\s*)$/i;
// An order, quotation or contract value is not owed until it is invoiced ("your open order BSO-5521 for USD 11,200.00")
const ORDER_BEFORE =
  /\b(?:(?:open|new|next|pending|held|further)\s+)?(?:order|purchase\s+order|PO|quotation|quote|pro\s*forma|contract\s+(?:value|price))\b[^.;:]{0,30}?\b(?:for|of|worth|valued\s+at|totall?ing)\s*$|(?:订单|报价)[^，。；]{0,16}?(?:金额)?(?:为|共)?\s*$/i;
const UNIT_AFTER =
  /^\s*(?:(?:per|a|each|\/)\s*(?:unit|piece|pc|pcs|set|kg|kilo|tonne|ton|t|metre|meter|m|item|carton|box|lb|litre|liter|pair|roll|sheet|container)\b|each\b|[/／]\s*(?:件|台|套|吨|公斤|米|个|只|箱)|每(?:件|台|套|吨|公斤|米|个|只|箱))/i;
const PAID_BEFORE =
  /(?:\b(?:received|you\s+(?:have\s+)?(?:paid|remitted|transferred|settled)|thank\s+you\s+for\s+(?:your\s+)?(?:(?:part(?:ial)?|recent|prompt)\s+)?(?:payment|remittance|transfer)\s+of|part(?:ial)?[-\s]payment\s+of|(?:paid|received)\s+(?:on|in)\s[^.;]{0,25}|less:?|minus|credited)\s*$|(?:已收到|收到贵司|已支付|已付|已偿还|已归还|已回款|已还)[^，。；]{0,16}$)/i;
// A credit note, deduction or allowance reduces the balance as a payment does (贷项通知单, 冲抵, 折让)
const CREDITED_BEFORE =
  /(?:\b(?:credit\s+(?:note|memo)|credited\s+(?:to\s+)?your\s+account|allowance|rebate|deduct(?:ion|ed)|discount)\b[^.;:]{0,40}|(?:贷项通知单|红字发票|冲抵|冲减|折让|退货款|扣减|扣除|抵扣)[^。；]{0,24})$/i;
const CREDITED_AFTER = /^[^.;。；]{0,30}?(?:\b(?:credit\s+note|deducted|credited)\b|冲减|冲抵|抵扣|扣减)/iu;
// Chinese: the debtor paid it ("贵司已分别于2025年9月15日支付预付款", "贵司于2026年6月5日支付预付款"), or it came in ("实际入账")
const PAID_BEFORE_ZH =
  /(?:已[^，。；]{0,24}?(?:支付|付款|偿还|归还|还款|汇付|汇入|汇来|到账|入账|收到)|(?<![请应须要])(?:贵司|贵公司|你方|买方|对方|债务人)(?:分别)?于[^，。；前]{0,30}?(?:支付|付款|汇付|汇入|偿还)|入账|到账|收讫|实收|实际收到)[^，。；]{0,12}$/u;
const PAID_AFTER =
  /^\s*[^.;。，]{0,30}?\b(?:(?:was|were|has\s+been|have\s+been)\s+(?:received|paid|credited|applied)|received\s+(?:on|with\s+thanks)|which\s+we\s+have\s+(?:received|applied)|(?:that\s+)?you\s+(?:paid|remitted|sent))\b|^\s*[^。，；]{0,8}(?:已收到|已到账|已收讫|已支付)/i;
const NOT_RECEIVED = /\b(?:not|never|yet\s+to)\s+(?:been\s+)?(?:received|paid)|haven['’]t\s+received|没有收到|未收到|尚未收到|未付/i;
const INSTALMENT =
  /\b(?:promis(?:e|ed|es)|commit(?:ted|ment)|undert(?:ook|akes?)|agreed\s+to\s+pay)\b|承诺|保证于|\binstal(?:l)?ments?\b|\b(?:first|second|third|fourth|fifth|final|last|remaining|next|initial|monthly|weekly)\s+(?:instal(?:l)?ment|payment|tranche|repayment)s?\b|\btranches?\b|第[一二三四五六七八九十\d]+期|分期|首期|每期|首付|尾款|余款/i;
const CHARGE =
  /\b(?:interest|late(?:[-\s]payment)?\s+(?:fee|charge|penalt)|fees?|penalt(?:y|ies)|surcharge|liquidated\s+damages|(?:collection|legal|recovery|enforcement)\s+(?:costs?|fees?|expenses))\b|利息|违约金|滞纳金|罚息|罚金|手续费|催收费|律师费|费用/i;
// what follows an amount and adds a charge to it ("plus interest", "together with the late fee", "另加利息"): the amount is not the charge
const ADDED_AFTER =
  /^\s*(?:[,，]\s*)?(?:plus\b|\+|together\s+with\b|in\s+addition\s+to\b|excluding\b|exclusive\s+of\b|before\b|另加|另计|外加|加上|以及|不含|不包括)/iu;
const INCLUDED_AFTER =
  /^\s*(?:[,，(（]\s*)?(?:(?:including|inclusive\s+of|incl\.?|with)\s+(?:(?:all|accrued|contractual|late[-\s]payment)\s+)?(?:interest|fees?|charges?|costs?|penalt)|(?:含|包括|包含)(?:逾期)?(?:利息|违约金|滞纳金|费用))/iu;
const CLAIM =
  /\b(?:owe[sd]?|owing|outstanding|overdue|unpaid|due|balance|total|sum|amount|principal|claim(?:s|ed)?|invoice[sd]?|pay|paid\s+by|payment\s+of|remit|settle|transfer|wire|arrears|debt)\b|欠|未付|尚未支付|应付|应于|支付|付款|付清|货款|合计|共计|总额|总计|本金|款项|金额/i;
const HEADER_ROLE: readonly [RegExp, AmountRole][] = [
  [/unit\s+price|price\s*\/|\bprice\b|\brate\b|单价|价格/i, 'unit-price'],
  [/\b(?:paid|received|payments?\s+received|credit(?:ed)?)\b|已付|已收|已还|实收/i, 'paid'],
  [/\b(?:limit|threshold)\b|额度|限额/i, 'limit'],
  [/\b(?:interest|fees?|charges?|penalt)|利息|违约金|滞纳金|费用/i, 'charge'],
];
const ROW_OWED = /\b(?:total|balance|outstanding|amount\s+due|sum\s+due|principal)\b|合计|总计|共计|余额|本金|欠款/i;
const TABLE_INSTALMENT = /\binstal(?:l)?ments?\b|\bpayment\s+(?:no\.?|#|schedule)|\btranche|期数|第.期|分期|还款计划/i;

const cache = new WeakMap<readonly AmountMention[], RoledAmount[]>();

/** The role of every amount of the document, in document order (computed once per document). */
export function amountRoles(context: Pick<RuleContext, 'amounts' | 'blocks'>): RoledAmount[] {
  const cached = cache.get(context.amounts);
  if (cached) return cached;
  const tableHeaders = headerCells(context.blocks);
  // amounts per block, so that a rule about "the other amounts of this block" stays linear
  const perBlock = new Map<Block, AmountMention[]>();
  const blockOf = context.amounts.map((mention) => {
    const block = blockAt(context.blocks, mention.start);
    if (block) {
      const list = perBlock.get(block);
      if (list) list.push(mention);
      else perBlock.set(block, [mention]);
    }
    return block;
  });
  const out = context.amounts.map((mention, i) => {
    const block = blockOf[i];
    const { role, claimed } = roleOf(mention, block, tableHeaders, block ? perBlock.get(block)! : [], context.blocks);
    return { mention, role, claimed, block };
  });
  cache.set(context.amounts, out);
  return out;
}

interface TableInfo {
  /** Header text of each column. */
  columns: Map<number, string>;
  /** First cell of each row. */
  rows: Map<number, string>;
  instalments: boolean;
}

function headerCells(blocks: readonly Block[]): Map<number, TableInfo> {
  const tables = new Map<number, TableInfo>();
  for (const block of blocks) {
    const cell = block.cell;
    if (!cell) continue;
    let info = tables.get(cell.table);
    if (!info) tables.set(cell.table, (info = { columns: new Map(), rows: new Map(), instalments: false }));
    if (cell.row === 0) {
      info.columns.set(cell.column, block.text);
      if (TABLE_INSTALMENT.test(block.text)) info.instalments = true;
    }
    if (cell.column === 0) {
      info.rows.set(cell.row, block.text);
      if (cell.row > 0 && /^\s*(?:\|\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,2}|第[一二三四五六七八九十\d]+期)\s*(?:\|\s*)?$/.test(block.text))
        info.instalments = true;
    }
  }
  return tables;
}

function roleOf(
  mention: AmountMention,
  block: Block | undefined,
  tables: Map<number, TableInfo>,
  inBlock: readonly AmountMention[],
  blocks: readonly Block[],
): { role: AmountRole; claimed: boolean } {
  if (mention.minor === 0) return { role: 'zero', claimed: false };
  if (!block) return { role: 'owed', claimed: false };
  if (block.cell && block.cell.row > 0) {
    const table = tables.get(block.cell.table);
    const header = table?.columns.get(block.cell.column) ?? '';
    const rowHead = block.cell.column > 0 ? (table?.rows.get(block.cell.row) ?? '') : '';
    // a "Paid" or "Unit price" column keeps its role even on the total row; a row's label decides the rest
    for (const [pattern, role] of HEADER_ROLE) if (role !== 'charge' && pattern.test(header)) return { role, claimed: false };
    for (const [pattern, role] of HEADER_ROLE) if (pattern.test(rowHead)) return { role, claimed: false };
    if (ROW_OWED.test(rowHead)) return { role: 'owed', claimed: true };
    if (HEADER_ROLE.some(([pattern, role]) => role === 'charge' && pattern.test(header))) return { role: 'charge', claimed: false };
    if (table?.instalments) return { role: 'instalment', claimed: false };
  }
  const { before, after, sentence } = contextOf(block, mention, 90);
  const near = before.slice(-50);
  if (RATE_AFTER.test(after) || RATE_BEFORE.test(near)) return { role: 'rate', claimed: false };
  if (LIMIT_BEFORE.test(near) || LIMIT_AFTER.test(after)) return { role: 'limit', claimed: false };
  // "three instalments of USD 20,000.00 each" is a plan, not a price
  if (/\binstal(?:l)?ments?\s+of\s*$|每期(?:支付|金额)?(?:为)?\s*$/iu.test(near)) return { role: 'instalment', claimed: false };
  if (UNIT_BEFORE.test(near) || UNIT_AFTER.test(after)) return { role: 'unit-price', claimed: false };
  if (ORDER_BEFORE.test(near)) return { role: 'order', claimed: false };
  if (
    !NOT_RECEIVED.test(sentence) &&
    (PAID_BEFORE.test(near) || PAID_AFTER.test(after) || PAID_BEFORE_ZH.test(near) || CREDITED_BEFORE.test(near) || CREDITED_AFTER.test(after))
  ) {
    return { role: 'paid', claimed: false };
  }
  // "USD 31,870.50, plus 18% interest": the charge is added to this amount, which stays the amount owed
  // "USD 532.14, including interest": a total that includes the charge is the amount claimed
  if (INCLUDED_AFTER.test(after)) return { role: 'owed', claimed: true };
  if (CHARGE.test(before.slice(-60)) || (CHARGE.test(after.slice(0, 30)) && !ADDED_AFTER.test(after))) return { role: 'charge', claimed: true };
  // an amount of a plan or an alternative the creditor offers, in its sentence or under the lead-in of its list
  if (INSTALMENT.test(sentence) || isScheduled(mention, block, inBlock) || inOffer(blocks, block, sentence)) return { role: 'instalment', claimed: false };
  return { role: 'owed', claimed: CLAIM.test(sentence) };
}

// "USD 20,000.00 by 30 November 2026, USD 20,000.00 by 31 December 2026 and ...": one of several amounts, each with its date
const BY_DATE = /^\s*(?:\(|（)?(?:by|on\s+or\s+before|before|no\s+later\s+than|due|payable)\s+\d|^\s*(?:[,，]\s*)?(?:(?:于|在)\s*)?\d{4}\s*年/i;
const DATE_BY_BEFORE =
  /(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:前|之前))?(?:\s*(?:支付|付款|偿还|归还))?|\b(?:by|on\s+or\s+before|before)\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}(?:\s*[:,-])?)\s*$/;

function isScheduled(mention: AmountMention, block: Block, inBlock: readonly AmountMention[]): boolean {
  const local = mention.start - block.start;
  const after = block.text.slice(local + mention.raw.length, local + mention.raw.length + 30);
  const before = block.text.slice(Math.max(0, local - 40), local);
  if (!BY_DATE.test(after) && !DATE_BY_BEFORE.test(before)) return false;
  // at least one other amount in the same block with its own date
  return inBlock.some((other) => other !== mention && other.form === mention.form);
}
