#!/usr/bin/env node
// Drafting in a real editor, as a person does it: install the .vsix into a fresh code-server, run the
// drafting commands from the Command Palette, fill the facts form (a webview: its fields are reached
// through the browser's frames) by typing and clicking, press its button, and check the document it
// made: no error and no warning in the status bar, and no error notification.
//
//   node test/e2e/drafting-ui.mjs --extension . --workspace examples [--vsix x.vsix] [--screenshots out/e2e]
//
// Scenarios: New Letter from nothing (creditor, debtor, one invoice added as a row; nothing said wrong
// before a field is left, every required fact in view, codes and dates read as typed, the contract and
// delivery typed printed in the letter), Escalate from every example letter, New Call Summary with two
// commitments, Insert Guarantor Clause into with-mistakes.md (`CA` written out), retyping into a field
// that shows an error keeps every keystroke, a Chinese template's form in Chinese, and the facts typed
// for a case saved to its case.yaml. Screenshots of the form in English and Chinese go to --screenshots.
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
  if (tag === 'select') await field.selectOption(value);
  else {
    await field.click();
    await field.fill('');
    await field.pressSequentially(value);
  }
}

/** Leaves the field a person is in (Tab), as they do before reading what the form says about it. */
async function leave(frame) {
  await page.keyboard.press('Tab');
  await settled(frame);
}

/** Waits until the extension has checked the latest answers. */
async function settled(frame) {
  await frame.locator('body[data-checking="false"]').waitFor();
}

/**
 * Presses the button while facts are missing, as a person does to learn what is left: the form then
 * marks each field still wrong. Fills each with what its placeholder gives as an example (a person
 * copying the example) or the first choice; until the form is valid.
 */
