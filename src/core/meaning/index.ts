/**
 * The meaning layer under the tone rules: each sentence of the prose is read once (only the
 * sentences the pre-filter lets through) and every frame it holds is kept for the rule that owns
 * it. The same reading tells a phrase list whether a phrase is negated or only described, and
 * tells `required-content` and `consequence-basis` which lawful next step the text states.
 * Pure: no `node:` imports.
 */
import type { Block, RuleContext } from '../rule.js';
import { sentences } from '../rules/tone/phrases.js';
import { FRAMES, matchFrames, prefilterFor, slotLabels, type Frame, type FrameMatch } from './frames.js';
import { classHits, COMPILED, Reading } from './read.js';

export { FRAMES, framesIn, slotLabels, type Frame, type FrameMatch } from './frames.js';
export { Reading, classHits, LEXICON } from './read.js';

/** A frame found in the document: absolute offsets, with the block and sentence it lies in. */
export interface MeaningFinding {
  frame: Frame;
  start: number;
  end: number;
  block: Block;
  sentence: { start: number; end: number };
  match: FrameMatch;
}

const PREFILTER = prefilterFor(FRAMES);
const cache = new WeakMap<readonly Block[], MeaningFinding[]>();
const readings = new WeakMap<object, Reading>();

/**
 * The longest stretch read as one sentence. A sentence a person writes is far shorter; a paragraph
 * with no sentence end (pasted data, a hostile file) is read in windows of this size, cut at a space
 * where there is one near the cut, so every reading costs a bounded time and a document's cost grows
 * linearly with its length.
 */
const MAX_READ = 1000;
const pieceCache = new WeakMap<Block, { start: number; end: number }[]>();

/** The sentences of a block, each longer than `MAX_READ` cut into windows; in document order. */
function piecesOf(block: Block, text: string): { start: number; end: number }[] {
  let pieces = pieceCache.get(block);
  if (pieces) return pieces;
  pieces = [];
  for (const s of sentences(block)) {
    if (s.end - s.start <= MAX_READ) {
      pieces.push(s);
      continue;
    }
    for (let a = s.start; a < s.end;) {
      let b = Math.min(s.end, a + MAX_READ);
      if (b < s.end) {
        const space = text.lastIndexOf(' ', b);
        if (space > a + MAX_READ / 2) b = space + 1;
      }
      pieces.push({ start: a, end: b });
      a = b;
    }
  }
  pieceCache.set(block, pieces);
  return pieces;
}

function readingOf(text: string, sentence: { start: number; end: number }): Reading {
  let r = readings.get(sentence);
  if (!r) readings.set(sentence, (r = new Reading(text.slice(sentence.start, sentence.end))));
  return r;
}

/** Every frame in the prose blocks, read once per lint and shared by the rules. */
export function meaningOf(blocks: readonly Block[], text: string): MeaningFinding[] {
  const cached = cache.get(blocks);
  if (cached) return cached;
  const out: MeaningFinding[] = [];
  for (const block of blocks) {
    if (!PREFILTER.test(block.text)) continue;
    for (const sentence of piecesOf(block, text)) {
      const said = text.slice(sentence.start, sentence.end);
      if (!PREFILTER.test(said)) continue;
      for (const match of matchFrames(readingOf(text, sentence), FRAMES)) {
        out.push({ frame: match.frame, start: sentence.start + match.start, end: sentence.start + match.end, block, sentence, match });
      }
    }
  }
  cache.set(blocks, out);
  return out;
}

/** The frames a rule owns, in document order. */
export function meaningFindings(context: RuleContext, ruleId: string): MeaningFinding[] {
  return meaningOf(context.blocks, context.text).filter((f) => f.frame.rule === ruleId);
}

/** The message of a frame finding: the words, what the frame means, and which slots fired. */
export function frameMessage(f: MeaningFinding, quoted: string): { en: string; zh: string } {
  const slots = slotLabels(f.match);
  return {
    en: `Unexpected ${quoted} (${f.frame.reason.en}: ${slots.en}), expected ${f.frame.expected.en}`,
    zh: `不应出现 ${quoted}（${f.frame.reason.zh}：${slots.zh}），应${f.frame.expected.zh}`,
  };
}

/**
 * True when the words at [start, end) of `block` are negated ("nobody will visit your home", 我们不会上门,
 * "nothing in this letter is a court order") or only described (an earlier case, what the law says):
 * a phrase list's match there is no threat.
 */
export function saidInnocently(block: Block, text: string, start: number, end: number, after = true, arranged = false): boolean {
  const sentence = sentenceOf(block, text, start);
  const reading = readingOf(text, sentence);
  const hit = { cls: 'phrase', start: start - sentence.start, end: end - sentence.start, first: -1, last: -1 };
  return reading.negated(hit, after) || reading.has('descriptive') || (arranged && reading.has('arranged'));
}

/** The piece (sentence or window) of `block` holding `offset`, by binary search. */
function sentenceOf(block: Block, text: string, offset: number): { start: number; end: number } {
  const pieces = piecesOf(block, text);
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = pieces[mid]!;
    if (offset < p.start) hi = mid - 1;
    else if (offset >= p.end) lo = mid + 1;
    else return p;
  }
  return { start: Math.max(block.start, offset - MAX_READ / 2), end: Math.min(block.end, offset + MAX_READ / 2) };
}

/** The lawful next steps, as classes of the lexicon. */
export const STEP_CLASSES = {
  litigation: 'step-litigation',
  arbitration: 'step-arbitration',
  'collection-agency': 'step-agency',
  'credit-insurer-claim': 'step-insurer',
  'suspend-supply': 'step-supply',
} as const;

export type StepName = keyof typeof STEP_CLASSES;

const STEP_FILTER = COMPILED.prefilter(Object.values(STEP_CLASSES));

/**
 * The lawful next steps a text states in any words ("proceed with a claim", "turn this account over for
 * collection", 依法向人民法院起诉), read by sentence; a negated step ("we would not sue") is not stated.
 */
export function statedSteps(text: string): Set<StepName> {
  const out = new Set<StepName>();
  if (!STEP_FILTER.test(text)) return out;
  for (const piece of text.split(/(?<=[.!?。！？])\s*|\n+/u)) {
    if (!piece.trim() || !STEP_FILTER.test(piece)) continue;
    const reading = new Reading(piece);
    for (const [step, cls] of Object.entries(STEP_CLASSES) as [StepName, string][]) {
      if (reading.of(cls).some((h) => !reading.negated(h))) out.add(step);
    }
  }
  return out;
}

/** The classes a text holds (for tests and tools). */
export function classesIn(text: string): string[] {
  return [...new Set(classHits(text).hits.map((h) => h.cls))];
}
