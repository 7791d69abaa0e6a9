/**
 * The meaning layer's reader: a sentence read once into word-class hits (lexicon.json), clauses,
 * and the readings every frame asks about (negated, descriptive, a question, a modal, who acts).
 * English words go through the Porter stemmer, so a class member matches every inflection of
 * itself; Chinese members match as substrings. Pure: no `node:` imports.
 */
import { stemmer } from 'stemmer';
import lexiconData from './lexicon.json';

/** One class of the lexicon, as written in the JSON data. */
export interface LexiconClass {
  label: { en: string; zh: string };
  en: string[];
  zh: string[];
  /** Chinese words that hold a member but mean something else (会 in 委员会): a hit inside one is none. */
  zhNot?: string[];
}

/** The lexicon file. */
export interface Lexicon {
  classes: Record<string, LexiconClass>;
}

/** A class word found in a sentence (offsets into the sentence). */
export interface Hit {
  cls: string;
  start: number;
  end: number;
  /** Index of the first and last token (English), or -1 (Chinese). */
  first: number;
  last: number;
}

interface Token {
  lower: string;
  stem: string;
  start: number;
  end: number;
}

type Part = { exact: string } | { stem: string } | { gap: true };

interface EnItem {
  cls: string;
  parts: Part[];
}

/** Up to this many words stand for `*` in an English item. */
const GAP = 3;
const WORD = /[A-Za-z0-9]+(?:['’][A-Za-z]+)?/g;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

export const LEXICON = lexiconData as Lexicon;

/** The Porter stem of a lower-case word. */
export function stem(word: string): string {
  return stemmer(word);
}

function normaliseWord(raw: string): string[] {
  let w = raw.toLowerCase().replace(/’/g, "'");
  if (w === "won't") return ['will', 'not'];
  if (w === "can't" || w === 'cannot') return ['can', 'not'];
  if (w === "shan't") return ['shall', 'not'];
  if (w.endsWith("n't")) return [w.slice(0, -3), 'not'];
  if (w.endsWith("'ll")) return [w.slice(0, -3), 'll'];
  if (w.endsWith("'s") || w.endsWith("'d") || w.endsWith("'re") || w.endsWith("'ve") || w.endsWith("'m")) w = w.slice(0, w.lastIndexOf("'"));
  return [w];
}

/** English words of a text, with offsets and stems. */
export function tokenise(text: string): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const words = normaliseWord(m[0]);
    for (const w of words) out.push({ lower: w, stem: stem(w), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

function compileEn(cls: string, item: string): EnItem {
  const parts: Part[] = [];
  for (const word of item.split(/\s+/)) {
    if (!word) continue;
    if (word === '*') parts.push({ gap: true });
    else if (word.startsWith('=')) parts.push({ exact: word.slice(1).toLowerCase() });
    else for (const w of tokenise(word)) parts.push({ stem: w.stem });
  }
  return { cls, parts };
}

function key(part: Part): string {
  return 'exact' in part ? `=${part.exact}` : 'stem' in part ? part.stem : '*';
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A lexicon compiled once: English items indexed by their first word, Chinese items as one regex per class. */
export interface CompiledLexicon {
  en: Map<string, EnItem[]>;
  zh: Map<string, RegExp>;
  zhNot: Map<string, RegExp>;
  /** The pre-filter: any word that can start an item of `classes` (English prefixes, Chinese substrings). */
  prefilter(classes: readonly string[]): RegExp;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const en = new Map<string, EnItem[]>();
  const zh = new Map<string, RegExp>();
  const zhNot = new Map<string, RegExp>();
  for (const [cls, data] of Object.entries(lexicon.classes)) {
    for (const item of data.en) {
      const compiled = compileEn(cls, item);
      const first = compiled.parts[0];
      if (!first || 'gap' in first) throw new Error(`lexicon: item \`${item}\` of \`${cls}\` must start with a word`);
      const k = key(first);
      const list = en.get(k) ?? [];
      list.push(compiled);
      en.set(k, list);
    }
    if (data.zh.length) {
      const sorted = [...new Set(data.zh)].sort((a, b) => b.length - a.length);
      zh.set(cls, new RegExp(sorted.map(escape).join('|'), 'gu'));
    }
    if (data.zhNot?.length) zhNot.set(cls, new RegExp(data.zhNot.map(escape).join('|'), 'gu'));
  }
  const prefilters = new Map<string, RegExp>();
  const prefilter = (classes: readonly string[]): RegExp => {
    const id = [...classes].sort().join(' ');
    let regex = prefilters.get(id);
    if (regex) return regex;
    const prefixes = new Set<string>();
    const han = new Set<string>();
    for (const cls of classes) {
      const data = lexicon.classes[cls];
      if (!data) throw new Error(`lexicon: no class \`${cls}\``);
      for (const item of data.en) {
        const word = item.split(/\s+/)[0] ?? '';
        const bare = word.replace(/^=/, '').toLowerCase();
        if (word.startsWith('=')) {
          prefixes.add(bare);
          continue;
        }
        // the common start of the word and its stem begins every inflection (notify / notifi → notif)
        const s = stem(bare);
        let n = 0;
        while (n < bare.length && n < s.length && bare[n] === s[n]) n++;
        prefixes.add(bare.slice(0, Math.max(n, Math.min(3, bare.length))));
      }
      for (const item of data.zh) han.add(item);
    }
    // a prefix that another prefix starts is redundant
    const sorted = [...prefixes].sort();
    const minimal = sorted.filter((p, i) => !sorted.slice(0, i).some((q) => p.startsWith(q)));
    const parts: string[] = [];
    if (minimal.length) parts.push(`(?<![A-Za-z])(?:${minimal.map(escape).join('|')})`);
    if (han.size)
      parts.push(
        [...han]
          .sort((a, b) => b.length - a.length)
          .map(escape)
          .join('|'),
      );
    regex = new RegExp(parts.join('|') || '(?!)', 'iu');
    prefilters.set(id, regex);
    return regex;
  };
  return { en, zh, zhNot, prefilter };
}

export const COMPILED = compileLexicon(LEXICON);

function matchFrom(tokens: readonly Token[], i: number, parts: readonly Part[], p: number): number {
  if (p === parts.length) return i - 1;
  const part = parts[p]!;
  if ('gap' in part) {
    for (let skip = 0; skip <= GAP; skip++) {
      const end = matchFrom(tokens, i + skip, parts, p + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  const token = tokens[i];
  if (!token) return -1;
  const ok = 'exact' in part ? token.lower === part.exact : token.stem === part.stem;
  return ok ? matchFrom(tokens, i + 1, parts, p + 1) : -1;
}

/** Every class hit of a text: English items over its words, Chinese items over its Han text. */
export function classHits(text: string, lexicon: CompiledLexicon = COMPILED): { hits: Hit[]; tokens: Token[] } {
  const hits: Hit[] = [];
  const tokens = LATIN.test(text) ? tokenise(text) : [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    for (const k of [`=${t.lower}`, t.stem]) {
      for (const item of lexicon.en.get(k) ?? []) {
        const last = matchFrom(tokens, i, item.parts, 0);
        if (last >= 0) hits.push({ cls: item.cls, start: t.start, end: tokens[last]!.end, first: i, last });
      }
    }
  }
  if (HAN.test(text)) {
    for (const [cls, regex] of lexicon.zh) {
      const not: [number, number][] = [];
      const notRegex = lexicon.zhNot.get(cls);
      if (notRegex) {
        notRegex.lastIndex = 0;
        for (let m = notRegex.exec(text); m; m = notRegex.exec(text)) not.push([m.index, m.index + m[0].length]);
      }
      regex.lastIndex = 0;
      for (let m = regex.exec(text); m; m = regex.exec(text)) {
        const start = m.index;
        const end = start + m[0].length;
        if (not.some(([s, e]) => s <= start && e >= end)) continue;
        hits.push({ cls, start, end, first: -1, last: -1 });
      }
    }
  }
  return { hits: hits.sort((a, b) => a.start - b.start || b.end - a.end), tokens };
}

// Clause breaks: commas, semicolons, colons, dashes and brackets, in both scripts
const CLAUSE_BREAK = /[,;:()\u2014\u2013，；：（）]|\s-\s/g;
const PASSIVE_BEFORE = /\b(?:be|been|being|is|are|was|were|get|gets|got|gotten)\s+(?:\w+ly\s+)?$|被[^，。；]{0,4}$/iu;

/** A sentence read once: its class hits, clauses and the readings frames ask about. */
export class Reading {
  readonly hits: Hit[];
  readonly question: boolean;
  private readonly byClass = new Map<string, Hit[]>();
  private readonly breaks: number[] = [];

  constructor(readonly text: string) {
    this.hits = classHits(text).hits;
    for (const h of this.hits) {
      const list = this.byClass.get(h.cls) ?? [];
      list.push(h);
      this.byClass.set(h.cls, list);
    }
    CLAUSE_BREAK.lastIndex = 0;
    for (let m = CLAUSE_BREAK.exec(text); m; m = CLAUSE_BREAK.exec(text)) this.breaks.push(m.index);
    this.question = /[?？]["'”’」)）]*$/u.test(text.trimEnd());
  }

  of(cls: string): readonly Hit[] {
    return this.byClass.get(cls) ?? [];
  }

  has(cls: string): boolean {
    return this.of(cls).length > 0;
  }

  /** The clause (index) an offset lies in. */
  clause(offset: number): number {
    let n = 0;
    for (const b of this.breaks) if (b < offset) n++;
    return n;
  }

  /** Hits of `cls` in the clause of `at`. */
  inClause(cls: string, at: Hit): Hit[] {
    const c = this.clause(at.start);
    return this.of(cls).filter((h) => this.clause(h.start) === c);
  }

  /** True when the hit is a passive verb ("will be told", 被冻结): its subject suffers the act. */
  passive(h: Hit): boolean {
    return PASSIVE_BEFORE.test(this.text.slice(Math.max(0, h.start - 24), h.start));
  }

  /**
   * True when a negation in the hit's clause governs it: "we will not visit", "nobody will contact", 不会上门,
   * "the police have no role". A negation of paying ("if you do not pay", 不还钱的话), one before an infinitive
   * ("told not to ship") or after a subordinate word ("if you do not pay") governs something else; a negation
   * that affirms ("will not hesitate", 不会放过) is none; and a question's negation is rhetorical (你岳父还不知道吧？).
   */
  negated(h: Hit, following = true): boolean {
    if (this.question) return false;
    const idioms = this.of('affirmative-idiom');
    const conditions = this.of('condition-verb');
    const subordinators = this.of('subordinator');
    for (const n of this.inClause('negation', h)) {
      if (idioms.some((i) => i.start <= n.start && i.end >= n.end)) continue;
      if (n.start >= h.start && n.end <= h.end) continue;
      if (!following && n.start >= h.end) continue;
      // "told not to ship": the negation governs the infinitive after it
      if (/^(?:not|never)$/i.test(this.text.slice(n.start, n.end)) && /^\s*to\b/i.test(this.text.slice(n.end, n.end + 6))) continue;
      const zh = !/[A-Za-z]/.test(this.text.slice(n.start, n.end));
      // the negation governs paying or answering: a condition or a description of the debt, not the act
      if (conditions.some((c) => c.start >= n.end && c.start - n.end <= (zh ? 2 : 12) && !/[,;，；。]/u.test(this.text.slice(n.end, c.start)))) continue;
      if (n.start > h.end && subordinators.some((s) => s.start >= h.end && s.end <= n.start)) continue;
      return true;
    }
    return false;
  }

  /**
   * Who does the act of `h`, from the nearest actor word before it in its clause: the debtor ("if you contact your
   * bank", "please inform your customers") or someone else. A passive act's subject is no actor.
   */
  debtorActs(h: Hit): boolean {
    if (this.question || this.passive(h)) return false;
    const c = this.clause(h.start);
    let nearest: Hit | undefined;
    for (const cls of ['creditor', 'vague-actor', 'debtor-subject']) {
      for (const a of this.of(cls)) {
        if (a.end > h.start || this.clause(a.start) !== c) continue;
        if (!nearest || a.start > nearest.start) nearest = a;
      }
    }
    return nearest?.cls === 'debtor-subject';
  }
}
