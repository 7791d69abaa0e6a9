/**
 * Finds the words and phrases of configuration's `vocabulary` lists in a text. A trie over
 * tokens, not one regex alternation: 300,000 words cost one lookup per token of the text,
 * and nothing can fail to compile.
 *
 * Matching: case-insensitive; a run of whitespace in a phrase matches any run of whitespace in
 * the text; a phrase that starts with a Latin letter or digit matches whole words only (not
 * glued to a letter or digit on either side); other phrases (Chinese) match anywhere.
 */

const WORD_CHAR = /[A-Za-z0-9]/;
const SPACE = /\s/;

interface Token {
  /** Lower-cased text of the token, preceded by a space when whitespace comes before it. */
  key: string;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode> | undefined;
  /** Set at the end of a phrase: whether it matches whole words only. */
  wholeWords: boolean | undefined;
}

/** A compiled vocabulary list. */
export interface VocabularyMatcher {
  /** Every match in `text`, leftmost first, longest at each start, not overlapping. */
  find(text: string): { start: number; end: number }[];
}

/** Tokens of `text`: runs of ASCII letters and digits, and every other non-space character alone. */
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let gap = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      gap = true;
      i++;
      continue;
    }
    const start = i;
    if (WORD_CHAR.test(c)) while (i < text.length && WORD_CHAR.test(text[i]!)) i++;
    else i++;
    const lower = text.slice(start, i).toLowerCase();
    out.push({ key: gap && out.length > 0 ? ` ${lower}` : lower, start, end: i });
    gap = false;
  }
  return out;
}

const cache = new WeakMap<readonly string[], VocabularyMatcher | undefined>();

/** Compiles a list of words or phrases (cached per list); undefined when the list has none. */
export function vocabularyMatcher(words: readonly string[]): VocabularyMatcher | undefined {
  if (cache.has(words)) return cache.get(words);
  const root: TrieNode = { next: undefined, wholeWords: undefined };
  let any = false;
  for (const word of words) {
    if (typeof word !== 'string') continue;
    const phrase = word.trim();
    const tokens = tokenize(phrase);
    if (tokens.length === 0) continue;
    let node = root;
    for (const token of tokens) {
      node.next ??= new Map();
      let child = node.next.get(token.key);
      if (!child) node.next.set(token.key, (child = { next: undefined, wholeWords: undefined }));
      node = child;
    }
    node.wholeWords = WORD_CHAR.test(phrase[0]!);
    any = true;
  }
  const matcher = any ? { find: (text: string) => findAll(root, text) } : undefined;
  cache.set(words, matcher);
  return matcher;
}

function findAll(root: TrieNode, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const tokens = tokenize(text);
  for (let t = 0; t < tokens.length; t++) {
    const first = tokens[t]!;
    const firstKey = first.key.startsWith(' ') ? first.key.slice(1) : first.key;
    let node = root.next?.get(firstKey);
    let best = -1;
    for (let k = t; node;) {
      const end = tokens[k]!.end;
      if (node.wholeWords === false || (node.wholeWords === true && !WORD_CHAR.test(text[first.start - 1] ?? '') && !WORD_CHAR.test(text[end] ?? ''))) best = k;
      k++;
      node = k < tokens.length ? node.next?.get(tokens[k]!.key) : undefined;
    }
    if (best === -1) continue;
    out.push({ start: first.start, end: tokens[best]!.end });
    t = best;
  }
  return out;
}
