import type { SeriesStats } from './types';

export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Mean and population standard deviation (two-pass, so large offsets do not cancel digits away). */
export function seriesStats(values: readonly number[]): SeriesStats {
  const n = values.length;
  if (n === 0) return { n, mean: null, std: null };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { n, mean, std: 0 };
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
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
