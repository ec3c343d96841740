import { hasTies, kthDifference, median, rankSum, sorted } from './ranks';
import { pnorm, qnorm } from './special';
import { pwilcox, pwilcoxUpper, qwilcox } from './wilcoxonExact';

// The two-sample Wilcoxon / Mann–Whitney test exactly as R's
// wilcox.test(x, y, conf.int = TRUE, correct = TRUE) computes it, x the candidate and y the
// baseline: exact distribution when both samples are under 50 and there are no ties (R's default),
// otherwise the normal approximation with tie and continuity correction, whose confidence bounds are
// found where R's uniroot finds them — but to the last bit, since the root is a jump of a step function.

export type MannWhitneyMethod = 'exact' | 'normal' | 'constant';

export interface MannWhitneyResult {
  method: MannWhitneyMethod;
  /** R's W: rank sum of the candidate minus n(n+1)/2. */
  w: number;
  /** Two-sided p-value. */
  p: number;
  /** Confidence interval of the location shift candidate − baseline. */
  ci: [number, number];
  confidence: number;
  /** Hodges–Lehmann estimate: the median of all differences candidate_i − baseline_j. */
  hl: number;
  /** W / (n·m): P(candidate > baseline) + ½ P(equal) — the common-language effect size. */
  cles: number;
  /** The normal approximation's z (with continuity correction); null for the exact and constant cases. */
  z: number | null;
}

export interface MannWhitneyOptions {
  confidence: number;
  /** 'auto' (R's default: exact when both n < 50 and no ties) or 'normal' (exact = FALSE). */
  exact?: 'auto' | 'normal';
}

function sigma(n: number, m: number, tieTerm: number): number {
  return Math.sqrt(((n * m) / 12) * (n + m + 1 - tieTerm / ((n + m) * (n + m - 1))));
}

/** R's standardised W(d) of the shifted candidate, continuity-corrected toward 0. */
function standardised(x: number[], y: number[], d: number): number {
  const n = x.length;
  const m = y.length;
  const r = rankSum(x, y, d);
  const dz = r.rankSum - (n * (n + 1)) / 2 - (n * m) / 2;
  return (dz - Math.sign(dz) * 0.5) / sigma(n, m, r.tieTerm);
}

/** Where the non-increasing step function standardised(d) − zq crosses 0 in [lo, hi] (R's root()). */
function root(x: number[], y: number[], lo: number, hi: number, zq: number): number {
  if (standardised(x, y, lo) - zq <= 0) return lo;
  if (standardised(x, y, hi) - zq >= 0) return hi;
  for (let i = 0; i < 2000; i++) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    const f = standardised(x, y, mid) - zq;
    if (f === 0) return mid;
    if (f > 0) lo = mid;
    else hi = mid;
  }
  return lo + (hi - lo) / 2;
}

/** The median of the n·m pairwise differences (average of the two middle ones when n·m is even). */
export function hodgesLehmann(x: readonly number[], y: readonly number[]): number {
  const total = x.length * y.length;
  if (total % 2) return kthDifference(x, y, (total + 1) / 2);
  return (kthDifference(x, y, total / 2) + kthDifference(x, y, total / 2 + 1)) / 2;
}

/** The test; both samples need at least one finite value (the caller enforces its own minimum). */
export function mannWhitney(candidate: readonly number[], baseline: readonly number[], opts: MannWhitneyOptions): MannWhitneyResult {
  const x = sorted(candidate);
  const y = sorted(baseline);
  const n = x.length;
  const m = y.length;
  if (!n || !m) throw new RangeError('mannWhitney needs at least one value on each side');
  const confidence = opts.confidence;
  const alpha = 1 - confidence;
  const { rankSum: rs, tieTerm } = rankSum(x, y);
  const w = rs - (n * (n + 1)) / 2;
  const cles = w / (n * m);
  const hl = hodgesLehmann(x, y);
  // Every value equal on both sides: no variance at all. R gives NaN here; the answer is known exactly.
  if (x[0] === x[n - 1] && y[0] === y[m - 1] && x[0] === y[0]) return { method: 'constant', w, p: 1, ci: [0, 0], confidence, hl: 0, cles, z: null };

  if ((opts.exact ?? 'auto') === 'auto' && n < 50 && m < 50 && !hasTies(x, y)) {
    const p = Math.min(1, 2 * (w > (n * m) / 2 ? pwilcoxUpper(w, n, m) : pwilcox(w, n, m)));
    let qu = qwilcox(alpha / 2, n, m);
    if (qu === 0) qu = 1;
    const ql = n * m - qu;
    return { method: 'exact', w, p, ci: [kthDifference(x, y, qu), kthDifference(x, y, ql + 1)], confidence, hl, cles, z: null };
  }

  const s = sigma(n, m, tieTerm);
  const centred = w - (n * m) / 2;
  const z = (centred - Math.sign(centred) * 0.5) / s;
  const p = Math.min(1, 2 * Math.min(pnorm(z), pnorm(-z)));
  const lo = x[0] - y[m - 1];
  const hi = x[n - 1] - y[0];
  const ci: [number, number] = [root(x, y, lo, hi, qnorm(1 - alpha / 2)), root(x, y, lo, hi, qnorm(alpha / 2))];
  return { method: 'normal', w, p, ci, confidence, hl, cles, z };
}

export { median };
