import { normalizeOrdinary, parseDaxie } from './daxie.js';

/** An amount of money written in the text. */
export interface AmountMention {
  start: number;
  end: number;
  raw: string;
  /** In major units (18400.5 for USD 18,400.50). */
  value: number;
  /** In minor units (cents, 分), for exact comparison. */
  minor: number;
  /** ISO 4217 code when the text says which currency (USD, CNY, ...). */
  currency?: string;
  /** The currency sign as written (`$`, `¥`, `￥`), if any. */
  symbol?: string;
  /** True when only a sign shared by several currencies says which currency is meant. */
  ambiguous: boolean;
  /** `daxie` for Chinese financial upper-case numerals. */
  form: 'figures' | 'daxie';
}

const CODES = 'USD|RMB|CNY|EUR|HKD|SGD|JPY|GBP|AUD|CAD|NZD|CHF|TWD|MOP|KRW|INR|MYR|THB|AED|SEK|NOK|DKK';
const ZH_WORDS = '人民币|美元|欧元|港币|港元|日元|英镑|新加坡元|澳元|澳大利亚元|加元|加拿大元|新西兰元|瑞士法郎|新台币|台币|澳门元|澳门币|韩元|卢比';

/** Currency words and codes → ISO 4217. */
const CURRENCY_OF: Readonly<Record<string, string>> = {
  USD: 'USD',
  RMB: 'CNY',
  CNY: 'CNY',
  EUR: 'EUR',
  HKD: 'HKD',
  SGD: 'SGD',
  JPY: 'JPY',
  GBP: 'GBP',
  AUD: 'AUD',
  CAD: 'CAD',
  NZD: 'NZD',
  CHF: 'CHF',
  TWD: 'TWD',
  MOP: 'MOP',
  KRW: 'KRW',
  INR: 'INR',
  MYR: 'MYR',
  THB: 'THB',
  AED: 'AED',
  SEK: 'SEK',
  NOK: 'NOK',
  DKK: 'DKK',
  人民币: 'CNY',
  美元: 'USD',
  欧元: 'EUR',
  港币: 'HKD',
  港元: 'HKD',
  日元: 'JPY',
  英镑: 'GBP',
  新加坡元: 'SGD',
  澳元: 'AUD',
  澳大利亚元: 'AUD',
  加元: 'CAD',
  加拿大元: 'CAD',
  新西兰元: 'NZD',
  瑞士法郎: 'CHF',
  新台币: 'TWD',
  台币: 'TWD',
  澳门元: 'MOP',
  澳门币: 'MOP',
  韩元: 'KRW',
  卢比: 'INR',
  元: 'CNY',
  US$: 'USD',
  HK$: 'HKD',
  S$: 'SGD',
  A$: 'AUD',
  AU$: 'AUD',
  C$: 'CAD',
  CA$: 'CAD',
  NZ$: 'NZD',
  NT$: 'TWD',
  '€': 'EUR',
  '£': 'GBP',
};

/** The ISO 4217 code a currency word, code or sign names (`人民币`, `RMB`, `US$`, `€`), if exactly one. */
export function currencyOfWord(word: string): string | undefined {
  return Object.hasOwn(CURRENCY_OF, word) ? CURRENCY_OF[word] : undefined;
}

/** Signs that more than one currency uses. */
const AMBIGUOUS_SIGNS = new Set(['$', '¥', '￥']);

/** Which currencies an ambiguous sign may stand for. */
export const SIGN_CURRENCIES: Readonly<Record<string, readonly string[]>> = {
  $: ['USD', 'HKD', 'SGD', 'AUD', 'CAD', 'NZD', 'TWD'],
  '¥': ['CNY', 'JPY'],
  '￥': ['CNY', 'JPY'],
};

/** The figures of an amount: 18,400.00 or 18400 (no digit, comma or point glued on either side). */
export const FIGURES_SOURCE = String.raw`(?<![\d.,])(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?(?!\d)|\d+(?:\.\d{1,2})?(?![\d,]\d|\d))`;

