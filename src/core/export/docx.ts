/**
 * The letter as a Word document, built with the `docx` library: the built-in layout (sender block,
 * date and reference on the first page, page X of Y in the footer), or the user's letterhead
 * `.docx` patched with the letter (its styles, header, footer and first-page layout kept).
 * Pure: bytes in, bytes out.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  PatchType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  patchDocument,
  type ILevelsOptions,
  type INumberingOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import { readDates } from '../facts/dates.js';
import { formatDate } from '../facts/format.js';
import type { Facts } from '../facts/facts.js';
import { splitScripts, type Align, type ExportBlock, type ExportDocument, type Inline } from './model.js';
import { addCustomProperties, addStyles, ensureBodyPlaceholder, ensureStyles, factProperties } from './package.js';

/** How the letter is laid out. */
export interface DocxOptions {
  /** `sequence`: English then Chinese (default); `columns`: the halves side by side in a two-column table. */
  layout?: 'sequence' | 'columns';
  /** Start the second half of a bilingual letter on a new page (sequence layout). */
  pageBreakBetweenHalves?: boolean;
  /** Fonts: Latin text and East Asian (Chinese) text. */
  fonts?: { latin?: string; eastAsian?: string };
  /** The user's letterhead: a .docx whose `{{body}}` paragraph (or end) receives the letter. */
  letterhead?: Uint8Array;
  /** Written as the document's creator. */
  creator?: string;
  /** Write the letter's stated facts into the document's custom properties (default true; see `STATED_FACTS`). */
  properties?: boolean;
}

/** The style id the two-column table of a bilingual letter carries, so a reader can put the halves back in order. */
export const COLUMNS_TABLE_STYLE = 'DunmarkColumns';
/** The style id of quoted paragraphs. */
export const QUOTE_STYLE = 'Quote';
/** The style id of a table's header cells. */
export const TABLE_HEADER_STYLE = 'DunmarkTableHeader';
/** The placeholder of a letterhead that the letter replaces. */
export const BODY_PLACEHOLDER = 'body';

const ORDERED = 'dunmark-ordered';
const BULLET = 'dunmark-bullet';
const DEFAULT_LATIN = 'Calibri';
const DEFAULT_EAST_ASIAN: Record<string, string> = { 'zh-CN': 'SimSun', 'zh-TW': 'PMingLiU', 'zh-HK': 'PMingLiU' };

interface Ctx {
  latin: string;
  eastAsian: string;
  chineseTag: string;
  lists: number;
  /** Closing lines ("Yours sincerely,", 此致 敬礼), kept with the signature that follows. */
  closings: Set<ExportBlock>;
  /** The first paragraph after a closing: the signatory, with room above it to sign and to stamp the company chop. */
  signatures: Set<ExportBlock>;
}

/** The space above the signatory's name (twips): a signature, and a company chop (公章, about 4 cm across) stamped over the name. */
export const SIGNATURE_SPACE = 1440;

// The complimentary close of a letter, in English and Chinese: the signatory follows it
const CLOSING =
  /^\s*(?:yours\s+(?:sincerely|faithfully|truly)|(?:very\s+)?(?:sincerely|truly|faithfully)(?:\s+yours)?|(?:kind|best|warm)(?:est)?\s+regards|regards|respectfully(?:\s+yours)?|with\s+(?:kind\s+)?regards|此致\s*敬礼|此致|顺颂商祺|顺祝商祺|顺颂(?:时|近)祺|特此函告|特此通知)[\s,，.。!！]*$/iu;

/** Finds the closings of the letter and the signatory paragraph after each (top-level blocks). */
function signatureBlocks(blocks: readonly ExportBlock[]): { closings: Set<ExportBlock>; signatures: Set<ExportBlock> } {
  const closings = new Set<ExportBlock>();
  const signatures = new Set<ExportBlock>();
  const text = (b: ExportBlock): string => (b.type === 'paragraph' ? b.inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('') : '');
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    if (block.type !== 'paragraph' || next?.type !== 'paragraph' || !CLOSING.test(text(block))) return;
    closings.add(block);
    signatures.add(next);
  });
  return { closings, signatures };
}

