/**
 * The facts a clause form can take from a contract written without front matter: its number, the
 * seller and the buyer, a guarantor, the governing law and the arbitration institution, read from
 * the text where the contract states them plainly ("Contract No.: …", "Seller: …", "… (the
 * "Buyer")", "卖方：…", "governed by the laws of …"). A fact is taken only when the text gives
 * exactly one value for it; anything less certain is left for the person to fill. Pure.
 */
import { INSTITUTIONS } from '../rules/clause/institutions.js';
import { readUsState } from '../facts/codes.js';

type Facts = Record<string, unknown>;

/** The one value every match of `patterns` gives (trimmed), or undefined when there are none or they differ. */
function only(text: string, patterns: readonly RegExp[], clean: (s: string) => string | undefined = (s) => s): string | undefined {
  const found = new Set<string>();
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const value = clean((m.groups?.v ?? '').trim());
      if (value) found.add(value);
    }
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Characters a name does not end with (punctuation after it, spaces). */
const TRAILING = new Set([' ', '\t', ',', '，', ';', '；', '。', ':', '：']);

/** `s` without the characters of `chars` at its end (a loop: no pattern that backtracks). */
function trimEnd(s: string, chars: ReadonlySet<string>): string {
  let end = s.length;
  while (end > 0 && chars.has(s[end - 1]!)) end--;
  return s.slice(0, end);
}

