#!/usr/bin/env node
// Runs the bundled mocha suite (out/integration/index.cjs) inside the real node extension host of
// code-server, driven by headless chromium: the stand-in for @vscode/test-electron on machines that
// cannot download VS Code (see run-electron.mjs for those that can).
//
//   node test/e2e/run-integration.mjs --extension . --tests out/integration/index.cjs --workspace test/integration/fixtures
//   [--timeout s (600)] [--artifacts dir] [--verbose]
//
// The workspace is copied to a per-run folder first, so tests may create and change files freely.
// The workbench learns about the extension under development and the tests through the
// <meta id="vscode-workbench-web-configuration"> JSON that code-server embeds in the page: an init
// script adds developmentOptions.extensions / extensionTestsPath before workbench.js reads it. The
// workbench then asks the node extension host to require() the tests and await run(); the host's
// console comes back through window.codeAutomationLog, the exit code through window.codeAutomationExit.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { finishRun, isShuttingDown, launchBrowser, locateInstall, log, makeRunWithWorkspace, parseArgs, remoteUri, startCodeServer, tail } from './lib.mjs';

const started = Date.now();
// Workbench chatter that is not the extension host's output (shown with --verbose only).
const NOISE = new RegExp(
  '^(Resolving connection token|Resolved connection token|Creating a socket|Ignoring fetching additional builtin' +
    '|Updating additional builtin|ChatSessionStore:|Creation of workbench contribution|Timed out waiting for authentication provider' +
    '|Error while fetching the extension under development .*not a web extension' +
    '|\\[(Service Worker|ChatModelSelection|AgentHost[^\\]]*|AccountPolicyGate|reconnection-grace-time)\\])',
);

const args = parseArgs(process.argv.slice(2), {
  extension: 'value',
  tests: 'value',
  workspace: 'value',
  timeout: 'value',
  artifacts: 'value',
  verbose: 'flag',
});
for (const k of ['extension', 'tests', 'workspace']) {
  if (!args[k]) usage(`missing --${k}`);
}
const extensionDir = path.resolve(args.extension);
const testsPath = path.resolve(args.tests);
const sourceWorkspace = path.resolve(args.workspace);
const timeoutMs = Number(args.timeout ?? 600) * 1000;
if (!fs.existsSync(path.join(extensionDir, 'package.json'))) usage(`no package.json in ${extensionDir}`);
if (!fs.existsSync(testsPath)) usage(`${testsPath} does not exist: bundle the suite first (test/e2e/build-integration.mjs)`);
if (!fs.statSync(sourceWorkspace, { throwIfNoEntry: false })?.isDirectory()) usage(`${sourceWorkspace} is not a folder`);

let code = 1;
let runDir;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] ERROR: ${error.stack || error}`);
} finally {
  await finishRun('integration run', code, runDir, started);
}
process.exit(code);

async function main() {
  const install = locateInstall();
  const run = makeRunWithWorkspace(install.e2eHome, 'integration', sourceWorkspace);
  runDir = run.dir;
  const { workspace } = run;
  const resultsFile = path.join(run.dir, 'results.json');
  const server = await startCodeServer(install, run, { workspace, env: { E2E_RESULTS_FILE: resultsFile } });
  const { page } = await launchBrowser(install);

  let finish;
  let done = false;
  const finished = new Promise((resolve) => {
    finish = resolve;
  });
  const settle = (result) => {
    if (!done) {
      done = true;
      finish(result);
    }
  };
  await page.exposeFunction('codeAutomationLog', (level, logArgs) => {
    const text = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
    if (!args.verbose && NOISE.test(text)) return;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${text}\n`);
  });
  await page.exposeFunction('codeAutomationExit', (exitCode) => {
    log(`extension host reported exit code ${exitCode}`);
    settle({ code: exitCode });
  });
  page.on('pageerror', (e) => log('page error:', e.message));
  page.on('crash', () => {
    log('page crashed');
    settle({ code: 1 });
  });
  server.proc.on('exit', (c, sig) => {
    if (!done && !isShuttingDown()) {
      log(`code-server exited (${c ?? sig}) before the tests finished`);
      settle({ code: 1 });
    }
  });

  await page.addInitScript(addDevelopmentOptions, {
    extension: remoteUri(server.authority, extensionDir),
    tests: remoteUri(server.authority, testsPath),
  });
  log(`opening the workbench on ${workspace}`);
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);

  const timer = setTimeout(() => settle({ timeout: true }), timeoutMs);
  const result = await finished;
  clearTimeout(timer);
  let exitCode = result.code ?? 1;
  if (result.timeout) {
    console.error(`[e2e] TIMEOUT: the suite did not finish in ${timeoutMs / 1000} s`);
    exitCode = 124;
  }
  const summary = summarize(resultsFile);
  console.log(summary ? summary.text : `[e2e] the suite wrote no ${resultsFile}; exit code ${exitCode}`);
  if (summary?.failures && exitCode === 0) exitCode = 1;
  if (exitCode !== 0) {
    const dir = path.resolve(args.artifacts ?? path.join(run.dir, 'artifacts'));
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, 'workbench.png') }).catch(() => {});
    fs.copyFileSync(server.logFile, path.join(dir, 'code-server.log'));
    if (fs.existsSync(resultsFile)) fs.copyFileSync(resultsFile, path.join(dir, 'results.json'));
    console.error(`[e2e] artifacts in ${dir}\n--- code-server log (tail) ---\n${tail(server.logFile, 25)}`);
  }
  return exitCode;
}

// Runs in the page before any workbench script.
function addDevelopmentOptions({ extension, tests }) {
  const components = (uri) => {
    const m = /^([^:]+):\/\/([^/]*)(\/.*)$/.exec(uri);
    return { scheme: m[1], authority: m[2], path: decodeURI(m[3]) };
  };
  const patch = () => {
    const meta = document.getElementById('vscode-workbench-web-configuration');
    if (!meta || meta.dataset.dunmarkPatched) return Boolean(meta);
    const settings = JSON.parse(meta.getAttribute('data-settings'));
    settings.developmentOptions = { ...settings.developmentOptions, extensions: [components(extension)], extensionTestsPath: components(tests) };
    meta.setAttribute('data-settings', JSON.stringify(settings));
    meta.dataset.dunmarkPatched = '1';
    return true;
  };
  // the meta tag sits in <head>; workbench.js is a module script and runs once parsing is over
  new MutationObserver((_, observer) => {
    if (patch()) observer.disconnect();
  }).observe(document, { childList: true, subtree: true });
  document.addEventListener('readystatechange', patch);
}

// mocha's JSON report → each failure, then the line CI reads: "N passed, N failed".
function summarize(file) {
  if (!fs.existsSync(file)) return null;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  const lines = [''];
  for (const t of report.failures ?? [])
    lines.push(
      `  FAIL ${t.fullTitle}`,
      `       ${String(t.err?.message ?? '')
        .split('\n')
        .join('\n       ')}`,
    );
  const s = report.stats ?? {};
  lines.push(`${s.passes ?? 0} passed, ${s.failures ?? 0} failed`);
  return { text: lines.join('\n'), failures: s.failures ?? 0 };
}

function usage(message) {
  console.error(
    `[e2e] ${message}\nusage: node test/e2e/run-integration.mjs --extension <dir> --tests <index.cjs> --workspace <folder> [--timeout s] [--artifacts dir] [--verbose]`,
  );
  process.exit(2);
}
