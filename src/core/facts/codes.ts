/**
 * Codes a person types in their own words, read as the facts contract stores them: a country as its
 * ISO 3166-1 alpha-2 code (`USA`, `China`, `中国` → `US`, `CN`), a currency as its ISO 4217 code
 * (`usd`, `人民币`, `US dollars` → `USD`, `CNY`), a US state by its full name (`CA` → `California`).
 *
 * Countries come from `i18n-iso-countries` (the ISO list with alpha-3 codes and English and Chinese
 * names, alternatives included); currencies from the runtime's own CLDR data (`Intl`), which knows
 * every current ISO 4217 code and its names, and from the currency words the amount reader knows;
 * US states from the USPS list below (fifty names that do not change).
 */
import countries from 'i18n-iso-countries/index.js';
import en from 'i18n-iso-countries/langs/en.json';
import zh from 'i18n-iso-countries/langs/zh.json';
import { currencyOfWord, SIGN_CURRENCIES } from './amounts.js';

/** What a typed code was read as: the stored value, or why it could not be (with the candidates when it is ambiguous). */
export type CodeReading = { value: string } | { ambiguous: string[] } | { unknown: true };

let registered = false;
function registry(): typeof countries {
  if (!registered) {
    countries.registerLocale(en);
    countries.registerLocale(zh);
    registered = true;
  }
  return countries;
}

/** Names people use for a country that the ISO list does not give (the trade's own short forms). */
const COUNTRY_ALIASES: Readonly<Record<string, string>> = {
  prc: 'CN',
  'p.r.c.': 'CN',
  'p.r. china': 'CN',
  "people's republic of china": 'CN',
  'mainland china': 'CN',
  中华人民共和国: 'CN',
  中国大陆: 'CN',
  america: 'US',
  'great britain': 'GB',
  britain: 'GB',
  'hong kong sar': 'HK',
  'hong kong, china': 'HK',
  'macau sar': 'MO',
  'macao sar': 'MO',
};

/** Reads a country as typed (`US`, `usa`, `United States`, `China`, `中国`, `CHN`) as its ISO 3166-1 alpha-2 code. */
export function readCountry(input: string): CodeReading {
  const raw = input.trim().replace(/\s+/g, ' ');
  if (!raw) return { unknown: true };
  const c = registry();
  const upper = raw.toUpperCase();
  if (/^[A-Z]{2}$/.test(upper) && c.isValid(upper)) return { value: upper };
  if (/^[A-Z]{3}$/.test(upper)) {
    const two = c.alpha3ToAlpha2(upper);
    if (two) return { value: two };
  }
  const alias = COUNTRY_ALIASES[raw.toLowerCase().replace(/^the /, '')];
  if (alias) return { value: alias };
  const named = c.getAlpha2Code(raw, 'en') ?? c.getAlpha2Code(raw.replace(/^the /i, ''), 'en') ?? c.getAlpha2Code(raw, 'zh');
  return named ? { value: named } : { unknown: true };
}

/** A country's name in English or Chinese (`CN` → `China` / `中国`), or undefined for a code the list does not have. */
export function countryName(code: string, lang: 'en' | 'zh'): string | undefined {
  const c = registry();
  return c.isValid(code) ? (c.getName(code, lang, { select: 'official' }) ?? undefined) : undefined;
}

/** Where the ISO list's first name is not the one an address line uses. */
const POSTAL_NAMES: Readonly<Record<'en' | 'zh', Readonly<Record<string, string>>>> = {
  en: { CN: 'China', TW: 'Taiwan', US: 'United States', KR: 'South Korea', MO: 'Macao', RU: 'Russia', VN: 'Vietnam' },
  zh: { TW: '台湾' },
};

/** A country as the last line of an address writes it (`CN` → China / 中国, `US` → United States / 美国). */
export function postalCountry(code: string, lang: 'en' | 'zh'): string | undefined {
  return POSTAL_NAMES[lang][code] ?? countryName(code, lang);
}

let currencies: Set<string> | undefined;
let currencyNames: Map<string, string> | undefined;

/** Every current ISO 4217 code the runtime knows (CLDR), with the house list as a floor where `Intl` has no list. */
function currencyCodes(): Set<string> {
  if (!currencies) {
    const listed = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : [];
    currencies = new Set([...listed, 'USD', 'CNY', 'EUR', 'HKD', 'SGD', 'JPY', 'GBP', 'AUD', 'CAD', 'CHF', 'TWD', 'MOP', 'KRW']);
  }
  return currencies;
}

/** Lower-cased English and Chinese currency names (`us dollar`, `人民币`) → code, from CLDR. */
function namedCurrencies(): Map<string, string> {
  if (!currencyNames) {
    currencyNames = new Map();
    for (const lang of ['en', 'zh']) {
      let names: Intl.DisplayNames | undefined;
      try {
        names = new Intl.DisplayNames([lang], { type: 'currency', fallback: 'none' });
      } catch {
        continue;
      }
      for (const code of currencyCodes()) {
        const name = names.of(code);
        if (name && !currencyNames.has(name.toLowerCase())) currencyNames.set(name.toLowerCase(), code);
      }
    }
  }
  return currencyNames;
}

