import type { SeriesStats } from './types';

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Neumaier-compensated sum: twelve copies of 0.49 average to 0.49, not 0.49000000000000016. */
function sum(values: Iterable<number>): number {
  let total = 0;
  let carry = 0;
  for (const v of values) {
    const t = total + v;
    carry += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + carry;
}

/**
 * Mean and population standard deviation. Compensated sums and a corrected two-pass variance keep
 * constant series at std 0 (not 1e-16) and large offsets from cancelling digits away.
 */
export function seriesStats(values: readonly number[]): SeriesStats {
  const n = values.length;
  if (n === 0) return { n, mean: null, std: null };
  const mean = sum(values) / n;
  if (n === 1) return { n, mean, std: 0 };
  const dev = values.map((v) => v - mean);
  const variance = Math.max(0, (sum(dev.map((d) => d * d)) - sum(dev) ** 2 / n) / n);
  return { n, mean, std: Math.sqrt(variance) };
}

/** robust variance / base variance; null unless both have n > 1 and the base varies at all. */
export function varianceRatio(robust: SeriesStats, base: SeriesStats): number | null {
  if (robust.n < 2 || base.n < 2 || robust.std === null || base.std === null) return null;
  const baseVar = base.std ** 2;
  return baseVar > 0 ? robust.std ** 2 / baseVar : null;
}

/** Share of pairs (robust, min), both finite, where the robust value is the grid minimum (±1e-6). */
export function robustIsMinFraction(pairs: readonly { robust: unknown; min: unknown }[]): number | null {
  let total = 0;
  let atMin = 0;
  for (const { robust, min } of pairs) {
    if (!isFiniteNumber(robust) || !isFiniteNumber(min)) continue;
    total++;
    if (robust <= min + 1e-6) atMin++;
  }
  return total ? atMin / total : null;
}