/** A name as a contract writes it, without Markdown emphasis, a trailing description or punctuation. */
function cleanName(s: string): string | undefined {
  let name = s.replace(/[*_`]/g, '');
  const between = name.search(/\bbetween /i);
  if (between !== -1) name = name.slice(between + 'between '.length);
  if (/^and /i.test(name)) name = name.slice(4);
  // "Harbor Valve Works LLC, a California limited liability company": the name ends at the description
  const described = name.search(/[,，;；] ?an? /i);
  if (described !== -1) name = name.slice(0, described);
  name = trimEnd(name, TRAILING).trim();
  return name.length >= 2 && name.length <= 160 && !/^(?:the|本|该)$/i.test(name) ? name : undefined;
}

const CJK = /[\u4e00-\u9fff]/;
const CJK_NAME = /[\u4e00-\u9fff（）()·]/;

/** A party's names: `宁波联合实业有限公司 Ningbo Lianhe Industrial Co., Ltd.` gives both; a name in one script gives one. */
function partyNames(value: string | undefined): Facts | undefined {
  if (!value) return undefined;
  const parts = splitNames(value);
  const zh = parts.find((p) => CJK.test(p) && !/[A-Za-z]{3}/.test(p));
  const en = parts.find((p) => !CJK.test(p));
  if (en && zh) return { name: en, name_zh: zh };
  return { name: value };
}

/** `A (B)`, `中文名 Latin name` or `Latin name 中文名` as its two names; anything else as one. */
function splitNames(value: string): string[] {
  const paren = /^(?<a>[^（(]+)[（(](?<b>[^）)]+)[）)]$/.exec(value);
  if (paren) return [paren.groups!.a!.trim(), paren.groups!.b!.trim()];
  // a run of Chinese at the start or at the end, the rest Latin
  let head = 0;
  while (head < value.length && CJK_NAME.test(value[head]!)) head++;
  if (head > 0 && head < value.length && value[head] === ' ') return [value.slice(0, head), value.slice(head).trim()];
  let tail = value.length;
  while (tail > 0 && CJK_NAME.test(value[tail - 1]!)) tail--;
  if (tail < value.length && tail > 0 && value[tail - 1] === ' ') return [value.slice(0, tail).trim(), value.slice(tail)];
  return [value];
}

/** A labelled line (`Seller: X`, `卖方：X`, `**Buyer**: X`, `| Seller | X |`) and a defined term (`X (the "Seller")`). */
function partyPatterns(en: string, zh: string): RegExp[] {
  return [
    new RegExp(
      String.raw`^[ \t>*_|-]*(?:the[ \t]+)?(?:${en}|${zh})(?:[ \t]?[/／][ \t]?(?:${en}|${zh}))?[*_ \t]*(?:[:：]|\|)[*_ \t]*(?<v>[^\n|*_ \t][^\n|]*)`,
      'gim',
    ),
    new RegExp(
      String.raw`(?:^|[.;] |between |and )(?<v>[A-Z][\w&.,'’\- ]{2,120}?) ?[(（](?:hereinafter (?:referred to as )?)?(?:the )?["“”']?(?:${en})["“”']?[)）]`,
      'g',
    ),
    new RegExp(String.raw`(?<v>[\u4e00-\u9fff（）()]{4,60}?)[（(](?:以下简称)?[“"]?(?:${zh})[”"]?[）)]`, 'g'),
  ];
}

const LAWS: readonly [RegExp, string][] = [
  [/laws? of (?:the )?People['’]s Republic of China|中华人民共和国(?:的)?法律|PRC law|Chinese law/i, 'PRC'],
  [/laws? of (?:the )?Hong Kong|香港(?:特别行政区)?法律/i, 'HK'],
  [/laws? of (?:the Republic of )?Singapore|新加坡法律/i, 'SG'],
  [/laws? of England(?: and Wales)?|English law|英格兰(?:及威尔士)?法律/i, 'EN'],
];

/** The governing law the contract chooses, when one clause names exactly one. */
function governingLaw(text: string): string | undefined {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:governed by|construed in accordance with|subject to)[^.\n]{0,80}|适用[^。\n]{0,40}法律|受[^。\n]{0,40}法律管辖/gi)) {
    const sentence = m[0];
    for (const [pattern, code] of LAWS) if (pattern.test(sentence)) found.add(code);
    const state = /laws? of the State of (?<s>[A-Z][a-z]+(?: [A-Z][a-z]+)?)/.exec(sentence)?.groups?.s;
    const read = state ? readUsState(state) : undefined;
    if (read && 'value' in read) {
      // only the states whose law the facts contract names (a clause writes "the law of the State of …" from it)
      const code = ({ 'New York': 'US-NY', California: 'US-CA', Delaware: 'US-DE', Texas: 'US-TX' } as Record<string, string>)[read.value];
      found.add(code ?? 'other');
    }
  }
  return found.size === 1 && !found.has('other') ? [...found][0] : undefined;
}

/** The arbitration institution the contract names, when it names exactly one. */
function institution(text: string): string | undefined {
  if (!/arbitrat|仲裁/i.test(text)) return undefined;
  const found = new Set<string>();
  for (const inst of INSTITUTIONS) {
    for (const name of inst.names) {
      const pattern = /^[A-Z]+$/.test(name) ? new RegExp(`(?<![A-Za-z])${name}(?![A-Za-z])`) : new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      if (pattern.test(text)) {
        found.add(inst.id);
        break;
      }
    }
  }
  // "the ICC International Court of Arbitration" names ICC once, not also the Chamber
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The facts a contract's own text states plainly, for a clause to be drafted into it: `contract`
 * (reference, governing law, arbitration), `creditor` (the seller), `debtor` (the buyer) and
 * `guarantor`. Only what the text gives exactly one value for.
 */
export function contractFacts(text: string): Facts {
  const body = text.length > 400_000 ? text.slice(0, 400_000) : text;
  const facts: Facts = {};
  const reference = only(
    body,
    [
      /(?:Contract|Agreement|Purchase Order|P\.O\.) ?(?:No\.?|Number|Ref(?:erence)?\.?|#)[*_ ]*(?:[:：][*_ ]*)?(?<v>[A-Z0-9][A-Z0-9\-/_.]{2,40}[A-Z0-9])/gi,
      /合同(?:编号|号码|号)[*_ ]*(?:[:：][*_ ]*)?(?<v>[A-Za-z0-9][A-Za-z0-9\-/_.]{2,40}[A-Za-z0-9])/g,
    ],
    (s) => (/\d/.test(s) ? s : undefined),
  );
  const contract: Facts = {};
  if (reference) contract.reference = reference;
  const law = governingLaw(body);
  if (law) contract.governing_law = law;
  const arbitration = institution(body);
  if (arbitration) contract.arbitration = arbitration;
  if (Object.keys(contract).length) facts.contract = contract;
  const seller = partyNames(only(body, partyPatterns('Seller|Vendor|Supplier', '卖方|供方|出卖人'), cleanName));
  if (seller) facts.creditor = seller;
  const buyer = partyNames(only(body, partyPatterns('Buyer|Purchaser', '买方|需方|买受人'), cleanName));
  if (buyer) facts.debtor = buyer;
  const guarantor = partyNames(only(body, partyPatterns('Guarantor', '保证人|担保人'), cleanName));
  if (guarantor) facts.guarantor = guarantor;
  return facts;
}