const FIGURES_AMOUNT = new RegExp(
  String.raw`(?<pre>(?<![A-Za-z])(?:USD|HKD|SGD)[ \u00a0]?\$|(?<![A-Za-z])(?:CNY|RMB|JPY)[ \u00a0]?[¥￥]|(?<![A-Za-z])(?:${CODES})(?![A-Za-z])|US\$|HK\$|S\$|A\$|AU\$|C\$|CA\$|NZ\$|NT\$|\$|￥|¥|€|£|${ZH_WORDS})?[ \u00a0]?` +
    String.raw`(?<num>${FIGURES_SOURCE})` +
    String.raw`(?:[ \u00a0]?(?<wan>万))?` +
    String.raw`(?:[ \u00a0]?(?<suf>${ZH_WORDS}|元|(?<![A-Za-z])(?:${CODES})(?![A-Za-z])|(?:US|U\.S\.) dollars\b|yuan\b))?`,
  'gu',
);

const DAXIE_CHARS = new Set('零壹贰叁肆伍陆柒捌玖拾佰仟万亿〇一二两三四五六七八九十百千');
/** The characters a 大写 integer needs at least one of (so that 一二三 alone is not an amount). */
const DAXIE_NONZERO = new Set('壹贰叁肆伍陆柒捌玖拾佰仟');
const YUAN = new Set('元圆');
/** What may follow `元`: up to two `零?<digit>[角分]` and a closing `整`/`正`. Bounded, so linear. */
const DAXIE_TAIL = /(?:零?[壹贰叁肆伍陆柒捌玖〇一二两三四五六七八九][角分]){0,2}[整正]?/y;
/** `伍角`, `伍角陆分`, `陆分` (an amount below one 元), at a given position. */
const DAXIE_SMALL = /[壹贰叁肆伍陆柒捌玖](?:角(?:[壹贰叁肆伍陆柒捌玖]分)?[整正]?|分)/y;
const PRE_WORDS = ZH_WORDS.split('|');

/** The currency word that ends exactly at `at`, if any (`美元` in `美元壹万元整`). */
function currencyWordBefore(text: string, at: number): string | undefined {
  for (const w of PRE_WORDS) if (at >= w.length && text.startsWith(w, at - w.length)) return w;
  return undefined;
}

/**
 * Every 大写 amount in `text` (`壹万捌仟肆佰元整`, `美元伍角`), scanned by hand in one pass: a run of
 * 大写 and ordinary numerals with a 大写 digit or unit, then 元/圆 and its 角/分 tail; or a lone
 * `伍角`/`陆分` at the end of a run. Same matches as the former regex, without its cubic backtracking.
 */
function* daxieMatches(text: string): Generator<{ start: number; end: number; pre: string | undefined; body: string }> {
  let i = 0;
  while (i < text.length) {
    if (!DAXIE_CHARS.has(text[i]!)) {
      i++;
      continue;
    }
    const s = i;
    let nonzero = false;
    for (; i < text.length && DAXIE_CHARS.has(text[i]!); i++) if (DAXIE_NONZERO.has(text[i]!)) nonzero = true;
    let bodyStart = s;
    let end = -1;
    if (nonzero && YUAN.has(text[i] ?? '')) {
      DAXIE_TAIL.lastIndex = i + 1;
      end = i + 1 + (DAXIE_TAIL.exec(text)?.[0].length ?? 0);
    } else if (i - 1 >= s) {
      DAXIE_SMALL.lastIndex = i - 1;
      const m = DAXIE_SMALL.exec(text);
      if (m) {
        bodyStart = i - 1;
        end = bodyStart + m[0].length;
      }
    }
    if (end === -1) continue;
    const pre = currencyWordBefore(text, bodyStart);
    yield { start: pre ? bodyStart - pre.length : bodyStart, end, pre, body: text.slice(bodyStart, end) };
    i = end;
  }
}

const DAXIE_PREFIX = new RegExp(`^(?:${ZH_WORDS})`, 'u');

/** The 大写 part of a 大写 amount as written (`美元壹万元整` → `壹万元整`). */
export function daxieBody(raw: string): string {
  const m = DAXIE_PREFIX.exec(raw);
  return m ? raw.slice(m[0].length) : raw;
}

/** Exact minor units of a value in major units. */
export function toMinor(value: number): number {
  return Math.round(value * 100);
}

const CURRENCY_NAME = new RegExp(`(?<![A-Za-z])(${CODES})(?![A-Za-z])|(${ZH_WORDS})|\\b(?:US dollars|U\\.S\\. dollars|euros?|pounds sterling)\\b`, 'u');