function runOptions(inline: Extract<Inline, { type: 'text' }>, ctx: Ctx): IRunOptions {
  const cjk = inline.script === 'cjk';
  return {
    text: inline.text,
    ...(inline.bold ? { bold: true } : {}),
    ...(inline.italic ? { italics: true } : {}),
    // Word picks a run's font by the characters in it; the hint makes shared punctuation East Asian too
    font: inline.code ? 'Courier New' : cjk ? { ascii: ctx.latin, hAnsi: ctx.latin, eastAsia: ctx.eastAsian, hint: 'eastAsia' } : undefined,
    // proofing: Latin words in English, Chinese in Chinese, each run by itself
    language: cjk ? { value: ctx.chineseTag, eastAsia: ctx.chineseTag } : { value: 'en-US', eastAsia: ctx.chineseTag },
  };
}

function runs(inlines: Inline[], ctx: Ctx, extra: Partial<IRunOptions> = {}): ParagraphChild[] {
  return inlines.map((inline) => (inline.type === 'break' ? new TextRun({ break: 1 }) : new TextRun({ ...runOptions(inline, ctx), ...extra })));
}

const ALIGN: Record<Exclude<Align, null>, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];

function ruleParagraph(): Paragraph {
  return new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A0A0', space: 1 } }, spacing: { after: 240 } });
}

