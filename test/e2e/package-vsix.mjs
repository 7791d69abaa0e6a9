#!/usr/bin/env node
// Packages the extension as a .vsix. package.json's `files` (the npm package: library + CLI) and
// .vscodeignore (the extension) describe two different packages, and vsce refuses to see both: so
// stage what `vsce ls` lists under .vscodeignore, with a package.json without `files`, and package that.
//
//   node test/e2e/package-vsix.mjs --out dunmark.vsix      (uses E2E_HOME's vsce, see setup.sh)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { locateInstall, parseArgs } from './lib.mjs';

/** Builds the .vsix at `out` from the extension in `root`; returns its size in bytes. */
export function packageVsix(root, out, install = locateInstall()) {
  const vsce = (cwd, ...args) => execFileSync(install.nodeBin, [install.vsceBin, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-vsix-'));
  try {
    const listed = vsce(root, 'ls', '--no-dependencies')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    for (const file of listed) {
      fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      fs.copyFileSync(path.join(root, file), path.join(stage, file));
    }
    fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    fs.copyFileSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
    // relative links in README.md need a base; take it from the repository field (vsce only guesses GitHub/GitLab)
    const repo = String(manifest.repository?.url ?? manifest.repository ?? '').replace(/\.git$/, '');
    const base = repo ? ['--baseContentUrl', `${repo}/blob/HEAD`, '--baseImagesUrl', `${repo}/raw/HEAD`] : [];
    vsce(stage, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', ...base, '--out', path.resolve(out));
    return fs.statSync(out).size;
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2), { out: 'value' });
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const out = path.resolve(args.out ?? 'dunmark.vsix');
  const size = packageVsix(root, out);
  console.log(`${path.relative(process.cwd(), out)}: ${(size / 1024).toFixed(0)} KB`);
}
