// Word export: the produced .docx opened as what it is (a zip of XML parts) and its structure
// asserted; letterheads; reading a .docx back; the round trip (export, lint the .docx: the same
// findings as the Markdown) over every template's example and the example letters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AlignmentType, Document, Footer, Header, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { docxLetter } from '../../src/core/export/docx-letter.js';
import { buildDocx, COLUMNS_TABLE_STYLE, type DocxOptions } from '../../src/core/export/docx.js';
import { buildExportDocument, findHalves, splitScripts } from '../../src/core/export/model.js';
import { readDocx } from '../../src/core/export/read-docx.js';
import { lint, listTemplates, renderTemplate } from '../../src/index.js';
import type { Finding } from '../../src/core/types.js';
import { FIXTURE_TODAY, readRepoFile, ROOT } from './helpers.js';
import { parse as parseYaml } from 'yaml';

const config = { today: FIXTURE_TODAY };
const STATEMENT = readRepoFile('test/fixtures/export/statement-en.md');
const BILINGUAL = readRepoFile('examples/letter-before-action-bilingual.md');

/** The parts of a .docx, as text. */
function parts(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(data);
  return out;
}

async function exported(text: string, options: DocxOptions = {}): Promise<Record<string, string>> {
  return parts(await buildDocx(buildExportDocument(text), options));
}

/** The paragraphs of a document part, each with its XML and its text. */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => ({
    xml: p,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  }));
}

