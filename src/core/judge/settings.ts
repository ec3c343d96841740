// What a comparison is judged against (filled from a gates `compare` check or a canary A/B config).

/** Which change is bad: a higher candidate (latency, errors), a lower one (throughput), or either. */
export type Direction = 'increase' | 'decrease' | 'either';

/** relative: the shift as a share of the baseline median (0.1 = 10 %); absolute: in the metric's unit. */
export type EffectMeasure = 'relative' | 'absolute';

/** What to do with NaN samples: leave them out, count them as 0, or give no verdict. */
export type NanPolicy = 'remove' | 'zero' | 'no_data';

export interface SampleSettings {
  direction: Direction;
  effect: EffectMeasure;
  /** Largest acceptable bad-side shift (relative or absolute). */
  allowed: number;
  /** A bad-side shift shown beyond this is a critical failure (scores 0). */
  criticalLimit?: number;
  /** Two-sided confidence of the interval, e.g. 0.98; α = 1 − confidence. */
  confidence: number;
  /** Fewer samples on either side (after NaN handling) is NO_DATA, never a pass. */
  minSamples: number;
  nan: NanPolicy;
  /** Largest acceptable relative increase of the spread (mean |x − median|), e.g. 0.5; null: not judged. */
  spreadAllowed: number | null;
}

export interface CountSettings {
  /** Largest acceptable relative increase of the error rate (0.5: candidate rate ≤ 1.5 × baseline rate). */
  allowed: number;
  criticalLimit?: number;
  confidence: number;
  /** Fewer requests on either side is NO_DATA (the minimum-exposure guard). */
  minRequests: number;
  /** A candidate whose own error rate is shown below this passes even when a ratio says nothing (e.g. 0 vs 0 errors). */
  negligibleRate?: number;
}
