import { blockAt, letterheadLength } from '../../blocks.js';
import { languageSpan } from '../../language/where.js';
import type { Facts } from '../../facts/facts.js';
import { amountProblems } from '../facts/amount-matches-facts.js';
import { defineRule, type Block, type Message } from '../../rule.js';

// Fewer English words or Chinese word units than this is a greeting, not a half of the letter
const MIN_HALF = 12;
// Invoice and contract numbers: a capital letter, then letters and digits joined by - or /, with a digit;
// Chinese text may run straight into them (发票HVW-2026-1187项下), so only Latin letters and digits bound them
const REFERENCE = /(?<![\p{Script=Latin}\p{N}_-])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)+(?![\p{Script=Latin}\p{N}_-])/gu;
const DIGIT = /\d/;

type Half = 'en' | 'zh';
/** Where a mention stands: one half, or a part both halves share (letterhead, a bilingual table). */
type Place = Half | 'both';

/** One amount, date or reference, as the rule compares them. */
interface Mention {
  start: number;
  end: number;
  raw: string;
  half: Place;
  key: string;
  /** How the mention is looked up among the facts (amounts add their currency). */
  factKey: string;
  /** Amounts only: the currency, when the text says it. */
  currency?: string | undefined;
}

const HALF_NAME = { en: { en: 'English', zh: '英文' }, zh: { en: 'Chinese', zh: '中文' } } as const;

/** The half (English or Chinese) a block belongs to, or undefined for mixed blocks and names-only lines. */
function halfOf(block: Block | undefined): Half | undefined {
  return block?.language === 'en' || block?.language === 'zh' ? block.language : undefined;
}

/**
 * The blocks that belong to neither half: the letterhead, addresses, date and reference lines
 * before the salutation (or before the first real paragraph), and every cell of a table whose
 * header row is written in both languages (a shared invoice table).
 */
function sharedBlocks(blocks: readonly Block[]): Set<Block> {
  const shared = new Set<Block>(blocks.slice(0, letterheadLength(blocks)));
  const bilingualTables = new Set<number>();
  for (const block of blocks) {
    if (block.cell?.row === 0 && /\p{Script=Han}/u.test(block.text) && /[A-Za-z]{2}/.test(block.text)) bilingualTables.add(block.cell.table);
  }
  for (const block of blocks) if (block.cell && bilingualTables.has(block.cell.table)) shared.add(block);
  return shared;
}

/** The leading letters of a reference (`HVW` of `HVW-2026-1187`): references of one family share them. */
const prefixOf = (reference: string): string => /^[A-Z]+/.exec(reference)?.[0] ?? reference;

const minor = (n: number | undefined): string | undefined => (n === undefined ? undefined : String(Math.round(n * 100)));

/** The values the facts give for each kind of mention. */
function factKeys(facts: Facts): Record<'amount' | 'date' | 'reference', Set<string>> {
  const amounts = [
    facts.amount,
    ...(facts.invoices ?? []).map((i) => i.amount),
    ...(facts.charges ?? []).map((c) => c.amount),
    ...(facts.commitments ?? []).map((c) => c.amount),
  ]
    .map(minor)
    .flatMap((m) => (m === undefined ? [] : facts.currency ? [m, `${m} ${facts.currency}`] : [m]));
  const dates = [
    facts.date,
    facts.due_date,
    facts.deadline,
    facts.call?.date,
    ...(facts.invoices ?? []).map((i) => i.date),
    ...(facts.commitments ?? []).map((c) => c.by),
  ];
  const references = [...(facts.invoices ?? []).map((i) => i.number), facts.contract?.reference];
  const set = (values: (string | undefined)[]): Set<string> => new Set(values.filter((v): v is string => v !== undefined));
  return { amount: set(amounts), date: set(dates), reference: set(references) };
}

function sameAmount(a: Mention, b: Mention): boolean {
  return a.key === b.key && (a.currency === undefined || b.currency === undefined || a.currency === b.currency);
}