/** Reads a currency as typed (`usd`, `US$`, `US dollars`, `RMB`, `人民币`, `€`) as its ISO 4217 code; `$` and `dollars` are ambiguous. */
export function readCurrency(input: string): CodeReading {
  const raw = input.trim().replace(/\s+/g, ' ');
  if (!raw) return { unknown: true };
  const upper = raw.toUpperCase();
  if (/^[A-Z]{3}$/.test(upper) && currencyCodes().has(upper)) return { value: upper };
  const word = currencyOfWord(raw) ?? currencyOfWord(upper);
  if (word) return { value: word };
  const sign = SIGN_CURRENCIES[raw];
  if (sign) return { ambiguous: [...sign] };
  const lower = raw
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/^u\.s\. /, 'us ');
  const named = namedCurrencies().get(lower) ?? namedCurrencies().get(lower.replace(/s$/, ''));
  if (named) return { value: named };
  if (/^(?:renminbi|yuan|chinese yuan renminbi)$/.test(lower)) return { value: 'CNY' };
  if (/^dollars?$/.test(lower)) return { ambiguous: [...(SIGN_CURRENCIES.$ ?? [])] };
  return { unknown: true };
}

/** A currency's name in English or Chinese (`USD` → `US Dollar` / `美元`). */
export function currencyName(code: string, lang: 'en' | 'zh'): string | undefined {
  try {
    return new Intl.DisplayNames([lang], { type: 'currency', fallback: 'none' }).of(code) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The fifty states: USPS code, English name, Chinese name (the forms Chinese legal translation uses). */
export const US_STATES: readonly (readonly [string, string, string])[] = [
  ['AL', 'Alabama', '亚拉巴马州'],
  ['AK', 'Alaska', '阿拉斯加州'],
  ['AZ', 'Arizona', '亚利桑那州'],
  ['AR', 'Arkansas', '阿肯色州'],
  ['CA', 'California', '加利福尼亚州'],
  ['CO', 'Colorado', '科罗拉多州'],
  ['CT', 'Connecticut', '康涅狄格州'],
  ['DE', 'Delaware', '特拉华州'],
  ['FL', 'Florida', '佛罗里达州'],
  ['GA', 'Georgia', '佐治亚州'],
  ['HI', 'Hawaii', '夏威夷州'],
  ['ID', 'Idaho', '爱达荷州'],
  ['IL', 'Illinois', '伊利诺伊州'],
  ['IN', 'Indiana', '印第安纳州'],
  ['IA', 'Iowa', '艾奥瓦州'],
  ['KS', 'Kansas', '堪萨斯州'],
  ['KY', 'Kentucky', '肯塔基州'],
  ['LA', 'Louisiana', '路易斯安那州'],
  ['ME', 'Maine', '缅因州'],
  ['MD', 'Maryland', '马里兰州'],
  ['MA', 'Massachusetts', '马萨诸塞州'],
  ['MI', 'Michigan', '密歇根州'],
  ['MN', 'Minnesota', '明尼苏达州'],
  ['MS', 'Mississippi', '密西西比州'],
  ['MO', 'Missouri', '密苏里州'],
  ['MT', 'Montana', '蒙大拿州'],
  ['NE', 'Nebraska', '内布拉斯加州'],
  ['NV', 'Nevada', '内华达州'],
  ['NH', 'New Hampshire', '新罕布什尔州'],
  ['NJ', 'New Jersey', '新泽西州'],
  ['NM', 'New Mexico', '新墨西哥州'],
  ['NY', 'New York', '纽约州'],
  ['NC', 'North Carolina', '北卡罗来纳州'],
  ['ND', 'North Dakota', '北达科他州'],
  ['OH', 'Ohio', '俄亥俄州'],
  ['OK', 'Oklahoma', '俄克拉何马州'],
  ['OR', 'Oregon', '俄勒冈州'],
  ['PA', 'Pennsylvania', '宾夕法尼亚州'],
  ['RI', 'Rhode Island', '罗得岛州'],
  ['SC', 'South Carolina', '南卡罗来纳州'],
  ['SD', 'South Dakota', '南达科他州'],
  ['TN', 'Tennessee', '田纳西州'],
  ['TX', 'Texas', '得克萨斯州'],
  ['UT', 'Utah', '犹他州'],
  ['VT', 'Vermont', '佛蒙特州'],
  ['VA', 'Virginia', '弗吉尼亚州'],
  ['WA', 'Washington', '华盛顿州'],
  ['WV', 'West Virginia', '西弗吉尼亚州'],
  ['WI', 'Wisconsin', '威斯康星州'],
  ['WY', 'Wyoming', '怀俄明州'],
];

/** Reads a US state as typed (`CA`, `ca`, `California`, `State of California`, `加州`, `加利福尼亚州`) as its full English name. */
export function readUsState(input: string): CodeReading {
  const raw = input
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/^(?:the )?state of /i, '')
    .replace(/^美国/, '');
  if (!raw) return { unknown: true };
  const upper = raw.replace(/\./g, '').toUpperCase();
  for (const [code, name, nameZh] of US_STATES) {
    if (upper === code || upper === name.toUpperCase() || raw === nameZh || raw === nameZh.replace(/州$/, '')) return { value: name };
  }
  // the short Chinese names in everyday use (加州 for California, 德州 for Texas, 纽约 for New York)
  const short: Record<string, string> = {
    加州: 'California',
    德州: 'Texas',
    纽约: 'New York',
    华州: 'Washington',
    麻州: 'Massachusetts',
    宾州: 'Pennsylvania',
  };
  return Object.hasOwn(short, raw) ? { value: short[raw]! } : { unknown: true };
}

/** A US state's name as a letter writes it: the full English name, or the Chinese one. */
export function usStateName(value: string, lang: 'en' | 'zh'): string | undefined {
  const read = readUsState(value);
  if (!('value' in read)) return undefined;
  const row = US_STATES.find(([, name]) => name === read.value);
  return row ? (lang === 'zh' ? row[2] : row[1]) : undefined;
}
