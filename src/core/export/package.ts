/**
 * What the `docx` library does not do to a package (the zip of XML parts a .docx is): custom
 * document properties on a patched letterhead, styles a letterhead lacks, a body placeholder where
 * a letterhead has none, and reading the properties back. Pure: bytes in, bytes out (fflate).
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { stringify } from 'yaml';
import { formatFigures } from '../facts/format.js';
import type { ExportDocument } from './model.js';

/** A custom document property (Word: File › Properties › Custom). */
export interface CustomProperty {
  name: string;
  value: string;
}

/** Name of the properties that carry the front matter, `Dunmark facts 1`, `Dunmark facts 2`, …. */
export const FACTS_PROPERTY = 'Dunmark facts';
// Word keeps at most 255 characters of a text property
const CHUNK = 255;

const CUSTOM_PART = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_m, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'apos') return "'";
    if (lower === 'amp') return '&';
    return String.fromCodePoint(lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10));
  });
}

/**
 * The facts a letter states, and so the only ones its exported document may carry: what it is, its
 * date and deadline, the parties as the letter names them, the amount, the invoices, the contract
 * reference, and what the letter itself relies on (the next step it announces, the charges it
 * claims, counsel or a proceeding it names, a guarantor). Never what the case file keeps for the
 * creditor alone: events and their notes, payments and their bank references, promises recorded in
 * the case, disputes, a case's outcome, unknown keys (an internal note). A key per fact; `true` for a
 * value kept whole, a list of names for the fields of a mapping or of a list's items.
 */
export const STATED_FACTS: Readonly<Record<string, true | readonly string[]>> = {
  kind: true,
  stage: true,
  clause: true,
  language: true,
  date: true,
  deadline: true,
  due_date: true,
  amount: true,
  currency: true,
  creditor: ['name', 'name_zh', 'country', 'contact', 'email', 'address'],
  debtor: ['name', 'name_zh', 'country', 'contact', 'contact_zh', 'address', 'locale'],
  invoices: ['number', 'date', 'amount'],
  contract: ['reference', 'governing_law', 'arbitration', 'type'],
  next_step: true,
  charges: ['what', 'amount', 'basis', 'type', 'regime', 'rate', 'markup', 'principal', 'from', 'to', 'as_of', 'day_count'],
  counsel: ['name', 'firm'],
  proceeding: ['case_number', 'forum', 'filed'],
  guarantor: ['name', 'country', 'state', 'address'],
};

/** What only the document's own front matter states (a call summary's call and promises, a plan's instalments), never the case file's. */
export const OWN_STATED_FACTS: Readonly<Record<string, true | readonly string[]>> = {
  call: ['date', 'with', 'role', 'decision_maker'],
  commitments: ['what', 'by', 'amount'],
  instalments: ['amount', 'by'],
};

