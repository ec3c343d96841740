import { median, sorted } from './ranks';
import { ptTwoSided } from './special';

// Brown–Forsythe (Levene's test on absolute deviations from each group's median): robust to
// heavy tails, and for two groups its F(1, N−2) is the square of the pooled t on the deviations.
// The effect is the ratio of the mean absolute deviations, candidate over baseline.

export interface SpreadResult {
  /** Mean |value − median|, candidate and baseline. */
  candidateSpread: number;
  baselineSpread: number;
  /** candidateSpread / baselineSpread (Infinity when only the baseline is constant, 1 when both are). */
  ratio: number;
  f: number;
  p: number;
}

export function brownForsythe(candidate: readonly number[], baseline: readonly number[]): SpreadResult {
  const dev = (s: readonly number[]) => {
    const v = sorted(s);
    const med = median(v);
    return v.map((x) => Math.abs(x - med));
  };
  const a = dev(candidate);
  const b = dev(baseline);
  const mean = (s: number[]) => s.reduce((t, x) => t + x, 0) / s.length;
  const ma = mean(a);
  const mb = mean(b);
  const ratio = mb === 0 ? (ma === 0 ? 1 : Infinity) : ma / mb;
  const n = a.length + b.length;
  const ss = a.reduce((t, x) => t + (x - ma) ** 2, 0) + b.reduce((t, x) => t + (x - mb) ** 2, 0);
  const df = n - 2;
  if (df < 1) return { candidateSpread: ma, baselineSpread: mb, ratio, f: NaN, p: NaN };
  // No scatter of the deviations inside either group: the groups' spreads are known exactly.
  if (ss === 0) return { candidateSpread: ma, baselineSpread: mb, ratio, f: ma === mb ? 0 : Infinity, p: ma === mb ? 1 : 0 };
  const pooled = ss / df;
  const t = (ma - mb) / Math.sqrt(pooled * (1 / a.length + 1 / b.length));
  return { candidateSpread: ma, baselineSpread: mb, ratio, f: t * t, p: ptTwoSided(t, df) };
}
