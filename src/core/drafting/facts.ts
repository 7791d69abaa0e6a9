/** Answers → facts: merging a document's facts with given ones, setting one dotted path, escalating. */
import { STAGES } from '../facts/schema.js';
import { isObject, mergeFacts } from '../facts/merge.js';

export { isObject, mergeFacts } from '../facts/merge.js';

/** Path segments that would reach an object's prototype instead of a fact. */
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Sets a dotted path (`debtor.name`, `invoices.0.amount`) in a facts object, creating the mappings
 * and lists that are missing (a numeric segment makes a list). Returns false, changing nothing,
 * for a path that names a prototype key.
 */
export function setPath(facts: Record<string, unknown>, path: string, value: unknown): boolean {
  const parts = path.split('.');
  if (parts.some((p) => p === '' || UNSAFE.has(p))) return false;
  let node: Record<string, unknown> | unknown[] = facts;
  parts.forEach((part, i) => {
    const key: string | number = Array.isArray(node) ? Number(part) : part;
    const container = node as Record<string | number, unknown>;
    if (i === parts.length - 1) {
      container[key] = value;
      return;
    }
    if (typeof container[key] !== 'object' || container[key] === null) container[key] = /^\d+$/.test(parts[i + 1]!) ? [] : {};
    node = container[key] as Record<string, unknown>;
  });
  return true;
}

/** The stage after a dunning letter's stage, `last` at the final one, or undefined when the facts are not a staged dunning letter. */
export function nextStage(facts: Record<string, unknown>): (typeof STAGES)[number] | 'last' | undefined {
  const stage = typeof facts.stage === 'string' ? STAGES.indexOf(facts.stage as (typeof STAGES)[number]) : -1;
  if (facts.kind !== 'dunning-letter' || stage === -1) return undefined;
  return STAGES[stage + 1] ?? 'last';
}

/**
 * The facts of the next letter: the same case without the old letter's own date and deadline (never
 * carried over), with the old letter added to `previous_letters` (its stage and date), so that the
 * next one can say "despite our letters of …" only when there were some.
 */
export function escalationFacts(facts: Record<string, unknown>, over?: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...facts };
  delete rest.date;
  delete rest.deadline;
  const earlier = Array.isArray(facts.previous_letters) ? facts.previous_letters.filter(isObject) : [];
  if (typeof facts.stage === 'string' && typeof facts.date === 'string') {
    rest.previous_letters = [...earlier.filter((l) => !(l.stage === facts.stage && l.date === facts.date)), { stage: facts.stage, date: facts.date }];
  }
  return mergeFacts(rest, over);
}

/** What a template fixes itself and a new document never takes from another: its kind, stage, clause and language. */
const IDENTITY = ['kind', 'stage', 'clause', 'language'] as const;

/** The facts a new letter takes from an open one: the case, not the old letter's identity, date or deadline. */
export function newLetterFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const rest = clauseFacts(facts);
  delete rest.date;
  delete rest.deadline;
  return rest;
}

/** The facts a clause takes from the letter it goes into: the case and the date, not the letter's identity. */
export function clauseFacts(facts: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...facts };
  for (const key of IDENTITY) delete rest[key];
  return rest;
}
