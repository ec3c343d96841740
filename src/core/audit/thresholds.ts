// The audit's thresholds and their defaults: their own file, so settings read them without the report schema.

export interface AuditThresholds {
  /** var_ratio = robust variance / base variance must be at most this (hard_enable_decider: 0.85). */
  maxVarRatio: number;
  /** Fewer robust samples than this make the statistics unstable (derive_ci_thresholds: 10). */
  minRobustSamples: number;
}

export const defaultAuditThresholds: AuditThresholds = { maxVarRatio: 0.85, minRobustSamples: 10 };
