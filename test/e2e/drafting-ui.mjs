#!/usr/bin/env node
// Drafting in a real editor, as a person does it: install the .vsix into a fresh code-server, run the
// drafting commands from the Command Palette, fill the facts form (a webview: its fields are reached
// through the browser's frames) by typing and clicking, press its button, and check the document it
// made: no error and no warning in the status bar, and no error notification.
//
//   node test/e2e/drafting-ui.mjs --extension . --workspace examples [--vsix x.vsix] [--screenshots out/e2e]
//
// Scenarios: New Letter from nothing (creditor, debtor, one invoice added as a row), Escalate from
// every example letter, New Call Summary with two commitments, Insert Guarantor Clause into
// with-mistakes.md. Screenshots of the form in English and Chinese go to --screenshots.
import fs from 'node:fs';
import path from 'node:path';
import { finishRun, locateInstall, log, makeRunWithWorkspace, openByName, parseArgs, runFromPalette } from './lib.mjs';
import { openWorkbench } from './workbench.mjs';

const started = Date.now();
const args = parseArgs(process.argv.slice(2), { extension: 'value', vsix: 'value', workspace: 'value', screenshots: 'value', timeout: 'value', only: 'value' });
if (!(args.extension || args.vsix) || !args.workspace) {
  console.error('usage: node test/e2e/drafting-ui.mjs --extension <dir>|--vsix <file> --workspace <folder> [--screenshots dir]');
  process.exit(2);
}
const stepTimeout = Number(args.timeout ?? 90) * 1000;
const shots = path.resolve(args.screenshots ?? 'out/e2e');
const timings = [];
let passed = 0;
let failed = 0;

let page;

