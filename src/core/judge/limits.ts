import { median } from './ranks';
import type { Direction, EffectMeasure } from './settings';

/**
 * Where the allowed shift puts the candidate, in the metric's own unit: the baseline median moved by
 * `allowed` (relative: a share of |median|) on each bad side. Undefined without a finite baseline
 * sample, or for a relative effect of a zero median (no shift can be stated as a share of it).
 */
export function allowedShiftLimits(baseline: readonly number[], s: { direction: Direction; effect: EffectMeasure; allowed: number }): { median: number; upper?: number; lower?: number } | undefined {
  const finite = baseline.filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return undefined;
  const m = median(finite);
  const shift = s.effect === 'relative' ? s.allowed * Math.abs(m) : s.allowed;
  if (s.effect === 'relative' && m === 0) return undefined;
  return { median: m, ...(s.direction !== 'decrease' ? { upper: m + shift } : {}), ...(s.direction !== 'increase' ? { lower: m - shift } : {}) };
}
