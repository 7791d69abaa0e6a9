#!/usr/bin/env node
// A case that remembers, in a real editor, as a credit controller works it (issue 22): on the example
// cases, export a case letter to Word from the Command Palette (its document properties hold no internal
// fact, and the letter is marked sent); record a call with a promise and a payment from the Command
// Palette (the letters before them stay clean); then Draft Next Letter: it neither says "not heard from
// you" nor sets a deadline before the open promise, and its invoice table adds up to the balance.
//
//   node test/e2e/cases-history-ui.mjs --extension . --workspace examples/cases [--vsix x.vsix] [--screenshot png]
import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { finishRun, locateInstall, log, makeRunWithWorkspace, openByName, parseArgs, runFromPalette } from './lib.mjs';
import { openWorkbench } from './workbench.mjs';

const started = Date.now();
const args = parseArgs(process.argv.slice(2), { extension: 'value', vsix: 'value', workspace: 'value', screenshot: 'value', timeout: 'value' });
if (!(args.extension || args.vsix) || !args.workspace) {
  console.error('usage: node test/e2e/cases-history-ui.mjs --extension <dir>|--vsix <file> --workspace <folder> [--screenshot png]');
  process.exit(2);
}
const stepTimeout = Number(args.timeout ?? 90) * 1000;
const screenshot = path.resolve(args.screenshot ?? 'out/e2e/cases-history-ui.png');

