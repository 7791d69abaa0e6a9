/** Small numbers written as words, in English and Chinese: "fourteen days", "三期", "十五日内". */
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
  'twenty-one': 21,
  'twenty-eight': 28,
  thirty: 30,
  'forty-five': 45,
  sixty: 60,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十二: 12,
  十五: 15,
  二十: 20,
  三十: 30,
};

/** The number a word or a run of digits stands for (`14`, `fourteen`, `十五`); undefined for any other word. */
export function numberWord(word: string): number | undefined {
  if (/^\d+$/.test(word)) return Number(word);
  const key = word.toLowerCase();
  return Object.hasOwn(NUMBER_WORDS, key) ? NUMBER_WORDS[key] : undefined;
}
