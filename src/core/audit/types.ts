// The DCTS audit report (original-kit §5 plus a status). The first seven fields keep the original
// tool's names and order so existing readers (derive_ci_thresholds, hard_enable_decider, the gates'
// DCTS check reading `var_ratio`) keep working.

/** n, arithmetic mean and POPULATION standard deviation of the finite values; null when n = 0. */
export interface SeriesStats {
  n: number;
  mean: number | null;
  std: number | null;
}

/** NO_DATA: not one robust DCTS value in any summary. */
export type AuditStatus = 'PASS' | 'WARN' | 'FAIL' | 'NO_DATA';

export interface AuditThresholds {
  /** var_ratio = robust variance / base variance must be at most this (hard_enable_decider: 0.85). */
  maxVarRatio: number;
  /** Fewer robust samples than this make the statistics unstable (derive_ci_thresholds: 10). */
  minRobustSamples: number;
}

export const defaultAuditThresholds: AuditThresholds = { maxVarRatio: 0.85, minRobustSamples: 10 };

/** A path given or matched that produced no record, and why. */
export interface SkippedFile {
  file: string;
  reason: string;
}

/** A value present in a used summary but not counted (boolean, string, NaN, Infinity …). */
export interface IgnoredValue {
  file: string;
  field: string;
  reason: string;
}

export interface DctsAuditReport {
  counts: { base: number; robust: number };
  base: SeriesStats;
  robust: SeriesStats;
  min: SeriesStats;
  grid_stats: Record<string, SeriesStats>;
  var_ratio: number | null;
  robust_is_min_fraction: number | null;
  // Additions.
  status: AuditStatus;
  /** Why the status is what it is, one sentence each. */
  reasons: string[];
  thresholds: { max_var_ratio: number; min_robust_samples: number };
  /** The summaries that gave a record, as given or matched (relative paths stay relative). */
  inputs: string[];
  skipped: SkippedFile[];
  ignored_values: IgnoredValue[];
  generated_at: string;
  schema_version: 1;
}
