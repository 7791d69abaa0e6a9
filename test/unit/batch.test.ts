// Batch drafting from an accounts-receivable aging report: one letter per debtor; a debtor whose
// row does not satisfy the template is reported by row, column and fact, and the others are written.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { cleanup, ensureBuilt, run, tempDir } from './cli-helpers.js';
import { ROOT } from './helpers.js';
import { writeXlsx } from './xlsx.js';

const MAP = fs.readFileSync(path.join(ROOT, 'examples/aging/ar-aging-detail.map.json'), 'utf8');
const CSV = fs.readFileSync(path.join(ROOT, 'examples/aging/ar-aging-detail.csv'), 'utf8');
// Foshan's row lost its amount and has a date the mapping's US order cannot read
const BAD = CSV.replace('HVW-2026-0977,08/01/2026,08/31/2026,"3,180.50"', 'HVW-2026-0977,08/01/2026,31/08/2026,"n/a"');

describe('render from an aging report', () => {
  before(ensureBuilt);
  after(cleanup);

  it('drafts the sample ERP export: one reminder per debtor, invoices gathered, amounts added up', () => {
    const dir = tempDir({ 'aging.csv': CSV, 'aging.map.json': MAP });
    const r = run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'out'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, 'wrote 3 files to out (3 debtors in aging.csv)\n');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).sort(), [
      'foshan-meiya-ceramics-co-ltd.md',
      'ningbo-lianhe-industrial-co-ltd.md',
      'xiamen-coastal-machinery-co-ltd.md',
    ]);
    const ningbo = fs.readFileSync(path.join(dir, 'out/ningbo-lianhe-industrial-co-ltd.md'), 'utf8');
    assert.match(ningbo, /^amount: 18400$/m);
    assert.match(ningbo, /^due_date: 2026-10-15$/m);
    assert.match(ningbo, /HVW-2026-1187[\s\S]*HVW-2026-1203/);
    const lint = run(['lint', 'out'], dir, {});
    assert.doesNotMatch(lint.stdout, /required-facts|fact-types|invoice-total/, 'the letters carry every fact, right');
  });

  it('a CSV with a bad row writes the good letters and reports the bad row by row, column and fact', () => {
    const dir = tempDir({ 'aging.csv': BAD, 'aging.map.json': MAP });
    const r = run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'out'], dir);
    assert.equal(r.status, 1);
    assert.equal(
      r.stderr,
      [
        'dunmark: aging.csv: row 5, column `Due Date`: due_date: Unexpected `31/08/2026`, expected a date such as 2026-10-15',
        'dunmark: aging.csv: row 5, column `Open Balance`: invoices.0.amount: Unexpected `n/a`, expected an amount such as 18400.00',
        '',
      ].join('\n'),
    );
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).sort(), ['ningbo-lianhe-industrial-co-ltd.md', 'xiamen-coastal-machinery-co-ltd.md']);
  });

  it('an XLSX with a bad row too: a missing fact the template needs is named with its column', () => {
    const rows: (string | number)[][] = [
      ['Customer ID', 'Customer', 'Contact', 'Country', 'Num', 'Date', 'Due Date', 'Open Balance', 'Currency'],
      ['C-1', 'Dalian Bayside Foods Co., Ltd.', 'Ms. Sun Qing', 'CN', 'INV-1', '10/01/2026', '10/31/2026', 5400, 'USD'],
      ['C-2', 'Wuxi Lakeside Electric Co., Ltd.', '', 'CN', 'INV-2', '10/03/2026', '11/02/2026', 1250.75, 'USD'],
    ];
    const dir = tempDir({ 'aging.map.json': MAP });
    fs.writeFileSync(path.join(dir, 'aging.xlsx'), writeXlsx(rows));
    const r = run(['render', 'reminder-en', '--facts', 'aging.xlsx', '--out-dir', 'out'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^dunmark: aging\.xlsx: row 3, column `Contact`: debtor\.contact: Missing fact `debtor\.contact`/);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')), ['dalian-bayside-foods-co-ltd.md']);
    assert.match(fs.readFileSync(path.join(dir, 'out/dalian-bayside-foods-co-ltd.md'), 'utf8'), /USD 5,400\.00/);
  });

  it('writes a case folder per debtor with --case-folders, and overwrites nothing without --force', () => {
    const dir = tempDir({ 'aging.csv': CSV, 'aging.map.json': MAP });
    const r = run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'cases', '--case-folders'], dir);
    assert.equal(r.status, 0, r.stderr);
    const letter = fs.readFileSync(path.join(dir, 'cases/xiamen-coastal-machinery-co-ltd/2026-11-25-reminder.md'), 'utf8');
    assert.match(letter, /^---\nkind: dunning-letter\nstage: reminder\nlanguage: en\ndate: 2026-11-25\n---\n/);
    assert.match(fs.readFileSync(path.join(dir, 'cases/xiamen-coastal-machinery-co-ltd/case.yaml'), 'utf8'), /^amount: 7250$/m);
    const portfolio = run(['cases', 'cases', '--as-of', '2026-11-25', '--format', 'csv'], dir);
    assert.equal(portfolio.stdout.split('\r\n').length, 5, 'three cases');
    fs.writeFileSync(path.join(dir, 'cases/xiamen-coastal-machinery-co-ltd/2026-11-25-reminder.md'), 'mine\n');
    const again = run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'cases', '--case-folders'], dir);
    assert.equal(again.status, 1);
    assert.match(again.stderr, /xiamen-coastal-machinery-co-ltd\/2026-11-25-reminder\.md: file exists; refusing to overwrite it \(use --force\)/);
    assert.equal(fs.readFileSync(path.join(dir, 'cases/xiamen-coastal-machinery-co-ltd/2026-11-25-reminder.md'), 'utf8'), 'mine\n');
    assert.equal(run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'cases', '--case-folders', '--force'], dir).status, 0);
  });

  it('renders a letter with --facts into a case folder as --case-folders does: the case file gives the rest', () => {
    const dir = tempDir({ 'aging.csv': CSV, 'aging.map.json': MAP, 'own.yaml': 'date: 2026-11-25\n' });
    assert.equal(run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'cases', '--case-folders'], dir).status, 0);
    const folder = 'cases/xiamen-coastal-machinery-co-ltd';
    const batch = fs.readFileSync(path.join(dir, folder, '2026-11-25-reminder.md'), 'utf8');
    // only the letter's own facts: without its case file the template would miss the debtor, the amount and the invoices
    const r = run(['render', 'reminder-en', '--facts', 'own.yaml', '--out', `${folder}/again.md`], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(fs.readFileSync(path.join(dir, folder, 'again.md'), 'utf8'), batch, 'the same letter, its front matter its own facts only');
    const outside = run(['render', 'reminder-en', '--facts', 'own.yaml', '--out', 'again.md'], dir);
    assert.equal(outside.status, 1, 'outside the case folder the facts are missing');
    assert.match(outside.stderr, /^dunmark: own\.yaml: .*Missing fact/m);
    fs.writeFileSync(path.join(dir, folder, 'case.yaml'), 'amount: [\n');
    const broken = run(['render', 'reminder-en', '--facts', 'own.yaml', '--out', `${folder}/third.md`], dir);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^dunmark: cases\/xiamen-coastal-machinery-co-ltd\/case\.yaml/);
    assert.ok(!fs.existsSync(path.join(dir, folder, 'third.md')), 'nothing written');
  });

  it('says what is wrong with the mapping file or the report in one line, exit 2', () => {
    const dir = tempDir({ 'aging.csv': CSV, 'map.json': '{"columns": {"Customer": "debtor.nam"}}', 'broken.csv': 'a,"b\n' });
    assert.match(
      run(['render', 'reminder-en', '--facts', 'aging.csv', '--map', 'map.json', '--out-dir', 'o'], dir).stderr,
      /^dunmark: map\.json: unexpected fact `debtor\.nam` for column `Customer`, expected a fact of the facts contract/,
    );
    assert.match(
      run(['render', 'reminder-en', '--facts', 'aging.csv', '--out-dir', 'o'], dir).stderr,
      /^dunmark: aging\.map\.json: cannot read the mapping file \(no such file; give --map MAP\.json\)\n$/,
    );
    fs.writeFileSync(path.join(dir, 'broken.map.json'), MAP);
    const broken = run(['render', 'reminder-en', '--facts', 'broken.csv', '--out-dir', 'o'], dir);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /^dunmark: broken\.csv(:\d+)?: cannot parse CSV/);
  });
});