/** The facts form's page: the webview's inner frame (webviews are iframes in iframes). */
function formFrame() {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/** Waits for the form of a template to show its first field; returns the frame. */
async function waitForForm(templateId) {
  const frame = formFrame();
  await frame.locator(`main[data-dunmark-form="${templateId}"] form`).waitFor();
  await frame.locator('body[data-checking="false"]').waitFor();
  return frame;
}

/** Types into a field of the form, found by its label inside the fieldset of its group, as a person reads it. */
async function type(frame, pathOfField, value) {
  const field = frame.locator(`[data-path="${pathOfField}"]`);
  await field.waitFor();
  const tag = await field.evaluate((el) => el.tagName.toLowerCase());
  const kind = await field.getAttribute('type');
  if (tag === 'select') await field.selectOption(value);
  else if (kind === 'date') await field.fill(value);
  else {
    await field.click();
    await field.fill('');
    await field.pressSequentially(value);
  }
}

/** Waits until the extension has checked the latest answers. */
async function settled(frame) {
  await frame.locator('body[data-checking="false"]').waitFor();
}

/**
 * Fills every field the form marks as still wrong with what its placeholder gives as an example (a
 * person copying the example), a date a fortnight out, or the first choice; until the form is valid.
 */
async function fillWhatIsMissing(frame) {
  for (let round = 0; round < 6; round++) {
    await settled(frame);
    if (await frame.locator('body[data-valid="true"]').count()) return;
    const invalid = frame.locator('[aria-invalid="true"]');
    const n = await invalid.count();
    if (n === 0) throw new Error(`the form is not valid but marks no field: ${await frame.locator('#top-message').innerText()}`);
    for (let i = 0; i < n; i++) {
      const field = invalid.nth(0);
      const { tag, kind, placeholder, name } = await field.evaluate((el) => ({
        tag: el.tagName.toLowerCase(),
        kind: el.getAttribute('type'),
        placeholder: el.getAttribute('placeholder') ?? '',
        name: el.getAttribute('name'),
      }));
      if (tag === 'select') await field.selectOption({ index: 1 });
      else if (kind === 'date') await field.fill('2026-12-04');
      else {
        const example = placeholder.replace(/^(e\.g\.|例如)\s*/, '');
        if (!example) throw new Error(`no example to type into ${name}`);
        await field.fill(example);
      }
      log(`  filled ${name}`);
      await settled(frame);
    }
  }
  throw new Error('the form did not become valid');
}

/** Presses the form's button; resolves with the milliseconds until `done` resolved. */
async function press(frame, done) {
  const button = frame.locator('#render');
  await frame.locator('body[data-valid="true"]').waitFor();
  const t0 = Date.now();
  await button.click();
  await done();
  return Date.now() - t0;
}

/** Runs a palette command and waits for the form; resolves with the frame and the milliseconds it took. */
async function openForm(command, templateId, pick) {
  const t0 = Date.now();
  await runFromPalette(page, command);
  if (pick) {
    const quickInput = page.locator('.quick-input-widget');
    await quickInput.locator('.monaco-list-row', { hasText: pick }).first().waitFor();
    await page.keyboard.type(pick);
    await quickInput.locator('.monaco-list-row.focused', { hasText: pick }).first().waitFor();
    await page.keyboard.press('Enter');
  }
  const frame = await waitForForm(templateId);
  return { frame, ms: Date.now() - t0 };
}

/** The Dunmark status bar item once it shows the active document's findings (not while they are being checked). */
async function statusOf(label) {
  const item = page.locator('.statusbar-item', { hasText: `Dunmark: ${label}` }).first();
  await item.waitFor();
  await item.locator('.codicon-sync').waitFor({ state: 'detached' });
  const count = async (icon) => {
    const text = await item.innerText();
    const has = await item.locator(`.codicon-${icon}`).count();
    if (!has) return 0;
    // "$(error) 2 $(warning) 1": the number after each icon
    const numbers = text.match(/\d+/g) ?? [];
    const icons = await item
      .locator('.codicon')
      .evaluateAll((els) => els.map((e) => [...e.classList].find((c) => c.startsWith('codicon-') && c !== 'codicon-modifier-spin')));
    const counted = icons.filter((c) => ['codicon-error', 'codicon-warning', 'codicon-info'].includes(c));
    return Number(numbers[counted.indexOf(`codicon-${icon}`)] ?? 0);
  };
  return { errors: await count('error'), warnings: await count('warning'), text: (await item.innerText()).replace(/\s+/g, ' ').trim() };
}

/** Asserts the active document has no error and no warning, and no error notification is showing. */
async function assertClean(what, label) {
  const status = await statusOf(label);
  if (status.errors || status.warnings) {
    await page.keyboard.press('Control+Shift+M');
    const problems = await page
      .locator('.markers-panel')
      .innerText()
      .catch(() => '');
    throw new Error(`${what}: ${status.errors} error(s), ${status.warnings} warning(s) (${status.text})\n${problems}`);
  }
  await assertNoErrorNotification(what);
}

async function assertNoErrorNotification(what) {
  const errors = page.locator('.notification-toast:has(.codicon-error)');
  if (await errors.count()) throw new Error(`${what}: an error notification: ${await errors.first().innerText()}`);
}

/** Finds text in the active editor as a person would (Ctrl+F); throws when the find widget finds nothing. */
async function findInEditor(text) {
  await page.locator('.editor-instance .view-lines').first().click();
  await page.keyboard.press('Control+F');
  const widget = page.locator('.editor-instance .find-widget.visible').first();
  await widget.locator('textarea, input').first().fill(text);
  const count = widget.locator('.matchesCount');
  await count.filter({ hasText: /\d+ of \d+|No results/ }).waitFor();
  const said = (await count.innerText()).trim();
  await page.keyboard.press('Escape');
  if (/No results/.test(said)) throw new Error(`the document does not contain "${text}"`);
}

function ok(message) {
  passed++;
  console.log(`ok   ${message}`);
}

async function closeAll() {
  await page.keyboard.press('F1');
  await page.keyboard.type('View: Close All Editors');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Close All Editors' }).first().waitFor();
  await page.keyboard.press('Enter');
  const dontSave = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don't Save/ });
  await Promise.race([
    dontSave.waitFor().then(() => dontSave.click()),
    page.locator('.editor-group-container .editor-group-watermark, .editor-group-container.empty').first().waitFor(),
  ]);
  await page
    .locator('.tabs-container .tab')
    .first()
    .waitFor({ state: 'detached' })
    .catch(() => {});
}

/** A new editor tab became the active one (an untitled letter: "Untitled-N"). */
async function untitledOpened() {
  await page.locator('.tabs-container .tab.active[aria-label*="Untitled"]').first().waitFor();
  await page.locator('.editor-instance .view-lines').first().waitFor();
}

async function newLetterFromNothing() {
  await closeAll();
  const { frame, ms } = await openForm('Dunmark: New Letter from Template', 'reminder-en', 'Reminder — English');
  timings.push(['New Letter: command to form visible', ms]);
  // the screenshots: the empty form, in English and in Chinese
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, 'facts-form-en.png') });
  await frame.locator('#lang').selectOption('zh');
  await frame.locator('legend', { hasText: '债权人' }).first().waitFor();
  await page.screenshot({ path: path.join(shots, 'facts-form-zh.png') });
  await frame.locator('#lang').selectOption('en');
  await frame.locator('legend', { hasText: 'Creditor' }).first().waitFor();
  // a new letter with no file yet is dated by the workspace folder's .dunmarkrc.json (today: 2026-11-20)
  const date = await frame.locator('[data-path="date"]').inputValue();
  if (date !== '2026-11-20') throw new Error(`the new letter is dated ${date}, expected the configured today`);
  const deadline = await frame.locator('[data-path="deadline"]').inputValue();
  if (deadline !== '2026-12-04') throw new Error(`the deadline defaults to ${deadline}, expected two weeks on, a working day (2026-12-04)`);
  await type(frame, 'creditor.name', 'Harbor Valve Works LLC');
  await type(frame, 'creditor.contact', 'Dana Whitfield');
  await type(frame, 'creditor.email', 'ar@harborvalve.example');
  await type(frame, 'debtor.name', 'Ningbo Lianhe Industrial Co., Ltd.');
  await type(frame, 'debtor.contact', 'Mr. Zhou Peng');
  await type(frame, 'amount', '18,400.00');
  await type(frame, 'currency', 'USD');
  // the invoice list opens with one row; remove it and add it again as a person would
  await frame.getByRole('button', { name: /^Remove Invoice 1$/ }).click();
  await frame.locator('[data-add="invoices"]').click();
  await type(frame, 'invoices.0.number', 'HVW-2026-1187');
  await type(frame, 'invoices.0.date', '2026-09-15');
  await type(frame, 'invoices.0.amount', '18400');
  await type(frame, 'due_date', '2026-10-15');
  await settled(frame);
  await fillWhatIsMissing(frame);
  const toLetter = await press(frame, untitledOpened);
  timings.push(['New Letter: button to letter', toLetter]);
  await findInEditor('HVW-2026-1187');
  await assertClean('New Letter from nothing', 'Reminder · English');
  ok('New Letter from Template with no letter open: creditor, debtor and one invoice row typed into the form; the letter has no error or warning');
}

