import type { AmountMention } from '../../facts/amounts.js';
import { toMinor } from '../../facts/amounts.js';
import { formatMoney } from '../../facts/format.js';
import { defineRule, type Block, type RuleContext } from '../../rule.js';
import { amountRoles, type RoledAmount } from './roles.js';
import { caseAmounts, inCurrency, sentenceEnd, sentenceStart } from './support.js';

/**
 * The arithmetic a reader does with a letter's figures: the invoices it lists, less the payments and
 * credits it says were received, plus the charges it adds, make the balance it states. A letter that
 * lists invoices of USD 31,770.50 and says "total outstanding USD 16,770.50" without the payment
 * between them invites the question "which is it?". (The case facts' own sum, `amount` against the
 * invoices less the payments as of the letter's date, is `invoice-total`'s.)
 */

// Words that present an amount as the balance or the total still owed ("the balance now outstanding
// is", "USD 13,400.00 remains due", "in all", 尚欠, 余额, 合计). Examples: "The total outstanding is
// USD 16,770.50", "a balance of USD 13,400.00", "USD 17,400.00 in all", "尚欠货款 13,400.00 美元", "合计".
const BALANCE_BEFORE =
  /(?:\b(?:balance|outstanding|owing|owed|arrears|in\s+total|total(?:\s+(?:now\s+)?(?:due|owed|owing|outstanding|payable|of))?|amount\s+(?:now\s+|still\s+)?(?:due|owed|outstanding))\b|余额|尚欠|仍欠|欠款|欠付|未付|尚未支付|合计|共计|总计|总额)[^.;:!?。；！？\d]{0,40}$/i;
const BALANCE_AFTER =
  /^[^.;!?。；！？]{0,30}?(?:\b(?:remains?|is\s+still|are\s+still|still)\s+(?:outstanding|owed|owing|due|unpaid)|\b(?:in\s+all|in\s+total|outstanding)\b|尚未支付|仍未支付|未付|尚欠|仍欠)/i;
// What is left after payments, as opposed to a total of invoices
const STILL_OWED = /\b(?:balance|outstanding|owing|owed|remains?|remaining|still|arrears|left)\b|余额|尚欠|仍欠|欠付|尚未支付|仍未支付|未付/i;
// A table column or row that holds invoices ("Invoice", "Inv. No.", 发票号)
const INVOICE_HEADER = /\binv(?:oice)?s?\b|\binv\.|发票|票号/i;
// A row that sums the others, or one of charges, or one of credits and payments
const TOTAL_ROW = /\b(?:total|balance|sum|outstanding|amount\s+due|subtotal)\b|合计|总计|共计|小计|余额|总额/i;
const CHARGE_ROW = /\b(?:interest|late(?:[-\s]payment)?\s+(?:fee|charge)|fees?|charges?|costs?|compensation|penalt(?:y|ies))\b|利息|违约金|滞纳金|费用|赔偿/i;
const CREDIT_ROW =
  /\b(?:credit(?:\s+note|\s+memo)?|payments?|paid|received|deduct(?:ion|ed)|allowance|rebate|discount)\b|贷项|红字|已付|已收|付款|回款|扣减|折让|冲抵/i;
