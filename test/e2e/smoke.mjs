#!/usr/bin/env node
// Browser smoke test, as a person uses the editor: package Dunmark with vsce, install the .vsix into
// a fresh code-server, open the workspace in headless chromium, open a letter with Ctrl+P, run
// "Dunmark: Show Problems" from F1, find the expected problem in the Problems panel, save a screenshot.
//
//   node test/e2e/smoke.mjs --extension . --workspace test/integration/fixtures --file letter.md \
//        --expect-problem "text" --screenshot docs/images/editor-smoke.png [--vsix prebuilt.vsix] [--timeout s]
import fs from 'node:fs';
import path from 'node:path';
import { finishRun, locateInstall, log, makeRunWithWorkspace, openByName, parseArgs, runFromPalette } from './lib.mjs';
import { openWorkbench } from './workbench.mjs';

const started = Date.now();
const args = parseArgs(process.argv.slice(2), {
  extension: 'value',
  vsix: 'value',
  workspace: 'value',
  screenshot: 'value',
  file: 'value',
  'expect-problem': 'value',
  timeout: 'value',
});
if (!(args.extension || args.vsix) || !args.workspace || !args.screenshot || !args.file || !args['expect-problem']) {
  console.error('usage: node test/e2e/smoke.mjs --extension <dir>|--vsix <file> --workspace <folder> --file <name> --expect-problem <text> --screenshot <png>');
  process.exit(2);
}
const COMMAND = 'Dunmark: Show Problems';
const screenshot = path.resolve(args.screenshot);
const stepTimeout = Number(args.timeout ?? 60) * 1000;

let code = 1;
let page;
let runDir;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] SMOKE FAILED: ${error.stack || error}`);
  console.log('smoke: 0 passed, 1 failed');
  const failed = screenshot.replace(/\.png$/, '.failed.png');
  if (page)
    await page.screenshot({ path: failed }).then(
      () => console.error(`[e2e] failure screenshot: ${failed}`),
      () => {},
    );
} finally {
  await finishRun('smoke', code, runDir, started);
}
process.exit(code);

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'smoke', path.resolve(args.workspace));
  runDir = run.dir;

  // 1. exactly what a user installs, 2. the editor in a browser
  page = await openWorkbench(install, run, { extension: args.extension, vsix: args.vsix, stepTimeout });

  // 3. Ctrl+P → the letter
  await openByName(page, args.file);
  log(`opened ${args.file}`);

  // 4. F1 → Dunmark: Show Problems → the panel lists the finding
  await runFromPalette(page, COMMAND);
  const problems = page.locator('.markers-panel');
  await problems.locator('.monaco-list-row', { hasText: args['expect-problem'] }).first().waitFor();
  const problemsText = (await problems.innerText()).trim();
  console.log(`--- Problems panel ---\n${problemsText}\n----------------------`);
  const status = (
    await page
      .locator('.statusbar-item', { hasText: 'Dunmark' })
      .first()
      .innerText()
      .catch(() => '')
  ).trim();
  log(`status bar: ${status || '(not found)'}`);

  // 5. the picture the README shows
  fs.mkdirSync(path.dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot });
  log(`screenshot: ${screenshot}`);
  if (!problemsText.includes(args['expect-problem'])) throw new Error(`the Problems panel lacks "${args['expect-problem']}"`);
  if (!status.includes('Dunmark')) throw new Error('the Dunmark status bar item is missing');
  console.log('smoke: 1 passed, 0 failed');
  return 0;
}
