/**
 * The most stamps in any window of `windowMs` (a window (t - windowMs, t]): how tests check that
 * what a connector saw stayed within a rate limit. Test support only; the queue itself keeps its
 * own per-window accounting.
 */
export function maxInAnyWindow(stamps: readonly number[], windowMs: number): number {
  const s = [...stamps].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < s.length; hi++) {
    while (s[lo]! <= s[hi]! - windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
