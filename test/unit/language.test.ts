// The block language detector: every labelled sample right, odd input handled, cost linear.
import assert from 'node:assert/strict';
import { detectLanguage, measureLanguage } from '../../src/core/language/detect.js';
import type { BlockLanguage } from '../../src/core/rule.js';
import { readRepoFile } from './helpers.js';

const { samples } = JSON.parse(readRepoFile('test/fixtures/language-samples.json')) as {
  samples: { text: string; expected: BlockLanguage }[];
};

describe('language detector', () => {
  it('has at least 25 samples covering every label', () => {
    assert.ok(samples.length >= 25, `${samples.length} samples`);
    for (const label of ['en', 'zh', 'mixed', 'none'] as const) assert.ok(samples.some((s) => s.expected === label), label);
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
    const t0 = performance.now();
    assert.equal(detectLanguage(huge), 'zh');
    assert.ok(performance.now() - t0 < 500, 'linear in the length of the block');
  });
});
