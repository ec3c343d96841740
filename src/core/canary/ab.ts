import { describeJudgement, judgeSamples } from '../judge';
import type { AbSpec } from './config';
import { readPath } from './health';
import type { AbResult, CanaryEvaluation, RunResult } from './results';

// Canary A/B mode: runs alternate baseline (odd ids) and candidate (even ids), so drifting load or
// machine state hits both groups alike; chosen summary metrics are then judged with the same judge
// as the gates' compare checks.

export type AbGroup = 'baseline' | 'candidate';

export function abGroup(runId: number): AbGroup {
  return runId % 2 === 1 ? 'baseline' : 'candidate';
}

/** One run's metric value: a finite number from a successful run's summary, else NaN (a failed run measures nothing). */
function metricValue(run: RunResult, summary: unknown, dotted: string): number {
  // No summary (undefined) reads as a missing value, so it is NaN too.
  if (!run.success) return NaN;
  const { value } = readPath(summary, dotted);
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/**
 * Judges every metric across the groups. `summaries` holds each run's parsed summary (undefined
 * when none was readable). PASS only when every metric passes; any FAIL fails; else INCONCLUSIVE.
 */
export function judgeAb(ab: AbSpec, candidateCommand: string[], runs: RunResult[], summaries: Map<number, unknown>): AbResult {
  const of = (g: AbGroup) => runs.filter((r) => abGroup(r.run_id) === g);
  const metrics = ab.metrics.map((m) => {
    const values = (g: AbGroup) => of(g).map((r) => metricValue(r, summaries.get(r.run_id), m.path));
    const baseline = values('baseline');
    const candidate = values('candidate');
    const judgement = judgeSamples(candidate, baseline, {
      direction: m.direction,
      effect: m.effect,
      allowed: m.allowed,
      criticalLimit: m.critical_limit,
      confidence: m.confidence,
      minSamples: m.min_samples,
      nan: m.nan,
      spreadAllowed: m.spread_allowed,
    });
    const name = m.name ?? m.id;
    const nullable = (xs: number[]) => xs.map((x) => (Number.isNaN(x) ? null : x));
    return { id: m.id, name, path: m.path, verdict: judgement.verdict, summary: describeJudgement(judgement, name), baseline: nullable(baseline), candidate: nullable(candidate), judgement: judgement as unknown as Record<string, unknown> };
  });
  const status = metrics.some((m) => m.verdict === 'FAIL') ? 'FAIL' : metrics.every((m) => m.verdict === 'PASS') ? 'PASS' : 'INCONCLUSIVE';
  return {
    status,
    groups: {
      baseline: { run_ids: of('baseline').map((r) => r.run_id), command: ab.baseline_command },
      candidate: { run_ids: of('candidate').map((r) => r.run_id), command: candidateCommand },
    },
    metrics,
  };
}

/** The sequence passes only if the A/B comparison passes too; an inconclusive one is not a pass. */
export function withAb(evaluation: CanaryEvaluation, ab: AbResult): CanaryEvaluation {
  if (ab.status === 'PASS') return evaluation;
  const reasons = ab.metrics.filter((m) => m.verdict !== 'PASS').map((m) => `A/B ${m.verdict}: ${m.summary}`);
  return { ...evaluation, overall_passed: false, status: 'FAIL', failure_reasons: [...(evaluation.failure_reasons ?? []), ...reasons] };
}
