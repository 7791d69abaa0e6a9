/**
 * When a wrong figure is a slip of the pen: the test that decides whether a fix that changes a figure or a
 * date may be applied without a person (`--fix`, Fix All). A written value is a plausible slip of the one
 * right value when it differs by what a hand or a keyboard does: two adjacent digits transposed, one digit
 * wrong, missing or extra, the decimal point or a thousands separator shifted (a factor of 10, 100 or
 * 1,000), or — for a date — the day and the month swapped. Anything else may be a different figure on
 * purpose (an instalment, a part payment, a limit), which a person must choose.
 */

/** True when `written` is one edit of `expected`: one digit changed, dropped or added, or two adjacent digits swapped. */
export function oneDigitSlip(written: string, expected: string): boolean {
  if (written === expected) return false;
  if (written.length === expected.length) {
    const diff: number[] = [];
    for (let i = 0; i < written.length; i++) if (written[i] !== expected[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && written[diff[0]!] === expected[diff[1]!] && written[diff[1]!] === expected[diff[0]!];
  }
  const [long, short] = written.length > expected.length ? [written, expected] : [expected, written];
  if (long.length !== short.length + 1) return false;
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}

/** True when an amount written (in minor units) is a plausible slip of the expected amount. */
export function plausibleAmountSlip(writtenMinor: number, expectedMinor: number): boolean {
  if (!(writtenMinor > 0 && expectedMinor > 0) || writtenMinor === expectedMinor) return false;
  for (const factor of [10, 100, 1000]) {
    if (writtenMinor * factor === expectedMinor || expectedMinor * factor === writtenMinor) return true;
  }
  return oneDigitSlip(String(writtenMinor), String(expectedMinor));
}

/** True when a date written (YYYY-MM-DD) is a plausible slip of the expected date: one digit, a transposition, day and month swapped. */
export function plausibleDateSlip(writtenIso: string, expectedIso: string): boolean {
  if (writtenIso === expectedIso) return false;
  const [y, m, d] = writtenIso.split('-');
  const [ey, em, ed] = expectedIso.split('-');
  if (!y || !m || !d || !ey || !em || !ed) return false;
  if (y === ey && m === ed && d === em) return true;
  // one digit of the day, the month or the year, compared as written without padding too (4 → 14)
  if (y === ey && m === em) return oneDigitSlip(String(Number(d)), String(Number(ed))) || oneDigitSlip(d, ed);
  if (y === ey && d === ed) return oneDigitSlip(String(Number(m)), String(Number(em))) || oneDigitSlip(m, em);
  if (m === em && d === ed) return oneDigitSlip(y, ey);
  return false;
}
