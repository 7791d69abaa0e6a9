// The precision corpus: realistic, correct documents that no rule may flag. Any error or warning on
// one of them is a false positive (info and hint are drafting advice, which a good letter may still get).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { lint } from '../../src/index.js';
import { CORPUS_CONFIG, FIXTURE_TODAY, formatFinding, ROOT } from './helpers.js';

// clean/: ours and the first blind writer's; clean2/: a second writer's, who had not read the rules either
const DIRS = ['clean', 'clean2'];
const files = DIRS.flatMap((dir) =>
  fs
    .readdirSync(path.join(ROOT, 'test/fixtures', dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `${dir}/${f}`),
);
const texts = new Map(files.map((f) => [f, fs.readFileSync(path.join(ROOT, 'test/fixtures', f), 'utf8')]));

/** The front matter of a corpus document, parsed. */
function factsOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  assert.ok(match, 'front matter');
  return parseYaml(match[1]!) as Record<string, unknown>;
}

describe('clean corpus', () => {
  it('has at least 120 documents covering every stage, kind and language', () => {
    assert.ok(files.length >= 120, `${files.length} documents`);
    const all = [...texts.values()].map(factsOf);
    const has = (key: string, value: unknown): boolean => all.some((f) => f[key] === value);
    for (const stage of ['reminder', 'second-reminder', 'final-demand', 'letter-before-action']) assert.ok(has('stage', stage), stage);
    for (const kind of ['dunning-letter', 'call-summary', 'call-preparation', 'clause']) assert.ok(has('kind', kind), kind);
    for (const language of ['en', 'zh-CN', 'en+zh-CN']) assert.ok(has('language', language), language);
    for (const clause of ['arbitration', 'guarantor', 'prevailing-language']) assert.ok(has('clause', clause), clause);
    const institutions = new Set(all.map((f) => (f.contract as { arbitration?: string } | undefined)?.arbitration));
    for (const institution of ['CIETAC', 'HKIAC', 'SIAC', 'ICC']) assert.ok(institutions.has(institution), institution);
  });

  it('holds the ordinary words that fool naive linters', () => {
    const corpus = [...texts.values()].join('\n');
    for (const phrase of [
      'skill',
      'execute',
      'charge per clause 7',
      'legal department',
      'final invoice',
      'shoot us an email',
      'we will call you on Monday',
      '追讨',
      '法律途径',
      'fraud prevention',
    ]) {
      assert.ok(corpus.includes(phrase), `no document says \`${phrase}\``);
    }
  });

  for (const file of files) {
    it(file, () => {
      const text = texts.get(file)!;
      const findings = lint(text, { config: CORPUS_CONFIG, path: file });
      const offending = findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(offending.map(formatFinding), [], `false positives on test/fixtures/${file}:\n${offending.map(formatFinding).join('\n')}`);
    });
  }

  it('keeps its dates consistent: letter dated on or before today, deadline a weekday at least a week after it', () => {
    for (const [file, text] of texts) {
      const facts = factsOf(text);
      const date = typeof facts.date === 'string' ? facts.date : undefined;
      if (date) assert.ok(date <= FIXTURE_TODAY, `${file}: date ${date} after ${FIXTURE_TODAY}`);
      if (typeof facts.deadline === 'string') {
        assert.ok(date && facts.deadline > FIXTURE_TODAY && facts.deadline > date, `${file}: deadline ${facts.deadline}`);
        const deadline = new Date(`${facts.deadline}T00:00:00Z`);
        const day = deadline.getUTCDay();
        assert.ok(day !== 0 && day !== 6, `${file}: deadline ${facts.deadline} on a weekend`);
        const days = (deadline.getTime() - new Date(`${date}T00:00:00Z`).getTime()) / 86_400_000;
        assert.ok(days >= 7, `${file}: deadline ${facts.deadline} only ${days} days after the letter`);
      }
    }
  });
});
