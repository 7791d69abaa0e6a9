// The engine's own contract: offsets, positions, suppression comments, configuration, ordering.
import assert from 'node:assert/strict';
import { parseDocument, runRules, sortFindings } from '../../src/core/engine.js';
import { applyFixes } from '../../src/core/fixes.js';
import { defineRule, type Rule } from '../../src/core/rule.js';
import type { Finding } from '../../src/core/types.js';

const FRONT = '---\nkind: dunning-letter\nstage: reminder\nlanguage: en\namount: 18400.00\n---\n';

/** A test rule that reports every occurrence of a word. */
function wordRule(id: string, word: string, category: Rule['meta']['category'] = 'tone'): Rule {
  return defineRule({
    meta: { id, category, defaultSeverity: 'warning', description: `Reports ${word}`, docs: { en: '', zh: '' }, languages: ['eng'] },
    check({ blocks, report }) {
      for (const block of blocks) {
        let i = block.text.indexOf(word);
        while (i !== -1) {
          report({
            start: block.start + i,
            end: block.start + i + word.length,
            message: { en: `Unexpected \`${word}\``, zh: `不应出现“${word}”` },
            fixes: [{ title: 'Remove', edits: [{ start: block.start + i, end: block.start + i + word.length, text: '' }], isPreferred: true }],
          });
          i = block.text.indexOf(word, i + word.length);
        }
      }
    },
  });
}

