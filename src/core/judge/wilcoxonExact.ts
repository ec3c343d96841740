// The exact null distribution of the Wilcoxon rank-sum statistic W (no ties), as R's
// pwilcox/qwilcox: counts of the m-subsets of {1..m+n} by rank sum, built by adding one rank at a
// time (only additions of non-negative numbers, so no cancellation), cached per (m, n).

const cache = new Map<string, Float64Array>();

/** P(W = w) for w = 0..m·n, W = (rank sum of the m-sample) − m(m+1)/2. */
export function wilcoxonDensity(m: number, n: number): Float64Array {
  const key = `${m},${n}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const maxW = m * n;
  // ways[j][w]: j ranks chosen among the first r with W-contribution w (rank sum minus j(j+1)/2).
  const ways: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(maxW + 1));
  ways[0][0] = 1;
  for (let r = 1; r <= m + n; r++) {
    // Choosing rank r as the j-th smallest adds r − j to W.
    for (let j = Math.min(m, r); j >= 1; j--) {
      const add = r - j;
      if (add > n) continue;
      const from = ways[j - 1];
      const to = ways[j];
      for (let w = maxW - add; w >= 0; w--) if (from[w]) to[w + add] += from[w];
    }
  }
  const counts = ways[m];
  let total = 0;
  for (const c of counts) total += c;
  const density = counts.map((c) => c / total);
  cache.set(key, density);
  return density;
}

/** P(W ≤ q). */
export function pwilcox(q: number, m: number, n: number): number {
  const d = wilcoxonDensity(m, n);
  const top = Math.floor(q + 1e-7);
  if (top < 0) return 0;
  if (top >= m * n) return 1;
  let p = 0;
  for (let w = 0; w <= top; w++) p += d[w];
  return Math.min(1, p);
}

/** P(W ≥ q). */
export function pwilcoxUpper(q: number, m: number, n: number): number {
  const d = wilcoxonDensity(m, n);
  const from = Math.ceil(q - 1e-7);
  if (from <= 0) return 1;
  let p = 0;
  for (let w = m * n; w >= from; w--) p += d[w];
  return Math.min(1, p);
}

/** The smallest w with P(W ≤ w) ≥ p (R's qwilcox). */
export function qwilcox(p: number, m: number, n: number): number {
  const d = wilcoxonDensity(m, n);
  let cum = 0;
  for (let w = 0; w <= m * n; w++) {
    cum += d[w];
    if (cum >= p * (1 - 64 * Number.EPSILON)) return w;
  }
  return m * n;
}