/** The runs of a part whose text holds a Chinese character, and those that do not. */
function runs(xml: string): { xml: string; text: string }[] {
  return (xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [])
    .map((r) => ({ xml: r, text: [...r.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') }))
    .filter((r) => r.text !== '');
}

const key = (f: Finding): string => `${f.severity} ${f.ruleId} ${f.message}`;

describe('export: the .docx', () => {
  let doc: Record<string, string>;
  before(async () => {
    doc = await exported(STATEMENT);
  });

  it('writes headings as Word headings', () => {
    const heading = paragraphs(doc['word/document.xml']!).find((p) => p.text.startsWith('Statement of account'));
    assert.ok(heading, 'the title is there');
    assert.match(heading.xml, /<w:pStyle w:val="Heading1"\/>/);
    assert.match(doc['word/styles.xml']!, /w:styleId="Heading1"/);
  });

  it('numbers the ordered list and bullets the other, each item a numbered paragraph', () => {
    const ps = paragraphs(doc['word/document.xml']!);
    const numId = (text: string): string => {
      const p = ps.find((x) => x.text.startsWith(text));
      assert.ok(p, text);
      const m = /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(p.xml);
      assert.ok(m, `${text} is a list item`);
      return m[1]!;
    };
    const ordered = ['settle GBP 9,650.00', 'quote both invoice numbers', 'let us know promptly'].map(numId);
    assert.equal(new Set(ordered).size, 1, 'the three steps are one list');
    const bullets = ['Bank: Northgate', 'IBAN:'].map(numId);
    assert.equal(new Set(bullets).size, 1);
    assert.notEqual(bullets[0], ordered[0]);
    const numbering = doc['word/numbering.xml']!;
    const abstractOf = (id: string): string => new RegExp(`<w:num w:numId="${id}"[^>]*><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)![1]!;
    const level0 = (id: string): string =>
      new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractOf(id)}"[^>]*>[\\s\\S]*?<w:lvl w:ilvl="0"[^>]*>[\\s\\S]*?<w:numFmt w:val="(\\w+)"/>`).exec(
        numbering,
      )![1]!;
    assert.equal(level0(ordered[0]!), 'decimal');
    assert.equal(level0(bullets[0]!), 'bullet');
  });

  it('lays the invoices out as a table: a header row, one row per invoice, amounts right-aligned', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(doc['word/document.xml']!)?.[0];
    assert.ok(table, 'a table');
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
    assert.equal(rows.length, 4, 'header, two invoices, total');
    assert.match(rows[0]!, /<w:tblHeader\/>/, 'the header row repeats on a new page');
    for (const [i, invoice, amount] of [
      [1, 'PFC-30418', 'GBP 6,200.00'],
      [2, 'PFC-30477', 'GBP 3,450.00'],
    ] as const) {
      const cells = rows[i]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!.map((c) => paragraphs(c)[0]!);
      assert.equal(cells[0]!.text, invoice);
      assert.equal(cells[2]!.text, amount);
      assert.match(cells[2]!.xml, /<w:jc w:val="right"\/>/, `${amount} is right-aligned`);
      assert.doesNotMatch(cells[0]!.xml, /<w:jc w:val="right"\/>/, `${invoice} is not`);
    }
  });

  it('keeps bold, italic and hard line breaks', () => {
    const ps = paragraphs(doc['word/document.xml']!);
    assert.match(ps.find((p) => p.text.includes('as unpaid'))!.xml, /<w:b\/><w:bCs\/>[\s\S]*?<w:t[^>]*>unpaid<\/w:t>/);
    assert.match(ps.find((p) => p.text.includes('disputed'))!.xml, /<w:i\/>[\s\S]*?<w:t[^>]*>disputed<\/w:t>/);
    const address = ps.find((p) => p.text.startsWith('Suzhou Hengrui'))!;
    assert.match(address.xml, /<w:br\/>[\s\S]*Attention: Ms\. Chen Lu/, 'the address block is one paragraph with a line break');
    assert.match(ps.find((p) => p.text.includes('Payment terms'))!.xml, /<w:pStyle w:val="Quote"\/>/);
  });

  it('leaves the front matter out of the body and writes it into custom properties', () => {
    const body = doc['word/document.xml']!;
    for (const fm of ['kind:', 'dunning-letter', 'due_date', '---']) assert.ok(!body.includes(fm), `no \`${fm}\` in the body`);
    const custom = doc['docProps/custom.xml']!;
    const props = new Map([...custom.matchAll(/name="([^"]+)"><vt:lpwstr>([^<]*)</g)].map((m) => [m[1]!, m[2]!]));
    assert.equal(props.get('Debtor'), 'Suzhou Hengrui Machinery Co., Ltd.');
    assert.equal(props.get('Amount'), '9,650.00');
    assert.equal(props.get('Currency'), 'GBP');
    assert.equal(props.get('Stage'), 'second-reminder');
    assert.equal(props.get('Letter date'), '2026-11-16');
    const facts = [...props].filter(([k]) => k.startsWith('Dunmark facts ')).map(([, v]) => v);
    assert.ok(facts.length >= 2 && facts.every((v) => v.length <= 255), 'the front matter in pieces Word keeps whole');
    assert.match(doc['[Content_Types].xml']!, /PartName="\/docProps\/custom\.xml"/);
  });

  it('puts the sender, the date and the references on the first page and page X of Y in the footer', () => {
    assert.match(doc['word/document.xml']!, /<w:titlePg\/>/);
    const headers = Object.entries(doc)
      .filter(([n]) => /^word\/header\d+\.xml$/.test(n))
      .map(([, x]) =>
        paragraphs(x)
          .map((p) => p.text)
          .join('\n'),
      );
    const first = headers.find((h) => h.includes('Unit 4, Crossley Park'));
    assert.ok(first, 'a first-page header with the sender block');
    assert.match(first, /Pellingham Fluid Controls Ltd/);
    assert.match(first, /Date: 16 November 2026/);
    assert.match(first, /Invoices: PFC-30418, PFC-30477/);
    assert.match(first, /Contract: PFC-MSA-2025-07/);
    const footer = Object.entries(doc).find(([n]) => /^word\/footer\d+\.xml$/.test(n))![1];
    assert.match(footer, /PAGE[\s\S]*NUMPAGES/);
  });
});

describe('export: page 1 of a letter as it is signed', () => {
  /** A template's example rendered, exported with the built-in layout. */
  async function exampleOf(id: string): Promise<Record<string, string>> {
    const template = listTemplates().find((t) => t.id === id)!;
    const rendered = renderTemplate(template, parseYaml(readRepoFile(`templates/${id}/example.yaml`)) as Record<string, unknown>);
    assert.ok(rendered.ok, `${id} renders`);
    return exported(rendered.text);
  }
  const headerTexts = (doc: Record<string, string>): string[] =>
    Object.entries(doc)
      .filter(([n]) => /^word\/header\d+\.xml$/.test(n))
      .map(([, x]) =>
        paragraphs(x)
          .map((p) => p.text)
          .join('\n'),
      );

  it('shows the date once on page 1: a letter that opens with its date has none in the header (the references stay)', async () => {
    for (const id of ['final-demand-en', 'final-demand-bilingual', 'reminder-zh']) {
      const doc = await exampleOf(id);
      const date = (parseYaml(readRepoFile(`templates/${id}/example.yaml`)) as { date: string }).date;
      const [y, m, d] = date.split('-').map(Number) as [number, number, number];
      const written = [
        new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
        `${y}年${m}月${d}日`,
      ];
      const headers = headerTexts(doc).join('\n');
      for (const w of written) assert.ok(!headers.includes(w), `${id}: the header repeats the date ${w}`);
      assert.match(headers, /(?:Invoice|发票)/, `${id}: the header keeps the references`);
      const body = paragraphs(doc['word/document.xml']!).map((p) => p.text);
      const opening = body.slice(0, 3).join('\n');
      assert.ok(
        written.some((w) => opening.includes(w)),
        `${id}: the letter opens with its date`,
      );
    }
  });

  it('leaves room above the signatory for a signature and the company chop, kept with the closing', async () => {
    for (const [id, closing] of [
      ['final-demand-en', 'Yours sincerely,'],
      ['reminder-zh', '此致'],
    ] as const) {
      const list = paragraphs((await exampleOf(id))['word/document.xml']!);
      const at = list.findIndex((p) => p.text.startsWith(closing));
      assert.ok(at >= 0, `${id}: a closing`);
      assert.match(list[at]!.xml, /<w:keepNext\/>/, `${id}: the closing stays with the signature`);
      assert.match(list[at + 1]!.xml, /<w:spacing w:before="1440"/, `${id}: room to sign and stamp above the signatory`);
    }
  });
});

describe('export: Chinese text', () => {
  it('splits runs by script: figures are Latin words, punctuation stays with the text around it', () => {
    assert.deepEqual(splitScripts('发票 HVW-2026-1187 金额美元 18,400.00 元'), [
      { text: '发票 ', script: 'cjk' },
      { text: 'HVW-2026-1187 ', script: 'latin' },
      { text: '金额美元 ', script: 'cjk' },
      { text: '18,400.00 ', script: 'latin' },
      { text: '元', script: 'cjk' },
    ]);
    assert.deepEqual(splitScripts('美元 18,400.00 元'), [
      { text: '美元 ', script: 'cjk' },
      { text: '18,400.00 ', script: 'latin' },
      { text: '元', script: 'cjk' },
    ]);
    assert.deepEqual(splitScripts('（2026年'), [
      { text: '（', script: 'cjk' },
      { text: '2026', script: 'latin' },
      { text: '年', script: 'cjk' },
    ]);
    assert.deepEqual(splitScripts('  '), [{ text: '  ', script: 'latin' }]);
  });

  it('sets the East Asian font and the Chinese proofing language on Chinese runs, English on the others', async () => {
    const doc = await exported(BILINGUAL);
    const all = runs(doc['word/document.xml']!);
    const chinese = all.filter((r) => /[\u4e00-\u9fff]/.test(r.text));
    const english = all.filter((r) => /^[\x20-\x7e]+$/.test(r.text) && /[A-Za-z]{3}/.test(r.text));
    assert.ok(chinese.length > 10 && english.length > 10);
    for (const r of chinese) {
      assert.match(r.xml, /<w:rFonts [^>]*w:eastAsia="SimSun"[^>]*w:hint="eastAsia"|<w:rFonts [^>]*w:hint="eastAsia"[^>]*w:eastAsia="SimSun"/, r.text);
      assert.match(r.xml, /<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/, r.text);
    }
    for (const r of english) assert.match(r.xml, /<w:lang w:val="en-US"/, r.text);
    assert.match(doc['word/styles.xml']!, /<w:rFonts w:ascii="Calibri"[^>]*w:eastAsia="SimSun"/, 'the document default has both fonts');
  });

  it('takes the fonts from the options (`fonts` in .dunmarkrc.json), and Traditional Chinese its own tag', async () => {
    const doc = await exported(BILINGUAL, { fonts: { latin: 'Georgia', eastAsian: 'Microsoft YaHei' } });
    assert.match(doc['word/document.xml']!, /w:eastAsia="Microsoft YaHei"/);
    assert.match(doc['word/styles.xml']!, /w:ascii="Georgia"/);
    const tw = await exported(
      readRepoFile('test/fixtures/export/statement-en.md').replace('language: en', 'language: zh-TW').replace('Dear Ms. Chen,', '陳女士您好：'),
    );
    assert.match(tw['word/document.xml']!, /<w:lang w:val="zh-TW" w:eastAsia="zh-TW"\/>/);
    assert.match(tw['word/document.xml']!, /w:eastAsia="PMingLiU"/);
  });
});

describe('export: bilingual layouts', () => {
  it('finds the two halves of a bilingual letter, the shared signature outside them', () => {
    const halves = findHalves(buildExportDocument(BILINGUAL).blocks);
    assert.ok(halves);
    assert.equal(halves.firstLanguage, 'en');
    assert.equal(halves.first[0]?.type === 'heading' && halves.first[0].inlines.map((i) => (i.type === 'text' ? i.text : '')).join(''), 'English');
    assert.equal(halves.second[0]?.type === 'heading' && halves.second[0].inlines.map((i) => (i.type === 'text' ? i.text : '')).join(''), '中文');
    assert.equal(halves.after.length, 1, 'the signature');
  });

  it('puts the halves side by side in a two-column table (`--layout columns`), one row per pair when they match', async () => {
    const letter = renderTemplate('final-demand-bilingual', parseYaml(readRepoFile('templates/final-demand-bilingual/example.yaml')));
    assert.ok(letter.ok);
    const doc = await exported(letter.text, { layout: 'columns' });
    const body = doc['word/document.xml']!;
    const table = new RegExp(`<w:tbl><w:tblPr><w:tblStyle w:val="${COLUMNS_TABLE_STYLE}"/>[\\s\\S]*</w:tbl>`).exec(body)?.[0];
    assert.ok(table, 'the columns table');
    const rows = table.match(/<w:tr>[\s\S]*?<\/w:tr>(?=<w:tr>|<\/w:tbl>)/g)!;
    assert.ok(rows.length > 5, `${rows.length} rows`);
    const first = rows[0]!.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!.map((c) =>
      paragraphs(c)
        .map((p) => p.text)
        .join(' '),
    );
    assert.match(first[0]!, /^Formal demand for payment/);
    assert.match(first[1]!, /^正式付款要求/);
    assert.match(doc['word/styles.xml']!, new RegExp(`w:type="table" w:styleId="${COLUMNS_TABLE_STYLE}"`));
  });

  it('starts the second half on a new page when asked', async () => {
    const plain = await exported(BILINGUAL);
    const broken = await exported(BILINGUAL, { pageBreakBetweenHalves: true });
    assert.doesNotMatch(plain['word/document.xml']!, /<w:br w:type="page"\/>/);
    const body = broken['word/document.xml']!;
    const at = body.indexOf('<w:br w:type="page"/>');
    assert.ok(at > body.indexOf('without further notice') && at < body.indexOf('根据销售合同'), 'between the English and the Chinese half');
  });
});

/** A letterhead as a firm would make it in Word: a header and footer, a first page of its own, a placeholder. */
async function letterhead(withPlaceholder: boolean): Promise<Uint8Array> {
  const header = new Header({
    children: [
      new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: 'HARBOR VALVE WORKS · 1200 Marina Way, Oakland', bold: true })] }),
    ],
  });
  const footer = new Footer({ children: [new Paragraph({ children: [new TextRun('Registered in California · Reg. no. 2019-4471')] })] });
  const body = withPlaceholder
    ? [
        new Paragraph({ children: [new TextRun('Our reference: {{reference}}')] }),
        new Paragraph({ text: '{{body}}' }),
        new Paragraph({ text: 'Enclosures: statement' }),
      ]
    : [new Paragraph({ text: 'Harbor Valve Works', heading: HeadingLevel.TITLE })];
  const doc = new Document({
    styles: { paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: 'Garamond', size: 24 } }] },
    sections: [
      {
        properties: { titlePage: true, page: { size: { width: 11906, height: 16838 } } },
        headers: { first: header, default: header },
        footers: { default: footer },
        children: body,
      },
    ],
  });
  return Packer.pack(doc, 'uint8array');
}