async function fillWhatIsMissing(frame) {
  for (let round = 0; round < 6; round++) {
    await settled(frame);
    if (await frame.locator('body[data-valid="true"]').count()) return;
    if (round === 0) {
      await frame.locator('#render').click();
      await frame.locator('#summary:not([hidden])').waitFor();
    }
    const invalid = frame.locator('[aria-invalid="true"]');
    const n = await invalid.count();
    if (n === 0) throw new Error(`the form is not valid but marks no field: ${await frame.locator('#top-message').innerText()}`);
    for (let i = 0; i < n; i++) {
      const field = invalid.nth(0);
      const { tag, placeholder, name } = await field.evaluate((el) => ({
        tag: el.tagName.toLowerCase(),
        placeholder: el.getAttribute('placeholder') ?? '',
        name: el.getAttribute('name'),
      }));
      if (tag === 'select') await field.selectOption({ index: 1 });
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

/** Asserts the form says nothing is wrong yet (no field has been left) and every fact it needs is in view. */
async function assertQuietAndRequiredInView(frame, what) {
  const said = await frame.locator('[data-message-for]').evaluateAll((els) => els.map((e) => e.textContent).filter(Boolean));
  if (said.length) throw new Error(`${what}: the form says what is wrong before anything was typed: ${said.join(' | ')}`);
  if (await frame.locator('[aria-invalid="true"]').count()) throw new Error(`${what}: a field is marked wrong before anything was typed`);
  const required = frame.locator('[aria-required="true"]');
  const n = await required.count();
  if (n === 0) throw new Error(`${what}: no field is marked as needed`);
  for (let i = 0; i < n; i++) {
    const field = required.nth(i);
    const folded = await field.evaluate((el) => !!el.closest('details:not([open])'));
    if (folded || !(await field.isVisible())) throw new Error(`${what}: the needed fact ${await field.getAttribute('name')} is hidden`);
  }
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
  await assertQuietAndRequiredInView(frame, 'New Letter');
  // a new letter with no file yet is dated by the workspace folder's .dunmarkrc.json (today: 2026-11-20), written as the letter writes dates
  const date = await frame.locator('[data-path="date"]').inputValue();
  if (date !== '20 November 2026') throw new Error(`the new letter is dated ${date}, expected the configured today written out (20 November 2026)`);
  if ((await frame.locator('[data-path="date"]').getAttribute('type')) !== 'text')
    throw new Error('the date is a browser date input, which writes dates in the browser locale');
  if (await frame.locator('[data-path="deadline"]').count()) throw new Error('a reminder prints no deadline, so the form must not ask for one');
  await type(frame, 'creditor.name', 'Harbor Valve Works LLC');
  await type(frame, 'creditor.contact', 'Dana Whitfield');
  await type(frame, 'creditor.email', 'ar@harborvalve.example');
  await type(frame, 'debtor.name', 'Ningbo Lianhe Industrial Co., Ltd.');
  await type(frame, 'debtor.contact', 'Mr. Zhou Peng');
  // codes as a person types them: USA, then China; usd
  await type(frame, 'debtor.country', 'USA');
  await leave(frame);
  await expectValue(frame, 'debtor.country', 'US');
  await type(frame, 'debtor.country', 'China');
  await leave(frame);
  await expectValue(frame, 'debtor.country', 'CN');
  await frame.locator('[data-note-for="debtor.country"]', { hasText: 'China' }).waitFor();
  await type(frame, 'amount', '18,400.00');
  await type(frame, 'currency', 'usd');
  await leave(frame);
  await expectValue(frame, 'currency', 'USD');
  await frame.locator('[data-note-for="currency"]', { hasText: 'US Dollar' }).waitFor();
  // the invoice list opens with one row; remove it and add it again as a person would
  await frame.getByRole('button', { name: /^Remove Invoice 1$/ }).click();
  await frame.locator('[data-add="invoices"]').click();
  await type(frame, 'invoices.0.number', 'HVW-2026-1187');
  await type(frame, 'invoices.0.date', '2026-09-15');
  await leave(frame);
  await expectValue(frame, 'invoices.0.date', '15 September 2026');
  await frame.locator('[data-note-for="invoices.0.date"]', { hasText: 'Tuesday · stored as 2026-09-15' }).waitFor();
  await type(frame, 'invoices.0.amount', '18400');
  await type(frame, 'due_date', 'Oct 15, 2026');
  await leave(frame);
  await expectValue(frame, 'due_date', '15 October 2026');
  // the optional facts: a contract reference and the delivery, which the letter then states
  await frame.locator('details.optional > summary').click();
  await type(frame, 'contract.reference', 'HVW-SC-2026-044');
  await type(frame, 'delivery', 'The goods were delivered at the port of Ningbo on 20 September 2026');
  await settled(frame);
  await fillWhatIsMissing(frame);
  const toLetter = await press(frame, untitledOpened);
  timings.push(['New Letter: button to letter', toLetter]);
  await findInEditor('HVW-2026-1187');
  await findInEditor('We supplied the goods under contract HVW-SC-2026-044.');
  await findInEditor('The goods were delivered at the port of Ningbo on 20 September 2026.');
  await findInEditor('China\\');
  await findInEditor('due on 15 October 2026');
  await assertClean('New Letter from nothing', 'Reminder · English');
  ok(
    'New Letter from Template with no letter open: nothing said wrong before a field is left, every needed fact in view; USA, China, usd and dates read as typed; the contract and delivery typed are in the letter, which has no error or warning',
  );
}

/** Asserts a field shows `value` once left and checked (the form writes what was typed as the letter does). */
async function expectValue(frame, pathOfField, value) {
  await settled(frame);
  const shown = await frame.locator(`[data-path="${pathOfField}"]`).inputValue();
  if (shown !== value) throw new Error(`${pathOfField} shows "${shown}", expected "${value}"`);
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
    const lang = next.endsWith('-zh') ? 'zh' : 'en';
    const date = await frame.locator('[data-path="date"]').inputValue();
    const today = lang === 'zh' ? '2026年11月20日' : '20 November 2026';
    if (date !== today) throw new Error(`${file}: the new letter is dated ${date}, expected today (${today})`);
    const deadline = await frame.locator('[data-path="deadline"]').inputValue();
    // two weeks on, on a working day
    const fortnight = lang === 'zh' ? '2026年12月4日' : '4 December 2026';
    if (deadline !== fortnight) throw new Error(`${file}: deadline ${deadline}, expected ${fortnight}`);
    await assertQuietAndRequiredInView(frame, `Escalate from ${file}`);
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
  await type(frame, 'guarantor.state', 'CA');
  await leave(frame);
  await expectValue(frame, 'guarantor.state', 'California');
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
  await findInEditor('governed by the law of the State of California.');
  await page.screenshot({ path: path.join(shots, 'clause-inserted.png') });
  ok(
    `Insert Guarantor Clause in with-mistakes.md: the US guaranty was offered under a CIETAC contract, CA was written out as California, and it adds no error or warning (${after.text})`,
  );
}

/**
 * Retyping into a field that shows an error keeps every keystroke: a person selects what they typed
 * (Ctrl+A), deletes it and types again at full speed, six times over, into an e-mail, an amount, a
 * currency and a date. (VS Code answered Ctrl+A in a webview with a "select all" sent back a moment
 * later, which selected the first keystroke typed after it; the next one replaced it.)
 */
async function retypeKeepsEveryKeystroke() {
  await closeAll();
  const { frame } = await openForm('Dunmark: New Letter from Template', 'reminder-en', 'Reminder — English');
  const cases = [
    ['creditor.email', 'ar@', 'ar@harborvalve.example'],
    ['amount', 'lots', '18400.00'],
    ['currency', '$', 'USD'],
    ['due_date', '04/12/2026', '2026-10-15'],
  ];
  const lost = [];
  for (const [name, wrong, right] of cases) {
    const field = frame.locator(`[data-path="${name}"]`);
    for (let round = 0; round < 6; round++) {
      await field.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(wrong);
      await leave(frame);
      await frame.locator(`[data-path="${name}"][aria-invalid="true"]`).waitFor();
      await field.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(right);
      const value = await field.inputValue();
      if (value !== right) lost.push(`${name} round ${round + 1}: typed "${right}", the field holds "${value}"`);
      await settled(frame);
      const after = await field.inputValue();
      if (after !== right) lost.push(`${name} round ${round + 1}, once checked: "${after}"`);
    }
  }
  if (lost.length) throw new Error(`keystrokes lost:\n${lost.join('\n')}`);
  ok('Retyping into a field that shows an error (an e-mail, an amount, a currency, a date), six times each with Ctrl+A, keeps every keystroke');
}

/** A Chinese template's form speaks Chinese and writes dates as the letter does. */
async function chineseTemplateInChinese() {
  await closeAll();
  const { frame } = await openForm('Dunmark: New Letter from Template', 'reminder-zh', '第一次付款提醒 — 中文');
  const lang = await frame.locator('#lang').inputValue();
  if (lang !== 'zh') throw new Error(`the form of a Chinese template opened in ${lang}`);
  await frame.locator('legend', { hasText: '债权人' }).first().waitFor();
  await frame.locator('#render', { hasText: '生成函件' }).waitFor();
  const date = await frame.locator('[data-path="date"]').inputValue();
  if (date !== '2026年11月20日') throw new Error(`a Chinese letter's date shows as ${date}, expected 2026年11月20日`);
  await assertQuietAndRequiredInView(frame, 'Chinese reminder');
  ok('New Letter from Template with a Chinese template: the form is in Chinese and writes dates as the letter does (2026年11月20日)');
}

/** Facts typed for a letter of a case go to its case.yaml (ticked by default), and the next letter opens with them. */
async function factsSavedToCase() {
  await closeAll();
  await openByName(page, '2026-11-03-second-reminder.md');
  await statusOf('');
  const { frame } = await openForm('Dunmark: Escalate to the Next Stage', 'final-demand-bilingual');
  const save = frame.locator('#save-case');
  if (!(await save.isChecked())) throw new Error('in a case folder, saving the facts typed to case.yaml is not ticked by default');
  // the delivery is among the optional facts (folded unless something there is needed)
  if (!(await frame.locator('[data-path="delivery"]').isVisible())) await frame.locator('details.optional > summary').click();
  await type(frame, 'delivery', 'The goods were delivered to the buyer in Ningbo on 28 September 2026');
  await leave(frame);
  // the Chinese half then needs its own sentence: it is marked as needed and in view
  await frame.locator('[data-required-for="delivery_zh"]:not([hidden])').waitFor();
  await type(frame, 'delivery_zh', '货物已于2026年9月28日在宁波交付买方');
  await frame.locator('#target').selectOption('untitled');
  await fillWhatIsMissing(frame);
  await press(frame, untitledOpened);
  const caseFile = path.join(runWorkspace, 'cases', 'ningbo-lianhe', 'case.yaml');
  // the editor says what it added once the file is written
  await page.locator('.notification-toast', { hasText: 'Added to' }).first().waitFor();
  const text = fs.readFileSync(caseFile, 'utf8');
  if (!/^delivery: The goods were delivered to the buyer in Ningbo on 28 September 2026$/m.test(text) || !/^delivery_zh: 货物已于/m.test(text))
    throw new Error(`case.yaml does not hold the delivery typed:\n${text}`);
  if (!text.startsWith("# One debtor's case")) throw new Error('case.yaml lost its comment');
  // the next letter of the case does not ask again: it opens with the delivery filled in
  await closeAll();
  await openByName(page, '2026-11-03-second-reminder.md');
  await statusOf('');
  const again = await openForm('Dunmark: Escalate to the Next Stage', 'final-demand-bilingual');
  const delivery = await again.frame.locator('[data-path="delivery"]').inputValue();
  if (!delivery.startsWith('The goods were delivered to the buyer')) throw new Error(`the next letter asks for the delivery again (${delivery})`);
  ok('Escalate in a case folder: the delivery typed was added to case.yaml (its comment kept), and the next letter opens with it');
}

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'drafting-ui', path.resolve(args.workspace));
  runDir = run.dir;
  runWorkspace = run.workspace;
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });
  const scenarios = {
    new: newLetterFromNothing,
    escalate: escalateFromEveryExample,
    call: callSummaryWithTwoCommitments,
    clause: guarantorClauseInWithMistakes,
    retype: retypeKeepsEveryKeystroke,
    chinese: chineseTemplateInChinese,
    case: factsSavedToCase,
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
let runWorkspace;
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
