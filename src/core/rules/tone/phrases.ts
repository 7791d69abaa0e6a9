/**
 * The shared machinery of the tone rules: phrase lists (data in `rules/data/tone-*.json`)
 * compiled once at module load into one regex per language, sentence bounds, the
 * vocabulary `accept` list, and a report helper. Pure: no `node:` imports.
 */
import type { Block, RuleContext, ReportFix } from '../../rule.js';
import { clauseSections } from '../clause/clause-sections.js';
import type { Facts } from '../../facts/facts.js';
import { vocabularyMatcher } from '../../vocabulary.js';
import { REMOVE_SENTENCE, replaceWith } from '../fix-titles.js';

/** Text in the two languages Dunmark speaks. */
export interface Bilingual {
  en: string;
  zh: string;
}

/** One entry of a phrase list, as written in the JSON data. */
export interface PhraseEntry {
  lang: 'en' | 'zh';
  /** A regular-expression source without capturing groups; a space matches any run of whitespace, `~` adds -s/-ed/-ing. */
  pattern: string;
  category: string;
  weight?: number;
  /** Lawful wording to put in place of the match, if a phrase-level replacement reads well. */
  replacement?: string;
  /** Regex sources; a guard match that covers the phrase means the phrase is used innocently. */
  guards?: string[];
  /** Spellings that, written exactly so, are a person's name ("Sue" signing a letter), not the phrase. */
  names?: string[];
}

/** What a category of phrases means, for messages. */
export interface PhraseCategory {
  reason: Bilingual;
  expected: Bilingual;
}

/** A phrase list file. */
export interface PhraseList {
  categories: Record<string, PhraseCategory>;
  entries: PhraseEntry[];
}

/** An entry with its guard compiled. */
export interface CompiledEntry extends PhraseEntry {
  guard: RegExp | undefined;
  info: PhraseCategory;
}

interface CompiledLanguage {
  regex: RegExp | undefined;
  entries: CompiledEntry[];
}

/** A phrase list compiled into one regex per language. */
export interface CompiledList {
  en: CompiledLanguage;
  zh: CompiledLanguage;
}

/** A phrase found in the text (absolute offsets). */
export interface PhraseMatch {
  start: number;
  end: number;
  text: string;
  entry: CompiledEntry;
  block: Block;
}

// Latin letters and digits: what an English phrase must not be glued to
const EN_BEFORE = '(?<![A-Za-z0-9])';
const EN_AFTER = '(?![A-Za-z0-9])';

// `~` after a word in a pattern: its regular English inflections (contact~ → contacts, contacted, contacting)
const INFLECTION = '(?:s|es|ed|d|ing)?';

const HAN_CHAR = /\p{Script=Han}/u;

/**
 * A space in a pattern matches any run of whitespace (a line break inside a paragraph included); `~` inflects.
 * In Chinese patterns a space may stand between two characters, as in a title set out as “律 师 函”.
 */
function spaced(source: string, zh = false): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] ?? '';
    if (zh && !inClass && HAN_CHAR.test(c) && HAN_CHAR.test(source[i + 1] ?? '')) {
      out += `${c}[ \u3000]?`;
      continue;
    }
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
    } else if (c === '~' && !inClass) {
      out += INFLECTION;
    } else if (c === ' ') {
      if (inClass) out += '\\s';
      else if (source[i + 1] === '?') {
        out += '[\\s\\u00a0]*';
        i++;
      } else out += '[\\s\\u00a0]+';
    } else {
      if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      out += c;
    }
  }
  return out;
}