let code = 1;
let page;
let runDir;
let passed = 0;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] CASES HISTORY UI FAILED: ${error.stack || error}`);
  console.log(`cases-history-ui: ${passed} passed, 1 failed`);
  if (page) await page.screenshot({ path: screenshot.replace(/\.png$/, '.failed.png') }).catch(() => {});
} finally {
  await finishRun('cases-history-ui', code, runDir, started);
}
process.exit(code);

function ok(what) {
  passed++;
  console.log(`ok   ${what}`);
}

/** The front matter of a Markdown file of the run's workspace. */
function frontMatter(file) {
  const text = fs.readFileSync(file, 'utf8');
  return text.slice(0, text.indexOf('\n---\n', 4) + 5);
}

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'cases-history-ui', path.resolve(args.workspace));
  runDir = run.dir;
  const { workspace } = run;
  const ningbo = path.join(workspace, 'ningbo-lianhe');
  for (const f of fs.readdirSync(ningbo)) if (/\.(docx|pdf)$/.test(f)) fs.rmSync(path.join(ningbo, f));
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });
  const quickInput = page.locator('.quick-input-widget');
  const input = quickInput.locator('input');
  /** Picks a row of the open quick pick by typing its words, as a person filters. */
  const choose = async (text) => {
    await quickInput.locator('.monaco-list-row', { hasText: text }).first().waitFor();
    await page.keyboard.type(text);
    await quickInput.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  /** Answers the open input box: its title shows, the value is replaced by `value` (empty: kept), Enter. */
  const answer = async (title, value) => {
    await quickInput.locator('.quick-input-title', { hasText: title }).first().waitFor();
    if (value !== undefined) {
      await input.press('Control+A');
      await page.keyboard.type(value);
    }
    await page.keyboard.press('Enter');
    await quickInput.locator('.quick-input-title', { hasText: title }).first().waitFor({ state: 'hidden' });
  };
  const toast = (text) => page.locator('.notification-toast', { hasText: text }).first();

  // 1. export a case letter to Word from the Command Palette
  await openByName(page, '2026-11-03-second-reminder.md');
  await page.locator('.editor-actions .action-label[aria-label*="Export to Word / PDF"]').first().waitFor();
  await runFromPalette(page, 'Dunmark: Export to Word / PDF');
  await quickInput.locator('.monaco-list-row', { hasText: 'Word document (.docx)' }).first().click();
  await toast('marked as sent').waitFor();
  const docx = path.join(ningbo, '2026-11-03-second-reminder.docx');
  const custom = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(docx)))['docProps/custom.xml'] ?? new Uint8Array());
  if (!custom.includes('Ningbo Lianhe Industrial')) throw new Error(`the stated facts are missing from the properties:\n${custom}`);
  for (const internal of ['cash is tight', 'Chinese New Year', 'signed for', 'events', 'payments', 'FCBKUS6S', '4417 0093 2285']) {
    if (custom.includes(internal)) throw new Error(`\`${internal}\` left with the letter in docProps/custom.xml:\n${custom}`);
  }
  if (!frontMatter(path.join(ningbo, '2026-11-03-second-reminder.md')).includes('sent: 2026-11-25')) throw new Error('the exported letter is not marked sent');
  ok('Export to Word of a case letter: docProps/custom.xml holds the stated facts and no internal fact; the letter is marked sent');

  // 2. Record Call from the Command Palette: a promise to pay the balance by 15 January 2027
  await runFromPalette(page, 'Dunmark: Record Call');
  await choose('Ningbo');
  await answer('who was on the call');
  await choose('A promise to pay');
  await answer('what amount did they promise', '13400');
  await answer('by which date', '2027-01-15');
  await toast('Recorded the call with Mr. Zhou Peng').waitFor();
  const caseYaml = fs.readFileSync(path.join(ningbo, 'case.yaml'), 'utf8');
  if (!/commitments:[\s\S]*by: 2027-01-15[\s\S]*date: 2026-11-25/.test(caseYaml)) throw new Error(`the promise is not in case.yaml:\n${caseYaml}`);
  // the call summary's form opens for what the case does not say (the payment terms): not needed here, closed by its tab
  const formTab = page.locator('.tabs-container .tab.active', { hasText: 'Call summary' }).first();
  await formTab.waitFor();
  await formTab.locator('.tab-actions .action-label').first().click();
  await formTab.waitFor({ state: 'detached' });
  ok('Record Call from the Command Palette recorded the call and the promise in case.yaml');

  // 3. Record Payment from the Command Palette: USD 5,000.00 received today
  await runFromPalette(page, 'Dunmark: Record Payment');
  await choose('Ningbo');
  await answer('amount received', '5000');
  await answer('date received');
  await answer('bank reference', 'FT2633019884');
  await toast('USD 13,400.00 is still owed').waitFor();
  for (const name of ['2026-10-22-reminder.md', '2026-11-10-call-summary.md']) {
    if (!/\nsent: 2026-1[01]-\d\d\n/.test(frontMatter(path.join(ningbo, name)))) throw new Error(`${name} is not marked sent by Record Payment`);
  }
  // the earlier letter that says "The total outstanding is USD 18,400.00" stays clean: it speaks as of 3 November
  await openByName(page, '2026-11-03-second-reminder.md');
  const status = page.locator('.statusbar-item', { hasText: 'Dunmark: Second reminder' }).first();
  await status.waitFor();
  await status.locator('.codicon-sync').waitFor({ state: 'detached' });
  if (await status.locator('.codicon-error').count()) throw new Error(`the earlier letter shows errors after Record Payment: ${await status.innerText()}`);
  ok('Record Payment from the Command Palette: the letters before it are marked sent and stay clean');

  // 4. Draft Next Letter from the Command Palette: the final demand knows the call and the payment
  await runFromPalette(page, 'Dunmark: Draft Next Letter');
  await choose('Ningbo');
  // every template of the stage is offered (the language is a filter, not a wall), the case's first: Enter takes it
  await quickInput.locator('.quick-input-title', { hasText: 'Draft Next Letter' }).first().waitFor();
  await quickInput.locator('.monaco-list-row', { hasText: 'other languages' }).first().waitFor();
  await quickInput.locator('.monaco-list-row.focused', { hasText: 'English' }).first().waitFor();
  await page.keyboard.press('Enter');
  const form = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await form.locator('main[data-dunmark-form] form').waitFor();
  await form.locator('body[data-valid="true"]').waitFor();
  await form.locator('#render').click();
  const name = '2026-11-25-final-demand.md';
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor();
  const text = fs.readFileSync(path.join(ningbo, name), 'utf8');
  if (/heard from you/i.test(text)) throw new Error(`the next letter says it has not heard from the debtor:\n${text}`);
  const deadline = /\ndeadline: (\d{4}-\d\d-\d\d)\n/.exec(frontMatter(path.join(ningbo, name)))?.[1];
  if (!deadline || deadline < '2027-01-15') throw new Error(`the deadline ${deadline} comes before the open promise of 15 January 2027`);
  for (const line of [
    '| HVW-2026-1187 | 15 September 2026 | USD 18,400.00 | USD 5,000.00 | USD 13,400.00 |',
    '| **Total** |  | USD 18,400.00 | USD 5,000.00 | **USD 13,400.00** |',
    'We now formally demand payment of **USD 13,400.00**',
  ]) {
    if (!text.includes(line)) throw new Error(`the next letter lacks \`${line}\`:\n${text}`);
  }
  ok(`Draft Next Letter after a call and a payment: no "not heard from you", deadline ${deadline}, an invoice table that adds up`);
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  log(`screenshot ${screenshot}`);
  console.log(`cases-history-ui: ${passed} passed, 0 failed`);
  return 0;
}
