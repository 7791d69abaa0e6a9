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
 * Helpers that tell the case's history (payments received, the last contact, an open promise, a
 * dispute): a letter of a case inherits the facts they read, so a template uses them inside a section
 * without declaring those facts (the facts form never asks for a case's history).
 */
export const HISTORY_HELPERS: ReadonlySet<string> = new Set([
  'payments_received_en', 'payments_received_zh', 'last_contact_en', 'last_contact_zh',
  'history_en', 'history_zh', 'promise_en', 'promise_zh', 'disputes_raised',
]);

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
    // after payments, the invoices as a table of what was paid and what is open, adding up to the balance
    const table = paidAndOpen(raw);
    if (table) Object.assign(out, table);
  }
  Object.assign(out, historyHelpers(raw));
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

/** A payment, an invoice or a commitment of the raw facts, read defensively. */
interface Paid {
  date: string | undefined;
  amount: number;
  appliedTo: string | undefined;
}

/** The payments received by the document's date (a payment dated after it is not the document's). */
function payments(raw: Item): Paid[] {
  const letterDate = str(raw.date);
  return items(raw.payments)
    .filter((p) => typeof p.amount === 'number' && p.amount > 0 && (!letterDate || !str(p.date) || str(p.date)! <= letterDate))
    .map((p) => ({ date: str(p.date), amount: p.amount as number, appliedTo: str(p.applied_to) }));
}

/** A list of phrases joined as a sentence does: `a`, `a and b`, `a, b and c` (`、` in Chinese). */
function joinEn(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
}

/**
 * The invoices after the payments received: each invoice's amount, what was paid on it (a payment's
 * \`applied_to\` invoice, else the oldest invoice first) and what is open, with a total row; as a
 * Markdown table in English and in Chinese. Undefined without payments, or when an invoice has no amount.
 */
function paidAndOpen(raw: Item): Record<string, string> | undefined {
  const currency = str(raw.currency);
  const list = items(raw.invoices);
  const received = payments(raw);
  if (!currency || received.length === 0 || list.length === 0 || list.some((i) => typeof i.amount !== 'number')) return undefined;
  const rows = list.map((i, n) => ({ n, number: str(i.number), date: str(i.date), amount: cents(i.amount as number), paid: 0 }));
  const byAge = [...rows].sort((a, b) => (a.date ?? '') .localeCompare(b.date ?? '') || a.n - b.n);
  let unapplied = 0;
  for (const p of received) {
    let left = cents(p.amount);
    const target = p.appliedTo ? rows.find((r) => r.number === p.appliedTo) : undefined;
    for (const row of target ? [target, ...byAge.filter((r) => r !== target)] : byAge) {
      const take = Math.min(left, row.amount - row.paid);
      row.paid += take;
      left -= take;
      if (left === 0) break;
    }
    unapplied += left;
  }
  // a payment beyond the invoices (an overpayment) is not shown as paid on them: the table would not add up;
  // invoices paid in full (a settlement confirmation) are listed as they are, with nothing open
  if (unapplied > 0 || rows.every((r) => r.paid === r.amount)) return undefined;
  const money = (c: number, style: 'en' | 'zh'): string => escapeMarkdown(formatMoney(c / 100, currency, style));
  const total = (key: 'amount' | 'paid'): number => rows.reduce((t, r) => t + r[key], 0);
  const dash = '–';
  const lines = (style: 'en' | 'zh'): string => {
    const head = style === 'en' ? ['Invoice', 'Date', 'Amount', 'Paid', 'Open'] : ['发票', '开票日期', '金额', '已付', '未付'];
    const body = rows.map((r) => [
      escapeMarkdown(r.number ?? (style === 'en' ? '(no number)' : '（无编号）')),
      r.date ? formatDate(r.date, style) : '',
      money(r.amount, style),
      r.paid ? money(r.paid, style) : dash,
      money(r.amount - r.paid, style),
    ]);
    const sum = [style === 'en' ? '**Total**' : '**合计**', '', money(total('amount'), style), money(total('paid'), style), `**${money(total('amount') - total('paid'), style)}**`];
    return [head, ['---', '---', '---:', '---:', '---:'], ...body, sum].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  };
  return { invoices_en: lines('en'), invoices_zh: lines('zh') };
}

