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
    for (const sentence of sentences(block)) {
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
  const sentence = sentenceOf(block, start);
  const reading = readingOf(text, sentence);
  const hit = { cls: 'phrase', start: start - sentence.start, end: end - sentence.start, first: -1, last: -1 };
  return reading.negated(hit, after) || reading.has('descriptive') || (arranged && reading.has('arranged'));
}

function sentenceOf(block: Block, offset: number): { start: number; end: number } {
  for (const s of sentences(block)) if (offset >= s.start && offset < s.end) return s;
  return { start: block.start, end: block.end };
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
