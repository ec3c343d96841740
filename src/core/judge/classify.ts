import { compareCounts, type CountsResult } from './counts';
import { kolmogorovSmirnov, type KolmogorovResult } from './kolmogorov';
import { mannWhitney, median, type MannWhitneyResult } from './mannWhitney';
import { sorted } from './ranks';
import type { CountSettings, Direction, SampleSettings } from './settings';
import { brownForsythe, type SpreadResult } from './spread';

// One metric, candidate against baseline, decided by confidence intervals against the limits
// (an equivalence-style three-way rule a reviewer can check by eye):
//   the whole interval beyond the critical limit → FAIL (critical)
//   the whole interval beyond the allowed limit  → FAIL
//   the whole interval within the allowed limit  → PASS
//   otherwise the data cannot tell               → INCONCLUSIVE (never a silent pass)
// plus, for samples, a significant spread increase beyond its allowed limit → FAIL.

export type JudgeVerdict = 'PASS' | 'FAIL' | 'INCONCLUSIVE' | 'NO_DATA';

/** Which rule decided, for people and for tests. */
export type JudgeRule =
  | 'too_few_samples'
  | 'nan_samples'
  | 'infinite_samples'
  | 'too_little_exposure'
  | 'invalid_counts'
  | 'baseline_median_zero'
  | 'beyond_critical'
  | 'beyond_allowed'
  | 'spread_increase'
  | 'within_allowed'
  | 'negligible_rate'
  | 'undecided';

export interface SideSummary {
  n: number;
  median: number;
  mean: number;
  /** NaN samples removed (nan: remove) or replaced (nan: zero). */
  nan: number;
}

export interface Limits {
  allowed: number;
  critical?: number;
}

export interface SamplesJudgement {
  kind: 'samples';
  verdict: JudgeVerdict;
  rule: JudgeRule;
  critical: boolean;
  direction: Direction;
  candidate: SideSummary;
  baseline: SideSummary;
  /** The shift candidate − baseline on the measure's scale (relative: share of the baseline median). */
  effect: { measure: SampleSettings['effect']; estimate: number; ci: [number, number]; confidence: number; limits: Limits } | null;
  mannWhitney: MannWhitneyResult | null;
  spread: (SpreadResult & { allowed: number | null }) | null;
  ks: KolmogorovResult | null;
  /** The bad-side estimate (what a check reports as its value); null without data. */
  value: number | null;
}

export interface CountsJudgement {
  kind: 'counts';
  verdict: JudgeVerdict;
  rule: JudgeRule;
  critical: boolean;
  counts: CountsResult | null;
  limits: Limits & { negligibleRate?: number };
  value: number | null;
}

export type Judgement = SamplesJudgement | CountsJudgement;

function prepare(values: readonly number[], policy: SampleSettings['nan']): { values: number[]; nan: number } {
  const nan = values.filter((v) => Number.isNaN(v)).length;
  if (policy === 'zero') return { values: values.map((v) => (Number.isNaN(v) ? 0 : v)), nan };
  return { values: values.filter((v) => !Number.isNaN(v)), nan };
}

function summary(values: number[], nan: number): SideSummary {
  const s = sorted(values);
  return { n: s.length, median: median(s), mean: s.length ? s.reduce((a, b) => a + b, 0) / s.length : NaN, nan };
}

/** Three-way rule on a bad-side interval [lo, hi] (larger = worse). */
function zone(lo: number, hi: number, limits: Limits): { verdict: JudgeVerdict; rule: JudgeRule; critical: boolean } {
  if (limits.critical !== undefined && lo > limits.critical) return { verdict: 'FAIL', rule: 'beyond_critical', critical: true };
  if (lo > limits.allowed) return { verdict: 'FAIL', rule: 'beyond_allowed', critical: false };
  if (hi <= limits.allowed) return { verdict: 'PASS', rule: 'within_allowed', critical: false };
  return { verdict: 'INCONCLUSIVE', rule: 'undecided', critical: false };
}

const RANK: Record<JudgeVerdict, number> = { PASS: 0, INCONCLUSIVE: 1, NO_DATA: 1, FAIL: 2 };

