import type { CanaryEvaluation, HealthResult, RunResult } from './results';

export interface EvaluationInput {
  runs: RunResult[];
  health: HealthResult[];
  plannedRuns: number;
  successThreshold: number;
  healthThreshold: number;
  hardTripRunId: number | null;
  cancelled: boolean;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The sequence's verdict (original-kit.md §4.1), plus why it failed: a hard trip or a cancellation fails it whatever the rates. */
export function evaluateSequence(input: EvaluationInput): CanaryEvaluation {
  const total = input.runs.length;
  const successful = input.runs.filter((r) => r.success);
  const healthy = input.health.filter((h) => h.healthy).length;
  const successRate = total ? successful.length / total : 0;
  const healthRate = total ? healthy / total : 0;
  const reasons: string[] = [];
  if (input.hardTripRunId !== null) reasons.push(`hard gating tripped in run ${input.hardTripRunId}`);
  if (input.cancelled) reasons.push(`cancelled after ${total} of ${input.plannedRuns} runs`);
  if (total === 0) reasons.push('no run completed');
  if (successRate < input.successThreshold) reasons.push(`success rate ${(successRate * 100).toFixed(1)}% below ${(input.successThreshold * 100).toFixed(1)}%`);
  if (healthRate < input.healthThreshold) reasons.push(`health rate ${(healthRate * 100).toFixed(1)}% below ${(input.healthThreshold * 100).toFixed(1)}%`);
  const passed = reasons.length === 0;
  return {
    total_runs: total,
    successful_runs: successful.length,
    healthy_runs: healthy,
    success_rate: successRate,
    health_rate: healthRate,
    avg_duration: successful.length ? round(successful.reduce((s, r) => s + r.duration, 0) / successful.length) : 0,
    success_threshold: input.successThreshold,
    health_threshold: input.healthThreshold,
    overall_passed: passed,
    status: passed ? 'PASS' : 'FAIL',
    planned_runs: input.plannedRuns,
    hard_trip: input.hardTripRunId !== null,
    hard_trip_run_id: input.hardTripRunId,
    cancelled: input.cancelled,
    failure_reasons: reasons,
  };
}
