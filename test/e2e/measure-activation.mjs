#!/usr/bin/env node
// Measures what activation costs outside any editor: loading dist/extension.cjs (module evaluation)
// and calling activate() with a stand-in `vscode` module whose every member is an inert stub. The
// real-editor number comes from the integration suite ("activation took N ms"); this one separates
// the bundle's load time, which the editor also pays, and prints the bundle sizes.
//   node test/e2e/measure-activation.mjs [--runs 20] [--web]
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 20;

// a callable, constructible, indexable stub: enough for activation to wire objects together
const stub = () =>
  new Proxy(function stubbed() {}, {
    get: (target, key) => (key === 'prototype' ? target.prototype : key === Symbol.toPrimitive ? () => '' : key === 'then' ? undefined : stub()),
    set: () => true,
    apply: () => stub(),
    construct: () => stub(),
  });
// esbuild's interop copies the module's own keys: give the stand-in every name @types/vscode exports
const declarations = fs.readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
const vscode = Object.fromEntries([...declarations.matchAll(/^\s+export (?:class|namespace|enum|const|function|let) (\w+)/gm)].map((m) => [m[1], stub()]));
// the language client checks the editor's version and starts the server: a version it accepts, and no process started
vscode.version = '1.100.0';
const noProcesses = new Proxy({}, { get: () => stub() });
const originalLoad = Module._load;
const web = process.argv.includes('--web');
Module._load = function load(request, ...rest) {
  if (request === 'vscode') return vscode;
  if (request === 'child_process' || request === 'node:child_process') return noProcesses;
  if (web && !path.isAbsolute(request)) throw new Error(`the web bundle requires \`${request}\``);
  return originalLoad.call(this, request, ...rest);
};

// --web: the browser bundle (it must load without any Node module: this stand-in host has none to offer)
const bundle = path.join(root, process.argv.includes('--web') ? 'dist/web/extension.cjs' : 'dist/extension.cjs');
const loads = [];
const evaluations = [];
const activations = [];
for (let i = 0; i < runs; i++) {
  delete Module._cache[bundle];
  const t0 = performance.now();
  const extension = Module.createRequire(import.meta.url)(bundle);
  const t1 = performance.now();
  const api = extension.activate({ subscriptions: [], extensionUri: stub() });
  const t2 = performance.now();
  evaluations.push(api.loadMs ?? Number.NaN);
  loads.push(t1 - t0);
  activations.push(t2 - t1);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (f) => `${(fs.statSync(path.join(root, f)).size / 1024).toFixed(0)} KB`;
console.log(`bundle sizes: dist/extension.cjs ${kb('dist/extension.cjs')}, dist/web/extension.cjs ${kb('dist/web/extension.cjs')}`);
console.log(
  `require(): first ${loads[0].toFixed(1)} ms, median ${median(loads).toFixed(1)} ms (compile + evaluation); ` +
    `evaluation alone: median ${median(evaluations).toFixed(1)} ms; activate(): median ${median(activations).toFixed(2)} ms (${runs} runs)`,
);
