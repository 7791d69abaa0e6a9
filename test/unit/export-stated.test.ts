// What leaves Dunmark carries only what the letter states (issue 22 item 1): a case letter exported
// to Word holds in docProps/custom.xml its date, parties, amount, invoices and deadline, never the
// case file's events, payments, promises, disputes, notes or outcome; the properties can be turned off.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parse as parseYaml } from 'yaml';
import { caseFacts } from '../../src/core/cases/case-file.js';
import { buildDocx } from '../../src/core/export/docx.js';
import { buildExportDocument } from '../../src/core/export/model.js';
import { factsFromProperties, readCustomProperties, statedFacts } from '../../src/core/export/package.js';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';

// an e-mail-style credit controller's case file, with everything a case file keeps for the creditor alone
const CASE = `creditor: { name: Pinebrook Hydraulics Inc., country: US, contact: Ray Okafor, email: ar@pinebrook.example }
debtor: { name: Foshan Jiahe Machinery Co., Ltd., name_zh: 佛山嘉禾机械有限公司, country: CN, contact: Mr. Liang Wei }
amount: 16770.50
currency: USD
invoices:
  - { number: PBH-5512, date: 2026-09-02, amount: 20120.50 }
  - { number: PBH-5540, date: 2026-09-16, amount: 11650.00 }
due_date: 2026-10-16
next_step: arbitration
contract: { reference: PBH-SC-2026-09, governing_law: PRC, arbitration: CIETAC }
events:
  - date: 2026-11-20
    type: call
    with: Mr. Liang Wei
    note: said their cash is tight until Chinese New Year; bank loan renewal pending
payments:
  - { date: 2026-11-25, amount: 15000.00, reference: FT2633019884 }
commitments:
  - { what: Pay the balance, by: 2027-01-15, amount: 16770.50, date: 2026-11-20 }
disputes:
  - { date: 2026-11-20, invoice: PBH-5540, note: two pumps arrived with cracked housings, resolved: 2026-11-24 }
closed: { date: 2027-01-20, outcome: settled, note: accepted 90% after CNY }
internal_note: credit insurer notified, policy CI-77812
bank: { name: First Coastal Bank, account_name: Pinebrook Hydraulics Inc., account_number: "9981 2231", swift: FCBKUS6S }
`;

const LETTER = `---
kind: dunning-letter
stage: final-demand
language: en
date: 2026-12-01
deadline: 2026-12-15
---

Mr. Liang,

Thank you for your payment of USD 15,000.00. Invoices PBH-5512 and PBH-5540, due on 16 October 2026, leave USD 16,770.50 unpaid. Please pay it by 15 December 2026. If it is not paid by then, we will commence arbitration before CIETAC under contract PBH-SC-2026-09.

Ray Okafor
Pinebrook Hydraulics Inc.
`;

const INTERNAL = [
  'cash is tight',
  'Chinese New Year',
  'FT2633019884',
  'settled',
  'accepted 90%',
  'CI-77812',
  'credit insurer',
  'cracked housings',
  'Pay the balance',
  '9981 2231',
  'events',
  'payments',
  'commitments',
  'disputes',
  'closed',
  'internal_note',
];

/** The custom properties of a .docx, by name (none: an empty map; the docx library writes the part empty). */
function propertyNames(bytes: Uint8Array): string[] {
  return [...readCustomProperties(unzipSync(bytes)).keys()];
}

function customXml(bytes: Uint8Array): string | undefined {
  const part = unzipSync(bytes)['docProps/custom.xml'];
  return part && strFromU8(part);
}

