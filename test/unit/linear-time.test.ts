// Every reader of the core is linear: each one runs on adversarial input (built to make a
// backtracking pattern or a rescanning loop blow up) at 16 KB and at 8 times that, and its time
// may grow about 8 times, never 64 (quadratic) or more: a ratio of the same function on two sizes
// in the same run, never a wall-clock limit (test/unit/growth.ts). `npm run bench` keeps the
// ratio to a linear reference pass as the speed evidence.
// The second half audits every pattern of src/core statically (scslre, the analysis behind
// eslint-plugin-regexp's no-super-linear-backtracking and no-super-linear-move).
import fs from 'node:fs';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analyse } from 'scslre';
import ts from 'typescript';
import { readSuppressions } from '../../src/core/disable.js';
import { parseDocument, runRules } from '../../src/core/engine.js';
import { readAmounts } from '../../src/core/facts/amounts.js';
import { readDates } from '../../src/core/facts/dates.js';
import { measureLanguage } from '../../src/core/language/detect.js';
import { LineIndex } from '../../src/core/positions.js';
import type { Block } from '../../src/core/rule.js';
import { rules } from '../../src/core/rules/index.js';
import { sentenceEnd, sentenceStart } from '../../src/core/rules/facts/support.js';
import { sentences } from '../../src/core/rules/tone/phrases.js';
import { escapeMarkdown } from '../../src/core/templates/escape.js';
import { vocabularyMatcher } from '../../src/core/vocabulary.js';
import { DATES, DAXIE, FIGURES, PROSE } from './adversarial.js';
import { assertLinearGrowth } from './growth.js';
import { ROOT } from './helpers.js';

/** The smaller input; the larger is 8 times it. */
const SIZE = 16 * 1024;

/** `unit` repeated to `size` characters, with `tail` after it (what makes a match fail at the end). */
function pump(unit: string, tail = '\u0001', size = SIZE): string {
  return unit.repeat(Math.ceil(size / unit.length)) + tail;
}

/** `fn` on `unit` pumped to 16 KB and to 128 KB grows linearly. */
function assertLinear(name: string, unit: string, fn: (text: string) => unknown, tail?: string): void {
  assertLinearGrowth(`${name} on ${JSON.stringify(unit)}…`, pump(unit, tail), pump(unit, tail, SIZE * 8), fn);
}

function block(text: string): Block {
  return { type: 'paragraph', start: 0, end: text.length, text, language: 'mixed', measure: { en: 1, zh: 1 }, depth: 0, quoted: false, listItem: false };
}