describe('engine', () => {
  it('keeps UTF-16 offsets into the original text when it starts with a BOM', () => {
    const text = `\uFEFF${FRONT}\nPlease pay now.\n`;
    const doc = parseDocument(text);
    assert.equal(doc.frontMatter?.span.start, 1);
    assert.deepEqual(doc.frontMatter?.data, { kind: 'dunning-letter', stage: 'reminder', language: 'en', amount: 18400 });
    const [finding] = runRules(doc, [wordRule('w', 'now')]);
    assert.ok(finding);
    assert.equal(text.slice(finding.span.start, finding.span.end), 'now');
    assert.equal(finding.line, 8);
    assert.equal(finding.column, 12);
  });

  it('counts CRLF line endings as one line break', () => {
    const text = FRONT.replace(/\n/g, '\r\n') + '\r\nPlease pay now.\r\n';
    const [finding] = runRules(parseDocument(text), [wordRule('w', 'now')]);
    assert.equal(finding?.line, 8);
    assert.equal(text.slice(finding!.span.start, finding!.span.end), 'now');
  });

  it('locates every front-matter key, nested and in lists', () => {
    const text = '---\ndebtor:\n  name: Ningbo Lianhe\ninvoices:\n  - number: A-1\n    amount: 5\n---\n';
    const doc = parseDocument(text);
    const loc = doc.frontMatter!.keys.get('invoices.0.amount')!;
    assert.equal(text.slice(loc.key.start, loc.key.end), 'amount');
    assert.equal(text.slice(loc.value.start, loc.value.end), '5');
    assert.equal(text.slice(doc.frontMatter!.keys.get('debtor.name')!.value.start, doc.frontMatter!.keys.get('debtor.name')!.value.end), 'Ningbo Lianhe');
  });

  it('reports YAML errors with a position inside the front matter', () => {
    const text = '---\namount: [1, 2\nstage: reminder\n---\n\nText.\n';
    const doc = parseDocument(text);
    assert.ok(doc.frontMatter!.errors.length > 0);
    for (const e of doc.frontMatter!.errors) {
      assert.ok(e.span.start >= doc.frontMatter!.content.start && e.span.end <= doc.frontMatter!.content.end);
    }
  });

  it('splits prose into blocks with their script language', () => {
    const doc = parseDocument(
      `${FRONT}\n# Payment reminder\n\n请于2026年12月4日前付款。\n\n- Invoice HVW-2026-1187 is still unpaid\n\n> quoted\n\n\`\`\`\ncode is not prose\n\`\`\`\n`,
    );
    assert.deepEqual(
      doc.blocks.map((b) => [b.type, b.language, b.listItem, b.quoted]),
      [
        ['heading', 'en', false, false],
        ['paragraph', 'zh', false, false],
        ['paragraph', 'en', true, false],
        ['paragraph', 'en', false, true],
      ],
    );
  });

  it('honours disable-next-line, disable-line and disable/enable ranges', () => {
    const text = [
      FRONT,
      'now one',
      '',
      '<!-- dunmark-disable-next-line w -->',
      'now two',
      '',
      '<!-- dunmark-disable w -->',
      '',
      'now three',
      '',
      '<!-- dunmark-enable w -->',
      '',
      'now four',
      '',
      '<!-- dunmark-disable-next-line -->',
      'now five',
    ].join('\n');
    const lines = runRules(parseDocument(text), [wordRule('w', 'now')]).map((f) => text.slice(f.span.start).split('\n')[0]);
    assert.deepEqual(lines, ['now one', 'now four']);
  });

  it('applies severities, options and category overrides from config', () => {
    const doc = parseDocument(`${FRONT}\nnow\n`);
    const rule = wordRule('w', 'now');
    assert.equal(runRules(doc, [rule], { rules: { w: 'off' } }).length, 0);
    assert.equal(runRules(doc, [rule], { rules: { w: 'error' } })[0]?.severity, 'error');
    assert.equal(runRules(doc, [rule], { rules: { w: ['hint', {}] } })[0]?.severity, 'hint');
    assert.equal(runRules(doc, [rule], { categories: { tone: 'info' } })[0]?.severity, 'info');
    assert.equal(runRules(doc, [rule], { categories: { tone: 'info' }, rules: { w: 'error' } })[0]?.severity, 'error');
  });

  it('writes messages in the letter language unless configured', () => {
    const zh = parseDocument('---\nlanguage: zh-CN\n---\n\nnow\n');
    const rule = wordRule('w', 'now');
    assert.equal(runRules(zh, [rule])[0]?.message, '不应出现“now”');
    assert.equal(runRules(zh, [rule], { messageLanguage: 'en' })[0]?.message, 'Unexpected `now`');
  });

  it('turns a failing rule into a finding instead of throwing', () => {
    const broken = defineRule({
      meta: { id: 'broken', category: 'facts', defaultSeverity: 'error', description: 'Throws', docs: { en: '', zh: '' }, languages: ['eng'] },
      check() {
        throw new Error('boom');
      },
    });
    const [finding] = runRules(parseDocument('text'), [broken]);
    assert.equal(finding?.ruleId, 'broken');
    assert.equal(finding?.severity, 'warning');
    assert.match(finding!.message, /boom/);
  });

  it('clamps spans a rule reports outside the text', () => {
    const wild = defineRule({
      meta: { id: 'wild', category: 'facts', defaultSeverity: 'error', description: 'Out of range', docs: { en: '', zh: '' }, languages: ['eng'] },
      check({ report }) {
        report({ start: -5, end: 1e9, message: 'x' });
        report({ start: Number.NaN, end: 3, message: 'y' });
      },
    });
    for (const f of runRules(parseDocument('short'), [wild])) {
      assert.ok(f.span.start >= 0 && f.span.end <= 5 && f.span.start <= f.span.end);
    }
  });

  it('sorts findings by position, then rule id', () => {
    const mk = (ruleId: string, start: number): Finding => ({
      ruleId,
      category: 'tone',
      severity: 'error',
      message: '',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
      span: { start, end: start },
      fixes: [],
    });
    assert.deepEqual(
      sortFindings([mk('b', 5), mk('a', 5), mk('c', 1)]).map((f) => f.ruleId),
      ['c', 'a', 'b'],
    );
  });
});

describe('applyFixes', () => {
  it('applies non-overlapping edits and skips overlapping ones', () => {
    const text = 'pay now or now';
    const out = applyFixes(text, [
      { title: 'a', edits: [{ start: 4, end: 7, text: 'today' }] },
      { title: 'b', edits: [{ start: 5, end: 9, text: 'X' }] },
      { title: 'c', edits: [{ start: 11, end: 14, text: 'later' }] },
    ]);
    assert.equal(out, 'pay today or later');
  });
  it('ignores edits outside the text', () => {
    assert.equal(applyFixes('abc', [{ title: 'x', edits: [{ start: 2, end: 10, text: 'z' }] }]), 'abc');
  });
});