describe('export: only the facts the letter states leave with it', () => {
  it('a case letter exported to Word holds no internal fact in docProps/custom.xml', async () => {
    const bytes = await buildDocx(buildExportDocument(LETTER, caseFacts([{ name: 'case.yaml', text: CASE }])));
    const xml = customXml(bytes);
    assert.ok(xml, 'the stated facts are there');
    for (const fact of INTERNAL) assert.ok(!xml.includes(fact), `\`${fact}\` must not leave with the letter:\n${xml}`);
    const facts = parseYaml(factsFromProperties(readCustomProperties(unzipSync(bytes)))!) as Record<string, unknown>;
    assert.deepEqual(Object.keys(facts).sort(), [
      'amount',
      'contract',
      'creditor',
      'currency',
      'date',
      'deadline',
      'debtor',
      'due_date',
      'invoices',
      'kind',
      'language',
      'next_step',
      'stage',
    ]);
    assert.equal(facts.amount, 16770.5);
    assert.deepEqual(facts.invoices, [
      { number: 'PBH-5512', date: '2026-09-02', amount: 20120.5 },
      { number: 'PBH-5540', date: '2026-09-16', amount: 11650 },
    ]);
    assert.deepEqual(facts.contract, { reference: 'PBH-SC-2026-09', governing_law: 'PRC', arbitration: 'CIETAC' });
  });

  it("keeps a call summary's own call and promises, never the case file's", () => {
    const own = {
      kind: 'call-summary',
      call: { date: '2026-11-20', with: 'Mr. Liang Wei' },
      commitments: [{ what: 'Pay USD 5,000.00', by: '2026-12-01', amount: 5000 }],
    };
    const merged = { ...(parseYaml(CASE) as Record<string, unknown>), ...own };
    assert.deepEqual(statedFacts(merged, own).commitments, own.commitments);
    assert.equal(statedFacts(merged, { kind: 'dunning-letter' }).commitments, undefined);
  });

  it('writes no custom properties at all when they are turned off', async () => {
    const bytes = await buildDocx(buildExportDocument(LETTER, caseFacts([{ name: 'case.yaml', text: CASE }])), { properties: false });
    assert.deepEqual(propertyNames(bytes), []);
  });

  describe('dunmark export', () => {
    before(ensureBuilt);
    let dir: string;
    beforeEach(() => {
      dir = tempDir({ 'matter/case.yaml': CASE, 'matter/final-demand.md': LETTER, '.dunmarkrc.json': '{ "today": "2026-12-01" }' });
    });
    after(cleanup);

    it('exports a case letter with its stated facts only; --no-properties and documentProperties: false write none', () => {
      const first = run(['export', 'matter/final-demand.md', '--force'], dir);
      assert.equal(first.status, 0, first.stdout + first.stderr);
      const xml = customXml(new Uint8Array(fs.readFileSync(path.join(dir, 'matter/final-demand.docx'))));
      assert.ok(xml?.includes('Foshan Jiahe Machinery'), xml);
      for (const fact of INTERNAL) assert.ok(!xml!.includes(fact), fact);
      const none = run(['export', 'matter/final-demand.md', '--force', '--no-properties', '--out', 'matter/a.docx'], dir);
      assert.equal(none.status, 0, none.stderr);
      assert.deepEqual(propertyNames(new Uint8Array(fs.readFileSync(path.join(dir, 'matter/a.docx')))), []);
      fs.writeFileSync(path.join(dir, '.dunmarkrc.json'), '{ "today": "2026-12-01", "documentProperties": false }');
      const config = run(['export', 'matter/final-demand.md', '--force', '--out', 'matter/b.docx'], dir);
      assert.equal(config.status, 0, config.stderr);
      assert.deepEqual(propertyNames(new Uint8Array(fs.readFileSync(path.join(dir, 'matter/b.docx')))), []);
    });
  });
});

// The PDF is made from the Word document by LibreOffice, which may copy the document's properties into
// the PDF's Info dictionary and XMP metadata: what `pdfinfo` shows of the exported case letter holds
// no internal fact either. Needs LibreOffice and poppler (test/e2e/setup-export.sh installs both;
// `.ci/run` runs it); without them the test is skipped and says why.
describe('export: the PDF of a case letter', () => {
  it('carries no internal fact in its metadata (pdfinfo, its Info dictionary and XMP)', async function () {
    const { findSoffice, convertToPdf } = await import('../../src/node/pdf.js');
    const { spawnSync } = await import('node:child_process');
    const soffice = findSoffice();
    const pdfinfo = spawnSync('pdfinfo', ['-v'], { encoding: 'utf8' });
    if (!soffice || pdfinfo.error) {
      console.log(`      (skipped: ${!soffice ? 'LibreOffice (soffice)' : 'poppler (pdfinfo)'} is not installed; test/e2e/setup-export.sh installs it)`);
      this.skip();
    }
    this.timeout(240_000);
    const docx = await buildDocx(buildExportDocument(LETTER, caseFacts([{ name: 'case.yaml', text: CASE }])));
    const dir = tempDir();
    try {
      const pdf = path.join(dir, 'letter.pdf');
      fs.writeFileSync(pdf, await convertToPdf(docx, { soffice: soffice! }));
      const info = ['-isodates', '-custom', '-meta']
        .map((flag) => spawnSync('pdfinfo', [flag, pdf], { encoding: 'utf8' }))
        .map((r) => (r.status === 0 ? r.stdout : ''))
        .join('\n');
      assert.match(info, /Pages:\s+1/, `pdfinfo read the PDF:\n${info}`);
      for (const fact of INTERNAL) assert.ok(!info.includes(fact), `\`${fact}\` left with the letter in the PDF's metadata:\n${info}`);
    } finally {
      cleanup();
    }
  });
});