function tableOf(block: Extract<ExportBlock, { type: 'table' }>, ctx: Ctx): Table {
  const columns = Math.max(1, ...block.rows.map((r) => r.length));
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'BFBFBF' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: block.rows.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          children: Array.from(
            { length: columns },
            (_, c) =>
              new TableCell({
                width: { size: Math.floor(100 / columns), type: WidthType.PERCENTAGE },
                ...(r === 0 ? { shading: { fill: 'F2F2F2' } } : {}),
                children: [
                  new Paragraph({
                    ...(block.align[c] ? { alignment: ALIGN[block.align[c]!] } : {}),
                    // bold by style, not by run: the words stay as the letter wrote them
                    ...(r === 0 ? { style: TABLE_HEADER_STYLE } : {}),
                    children: runs(row[c] ?? [], ctx),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

function blocksToChildren(blocks: ExportBlock[], ctx: Ctx, level = 0, paragraph: Partial<IParagraphOptions> = {}): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const block of blocks) {
    switch (block.type) {
      case 'heading':
        out.push(new Paragraph({ heading: HEADINGS[Math.min(block.depth, 6) - 1], keepNext: true, children: runs(block.inlines, ctx) }));
        break;
      case 'paragraph':
        out.push(
          new Paragraph({
            ...paragraph,
            ...(ctx.closings.has(block) ? { keepNext: true } : {}),
            ...(ctx.signatures.has(block) ? { spacing: { before: SIGNATURE_SPACE }, keepLines: true } : {}),
            children: runs(block.inlines, ctx),
          }),
        );
        break;
      case 'list': {
        const instance = ++ctx.lists;
        for (const item of block.items) {
          item.forEach((child, i) => {
            if (child.type === 'paragraph' && i === 0) {
              out.push(
                new Paragraph({
                  numbering: { reference: block.ordered ? ORDERED : BULLET, level: Math.min(level, 8), instance },
                  children: runs(child.inlines, ctx),
                }),
              );
            } else {
              out.push(...blocksToChildren([child], ctx, level + 1, { indent: { left: 720 * (level + 1) } }));
            }
          });
        }
        break;
      }
      case 'table':
        out.push(tableOf(block, ctx), new Paragraph({}));
        break;
      case 'quote':
        out.push(...blocksToChildren(block.children, ctx, level, { style: QUOTE_STYLE }));
        break;
      case 'code':
        out.push(
          new Paragraph({
            children: block.lines.flatMap((line, i) => [...(i ? [new TextRun({ break: 1 })] : []), new TextRun({ text: line, font: 'Courier New' })]),
          }),
        );
        break;
      case 'rule':
        out.push(ruleParagraph());
        break;
    }
  }
  return out;
}

/** The two halves side by side: one row per pair of blocks when the halves match block for block, else one row. */
function columnsTable(first: ExportBlock[], second: ExportBlock[], ctx: Ctx): Table {
  const cell = (blocks: ExportBlock[]): TableCell => {
    const children = blocksToChildren(blocks, ctx);
    return new TableCell({
      width: { size: 50, type: WidthType.PERCENTAGE },
      margins: { left: 120, right: 120 },
      children: children.length ? children : [new Paragraph({})],
    });
  };
  const paired = first.length === second.length && first.every((b, i) => b.type === second[i]!.type);
  const rows = paired ? first.map((b, i) => [[b], [second[i]!]]) : [[first, second]];
  return new Table({
    style: COLUMNS_TABLE_STYLE,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: rows.map(([a, b]) => new TableRow({ children: [cell(a!), cell(b!)] })),
  });
}

function body(doc: ExportDocument, options: DocxOptions, ctx: Ctx): (Paragraph | Table)[] {
  const halves = doc.halves;
  if (!halves) return blocksToChildren(doc.blocks, ctx);
  if (options.layout === 'columns') {
    return [...blocksToChildren(halves.before, ctx), columnsTable(halves.first, halves.second, ctx), ...blocksToChildren(halves.after, ctx)];
  }
  const second = blocksToChildren(halves.second, ctx);
  if (options.pageBreakBetweenHalves && second[0] instanceof Paragraph) second.unshift(new Paragraph({ children: [new PageBreak()] }));
  const rule = options.pageBreakBetweenHalves ? [] : [ruleParagraph()];
  return [...blocksToChildren(halves.before, ctx), ...blocksToChildren(halves.first, ctx), ...rule, ...second, ...blocksToChildren(halves.after, ctx)];
}

function numbering(): INumberingOptions {
  const ordered: ILevelsOptions[] = [];
  const bullets: ILevelsOptions[] = [];
  const glyphs = ['\u2022', '\u25e6', '\u25aa'];
  for (let level = 0; level < 9; level++) {
    const indent = { left: 720 * (level + 1), hanging: 360 };
    ordered.push({
      level,
      format: level % 3 === 1 ? LevelFormat.LOWER_LETTER : level % 3 === 2 ? LevelFormat.LOWER_ROMAN : LevelFormat.DECIMAL,
      text: `%${level + 1}.`,
      alignment: AlignmentType.START,
      style: { paragraph: { indent } },
    });
    bullets.push({ level, format: LevelFormat.BULLET, text: glyphs[level % 3]!, alignment: AlignmentType.START, style: { paragraph: { indent } } });
  }
  return {
    config: [
      { reference: ORDERED, levels: ordered },
      { reference: BULLET, levels: bullets },
    ],
  };
}

type Lang = 'en' | 'zh' | 'both';

function letterLanguage(facts: Facts): Lang {
  const l = facts.language;
  return l === 'en+zh-CN' ? 'both' : l === 'zh-CN' || l === 'zh-TW' || l === 'zh-HK' ? 'zh' : 'en';
}

function label(lang: Lang, en: string, zh: string): string {
  return lang === 'both' ? `${en} / ${zh}` : lang === 'zh' ? zh : en;
}

const SEPARATOR = '   ·   ';

/** The letter's date as its language writes it (both ways in a bilingual letter). */
function letterDate(facts: Facts): string | undefined {
  if (!facts.date) return undefined;
  const lang = letterLanguage(facts);
  return lang === 'both' ? `${formatDate(facts.date, 'en')} / ${formatDate(facts.date, 'zh')}` : formatDate(facts.date, lang === 'zh' ? 'zh' : 'en');
}

/** The invoices and the contract the letter is about, labelled in its language. */
export function references(facts: Facts): string {
  const lang = letterLanguage(facts);
  const parts: string[] = [];
  const invoices = (facts.invoices ?? []).map((i) => i.number).filter((n): n is string => Boolean(n));
  if (invoices.length) parts.push(`${label(lang, invoices.length > 1 ? 'Invoices' : 'Invoice', '发票')}: ${invoices.join(', ')}`);
  if (facts.contract?.reference) parts.push(`${label(lang, 'Contract', '合同')}: ${facts.contract.reference}`);
  return parts.join(SEPARATOR);
}

/**
 * True when the letter's opening (what comes before its first heading, at most its first blocks)
 * states the letter's date, as the templates do: the first page then shows the date once, there.
 */
export function statesDateAtTop(doc: ExportDocument): boolean {
  const iso = doc.facts.date;
  if (!iso) return false;
  const blocks = doc.halves ? [...doc.halves.before, ...doc.halves.first] : doc.blocks;
  for (const block of blocks.slice(0, 8)) {
    if (block.type === 'heading') return false;
    if (block.type !== 'paragraph') continue;
    const text = block.inlines.map((i) => (i.type === 'text' ? i.text : '\n')).join('');
    if (readDates(text).some((d) => d.iso === iso)) return true;
  }
  return false;
}

/** The reference line of the first page: date (unless the letter states it at its top), invoices and contract from the facts. */
export function referenceLine(facts: Facts, withDate = true): string {
  const date = withDate ? letterDate(facts) : undefined;
  return [date && `${label(letterLanguage(facts), 'Date', '日期')}: ${date}`, references(facts)].filter(Boolean).join(SEPARATOR);
}

function pageFooter(lang: Lang, ctx: Ctx): Footer {
  const children: ParagraphChild[] = [];
  const small = { size: 16, color: '666666' };
  if (lang !== 'zh')
    children.push(new TextRun({ ...small, children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], language: { value: 'en-US' } }));
  if (lang === 'both') children.push(new TextRun({ ...small, text: '   /   ' }));
  if (lang !== 'en') {
    const zh = { ...small, font: { eastAsia: ctx.eastAsian, hint: 'eastAsia' }, language: { value: ctx.chineseTag, eastAsia: ctx.chineseTag } };
    children.push(new TextRun({ ...zh, children: ['第 ', PageNumber.CURRENT, ' 页，共 ', PageNumber.TOTAL_PAGES, ' 页'] }));
  }
  return new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children })] });
}