describe('linear time on adversarial input (8× the input, about 8× the time)', function () {
  this.timeout(600_000);

  it('reads amounts (figures and 大写) in linear time', () => {
    for (const unit of [...DAXIE, ...FIGURES]) assertLinear('readAmounts', unit, (t) => readAmounts(t));
  });

  it('reads dates in linear time', () => {
    for (const unit of [...DATES, ...FIGURES]) assertLinear('readDates', unit, (t) => readDates(t));
  });

  it('reads disable directives in linear time, closed or not', () => {
    for (const unit of ['<!-- dunmark-disable ', '<!-- dunmark-disable-line a, ', '<!--', '<!-- dunmark-enable -->', '<!-- dunmark-disable a --\n']) {
      const tree = (text: string) => ({
        type: 'root' as const,
        children: [
          { type: 'html' as const, value: text, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } },
        ],
      });
      assertLinear('readSuppressions', unit, (t) => readSuppressions(t, tree(t), new LineIndex(t)));
    }
  });

  it('splits sentences in linear time, also when asked for the sentence of every offset', () => {
    for (const unit of ['.', '. ', 'a. ', 'Mr. ', '。', '!', '.)', 'A.', ' ']) {
      assertLinear('sentences', unit, (t) => sentences(block(t)));
      assertLinear('sentenceStart/End', unit, (t) => {
        for (let i = 0; i < t.length; i += 7) sentenceEnd(t, sentenceStart(t, i));
      });
    }
  });

  it('measures language and escapes facts in linear time', () => {
    for (const unit of PROSE) {
      assertLinear('measureLanguage', unit, (t) => measureLanguage(t));
      assertLinear('escapeMarkdown', unit, (t) => escapeMarkdown(t));
    }
  });

  it('matches a vocabulary of 20,000 words in linear time', () => {
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i}x`);
    words.push('kindly revert', 'a a a a b', '催款');
    const matcher = vocabularyMatcher(words)!;
    for (const unit of ['a ', 'kindly ', 'w1', 'w1x ', '催', '催款']) assertLinear('vocabulary', unit, (t) => matcher.find(t));
  });

  it('runs every rule in linear time on each adversarial paragraph', () => {
    const front =
      '---\nkind: dunning-letter\nstage: final-demand\nlanguage: en+zh-CN\ndate: 2026-11-20\namount: 100\ncurrency: USD\ndue_date: 2026-10-15\ndeadline: 2026-12-04\ncontract:\n  governing_law: PRC\n  arbitration: CIETAC\n---\n\n';
    const config = { today: '2026-11-20', vocabulary: { accept: ['Lianhe'], reject: ['deadbeat', '催款'] } };
    // Warm every rule up once on a small letter, then time each on every adversarial one.
    const small = parseDocument(`${front}${PROSE.join(' ')} ${DAXIE.join('，')}\n`);
    for (const rule of rules) runRules(small, [rule], config);
    for (const unit of [...PROSE, ...DAXIE, ...FIGURES, ...DATES]) {
      const [small, large] = [SIZE, SIZE * 8].map((size) => parseDocument(`${front}${pump(unit, '', size)}\n`));
      for (const rule of rules)
        assertLinearGrowth(`${rule.meta.id} (paragraph of ${JSON.stringify(unit)})`, small!, large!, (doc) => runRules(doc, [rule], config));
    }
  });
});

/** Every regex literal in src/core, and every regex the core builds at load time or while linting. */
function corePatterns(): { source: string; flags: string; where: string }[] {
  const found = new Map<string, { source: string; flags: string; where: string }>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (full.endsWith('.ts')) {
        const file = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
        const visit = (node: ts.Node): void => {
          if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
            const literal = node.getText(file);
            const slash = literal.lastIndexOf('/');
            const line = file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1;
            found.set(literal, { source: literal.slice(1, slash), flags: literal.slice(slash + 1), where: `${path.relative(ROOT, full)}:${line}` });
          }
          ts.forEachChild(node, visit);
        };
        visit(file);
      }
    }
  };
  walk(path.join(ROOT, 'src/core'));
  return [...found.values()];
}

/**
 * Patterns the analysis flags that only ever run on a bounded slice of text (so each call is
 * constant time), with where the bound is. Keep this list short: prefer a linear pattern.
 */
const BOUNDED: readonly { file: string; starts: string; why: string }[] = [
  {
    file: 'src/core/rules/tone/stage-tone.ts',
    starts: String.raw`\b(?:if|unless`,
    why: 'CONDITION is tested on at most 200 characters before the phrase (offered())',
  },
];

describe('every pattern in src/core is free of super-linear backtracking (static audit)', () => {
  it('regex literals', () => {
    const reports: string[] = [];
    for (const p of corePatterns()) {
      if (BOUNDED.some((b) => p.where.startsWith(`${b.file}:`) && p.source.startsWith(b.starts))) continue;
      for (const r of analyse({ source: p.source, flags: p.flags }).reports)
        reports.push(`${p.where} /${p.source}/${p.flags}: ${r.type} on repeated ${JSON.stringify(r.character.pick)}`);
    }
    assert.deepEqual(reports, []);
  });

  it('patterns built from data (phrase lists, guards) and while linting', async () => {
    const built: { source: string; flags: string }[] = [];
    const Native = RegExp;
    const Recording = new Proxy(Native, {
      construct(target, args: [string | RegExp, string?]) {
        const re = new target(...args);
        built.push({ source: re.source, flags: re.flags });
        return re;
      },
    });
    globalThis.RegExp = Recording;
    try {
      // Fresh copies of the modules, so that what they compile at load time is recorded.
      const stamp = `?audit=${Date.now()}`;
      const { lint } = (await import(`../../src/index.ts${stamp}`)) as typeof import('../../src/index.js');
      for (const name of fs.readdirSync(path.join(ROOT, 'examples')).filter((n) => n.endsWith('.md'))) {
        lint(fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8'), { config: { vocabulary: { accept: ['Lianhe'], reject: ['kindly revert'] } } });
      }
    } finally {
      globalThis.RegExp = Native;
    }
    assert.ok(built.length > 10, `recorded ${built.length} patterns`);
    const reports: string[] = [];
    for (const p of built) {
      for (const r of analyse(p).reports)
        reports.push(
          `/${p.source.length > 120 ? `${p.source.slice(0, 120)}…` : p.source}/${p.flags}: ${r.type} on repeated ${JSON.stringify(r.character.pick)}`,
        );
    }
    assert.deepEqual(reports, []);
  });
});
