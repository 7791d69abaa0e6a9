// What the integration runner (run-integration.mjs) and the browser smoke test (smoke.mjs) share:
// find the install that setup.sh made, start code-server in a process group of its own, drive
// Debian's chromium through playwright-core, and stop everything this process started, even on a signal.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

export const log = (...a) => console.error(`[e2e ${new Date().toISOString().slice(11, 19)}]`, ...a);

export function parseArgs(argv, spec) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([^=]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !(m[1] in spec))
      throw new Error(
        `unknown argument ${argv[i]}; known: ${Object.keys(spec)
          .map((k) => '--' + k)
          .join(' ')}`,
      );
    out[m[1]] = spec[m[1]] === 'flag' ? true : (m[2] ?? argv[++i]);
  }
  return out;
}

/** Reads what setup.sh recorded in E2E_HOME. */
export function locateInstall(home = process.env.E2E_HOME || path.join(os.homedir(), '.cache', 'e2e')) {
  const e2eHome = path.resolve(home);
  const read = (f) => {
    try {
      return fs.readFileSync(path.join(e2eHome, f), 'utf8').trim();
    } catch {
      throw new Error(`${path.join(e2eHome, f)} missing: run setup.sh with E2E_HOME=${e2eHome} first`);
    }
  };
  const codeServer = read('code-server-path');
  const nodeBin = read('node-path');
  const require = createRequire(path.join(e2eHome, 'tools', 'package.json'));
  return {
    e2eHome,
    codeServer,
    nodeBin,
    entry: path.join(codeServer, 'out', 'node', 'entry.js'),
    playwright: require('playwright-core'),
    vsceBin: path.join(e2eHome, 'tools', 'node_modules', '@vscode', 'vsce', 'vsce'),
    chromium: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
  };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ cleanup registry
const cleanups = [];
const groups = new Set(); // process-group ids we started (code-server)
const tmpDirs = new Set(); // per-run TMPDIRs, removed even on a hard exit
let shuttingDown = false;
export const isShuttingDown = () => shuttingDown;
export function onCleanup(fn) {
  cleanups.push(fn);
}
export async function cleanupAll() {
  shuttingDown = true;
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (e) {
      log('cleanup:', e.message);
    }
  }
}
function killGroupsSync(sig) {
  for (const pgid of groups) {
    try {
      process.kill(-pgid, sig);
    } catch {
      /* gone */
    }
  }
}
process.on('exit', () => {
  // last resort, synchronous
  killGroupsSync('SIGKILL');
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, async () => {
    log(`got ${sig}, cleaning up`);
    setTimeout(() => process.exit(128 + os.constants.signals[sig]), 15_000).unref();
    await cleanupAll();
    process.exit(128 + os.constants.signals[sig]);
  });
}

/** Fresh HOME/XDG/user-data/extensions dirs for one run. */
export function makeRunDir(e2eHome, prefix) {
  const root = path.join(e2eHome, 'runs');
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, `${prefix}-`));
  const d = {
    dir,
    home: path.join(dir, 'home'),
    userData: path.join(dir, 'user-data'),
    extensions: path.join(dir, 'extensions'),
  };
  for (const p of [d.home, path.join(d.userData, 'User'), d.extensions]) fs.mkdirSync(p, { recursive: true });
  // short private TMPDIR: code-server puts unix sockets (vscode-ipc-*.sock, 108-byte path limit) there
  d.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-'));
  tmpDirs.add(d.tmp);
  onCleanup(() => {
    fs.rmSync(d.tmp, { recursive: true, force: true });
    tmpDirs.delete(d.tmp);
  }); // after code-server stops (LIFO)
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no update or gallery chatter.
  fs.writeFileSync(
    path.join(d.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'git.enabled': false,
        'chat.commandCenter.enabled': false,
        'chat.disableAIFeatures': true, // newer builds: no Chat view / agent host chatter
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'window.commandCenter': false,
      },
      null,
      2,
    ),
  );
  return d;
}

export function runEnv(run, extra = {}) {
  return {
    ...process.env,
    HOME: run.home,
    XDG_CONFIG_HOME: path.join(run.home, '.config'),
    XDG_DATA_HOME: path.join(run.home, '.local', 'share'),
    XDG_CACHE_HOME: path.join(run.home, '.cache'),
    TMPDIR: run.tmp,
    // keep code-server from inheriting a parent VS Code / code-server session
    VSCODE_IPC_HOOK_CLI: '',
    VSCODE_PROXY_URI: '',
    CS_DISABLE_GETTING_STARTED_OVERRIDE: '1',
    // no network here: an empty gallery turns off Open VSX lookups (code-server reads this variable)
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
    ...extra,
  };
}