function senderHeader(facts: Facts, ctx: Ctx, withDate: boolean): Header {
  const creditor = facts.creditor ?? {};
  const line = (text: string, options: Partial<IRunOptions> = {}): Paragraph =>
    new Paragraph({
      children: runs([{ type: 'text', text, bold: false, italic: false, code: false, script: /[\u3400-\u9fff]/u.test(text) ? 'cjk' : 'latin' }], ctx, options),
    });
  const children: Paragraph[] = [];
  if (creditor.name) children.push(line(creditor.name, { bold: true, size: 28 }));
  const contact = [creditor.address, creditor.email].filter((x): x is string => Boolean(x)).join('   ·   ');
  if (contact) children.push(line(contact, { size: 18, color: '555555' }));
  const reference = referenceLine(facts, withDate);
  children.push(
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'A0A0A0', space: 4 } },
      spacing: { before: 120 },
      children: reference ? runs([{ type: 'text', text: reference, bold: false, italic: false, code: false, script: 'latin' }], ctx, { size: 18 }) : [],
    }),
  );
  return new Header({ children });
}

function followingHeader(facts: Facts, ctx: Ctx): Header {
  const text = [facts.creditor?.name, references(facts)].filter(Boolean).join(SEPARATOR);
  return new Header({
    children: [
      new Paragraph({
        children: text ? runs([{ type: 'text', text, bold: false, italic: false, code: false, script: 'latin' }], ctx, { size: 16, color: '666666' }) : [],
      }),
    ],
  });
}

