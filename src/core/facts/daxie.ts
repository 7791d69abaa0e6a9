/**
 * Chinese financial upper-case numerals (大写金额), as written on invoices, cheques and
 * contracts: 壹万捌仟肆佰元整. Pure; used by the amount reader, the formatters and rules.
 */

/** The ten 大写 digits, 零 to 玖. */
export const DAXIE_DIGITS = '零壹贰叁肆伍陆柒捌玖';

/** Ordinary numerals that must not appear in a 大写 amount, mapped to the 大写 they stand for. */
export const ORDINARY_TO_DAXIE: Readonly<Record<string, string>> = {
  〇: '零',
  一: '壹',
  二: '贰',
  两: '贰',
  三: '叁',
  四: '肆',
  五: '伍',
  六: '陆',
  七: '柒',
  八: '捌',
  九: '玖',
  十: '拾',
  百: '佰',
  千: '仟',
  万: '万',
  亿: '亿',
};

const GROUP_UNITS = ['', '拾', '佰', '仟'];

/** Writes 0..9999 in 大写 without leading or trailing 零 (`1010` → `壹仟零壹拾`). */
function groupToDaxie(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const digit = Math.floor(n / 10 ** pos) % 10;
    if (digit === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DAXIE_DIGITS[digit]! + GROUP_UNITS[pos]!;
  }
  return out;
}

/** Writes a non-negative integer in 大写 (no 元), with 万/亿 sections and the 零 rules. */
function integerToDaxie(n: number): string {
  if (n === 0) return '零';
  if (n >= 1e8) {
    const high = Math.floor(n / 1e8);
    const low = n % 1e8;
    if (low === 0) return `${integerToDaxie(high)}亿`;
    return `${integerToDaxie(high)}亿${low < 1e7 ? '零' : ''}${integerToDaxie(low)}`;
  }
  if (n >= 1e4) {
    const high = Math.floor(n / 1e4);
    const low = n % 1e4;
    if (low === 0) return `${groupToDaxie(high)}万`;
    return `${groupToDaxie(high)}万${low < 1000 ? '零' : ''}${groupToDaxie(low)}`;
  }
  return groupToDaxie(n);
}

/**
 * Writes an amount in 大写: 18400 → `壹万捌仟肆佰元整`, 1234.56 → `壹仟贰佰叁拾肆元伍角陆分`.
 * Rounds to 分; negative or non-finite input gives the empty string.
 */
export function toDaxie(value: number): string {
  if (!Number.isFinite(value) || value < 0) return '';
  const minor = Math.round(value * 100);
  const yuan = Math.floor(minor / 100);
  const jiao = Math.floor(minor / 10) % 10;
  const fen = minor % 10;
  if (jiao === 0 && fen === 0) return `${integerToDaxie(yuan)}元整`;
  let out = yuan > 0 ? `${integerToDaxie(yuan)}元` : '';
  if (jiao > 0) out += `${DAXIE_DIGITS[jiao]!}角`;
  else if (yuan > 0) out += '零';
  if (fen > 0) out += `${DAXIE_DIGITS[fen]!}分`;
  else out += '整';
  return out;
}

const DIGIT_VALUE = new Map<string, number>([...DAXIE_DIGITS].map((c, i) => [c, i]));
const UNIT_VALUE = new Map<string, number>([
  ['拾', 10],
  ['佰', 100],
  ['仟', 1000],
]);

/** Parses 0..9999 written in 大写; undefined when malformed. */
function parseGroup(s: string, allowLeadingZero: boolean): number | undefined {
  if (s === '') return 0;
  let total = 0;
  let lastUnit = 10000;
  let digit: number | undefined;
  let zeroSeen = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '零') {
      if (digit !== undefined || zeroSeen) return undefined;
      if (i === 0 && !allowLeadingZero) return undefined;
      zeroSeen = true;
      continue;
    }
    const d = DIGIT_VALUE.get(c);
    if (d !== undefined) {
      if (digit !== undefined) return undefined;
      digit = d;
      continue;
    }
    const u = UNIT_VALUE.get(c);
    if (u === undefined || u >= lastUnit) return undefined;
    // `拾` alone at the head of a group means one ten (拾万 = 100000).
    if (digit === undefined && !(c === '拾' && i === 0)) return undefined;
    total += (digit ?? 1) * u;
    lastUnit = u;
    digit = undefined;
    zeroSeen = false;
  }
  if (digit !== undefined) total += digit;
  else if (zeroSeen) return undefined;
  return total;
}

/** Parses an integer written in 大写 with 万/亿 sections; undefined when malformed. */
function parseInteger(s: string, allowLeadingZero: boolean): number | undefined {
  if (s === '零') return 0;
  const yi = s.lastIndexOf('亿');
  if (yi !== -1) {
    const high = parseInteger(s.slice(0, yi), allowLeadingZero);
    const low = parseInteger(s.slice(yi + 1), true);
    if (high === undefined || high === 0 || low === undefined || low >= 1e8) return undefined;
    return high * 1e8 + low;
  }
  const wan = s.lastIndexOf('万');
  if (wan !== -1) {
    const high = parseGroup(s.slice(0, wan), allowLeadingZero);
    const low = parseGroup(s.slice(wan + 1), true);
    if (high === undefined || high === 0 || low === undefined) return undefined;
    return high * 1e4 + low;
  }
  return parseGroup(s, allowLeadingZero);
}

const DAXIE_SHAPE = /^(?:([零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+)[元圆])?(零)?(?:([壹贰叁肆伍陆柒捌玖])角)?(零)?(?:([壹贰叁肆伍陆柒捌玖])分)?([整正])?$/u;

/**
 * Parses a 大写 amount (`壹万捌仟肆佰元整`, `伍角陆分`) to a number in major units.
 * Undefined for anything else: ordinary numerals (一二三) mixed in, a malformed string.
 */
export function parseDaxie(s: string): number | undefined {
  if (typeof s !== 'string' || s.length === 0 || s.length > 80) return undefined;
  const m = DAXIE_SHAPE.exec(s);
  if (!m) return undefined;
  const [, intPart, zero1, jiao, zero2, fen, whole] = m;
  if (intPart === undefined && jiao === undefined && fen === undefined) return undefined;
  if (whole && fen) return undefined;
  if (zero2 && (jiao || !fen)) return undefined;
  if (zero1 && (!intPart || (!jiao && !fen))) return undefined;
  let yuan = 0;
  if (intPart !== undefined) {
    const parsed = parseInteger(intPart, false);
    if (parsed === undefined) return undefined;
    yuan = parsed;
  }
  const minor = yuan * 100 + (jiao ? DIGIT_VALUE.get(jiao)! * 10 : 0) + (fen ? DIGIT_VALUE.get(fen)! : 0);
  return minor / 100;
}

/** Maps ordinary numerals (一二三, 十百千) to 大写, leaving everything else as is. */
export function normalizeOrdinary(s: string): string {
  let out = '';
  for (const c of s) out += ORDINARY_TO_DAXIE[c] ?? c;
  return out;
}