// An invoice number (one the facts name, or one written after "invoice"/发票)
const INVOICE_NUMBER = /(?<![\p{L}\p{N}_-])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)*(?![\p{L}\p{N}_-])/gu;
const DIGIT = /\d/;
const INVOICE_WORD_BEFORE = /(?:\binv(?:oice)?s?\b\.?(?:\s+(?:no\.?|number|#))?|发票(?:号|编号|号码)?|第)\s*(?:[:：#]\s*)?$/i;
// What joins the items of a list of invoices in one sentence (", ", "and", "、", "及")
const LIST_JOIN = /^(?:[^.;!?。；！？]|\.(?=\d))*?(?:,|\band\b|、|及|和|以及)\s*$/i;
// A payment or credit the text speaks of without its figure ("after your part payment", 已收到部分货款)
const UNQUANTIFIED_PAYMENT =
  /\b(?:part(?:ial)?[-\s]payments?|payments?\s+(?:received|made)|(?:have|has)\s+(?:been\s+)?(?:paid|received|credited)|received\s+(?:your|a)\s+(?:part\s+)?payment|credit\s+notes?)\b|已(?:收到|支付|付|偿还|归还)|收到[^，。；]{0,8}(?:付款|款项|货款)|贷项|冲抵/i;
const NOT_RECEIVED = /\b(?:not|never|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?(?:received|paid)|haven['’]t\s+(?:received|paid)|没有收到|未收到|尚未收到/i;

/** Most subset sums worth trying (2^12: a dozen invoices); a longer list is taken whole. */
const MAX_SUBSET_ITEMS = 12;

/** Every sum of a subset of `values` (the empty one included); the whole sum only when the list is long. */
function subsetSums(values: readonly number[]): Set<number> {
  if (values.length > MAX_SUBSET_ITEMS) return new Set([0, values.reduce((a, b) => a + b, 0)]);
  let sums = new Set<number>([0]);
  for (const v of values) {
    const next = new Set(sums);
    for (const s of sums) next.add(s + v);
    sums = next;
  }
  return sums;
}

interface Figures {
  /** One amount per invoice listed (by its number, or by its row of an invoice table). */
  invoices: { key: string; mention: AmountMention }[];
  payments: AmountMention[];
  charges: AmountMention[];
  /** Amounts the text presents as the balance or a total. */
  balances: { mention: AmountMention; still: boolean }[];
}

/** The text of each table row's cells, by `table:row`. */
function tableRows(blocks: readonly Block[]): Map<string, Block[]> {
  const rows = new Map<string, Block[]>();
  for (const b of blocks) {
    if (!b.cell) continue;
    const key = `${b.cell.table}:${b.cell.row}`;
    const list = rows.get(key);
    if (list) list.push(b);
    else rows.set(key, [b]);
  }
  return rows;
}

/** An invoice number in a text: one the facts name, else a reference written after "invoice"/发票. */
function invoiceNumbers(text: string, known: ReadonlySet<string>): { number: string; index: number }[] {
  const out: { number: string; index: number }[] = [];
  for (const m of text.matchAll(INVOICE_NUMBER)) {
    if (!DIGIT.test(m[0])) continue;
    const last = out[out.length - 1];
    // "invoices TP-4471 of 14 August 2026 for GBP 6,200.00 and TP-4502": the next of a list the word opened
    const listed = last !== undefined && m.index - last.index < 120 && LIST_JOIN.test(text.slice(last.index + last.number.length, m.index));
    if (known.has(m[0]) || listed || INVOICE_WORD_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index))) out.push({ number: m[0], index: m.index });
  }
  return out;
}

/** Where the sentence holding `i` ends; a single line break inside a paragraph (a wrapped line) ends none. */
function proseSentenceEnd(text: string, i: number): number {
  let end = sentenceEnd(text, i);
  while (
    end < i + WINDOW &&
    end < text.length &&
    text[end] === '\n' &&
    text[end + 1] !== '\n' &&
    !/[.;!?。；！？:：]\s*$/.test(text.slice(Math.max(0, end - 2), end))
  )
    end = sentenceEnd(text, end + 1);
  return Math.min(end, i + WINDOW);
}

/** How far after an invoice number its amount is looked for (characters). */
const WINDOW = 200;

/** The words of the sentence just before and after an amount, at most `width` each side (never the whole sentence: linear on a long one). */
function around(block: Block, mention: AmountMention, width: number): { before: string; after: string } {
  const s = block.text;
  const i = mention.start - block.start;
  const j = mention.end - block.start;
  const from = Math.max(sentenceStart(s, i), i - width);
  const to = Math.min(sentenceEnd(s, j), j + width);
  return { before: s.slice(from, i).replace(MARKUP, ''), after: s.slice(j, to).replace(MARKUP, '') };
}
const MARKUP = /[*_`~]/g;

/** True when the words around an amount say it is what is still owed (a balance), not a total of invoices. */
function isStillOwed(block: Block, mention: AmountMention): boolean {
  const { before, after } = around(block, mention, 60);
  return STILL_OWED.test(before.slice(-50)) || STILL_OWED.test(after.slice(0, 30));
}

/** True when the words just around an amount present it as the balance or a total. */
function isBalance(block: Block, mention: AmountMention): boolean {
  const { before, after } = around(block, mention, 60);
  return BALANCE_BEFORE.test(before) || BALANCE_AFTER.test(after);
}

/** What the letter lists, receives, adds and states, in the case's currency. */
function readFigures(context: RuleContext, currency: string): Figures {
  const known = new Set((context.facts.invoices ?? []).map((i) => i.number).filter((n): n is string => typeof n === 'string'));
  const roled = amountRoles(context).filter((r) => r.mention.form === 'figures' && inCurrency(r.mention, currency));
  const figures: Figures = { invoices: [], payments: [], charges: [], balances: [] };
  const listed = new Set<string>();
  const used = new Set<AmountMention>();
  const rows = tableRows(context.blocks);
  const byBlock = new Map<Block, RoledAmount[]>();
  for (const r of roled) {
    if (!r.block) continue;
    const list = byBlock.get(r.block);
    if (list) list.push(r);
    else byBlock.set(r.block, [r]);
  }
  // tables: a table with an invoice column, or whose rows name the case's invoices
  const tables = new Map<number, Block[][]>();
  for (const [key, cells] of rows) {
    const table = Number(key.split(':')[0]);
    const list = tables.get(table);
    if (list) list.push(cells);
    else tables.set(table, [cells]);
  }
  for (const table of tables.values()) {
    table.sort((a, b) => a[0]!.cell!.row - b[0]!.cell!.row);
    const header = table.find((cells) => cells[0]!.cell!.row === 0) ?? [];
    const invoiceTable =
      header.some((c) => INVOICE_HEADER.test(c.text)) ||
      table.some((cells) => cells.some((c) => invoiceNumbers(c.text, known).some((n) => known.has(n.number))));
    if (!invoiceTable) continue;
    for (const cells of table) {
      if (cells[0]!.cell!.row === 0) continue;
      const amounts = cells.flatMap((c) => byBlock.get(c) ?? []);
      if (amounts.length === 0) continue;
      const words = cells
        .filter((c) => !(byBlock.get(c) ?? []).length)
        .map((c) => c.text)
        .join(' | ');
      amounts.forEach((a) => used.add(a.mention));
      const paid = amounts.filter((a) => a.role === 'paid');
      // unit prices, rates and quantities are not what is owed
      const rest = amounts.filter((a) => a.role === 'owed' || a.role === 'charge');
      if (TOTAL_ROW.test(words)) {
        // a total row states the totals (of the invoices, of what is open); its "paid" cell the payments in all
        figures.balances.push(...rest.map((a) => ({ mention: a.mention, still: false })));
        continue;
      }
      if (CHARGE_ROW.test(words)) {
        figures.charges.push(...rest.map((a) => a.mention));
        figures.payments.push(...paid.map((a) => a.mention));
        continue;
      }
      if (CREDIT_ROW.test(words) && !invoiceNumbers(words, known).length) {
        figures.payments.push(...amounts.map((a) => a.mention));
        continue;
      }
      figures.payments.push(...paid.map((a) => a.mention));
      const first = rest[0];
      if (!first) continue;
      const key = invoiceNumbers(words, known)[0]?.number ?? words.trim();
      if (listed.has(key)) continue;
      listed.add(key);
      figures.invoices.push({ key, mention: first.mention });
    }
  }
  // prose: an invoice named with its amount ("invoice HVW-2026-1187 for USD 18,400.00", "- HVW-2026-1203: USD 13,370.50")
  for (const [block, amounts] of byBlock) {
    if (block.cell) continue;
    const numbers = invoiceNumbers(block.text, known);
    let first = 0;
    numbers.forEach(({ number, index }, k) => {
      const at = block.start + index;
      // the amount belongs to the nearest invoice number before it, in the same sentence, close after it
      const next = numbers[k + 1];
      const end = Math.min(block.start + proseSentenceEnd(block.text, index + number.length), next ? block.start + next.index : Infinity);
      while (first < amounts.length && amounts[first]!.mention.start <= at) first++;
      let candidate: RoledAmount | undefined;
      for (let a = first; a < amounts.length && amounts[a]!.mention.start <= end; a++) {
        const r = amounts[a]!;
        if (used.has(r.mention) || (r.role !== 'owed' && r.role !== 'zero')) continue;
        // "GLP-26-0457 (USD 17,750.00) remain unpaid" is the invoice's amount; "A remains outstanding at USD 13,400.00" is a balance
        if (!BALANCE_BEFORE.test(block.text.slice(index + number.length, r.mention.start - block.start))) candidate = r;
        break;
      }
      if (!candidate) return;
      used.add(candidate.mention);
      if (listed.has(number)) return;
      listed.add(number);
      figures.invoices.push({ key: number, mention: candidate.mention });
    });
  }
  for (const r of roled) {
    if (used.has(r.mention) || !r.block) continue;
    if (r.role === 'paid') figures.payments.push(r.mention);
    else if (r.role === 'charge') figures.charges.push(r.mention);
    else if (r.role === 'owed' && isBalance(r.block, r.mention)) figures.balances.push({ mention: r.mention, still: isStillOwed(r.block, r.mention) });
  }
  return figures;
}

export default defineRule({
  meta: {
    id: 'invoices-add-up',
    category: 'facts',
    defaultSeverity: 'warning',
    description: 'The invoices a letter lists, less the payments it states, plus its charges, make the balance it states',
    languages: ['eng', 'cmn'],
    docs: {
      en: `A debtor reads a demand with a calculator. When the invoices a letter lists, less the payments and credit notes it says were received, plus the interest or fees it adds, do not make the balance it states, the debtor asks which figure is right, and the answer delays payment. The finding sits on the balance; the message gives the sum the reader makes. A payment applied to part of one invoice, a credit note, a total of only some of the invoices and an interest line all count; a payment the letter mentions without its figure ("after your part payment") explains a lower balance. The case facts' own sum (\`amount\` against \`invoices\` less \`payments\`) is [\`invoice-total\`](invoice-total.md)'s; what a letter must state is in [docs/law.md](../law.md#facts-a-letter-must-carry).

**Wrong**

| Invoice | Amount |
| --- | ---: |
| HVW-2026-1187 | USD 18,400.00 |
| HVW-2026-1203 | USD 13,370.50 |

The total outstanding is USD 16,770.50.

**Right**

| Invoice | Amount | Paid | Open |
| --- | ---: | ---: | ---: |
| HVW-2026-1187 | USD 18,400.00 | USD 15,000.00 | USD 3,400.00 |
| HVW-2026-1203 | USD 13,370.50 | | USD 13,370.50 |

The total outstanding, after your payment of USD 15,000.00 on 2 December 2026, is USD 16,770.50.

中文：函中列出的发票金额，减去函中写明已收到的付款和贷项，加上所主张的利息费用，应等于函中所述的余额。`,
      zh: `债务人会拿着计算器读催款函。函中列出的发票金额，减去函中写明已收到的付款和贷项通知单，加上函中主张的利息或费用，如果不等于函中所述的余额，债务人就会问到底哪个数字是对的，付款因此拖延。报告位置在余额上，消息中给出读者算出的数字。部分付款、贷项通知单、只合计部分发票以及利息行都会计入；函中提到但未写金额的付款（"收到贵司部分货款后"）可以解释较低的余额。案件事实本身的合计（\`amount\` 与 \`invoices\` 减 \`payments\`）由 [\`invoice-total\`](invoice-total.md) 检查；函件必须写明的事实见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

**错误**

| 发票号 | 金额 |
| --- | ---: |
| HVW-CN-2026-0412 | 120,000.00 元 |
| HVW-CN-2026-0455 | 55,000.00 元 |

尚欠货款合计 145,000.00 元。

**正确**

| 发票号 | 金额 |
| --- | ---: |
| HVW-CN-2026-0412 | 120,000.00 元 |
| HVW-CN-2026-0455 | 55,000.00 元 |

贵司已于2026年11月2日支付 30,000.00 元，尚欠货款合计 145,000.00 元。`,
    },
  },
  check(context) {
    const { facts, report } = context;
    const currency = facts.currency ?? dominantCurrency(context.amounts);
    if (!currency) return;
    const figures = readFigures(context, currency);
    if (figures.invoices.length === 0 || figures.balances.length === 0) return;
    // an invoice of the facts the text names without its amount in the same sentence may be in any total
    const listedKeys = new Set(figures.invoices.map((i) => i.key));
    const unlisted = (facts.invoices ?? []).filter((i) => typeof i.amount === 'number' && !listedKeys.has(i.number ?? '')).map((i) => toMinor(i.amount!));
    const invoiceSums = subsetSums([...figures.invoices.map((i) => i.mention.minor), ...unlisted]);
    const paymentSums = subsetSums(figures.payments.map((p) => p.minor));
    // charges the text states, and those the facts back (an interest line the letter carries over)
    const chargeValues = [
      ...figures.charges.map((c) => c.minor),
      ...(facts.charges ?? []).flatMap((c) => (typeof c.amount === 'number' ? [toMinor(c.amount)] : [])),
    ];
    const chargeSums = subsetSums(chargeValues.slice(0, 8));
    const reachable = new Set<number>();
    for (const i of invoiceSums) for (const c of chargeSums) reachable.add(i + c);
    const listed = figures.invoices.reduce((t, i) => t + i.mention.minor, 0);
    // a bilingual letter states each payment twice, once in each half: the message counts it once
    const payments = facts.language === 'en+zh-CN' ? [...new Set(figures.payments.map((p) => p.minor))] : figures.payments.map((p) => p.minor);
    const paid = payments.reduce((t, p) => t + p, 0);
    const body = context.text.slice(context.body.start, context.body.end);
    const unquantified = paid === 0 && UNQUANTIFIED_PAYMENT.test(body) && !NOT_RECEIVED.test(body);
    // a balance the facts do not justify is amount-matches-facts's finding (one defect, one finding)
    const justified = new Set(caseAmounts(facts).map((a) => a.minor));
    if (typeof facts.amount === 'number') justified.add(toMinor(facts.amount));
    // a promise or an instalment ("pay the balance of USD 9,200.00 by 15 December") is a part of the debt, not its balance
    const promised = new Set(
      [...(facts.commitments ?? []), ...(facts.instalments ?? [])].flatMap((c) => (typeof c.amount === 'number' ? [toMinor(c.amount)] : [])),
    );
    const seen = new Set<number>();
    for (const { mention: balance, still } of figures.balances) {
      if (seen.has(balance.minor) || promised.has(balance.minor) || (justified.size > 0 && !justified.has(balance.minor))) continue;
      let adds = false;
      for (const p of paymentSums) if (reachable.has(balance.minor + p)) adds = true;
      // "the balance remains" the whole of the invoices although the letter states a payment: the payment was not taken off
      if (still && paid > 0 && balance.minor === listed) adds = false;
      // a payment the letter names without its figure explains a balance below the invoices
      if (adds || (unquantified && balance.minor < listed)) continue;
      seen.add(balance.minor);
      const moneyEn = (minor: number): string => formatMoney(minor / 100, currency, 'en');
      const moneyZh = (minor: number): string => formatMoney(minor / 100, currency, 'zh');
      const n = figures.invoices.length;
      const expected = listed - paid;
      report({
        start: balance.start,
        end: balance.end,
        message: {
          en: `Unexpected \`${balance.raw}\` as the balance: the ${n === 1 ? 'invoice the letter lists comes' : `${n} invoices the letter lists come`} to ${moneyEn(listed)}${
            paid ? `, less ${moneyEn(paid)} the letter says was received, ${moneyEn(expected)}` : ' and it states no payment received'
          }; state the payments and credits that make the difference, or correct the balance`,
          zh: `余额 \`${balance.raw}\` 与函中数字对不上：函中列出的${n === 1 ? '发票' : ` ${n} 张发票`}合计 ${moneyZh(listed)}${
            paid ? `，减去函中写明已收到的 ${moneyZh(paid)}，应为 ${moneyZh(expected)}` : '，且函中未写明任何已收到的付款'
          }；请写明造成差额的付款或贷项，或更正余额`,
        },
      });
    }
  },
});

/** The currency most amounts of the text are written in (a letter without facts). */
function dominantCurrency(amounts: readonly AmountMention[]): string | undefined {
  const counts = new Map<string, number>();
  for (const a of amounts) if (a.currency) counts.set(a.currency, (counts.get(a.currency) ?? 0) + 1);
  let best: string | undefined;
  for (const [c, n] of counts) if (!best || n > counts.get(best)!) best = c;
  return best;
}