/** The mention to report for one kind: the first one-sided mention that disagrees with the facts, else the first one-sided. */
function firstDifference(
  mentions: Mention[],
  facts: Set<string>,
  same: (a: Mention, b: Mention) => boolean,
): { mention: Mention; others: Mention[] } | undefined {
  const byKey = new Map<string, Mention[]>();
  for (const m of mentions) {
    const bucket = byKey.get(m.key);
    if (bucket) bucket.push(m);
    else byKey.set(m.key, [m]);
  }
  // only mentions with the same key can match, so each is compared within its bucket
  // what a shared table or the letterhead states, both halves state
  const oneSided = mentions.filter((m) => m.half !== 'both' && !byKey.get(m.key)!.some((o) => o.half !== m.half && same(m, o)));
  if (oneSided.length === 0) return undefined;
  const disagrees = oneSided.find((m) => facts.size > 0 && !facts.has(m.factKey));
  const mention = disagrees ?? oneSided[0]!;
  let others = oneSided.filter((m) => m.half !== mention.half);
  // a figure that disagrees with the facts is compared with what the other half says instead
  if (others.length === 0 && disagrees) others = mentions.filter((m) => m.half !== mention.half && m.half !== 'both');
  return { mention, others };
}

/**
 * The amounts to compare between the halves: all of them, or, when amount-matches-facts reports a wrong figure (its
 * finding, reported once there), the figures the facts do not name (an instalment, a unit price) that one half alone states.
 */
function comparable(mentions: Mention[], reported: readonly number[], facts: Set<string>): Mention[] {
  const wrong = mentions.filter((m) => reported.includes(m.start));
  if (wrong.length === 0) return mentions;
  // the right figure the wrong one stands for is in the other half; the other figures of the facts are compared no more
  return mentions.filter((m) => !wrong.includes(m) && !facts.has(m.factKey));
}

const KIND_NAME = {
  amount: { en: 'amounts', zh: '金额' },
  date: { en: 'dates', zh: '日期' },
  reference: { en: 'invoice and contract numbers', zh: '发票号和合同号' },
} as const;

function differenceMessage(kind: keyof typeof KIND_NAME, mention: Mention, others: Mention[]): Message {
  // a reported mention is always in one half: shared mentions are never one-sided
  const half: Half = mention.half === 'zh' ? 'zh' : 'en';
  const here = HALF_NAME[half];
  const there = HALF_NAME[half === 'en' ? 'zh' : 'en'];
  const what = KIND_NAME[kind];
  if (others.length > 0) {
    const list = [...new Set(others.map((o) => `\`${o.raw}\``))].slice(0, 3).join(', ');
    return {
      en: `Unexpected \`${mention.raw}\` in the ${here.en} text, expected the same ${what.en} as the ${there.en} text (${list})`,
      zh: `${here.zh}部分的 \`${mention.raw}\` 与${there.zh}部分（${list}）不一致，两部分的${what.zh}应相同`,
    };
  }
  return {
    en: `Unexpected \`${mention.raw}\` in the ${here.en} text only, expected the ${there.en} text to state it too`,
    zh: `\`${mention.raw}\` 只出现在${here.zh}部分，${there.zh}部分也应写明`,
  };
}

// Examples both languages' docs show, written once
const EXAMPLE_1 = `\`\`\`markdown
Please pay USD 18,400.00 by 4 December 2026.

请于2026年12月14日前支付18,400.00美元。
\`\`\``;
const EXAMPLE_2 = `\`\`\`markdown
Please pay USD 18,400.00 by 4 December 2026.

请于2026年12月4日前支付18,400.00美元。
\`\`\``;

