// Helpers of the CLI tests: build the binary once, run it, make temporary folders of letters.
import { execFileSync, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './helpers.js';

/** The built CLI bundle. */
export const CLI = path.join(ROOT, 'dist/cli.mjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.mjs when it is missing or older than a source file (as a hook: with no time limit, a build on a busy machine takes what it takes). */
export function ensureBuilt(this: Mocha.Context | void): void {
  if (this && typeof this.timeout === 'function') this.timeout(0);
  const stale =
    !fs.existsSync(CLI) || fs.statSync(CLI).mtimeMs < Math.max(newestMtime(path.join(ROOT, 'src')), fs.statSync(path.join(ROOT, 'package.json')).mtimeMs);
  if (stale) execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'pipe' });
}

/** Runs the built CLI in `cwd`; colour off unless `env` says otherwise. */
export function run(
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
  extra: Pick<SpawnSyncOptions, 'uid' | 'gid' | 'input'> = {},
): { status: number; stdout: string; stderr: string } {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [extra.uid === undefined ? CLI : publicCopyOfCli(), ...args], {
    cwd,
    env: { ...base, ...env },
    ...extra,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const created: string[] = [];
let publicCli: string | undefined;

/** Removes every temporary folder the helpers made (call from an `after` hook). */
export function cleanup(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  if (publicCli) fs.rmSync(path.dirname(publicCli), { recursive: true, force: true });
  publicCli = undefined;
}

/** A copy of the bundle (and the chunks it loads on demand) that any user can read, for runs under another uid. */
function publicCopyOfCli(): string {
  if (!publicCli) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-bin-'));
    created.push(dir);
    fs.chmodSync(dir, 0o755);
    publicCli = path.join(dir, 'cli.mjs');
    fs.copyFileSync(CLI, publicCli);
    fs.chmodSync(publicCli, 0o644);
    fs.cpSync(path.join(path.dirname(CLI), 'chunks'), path.join(dir, 'chunks'), { recursive: true, filter: (f) => !f.endsWith('.map') });
    fs.chmodSync(path.join(dir, 'chunks'), 0o755);
  }
  return publicCli;
}

/** A fresh temporary folder with the given files. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-cli-'));
  created.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A letter whose only certain problem is a fixable `stage` value. */
export const FIXABLE_LETTER = `---
kind: dunning-letter
stage: Final Demand
date: 2026-11-20
language: en
creditor:
  name: Harbor Valve Works LLC
debtor:
  name: Ningbo Lianhe Industrial Co., Ltd.
amount: 18400.00
currency: USD
due_date: 2026-10-15
deadline: 2026-12-04
---

Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026 and is still unpaid.
`;

/** A Markdown file without front matter: one structure error. */
export const NO_FRONT_MATTER = `Dear Mr. Zhou,

Invoice HVW-2026-1187 for USD 18,400.00 is still unpaid.
`;
