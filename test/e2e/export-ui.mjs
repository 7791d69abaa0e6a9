#!/usr/bin/env node
// Export in a real editor, as a person does it: install the .vsix into a fresh code-server, open the
// example letter with Ctrl+P, run "Dunmark: Export to Word / PDF" from the Command Palette, pick Word,
// wait for the notification and find the .docx on disk; then the PDF from the editor title button;
// then a letter with errors: they are shown in the Problems panel and "Export anyway" writes it.
//
//   node test/e2e/export-ui.mjs --extension . --workspace examples --file letter-before-action-bilingual.md [--vsix x.vsix]
import fs from 'node:fs';
import path from 'node:path';
import { finishRun, locateInstall, log, makeRunWithWorkspace, openByName, parseArgs, runFromPalette } from './lib.mjs';
import { openWorkbench } from './workbench.mjs';

const started = Date.now();
const args = parseArgs(process.argv.slice(2), { extension: 'value', vsix: 'value', workspace: 'value', file: 'value', screenshot: 'value', timeout: 'value' });
if (!(args.extension || args.vsix) || !args.workspace || !args.file) {
  console.error('usage: node test/e2e/export-ui.mjs --extension <dir>|--vsix <file> --workspace <folder> --file <letter.md> [--screenshot png]');
  process.exit(2);
}
const COMMAND = 'Dunmark: Export to Word / PDF';
const stepTimeout = Number(args.timeout ?? 90) * 1000;
const screenshot = path.resolve(args.screenshot ?? 'out/e2e/export-ui.png');

let code = 1;
let page;
let runDir;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] EXPORT UI FAILED: ${error.stack || error}`);
  console.log('export-ui: 0 passed, 1 failed');
  if (page) await page.screenshot({ path: screenshot.replace(/\.png$/, '.failed.png') }).catch(() => {});
} finally {
  await finishRun('export-ui', code, runDir, started);
}
process.exit(code);

/** The file the export wrote: the notification comes after the rename, so it is there when it shows. */
function written(file, what) {
  if (!fs.existsSync(file)) throw new Error(`${what} ${file} is not there after the notification`);
  return fs.readFileSync(file);
}

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'export-ui', path.resolve(args.workspace));
  runDir = run.dir;
  const { workspace } = run;
  // what an earlier export left in the source folder (ignored by git) is not this run's
  for (const f of fs.readdirSync(workspace)) if (/\.(docx|pdf)$/.test(f)) fs.rmSync(path.join(workspace, f));
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });

  // Ctrl+P → the letter
  const quickInput = page.locator('.quick-input-widget');
  await openByName(page, args.file);
  log(`opened ${args.file}`);
  // the export button in the editor title shows once the extension has looked at the letter:
  // before that the palette would be opened without the command
  const button = page.locator('.editor-actions .action-label[aria-label*="Export to Word / PDF"]').first();
  await button.waitFor();

  // F1 → Dunmark: Export to Word / PDF → Word
  await runFromPalette(page, COMMAND);
  await quickInput.locator('.monaco-list-row', { hasText: 'Word document (.docx)' }).first().click();
  const docxName = args.file.replace(/\.md$/, '.docx');
  await page
    .locator('.notification-toast', { hasText: `Exported ${docxName}` })
    .first()
    .waitFor();
  const docx = written(path.join(workspace, docxName), 'the Word document');
  if (docx.subarray(0, 2).toString('latin1') !== 'PK') throw new Error(`${docxName} is not a zip`);
  if (!docx.includes(Buffer.from('word/document.xml'))) throw new Error(`${docxName} has no word/document.xml`);
  log(`${docxName}: ${docx.length} bytes`);
  console.log(`ok   ${COMMAND} from the Command Palette wrote ${docxName}`);

  // the editor title button of a Dunmark document → PDF (through LibreOffice beside the extension host)
  await button.click();
  await quickInput.locator('.monaco-list-row', { hasText: 'PDF' }).first().waitFor();
  await quickInput.locator('.monaco-list-row', { hasText: 'PDF' }).first().click();
  const pdfName = args.file.replace(/\.md$/, '.pdf');
  await page
    .locator('.notification-toast', { hasText: `Exported ${pdfName}` })
    .first()
    .waitFor();
  const pdf = written(path.join(workspace, pdfName), 'the PDF');
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error(`${pdfName} is not a PDF`);
  log(`${pdfName}: ${pdf.length} bytes`);
  console.log(`ok   the editor title button wrote ${pdfName}`);
  // a letter with errors: the export shows them and offers to go ahead
  await openByName(page, 'with-mistakes.md');
  await button.waitFor();
  await runFromPalette(page, COMMAND);
  await quickInput.locator('.monaco-list-row', { hasText: 'Word document (.docx)' }).first().click();
  const warning = page.locator('.monaco-dialog-box', { hasText: 'errors that would go out with it' }).first();
  await warning.waitFor();
  await page.locator('.markers-panel .monaco-list-row', { hasText: 'find your family' }).first().waitFor();
  if (fs.existsSync(path.join(workspace, 'with-mistakes.docx'))) throw new Error('exported before the user said so');
  await warning.locator('.monaco-button', { hasText: 'Export anyway' }).click();
  await page.locator('.notification-toast', { hasText: 'Exported with-mistakes.docx' }).first().waitFor();
  written(path.join(workspace, 'with-mistakes.docx'), 'the Word document of the faulty letter');
  console.log('ok   a letter with errors: they are shown, and "Export anyway" writes it');
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  const leftovers = fs.readdirSync(workspace).filter((f) => f.endsWith('.partial'));
  if (leftovers.length) throw new Error(`half-written files left: ${leftovers.join(', ')}`);
  console.log('export-ui: 3 passed, 0 failed');
  return 0;
}