function groupCount(source: string): number {
  return (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
}

/** Compiles a list once (call at module load). Throws on a malformed list: a programming error. */
export function compileList(list: PhraseList): CompiledList {
  const build = (lang: 'en' | 'zh'): CompiledLanguage => {
    const entries: CompiledEntry[] = list.entries
      .filter((e) => e.lang === lang)
      .map((e) => {
        const info = list.categories[e.category];
        if (!info) throw new Error(`phrase list: unknown category \`${e.category}\``);
        if (groupCount(e.pattern) !== 0) throw new Error(`phrase list: capturing group in \`${e.pattern}\``);
        const guard = e.guards?.length
          ? new RegExp(
              e.guards.map((g) => `(?:${lang === 'en' ? EN_BEFORE : ''}${spaced(g)}${lang === 'en' ? EN_AFTER : ''})`).join('|'),
              lang === 'en' ? 'giu' : 'gu',
            )
          : undefined;
        return { ...e, guard, info };
      });
    // The alternation keeps the list's order: at one position an earlier entry wins, so lists put longer phrases first
    if (!entries.length) return { regex: undefined, entries };
    const body = entries.map((e) => `(${spaced(e.pattern, lang === 'zh')})`).join('|');
    const regex = lang === 'en' ? new RegExp(`${EN_BEFORE}(?:${body})${EN_AFTER}`, 'giu') : new RegExp(body, 'gu');
    return { regex, entries };
  };
  return { en: build('en'), zh: build('zh') };
}

const GUARD_WINDOW = 60;
const INFLECTED = /^[A-Za-z]+(?:ing|ed)\b/;

function guarded(entry: CompiledEntry, text: string, start: number, end: number): boolean {
  const guard = entry.guard;
  if (!guard) return false;
  const from = Math.max(0, start - GUARD_WINDOW);
  const window = text.slice(from, Math.min(text.length, end + GUARD_WINDOW));
  guard.lastIndex = 0;
  for (let m = guard.exec(window); m; m = guard.exec(window)) {
    const s = from + m.index;
    const e = s + m[0].length;
    if (s <= start && e >= end) return true;
    if (m[0].length === 0) guard.lastIndex++;
  }
  return false;
}

function scan(lang: CompiledLanguage, block: Block, out: PhraseMatch[]): void {
  const regex = lang.regex;
  if (!regex) return;
  const text = block.text;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    let index = 1;
    while (index < m.length && m[index] === undefined) index++;
    const entry = lang.entries[index - 1];
    if (!entry) continue;
    const start = m.index;
    const end = start + m[0].length;
    if (entry.names?.includes(m[0]) || guarded(entry, text, start, end)) continue;
    out.push({ start: block.start + start, end: block.start + end, text: m[0], entry, block });
  }
}

