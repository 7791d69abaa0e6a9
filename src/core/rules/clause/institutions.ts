/**
 * Arbitration institutions that exist, with the names a clause may use for them and the names of
 * their rules (data in `rules/data/institutions.json`, with its schema and examples). Shared by the
 * clause rules, the facts rules and the templates' view, so a rule and a template never disagree on a name.
 */
import data from '../data/institutions.json';

/** One real arbitration institution. */
export interface Institution {
  /** Short id used in `contract.arbitration`. */
  id: string;
  en: string;
  zh: string;
  /** Every way a clause may name it (full names, abbreviations, Chinese names). */
  names: readonly string[];
  /** The names of its rules: naming them is not naming the institution. */
  rules: readonly string[];
  /** True when only this institution administers its rules, so that naming the rules identifies it. */
  administersOwnRulesOnly: boolean;
  /** A commission in mainland China. */
  mainland: boolean;
  /** What its rules decide when a clause is silent (for messages). */
  defaults: { en: string; zh: string };
}

/** The institutions Dunmark knows, international first, then PRC commissions. */
export const INSTITUTIONS: readonly Institution[] = data.institutions;

/** The institution with this id (`CIETAC`), if known. */
export function institutionById(id: string | undefined): Institution | undefined {
  if (id === undefined) return undefined;
  const upper = id.toUpperCase();
  return INSTITUTIONS.find((i) => i.id === upper) ?? INSTITUTIONS.find((i) => i.names.some((n) => n.toUpperCase() === upper));
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as a pattern: Latin names on word boundaries with any whitespace, Chinese as written. */
function namePattern(n: string): string {
  if (/^[A-Z]{2,6}$/.test(n)) return `\\b${n}\\b`;
  return /[A-Za-z]/.test(n) ? `\\b${escapeRegex(n).replace(/ /g, '\\s+').replace(/&/g, '(?:&|and)')}\\b` : escapeRegex(n);
}

const ABBREVIATION = /^[A-Z]{2,6}$/;

/** What a piece of text names: the institution itself, or only its rules. */
export interface InstitutionMention {
  start: number;
  end: number;
  text: string;
  institution: Institution;
  /** True when the text names the institution's rules ("ICC Rules", "Rules of Arbitration of the ICC"), not the institution. */
  rulesOnly: boolean;
}

const BY_NAME = new Map<string, Institution>();
for (const i of INSTITUTIONS) for (const n of [...i.names, ...i.rules]) BY_NAME.set(n.replace(/\s+/g, ' ').toLowerCase(), i);
const RULE_NAMES = new Set(INSTITUTIONS.flatMap((i) => i.rules.map((r) => r.replace(/\s+/g, ' ').toLowerCase())));

/** Any known name or rules name, longest first. */
export const KNOWN_NAME = new RegExp(
  [...INSTITUTIONS.flatMap((i) => [...i.names, ...i.rules])]
    .sort((a, b) => b.length - a.length)
    .map(namePattern)
    .join('|'),
  'gi',
);

// "under the Rules of Arbitration of the ICC", "按照国际商会的仲裁规则": the name stands for the rules
const RULES_BEFORE = /\b(?:(?:Arbitration\s+)?Rules(?:\s+of\s+Arbitration)?|Rules\s+of\s+Conciliation\s+and\s+Arbitration)\s+of\s+(?:the\s+)?$/i;
const RULES_AFTER =
  /^\s*(?:\([^)]{1,12}\)\s*)?(?:['’]s\s+)?(?:Administered\s+|International\s+)?(?:Arbitration\s+)?Rules\b|^(?:的)?(?:现行(?:有效)?的?)?(?:机构)?仲裁规则/i;
// and the institution that administers them: "administered by", "submitted to", "提交 … 仲裁"
const ADMINISTERED =
  /\b(?:administered\s+by|submitted\s+to|referred\s+to|filed\s+with|before|at|by|to)\s+(?:the\s+)?$|(?:提交|提请|交由|交付|向|由|到|至)\s*$/i;

/**
 * Every institution or rules name in a text, each as written. "ICC" in lower case is no name;
 * "the ICC Rules" and "Rules of Arbitration of the International Chamber of Commerce" name rules only,
 * unless the same words also say who administers them ("submitted to the ICC under its Rules").
 */
export function institutionMentions(text: string): InstitutionMention[] {
  const out: InstitutionMention[] = [];
  KNOWN_NAME.lastIndex = 0;
  for (let m = KNOWN_NAME.exec(text); m; m = KNOWN_NAME.exec(text)) {
    const raw = m[0];
    if (ABBREVIATION.test(raw.toUpperCase()) && raw !== raw.toUpperCase()) continue;
    const key = raw.replace(/\s+/g, ' ').toLowerCase();
    const institution = BY_NAME.get(key) ?? BY_NAME.get(key.replace(/ and /g, ' & '));
    if (!institution) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + raw.length, m.index + raw.length + 40);
    const rulesOnly = RULE_NAMES.has(key) || ((RULES_BEFORE.test(before) || RULES_AFTER.test(after)) && !ADMINISTERED.test(before));
    out.push({ start: m.index, end: m.index + raw.length, text: raw, institution, rulesOnly });
  }
  return out;
}

const NOT_A_PLACE = new Set(data.cityCommission.notAPlace.map((w) => w.toLowerCase()));

/** A PRC city's own commission (`宁波仲裁委员会`), as an institution: it exists, and its rules fill a clause's gaps. */
export function cityCommission(name: string): Institution {
  return {
    id: name,
    en: name,
    zh: name,
    names: [name],
    rules: [],
    administersOwnRulesOnly: true,
    mainland: true,
    defaults: {
      en: "a PRC commission's rules seat the arbitration where the commission is, in Chinese, and make the award final",
      zh: '内地仲裁委员会的仲裁规则规定：仲裁地为仲裁委员会所在地，仲裁语言为中文，裁决是终局的',
    },
  };
}

/** True for `<city>仲裁委员会` / `<City> Arbitration Commission`: a PRC city's own commission, which exists. */
export function isCityCommission(name: string): boolean {
  const zh = /^([\u4e00-\u9fff]{2,4}?)(?:市)?仲裁委员会$/.exec(name);
  if (zh) return ![...NOT_A_PLACE].some((w) => zh[1]!.includes(w));
  const en = /^([A-Z][a-z]+)\s+Arbitration\s+Commission$/.exec(name);
  return en !== null && !NOT_A_PLACE.has(en[1]!.toLowerCase());
}