const ESCALATIONS = [
  ['reminder-en.md', 'second-reminder-en', 'Second reminder · English'],
  ['second-reminder-en.md', 'final-demand-bilingual', 'Final demand · English + 中文'],
  ['final-demand-zh.md', 'letter-before-action-zh', 'Letter before action · 中文'],
  ['with-mistakes.md', 'letter-before-action-bilingual', 'Letter before action · English + 中文'],
];

async function escalateFromEveryExample() {
  for (const [file, next, label] of ESCALATIONS) {
    await closeAll();
    await openByName(page, file);
    await statusOf('');
    const { frame, ms } = await openForm('Dunmark: Escalate to the Next Stage', next);
    timings.push([`Escalate ${file}: command to form visible`, ms]);
    // carried over: the debtor; new: the date (today from .dunmarkrc.json) and a deadline on a working day
    const debtor = await frame.locator('[data-path="debtor.name"]').inputValue();
    if (!debtor) throw new Error(`${file}: the debtor was not carried over`);
    const date = await frame.locator('[data-path="date"]').inputValue();
    if (date !== '2026-11-20') throw new Error(`${file}: the new letter is dated ${date}, expected today (2026-11-20)`);
    const deadline = await frame.locator('[data-path="deadline"]').inputValue();
    if (deadline !== '2026-12-04') throw new Error(`${file}: deadline ${deadline}, expected 2026-12-04`);
    await fillWhatIsMissing(frame);
    const toLetter = await press(frame, untitledOpened);
    timings.push([`Escalate ${file}: button to letter`, toLetter]);
    await assertClean(`Escalate from ${file}`, label);
    ok(`Escalate from ${file}: the form opened with the case carried over, ${next} has no error or warning`);
  }
  // the last stage: nothing to escalate to, said as information
  await closeAll();
  await openByName(page, 'letter-before-action-bilingual.md');
  await statusOf('Letter before action');
  await runFromPalette(page, 'Dunmark: Escalate to the Next Stage');
  await page.locator('.notification-toast', { hasText: 'already at the last stage' }).first().waitFor();
  await assertNoErrorNotification('Escalate from letter-before-action-bilingual.md');
  ok('Escalate from letter-before-action-bilingual.md says it is the last stage, without an error');
}

