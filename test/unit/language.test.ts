// The block language detector: every labelled sample right, odd input handled, cost linear.
import assert from 'node:assert/strict';
import { parseDocument, runRules } from '../../src/core/engine.js';
import { detectLanguage, measureLanguage } from '../../src/core/language/detect.js';
import type { BlockLanguage } from '../../src/core/rule.js';
import { languageRules } from '../../src/core/rules/language/index.js';
import type { Finding } from '../../src/core/types.js';
import { assertLinearGrowth } from './growth.js';
import { readRepoFile } from './helpers.js';

const { samples } = JSON.parse(readRepoFile('test/fixtures/language-samples.json')) as {
  samples: { text: string; expected: BlockLanguage }[];
};

describe('language detector', () => {
  it('has at least 25 samples covering every label', () => {
    assert.ok(samples.length >= 25, `${samples.length} samples`);
    for (const label of ['en', 'zh', 'mixed', 'none'] as const)
      assert.ok(
        samples.some((s) => s.expected === label),
        label,
      );
  });

  it('labels every sample right', () => {
    const wrong = samples
      .map((s) => ({ ...s, got: detectLanguage(s.text) }))
      .filter((s) => s.got !== s.expected)
      .map((s) => `expected ${s.expected}, got ${s.got}: ${JSON.stringify(s.text)}`);
    assert.deepEqual(wrong, []);
  });

  it('reads English with a long Chinese company name in it as English', () => {
    assert.equal(detectLanguage('We still have not received payment from 宁波联合实业有限公司 for the valves shipped in September.'), 'en');
  });

  it('ignores names, numbers, amounts and e-mail addresses', () => {
    assert.deepEqual(measureLanguage('Zhou Peng · HVW-2026-1187 · USD 18,400.00 · 2026-12-04 · ar@harborvalve.example'), { en: 0, zh: 0 });
  });

  it('handles empty, CRLF, BOM, lone surrogates and huge input without throwing', () => {
    assert.equal(detectLanguage(''), 'none');
    assert.equal(detectLanguage('\uFEFFDear Mr. Zhou,\r\nthank you.\r\n'), 'en');
    assert.equal(detectLanguage('\uD800\uDC00\uD800 贵公司尚欠货款。'), 'zh');
    const huge = '贵公司尚欠我方货款，请尽快支付。'.repeat(4000);
    assert.equal(detectLanguage(huge), 'zh');
    assertLinearGrowth('detectLanguage', huge, huge.repeat(8), (t) => detectLanguage(t));
  });
});

describe('language rules', () => {
  const rules = languageRules;
  const run = (text: string): Finding[] => runRules(parseDocument(text), rules, { today: '2026-11-20' });
  const front = (language: string, extra = ''): string =>
    `---\nkind: dunning-letter\nstage: final-demand\nlanguage: ${language}\ndebtor:\n  name: Ningbo Lianhe Industrial Co., Ltd.\n  locale: zh-CN\n${extra}---\n\n`;

  it('never throws and keeps spans inside the text on odd input', () => {
    const odd = [
      '',
      '\uFEFF',
      '---\n---\n',
      front('en+zh-CN'),
      `${front('zh-CN')}請於\uD800發`,
      `${front('en+zh-CN')}${'USD 1.00 2026年1月1日 '.repeat(2000)}`,
      `${front('zh-TW')}这们\r\n\r\n发票\r\n`,
      '---\nlanguage: [1, 2]\n---\n中文',
    ];
    for (const text of odd) {
      const findings = run(text);
      for (const f of findings) {
        assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end, JSON.stringify(f));
        assert.ok(!f.message.includes('Unexpected failure'), f.message);
      }
    }
  });

  it('finds the same things in a CRLF letter, at the same text', () => {
    const lf = `${front('zh-CN')}尊敬的周先生：\n\n請於2026年12月4日前支付款項。\n\nWe look forward to your payment by the deadline.\n`;
    const crlf = lf.replace(/\n/g, '\r\n');
    const slices = (text: string): string[] => run(text).map((f) => `${f.ruleId} ${text.slice(f.span.start, f.span.end)}`);
    assert.deepEqual(slices(crlf), slices(lf));
    assert.deepEqual(
      slices(lf).map((s) => s.split(' ')[0]),
      ['script-variant', 'script-variant', 'declared-language'],
    );
  });

  it('reads a BOM letter with offsets into the whole text', () => {
    const text = `\uFEFF${front('zh-CN')}請付款。\n`;
    const finding = run(text).find((f) => f.ruleId === 'script-variant');
    assert.equal(finding && text.slice(finding.span.start, finding.span.end), '請');
  });

  it('offers a preferred script fix only when every character has one form', () => {
    const text = `${front('zh-TW')}我們已发出提醒，但我们发现款項未到。\n`;
    const findings = run(text).filter((f) => f.ruleId === 'script-variant');
    assert.deepEqual(
      findings.map((f) => [text.slice(f.span.start, f.span.end), f.fixes.map((x) => x.edits[0]?.text)]),
      [
        ['发', ['發']],
        ['们发现', []],
      ],
    );
  });

  it('does not compare figures in lines that belong to neither half', () => {
    const text =
      `${front('en+zh-CN')}| Invoice | Amount |\n| --- | --- |\n| HVW-2026-1187 | USD 18,400.00 |\n\n` +
      'Please pay the amount of this invoice by the deadline we agreed with your finance team last week.\n\n' +
      '请贵公司按照与我方财务部门上周商定的期限支付本发票项下的全部款项，谢谢配合。\n\n以中文文本为准。\n';
    assert.deepEqual(
      run(text).map((f) => f.ruleId),
      [],
    );
  });
});
