import type { BlockLanguage } from '../rule.js';

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;
// URLs, e-mail addresses, numbers and amounts say nothing about the language
const NOISE = /https?:\/\/\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\d.,:/%-]+|\b(?:USD|CNY|RMB|HKD|EUR|SGD|Co|Ltd|LLC|Inc)\b\.?/g;

/** Tells the language of a short block of prose by script: cheap, and right on short text. */
export function detectLanguage(text: string): BlockLanguage {
  const clean = text.replace(NOISE, ' ');
  const han = clean.match(HAN)?.length ?? 0;
  const latin = clean.match(LATIN)?.length ?? 0;
  if (han === 0 && latin === 0) return 'none';
  // a Han character carries about as much as an English word (~4.5 letters)
  const hanWeight = han * 4;
  if (hanWeight >= latin * 3) return 'zh';
  if (latin >= hanWeight * 3) return 'en';
  return 'mixed';
}
