#!/usr/bin/env node
// A reviewer's approval in a real editor, as people use it: install the .vsix into a fresh code-server,
// open a letter before action that waits for approval (the status bar says so), try "Export as E-mail
// Draft" (refused: it needs an approval), run "Dunmark: Approve Letter" from the Command Palette and
// type the reviewer's name when asked (once), see "Approved by …" and export the e-mail draft; then
// edit one figure: the Problems panel shows "changed since approved by …", the status bar says
// "Changed since approval", the export is refused; approve again (no question this time) and export.
//
//   node test/e2e/approval-ui.mjs --extension . --workspace examples [--vsix x.vsix] [--screenshot png]
import fs from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { finishRun, locateInstall, log, makeRunWithWorkspace, openByName, parseArgs, runFromPalette } from './lib.mjs';
import { openWorkbench } from './workbench.mjs';

const started = Date.now();
const args = parseArgs(process.argv.slice(2), { extension: 'value', vsix: 'value', workspace: 'value', screenshot: 'value', timeout: 'value' });
if (!(args.extension || args.vsix) || !args.workspace) {
  console.error('usage: node test/e2e/approval-ui.mjs --extension <dir>|--vsix <file> --workspace <folder> [--screenshot png]');
  process.exit(2);
}
const stepTimeout = Number(args.timeout ?? 90) * 1000;
const screenshot = path.resolve(args.screenshot ?? 'out/e2e/approval-ui.png');
const LETTER = 'lba-to-approve.md';
const EML = 'lba-to-approve.eml';
const REVIEWER = 'Dana Whitfield';

let code = 1;
let page;
let runDir;
let passed = 0;
const ok = (what) => {
  passed++;
  console.log(`ok   ${what}`);
};
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] APPROVAL UI FAILED: ${error.stack || error}`);
  console.log(`approval-ui: ${passed} passed, 1 failed`);
  if (page) await page.screenshot({ path: screenshot.replace(/\.png$/, '.failed.png') }).catch(() => {});
} finally {
  await finishRun('approval-ui', code, runDir, started);
}
process.exit(code);

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'approval-ui', path.resolve(args.workspace));
  runDir = run.dir;
  const { workspace } = run;
  // the example letter before action without its approval: a letter that waits for one
  const source = fs.readFileSync(path.join(workspace, 'letter-before-action-bilingual.md'), 'utf8');
  const unapproved = source.replace(/^approval:\n(?: {2}.*\n)+/m, '');
  if (unapproved === source) throw new Error('the example letter has no approval record to take out');
  fs.writeFileSync(path.join(workspace, LETTER), unapproved);
  const letterFile = path.join(workspace, LETTER);
  const emlFile = path.join(workspace, EML);
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });

  const quickInput = page.locator('.quick-input-widget');
  const status = (text) => page.locator('.statusbar-item', { hasText: text }).first();
  const toast = (text) => page.locator('.notification-toast', { hasText: text }).first();
  const dialog = (text) => page.locator('.monaco-dialog-box', { hasText: text }).first();

  await openByName(page, LETTER);
  await status('Waiting for approval').waitFor();
  ok('a letter before action without an approval: the status bar says "Waiting for approval"');

  // Export as E-mail Draft → no attachment → refused until approved
  const exportEmail = async () => {
    await runFromPalette(page, 'Dunmark: Export as E-mail Draft');
    await quickInput.locator('.monaco-list-row', { hasText: 'No attachment' }).first().click();
  };
  // the pre-flight comes first: refused before anything is asked
  const refusedExport = async (text) => {
    await runFromPalette(page, 'Dunmark: Export as E-mail Draft');
    const box = dialog(text);
    await box.waitFor();
    return box;
  };
  const needs = await refusedExport('needs the approval of a reviewer');
  await page.keyboard.press('Escape');
  await needs.waitFor({ state: 'hidden' });
  if (fs.existsSync(emlFile)) throw new Error('exported a letter that waits for approval');
  ok('Export as E-mail Draft is refused while the letter waits for approval');

  // Approve Letter: the name is asked once (the setting is empty), typed as a person types it
  await runFromPalette(page, 'Dunmark: Approve Letter');
  const nameBox = quickInput.locator('input');
  await quickInput
    .locator('.quick-input-message, .quick-input-title', { hasText: /reviewer|Approve Letter/ })
    .first()
    .waitFor();
  await nameBox.fill('');
  await page.keyboard.type(REVIEWER);
  await page.keyboard.press('Enter');
  await toast(`Approved by ${REVIEWER}.`).waitFor();
  await status(`Approved by ${REVIEWER}`).waitFor();
  const approvedText = fs.readFileSync(letterFile, 'utf8');
  if (!/\napproval:\n {2}by: Dana Whitfield\n/.test(approvedText)) throw new Error(`no approval record on disk:\n${approvedText.slice(0, 1200)}`);
  ok('Approve Letter asks the reviewer\'s name once, records the approval in the letter and saves it; the status bar says "Approved by"');

  await exportEmail();
  await toast(`Exported ${EML}`).waitFor();
  const eml = fs.readFileSync(emlFile, 'latin1');
  if (!/^X-Unsent: 1\r$/m.test(eml) || !/multipart\/alternative/.test(eml)) throw new Error('the .eml is not an unsent multipart draft');
  fs.rmSync(emlFile);
  ok('an approved letter exports as an e-mail draft');

  // edit one figure in the editor: Find/Replace, as a person does
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+H');
  const find = page.locator('.find-widget .find-part textarea, .find-widget .find-part input').first();
  await find.waitFor();
  // the number of valves delivered, in both halves (an amount the facts do not back would be an error of its own)
  await find.fill('240');
  const replace = page.locator('.find-widget .replace-part textarea, .find-widget .replace-part input').first();
  await replace.fill('250');
  await replace.press('Control+Alt+Enter'); // Replace All
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+S');
  await status('Changed since approval').waitFor();
  await page.keyboard.press('Control+Shift+M');
  await page
    .locator('.markers-panel .monaco-list-row', { hasText: `Unexpected change since approved by ${REVIEWER}` })
    .first()
    .waitFor();
  ok('one figure edited: the Problems panel says "changed since approved by", the status bar "Changed since approval"');

  const refused = await refusedExport('Unexpected change since approved by');
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  await page.keyboard.press('Escape');
  await refused.waitFor({ state: 'hidden' });
  if (fs.existsSync(emlFile)) throw new Error('exported a letter changed since its approval');
  ok('the export is refused while the letter has changed since its approval');

  // approve again: the name is not asked a second time
  await runFromPalette(page, 'Dunmark: Approve Letter');
  await page
    .locator('.notification-toast', { hasText: `Approved by ${REVIEWER}.` })
    .last()
    .waitFor();
  await status(`Approved by ${REVIEWER}`).waitFor();
  await exportEmail();
  await toast(`Exported ${EML}`).waitFor();
  const mail = await simpleParser(fs.readFileSync(emlFile));
  if (!mail.text?.includes('250 brass gate valves') || !mail.text.includes('250台')) throw new Error('the draft does not carry the edited figure');
  ok('approved again (without asking the name again), the letter exports');

  console.log(`approval-ui: ${passed} passed, 0 failed`);
  return 0;
}
