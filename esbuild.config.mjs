// Builds every bundle: the library (ESM), the CLI (ESM, executable), the Node extension (CJS)
// and the web extension (CJS for the browser worker host). `--watch` rebuilds on change; `--meta`
// prints what each bundle is made of.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const watch = process.argv.includes('--watch');
// charset utf8: Chinese phrase lists and messages stay UTF-8 (3 bytes a character) instead of \uXXXX escapes (6)
const common = { bundle: true, sourcemap: 'linked', target: 'es2022', logLevel: 'warning', legalComments: 'none', charset: 'utf8' };
// The npm package ships the library and the CLI without their maps: written beside them for local debugging, never linked
const published = { ...common, sourcemap: 'external' };

const builds = [
  { ...published, entryPoints: ['src/index.ts'], outfile: 'dist/index.mjs', format: 'esm', platform: 'neutral', mainFields: ['module', 'main'] },
  {
    // split: `dunmark export` and Word letters load their chunk (docx, mammoth) only when used
    ...published,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    format: 'esm',
    platform: 'node',
    banner: {
      js: "#!/usr/bin/env node\nimport { createRequire as __dunmarkRequire } from 'node:module'; import { fileURLToPath as __dunmarkPath } from 'node:url'; const require = __dunmarkRequire(import.meta.url); const __filename = __dunmarkPath(import.meta.url);",
    },
  },
];
// The extension bundles note when their code starts running, so activate() can report the load time.
const loadStamp = { js: 'var __dunmarkLoadStart = typeof performance === "object" ? performance.now() : 0;' };
// ...and read the built-in templates from the extension's templates/ folder on first use instead of
// bundling the generated module (src/vscode/builtin-files.ts stands in for it, builtin-templates.ts fills it)
const builtinTemplatesFromFolder = {
  name: 'builtin-templates-from-folder',
  setup(build) {
    build.onResolve({ filter: /\/builtin\.generated\.js$/ }, (args) =>
      args.importer.endsWith(path.join('src', 'core', 'templates', 'index.ts')) ? { path: path.resolve('src/vscode/builtin-files.ts') } : undefined,
    );
  },
};
// ...and take yaml's ES module build, which esbuild can tree-shake (its `node` entry is CommonJS, kept whole)
const yamlEsm = {
  name: 'yaml-esm',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, () => ({ path: path.resolve('node_modules/yaml/browser/index.js') }));
  },
};
// The Node extension loads the core its UI uses (drafting, cases, forms) from a bundle of its own on
// first use: activation evaluates the language client and the UI's wiring only
const coreOnFirstUse = {
  name: 'core-on-first-use',
  setup(build) {
    build.onResolve({ filter: /^\.\/core-lazy\.js$/ }, () => ({ path: './core.cjs', external: true }));
  },
};
if (existsSync('src/vscode/core-lazy.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/vscode/core-lazy.ts'],
    outfile: 'dist/core.cjs',
    format: 'cjs',
    platform: 'node',
    minify: true,
    plugins: [builtinTemplatesFromFolder, yamlEsm],
  });
}
if (existsSync('src/vscode/extension.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.cjs',
    format: 'cjs',
    platform: 'node',
    external: ['vscode'],
    minify: true,
    banner: loadStamp,
    plugins: [coreOnFirstUse, builtinTemplatesFromFolder, yamlEsm],
  });
}
// the worker pool's threads: a worker_threads worker (desktop and remote hosts) and a Web Worker (web)
if (existsSync('src/node/worker.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/node/worker.ts'],
    outfile: 'dist/worker.cjs',
    format: 'cjs',
    platform: 'node',
    minify: true,
    plugins: [yamlEsm],
  });
  builds.push({
    ...common,
    entryPoints: ['src/server/web-worker.ts'],
    outfile: 'dist/web/worker.js',
    format: 'iife',
    platform: 'browser',
    minify: true,
    mainFields: ['browser', 'module', 'main'],
    conditions: ['worker'],
    plugins: [yamlEsm],
  });
}
// the language server the desktop extension starts (a process of its own, over IPC), beside the pool's worker
if (existsSync('src/node/server-main.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/node/server-main.ts'],
    outfile: 'dist/server.cjs',
    format: 'cjs',
    platform: 'node',
    minify: true,
    plugins: [yamlEsm],
  });
}
// the language server in a Web Worker (the web extension's), beside the pool's web worker
if (existsSync('src/server/web-server.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/server/web-server.ts'],
    outfile: 'dist/web/server.js',
    format: 'iife',
    platform: 'browser',
    minify: true,
    mainFields: ['browser', 'module', 'main'],
    conditions: ['worker'],
    plugins: [yamlEsm],
  });
}
// the export code of the Node extension: a bundle of its own, required on first use, never at activation
if (existsSync('src/vscode/export-lazy.ts')) {
  builds.push({ ...common, entryPoints: ['src/vscode/export-lazy.ts'], outfile: 'dist/export.cjs', format: 'cjs', platform: 'node', minify: true });
}
if (existsSync('src/vscode/web.ts')) {
  builds.push({
    ...common,
    entryPoints: ['src/vscode/web.ts'],
    outfile: 'dist/web/extension.cjs',
    format: 'cjs',
    platform: 'browser',
    external: ['vscode'],
    minify: true,
    mainFields: ['browser', 'module', 'main'],
    banner: loadStamp,
    plugins: [builtinTemplatesFromFolder, yamlEsm],
    // a web extension runs in a worker: packages' `worker` builds, not their DOM ones (decode-named-character-reference's
    // DOM build calls document.createElement when the Markdown parser loads, which throws where there is no document)
    conditions: ['worker'],
  });
}

// the facts form's page: a script of its own for the webview, loaded only when a form opens (never at activation)
builds.push({
  ...common,
  entryPoints: ['src/webview/facts-form.ts'],
  outfile: 'dist/webview/facts-form.js',
  format: 'iife',
  platform: 'browser',
  minify: true,
});

// the CLI's chunks are named by their hash: drop the last build's, or they pile up in the package
rmSync('dist/chunks', { recursive: true, force: true });
if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('watching src/ ...');
} else {
  const results = await Promise.all(builds.map((options) => esbuild.build({ ...options, metafile: process.argv.includes('--meta') })));
  if (process.argv.includes('--meta')) for (const r of results) console.log(await esbuild.analyzeMetafile(r.metafile));
  // `dunmark-ls`: the language server over stdio, for editors that start a server by its name
  writeFileSync(
    'dist/dunmark-ls.mjs',
    "#!/usr/bin/env node\n// dunmark-ls: `dunmark lsp --stdio` under the name editors expect\nconst transport = process.argv.slice(2).some((a) => /^--(stdio|node-ipc|socket=|pipe=)/.test(a));\nprocess.argv.splice(2, 0, 'lsp', ...(transport ? [] : ['--stdio']));\nawait import('./cli.mjs');\n",
  );
  // `npx dunmark` and the package's `bin` run the file itself: it must be executable
  chmodSync('dist/cli.mjs', 0o755);
  chmodSync('dist/dunmark-ls.mjs', 0o755);
  mkdirSync('dist/types', { recursive: true });
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
}
