/**
 * Builds the view a template renders from: the facts (strings escaped for Markdown once) plus
 * formatting helpers computed here, in the core — never in a template.
 */
import { formatDate, formatMoney, formatMoneyDaxie } from '../facts/format.js';
import { isIsoDate } from '../facts/facts.js';
import { readAmounts } from '../facts/amounts.js';
import { postalCountry, usStateName } from '../facts/codes.js';
import { schemaAt, type FactType } from '../facts/schema.js';
import { institutionById } from '../rules/clause/institutions.js';
import { escapeFacts, escapeMarkdown } from './escape.js';

/** A problem with the facts, by key path. */
export interface FactsProblem {
  path: string;
  message: string;
}

/** Suffixes added next to every ISO date (`deadline_en`) and every amount (`amount_zh`). */
export const DATE_SUFFIXES = ['_en', '_zh'] as const;
export const AMOUNT_SUFFIXES = ['_en', '_zh', '_daxie'] as const;

/** Helpers computed from a whole list or value: helper name → the fact it is made from. */
export const LIST_HELPERS: Readonly<Record<string, string>> = {
  invoices_en: 'invoices', invoices_zh: 'invoices', invoice_numbers: 'invoices',
  commitments_en: 'commitments', commitments_zh: 'commitments',
  charges_en: 'charges', charges_zh: 'charges',
  instalments_en: 'instalments', instalments_zh: 'instalments',
  next_step_en: 'next_step', next_step_zh: 'next_step',
  previous_letters_en: 'previous_letters', previous_letters_zh: 'previous_letters',
};

/**
 * The facts each list helper prints (item keys under `list.*.`): the form asks a person only for
 * facts that reach the letter, so it must know which ones `invoices_en` writes. A helper missing
 * here prints every fact of its list's rows.
 */
export const LIST_HELPER_READS: Readonly<Record<string, readonly string[]>> = {
  invoices_en: ['invoices.*.number', 'invoices.*.date', 'invoices.*.amount', 'currency'],
  invoices_zh: ['invoices.*.number', 'invoices.*.date', 'invoices.*.amount', 'currency'],
  invoice_numbers: ['invoices.*.number'],
  commitments_en: ['commitments.*.what', 'commitments.*.by', 'commitments.*.amount', 'currency'],
  commitments_zh: ['commitments.*.what', 'commitments.*.by', 'commitments.*.amount', 'currency'],
  charges_en: ['charges.*.what', 'charges.*.amount', 'charges.*.basis', 'currency'],
  charges_zh: ['charges.*.what', 'charges.*.amount', 'charges.*.basis', 'currency'],
  instalments_en: ['instalments.*.amount', 'instalments.*.by', 'currency'],
  instalments_zh: ['instalments.*.amount', 'instalments.*.by', 'currency'],
  next_step_en: ['next_step', 'contract.arbitration'],
  next_step_zh: ['next_step', 'contract.arbitration'],
  previous_letters_en: ['previous_letters.*.date'],
  previous_letters_zh: ['previous_letters.*.date'],
};

/**
 * The formatting helpers a template can use beside the facts of `schema` (`deadline_en`, `amount_daxie`,
 * `invoices_zh`, ...), each with the fact it is made from; nested names are dotted, item keys bare.
 */
export function helperNames(schema: Record<string, FactType>): { name: string; from: string }[] {
  const out: { name: string; from: string }[] = [];
  const walk = (props: Record<string, FactType>, prefix: string): void => {
    for (const [key, type] of Object.entries(props)) {
      const name = prefix + key;
      if (type.type === 'date') for (const s of DATE_SUFFIXES) out.push({ name: name + s, from: name });
      else if (type.type === 'number' && /(^|_)amount$/.test(key)) for (const s of AMOUNT_SUFFIXES) out.push({ name: name + s, from: name });
      else if (type.type === 'object') walk(type.properties, `${name}.`);
      else if (type.type === 'array' && type.items.type === 'object') walk(type.items.properties, '');
    }
  };
  walk(schema, '');
  for (const [name, from] of Object.entries(LIST_HELPERS)) out.push({ name, from });
  return out;
}

const NEXT_STEP_EN: Record<string, string> = {
  arbitration: 'commence arbitration under the dispute resolution clause of our contract',
  litigation: 'bring proceedings against your company in the competent court',
  'credit-insurer-claim': 'file a claim with our credit insurer, which will then pursue the debt',
  'collection-agency': 'refer the debt to a professional collection agency',
  'suspend-supply': 'suspend all further shipments and services to your company',
};
const NEXT_STEP_ZH: Record<string, string> = {
  arbitration: '依据合同争议解决条款申请仲裁',
  litigation: '向有管辖权的人民法院提起诉讼',
  'credit-insurer-claim': '向我方信用保险机构提出索赔，由其向贵司追偿',
  'collection-agency': '将本笔欠款委托专业催收机构处理',
  'suspend-supply': '暂停向贵司的一切供货和服务',
};