/** Every phrase of `list` in the prose blocks, in document order. */
export function findPhrases(list: CompiledList, blocks: readonly Block[]): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (const block of blocks) {
    scan(list.en, block, out);
    if (HAN.test(block.text)) scan(list.zh, block, out);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const HAN = /\p{Script=Han}/u;

// A sentence ends at . ! ? followed by space or the end, or at Chinese 。！？ anywhere
const SENTENCE_END = /(?<![.!?])[.!?]+["'”’)\]]*(?=\s|$)|[。！？]+[”’」』）]*|;(?=\s)|；/gu;
// Words after which a full stop does not end a sentence
const ABBREVIATION = /(?:^|[\s(])(?:No|Nos|Co|Ltd|Mr|Mrs|Ms|Dr|Inc|St|Corp|Art|Arts|vs|etc|e\.g|i\.e|U\.S|[A-Z])\.$/;

const sentenceCache = new WeakMap<Block, { start: number; end: number }[]>();

/** Sentences of a block, as absolute half-open spans without surrounding whitespace. */
export function sentences(block: Block): { start: number; end: number }[] {
  const cached = sentenceCache.get(block);
  if (cached) return cached;
  const text = block.text;
  const out: { start: number; end: number }[] = [];
  // A heading's sentence starts after its `#` marks
  let from = block.type === 'heading' ? (/^#{1,6}[ \t]*/.exec(text)?.[0].length ?? 0) : 0;
  SENTENCE_END.lastIndex = from;
  const push = (s: number, e: number): void => {
    while (s < e && /\s/.test(text[s] ?? '')) s++;
    while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
    if (e > s) out.push({ start: block.start + s, end: block.start + e });
  };
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.') && m[0].length === 1 && ABBREVIATION.test(text.slice(Math.max(from, m.index - 6), m.index + 1))) continue;
    push(from, end);
    from = end;
  }
  push(from, text.length);
  sentenceCache.set(block, out);
  return out;
}

/** The sentence of `block` that holds absolute offset `offset` (binary search: sentences are sorted). */
export function sentenceAt(block: Block, offset: number): { start: number; end: number } {
  const list = sentences(block);
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = list[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  let whole = wholeBlock.get(block);
  if (!whole) wholeBlock.set(block, (whole = { start: block.start, end: block.end }));
  return whole;
}

const wholeBlock = new WeakMap<Block, { start: number; end: number }>();

/** A fix that removes a sentence together with the space after it. */
export function removeSentenceFix(context: RuleContext, sentence: { start: number; end: number }): ReportFix {
  let end = sentence.end;
  const text = context.text;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return { title: REMOVE_SENTENCE, edits: [{ start: sentence.start, end, text: '' }] };
}

const acceptCache = new WeakMap<object, { start: number; end: number }[]>();
/** Every match of a vocabulary list in the prose blocks, with offsets into the whole text. */
export function* vocabularyMatches(blocks: readonly Block[], words: readonly string[]): Generator<{ start: number; end: number; text: string }> {
  const matcher = vocabularyMatcher(words);
  if (!matcher) return;
  for (const block of blocks) {
    for (const m of matcher.find(block.text)) yield { start: block.start + m.start, end: block.start + m.end, text: block.text.slice(m.start, m.end) };
  }
}

/** Spans of the text that configuration's `vocabulary.accept` covers (computed once per lint). */
export function acceptedSpans(context: RuleContext): { start: number; end: number }[] {
  const cached = acceptCache.get(context.vocabulary);
  if (cached) return cached;
  const spans: { start: number; end: number }[] = [];
  for (const m of vocabularyMatches(context.blocks, context.vocabulary.accept)) spans.push({ start: m.start, end: m.end });
  acceptCache.set(context.vocabulary, spans);
  return spans;
}

/** True when configuration accepts the words at this span (they overlap an accepted phrase). */
export function isAccepted(context: RuleContext, start: number, end: number): boolean {
  for (const s of acceptedSpans(context)) if (s.start < end && s.end > start) return true;
  return false;
}

/** The first match of each sentence: one sentence gets at most one finding per rule. */
export function oncePerSentence(matches: readonly PhraseMatch[]): PhraseMatch[] {
  const seen = new Set<number>();
  return matches.filter((m) => {
    const start = sentenceAt(m.block, m.start).start;
    if (seen.has(start)) return false;
    seen.add(start);
    return true;
  });
}

/** The phrases of `list` in the document, minus those the vocabulary accepts. */
export function findReportable(context: RuleContext, list: CompiledList): PhraseMatch[] {
  return findPhrases(list, context.blocks).filter((m) => !isAccepted(context, m.start, m.end));
}

/**
 * Like `findReportable`, in the letter's own prose only: a clause drafted inside a letter or a call
 * summary (a guaranty, an arbitration clause: `clauseSections`) is a clause, which the clause rules
 * check; the legal steps and the register it names are not the host letter's for its stage.
 */
export function findInLetterProse(context: RuleContext, list: CompiledList): PhraseMatch[] {
  if (isClause(context.facts)) return findReportable(context, list);
  const sections = clauseSections(context);
  if (!sections.length) return findReportable(context, list);
  const inClause = new Set(sections.flatMap((s) => s.blocks));
  return findPhrases(
    list,
    context.blocks.filter((b) => !inClause.has(b)),
  ).filter((m) => !isAccepted(context, m.start, m.end));
}

/** Collapses whitespace in quoted text so that messages stay on one line. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `\`${flat.length > 60 ? `${flat.slice(0, 57)}...` : flat}\``;
}

/** The standard tone message: "Unexpected `X` (reason), expected Y", in both languages. */
export function phraseMessage(match: PhraseMatch): Bilingual {
  const q = quote(match.text);
  return {
    en: `Unexpected ${q} (${match.entry.info.reason.en}), expected ${match.entry.info.expected.en}`,
    zh: `不应出现 ${q}（${match.entry.info.reason.zh}），应${match.entry.info.expected.zh}`,
  };
}

/** A suggestion that puts the entry's lawful replacement in place of the match, if it has one. */
export function replacementFix(match: PhraseMatch): ReportFix[] {
  const text = match.entry.replacement;
  // The replacement is written for the bare verb ("contact your customers"); an inflected match would not read
  if (text === undefined || INFLECTED.test(match.text)) return [];
  return [{ title: replaceWith(text), edits: [{ start: match.start, end: match.end, text }] }];
}

/** True when the tone rules read the document as a dunning letter (explicitly, or by its stage). */
export function isDunningLetter(facts: Facts): boolean {
  return facts.kind === 'dunning-letter' || (facts.kind === undefined && facts.stage !== undefined);
}

/** True for kinds whose text is a contract clause (which defines charges and remedies rather than claiming them). */
export function isClause(facts: Facts): boolean {
  return facts.kind === 'clause';
}

/** The late stages, where a deadline and a next step belong. */
export function isLateStage(facts: Facts): boolean {
  return facts.stage === 'final-demand' || facts.stage === 'letter-before-action';
}

/** Stage names for messages. */
export const STAGE_NAMES: Record<string, Bilingual> = {
  reminder: { en: 'a reminder', zh: '第一次提醒函' },
  'second-reminder': { en: 'a second reminder', zh: '第二次提醒函' },
  'final-demand': { en: 'a final demand', zh: '最后催告函' },
  'letter-before-action': { en: 'a letter before action', zh: '诉前函' },
};
