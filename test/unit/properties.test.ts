// Properties that must hold for any input (fast-check): lint never throws, spans stay inside
// the text with consistent lines and columns, fixing is idempotent, output is deterministic.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixUntilStable } from '../../src/core/fixes.js';
import { lint } from '../../src/index.js';
import type { DunmarkConfig, Finding } from '../../src/core/types.js';
import { FIXTURE_TODAY } from './helpers.js';

const config: DunmarkConfig = { today: FIXTURE_TODAY };

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

const anyString = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: codeUnit, maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('\n', '\r', '\r\n', '-', '#', '|', '`', '*', '>', ' ', '\t', ':', '0', '元', '年', '$'), maxLength: 300 }),
);

const FRONT_MATTERS = [
  '---\nkind: dunning-letter\nstage: final-demand\ndate: 2026-11-20\nlanguage: en\ncreditor:\n  name: Harbor Valve Works LLC\ndebtor:\n  name: Ningbo Lianhe Industrial Co., Ltd.\namount: 18400.00\ncurrency: USD\ndue_date: 2026-10-15\ndeadline: 2026-12-04\nnext_step: arbitration\n---\n',
  '---\nkind: dunning-letter\nstage: 催款\ndate: 2026/11/20\nlanguage: zh-CN\namount: 壹万捌仟肆佰元整\ncurrency: RMB\n---\n',
  '---\nkind: [unclosed\n  : : :\n---\n',
  '---\n---\n',
  '---\nkind: call-summary\ncall:\n  date: 2026-11-18\n  with: Mr. Zhou Peng\ncommitments:\n  - what: Pay USD 9,200.00\n    by: 2026-11-30\n',
  '---\nkind: clause\nclause: arbitration\nlanguage: en+zh-CN\ninvoices: 7\namount: -1e309\n---\n',
];

const FRAGMENTS = [
  '# Final demand for payment',
  '## 最后催款函',
  'Dear Mr. Zhou,',
  '尊敬的周先生：',
  'Invoice HVW-2026-1187 for USD 18,400.00 fell due on 15 October 2026.',
  '发票 HVW-2026-1187 项下货款美元 18,400.00 元（大写：壹万捌仟肆佰美元整）已于2026年10月15日到期。',
  'Please pay by December 4, 2026, or we will file for arbitration with CIETAC.',
  '请于2026年12月4日前付款。',
  'We will find your family and you will go to prison!!!',
  '我们会找你家人，让你坐牢。',
  'PAY NOW OR ELSE. THIS IS YOUR LAST CHANCE.',
  '$18,400',
  '¥18,400',
  '04/12/2026',
  '2026-13-45',
  '二〇二六年十二月四日',
  '- item one\n- item two\n  - nested 18,400.00 美元',
  '1. first\n2. second',
  '> quoted threat: we will sue you',
  '| invoice | amount | due |\n| --- | ---: | --- |\n| HVW-2026-1187 | USD 18,400.00 | 2026-10-15 |',
  '```\ncode 18,400 USD\n```',
  '```unclosed fence\n还没有结束',
  '<div>\n<b>HTML</b> USD 1.00\n</div>',
  '<!-- dunmark-disable-next-line -->',
  '<!-- dunmark-disable-next-line no-threat -->',
  '\tindented with a tab 18,400',
  '{{debtor.name}}',
  '[placeholder]',
  'TBD',
  '…',
  '\uFEFF',
  '\uD800',
  '\uDC00x',
  '\u0000',
  '\u200B',
  '🙂💸',
  '   ',
  '',
  '---',
  '***',
  'Sincerely,\nDana Whitfield',
];

const markdown = fc
  .record({
    bom: fc.boolean(),
    front: fc.option(fc.constantFrom(...FRONT_MATTERS), { nil: undefined }),
    parts: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 40 }) }), {
      maxLength: 25,
    }),
    separators: fc.array(fc.constantFrom('\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' '), { minLength: 1, maxLength: 25 }),
    crlf: fc.boolean(),
  })
  .map(({ bom, front, parts, separators, crlf }) => {
    let body = '';
    parts.forEach((p, i) => {
      body += p + (separators[i % separators.length] ?? '\n');
    });
    let text = (front ?? '') + body;
    if (crlf) text = text.replace(/\r?\n/g, '\r\n');
    return bom ? `\uFEFF${text}` : text;
  });

/** 1-based line and column of an offset, counting \r\n, \n and \r as line breaks. */
function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

function checkFindings(text: string, findings: Finding[]): void {
  for (const f of findings) {
    assert.ok(Number.isInteger(f.span.start) && Number.isInteger(f.span.end), 'integer span');
    assert.ok(f.span.start >= 0 && f.span.start <= f.span.end && f.span.end <= text.length, `span ${f.span.start}-${f.span.end} inside ${text.length}`);
    const from = position(text, f.span.start);
    const to = position(text, f.span.end);
    assert.deepEqual([f.line, f.column], [from.line, from.column], `${f.ruleId} start`);
    assert.deepEqual([f.endLine, f.endColumn], [to.line, to.column], `${f.ruleId} end`);
    assert.equal(typeof f.message, 'string');
    assert.ok(f.message.length > 0);
    for (const fix of f.fixes) {
      for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length, `${f.ruleId} fix edit inside the text`);
    }
  }
}

describe('properties (fast-check)', function () {
  this.timeout(120_000);

  it('lint never throws on arbitrary strings, and its spans are consistent', () => {
    fc.assert(
      fc.property(anyString, (text) => {
        checkFindings(text, lint(text, { config }));
      }),
      { numRuns: 300 },
    );
  });

  it('lint never throws on arbitrary Markdown built from letter fragments, and its spans are consistent', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        checkFindings(text, lint(text, { config }));
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same input gives deep-equal findings', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        assert.deepEqual(lint(text, { config }), lint(text, { config }));
      }),
      { numRuns: 100 },
    );
  });

  it('applying the preferred fixes twice gives the same text as once, and keeps line endings', () => {
    fc.assert(
      fc.property(markdown, (text) => {
        const fix = (t: string) => fixUntilStable(t, (x) => lint(x, { config }));
        const once = fix(text);
        const twice = fix(once.text);
        assert.equal(twice.text, once.text);
        checkFindings(once.text, once.findings);
        if (text.startsWith('\uFEFF')) assert.ok(once.text.startsWith('\uFEFF'));
      }),
      { numRuns: 150 },
    );
  });

  it('lint is total over a few hand-picked odd inputs', () => {
    for (const text of [
      '',
      '\uFEFF',
      '\r',
      '\r\n',
      '---',
      '---\n',
      '---\r\n---\r\n',
      '\uD800',
      '\uDFFF\uD800',
      '\u0000'.repeat(100),
      '\t'.repeat(50),
      '`'.repeat(1000),
      '|'.repeat(500),
    ]) {
      checkFindings(text, lint(text, { config }));
    }
  });
});