/** Names of the languages a `*language` fact may hold, in English and in Chinese. */
const LANGUAGE_NAMES: Record<string, [string, string]> = { en: ['English', '英文'], 'zh-CN': ['Chinese', '中文'] };

/** How a `governing_law` code reads in a sentence, in English and in Chinese. */
const GOVERNING_LAWS: Record<string, [string, string]> = {
  PRC: ['the law of the People\'s Republic of China', '中华人民共和国法律'],
  'US-NY': ['the law of the State of New York', '美国纽约州法律'],
  'US-CA': ['the law of the State of California', '美国加利福尼亚州法律'],
  'US-DE': ['the law of the State of Delaware', '美国特拉华州法律'],
  'US-TX': ['the law of the State of Texas', '美国得克萨斯州法律'],
  HK: ['the law of the Hong Kong Special Administrative Region', '香港特别行政区法律'],
  SG: ['the law of Singapore', '新加坡法律'],
  EN: ['the law of England and Wales', '英格兰及威尔士法律'],
};

function isAmountKey(key: string): boolean {
  return key === 'amount' || key.endsWith('_amount');
}

/** Adds `<key>_en`/`_zh` next to dates and `<key>_en`/`_zh`/`_daxie` next to amounts, at every depth. */
function addFormats(value: unknown, currency: string | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => addFormats(v, currency));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = addFormats(v, currency);
    if (typeof v === 'string' && isIsoDate(v)) {
      out[`${k}_en`] = formatDate(v, 'en');
      out[`${k}_zh`] = formatDate(v, 'zh');
    } else if (typeof v === 'string' && k.endsWith('language') && own(LANGUAGE_NAMES, v)) {
      out[`${k}_en`] = own(LANGUAGE_NAMES, v)![0];
      out[`${k}_zh`] = own(LANGUAGE_NAMES, v)![1];
    } else if (k === 'country' && typeof v === 'string' && /^[A-Z]{2}$/.test(v) && postalCountry(v, 'en')) {
      // a party's country as an address writes it (`CN` → China, 中国)
      out.country_en = postalCountry(v, 'en');
      out.country_zh = postalCountry(v, 'zh');
    } else if (k === 'governing_law' && typeof v === 'string' && own(GOVERNING_LAWS, v)) {
      out.governing_law_en = own(GOVERNING_LAWS, v)![0];
      out.governing_law_zh = own(GOVERNING_LAWS, v)![1];
    } else if (k === 'arbitrators' && (v === 1 || v === 3)) {
      out.arbitrators_en = v === 1 ? 'a sole arbitrator' : 'three arbitrators';
      out.arbitrators_zh = v === 1 ? '一名独任仲裁员' : '三名仲裁员';
    } else if (typeof v === 'number' && Number.isFinite(v) && isAmountKey(k) && currency) {
      out[`${k}_en`] = formatMoney(v, currency, 'en');
      out[`${k}_zh`] = formatMoney(v, currency, 'zh');
      out[`${k}_daxie`] = formatMoneyDaxie(v, currency);
    }
  }
  return out;
}

type Item = Record<string, unknown>;

/** `record[key]` when it is the record's own entry: a fact or a name such as `toString` or `constructor` never reaches Object.prototype. */
function own<T>(record: Readonly<Record<string, T>>, key: unknown): T | undefined {
  return typeof key === 'string' && Object.hasOwn(record, key) ? record[key] : undefined;
}

