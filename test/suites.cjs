// The unit tests in two suites, so that the loop a contributor runs after every change is fast:
//   npm run test:unit  — everything that runs in this process (the core, the readers, the rules);
//   npm run test:slow  — files that start processes (the CLI, LibreOffice, a language server) and
//                        the linear-time audit (every rule on 128 KB of adversarial text);
//   npm test           — both, and the editor suites.
// A file is slow when it imports the CLI helpers or node:child_process, or is named in SLOW: a new
// test lands in the right suite without anyone listing it. Each suite's config is the project's
// .mocharc.json with its own list of files (`mocha --config test/unit.mocharc.cjs`).
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const UNIT = path.join(ROOT, 'test/unit');
/** Files that run in this process but take minutes of CPU. */
const SLOW = new Set(['linear-time.test.ts', 'fix-properties.test.ts']);
const STARTS_PROCESSES = /from '\.\/cli-helpers\.js'|from 'node:child_process'/;

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(full);
    return entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function isSlow(file) {
  return SLOW.has(path.basename(file)) || STARTS_PROCESSES.test(fs.readFileSync(file, 'utf8'));
}

/** The mocha config of the `fast` or the `slow` suite. */
function suite(which) {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8'));
  const spec = testFiles(UNIT)
    .filter((file) => isSlow(file) === (which === 'slow'))
    .sort()
    .map((file) => path.relative(process.cwd(), file));
  // a time limit per test is a timed assertion too: on a busy machine a CLI run may take a minute;
  // the limit is only there to end a real hang
  return { ...base, timeout: Math.max(base.timeout ?? 0, 600_000), spec };
}

module.exports = { suite };
