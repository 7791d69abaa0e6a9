// `--fix` never changes what a letter claims: properties over every letter we have.
//   1. a clean letter comes out byte for byte as it went in;
//   2. on a faulty letter, no amount, date or invoice/contract number disappears unless a finding pointed at it;
//   3. a second `--fix` changes nothing;
//   4. a figure is changed only when it is a slip of the pen of the one fact value and the sentence presents it as
//      owed: an offered instalment, a part payment option, a credit limit, a unit price, an interest row, a total
//      "including interest" are left for a person (test/fixtures/fix-figures; `slip-*` letters are the slips).
// The letters: test/fixtures/clean, the blind set, every rule fixture (enough on their own: the counts below hold
// without anything else), and also ../shared/corpus when it sits beside the repository.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixUntilStable, MAX_FIX_PASSES, selectFixes } from '../../src/core/fixes.js';
import { readAmounts } from '../../src/core/facts/amounts.js';
import { readDates } from '../../src/core/facts/dates.js';
import { applyFixes, lint } from '../../src/index.js';
import { FIXTURE_TODAY, ROOT } from './helpers.js';

const config = { today: FIXTURE_TODAY };
/** What `--fix` does to a text: the core's fixUntilStable over lint. */
const fixText = (text: string): { text: string } => fixUntilStable(text, (t) => lint(t, { config }));
const SHARED_CORPUS = path.join(ROOT, '../shared/corpus');

function markdownIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return markdownIn(p);
    return e.name.endsWith('.md') && !e.name.endsWith('.fixed.md') ? [p] : [];
  });
}

const clean = [...markdownIn(path.join(ROOT, 'test/fixtures/clean')), ...markdownIn(path.join(ROOT, 'test/fixtures/clean2'))];
const faulty = [
  ...markdownIn(path.join(ROOT, 'test/fixtures/blind/cases')),
  ...markdownIn(path.join(ROOT, 'test/fixtures/blind2/cases')),
  ...markdownIn(path.join(ROOT, 'test/fixtures/rules')),
];
const withSharedCorpus = fs.existsSync(SHARED_CORPUS);
if (withSharedCorpus) {
  const labels = JSON.parse(fs.readFileSync(path.join(SHARED_CORPUS, 'labels.json'), 'utf8')) as Record<string, { expect: unknown[] }>;
  for (const file of markdownIn(path.join(SHARED_CORPUS, 'cases'))) ((labels[path.basename(file)]?.expect.length ?? 0) === 0 ? clean : faulty).push(file);
}

const REFERENCE = /(?<![\p{Script=Latin}\p{N}_-])[A-Z][A-Z0-9]*(?:[-/][A-Z0-9]+)+(?![\p{Script=Latin}\p{N}_-])/gu;

/** The claims of a text: every amount, date and reference, as written, with where each stands. */
function claims(text: string): { raw: string; start: number; end: number }[] {
  const out = [...readAmounts(text), ...readDates(text)].map((m) => ({ raw: m.raw, start: m.start, end: m.end }));
  for (const m of text.matchAll(REFERENCE)) if (/\d/.test(m[0])) out.push({ raw: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const relative = (file: string): string => path.relative(ROOT, file);

describe('--fix never changes what a letter claims', () => {
  it('has letters to check, from the project alone', () => {
    const own = (files: string[]): number => files.filter((f) => !f.startsWith(SHARED_CORPUS)).length;
    assert.ok(own(clean) >= 80, `${own(clean)} clean letters of the project's own`);
    assert.ok(own(faulty) >= 100, `${own(faulty)} faulty letters of the project's own`);
    if (!withSharedCorpus) console.log("      (../shared/corpus is not beside the repository: the project's own letters only)");
  });

  describe('a clean letter is left byte for byte as it was', () => {
    for (const file of clean) {
      it(relative(file), () => {
        const text = fs.readFileSync(file, 'utf8');
        assert.equal(fixText(text).text, text);
      });
    }
  });

  describe('a faulty letter loses no amount, date or number that no finding pointed at, and a second --fix changes nothing', () => {
    for (const file of faulty) {
      it(relative(file), () => {
        const text = fs.readFileSync(file, 'utf8');
        const once = fixText(text).text;
        assert.equal(fixText(once).text, once, 'a second --fix changed the text');
        if (once === text) return;
        // pass by pass, as --fix goes: a claim a pass removes was changed by the fix of a finding that pointed at it
        let current = text;
        for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
          const findings = lint(current, { config });
          const fixes = selectFixes(findings, current.length);
          if (fixes.length === 0) break;
          const next = applyFixes(current, fixes);
          if (next === current) break;
          const owner = new Map(findings.flatMap((f) => f.fixes.map((x) => [x, f.span] as const)));
          const left = new Map<string, number>();
          for (const c of claims(next)) left.set(c.raw, (left.get(c.raw) ?? 0) + 1);
          for (const c of claims(current)) {
            const n = left.get(c.raw) ?? 0;
            if (n > 0) {
              left.set(c.raw, n - 1);
              continue;
            }
            // an edit over the claim, or an insertion at its edge (大写 …元 + 整)
            const touches = (e: { start: number; end: number }): boolean =>
              (e.start < c.end && c.start < e.end) || (e.start === e.end && e.start >= c.start && e.start <= c.end);
            const fix = fixes.find((f) => f.edits.some(touches));
            const span = fix && owner.get(fix);
            assert.ok(
              span && touches(span),
              `pass ${pass + 1} of --fix changed \`${c.raw}\` (offset ${c.start}), which the finding behind the fix did not point at`,
            );
          }
          current = next;
        }
        assert.equal(current, once);
      });
    }
  });
});

describe('--fix changes a figure only when it is certain', () => {
  const dir = path.join(ROOT, 'test/fixtures/fix-figures');
  const letters = markdownIn(dir);
  it('has the real-world cases', () => {
    const names = letters.map((f) => path.basename(f));
    for (const name of ['offered-instalments.md', 'part-payment-option.md', 'credit-limit-and-unit-price.md', 'interest-row-table.md', 'including-interest.md'])
      assert.ok(names.includes(name), name);
  });
  for (const file of letters) {
    it(relative(file), () => {
      const text = fs.readFileSync(file, 'utf8');
      const fixed = fixText(text).text;
      const figures = (t: string): string[] => [...readAmounts(t), ...readDates(t)].map((m) => m.raw).sort();
      if (path.basename(file).startsWith('slip-')) {
        assert.notEqual(fixed, text, 'a slip of the pen is fixed');
        assert.equal(fixText(fixed).text, fixed);
      } else {
        assert.deepEqual(figures(fixed), figures(text), 'no figure or date changed');
      }
    });
  }
});