async function callSummaryWithTwoCommitments() {
  await closeAll();
  const { frame, ms } = await openForm('Dunmark: New Call Summary', 'call-summary-en', 'Call summary — English');
  timings.push(['New Call Summary: command to form visible', ms]);
  await type(frame, 'creditor.name', 'Harbor Valve Works LLC');
  await type(frame, 'creditor.contact', 'Dana Whitfield');
  await type(frame, 'debtor.name', 'Ningbo Lianhe Industrial Co., Ltd.');
  await type(frame, 'amount', '18400');
  await type(frame, 'currency', 'USD');
  await type(frame, 'invoices.0.number', 'HVW-2026-1187');
  await type(frame, 'invoices.0.date', '2026-09-15');
  await type(frame, 'invoices.0.amount', '18400');
  await type(frame, 'call.with', 'Mr. Zhou Peng');
  await type(frame, 'call.role', 'Finance Director');
  await type(frame, 'call.decision_maker', 'true');
  await type(frame, 'commitments.0.what', 'Pay USD 9,200.00 by bank transfer');
  await type(frame, 'commitments.0.by', '2026-11-30');
  await type(frame, 'commitments.0.amount', '9200');
  await frame.locator('[data-add="commitments"]').click();
  await type(frame, 'commitments.1.what', 'Pay the balance of USD 9,200.00');
  await type(frame, 'commitments.1.by', '2026-12-15');
  await type(frame, 'commitments.1.amount', '9200');
  await fillWhatIsMissing(frame);
  const toLetter = await press(frame, untitledOpened);
  timings.push(['New Call Summary: button to document', toLetter]);
  await findInEditor('Pay the balance of USD 9,200.00');
  await assertClean('New Call Summary', 'Call summary · English');
  ok('New Call Summary with two commitments (the second added as a row) has no error or warning');
}

async function guarantorClauseInWithMistakes() {
  await closeAll();
  await openByName(page, 'with-mistakes.md');
  const before = await statusOf('Final demand');
  // the cursor after the demand's paragraph about payment
  await page.keyboard.press('Control+End');
  const { frame, ms } = await openForm('Dunmark: Insert Guarantor Clause', 'clause-us-guaranty-en');
  timings.push(['Insert Guarantor Clause: command to form visible', ms]);
  await type(frame, 'guarantor.name', 'David Zhang');
  await type(frame, 'guarantor.address', '48 Orchard Lane, Cupertino, CA 95014');
  await type(frame, 'guarantor.state', 'California');
  await fillWhatIsMissing(frame);
  const toLetter = await press(frame, () => page.locator('.editor-instance .view-lines', { hasText: 'Continuing guaranty of payment' }).first().waitFor());
  timings.push(['Insert Guarantor Clause: button to clause in the letter', toLetter]);
  await page.locator('.tabs-container .tab.active[aria-label*="with-mistakes.md"]').first().waitFor();
  const after = await statusOf('Final demand');
  // the letter's own mistakes stay (it is the example of mistakes); the clause adds none
  if (after.errors !== before.errors || after.warnings !== before.warnings) {
    throw new Error(`the inserted clause changed the findings: before ${before.text}, after ${after.text}`);
  }
  await assertNoErrorNotification('Insert Guarantor Clause');
  await page.screenshot({ path: path.join(shots, 'clause-inserted.png') });
  ok(`Insert Guarantor Clause in with-mistakes.md: the US guaranty was offered under a CIETAC contract and adds no error or warning (${after.text})`);
}

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'drafting-ui', path.resolve(args.workspace));
  runDir = run.dir;
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });
  const scenarios = {
    new: newLetterFromNothing,
    escalate: escalateFromEveryExample,
    call: callSummaryWithTwoCommitments,
    clause: guarantorClauseInWithMistakes,
  };
  for (const [name, scenario] of Object.entries(scenarios)) {
    if (args.only && !args.only.split(',').includes(name)) continue;
    await scenario();
  }
  console.log('--- timings (ms) ---');
  for (const [what, ms] of timings) console.log(`${String(ms).padStart(6)}  ${what}`);
  console.log(`drafting-ui: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

let code = 1;
let runDir;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] DRAFTING UI FAILED: ${error.stack || error}`);
  failed++;
  console.log(`drafting-ui: ${passed} passed, ${failed} failed`);
  if (page) await page.screenshot({ path: path.join(shots, 'drafting-ui.failed.png') }).catch(() => {});
} finally {
  await finishRun('drafting-ui', code, runDir, started);
}
process.exit(code);
