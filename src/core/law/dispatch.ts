/**
 * Whether a letter says how it goes out to the debtor: a `dispatch` fact, or words in the text
 * ("by courier", "以特快专递寄送"). A demand interrupts PRC limitation only when its arrival can be
 * proven (SPC limitation provisions Art. 8). Pure.
 */
import type { Block } from '../rule.js';
import type { Facts } from '../facts/facts.js';

/** Words that say how a letter goes out. */
const SAID_IN_TEXT = new RegExp(
  [
    String.raw`\b(?:by|via|through)\s+(?:(?:international|registered|recorded|express|signed[- ]for)\s+)*(?:courier|post|mail|airmail|DHL|FedEx|UPS|EMS|SF\s+Express)\b`,
    String.raw`\b(?:registered|recorded)\s+(?:post|mail|delivery)\b`,
    String.raw`\b(?:delivered|served)\s+by\s+hand\b`,
    String.raw`\bby\s+hand\b`,
    String.raw`\bsent\s+(?:by|via)\s+e-?mail\s+to\b`,
    '特快专递|挂号信|挂号邮件|顺丰|邮政EMS|快递方式|以快递|专人送达|当面送达|邮寄送达|电子邮件方式送达|通过电子邮件发送至',
  ].join('|'),
  'i',
);

/** True when the text itself says how the letter is sent. */
export function dispatchInText(blocks: readonly Block[]): boolean {
  return blocks.some((b) => SAID_IN_TEXT.test(b.text));
}

/** True when the facts or the text record how the letter is sent. */
export function dispatchRecorded(facts: Facts, blocks: readonly Block[]): boolean {
  return facts.dispatch?.method !== undefined || dispatchInText(blocks);
}
