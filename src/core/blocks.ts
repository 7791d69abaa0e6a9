import type { Block } from './rule.js';

/** The prose block that holds an offset, found by binary search (blocks are sorted and do not overlap). */
export function blockAt(blocks: readonly Block[], offset: number): Block | undefined {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const block = blocks[mid]!;
    if (offset < block.start) hi = mid - 1;
    else if (offset >= block.end) lo = mid + 1;
    else return block;
  }
  return undefined;
}

/** The index of the first item that starts at or after `offset`, by binary search (items sorted by start). */
export function firstStartingAt(items: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A match of a regex in a block, with offsets into the whole text. */
export interface BlockMatch {
  start: number;
  end: number;
  text: string;
  match: RegExpExecArray;
  block: Block;
}

/** Every non-empty match of a global regex in the blocks, with offsets into the whole text. */
export function* matchBlocks(blocks: readonly Block[], regex: RegExp): Generator<BlockMatch> {
  for (const block of blocks) {
    regex.lastIndex = 0;
    for (let m = regex.exec(block.text); m; m = regex.exec(block.text)) {
      if (m[0] === '') {
        regex.lastIndex++;
        continue;
      }
      yield { start: block.start + m.index, end: block.start + m.index + m[0].length, text: m[0], match: m, block };
    }
  }
}

// Where the letter proper starts: a salutation ("Dear Mr. Chen,", "尊敬的…", "陈先生：", "Mr. Qian,")
const SALUTATION =
  /^\s*(?:\*\*)?(?:dear\b|to\s+whom\b|(?:ladies\s+and\s+)?gentlemen\b|hi\b|hello\b|尊敬的|敬启者|(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+[^\s,]+(?:\s+[^\s,]+)?,\s*$|[\u4e00-\u9fff·]{1,8}(?:先生|女士|小姐|经理|总|总经理|董事长|主任)\s*[:：])/iu;
// A paragraph this long in one language is the letter itself, even without a salutation
const PROSE_WORDS = 12;

/** True for a salutation line. */
export function isSalutation(block: Block): boolean {
  return SALUTATION.test(block.text);
}

/**
 * How many leading blocks are the letterhead: sender, addresses, date, "By courier", reference
 * lines — everything before the salutation or the first paragraph of real prose. Computed once per document.
 */
const headCache = new WeakMap<readonly Block[], number>();
export function letterheadLength(blocks: readonly Block[]): number {
  const cached = headCache.get(blocks);
  if (cached !== undefined) return cached;
  let n = 0;
  for (const block of blocks) {
    if (isSalutation(block) || (block.type === 'paragraph' && !block.cell && Math.max(block.measure.en, block.measure.zh) >= PROSE_WORDS)) break;
    n++;
  }
  headCache.set(blocks, n);
  return n;
}
