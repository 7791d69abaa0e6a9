// What the browser tests (smoke.mjs, export-ui.mjs) share: the .vsix a user installs (packaged from
// the extension folder, or given), installed into the run's code-server, and the workbench open on
// the run's workspace in headless chromium.
import path from 'node:path';
import { packageVsix } from './package-vsix.mjs';
import { installVsix, launchBrowser, log, startCodeServer } from './lib.mjs';

/** Installs the extension and opens the workbench; resolves with the page once the Explorer shows. */
export async function openWorkbench(install, run, { extension, vsix: given, stepTimeout }) {
  let vsix = given && path.resolve(given);
  if (!vsix) {
    vsix = path.join(run.dir, 'dunmark.vsix');
    log(`packaged ${path.basename(vsix)}: ${(packageVsix(path.resolve(extension), vsix, install) / 1024).toFixed(0)} KB`);
  }
  log(installVsix(install, run, vsix).split('\n').pop());
  const server = await startCodeServer(install, run, { workspace: run.workspace });
  const { page } = await launchBrowser(install);
  page.setDefaultTimeout(stepTimeout);
  page.on('pageerror', (e) => log('page error:', e.message));
  await page.goto(`${server.url}/?folder=${encodeURIComponent(run.workspace)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor();
  log('workbench ready');
  return page;
}