/** The one currency a short label names ("Amount (USD)", "金额（美元）"), if any. */
export function currencyNamed(label: string): string | undefined {
  const m = CURRENCY_NAME.exec(label);
  if (!m) return undefined;
  if (m[1] || m[2]) return CURRENCY_OF[(m[1] ?? m[2])!];
  return /euro/i.test(m[0]) ? 'EUR' : /pound/i.test(m[0]) ? 'GBP' : 'USD';
}

const BARE_FIGURES = new RegExp(`^[\\s|*_]*(${FIGURES_SOURCE})[\\s|*_]*$`, 'u');

/**
 * Reads every amount of money in `text`; offsets are shifted by `offset`. With `defaultCurrency`
 * (a table column headed "Amount (USD)"), figures that stand alone are amounts in that currency.
 */
export function readAmounts(text: string, offset = 0, options?: { defaultCurrency?: string }): AmountMention[] {
  const out: AmountMention[] = [];
  if (typeof text !== 'string' || text.length === 0) return out;
  const bare = options?.defaultCurrency ? BARE_FIGURES.exec(text) : null;
  if (bare) {
    const start = bare[0].indexOf(bare[1]!);
    const minor = Math.round(Number(bare[1]!.replace(/,/g, '')) * 100);
    if (Number.isFinite(minor)) {
      return [
        {
          start: offset + start,
          end: offset + start + bare[1]!.length,
          raw: bare[1]!,
          value: minor / 100,
          minor,
          currency: options!.defaultCurrency!,
          ambiguous: false,
          form: 'figures',
        },
      ];
    }
  }
  FIGURES_AMOUNT.lastIndex = 0;
  for (let m = FIGURES_AMOUNT.exec(text); m; m = FIGURES_AMOUNT.exec(text)) {
    const g = m.groups ?? {};
    const pre = g.pre;
    const suf = g.suf;
    if (!pre && !suf) continue;
    const num = g.num!;
    let minor = Math.round(Number(num.replace(/,/g, '')) * 100);
    if (g.wan) minor *= 10000;
    if (!Number.isFinite(minor)) continue;
    let currency: string | undefined;
    let symbol: string | undefined;
    let ambiguous = false;
    if (pre) {
      if (AMBIGUOUS_SIGNS.has(pre)) {
        symbol = pre;
        ambiguous = true;
      } else {
        // "USD $2,500": the code says which dollar; the sign is only repeated
        currency = CURRENCY_OF[pre] ?? CURRENCY_OF[pre.slice(0, 3)];
        if (pre.includes('$') || pre === '€' || pre === '£') symbol = pre.replace(/^[A-Z]{3}[ \u00a0]?/u, '');
      }
    }
    if (!currency && suf) {
      const sufCurrency = /dollars$/.test(suf) ? 'USD' : suf === 'yuan' ? 'CNY' : CURRENCY_OF[suf];
      // `$` or `¥` followed by a word that names the currency is not ambiguous (`￥120,000元`).
      if (sufCurrency && (!symbol || SIGN_CURRENCIES[symbol]?.includes(sufCurrency))) {
        currency = sufCurrency;
        ambiguous = false;
      }
    }
    let start = m.index;
    while (!pre && /[ \u00a0]/.test(text[start]!)) start++;
    let end = m.index + m[0].length;
    // A trailing space that matched before a missing suffix is not part of the amount.
    while (end > m.index && /[ \u00a0]/.test(text[end - 1]!)) end--;
    out.push({
      start: offset + start,
      end: offset + end,
      raw: text.slice(start, end),
      value: minor / 100,
      minor,
      ...(currency ? { currency } : {}),
      ...(symbol ? { symbol } : {}),
      ambiguous,
      form: 'figures',
    });
  }
  if (/[壹贰叁肆伍陆柒捌玖拾佰仟]/u.test(text)) {
    for (const m of daxieMatches(text)) {
      const value = parseDaxie(m.body) ?? parseDaxie(normalizeOrdinary(m.body));
      if (value === undefined) continue;
      const currency = m.pre ? CURRENCY_OF[m.pre] : undefined;
      const minor = toMinor(value);
      out.push({
        start: offset + m.start,
        end: offset + m.end,
        raw: text.slice(m.start, m.end),
        value: minor / 100,
        minor,
        ...(currency ? { currency } : {}),
        ambiguous: false,
        form: 'daxie',
      });
    }
    out.sort((a, b) => a.start - b.start);
  }
  return out;
}
