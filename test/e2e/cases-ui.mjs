#!/usr/bin/env node
// The Cases view in a real editor, as a person uses it: install the .vsix into a fresh code-server,
// open a workspace of three case folders, find "Dunmark Cases" in the Explorer with its badge, see
// each case under the right group (overdue now / this week / later), then hover the overdue case
// and click its "Draft Next Letter" button: the next letter opens, written into the case folder
// with a minimal front matter, and lints with the case's facts.
//
//   node test/e2e/cases-ui.mjs --extension . --workspace examples/cases [--vsix x.vsix] [--screenshot png]
import fs from 'node:fs';
import path from 'node:path';
import { finishRun, locateInstall, log, makeRunWithWorkspace, parseArgs, runFromPalette } from './lib.mjs';
import { openWorkbench } from './workbench.mjs';

const started = Date.now();
const args = parseArgs(process.argv.slice(2), { extension: 'value', vsix: 'value', workspace: 'value', screenshot: 'value', timeout: 'value' });
if (!(args.extension || args.vsix) || !args.workspace) {
  console.error('usage: node test/e2e/cases-ui.mjs --extension <dir>|--vsix <file> --workspace <folder> [--screenshot png]');
  process.exit(2);
}
const stepTimeout = Number(args.timeout ?? 90) * 1000;
const screenshot = path.resolve(args.screenshot ?? 'out/e2e/cases-ui.png');

let code = 1;
let page;
let runDir;
let passed = 0;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] CASES UI FAILED: ${error.stack || error}`);
  console.log(`cases-ui: ${passed} passed, 1 failed`);
  if (page) await page.screenshot({ path: screenshot.replace(/\.png$/, '.failed.png') }).catch(() => {});
} finally {
  await finishRun('cases-ui', code, runDir, started);
}
process.exit(code);

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'cases-ui', path.resolve(args.workspace));
  runDir = run.dir;
  const { workspace } = run;
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });

  // the view is a section of the Explorer; the extension activates on a workspace with a case.yaml
  const header = page.locator('.pane-header', { hasText: 'Dunmark Cases' }).first();
  await header.waitFor();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  const pane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Dunmark Cases' }) }).first();
  const row = (text) => pane.locator('.monaco-list-row', { hasText: text }).first();
  await row('Overdue now (1)').waitFor();
  log('Cases view shows its groups');

  // groups in order, each case under its own: rows come in tree order, so a case follows its group
  const expected = [
    ['Overdue now (1)', 'Ningbo Lianhe Industrial'],
    ['This week (1)', 'Xiamen Coastal Machinery'],
    ['Later (1)', 'Qingdao Haixin Packaging'],
  ];
  await row(expected[2][1]).waitFor();
  const labels = (await pane.locator('.monaco-list-row').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  const at = (text) => labels.findIndex((l) => l.includes(text));
  for (const [group, debtor] of expected) {
    if (at(group) === -1 || at(debtor) !== at(group) + 1) throw new Error(`expected ${debtor} right under ${group}; the view shows: ${labels.join(' | ')}`);
  }
  if (!labels[at('Ningbo')].includes('final demand · 18 Nov')) throw new Error(`the overdue case should say its next action: ${labels[at('Ningbo')]}`);
  passed++;
  console.log('ok   the Cases view groups three cases: overdue now, this week, later');

  // the badge on the Explorer counts the action due
  const badge = page
    .locator('.activitybar .action-item:has(.codicon-explorer-view-icon) .badge-content, .activitybar [aria-label^="Explorer"] ~ .badge .badge-content')
    .first();
  await badge.waitFor();
  const count = (await badge.innerText()).trim();
  if (count !== '1') throw new Error(`expected the badge to count 1 action due, it shows ${count}`);
  passed++;
  console.log('ok   the badge counts the action due');

  // Close Case from the Command Palette, as "Paid" while money is still owed: asked first; cancelled, nothing changes
  const caseFile = path.join(workspace, 'qingdao-haixin', 'case.yaml');
  const before = fs.readFileSync(caseFile, 'utf8');
  const quickInput = page.locator('.quick-input-widget');
  const choose = async (text) => {
    await quickInput.locator('.monaco-list-row', { hasText: text }).first().waitFor();
    await page.keyboard.type(text);
    await quickInput.locator('.monaco-list-row.focused', { hasText: text }).first().waitFor();
    await page.keyboard.press('Enter');
  };
  await runFromPalette(page, 'Dunmark: Close Case');
  await choose('Qingdao');
  await choose('Paid');
  const dialog = page.locator('.monaco-dialog-box', { hasText: 'still shows' }).first();
  await dialog.waitFor();
  await dialog.locator('.monaco-button', { hasText: 'Cancel' }).first().click();
  await dialog.waitFor({ state: 'detached' });
  if (fs.readFileSync(caseFile, 'utf8') !== before) throw new Error('Close Case changed case.yaml although the person cancelled');
  passed++;
  console.log('ok   Close Case as "Paid" with money still owed asks first, and cancelling leaves case.yaml as it was');

  // hover the overdue case and click its inline "Draft Next Letter" button
  const ningbo = row('Ningbo Lianhe Industrial');
  await ningbo.hover();
  await ningbo.locator('.action-label[aria-label="Draft Next Letter"]').click();
  // every template of the stage is offered, the case's language first: Enter takes it
  await quickInput.locator('.quick-input-title', { hasText: 'Draft Next Letter' }).first().waitFor();
  await quickInput.locator('.monaco-list-row.focused').first().waitFor();
  await page.keyboard.press('Enter');
  // the facts form of the next stage opens with the case's facts: the person checks them and presses the button
  const form = page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
  await form.locator('main[data-dunmark-form] form').waitFor();
  await form.locator('body[data-checking="false"]').waitFor();
  const debtorName = await form.locator('[data-path="debtor.name"]').inputValue();
  if (debtorName !== 'Ningbo Lianhe Industrial Co., Ltd.') throw new Error(`the form did not open with the case's debtor: ${debtorName}`);
  await form.locator('body[data-valid="true"]').waitFor();
  passed++;
  console.log("ok   Draft Next Letter opened the facts form with the case's facts");
  await form.locator('#render').click();
  const name = '2026-11-25-final-demand.md';
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor();
  const file = path.join(workspace, 'ningbo-lianhe', name);
  if (!fs.existsSync(file)) throw new Error(`${file} was not written`);
  const text = fs.readFileSync(file, 'utf8');
  const front = text.slice(0, text.indexOf('\n---\n', 4));
  for (const line of ['kind: dunning-letter', 'stage: final-demand', 'language: en+zh-CN', 'date: 2026-11-25', 'deadline: 2026-12-09']) {
    if (!front.includes(line)) throw new Error(`the front matter lacks \`${line}\`:\n${front}`);
  }
  if (front.includes('debtor:') || front.includes('invoices:')) throw new Error(`the front matter repeats the case file:\n${front}`);
  if (!text.includes('宁波联合实业有限公司') || !text.includes('USD 18,400.00')) throw new Error("the letter was not drafted from the case's facts");
  // the new letter is linted with the case's facts: nothing is missing from it
  await page.locator('.editor-instance .view-lines', { hasText: 'final-demand' }).first().waitFor();
  passed++;
  console.log(`ok   Draft Next Letter wrote ${name} in the case folder with a minimal front matter`);
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  console.log(`cases-ui: ${passed} passed, 0 failed`);
  return 0;
}