/** The table style of the two-column layout: no borders. */
const COLUMNS_STYLE_XML =
  `<w:style w:type="table" w:styleId="${COLUMNS_TABLE_STYLE}"><w:name w:val="Dunmark Columns"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
  '<w:tblPr><w:tblBorders><w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/><w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr></w:style>';

/** The style sheet of the built-in layout: document fonts (Latin and East Asian), headings, quotes, the columns table. */
function styles(ctx: Ctx) {
  return {
    default: {
      document: {
        run: {
          font: { ascii: ctx.latin, hAnsi: ctx.latin, eastAsia: ctx.eastAsian, cs: ctx.latin },
          size: 22,
          language: { value: 'en-US', eastAsia: ctx.chineseTag },
        },
        paragraph: { spacing: { after: 160, line: 276 } },
      },
      heading1: { run: { bold: true, size: 30, color: '1F1F1F' }, paragraph: { spacing: { before: 240, after: 160 } } },
      heading2: { run: { bold: true, size: 26, color: '1F1F1F' }, paragraph: { spacing: { before: 200, after: 120 } } },
      heading3: { run: { bold: true, size: 23 }, paragraph: { spacing: { before: 160, after: 80 } } },
    },
    paragraphStyles: [
      {
        id: TABLE_HEADER_STYLE,
        name: 'Dunmark Table Header',
        basedOn: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { after: 0 } },
      },
      {
        id: QUOTE_STYLE,
        name: 'Quote',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { italics: true, color: '404040' },
        paragraph: { indent: { left: 720 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'BFBFBF', space: 8 } } },
      },
    ],
  };
}

function context(doc: ExportDocument, options: DocxOptions): Ctx {
  return {
    latin: options.fonts?.latin || DEFAULT_LATIN,
    eastAsian: options.fonts?.eastAsian || DEFAULT_EAST_ASIAN[doc.chineseTag] || 'SimSun',
    chineseTag: doc.chineseTag,
    lists: 0,
    ...signatureBlocks(doc.blocks),
  };
}

function documentTitle(doc: ExportDocument): string | undefined {
  const heading = doc.blocks.find((b) => b.type === 'heading');
  return heading?.type === 'heading' ? heading.inlines.map((i) => (i.type === 'text' ? i.text : ' ')).join('') : undefined;
}

// US Letter for a US sender, A4 for everyone else (twips)
function pageSize(facts: Facts): { width: number; height: number } {
  return facts.creditor?.country === 'US' ? { width: 12240, height: 15840 } : { width: 11906, height: 16838 };
}

/** What a letterhead's `{{date}}`, `{{reference}}`, `{{creditor}}` and `{{debtor}}` placeholders become. */
function fieldPatches(doc: ExportDocument, ctx: Ctx) {
  const f = doc.facts;
  const values: Record<string, string | undefined> = {
    date: letterDate(f),
    reference: references(f) || undefined,
    creditor: f.creditor?.name,
    debtor: f.debtor?.name,
  };
  const patches: Record<string, { type: typeof PatchType.PARAGRAPH; children: ParagraphChild[] }> = {};
  for (const [key, text] of Object.entries(values)) {
    if (text)
      patches[key] = {
        type: PatchType.PARAGRAPH,
        children: runs(
          splitScripts(text).map((p) => ({ type: 'text', text: p.text, script: p.script, bold: false, italic: false, code: false })),
          ctx,
        ),
      };
  }
  return patches;
}

/** Builds the .docx of a letter; with `letterhead`, patches the user's document instead of the built-in layout. */
export async function buildDocx(doc: ExportDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const ctx = context(doc, options);
  const children = body(doc, options, ctx);
  const title = documentTitle(doc);
  const properties = factProperties(doc, { properties: options.properties !== false });
  if (options.letterhead) {
    // the built-in style sheet lends the styles the letter uses and the letterhead lacks (headings, quotes, the columns table)
    const builtIn = addStyles(
      await Packer.pack(new Document({ styles: styles(ctx), numbering: numbering(), sections: [{ children: [new Paragraph({})] }] }), 'uint8array'),
      [COLUMNS_STYLE_XML],
    );
    const template = ensureStyles(ensureBodyPlaceholder(options.letterhead, BODY_PLACEHOLDER), builtIn);
    const patched = await patchDocument({
      outputType: 'uint8array',
      data: template,
      keepOriginalStyles: false,
      numbering: numbering(),
      patches: { ...fieldPatches(doc, ctx), [BODY_PLACEHOLDER]: { type: PatchType.DOCUMENT, children } },
      properties: { ...(title ? { title } : {}), ...(options.creator ? { creator: options.creator } : {}) },
    });
    return addCustomProperties(patched, properties);
  }
  const lang = letterLanguage(doc.facts);
  const document = new Document({
    ...(title ? { title } : {}),
    creator: options.creator ?? 'Dunmark',
    styles: styles(ctx),
    numbering: numbering(),
    ...(properties.length ? { customProperties: properties } : {}),
    sections: [
      {
        properties: {
          titlePage: true,
          page: { size: pageSize(doc.facts), margin: { top: 1700, bottom: 1300, left: 1300, right: 1300, header: 600, footer: 500 } },
        },
        headers: { first: senderHeader(doc.facts, ctx, !statesDateAtTop(doc)), default: followingHeader(doc.facts, ctx) },
        footers: { first: pageFooter(lang, ctx), default: pageFooter(lang, ctx) },
        children,
      },
    ],
  });
  return addStyles(await Packer.pack(document, 'uint8array'), [COLUMNS_STYLE_XML]);
}
