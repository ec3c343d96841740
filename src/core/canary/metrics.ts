import path from 'node:path';
import type { MetricFamily } from '../metrics/exposition';
import type { CanaryResults } from './results';

/** The profile label: the profile file's name without its extension (configs/profiles/r2.yaml → r2). */
export function profileLabel(profile: string): string {
  return path.posix.basename(profile.replace(/\\/g, '/')).replace(/\.[^.]*$/, '');
}

/** The canary's exported metrics (names agreed in conventions.md, matched by the alert rules and dashboard). */
export function canaryMetricFamilies(results: CanaryResults): MetricFamily[] {
  const labels = { profile: profileLabel(results.config.profile) };
  const e = results.evaluation;
  const gauge = (name: string, help: string, value: number): MetricFamily => ({ name, help, type: 'gauge', samples: [{ labels, value }] });
  return [
    gauge('aurora_canary_success_rate', 'Share of canary runs that exited 0 (last sequence).', e.success_rate),
    gauge('aurora_canary_health_rate', 'Share of canary runs whose own summary passed every health check (last sequence).', e.health_rate),
    gauge('aurora_canary_passed', '1 if the last canary sequence passed (both rates at or above their thresholds, no hard trip), else 0.', e.overall_passed ? 1 : 0),
    gauge('aurora_canary_runs', 'Runs completed in the last canary sequence.', e.total_runs),
    gauge('aurora_canary_timestamp_seconds', 'Unix time the last canary sequence started.', Math.floor(Date.parse(results.timestamp) / 1000)),
  ];
}
