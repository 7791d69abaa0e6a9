#!/usr/bin/env node
// The same integration suite in desktop VS Code through @vscode/test-electron, for machines that can
// download a VS Code build (this one cannot: run.sh uses code-server instead). Same bundle, same
// fixtures, same "N passed, N failed" line.
//
//   node test/e2e/build-integration.mjs && node test/e2e/run-electron.mjs [--version 1.100.3]
import { runTests } from '@vscode/test-electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const versionFlag = process.argv.indexOf('--version');
const version = versionFlag > -1 ? process.argv[versionFlag + 1] : '1.100.3';
const tests = path.join(root, 'out/integration/index.cjs');
if (!fs.existsSync(tests)) {
  console.error('out/integration/index.cjs is missing: run node test/e2e/build-integration.mjs first');
  process.exit(2);
}
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dunmark-electron-'));
const workspace = path.join(scratch, 'workspace');
fs.cpSync(path.join(root, 'test/integration/fixtures'), workspace, { recursive: true });
const results = path.join(scratch, 'results.json');
let code = 1;
try {
  code = await runTests({
    version,
    extensionDevelopmentPath: root,
    extensionTestsPath: tests,
    extensionTestsEnv: { E2E_RESULTS_FILE: results },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
      '--user-data-dir',
      path.join(scratch, 'user-data'),
    ],
  });
} catch (error) {
  console.error(`[e2e] test-electron failed: ${error?.message ?? error}`);
}
if (fs.existsSync(results)) {
  const stats = JSON.parse(fs.readFileSync(results, 'utf8')).stats ?? {};
  console.log(`${stats.passes ?? 0} passed, ${stats.failures ?? 0} failed`);
}
fs.rmSync(scratch, { recursive: true, force: true });
process.exit(code);
