#!/usr/bin/env node
// End to end, as a user runs it: `dunmark export --to pdf` through the real LibreOffice on the
// bilingual final demand (rendered from its template) and on examples/letter-before-action-bilingual.md;
// pdftotext must find every English and Chinese sentence and every amount of each letter, and
// pdftoppm renders page 1 of the letter before action — the picture docs/export.md shows.
//
//   node test/e2e/export-pdf.mjs [--png out/e2e/export-letter-before-action.png]
// (test/e2e/run.sh runs it after setup-export.sh; DUNMARK_UPDATE_SCREENSHOT=1 writes docs/images/.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.mjs');
const args = process.argv.slice(2);
const png = path.resolve(
  args[args.indexOf('--png') + 1] && args.includes('--png') ? args[args.indexOf('--png') + 1] : path.join(root, 'out/e2e/export-letter-before-action.png'),
);
const log = (...a) => console.error('[export-pdf]', ...a);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-export-e2e-'));
let passed = 0;
let failed = 0;
const check = (name, ok, detail = '') => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail}`}`);
};

/** The sentences of a letter's body: Markdown marks taken off, cut after . 。 ； ： and line breaks. */
function sentences(markdown) {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*(#+|[-*]|\d+\.|>)\s+/, '')
        .replace(/\\$/, '')
        .replace(/\*\*|\*|`/g, '')
        .replace(/\\([!-/:-@[-`{-~])/g, '$1')
        .trim(),
    )
    .filter((line) => line && line !== '---')
    .flatMap((line) => line.split(/(?<=[.。；;：])\s*(?=\S)/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

const AMOUNT = /(?:USD|美元)\s*[\d,]+\.\d{2}(?:\s*元)?|[\d,]+\.\d{2}\s*美元|美元[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+/gu;
const compact = (s) => s.replace(/\s+/g, '');

/** The text of a PDF with the running header and the page footer taken out, whitespace removed (-raw: in
 * the order it was laid out, a hyphen that ends a line kept, as in 0012-3345-6789). */
function pdfText(pdf) {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))[1]);
  let text = compact(execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }));
  text = text.replace(/Page\d+of\d+\/第\d+页，共\d+页/g, '');
  if (pages > 1) {
    // the header of the following pages cuts a sentence that runs over the page
    const header = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', '-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.trim());
    if (header) text = text.split(compact(header)).join('');
  }
  return { text, pages };
}

function exportPdf(name, letter) {
  const pdf = path.join(work, `${name}.pdf`);
  const started = Date.now();
  const out = execFileSync(process.execPath, [cli, 'export', letter, '--to', 'pdf', '--out', pdf], { cwd: work, encoding: 'utf8' });
  log(`${name}: ${out.trim()} in ${Date.now() - started} ms`);
  return pdf;
}

function checkLetter(name, markdown, pdf) {
  const { text, pages } = pdfText(pdf);
  log(`${name}: ${pages} page(s), ${text.length} characters of text`);
  const all = sentences(markdown);
  const missing = all.filter((s) => !text.includes(compact(s)));
  check(`${name}: every sentence is in the PDF (${all.length}, English and Chinese)`, missing.length === 0, `missing: ${JSON.stringify(missing.slice(0, 5))}`);
  check(
    `${name}: the Chinese sentences are there (${all.filter((s) => /[\u4e00-\u9fff]{4}/.test(s)).length})`,
    all.filter((s) => /[\u4e00-\u9fff]{4}/.test(s)).length > 3,
  );
  const amounts = [...new Set(markdown.replace(/^---\n[\s\S]*?\n---\n/, '').match(AMOUNT) ?? [])];
  const lost = amounts.filter((a) => !text.includes(compact(a)));
  check(`${name}: every amount is in the PDF (${amounts.length})`, amounts.length >= 4 && lost.length === 0, `missing: ${JSON.stringify(lost)}`);
  check(`${name}: no front matter in the PDF`, !/kind:dunning-letter|due_date:/.test(text));
}

try {
  fs.writeFileSync(path.join(work, '.dunmarkrc.json'), '{ "today": "2026-11-06" }\n');
  // the bilingual final demand, as a user drafts it from the template
  const finalDemand = execFileSync(
    process.execPath,
    [cli, 'render', 'final-demand-bilingual', '--facts', path.join(root, 'templates/final-demand-bilingual/example.yaml')],
    { encoding: 'utf8' },
  );
  fs.writeFileSync(path.join(work, 'final-demand.md'), finalDemand);
  checkLetter('final demand (bilingual)', finalDemand, exportPdf('final-demand', 'final-demand.md'));

  const lbaText = fs.readFileSync(path.join(root, 'examples/letter-before-action-bilingual.md'), 'utf8');
  fs.writeFileSync(path.join(work, '.dunmarkrc.json'), '{ "today": "2026-11-20" }\n');
  fs.writeFileSync(path.join(work, 'letter-before-action-bilingual.md'), lbaText);
  const lba = exportPdf('letter-before-action', 'letter-before-action-bilingual.md');
  checkLetter('letter before action (bilingual)', lbaText, lba);

  fs.mkdirSync(path.dirname(png), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', lba, png.replace(/\.png$/, '')]);
  const size = fs.existsSync(png) ? fs.statSync(png).size : 0;
  check(`page 1 rendered to ${path.relative(root, png)} (${Math.round(size / 1024)} KB)`, size > 20_000);
} catch (error) {
  failed++;
  console.log(`FAIL ${String(error.stderr || error.message || error).trim()}`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
console.log(`export-pdf: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