describe('export: letterhead', () => {
  it("fills the letterhead's {{body}} and {{reference}}, keeping its header, footer, first-page layout and styles", async () => {
    const doc = await exported(STATEMENT, { letterhead: await letterhead(true) });
    const body = doc['word/document.xml']!;
    const texts = paragraphs(body).map((p) => p.text);
    assert.ok(!texts.some((t) => t.includes('{{')), 'no placeholder left');
    const ref = texts.indexOf(texts.find((t) => t.startsWith('Our reference: '))!);
    const title = texts.findIndex((t) => t.startsWith('Statement of account'));
    const enclosures = texts.indexOf('Enclosures: statement');
    assert.ok(ref >= 0 && ref < title && title < enclosures, 'the letter sits where {{body}} was');
    assert.match(texts[ref]!, /Invoices: PFC-30418, PFC-30477/);
    assert.match(body, /<w:titlePg\/>/);
    assert.match(body, /<w:pgSz w:w="11906" w:h="16838"/);
    const headers = Object.entries(doc)
      .filter(([n]) => n.startsWith('word/header'))
      .map(([, x]) => x)
      .join('');
    assert.match(headers, /HARBOR VALVE WORKS/);
    assert.ok(!headers.includes('Unit 4, Crossley Park'), 'not the built-in sender block');
    assert.match(
      Object.entries(doc)
        .filter(([n]) => n.startsWith('word/footer'))
        .map(([, x]) => x)
        .join(''),
      /Registered in California/,
    );
    assert.match(doc['word/styles.xml']!, /Garamond/, "the letterhead's styles");
    assert.match(doc['word/styles.xml']!, /w:styleId="Heading1"/, 'lent the heading style it lacked');
    assert.match(doc['docProps/custom.xml']!, /name="Debtor"><vt:lpwstr>Suzhou Hengrui Machinery Co\., Ltd\.</);
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)?.[0] ?? '';
    assert.match(table, /PFC-30418/);
    assert.match(body, /<w:numPr>/, 'lists keep their numbering');
  });

  it('appends the letter to a letterhead without a placeholder, before its section properties', async () => {
    const doc = await exported(STATEMENT, { letterhead: await letterhead(false) });
    const body = doc['word/document.xml']!;
    const texts = paragraphs(body).map((p) => p.text);
    assert.equal(texts[0], 'Harbor Valve Works');
    assert.ok(texts.includes('With kind regards,'));
    assert.ok(body.lastIndexOf('<w:sectPr') > body.lastIndexOf('With kind regards'), 'the section properties stay last');
  });

  it('refuses bytes that are not a Word document', async () => {
    await assert.rejects(buildDocx(buildExportDocument(STATEMENT), { letterhead: new TextEncoder().encode('not a zip') }));
  });
});

