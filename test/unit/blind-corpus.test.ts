// The blind sets (test/fixtures/blind, blind2): faulty letters written by contributors who had not read the rules,
// labelled in the format of the independent corpus. Each label must be found (a finding of a listed category on
// the labelled line, or whose rule id and message match `about`), and no other error or warning may be raised.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/index.js';
import type { Finding } from '../../src/core/types.js';
import { CORPUS_CONFIG, formatFinding, ROOT } from './helpers.js';

interface Label {
  category: string[];
  on?: string;
  about?: string;
}

// blind/ and blind2/: two writers, each blind to the rules, each with its own labels
const SETS = ['blind', 'blind2'].map((name) => {
  const dir = path.join(ROOT, 'test/fixtures', name);
  const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8')) as Record<string, { expect: Label[] }>;
  const files = fs
    .readdirSync(path.join(dir, 'cases'))
    .filter((f) => f.endsWith('.md'))
    .sort();
  return { name, dir, labels, files };
});

function matcher(label: Label, lines: string[]): (f: Finding) => boolean {
  if (label.on !== undefined) {
    const line = lines.findIndex((l) => l.includes(label.on!)) + 1;
    assert.ok(line > 0, `label text not found: ${label.on}`);
    return (f) => label.category.includes(f.category) && f.line <= line + 1 && f.endLine >= line - 1;
  }
  const about = new RegExp(label.about ?? '', 'i');
  return (f) => label.category.includes(f.category) && about.test(`${f.ruleId} ${f.message}`);
}

for (const { name, dir, labels, files } of SETS) {
  describe(`blind set ${name}`, () => {
    it('labels every case, and every case has a defect', () => {
      assert.deepEqual(Object.keys(labels).sort(), files);
      for (const file of files) assert.ok(labels[file]!.expect.length > 0, file);
    });

    for (const file of files) {
      it(file, () => {
        const text = fs.readFileSync(path.join(dir, 'cases', file), 'utf8');
        const lines = text.split(/\r?\n/);
        const findings = lint(text, { config: CORPUS_CONFIG, path: file }).filter((f) => f.severity === 'error' || f.severity === 'warning');
        const used = new Set<Finding>();
        for (const label of labels[file]!.expect) {
          const hits = findings.filter(matcher(label, lines));
          assert.ok(
            hits.length > 0,
            `missed: [${label.category.join('|')}] ${label.on ?? `/${label.about}/`}\nfindings:\n${findings.map(formatFinding).join('\n')}`,
          );
          for (const h of hits) used.add(h);
        }
        const extra = findings.filter((f) => !used.has(f));
        assert.deepEqual(extra.map(formatFinding), [], 'findings that match no label');
      });
    }
  });
}
