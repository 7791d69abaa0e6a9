// How a function's time grows with its input, as a test may ask it on any machine: the same
// function on the same kind of input at 1× and at 8× the size, measured in turn in the same run.
// A linear function takes about 8 times as long on 8 times the input; a quadratic one 64 times,
// a cubic one 512 times. The time is CPU time (a busy machine that gives this process less of its
// cores does not count), and the ratio (never a wall-clock limit) tells them apart with a wide
// margin: the bound is 32×, and a 1× time under FLOOR_MS counts as FLOOR_MS (timer noise on a tiny
// time is no evidence). Speed goals live in `npm run bench`.
import assert from 'node:assert/strict';

/** Times under this many milliseconds are all alike: noise, not growth. */
const FLOOR_MS = 2;
/** Linear is ~8×, quadratic ~64×: 32× fails only a super-linear function. */
export const GROWTH_BOUND = 32;

/** The CPU time `fn` takes, in milliseconds: time this process was not given by a busy machine does not count. */
function timed(fn: () => unknown): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/**
 * The ratio of `fn`'s time on `large` to its time on `small` (8 times its size), each the best of
 * `runs` runs taken in turn, the small one floored at FLOOR_MS.
 */
export function growthRatio<T>(small: T, large: T, fn: (input: T) => unknown, runs = 1): number {
  let one = Infinity;
  let eight = Infinity;
  for (let i = 0; i < runs; i++) {
    one = Math.min(
      one,
      timed(() => fn(small)),
    );
    eight = Math.min(
      eight,
      timed(() => fn(large)),
    );
  }
  return eight / Math.max(one, FLOOR_MS);
}

/**
 * Fails when `fn` grows faster than linearly from `small` to `large` (8 times its size). One pair of
 * runs first; only a pair over the bound is measured again, best of three (a pause of the machine
 * during one run is not growth).
 */
export function assertLinearGrowth<T>(name: string, small: T, large: T, fn: (input: T) => unknown, bound = GROWTH_BOUND): void {
  let ratio = growthRatio(small, large, fn);
  if (ratio >= bound) ratio = Math.min(ratio, growthRatio(small, large, fn, 3));
  assert.ok(ratio < bound, `${name}: 8× the input took ${ratio.toFixed(1)}× the time (linear is about 8×), expected under ${bound}×`);
}