export function judgeSamples(candidateRaw: readonly number[], baselineRaw: readonly number[], s: SampleSettings): SamplesJudgement {
  const c = prepare(candidateRaw, s.nan);
  const b = prepare(baselineRaw, s.nan);
  const candidate = summary(c.values, c.nan);
  const baseline = summary(b.values, b.nan);
  const limits: Limits = { allowed: s.allowed, ...(s.criticalLimit !== undefined ? { critical: s.criticalLimit } : {}) };
  const empty = { kind: 'samples' as const, critical: false, direction: s.direction, candidate, baseline, effect: null, mannWhitney: null, spread: null, ks: null, value: null };
  if (s.nan === 'no_data' && (c.nan || b.nan)) return { ...empty, verdict: 'NO_DATA', rule: 'nan_samples' };
  // ±Inf is no measurement (histogram_quantile past the last bucket, a division by zero): no statistic is defined on it.
  if (c.values.some((v) => !Number.isFinite(v)) || b.values.some((v) => !Number.isFinite(v))) return { ...empty, verdict: 'NO_DATA', rule: 'infinite_samples' };
  if (candidate.n < s.minSamples || baseline.n < s.minSamples || !candidate.n || !baseline.n) return { ...empty, verdict: 'NO_DATA', rule: 'too_few_samples' };

  const mw = mannWhitney(c.values, b.values, { confidence: s.confidence });
  const ks = kolmogorovSmirnov(c.values, b.values);
  const sp = brownForsythe(c.values, b.values);
  const spread = { ...sp, allowed: s.spreadAllowed };
  const scale = s.effect === 'relative' ? Math.abs(baseline.median) : 1;
  if (scale === 0) return { ...empty, mannWhitney: mw, ks, spread, verdict: 'INCONCLUSIVE', rule: 'baseline_median_zero' };
  const effect = { measure: s.effect, estimate: mw.hl / scale, ci: [mw.ci[0] / scale, mw.ci[1] / scale] as [number, number], confidence: s.confidence, limits };

  // Bad-side intervals: an increase as is, a decrease mirrored.
  const sides: [number, number][] = [];
  if (s.direction !== 'decrease') sides.push([effect.ci[0], effect.ci[1]]);
  if (s.direction !== 'increase') sides.push([-effect.ci[1], -effect.ci[0]]);
  let decided = sides.map(([lo, hi]) => zone(lo, hi, limits)).reduce((a, z) => (RANK[z.verdict] > RANK[a.verdict] ? z : a));
  const spreadFails = s.spreadAllowed !== null && sp.p < 1 - s.confidence && sp.ratio > 1 + s.spreadAllowed;
  if (spreadFails && decided.verdict !== 'FAIL') decided = { verdict: 'FAIL', rule: 'spread_increase', critical: false };
  const value = s.direction === 'increase' ? effect.estimate : s.direction === 'decrease' ? -effect.estimate : Math.abs(effect.estimate);
  return { ...empty, ...decided, mannWhitney: mw, ks, spread, effect, value };
}

export function judgeCounts(candidate: { errors: number; requests: number }, baseline: { errors: number; requests: number }, s: CountSettings): CountsJudgement {
  const limits = { allowed: s.allowed, ...(s.criticalLimit !== undefined ? { critical: s.criticalLimit } : {}), ...(s.negligibleRate !== undefined ? { negligibleRate: s.negligibleRate } : {}) };
  const base = { kind: 'counts' as const, critical: false, limits, counts: null, value: null };
  const valid = (x: { errors: number; requests: number }) => Number.isInteger(x.errors) && Number.isInteger(x.requests) && x.errors >= 0 && x.errors <= x.requests;
  if (!valid(candidate) || !valid(baseline)) return { ...base, verdict: 'NO_DATA', rule: 'invalid_counts' };
  if (candidate.requests < Math.max(1, s.minRequests) || baseline.requests < Math.max(1, s.minRequests)) return { ...base, verdict: 'NO_DATA', rule: 'too_little_exposure' };
  const counts = compareCounts(candidate, baseline, s.confidence);
  // On the ratio scale "allowed 0.5" means a candidate rate up to 1.5 × the baseline's.
  let decided = zone(counts.ci[0] - 1, counts.ci[1] - 1, limits);
  if (decided.verdict === 'INCONCLUSIVE' && s.negligibleRate !== undefined && counts.candidateRateUpper <= s.negligibleRate) decided = { verdict: 'PASS', rule: 'negligible_rate', critical: false };
  const value = Number.isNaN(counts.ratio) ? null : counts.ratio - 1;
  return { ...base, ...decided, counts, value };
}
