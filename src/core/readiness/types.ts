// The readiness report: the original `ga_readiness.py` report's fields (original-kit.md Appendix B)
// so existing readers keep working, answered by checks of today's tools instead of the old scripts.

export type ReadinessCheckId = 'version' | 'profiles_locks' | 'alert_rules' | 'dashboard' | 'git_clean';

export interface ReadinessCheck {
  id: ReadinessCheckId;
  /** The original's check name where one existed, e.g. "Version Consistency". */
  name: string;
  passed: boolean;
  message: string;
  /** File-level findings, one line each (`file:line: problem`). */
  details: string[];
}

export interface ReadinessReport {
  timestamp: string;
  overall_ready: boolean;
  readiness_status: 'READY' | 'NOT_READY';
  /** Keyed by check name, as the original wrote it. */
  checks: Record<string, { passed: boolean; message: string }>;
  next_steps: string[];
  ga_promotion_criteria: Record<string, string>;
  // Aurora additions.
  schema_version: 1;
  results: ReadinessCheck[];
  /** Alert names defined by the rule files checked (for the checklist's alert items). */
  alerts_defined: string[];
  rule_files: string[];
  dashboard_files: string[];
}
