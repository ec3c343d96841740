import { lchoose, qbeta } from './special';

// Error counts over requests. Fisher's exact test on the 2×2 table (R's fisher.test two-sided
// p-value: every table no more likely than the observed one, with R's 1 + 1e-7 tolerance), and an
// exact confidence interval for the ratio of the two error rates from the conditional binomial:
// given k = e_c + e_b errors, e_c ~ Binomial(k, π) with π/(1−π) = ratio · n_c/n_b, and π gets the
// Clopper–Pearson interval (R's binom.test(e_c, k)$conf.int).

export interface CountsResult {
  candidateErrors: number;
  candidateRequests: number;
  baselineErrors: number;
  baselineRequests: number;
  /** Fisher's exact two-sided p-value. */
  p: number;
  /** Candidate error rate over baseline error rate (Infinity when only the baseline has none; NaN when neither has any). */
  ratio: number;
  /** Confidence interval of the ratio (may be [0, Infinity] when there are too few errors to say anything). */
  ci: [number, number];
  confidence: number;
  /** Upper confidence bound of the candidate's own error rate (one-sided at the same level). */
  candidateRateUpper: number;
}

/** Clopper–Pearson interval for a binomial proportion x / n, R's binom.test. */
export function clopperPearson(x: number, n: number, confidence: number): [number, number] {
  const alpha = 1 - confidence;
  const lower = x === 0 ? 0 : qbeta(alpha / 2, x, n - x + 1);
  const upper = x === n ? 1 : qbeta(1 - alpha / 2, x + 1, n - x);
  return [lower, upper];
}

/** Fisher's exact test, two-sided, for [[a, b], [c, d]] (rows: candidate, baseline; columns: errors, successes). */
export function fisherExact(a: number, b: number, c: number, d: number): number {
  const row1 = a + b;
  const col1 = a + c;
  const total = a + b + c + d;
  const lo = Math.max(0, col1 - (total - row1));
  const hi = Math.min(row1, col1);
  const logP = (k: number) => lchoose(row1, k) + lchoose(total - row1, col1 - k) - lchoose(total, col1);
  const observed = logP(a);
  let p = 0;
  // Relative tolerance as R: tables with density ≤ observed · (1 + 1e-7) count as "as extreme".
  const limit = observed + Math.log1p(1e-7);
  for (let k = lo; k <= hi; k++) {
    const lp = logP(k);
    if (lp <= limit) p += Math.exp(lp);
  }
  return Math.min(1, p);
}

export function compareCounts(
  candidate: { errors: number; requests: number },
  baseline: { errors: number; requests: number },
  confidence: number,
): CountsResult {
  const ec = candidate.errors;
  const eb = baseline.errors;
  const nc = candidate.requests;
  const nb = baseline.requests;
  const p = fisherExact(ec, nc - ec, eb, nb - eb);
  const rc = ec / nc;
  const rb = eb / nb;
  const ratio = rb === 0 ? (rc === 0 ? NaN : Infinity) : rc / rb;
  const k = ec + eb;
  const toRatio = (pi: number) => (pi >= 1 ? Infinity : (pi / (1 - pi)) * (nb / nc));
  const [piLo, piHi] = k === 0 ? [0, 1] : clopperPearson(ec, k, confidence);
  const candidateRateUpper = ec === nc ? 1 : qbeta(confidence, ec + 1, nc - ec);
  return { candidateErrors: ec, candidateRequests: nc, baselineErrors: eb, baselineRequests: nb, p, ratio, ci: [toRatio(piLo), toRatio(piHi)], confidence, candidateRateUpper };
}
