#!/usr/bin/env node
// Bundles the integration suite for the extension host: each test/integration/*.test.ts and the
// mocha entry index.ts → out/integration/*.cjs (CommonJS, node; `vscode` and `mocha` stay external:
// the host provides the first, the repository's node_modules the second).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const src = path.join(root, 'test/integration');
const out = path.join(root, 'out/integration');
fs.rmSync(out, { recursive: true, force: true });
const entryPoints = fs
  .readdirSync(src)
  .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
  .map((f) => path.join(src, f));
await esbuild.build({
  entryPoints,
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external: ['vscode', 'mocha'],
  sourcemap: 'inline',
  logLevel: 'warning',
});
console.error(`[e2e] bundled ${entryPoints.length} integration files into ${path.relative(root, out)}/`);