function isPlain(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function pickStated(data: Record<string, unknown> | undefined, keys: Readonly<Record<string, true | readonly string[]>>, out: Record<string, unknown>): void {
  const pick = (value: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> =>
    Object.fromEntries(fields.filter((f) => value[f] !== undefined && value[f] !== null && typeof value[f] !== 'object').map((f) => [f, value[f]]));
  for (const [key, keep] of Object.entries(keys)) {
    const value = data?.[key];
    if (value === undefined || value === null) continue;
    if (keep === true) {
      if (typeof value !== 'object') out[key] = value;
    } else if (Array.isArray(value)) {
      const items = value.filter(isPlain).map((item) => pick(item, keep));
      if (items.length) out[key] = items;
    } else if (isPlain(value)) {
      const picked = pick(value, keep);
      if (Object.keys(picked).length) out[key] = picked;
    }
  }
}

/**
 * The stated facts of a letter (see `STATED_FACTS`): from its merged facts, and from its own front
 * matter what only it states (`OWN_STATED_FACTS`); everything else is left out.
 */
export function statedFacts(data: Record<string, unknown> | undefined, own: Record<string, unknown> | undefined = data): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  pickStated(data, STATED_FACTS, out);
  pickStated(own, OWN_STATED_FACTS, out);
  return out;
}

/**
 * The properties a letter is traced back by: debtor, amount, currency, stage, date, and its stated
 * facts as YAML (so `dunmark lint letter.docx` can check it wherever it goes); none at all when the
 * user turned them off.
 */
export function factProperties(doc: ExportDocument, options: { properties?: boolean } = {}): CustomProperty[] {
  if (options.properties === false) return [];
  const f = doc.facts;
  const out: CustomProperty[] = [];
  const add = (name: string, value: string | undefined): void => {
    if (value) out.push({ name, value });
  };
  add('Kind', f.kind);
  add('Stage', f.stage ?? f.clause);
  add('Letter date', f.date);
  add('Language', f.language);
  add('Creditor', f.creditor?.name);
  add('Debtor', f.debtor?.name);
  add('Amount', f.amount === undefined ? undefined : formatFigures(f.amount));
  add('Currency', f.currency);
  add(
    'Invoices',
    (f.invoices ?? [])
      .map((i) => i.number)
      .filter(Boolean)
      .join(', ') || undefined,
  );
  add('Deadline', f.deadline);
  // the stated facts as YAML, so `dunmark lint letter.docx` has them; cut at code points, never inside one
  const stated = statedFacts(doc.data, doc.ownData);
  const chars = Array.from(Object.keys(stated).length ? stringify(stated, { lineWidth: 0 }) : '');
  for (let i = 0, n = 1; i < chars.length; i += CHUNK, n++) out.push({ name: `${FACTS_PROPERTY} ${n}`, value: chars.slice(i, i + CHUNK).join('') });
  return out;
}

/** Reads the custom properties of a .docx (text values only), by name. */
export function readCustomProperties(files: Unzipped): Map<string, string> {
  const out = new Map<string, string>();
  const part = files[CUSTOM_PART];
  if (!part) return out;
  const xml = strFromU8(part);
  for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:(?:lpwstr|lpstr|bstr)>([\s\S]*?)<\/vt:(?:lpwstr|lpstr|bstr)>/g)) {
    out.set(unescapeXml(m[1]!), unescapeXml(m[2]!));
  }
  return out;
}

/** The front matter stored in `Dunmark facts N` properties, joined; undefined when there is none. */
export function factsFromProperties(properties: Map<string, string>): string | undefined {
  const parts: string[] = [];
  for (let n = 1; properties.has(`${FACTS_PROPERTY} ${n}`); n++) parts.push(properties.get(`${FACTS_PROPERTY} ${n}`)!);
  return parts.length ? parts.join('') : undefined;
}

function customXml(properties: readonly CustomProperty[]): string {
  const items = properties.map(
    (p, i) => `<property fmtid="${FMTID}" pid="${i + 2}" name="${escapeXml(p.name)}"><vt:lpwstr>${escapeXml(p.value)}</vt:lpwstr></property>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${items.join('')}</Properties>`
  );
}

/** Sets custom properties on a package: the ones given replace those of the same name; the others are kept. */
export function addCustomProperties(bytes: Uint8Array, properties: readonly CustomProperty[]): Uint8Array {
  const files = unzipSync(bytes);
  const names = new Set(properties.map((p) => p.name));
  const kept = [...readCustomProperties(files)]
    .filter(([name]) => !names.has(name) && !name.startsWith(`${FACTS_PROPERTY} `))
    .map(([name, value]) => ({ name, value }));
  // nothing to write and nothing there: the package as it was
  if (kept.length + properties.length === 0 && !files[CUSTOM_PART]) return bytes;
  files[CUSTOM_PART] = strToU8(customXml([...kept, ...properties]));
  const types = strFromU8(files['[Content_Types].xml']!);
  if (!types.includes(`PartName="/${CUSTOM_PART}"`)) {
    files['[Content_Types].xml'] = strToU8(types.replace('</Types>', `<Override PartName="/${CUSTOM_PART}" ContentType="${CUSTOM_TYPE}"/></Types>`));
  }
  const rels = strFromU8(files['_rels/.rels']!);
  if (!rels.includes(CUSTOM_REL)) {
    let id = 1;
    while (rels.includes(`Id="rId${id}"`)) id++;
    files['_rels/.rels'] = strToU8(
      rels.replace('</Relationships>', `<Relationship Id="rId${id}" Type="${CUSTOM_REL}" Target="${CUSTOM_PART}"/></Relationships>`),
    );
  }
  return zipSync(files, { level: 6 });
}

