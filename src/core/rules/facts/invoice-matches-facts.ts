import { firstStartingAt } from '../../blocks.js';
import { formatDate, formatDateLike } from '../../facts/format.js';
import type { Invoice } from '../../facts/facts.js';
import { defineRule, type Block, type RuleContext, type ReportFix } from '../../rule.js';
import { blockAt, sentenceEnd, sentenceStart } from './support.js';
import { replaceWith } from '../fix-titles.js';

// Invoice and contract numbers: a capital letter, then letters and digits joined by - or /, with a digit;
// Chinese text may run straight into them (发票HVW-2026-1187项下), so only Latin letters and digits bound them
const REFERENCE = /(?<![\p{Script=Latin}\p{N}_-])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)+(?![\p{Script=Latin}\p{N}_-])/gu;
const DIGIT = /\d/;
// What ties a date to the invoice just named: "HVW-2026-1187 of 15 September 2026", "dated", "issued on", "(15 September 2026", 开票日期
const DATE_AFTER =
  /^\s*(?:号发票\s*)?(?:[,，(（]\s*)?(?:(?:(?:which\s+(?:was\s+)?|that\s+(?:was\s+)?)?(?:dated|of|issued(?:\s+on)?|raised(?:\s+on)?|invoiced(?:\s+on)?|sent(?:\s+on)?|date[d:]?)|开票日期(?:为|[:：])?|日期(?:为|[:：])?)\s*)?(?:[:：]\s*)?$/iu;
// ... or a date just before it: "于2026年7月10日开具第 BME-26-0619 号发票", "2026年5月29日的第 APT-2026-0588 号发票"
const DATE_BEFORE = /^\s*(?:(?:开具|开出|出具)?了?的?(?<=[具出了的])\s*)?(?:第\s*)?$/u;

/** Edit distance with adjacent transpositions (a typed invoice number is most often two digits swapped). */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

const prefixOf = (reference: string): string => /^[A-Z]+/.exec(reference)?.[0] ?? reference;

/** The cells of every table row and the header of every column, indexed once per document. */
function tableIndex(blocks: readonly Block[]): { row(block: Block): Block[]; header(block: Block): string } {
  const rows = new Map<string, Block[]>();
  const headers = new Map<string, string>();
  for (const b of blocks) {
    if (!b.cell) continue;
    const key = `${b.cell.table}:${b.cell.row}`;
    const list = rows.get(key);
    if (list) list.push(b);
    else rows.set(key, [b]);
    if (b.cell.row === 0) headers.set(`${b.cell.table}:${b.cell.column}`, b.text);
  }
  return {
    row: (block) => (block.cell ? (rows.get(`${block.cell.table}:${block.cell.row}`) ?? []) : []),
    header: (block) => (block.cell ? (headers.get(`${block.cell.table}:${block.cell.column}`) ?? '') : ''),
  };
}

export interface MistypedInvoice {
  start: number;
  end: number;
  raw: string;
  /** The invoice numbers of the facts it is close to. */
  near: string[];
}

const mistypedCache = new WeakMap<readonly Block[], MistypedInvoice[]>();

/** The mistyped invoice numbers of the document (computed once per document). */
export function mistypedInvoices(context: Pick<RuleContext, 'facts' | 'blocks'>): MistypedInvoice[] {
  const cached = mistypedCache.get(context.blocks);
  if (cached) return cached;
  const { facts } = context;
  const numbers = (facts.invoices ?? []).map((i) => i.number).filter((n): n is string => typeof n === 'string' && n.trim() !== '');
  const known = new Set([...numbers, ...(facts.contract?.reference ? [facts.contract.reference] : [])]);
  const families = new Set(numbers.map(prefixOf));
  const out: MistypedInvoice[] = [];
  for (const block of numbers.length ? context.blocks : []) {
    if (!DIGIT.test(block.text)) continue;
    for (const m of block.text.matchAll(REFERENCE)) {
      const raw = m[0];
      if (!DIGIT.test(raw) || known.has(raw) || !families.has(prefixOf(raw))) continue;
      const near = numbers.filter((n) => distance(raw, n) <= 2);
      if (near.length > 0) out.push({ start: block.start + m.index, end: block.start + m.index + raw.length, raw, near });
    }
  }
  mistypedCache.set(context.blocks, out);
  return out;
}

export default defineRule({
  meta: {
    id: 'invoice-matches-facts',
    category: 'facts',
    defaultSeverity: 'error',
    description: 'Invoice numbers and invoice dates in the text are the ones in the case facts',
    languages: ['eng', 'cmn'],
    fixable: true,
    docs: {
      en: `The invoice is what the debtor's accounts payable team looks up. A letter that cites \`HVW-2026-1178\` for invoice \`HVW-2026-1187\`, or dates the invoice 6 July when it was issued on 16 July, sends them looking for an invoice that does not exist, and gives a debtor who wants time an easy reply: "we have no such invoice" (see [docs/law.md](../law.md#facts-a-letter-must-carry)).

This rule reports:

- an invoice number in the text that is one or two keystrokes away from an invoice of the facts (two digits swapped, one digit wrong) and is none of the case's invoice or contract numbers. Other numbers of the same series that differ more (an earlier, paid invoice the letter mentions) are left alone;
- the date the text gives an invoice ("invoice HVW-2026-1187 of 15 September 2026", "dated", "issued on", a date column beside the invoice in a table, 于2026年9月15日开具第 HVW-2026-1187 号发票) when it is not that invoice's \`date\` in the facts.

The fix (a suggestion) writes the number or date of the facts; it is never applied by \`--fix\`, because which of the two is wrong is for a person to decide.

**Wrong** (\`invoices: [{ number: HVW-2026-1187, date: 2026-09-15 }]\`)

> Our invoice HVW-2026-1178 of 5 September 2026 remains unpaid.

**Right**

> Our invoice HVW-2026-1187 of 15 September 2026 remains unpaid.

中文示例 —— 错误：

> 我司于2026年9月5日开具第 HVW-2026-1178 号发票，至今未付。

正确：

> 我司于2026年9月15日开具第 HVW-2026-1187 号发票，至今未付。`,
      zh: `债务人的应付账款人员是按发票号查账的。发票 \`HVW-2026-1187\` 在函件中写成 \`HVW-2026-1178\`，或者7月16日开具的发票写成7月6日，对方就会去找一张并不存在的发票；想拖延付款的债务人也就有了现成的答复：“我方没有这张发票”。参见 [docs/law.md](../../law.md#facts-a-letter-must-carry)。

本规则报告：

- 正文中的发票号与事实中某张发票只差一两次按键（相邻两位数字颠倒、一位数字写错），且不是本案任何发票号或合同号。同一编号系列中差别更大的号码（函件提到的一张已付清的旧发票）不报告；
- 正文给出的发票日期（“invoice HVW-2026-1187 of 15 September 2026”、“dated”、“issued on”、表格中发票旁的日期栏，“于2026年9月15日开具第 HVW-2026-1187 号发票”）与事实中该发票的 \`date\` 不一致。

修复（仅作建议）写出事实中的发票号或日期；\`--fix\` 不会自动应用，因为究竟哪一边写错，需要人来判断。

**错误**（\`invoices: [{ number: HVW-2026-1187, date: 2026-09-15 }]\`）

> 我司于2026年9月5日开具第 HVW-2026-1178 号发票，至今未付。

**正确**

> 我司于2026年9月15日开具第 HVW-2026-1187 号发票，至今未付。`,
    },
  },
  check(context) {
    const { facts, blocks, dates, report } = context;
    const invoices = (facts.invoices ?? []).filter((i): i is Invoice & { number: string } => typeof i.number === 'string' && i.number.trim() !== '');
    if (invoices.length === 0) return;
    const byNumber = new Map(invoices.map((i) => [i.number, i]));
    const tables = tableIndex(blocks);
    for (const block of blocks) {
      if (!DIGIT.test(block.text)) continue;
      for (const m of block.text.matchAll(REFERENCE)) {
        const invoice = byNumber.get(m[0]);
        if (invoice) checkDate(invoice, block, block.start + m.index, block.start + m.index + m[0].length);
      }
    }
    for (const { start, end, raw, near } of mistypedInvoices(context)) {
      const fixes: ReportFix[] = near.map((number) => ({ title: replaceWith(number), edits: [{ start, end, text: number }] }));
      const list = near.map((number) => `\`${number}\``).join(', ');
      report({
        start,
        end,
        message: {
          en: `Unexpected invoice number \`${raw}\`, expected ${list} (\`invoices\`)`,
          zh: `发票号 \`${raw}\` 与事实不符，应为 ${list}（\`invoices\`）`,
        },
        fixes,
      });
    }

    function checkDate(invoice: Invoice, block: Block, start: number, end: number): void {
      if (!invoice.date) return;
      const local = { start: start - block.start, end: end - block.start };
      const from = block.start + sentenceStart(block.text, local.start);
      const to = block.start + sentenceEnd(block.text, local.end);
      // the first date after the number in its sentence, or the last one before it
      const after = dates[firstStartingAt(dates, end)];
      const beforeIndex = firstStartingAt(dates, start) - 1;
      const before = beforeIndex >= 0 ? dates[beforeIndex] : undefined;
      let tied =
        after && after.end <= to && DATE_AFTER.test(context.text.slice(end, after.start))
          ? after
          : before && before.end <= start && before.start >= from && DATE_BEFORE.test(context.text.slice(before.end, start))
            ? before
            : undefined;
      if (!tied && block.cell) {
        // a table row: the cell under an "Invoice date" / "开票日期" column
        for (const cell of tables.row(block)) {
          const header = tables.header(cell);
          if (cell === block || !/date|日期/i.test(header) || /due|到期|pay\s*by|付款期限/i.test(header)) continue;
          const found = dates[firstStartingAt(dates, cell.start)];
          tied = found && found.end <= cell.end ? found : undefined;
          if (tied) break;
        }
      }
      if (!tied?.iso || tied.iso === invoice.date) return;
      const text = formatDateLike(invoice.date, tied.raw);
      const style = blockAt(blocks, tied.start)?.language === 'zh' ? 'zh' : 'en';
      report({
        start: tied.start,
        end: tied.end,
        message: {
          en: `Unexpected \`${tied.raw}\` as the date of invoice \`${invoice.number ?? ''}\`, expected \`${text || formatDate(invoice.date, style)}\` (\`invoices\`)`,
          zh: `发票 \`${invoice.number ?? ''}\` 的日期 \`${tied.raw}\` 与事实不符，应为 \`${text || formatDate(invoice.date, 'zh')}\`（\`invoices\`）`,
        },
        fixes: text ? [{ title: replaceWith(text), edits: [{ start: tied.start, end: tied.end, text }] }] : [],
      });
    }
  },
});
