// The one generic fixture runner: every rule's folder of real letters, with the exact
// findings expected. Adding a rule or a case never needs a new test file.
//
//   test/fixtures/rules/<rule-id>/<case>.md            the letter
//   test/fixtures/rules/<rule-id>/<case>.expected.txt  every finding, one per line (empty file: none)
//   test/fixtures/rules/<rule-id>/<case>.fixed.md      optional: the letter after `--fix`
//   test/fixtures/rules/<rule-id>/<case>.config.json   optional: config (default CORPUS_CONFIG: FIXTURE_TODAY, no approval rule)
//
// An expected file may start with `# only: rule-a rule-b` to compare the findings of those
// rules only; without it every finding of every rule must be listed.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, lint, listRules } from '../../src/index.js';
import type { DunmarkConfig } from '../../src/core/types.js';
import { CORPUS_CONFIG, FIXTURE_TODAY, formatFinding, ROOT } from './helpers.js';

const RULES_DIR = path.join(ROOT, 'test/fixtures/rules');
const ruleIds = new Set(listRules().map((r) => r.id));

function configFor(file: string, ruleId: string): DunmarkConfig {
  const configFile = file.replace(/\.md$/, '.config.json');
  const own = fs.existsSync(configFile) ? (JSON.parse(fs.readFileSync(configFile, 'utf8')) as DunmarkConfig) : {};
  // a letter's review state is not its wording: only the approval rule's own cases see that rule
  const base: DunmarkConfig = ruleId === 'approval' ? { today: FIXTURE_TODAY } : CORPUS_CONFIG;
  return { ...base, ...own, rules: { ...base.rules, ...own.rules } };
}

function parseExpected(text: string): { only: Set<string> | undefined; lines: string[] } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  let only: Set<string> | undefined;
  if (lines[0]?.startsWith('# only:')) only = new Set(lines.shift()!.slice('# only:'.length).trim().split(/\s+/));
  return { only, lines: lines.filter((l) => !l.startsWith('#')) };
}

describe('rule fixtures', () => {
  for (const ruleId of fs.readdirSync(RULES_DIR).sort()) {
    describe(ruleId, () => {
      it('names a registered rule', () => assert.ok(ruleIds.has(ruleId), `no rule \`${ruleId}\` in the registry`));
      const dir = path.join(RULES_DIR, ruleId);
      const cases = fs
        .readdirSync(dir)
        .filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))
        .sort();
      for (const name of cases) {
        const file = path.join(dir, name);
        it(name, () => {
          const text = fs.readFileSync(file, 'utf8');
          const expectedFile = file.replace(/\.md$/, '.expected.txt');
          assert.ok(fs.existsSync(expectedFile), `missing ${path.relative(ROOT, expectedFile)}`);
          const expected = parseExpected(fs.readFileSync(expectedFile, 'utf8'));
          const config = configFor(file, ruleId);
          const findings = lint(text, { config, path: file });
          const actual = findings.filter((f) => !expected.only || expected.only.has(f.ruleId)).map(formatFinding);
          assert.deepEqual(actual, expected.lines, `findings of ${path.relative(ROOT, file)}`);
          const fixedFile = file.replace(/\.md$/, '.fixed.md');
          if (fs.existsSync(fixedFile)) {
            const fixes = findings.flatMap((f) => f.fixes.filter((x) => x.isPreferred));
            assert.equal(applyFixes(text, fixes), fs.readFileSync(fixedFile, 'utf8'), `fixed text of ${name}`);
          }
        });
      }
    });
  }
});
