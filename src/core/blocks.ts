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
