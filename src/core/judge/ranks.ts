// Rank sums by merging two sorted samples: O(n) per shift, so the confidence-interval search can
// re-rank the shifted candidate many times without sorting again.

export const ascending = (a: number, b: number) => a - b;

export function sorted(values: readonly number[]): number[] {
  return [...values].sort(ascending);
}

export interface RankSum {
  /** Sum of the mid-ranks of the first sample in the pooled sample. */
  rankSum: number;
  /** Σ (t³ − t) over groups of tied values, for the variance's tie correction. */
  tieTerm: number;
}

/** Mid-rank sum of `a − shift` among `a − shift` ∪ `b` (both sorted ascending). */
export function rankSum(a: readonly number[], b: readonly number[], shift = 0): RankSum {
  let i = 0;
  let j = 0;
  let rank = 1;
  let rankSum = 0;
  let tieTerm = 0;
  while (i < a.length || j < b.length) {
    const v = j >= b.length || (i < a.length && a[i] - shift <= b[j]) ? a[i] - shift : b[j];
    let ca = 0;
    let cb = 0;
    while (i < a.length && a[i] - shift === v) {
      i++;
      ca++;
    }
    while (j < b.length && b[j] === v) {
      j++;
      cb++;
    }
    const t = ca + cb;
    rankSum += ca * (rank + (t - 1) / 2);
    tieTerm += t * t * t - t;
    rank += t;
  }
  return { rankSum, tieTerm };
}

/** True when some value occurs more than once in the pooled sample. */
export function hasTies(a: readonly number[], b: readonly number[]): boolean {
  return rankSum(a, b).tieTerm > 0;
}

export function median(s: readonly number[]): number {
  const n = s.length;
  if (!n) return NaN;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** How many pairwise differences a_i − b_j are ≤ t (both sorted), in O(n). */
function countAtMost(a: readonly number[], b: readonly number[], t: number): number {
  let count = 0;
  // For growing a_i the pairs with a_i − b_j > t are a growing prefix of b. Differences are compared as
  // computed (never b_j against a_i − t), so this count and the final snap agree to the last bit.
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    while (k < b.length && a[i] - b[k] > t) k++;
    count += b.length - k;
  }
  return count;
}

/**
 * The k-th smallest (1-based) of the n·m differences a_i − b_j without building them: bisection on
 * the value, then the exact difference inside the final bracket. Deterministic and O((n+m)·log).
 */
export function kthDifference(a: readonly number[], b: readonly number[], k: number): number {
  let lo = a[0] - b[b.length - 1];
  let hi = a[a.length - 1] - b[0];
  if (k <= 1) return lo;
  if (k >= a.length * b.length) return hi;
  // Invariant: countAtMost(lo) < k ≤ countAtMost(hi).
  lo = lo - Math.max(1, Math.abs(lo)) * 1e-9;
  for (let iter = 0; iter < 2000; iter++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (countAtMost(a, b, mid) >= k) hi = mid;
    else lo = mid;
  }
  // The answer is the smallest difference greater than lo.
  let best = Infinity;
  let k2 = 0;
  for (let i = 0; i < a.length; i++) {
    while (k2 < b.length && a[i] - b[k2] > lo) k2++;
    if (k2 > 0) best = Math.min(best, a[i] - b[k2 - 1]);
  }
  return best;
}
