// `npm run bench` (linear time): every reader of the core and every rule on 100 KB of adversarial
// input, timed against a linear reference pass over the same text (one regex step per character),
// best of three. A linear reader is a small multiple of the reference; a quadratic one on 100 KB
// is thousands of times it. The tests check the same inputs machine-independently (1× against 8×,
// test/unit/linear-time.test.ts); this is the speed evidence, printed, with the worst ratios first.
// Exits 1 when a ratio is over LIMIT, so that a regression shows on a quiet machine.
import { performance } from 'node:perf_hooks';
import { readSuppressions } from '../src/core/disable.js';
import { parseDocument, runRules } from '../src/core/engine.js';
import { readAmounts } from '../src/core/facts/amounts.js';
import { readDates } from '../src/core/facts/dates.js';
import { measureLanguage } from '../src/core/language/detect.js';
import { LineIndex } from '../src/core/positions.js';
import type { Block } from '../src/core/rule.js';
import { rules } from '../src/core/rules/index.js';
import { sentences } from '../src/core/rules/tone/phrases.js';
import { escapeMarkdown } from '../src/core/templates/escape.js';
import { DATES, DAXIE, FIGURES, PROSE } from '../test/unit/adversarial.js';

const SIZE = 100 * 1024;
const LIMIT = 200;

const pump = (unit: string, tail = '\u0001'): string => unit.repeat(Math.ceil(SIZE / unit.length)) + tail;

function best(fn: () => unknown, runs = 3): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}

const referenceTimes = new Map<string, number>();
function referenceTime(text: string): number {
  let ms = referenceTimes.get(text);
  if (ms === undefined) {
    const pass = (): number => {
      let n = 0;
      const re = /[\s\S]/g;
      while (re.exec(text)) n++;
      return n;
    };
    pass();
    referenceTimes.set(text, (ms = Math.max(best(pass), 0.5)));
  }
  return ms;
}

const results: { name: string; ratio: number; ms: number }[] = [];
function measure(name: string, text: string, fn: () => unknown): void {
  const ms = best(fn, 2);
  results.push({ name, ratio: ms / referenceTime(text), ms });
}

const block = (text: string): Block => ({
  type: 'paragraph',
  start: 0,
  end: text.length,
  text,
  language: 'mixed',
  measure: { en: 1, zh: 1 },
  depth: 0,
  quoted: false,
  listItem: false,
});

for (const unit of [...DAXIE, ...FIGURES]) {
  const text = pump(unit);
  measure(`readAmounts ${JSON.stringify(unit)}`, text, () => readAmounts(text));
}
for (const unit of [...DATES, ...FIGURES]) {
  const text = pump(unit);
  measure(`readDates ${JSON.stringify(unit)}`, text, () => readDates(text));
}
for (const unit of ['<!-- dunmark-disable ', '<!--', '<!-- dunmark-disable a --\n']) {
  const text = pump(unit);
  const tree = {
    type: 'root' as const,
    children: [
      { type: 'html' as const, value: text, position: { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: text.length } } },
    ],
  };
  measure(`readSuppressions ${JSON.stringify(unit)}`, text, () => readSuppressions(text, tree, new LineIndex(text)));
}
for (const unit of PROSE) {
  const text = pump(unit);
  measure(`sentences ${JSON.stringify(unit)}`, text, () => sentences(block(text)));
  measure(`measureLanguage ${JSON.stringify(unit)}`, text, () => measureLanguage(text));
  measure(`escapeMarkdown ${JSON.stringify(unit)}`, text, () => escapeMarkdown(text));
}
const front =
  '---\nkind: dunning-letter\nstage: final-demand\nlanguage: en+zh-CN\ndate: 2026-11-20\namount: 100\ncurrency: USD\ndue_date: 2026-10-15\ndeadline: 2026-12-04\ncontract:\n  governing_law: PRC\n  arbitration: CIETAC\n---\n\n';
const config = { today: '2026-11-20', vocabulary: { accept: ['Lianhe'], reject: ['deadbeat', '催款'] } };
for (const unit of [...PROSE, ...DAXIE, ...FIGURES, ...DATES]) {
  const doc = parseDocument(`${front}${pump(unit, '')}\n`);
  for (const rule of rules) measure(`${rule.meta.id} on ${JSON.stringify(unit)}`, doc.text, () => runRules(doc, [rule], config));
}

results.sort((a, b) => b.ratio - a.ratio);
console.log(`linear time: ${results.length} readers × inputs of 100 KB; the worst ten, as multiples of a linear reference pass (limit ${LIMIT}×):`);
for (const r of results.slice(0, 10)) console.log(`  ${r.ratio.toFixed(1).padStart(7)}×  ${r.ms.toFixed(1).padStart(8)} ms  ${r.name}`);
if (results[0] && results[0].ratio >= LIMIT) process.exitCode = 1;