function items(value: unknown): Item[] {
  return Array.isArray(value) ? value.filter((v): v is Item => !!v && typeof v === 'object' && !Array.isArray(v)) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function cents(value: number): number {
  return Math.round(value * 100);
}

/** Markdown lists and phrases built from whole lists of facts (escaped input, so safe Markdown out). */
function listHelpers(v: Item, raw: Item, problems: FactsProblem[]): Record<string, string> {
  const out: Record<string, string> = {};
  const invoices = items(v.invoices);
  if (invoices.length) {
    out.invoice_numbers = invoices.map((i) => str(i.number)).filter(Boolean).join(', ');
    out.invoices_en = invoices.map((i) => `- Invoice ${str(i.number) ?? '(no number)'}${i.date_en ? ` of ${String(i.date_en)}` : ''}${i.amount_en ? `: ${String(i.amount_en)}` : ''}`).join('\n');
    out.invoices_zh = invoices.map((i) => `- 发票 ${str(i.number) ?? '（无编号）'}${i.date_zh ? `（开票日期 ${String(i.date_zh)}）` : ''}${i.amount_zh ? `：${String(i.amount_zh)}` : ''}`).join('\n');
  }
  const commitments = items(v.commitments);
  if (commitments.length) {
    // a commitment's amount is written beside it unless its own words already state that amount
    const stated = (i: number): boolean => {
      const own = items(raw.commitments)[i];
      const amount = own?.amount;
      return typeof amount !== 'number' || readAmounts(String(own?.what ?? '')).some((m) => m.minor === cents(amount));
    };
    out.commitments_en = commitments
      .map((c, i) => `- ${str(c.what) ?? ''}${!stated(i) && c.amount_en ? ` (${String(c.amount_en)})` : ''}${c.by_en ? `, by ${String(c.by_en)}` : ''}`)
      .join('\n');
    out.commitments_zh = commitments
      .map((c, i) => `- ${str(c.what) ?? ''}${!stated(i) && c.amount_zh ? `（${String(c.amount_zh)}）` : ''}${c.by_zh ? `，最迟于 ${String(c.by_zh)}` : ''}`)
      .join('\n');
  }
  const charges = items(v.charges);
  if (charges.length) {
    out.charges_en = charges.map((c) => `- ${str(c.what) ?? ''}${c.amount_en ? `: ${String(c.amount_en)}` : ''}${c.basis ? ` (basis: ${String(c.basis)})` : ''}`).join('\n');
    out.charges_zh = charges.map((c) => `- ${str(c.what) ?? ''}${c.amount_zh ? `：${String(c.amount_zh)}` : ''}${c.basis ? `（依据：${String(c.basis)}）` : ''}`).join('\n');
  }
  const instalments = items(v.instalments);
  if (instalments.length) {
    out.instalments_en = instalments.map((c, n) => `${n + 1}. ${String(c.amount_en ?? '')} by ${String(c.by_en ?? '')}`).join('\n');
    out.instalments_zh = instalments.map((c, n) => `${n + 1}. ${String(c.by_zh ?? '')}前支付 ${String(c.amount_zh ?? '')}（${String(c.amount_daxie ?? '')}）`).join('\n');
    const total = items(raw.instalments).reduce((s, i) => s + (typeof i.amount === 'number' ? cents(i.amount) : 0), 0);
    if (typeof raw.amount === 'number' && total !== cents(raw.amount)) {
      problems.push({ path: 'instalments', message: `Unexpected instalments that sum to ${(total / 100).toFixed(2)}, expected them to sum to \`amount\` (${raw.amount.toFixed(2)})` });
    }
  }
  const previous = items(v.previous_letters).filter((l) => l.date_en);
  if (previous.length) {
    const en = previous.map((l) => String(l.date_en));
    out.previous_letters_en = en.length === 1 ? en[0]! : `${en.slice(0, -1).join(', ')} and ${en[en.length - 1]!}`;
    out.previous_letters_zh = previous.map((l) => String(l.date_zh)).join('、');
  }
  const step = str(raw.next_step);
  if (step && own(NEXT_STEP_EN, step)) {
    const contract = raw.contract && typeof raw.contract === 'object' ? (raw.contract as Item) : {};
    const institution = institutionById(str(contract.arbitration));
    out.next_step_en = step === 'arbitration' && institution
      ? `commence arbitration before the ${institution.en} (${institution.id}) under the dispute resolution clause of our contract`
      : own(NEXT_STEP_EN, step) ?? '';
    out.next_step_zh = step === 'arbitration' && institution
      ? `依据合同争议解决条款向${institution.zh}申请仲裁`
      : own(NEXT_STEP_ZH, step) ?? '';
  }
  return out;
}

/** The view of validated facts: escaped facts, per-value formats, list helpers; plus problems found on the way. */
export function buildView(facts: unknown): { view: Record<string, unknown>; problems: FactsProblem[] } {
  const problems: FactsProblem[] = [];
  const raw: Item = writtenOut(facts && typeof facts === 'object' && !Array.isArray(facts) ? (facts as Item) : {});
  const currency = str(raw.currency);
  const view = addFormats(escapeFacts(raw), currency && escapeMarkdown(currency)) as Item;
  // No prototype: Mustache looks names up with `in`, so `{{toString}}` must find nothing.
  return { view: Object.assign(Object.create(null) as Item, view, listHelpers(view, raw, problems)), problems };
}

/**
 * The facts as a letter writes them: a US state given by its postal code (`CA`) is written out
 * (`California`), so that a clause never says "the law of the State of CA".
 */
function writtenOut(facts: Item): Item {
  let out = facts;
  for (const [key, group] of Object.entries(facts)) {
    if (!group || typeof group !== 'object' || Array.isArray(group)) continue;
    for (const [member, value] of Object.entries(group as Item)) {
      const type = schemaAt(`${key}.${member}`);
      if (typeof value !== 'string' || type?.type !== 'string' || type.codes !== 'us-state') continue;
      const name = usStateName(value, 'en');
      if (name && name !== value) out = { ...out, [key]: { ...(out[key] as Item), [member]: name } };
    }
  }
  return out;
}

/** The fact a helper name is computed from, or undefined when the name is not a helper. */
export function helperBase(name: string): { base: string; needsCurrency: boolean } | undefined {
  const list = own(LIST_HELPERS, name);
  if (list) return { base: list, needsCurrency: false };
  for (const suffix of AMOUNT_SUFFIXES) {
    if (name.endsWith(suffix)) {
      const base = name.slice(0, -suffix.length);
      const leaf = base.split('.').pop() ?? base;
      if (isAmountKey(leaf)) return { base, needsCurrency: true };
      if (suffix !== '_daxie') return { base, needsCurrency: false };
    }
  }
  return undefined;
}