export default defineRule({
  meta: {
    id: 'bilingual-consistency',
    category: 'language',
    defaultSeverity: 'error',
    description: 'Both halves of a bilingual document are there and state the same amounts, dates and numbers',
    languages: ['eng', 'cmn'],
    docs: {
      en: `In a document declared bilingual (\`language: en+zh-CN\`) this rule reports:

- a missing half: no, or hardly any, Chinese (or English) prose;
- halves that disagree: the amounts (compared in minor units with their currency), the dates (compared as calendar dates, so \`4 December 2026\` equals \`2026年12月4日\`), or the invoice and contract numbers of the English paragraphs differ from those of the Chinese paragraphs. The finding points at the first differing mention in the half that disagrees with the front-matter facts; when both halves agree with the facts and one simply leaves a figure out, it points at the figure the other half is missing.

Why it matters: a debtor, a court or an arbitral tribunal can rely on whichever version suits it. Under PRC Civil Code Art. 466 the versions of a bilingual text are presumed to mean the same, so a deadline of 4 December in English and 14 December in Chinese gives the debtor the later date to argue for (see [docs/law.md](../law.md#language)). Amounts read as \`18,400.00 美元\` and \`美元壹万捌仟肆佰元整\` count as the same amount as \`USD 18,400.00\`.

**Wrong**

${EXAMPLE_1}

**Right**

${EXAMPLE_2}

**错误**：英文部分写发票 HVW-2026-1187，中文部分写成 HVW-2026-1178。

**正确**：中英文两部分写同一发票号 HVW-2026-1187、同一金额和同一付款期限。`,
      zh: `声明为双语的文件（\`language: en+zh-CN\`）中，本规则报告：

- 缺少一半：几乎没有中文（或英文）正文；
- 两部分说法不一：英文段落与中文段落中的金额（按币种和最小货币单位比较）、日期（按日历日比较，\`4 December 2026\` 与 \`2026年12月4日\` 视为同一天）或发票号、合同号不一致。报告位置是两部分中与前置信息不符的那一处；如果两部分都与事实相符、只是一部分漏写了某个数字，则指向另一部分多出的那个数字。

**为什么重要**：债务人、法院或仲裁庭会援引对其有利的文本。依照《民法典》第四百六十六条，双语文本约定具有同等效力的，各文本使用的词句推定具有相同含义；英文写12月4日、中文写12月14日，债务人就可以主张较晚的那个日期。\`18,400.00 美元\`、\`美元壹万捌仟肆佰元整\` 与 \`USD 18,400.00\` 视为同一金额。参见 [docs/law.md](../../law.md#language)。

**错误**

${EXAMPLE_1}

**正确**

${EXAMPLE_2}

另一种常见错误：英文部分写发票号 HVW-2026-1187，中文部分误写为 HVW-2026-1178。中英文两部分应写同一发票号、同一金额和同一付款期限。`,
    },
  },
  check(context) {
    const { facts, blocks, amounts, dates, report } = context;
    if (facts.language !== 'en+zh-CN') return;
    let en = 0;
    let zh = 0;
    for (const block of blocks) {
      // both halves are there as soon as each has enough prose; no need to read further
      if (en >= MIN_HALF && zh >= MIN_HALF) break;
      if (block.language === 'none') continue;
      en += block.measure.en;
      zh += block.measure.zh;
    }
    const missing: Half | undefined = zh < MIN_HALF ? 'zh' : en < MIN_HALF ? 'en' : undefined;
    if (missing) {
      const span = languageSpan(context);
      report({
        start: span.start,
        end: span.end,
        message:
          missing === 'zh'
            ? {
                en: 'Unexpected bilingual document with no Chinese text, expected the Chinese half as well (or `language: en`)',
                zh: '声明为中英双语的文件缺少中文部分，应补全中文（或声明 `language: en`）',
              }
            : {
                en: 'Unexpected bilingual document with no English text, expected the English half as well (or `language: zh-CN`)',
                zh: '声明为中英双语的文件缺少英文部分，应补全英文（或声明 `language: zh-CN`）',
              },
      });
      return;
    }
    const known = factKeys(facts);
    const shared = sharedBlocks(blocks);
    // a cell of figures or numbers alone ("KMS-88120", "USD 5,120.50") is in the half its table's header is written
    // in, else in the half of the prose that introduces the table (a header of short words may read as no language)
    const tableHalf = new Map<number, Half>();
    const headerHalf = new Map<number, Half>();
    for (const block of blocks) {
      const half = block.cell?.row === 0 ? halfOf(block) : undefined;
      if (half && !headerHalf.has(block.cell!.table)) headerHalf.set(block.cell!.table, half);
    }
    let before: Half | undefined;
    for (const block of blocks) {
      if (!block.cell) before = halfOf(block) ?? before;
      else if (!tableHalf.has(block.cell.table)) {
        const half = headerHalf.get(block.cell.table) ?? before;
        if (half) tableHalf.set(block.cell.table, half);
      }
    }
    const halfOfBlock = (block: Block | undefined): Half | undefined => halfOf(block) ?? (block?.cell ? tableHalf.get(block.cell.table) : undefined);
    const halfAt = (offset: number): Place | undefined => {
      const block = blockAt(blocks, offset);
      return block && shared.has(block) ? 'both' : halfOfBlock(block);
    };
    const amountMentions: Mention[] = [];
    for (const a of amounts) {
      const half = halfAt(a.start);
      if (half)
        amountMentions.push({
          start: a.start,
          end: a.end,
          raw: a.raw,
          half,
          key: String(a.minor),
          factKey: a.currency ? `${a.minor} ${a.currency}` : String(a.minor),
          currency: a.currency,
        });
    }
    const dateMentions: Mention[] = [];
    for (const d of dates) {
      const half = halfAt(d.start);
      // a relative deadline ("within 7 days of the date of this letter") is no date either half writes: the deadline rules judge it
      if (half && d.iso && d.form !== 'relative') dateMentions.push({ start: d.start, end: d.end, raw: d.raw, half, key: d.iso, factKey: d.iso });
    }
    const referenceMentions: Mention[] = [];
    // only the invoice and contract numbers of the case, and look-alikes of them (a typo), are compared:
    // "Our ref: RT/APT/0471" or an order number is no figure the other half must repeat
    const families = new Set([...known.reference].map(prefixOf));
    for (const block of blocks) {
      const half = shared.has(block) ? undefined : halfOfBlock(block);
      if (!half) continue;
      for (const match of block.text.matchAll(REFERENCE)) {
        if (!DIGIT.test(match[0])) continue;
        if (families.size > 0 && !families.has(prefixOf(match[0]))) continue;
        const start = block.start + (match.index ?? 0);
        referenceMentions.push({ start, end: start + match[0].length, raw: match[0], half, key: match[0], factKey: match[0] });
      }
    }
    const same = (a: Mention, b: Mention): boolean => a.key === b.key;
    const differences: [keyof typeof KIND_NAME, ReturnType<typeof firstDifference>][] = [
      // a wrong figure in either half is amount-matches-facts' finding, reported once there
      [
        'amount',
        firstDifference(
          comparable(
            amountMentions,
            amountProblems(context).map((p) => p.mention.start),
            known.amount,
          ),
          known.amount,
          sameAmount,
        ),
      ],
      ['date', firstDifference(dateMentions, known.date, same)],
      ['reference', firstDifference(referenceMentions, known.reference, same)],
    ];
    for (const [kind, difference] of differences) {
      if (!difference) continue;
      const { mention, others } = difference;
      report({
        start: mention.start,
        end: mention.end,
        message: differenceMessage(kind, mention, others),
        related: others.slice(0, 3).map((o) => ({
          start: o.start,
          end: o.end,
          message:
            o.half === 'both'
              ? { en: 'the text both halves share', zh: '中英文共用部分' }
              : { en: `the ${HALF_NAME[o.half].en} text`, zh: `${HALF_NAME[o.half].zh}部分` },
        })),
      });
    }
  },
});