describe('reading a .docx', () => {
  it('numbers the non-empty paragraphs from the top and writes Markdown the linter reads like the source', async () => {
    const reading = await readDocx(await buildDocx(buildExportDocument(STATEMENT)));
    assert.match(reading.markdown, /^# Statement of account: PFC-30418, PFC-30477\n\nSuzhou Hengrui Machinery Co\., Ltd\.\\\nAttention: Ms\. Chen Lu\n/);
    assert.match(reading.markdown, /\| Invoice \| Issued \| Amount \|\n\| --- \| --- \| ---: \|\n\| PFC-30418 \| 2 September 2026 \| GBP 6,200\.00 \|/);
    assert.match(reading.markdown, /\n1\. settle GBP 9,650\.00 by 30 November 2026;\n2\. quote/);
    assert.match(reading.markdown, /\n- Bank: Northgate Bank plc, Leeds\n- IBAN/);
    assert.match(reading.markdown, /\n> Payment terms/);
    assert.match(reading.markdown, /as \*\*unpaid\*\*, both/);
    assert.deepEqual(
      reading.paragraphs.slice(0, 3).map((p) => [p.number, p.text]),
      [
        [1, 'Statement of account: PFC-30418, PFC-30477'],
        [2, 'Suzhou Hengrui Machinery Co., Ltd.\nAttention: Ms. Chen Lu'],
        [3, 'Dear Ms. Chen,'],
      ],
    );
    for (const p of reading.paragraphs) assert.ok(reading.markdown.slice(p.start, p.end).includes(p.text.split('\n')[0]!.slice(0, 10)), `¶${p.number}`);
    assert.ok(reading.propertiesYaml?.includes('PFC-MSA-2025-07'), 'the front matter from the properties');
  });

  it('takes a YAML block at the start of a document as its facts, and numbers its paragraphs too', async () => {
    const lines = [
      '---',
      'kind: dunning-letter',
      'stage: reminder',
      'date: 2026-11-20',
      'language: en',
      '---',
      'Dear Mr. Zhou,',
      'Invoice HVW-2026-1187 remains unpaid.',
    ];
    const bytes = await Packer.pack(new Document({ sections: [{ children: lines.map((t) => new Paragraph({ text: t })) }] }), 'uint8array');
    const reading = await readDocx(bytes);
    assert.equal(reading.yamlBlock?.yaml, 'kind: dunning-letter\nstage: reminder\ndate: 2026-11-20\nlanguage: en');
    assert.deepEqual(reading.yamlBlock?.lineParagraphs, [2, 3, 4, 5]);
    assert.equal(reading.markdown, 'Dear Mr. Zhou,\n\nInvoice HVW-2026-1187 remains unpaid.\n');
    assert.deepEqual(
      reading.paragraphs.map((p) => p.number),
      [7, 8],
    );
    const letter = docxLetter(reading);
    assert.equal(letter.origin, 'yaml-block');
    const missing = lint(letter.text, { config }).find((f) => f.ruleId === 'required-facts');
    assert.ok(missing, 'the facts are read: required facts are missing');
    assert.equal(letter.locate(missing).paragraph !== undefined, true);
  });

  it('escapes what would turn into Markdown, and leaves placeholders in brackets as written', async () => {
    const bytes = await Packer.pack(
      new Document({ sections: [{ children: ['# not a heading', '- not a list', 'Smith_Jones *Ltd*, Dear [NAME]'].map((t) => new Paragraph({ text: t })) }] }),
      'uint8array',
    );
    const { markdown } = await readDocx(bytes);
    assert.equal(markdown, '\\# not a heading\n\n\\- not a list\n\nSmith\\_Jones \\*Ltd\\*, Dear [NAME]\n');
  });

  it('prefers --facts, then the YAML block, then the properties, then the case file', async () => {
    const reading = await readDocx(await buildDocx(buildExportDocument(STATEMENT)));
    const factsFile = { name: 'facts.yaml', text: 'kind: dunning-letter\n' };
    const caseFiles = [{ name: 'case.yaml', text: 'kind: call-summary\n' }];
    assert.equal(docxLetter(reading, { factsFile, caseFiles }).origin, 'facts-file');
    assert.equal(docxLetter(reading, { caseFiles }).origin, 'properties');
    assert.equal(docxLetter({ ...reading, propertiesYaml: undefined }, { caseFiles }).origin, 'case-file');
    assert.equal(docxLetter({ ...reading, propertiesYaml: undefined }).origin, 'none');
  });
});

describe('round trip: export to .docx, lint the .docx — the same findings as the Markdown', () => {
  const letters: { name: string; text: string }[] = [];
  for (const template of listTemplates()) {
    const example = path.join(ROOT, 'templates', template.id, 'example.yaml');
    if (!fs.existsSync(example)) continue;
    const result = renderTemplate(template.id, parseYaml(fs.readFileSync(example, 'utf8')));
    if (result.ok) letters.push({ name: `template ${template.id}`, text: result.text });
  }
  for (const file of fs.readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.md')))
    letters.push({ name: `examples/${file}`, text: readRepoFile('examples', file) });
  letters.push({ name: 'statement with a table', text: STATEMENT });

  it("covers every template's example and the example letters", () => {
    assert.ok(letters.length >= listTemplates().length + 7, `${letters.length} letters`);
  });

  for (const { name, text } of letters) {
    it(name, async () => {
      const expected = lint(text, { config }).map(key).sort();
      // a document whose text states payments (a settlement confirmation) is checked with its facts file:
      // the document's properties never carry payments
      const front = text.slice(4, text.indexOf('\n---\n'));
      const factsFile = /^payments:/m.test(front) ? { name: 'facts.yaml', text: front } : undefined;
      for (const layout of ['sequence', 'columns'] as const) {
        const reading = await readDocx(await buildDocx(buildExportDocument(text), { layout }));
        const letter = docxLetter(reading, factsFile ? { factsFile } : {});
        assert.equal(letter.origin, factsFile ? 'facts-file' : 'properties');
        // the approval record stays inside (an export carries only what the letter states), so the
        // Word letter read back has none: its approval finding is the one difference allowed
        const findings = lint(letter.text, { config });
        assert.deepEqual(
          findings
            .filter((f) => f.ruleId !== 'approval' || !/^approval:/m.test(front))
            .map(key)
            .sort(),
          expected,
          layout,
        );
        for (const f of findings) {
          const at = letter.locate(f);
          if (at.paragraph !== null) assert.ok(at.paragraph >= 1 && at.quote.length > 0, `${f.ruleId} has a paragraph`);
        }
      }
    });
  }

  it('names the paragraph of each finding in a faulty letter, and the facts for one in the front matter', async () => {
    const text = readRepoFile('examples/with-mistakes.md');
    const letter = docxLetter(await readDocx(await buildDocx(buildExportDocument(text))));
    const findings = lint(letter.text, { config });
    const threat = findings.find((f) => f.ruleId === 'no-threat')!;
    const at = letter.locate(threat);
    assert.ok(at.paragraph !== null && at.paragraph > 1);
    assert.match(at.quote, /find your family/);
    const deadline = findings.find((f) => f.ruleId === 'deadline-after-date')!;
    assert.equal(letter.locate(deadline).paragraph, null);
  });
});

describe('export settings in .dunmarkrc.json', () => {
  it('reads `letterhead` (a .docx) and `fonts`, and names what is wrong', async () => {
    const { parseConfig } = await import('../../src/core/config/index.js');
    const ok = parseConfig('{ "letterhead": "brand/letterhead.docx", "fonts": { "latin": "Georgia", "eastAsian": "Microsoft YaHei" } }', 'x');
    assert.deepEqual(ok, { ok: true, config: { letterhead: 'brand/letterhead.docx', fonts: { latin: 'Georgia', eastAsian: 'Microsoft YaHei' } } });
    const bad = (text: string): string => {
      const r = parseConfig(text, 'x');
      assert.ok(!r.ok);
      return r.error.message;
    };
    assert.equal(bad('{ "letterhead": "letterhead.pdf" }'), 'Unexpected `"letterhead.pdf"` for `letterhead`, expected the path of a .docx file');
    assert.equal(bad('{ "fonts": { "chinese": "SimSun" } }'), 'Unexpected key `fonts.chinese`, expected `fonts.latin` or `fonts.eastAsian` with a font name');
    assert.equal(bad('{ "fonts": { "latin": "" } }'), 'Unexpected `""`, expected `fonts.latin` or `fonts.eastAsian` with a font name');
  });
});