/** The text of a paragraph's runs (what a placeholder is looked for in, across the runs Word splits it into). */
function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1]!)).join('');
}

/**
 * Makes sure the letterhead's body has a `{{key}}` paragraph: when it has none, one is added at the
 * end of the body, before the section properties (page size, margins, header and footer links).
 */
export function ensureBodyPlaceholder(bytes: Uint8Array, key: string): Uint8Array {
  const files = unzipSync(bytes);
  const part = files['word/document.xml'];
  if (!part) throw new Error('the letterhead has no word/document.xml');
  const xml = strFromU8(part);
  const placeholder = `{{${key}}}`;
  const paragraphs = xml.match(/<w:p[\s>][\s\S]*?<\/w:p>/g) ?? [];
  if (paragraphs.some((p) => paragraphText(p).includes(placeholder))) return bytes;
  const end = xml.lastIndexOf('</w:body>');
  if (end === -1) throw new Error('the letterhead has no document body');
  const sect = xml.lastIndexOf('<w:sectPr', end);
  const lastBlock = Math.max(xml.lastIndexOf('</w:p>', end), xml.lastIndexOf('</w:tbl>', end));
  const at = sect > lastBlock ? sect : end;
  files['word/document.xml'] = strToU8(`${xml.slice(0, at)}<w:p><w:r><w:t>${placeholder}</w:t></w:r></w:p>${xml.slice(at)}`);
  return zipSync(files, { level: 6 });
}

function styleMap(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<w:style\b[^>]*\bw:styleId="([^"]+)"[^>]*>[\s\S]*?<\/w:style>/g)) out.set(m[1]!, m[0]);
  return out;
}

/** Appends style definitions (XML of `w:style` elements) to a package's style sheet. */
export function addStyles(bytes: Uint8Array, styles: readonly string[]): Uint8Array {
  const files = unzipSync(bytes);
  const part = files['word/styles.xml'];
  if (!part) return bytes;
  files['word/styles.xml'] = strToU8(strFromU8(part).replace('</w:styles>', `${styles.join('')}</w:styles>`));
  return zipSync(files, { level: 6 });
}

/** Styles the letter uses; taken from the built-in style sheet when the letterhead does not define them. */
const LENT_STYLES = ['Heading1', 'Heading2', 'Heading3', 'Heading4', 'Heading5', 'Heading6', 'Quote', 'ListParagraph', 'DunmarkColumns', 'DunmarkTableHeader'];

/** Adds to the letterhead's style sheet the styles the letter uses and it lacks; its own styles win. */
export function ensureStyles(letterhead: Uint8Array, builtIn: Uint8Array): Uint8Array {
  const files = unzipSync(letterhead);
  const theirs = files['word/styles.xml'];
  const ours = unzipSync(builtIn)['word/styles.xml'];
  if (!theirs || !ours) return letterhead;
  const xml = strFromU8(theirs);
  const have = styleMap(xml);
  const lend = styleMap(strFromU8(ours));
  const missing = LENT_STYLES.filter((id) => !have.has(id) && lend.has(id)).map((id) => lend.get(id)!);
  if (missing.length === 0) return letterhead;
  files['word/styles.xml'] = strToU8(xml.replace('</w:styles>', `${missing.join('')}</w:styles>`));
  return zipSync(files, { level: 6 });
}