/** `code-server --install-extension x.vsix` into the run's extensions dir (synchronous CLI). */
export function installVsix(inst, run, vsix) {
  const r = spawnSync(
    inst.nodeBin,
    [inst.entry, '--config', '/dev/null', '--user-data-dir', run.userData, '--extensions-dir', run.extensions, '--install-extension', vsix, '--force'],
    { env: runEnv(run), encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/** Starts code-server in its own process group and waits for /healthz. */
export async function startCodeServer(inst, run, { workspace, env = {}, timeoutMs = 90_000 } = {}) {
  const port = await freePort();
  const logFile = path.join(run.dir, 'code-server.log');
  const out = fs.openSync(logFile, 'a');
  const args = [
    inst.entry,
    '--config',
    '/dev/null',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir',
    run.userData,
    '--extensions-dir',
    run.extensions,
    '--ignore-last-opened',
  ];
  if (workspace) args.push(workspace);
  const t0 = Date.now();
  // detached => setsid(): code-server, its extension host, pty host and watchers share one group we own
  const proc = spawn(inst.nodeBin, args, { env: runEnv(run, env), detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  groups.add(proc.pid);
  let exited = null;
  proc.on('exit', (code, sig) => {
    exited = { code, sig };
  });
  const stop = async () => {
    if (!groups.has(proc.pid)) return;
    const t = Date.now();
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
    for (let i = 0; i < 50 && groupAlive(proc.pid); i++) await sleep(100);
    if (groupAlive(proc.pid)) {
      try {
        process.kill(-proc.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
    groups.delete(proc.pid);
    log(`code-server stopped in ${Date.now() - t} ms`);
  };
  onCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  while (true) {
    if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); log:\n${tail(logFile)}`);
    if (Date.now() - t0 > timeoutMs) throw new Error(`code-server not healthy after ${timeoutMs} ms; log:\n${tail(logFile)}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    await sleep(200);
  }
  log(`code-server up on ${url} in ${Date.now() - t0} ms (pgid ${proc.pid}, log ${logFile})`);
  return { port, url, authority: `127.0.0.1:${port}`, proc, logFile, stop };
}

function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export function tail(file, n = 40) {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').slice(-n).join('\n');
  } catch {
    return '(no log)';
  }
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Headless Debian chromium through playwright-core (no browser download). */
export async function launchBrowser(inst, { viewport = { width: 1400, height: 900 } } = {}) {
  // our signal handlers close the browser (Playwright's own would exit before code-server is stopped)
  const browser = await inst.playwright.chromium.launch({
    executablePath: inst.chromium,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close());
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  return { browser, context, page };
}

/** vscode-remote URI for an absolute path on the code-server machine. */
export function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${encodeURI(path.resolve(absPath)).replace(/[?#]/g, encodeURIComponent)}`;
}

/** A run folder holding a private copy of the workspace, which the tests may change freely. */
export function makeRunWithWorkspace(e2eHome, prefix, sourceWorkspace) {
  const run = makeRunDir(e2eHome, prefix);
  run.workspace = path.join(run.dir, 'workspace');
  fs.cpSync(sourceWorkspace, run.workspace, { recursive: true });
  return run;
}

/** Stops everything the run started, removes its folder after a pass (unless E2E_KEEP_RUN=1) and logs the time. */
export async function finishRun(name, code, runDir, started) {
  await cleanupAll();
  if (code === 0 && runDir && process.env.E2E_KEEP_RUN !== '1') fs.rmSync(runDir, { recursive: true, force: true });
  else if (runDir) log(`run dir kept: ${runDir}`);
  log(`${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s, exit code ${code}`);
}

/** Opens a file as a person does: Ctrl+P, its name, Enter; resolves when its editor shows. */
export async function openByName(page, name) {
  const quickInput = page.locator('.quick-input-widget');
  await page.keyboard.press('Control+P');
  await quickInput.locator('input').waitFor({ state: 'visible' });
  await page.keyboard.type(name);
  // the focused row, not just any row: while the list still filters, a recently opened file may be first
  await quickInput.locator('.monaco-list-row.focused', { hasText: name }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`).first().waitFor();
  await page.locator('.editor-instance .view-lines').first().waitFor();
}

/** Runs a command from the Command Palette: F1, its title, Enter. */
export async function runFromPalette(page, title) {
  const quickInput = page.locator('.quick-input-widget');
  await page.keyboard.press('F1');
  await quickInput.locator('input').waitFor({ state: 'visible' });
  await page.keyboard.type(title);
  await quickInput.locator('.monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}
