/** The titles of fixes, in English and Chinese: the engine picks the letter's language, as for messages. */
import type { Message } from '../rule.js';

/** "Replace with `X`" / "替换为 `X`". */
export function replaceWith(text: string): Message {
  return { en: `Replace with \`${text}\``, zh: `替换为 \`${text}\`` };
}

/** "Write `X`" / "改写为 `X`". */
export function writeAs(text: string): Message {
  return { en: `Write \`${text}\``, zh: `改写为 \`${text}\`` };
}

export const REMOVE_SENTENCE: Message = { en: 'Remove the sentence', zh: '删除该句' };
