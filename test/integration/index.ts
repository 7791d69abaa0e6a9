// The mocha entry the extension host loads (extensionTestsPath): it runs every bundled *.test.cjs
// beside it. Spec output goes to the host's console (the runner prints it); when the runner sets
// E2E_RESULTS_FILE, mocha's JSON reporter also writes the results there for the summary line.
import fs from 'node:fs';
import path from 'node:path';
import type MochaClass from 'mocha';

// mocha is resolved by the extension host at run time (external in the bundle); its CommonJS build
// exports the class as the module itself, as `Mocha` or as `default` depending on the version
const mochaExports = require('mocha') as { Mocha?: typeof MochaClass; default?: typeof MochaClass };
const Mocha: typeof MochaClass = typeof mochaExports === 'function' ? (mochaExports as typeof MochaClass) : (mochaExports.Mocha ?? mochaExports.default!);

class SpecAndJson extends Mocha.reporters.Base {
  constructor(runner: MochaClass.Runner, options: MochaClass.MochaOptions) {
    super(runner, options);
    new Mocha.reporters.Spec(runner, options);
    const output = process.env.E2E_RESULTS_FILE;
    if (output) new Mocha.reporters.JSON(runner, { ...options, reporterOption: { output } } as MochaClass.MochaOptions);
  }
}

/** Called by the extension host; resolves when every test passed. */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: SpecAndJson });
  for (const file of fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.cjs'))
    .sort())
    mocha.addFile(path.join(__dirname, file));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
