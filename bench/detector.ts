// Compares block language detectors on test/fixtures/language-samples.json: the first Han-ratio
// detector, the script-and-words detector the engine uses, franc with its defaults, franc limited
// to English and Mandarin, and the engine's detector with franc breaking its `mixed` ties.
// Prints accuracy and the cost of one call relative to a remark-parse of the same text.
// `node --import tsx bench/detector.ts`
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { detectLanguage } from '../src/core/language/detect.js';
import { francLabel } from './franc.js';
import type { BlockLanguage } from '../src/core/rule.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { samples } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/language-samples.json'), 'utf8')) as {
  samples: { text: string; expected: BlockLanguage }[];
};

const parser = unified().use(remarkParse);

// The first detector the engine had, kept here as the baseline: Han characters against Latin letters
const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
const NOISE = /https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\d.,:/%-]+|\b(?:USD|CNY|RMB|HKD|EUR|SGD|Co|Ltd|LLC|Inc)\b\.?/g;
function hanRatio(text: string): BlockLanguage {
  const clean = text.replace(NOISE, ' ');
  const han = clean.match(HAN)?.length ?? 0;
  const latin = clean.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return 'none';
  if (han * 4 >= latin * 3) return 'zh';
  if (latin >= han * 4 * 3) return 'en';
  return 'mixed';
}

const detectors: [string, (text: string) => BlockLanguage][] = [
  ['Han ratio (first version, baseline)', hanRatio],
  ['script and words (engine)', detectLanguage],
  ['franc default', (text) => francLabel(text)],
  ['franc only eng+cmn, minLength 1', (text) => francLabel(text, { only: ['eng', 'cmn'], minLength: 1 })],
  // franc as the tie-breaker: asked only when the script detector cannot decide
  [
    'script, franc breaks `mixed` ties',
    (text) => {
      const label = detectLanguage(text);
      return label === 'mixed' ? francLabel(text, { only: ['eng', 'cmn'], minLength: 1 }) : label;
    },
  ],
];

/** Nanoseconds per call of `fn` over all samples, best of a few rounds. */
function costPerCall(fn: (text: string) => unknown): number {
  const rounds = 5;
  const repeat = 200;
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < repeat; i++) for (const s of samples) fn(s.text);
    const ns = Number(process.hrtime.bigint() - t0) / (repeat * samples.length);
    best = Math.min(best, ns);
  }
  return best;
}

const parseCost = costPerCall((text) => parser.parse(text));
const verbose = process.argv.includes('--verbose');
console.log(`samples: ${samples.length}; remark-parse of the same text: ${(parseCost / 1000).toFixed(2)} µs per call`);
console.log('| detector | correct | accuracy | on en/zh samples only | µs per call | cost vs remark-parse |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, detect] of detectors) {
  let correct = 0;
  let monolingual = 0;
  let monolingualCorrect = 0;
  const misses: string[] = [];
  for (const s of samples) {
    const got = detect(s.text);
    if (s.expected === 'en' || s.expected === 'zh') {
      monolingual++;
      if (got === s.expected) monolingualCorrect++;
    }
    if (got === s.expected) correct++;
    else misses.push(`  expected ${s.expected}, got ${got}: ${JSON.stringify(s.text)}`);
  }
  const cost = costPerCall(detect);
  console.log(
    `| ${name} | ${correct}/${samples.length} | ${((100 * correct) / samples.length).toFixed(1)}% | ${monolingualCorrect}/${monolingual} | ${(cost / 1000).toFixed(2)} | ${(cost / parseCost).toFixed(2)}× |`,
  );
  if (verbose) for (const m of misses) console.log(m);
}
