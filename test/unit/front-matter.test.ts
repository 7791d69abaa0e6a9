// The one front-matter splitter and reader: any line ending, bounded depth, collections as keys
// (the inputs that broke it, copied into test/fixtures/repro).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { splitFrontMatter } from '../../src/core/front-matter.js';
import { lint } from '../../src/index.js';
import { FIXTURE_TODAY, ROOT } from './helpers.js';

const REPRO = path.join(ROOT, 'test/fixtures/repro');
const config = { today: FIXTURE_TODAY };

describe('front matter', () => {
  it('splits at the fences with LF, CRLF or CR line endings and after a BOM', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `---${eol}kind: clause${eol}---${eol}${eol}Body.${eol}`;
      const block = splitFrontMatter(text);
      assert.ok(block, JSON.stringify(eol));
      assert.equal(text.slice(block.content.start, block.content.end), `kind: clause${eol}`);
      assert.equal(text.slice(block.span.start, block.span.end), `---${eol}kind: clause${eol}---`);
      assert.equal(text.slice(block.bodyStart), `${eol}Body.${eol}`);
    }
    assert.equal(splitFrontMatter('\uFEFF---\nkind: clause\n---')?.span.start, 1);
    assert.equal(splitFrontMatter('---\nkind: clause\n'), undefined, 'no closing fence');
    assert.equal(splitFrontMatter(' ---\nkind: clause\n---\n'), undefined, 'indented fence');
    assert.ok(splitFrontMatter('--- \t\nkind: clause\n---  \n'), 'spaces after a fence');
  });

  it('reads a letter with CR-only line endings like the same letter with LF (repro: with-mistakes-cr-only.md)', () => {
    const cr = fs.readFileSync(path.join(REPRO, 'with-mistakes-cr-only.md'), 'utf8');
    const lf = cr.replace(/\r/g, '\n');
    assert.ok(!cr.includes('\n'));
    const findings = lint(cr, { config });
    assert.deepEqual(findings, lint(lf, { config }));
    // the facts were read: the rules that compare the text with them speak (with CR ignored only 3 findings were left)
    assert.ok(findings.some((f) => f.ruleId === 'amount-matches-facts') && findings.length > 3, findings.map((f) => f.ruleId).join(' '));
    assert.equal(lf, fs.readFileSync(path.join(ROOT, 'examples/with-mistakes.md'), 'utf8'), 'the repro is the faulty example');
  });

  it('reports a collection used as a key as one front-matter finding, with no Node warning (repro: yaml-collection-key.md)', () => {
    const text = fs.readFileSync(path.join(REPRO, 'yaml-collection-key.md'), 'utf8');
    const warnings: string[] = [];
    const onWarning = (w: Error): void => void warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const findings = lint(text, { config }).filter((f) => f.ruleId === 'front-matter');
      assert.deepEqual(
        findings.map((f) => `${f.line}:${f.column} ${f.message}`),
        ['3:3 Unexpected YAML: a list or mapping used as a key, expected a plain name'],
      );
    } finally {
      process.off('warning', onWarning);
    }
    assert.deepEqual(warnings, []);
  });

  it('reports front matter nested deeper than the reader accepts as one finding, the same on every call', () => {
    const forms = [
      `a: ${'['.repeat(3000)}${']'.repeat(3000)}`,
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' 1',
      `a:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i * 2)}-`).join('\n')} 1`,
    ];
    for (const yaml of forms) {
      const text = `---\nkind: dunning-letter\n${yaml}\n---\n\nBody.\n`;
      const first = lint(text, { config });
      assert.deepEqual(
        first.map((f) => f.ruleId),
        ['front-matter'],
      );
      assert.match(first[0]!.message, /nested \d+ levels deep, expected at most 64/);
      for (let i = 0; i < 3; i++) assert.deepEqual(lint(text, { config }), first);
    }
    const shallow = `---\nkind: dunning-letter\na: ${'['.repeat(60)}${']'.repeat(60)}\n---\n`;
    assert.ok(!lint(shallow, { config }).some((f) => /nested/.test(f.message)), 'nesting within the bound is read');
  });
});
