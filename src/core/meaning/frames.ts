/**
 * Frames of the meaning layer (frames.json): a trigger class, the classes that must come with it,
 * and the readings that make it innocent. `matchFrames` reads a sentence once and returns every
 * frame it holds. Pure: no `node:` imports.
 */
import framesData from './frames.json';
import { COMPILED, LEXICON, Reading, type Hit } from './read.js';

/** What makes a frame innocent. */
export type Unless = 'negated' | 'negated-before' | 'descriptive' | 'arranged' | 'business-contact' | 'debtor-acts' | 'modal' | 'court-route';

/** One frame, as written in the JSON data. */
export interface Frame {
  id: string;
  rule: string;
  reason: { en: string; zh: string };
  expected: { en: string; zh: string };
  trigger: string;
  with?: string[][];
  scope?: 'clause' | 'sentence';
  needs?: ('modal' | 'modal-or-passive')[];
  unless?: Unless[];
  examples: string[];
  innocent: string[];
}

/** A frame found in a sentence: offsets into the sentence, and the hits that filled its slots. */
export interface FrameMatch {
  frame: Frame;
  start: number;
  end: number;
  slots: Hit[];
}

export const FRAMES = (framesData as { frames: Frame[] }).frames;

for (const f of FRAMES) {
  for (const cls of [f.trigger, ...(f.with ?? []).flat()]) if (!LEXICON.classes[cls]) throw new Error(`frame ${f.id}: no lexicon class \`${cls}\``);
}

/** The pre-filter for a set of frames: a sentence without a word of any trigger class is never read. */
export function prefilterFor(frames: readonly Frame[]): RegExp {
  return COMPILED.prefilter([...new Set(frames.map((f) => f.trigger))]);
}

function innocent(reading: Reading, frame: Frame, trigger: Hit): boolean {
  for (const u of frame.unless ?? []) {
    switch (u) {
      case 'negated':
        if (reading.negated(trigger)) return true;
        break;
      case 'negated-before':
        if (reading.negated(trigger, false)) return true;
        break;
      case 'descriptive':
        if (reading.has('descriptive')) return true;
        break;
      case 'arranged':
        if (reading.has('arranged')) return true;
        break;
      case 'business-contact':
        if (reading.inClause('business-contact', trigger).length) return true;
        break;
      case 'debtor-acts':
        if (reading.debtorActs(trigger)) return true;
        break;
      case 'modal':
        if (reading.inClause('modal', trigger).length) return true;
        break;
      case 'court-route':
        if (reading.has('court-route') && !reading.has('bypass')) return true;
        break;
    }
  }
  return false;
}

/** Every frame of `frames` that the sentence holds (at most one match per frame). */
export function matchFrames(reading: Reading, frames: readonly Frame[]): FrameMatch[] {
  const out: FrameMatch[] = [];
  for (const frame of frames) {
    for (const trigger of reading.of(frame.trigger)) {
      // a word in its ordinary sense is no trigger: "seize this opportunity", 曝光补偿, 上门安装
      if (reading.of('innocent-sense').some((i) => i.start <= trigger.start && i.end >= trigger.end)) continue;
      const sentence = frame.scope === 'sentence';
      const slots: Hit[] = [trigger];
      let complete = true;
      for (const group of frame.with ?? []) {
        const found = group
          .flatMap((cls) => (sentence ? reading.of(cls) : reading.inClause(cls, trigger)))
          .find((h) => !(h.start <= trigger.start && h.end >= trigger.end));
        if (!found) {
          complete = false;
          break;
        }
        slots.push(found);
      }
      if (!complete) continue;
      const modal = reading.inClause('modal', trigger).length > 0 || (sentence && reading.has('modal'));
      if (frame.needs?.includes('modal') && !modal) continue;
      // a measure said as what will or may happen, or as done to the debtor ("are frozen", 被冻结), not a "frozen lobster shipment"
      if (frame.needs?.includes('modal-or-passive') && !modal && !reading.passive(trigger)) continue;
      if (innocent(reading, frame, trigger)) continue;
      out.push({ frame, start: Math.min(...slots.map((s) => s.start)), end: Math.max(...slots.map((s) => s.end)), slots });
      break;
    }
  }
  return out;
}

/** Reads one sentence and matches frames on it (the generic test calls this on each example). */
export function framesIn(sentence: string, frames: readonly Frame[] = FRAMES): FrameMatch[] {
  if (!prefilterFor(frames).test(sentence)) return [];
  return matchFrames(new Reading(sentence), frames);
}

/** Labels of the slots that fired, for messages: "disclose + family". */
export function slotLabels(match: FrameMatch): { en: string; zh: string } {
  const seen = new Set<string>();
  const en: string[] = [];
  const zh: string[] = [];
  for (const s of match.slots) {
    if (seen.has(s.cls)) continue;
    seen.add(s.cls);
    const label = LEXICON.classes[s.cls]?.label;
    if (!label) continue;
    en.push(label.en);
    zh.push(label.zh);
  }
  return { en: en.join(' + '), zh: zh.join(' + ') };
}
