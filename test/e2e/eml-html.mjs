#!/usr/bin/env node
// The e-mail draft as a mail client shows it: `dunmark export --to eml` on the example bilingual letter
// before action, the message read back with mailparser, its HTML part rendered in headless Chromium.
// Every sentence and amount of both halves must be on the page (the English half first, then the
// Chinese one, each tagged with its language, the Chinese in a Chinese font), and the screenshot is
// the picture docs/email.md shows.
//
//   node test/e2e/eml-html.mjs [--png out/e2e/eml-html.png]
// (test/e2e/run.sh runs it; DUNMARK_UPDATE_SCREENSHOT=1 writes docs/images/.)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { launchBrowser, locateInstall, onCleanup, cleanupAll } from './lib.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = path.join(root, 'dist/cli.mjs');
const args = process.argv.slice(2);
const png = path.resolve(args.includes('--png') ? args[args.indexOf('--png') + 1] : path.join(root, 'out/e2e/eml-html.png'));

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
const compact = (s) => s.replace(/\s+/g, '');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-eml-e2e-'));
onCleanup(() => fs.rmSync(work, { recursive: true, force: true }));
try {
  const letter = fs
    .readFileSync(path.join(root, 'examples/letter-before-action-bilingual.md'), 'utf8')
    .replace('  contact: Mr. Zhou Peng\n', '  contact: Mr. Zhou Peng\n  email: finance@lianhe.example\n');
  fs.writeFileSync(path.join(work, 'letter.md'), letter);
  // the debtor's address was added after the approval: this check is about the e-mail, not the review
  fs.writeFileSync(path.join(work, '.dunmarkrc.json'), '{ "today": "2026-11-20", "rules": { "approval": "off" } }\n');
  execFileSync(process.execPath, [cli, 'export', 'letter.md', '--to', 'eml'], { cwd: work, stdio: 'pipe' });
  const mail = await simpleParser(fs.readFileSync(path.join(work, 'letter.eml')));
  check('the draft has an HTML part and a text part', Boolean(mail.html && mail.text));
  fs.writeFileSync(path.join(work, 'letter.html'), mail.html);

  const install = locateInstall();
  const { page } = await launchBrowser(install, { viewport: { width: 760, height: 1000 } });
  await page.goto(`file://${path.join(work, 'letter.html')}`);
  const shown = compact(await page.locator('body').innerText());
  const missing = sentences(letter).filter((s) => !shown.includes(compact(s)));
  check('every sentence of both halves is on the rendered page', missing.length === 0, `missing: ${missing.slice(0, 3).join(' | ')}`);
  const amounts = letter.match(/(?:USD|美元)\s*[\d,]+\.\d{2}(?:\s*元)?/gu) ?? [];
  check(`every amount is on the page (${amounts.length})`, amounts.length > 0 && amounts.every((a) => shown.includes(compact(a))));
  const halves = await page.evaluate(() => [...document.querySelectorAll('body div[lang]')].map((e) => e.getAttribute('lang')));
  check(
    'the English half comes first, then the Chinese half, each tagged with its language',
    JSON.stringify(halves) === '["en","zh-CN"]',
    JSON.stringify(halves),
  );
  const font = await page.evaluate(() => getComputedStyle(document.querySelector('span[lang="zh-CN"]')).fontFamily);
  check('Chinese text has a Chinese font', /YaHei|PingFang|Noto Sans CJK|SimSun/.test(font), font);
  fs.mkdirSync(path.dirname(png), { recursive: true });
  await page.screenshot({ path: png, fullPage: true });
  console.log(`screenshot: ${path.relative(root, png)}`);
} catch (error) {
  failed++;
  console.error(`[eml-html] FAILED: ${error.stack || error}`);
} finally {
  await cleanupAll();
}
console.log(`eml-html: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
