import { sorted } from './ranks';

// Two-sample Kolmogorov–Smirnov: the largest gap between the two empirical CDFs (ties handled as R
// does, by comparing only after each distinct value) and the asymptotic two-sided p-value, R's
// ks.test(x, y, exact = FALSE) (its C_pKS2 series with tolerance 1e-6).

export interface KolmogorovResult {
  d: number;
  p: number;
}

/** P(K ≤ x) for the limiting Kolmogorov distribution, the series R's pkstwo sums. */
export function pKolmogorov(x: number, tol = 1e-6): number {
  if (x <= 0) return 0;
  if (x < 1) {
    const kMax = Math.floor(Math.sqrt(2 - Math.log(tol)));
    const z = -(Math.PI * Math.PI) / 8 / (x * x);
    const w = Math.log(x);
    let s = 0;
    for (let k = 1; k < kMax; k += 2) s += Math.exp(k * k * z - w);
    return (s * Math.sqrt(2 * Math.PI));
  }
  const z = -2 * x * x;
  let s = -1;
  let k = 1;
  let old = 0;
  let nw = 1;
  while (Math.abs(old - nw) > tol) {
    old = nw;
    nw += 2 * s * Math.exp(z * k * k);
    s *= -1;
    k++;
  }
  return nw;
}

export function kolmogorovSmirnov(candidate: readonly number[], baseline: readonly number[]): KolmogorovResult {
  const x = sorted(candidate);
  const y = sorted(baseline);
  const n = x.length;
  const m = y.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n || j < m) {
    const v = j >= m || (i < n && x[i] <= y[j]) ? x[i] : y[j];
    while (i < n && x[i] === v) i++;
    while (j < m && y[j] === v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  const p = d < Number.EPSILON ? 1 : Math.min(1, Math.max(0, 1 - pKolmogorov(Math.sqrt((n * m) / (n + m)) * d)));
  return { d, p };
}
