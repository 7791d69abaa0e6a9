import type { BlockLanguage } from '../rule.js';

// URLs and e-mail addresses are names too; removed first, and only from blocks that can hold one
const URL_OR_EMAIL = /https?\\?:\/\/\S+|(?<![\w.+-])[\w.+-]+\\?@[\w-]+(?:\.[\w-]+)+/g;
// One pass over the block: Han runs, Latin words, and the punctuation only Chinese prose uses.
// Digits, amounts and symbols never match.
const TOKEN = /(\p{Script=Han}+)|(\p{Script=Latin}[\p{Script=Latin}'’]*)|([，。；！？、：“”《》「」])/gu;

// Currency words, 大写 numerals and the 年月日 of a date are amounts and dates, not prose
const NEUTRAL_HAN = /^(?:美元|人民币|港币|港元|欧元|日元|英镑|[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整年月日])+$/u;
// A Han run that is a registered company or institution name says nothing about the prose around it
const ORG_NAME_SUFFIX = /(?:有限责任公司|股份有限公司|有限公司|集团|公司|工厂|银行|事务所|委员会|仲裁院|仲裁中心|商会)$/u;
const ORG_NAME = new RegExp(`^\\p{Script=Han}{2,}${ORG_NAME_SUFFIX.source}`, 'u');
// ...unless it holds characters that names almost never contain (贵公司 "your company", 我方已联系贵公司)
const PROSE_HAN = /[的了是我你他您贵已请将被把这那吗呢尚欠未须]/u;

// Capitalised words that are English prose wherever they stand (function words, greetings)
const STRONG = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being below between both but by ' +
    'can could dear did do does during each few for from further had has have having he her here hers him his how i if in into is it its ' +
    'kind let may me might more most must my no nor not now of off on once only or other our ours out over own please regards same ' +
    'shall she should sincerely so some such than thank thanks that the their theirs them then there these they this those through to ' +
    'too under until up upon very was we were what when where which while who whom why will with would yes you your yours faithfully ' +
    'hello hi'
  ).split(' '),
);

// Capitalised words that are English but also make up titles, labels and names (half weight)
const WEAK = new Set(
  (
    'account accounts action address agreement amount arbitration article attention attn bank before best call clause company ' +
    'confirm contract credit date deadline demand department director dispute due email fax final finance governing guarantee guaranty ' +
    'invoice invoices language law letter manager notice number outstanding overdue party parties payment phone receivable reference ' +
    'reminder schedule second section statement summary tel total version re subject mr mrs ms miss dr'
  ).split(' '),
);

// Words that are codes or legal-form abbreviations in any language
const NEUTRAL = new Set('usd cny rmb hkd eur sgd jpy gbp co ltd llc llp inc corp plc gmbh pte no vs etc'.split(' '));

/** How much English and Chinese prose a block holds, in rough word units (names and numbers weigh nothing). */
export interface LanguageMeasure {
  en: number;
  zh: number;
}

/** Measures the English and Chinese prose in `text`, ignoring names, numbers, amounts, URLs and e-mail addresses. */
export function measureLanguage(text: string): LanguageMeasure {
  let en = 0;
  let weak = 0;
  let punctuation = 0;
  const runs: string[] = [];
  const prose = text.includes('@') || text.includes('://') ? text.replace(URL_OR_EMAIL, ' ') : text;
  for (const match of prose.matchAll(TOKEN)) {
    if (match[1] !== undefined) runs.push(match[1]);
    else if (match[2] !== undefined) {
      const word = match[2];
      const lower = word.toLowerCase();
      if (NEUTRAL.has(lower)) continue;
      // a capital letter with a full stop is an initial (N.A., J. Smith), not the article "A"
      if (word.length === 1 && prose.charAt((match.index ?? 0) + 1) === '.') continue;
      const first = word.charAt(0);
      if (first !== first.toUpperCase()) en += 1;
      else if (STRONG.has(lower)) en += 1;
      else if (WEAK.has(lower)) weak += 0.5;
      // other capitalised words are names
    } else if (match[3] !== undefined) punctuation++;
  }
  // title-case labels alone ("Credit Manager", "Payment Reminder") are signature lines and headings, not prose
  if (en > 0) en += weak;
  let zh = 0;
  for (const run of runs) {
    if (NEUTRAL_HAN.test(run)) continue;
    if (ORG_NAME.test(run) && !PROSE_HAN.test(run.replace(ORG_NAME_SUFFIX, ''))) continue;
    if (punctuation > 0) {
      zh += run.length / 2;
    } else if (!(en >= 1 && run.length <= 3)) {
      // without Chinese punctuation a Han run is a quoted name or a label: one word at most
      zh += Math.min(1, run.length / 2);
    }
  }
  return { en, zh };
}

/** Labels a measure: `none` when there is too little prose to tell, `mixed` when neither language has 3× the other. */
export function labelMeasure({ en, zh }: LanguageMeasure): BlockLanguage {
  if (en < 1 && zh < 1) return 'none';
  if (zh >= en * 3) return 'zh';
  if (en >= zh * 3) return 'en';
  return 'mixed';
}

/** Tells the language of a block of prose by script and a few English words: cheap, and right on short text. */
export function detectLanguage(text: string): BlockLanguage {
  return labelMeasure(measureLanguage(text));
}
