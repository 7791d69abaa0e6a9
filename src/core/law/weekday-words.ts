/**
 * Weekday names written next to a date (`Saturday, 5 December 2026`, `2026年12月5日（星期六）`), so a
 * fix that moves the date can rename the day too. Pure.
 */
import type { TextEdit } from '../types.js';

const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const ZH_DIGITS = ['日', '一', '二', '三', '四', '五', '六'];

const EN_WORD = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat)';
const EN_BEFORE = new RegExp(`\\b${EN_WORD}\\.?,?\\s*$`, 'i');
const EN_AFTER = new RegExp(`^\\s*(?:,\\s*)?(?:[(（]\\s*)?${EN_WORD}\\b`, 'i');
const ZH_NEAR = /^\s*(?:[（(]\s*)?(星期|周|礼拜)([一二三四五六日天])\s*[）)]?/;

/** English or Chinese name of a weekday (0 Sunday … 6 Saturday) in the style of `like`. */
function nameLike(like: string, day: number): string {
  const zh = /^(星期|周|礼拜)/.exec(like);
  if (zh) return `${zh[1]!}${ZH_DIGITS[day]!}`;
  const full = EN_DAYS[day]!;
  const word = /[A-Za-z]+/.exec(like)?.[0] ?? '';
  const out = word.toLowerCase().endsWith('day') ? full : full.slice(0, 3);
  return word === word.toUpperCase() && word.length > 1 ? out.toUpperCase() : out;
}

/**
 * The edit that renames a weekday written just before or after a date mention, or undefined when
 * none is written there. `text` is the whole document; `start`/`end` the mention's span.
 */
export function weekdayEdit(text: string, start: number, end: number, day: number): TextEdit | undefined {
  const before = text.slice(Math.max(0, start - 14), start);
  const en = EN_BEFORE.exec(before);
  if (en) {
    const at = start - before.length + en.index;
    const word = /[A-Za-z]+/.exec(en[0])!;
    return { start: at + word.index, end: at + word.index + word[0].length, text: nameLike(word[0], day) };
  }
  const after = text.slice(end, end + 14);
  const zh = ZH_NEAR.exec(after);
  if (zh) {
    const offset = end + zh.index + zh[0].indexOf(zh[1]!);
    const written = `${zh[1]!}${zh[2]!}`;
    return { start: offset, end: offset + written.length, text: nameLike(written, day) };
  }
  const enAfter = EN_AFTER.exec(after);
  if (enAfter) {
    const word = /[A-Za-z]+/.exec(enAfter[0])!;
    const offset = end + enAfter.index + word.index;
    return { start: offset, end: offset + word[0].length, text: nameLike(word[0], day) };
  }
  return undefined;
}
