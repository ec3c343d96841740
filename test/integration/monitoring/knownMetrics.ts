// The metric names monitoring assets may use: what the runtime really exports (original-kit §8.4,
// living_latent/obs/metrics.py) and what aurora-ga itself exports (the contract in the team's
// conventions; the scrape test checks the tool's real output against this list).

export const runtimeMetrics = [
  'aurora_risk_dro_factor', 'aurora_risk_dro_adj',
  'aurora_tvf2_dcts', 'aurora_tvf2_dcts_robust', 'aurora_tvf2_dcts_grid', 'aurora_tvf2_dcts_robust_value', 'aurora_tvf2_dcts_min_value',
  'aurora_ci_gating_state', 'aurora_ci_gating_value', 'aurora_ci_gating_threshold', 'aurora_ci_gating_violation_total',
  'aurora_ci_coverage_abs_err', 'aurora_ci_coverage_abs_err_ema',
] as const;

export const toolMetrics = [
  'aurora_ga_gate_status', 'aurora_ga_gate_value', 'aurora_ga_decision', 'aurora_ga_evaluation_timestamp_seconds',
  'aurora_canary_success_rate', 'aurora_canary_health_rate', 'aurora_canary_passed', 'aurora_canary_runs', 'aurora_canary_timestamp_seconds',
  'aurora_profile_lock_valid',
] as const;

export const knownMetrics: ReadonlySet<string> = new Set([...runtimeMetrics, ...toolMetrics]);

const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'and', 'or', 'unless', 'inf', 'nan', 'atan2']);

/**
 * The metric names a PromQL expression selects. Enough of PromQL for our own assets: strings,
 * label matchers, durations and grouping clauses are removed, then every identifier that is not a
 * function call or keyword is a metric name. `{__name__="x"}` selectors are read too.
 */
export function metricNames(promql: string): string[] {
  const names = new Set<string>();
  for (const m of promql.matchAll(/__name__\s*=~?\s*"([^"]*)"/g)) names.add(m[1]);
  const stripped = promql
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  for (const m of stripped.matchAll(/(?<![\w:.])([a-zA-Z_:][\w:]*)(?![\w:])(?!\s*\()/g)) {
    if (!KEYWORDS.has(m[1].toLowerCase())) names.add(m[1]);
  }
  return [...names];
}