/**
 * What the next letter says about the case's history, as of its date: the payments received
 * (\`payments_received_en\`: "your payment of USD 15,000.00 received on 2 December 2026"), the last
 * contact (\`last_contact_en\`: "our call of 2 December 2026"), a sentence that replaces "we have not
 * heard from you" (\`history_en\`), and the debtor's open promise (\`promise_en\`), each in Chinese too.
 */
function historyHelpers(raw: Item): Record<string, string> {
  const out: Record<string, string> = {};
  const currency = str(raw.currency);
  const letterDate = str(raw.date);
  const received = payments(raw);
  if (currency && received.length) {
    const en = received.map((p) => `${escapeMarkdown(formatMoney(p.amount, currency, 'en'))}${p.date ? ` received on ${formatDate(p.date, 'en')}` : ''}`);
    const zh = received.map((p) => `${p.date ? `于${formatDate(p.date, 'zh')}支付的` : ''}${escapeMarkdown(formatMoney(p.amount, currency, 'zh'))}`);
    out.payments_received_en = `your payment${received.length > 1 ? 's' : ''} of ${joinEn(en)}`;
    out.payments_received_zh = `贵司${zh.join('、')}`;
  }
  // the last contact with the debtor: a call, a meeting, an e-mail, a promise or a dispute recorded in the case (on or before the letter's date)
  const CONTACT: Record<string, [string, string]> = {
    call: ['our call', '通话'],
    meeting: ['our meeting', '会面'],
    email: ['your e-mail', '来函'],
    promise: ['your promise', '承诺'],
    acknowledgement: ['your acknowledgement', '确认'],
    'repayment-plan': ['the repayment plan', '还款计划'],
    dispute: ['our call', '通话'],
  };
  const contact = items(raw.events)
    .filter((e) => typeof e.type === 'string' && Object.hasOwn(CONTACT, e.type) && str(e.date) && (!letterDate || str(e.date)! <= letterDate))
    .sort((a, b) => (str(a.date)! < str(b.date)! ? -1 : 1))
    .pop();
  if (contact) {
    const [en, zh] = CONTACT[contact.type as string]!;
    out.last_contact_en = `${en} of ${formatDate(str(contact.date)!, 'en')}`;
    out.last_contact_zh = `${formatDate(str(contact.date)!, 'zh')}的${zh}`;
  }
  if (out.payments_received_en || out.last_contact_en) {
    const thanks = [out.payments_received_en, out.last_contact_en && `for ${out.last_contact_en}`].filter(Boolean) as string[];
    out.history_en = `Thank you for ${joinEn(thanks)}. ${out.payments_received_en ? 'The balance below is still open' : 'Payment has not yet reached us'}:`;
    const zhParts = [out.payments_received_zh && `${out.payments_received_zh}款项`, out.last_contact_zh && `${out.last_contact_zh}`].filter(Boolean) as string[];
    out.history_zh = `感谢${zhParts.join('以及')}。${out.payments_received_zh ? '以下余款仍未支付' : '款项至今仍未到账'}：`;
  }
  // the debtor's open promise: the earliest commitment due on or after the letter's date
  const promise = items(raw.commitments)
    .filter((c) => str(c.by) && (!letterDate || str(c.by)! >= letterDate) && (!letterDate || !str(c.date) || str(c.date)! <= letterDate))
    .sort((a, b) => (str(a.by)! < str(b.by)! ? -1 : 1))[0];
  if (promise) {
    const amount = typeof promise.amount === 'number' && currency ? promise.amount : undefined;
    const made = str(promise.date);
    const by = str(promise.by)!;
    out.promise_en = `${made ? `On ${formatDate(made, 'en')} you` : 'You'} promised to pay${amount !== undefined ? ` ${escapeMarkdown(formatMoney(amount, currency!, 'en'))}` : ''} by ${formatDate(by, 'en')}.`;
    out.promise_zh = `贵司${made ? `于${formatDate(made, 'zh')}` : ''}承诺在${formatDate(by, 'zh')}前支付${amount !== undefined ? ` ${escapeMarkdown(formatMoney(amount, currency!, 'zh'))}` : '款项'}。`;
  }
  if (items(raw.disputes).some((d) => !letterDate || !str(d.date) || str(d.date)! <= letterDate)) out.disputes_raised = 'true';
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
