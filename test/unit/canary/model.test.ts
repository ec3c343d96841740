import assert from 'node:assert/strict';
import type { SequenceEntry } from '../../../src/core/canary/history';
import type { CanaryResults, HealthResult, RunResult } from '../../../src/core/canary/results';
import { modelFromHistory } from '../../../src/providers/canary/model';

const run = (id: number, over: Partial<RunResult> = {}): RunResult => ({
  run_id: id, timestamp: '2026-11-27T02:00:00.000Z', success: true, exit_code: 0, duration: 1.5, summary_file: `artifacts/canary/S/run-0${id}/summary.json`,
  stdout: '', stderr: '', outcome: 'success', reason: null, run_dir: `artifacts/canary/S/run-0${id}`, log_file: `artifacts/canary/S/run-0${id}/output.log`, ...over,
});
const healthy = (id: number): HealthResult => ({ healthy: true, run_id: id, checks: [{ id: 'has_decisions', description: 'r2_main_loop.decisions > 0', ok: true, value: 3, missing: false }] });

function results(over: Partial<CanaryResults['evaluation']> = {}, runs = [run(1)], health = [healthy(1)]): CanaryResults {
  return {
    timestamp: '2026-11-27T02:00:00.000Z',
    config: { profile: 'configs/profiles/r2.yaml', runs: runs.length, gating: 'hard' },
    evaluation: { total_runs: runs.length, successful_runs: 1, healthy_runs: 1, success_rate: 1, health_rate: 1, avg_duration: 1.5, success_threshold: 0.7, health_threshold: 0.7, overall_passed: true, status: 'PASS', ...over },
    run_results: runs,
    health_results: health,
    data_mode: 'live',
  };
}
const entry = (name: string, r: CanaryResults | null, extra: Partial<SequenceEntry> = {}): SequenceEntry => ({ dir: `/ws/artifacts/canary/${name}`, name, results: r, progress: null, problem: r ? null : 'no results (running or interrupted)', ...extra });

describe('canary view model', () => {
  it('shows the newest sequence as latest with rates, runs and their checks; older ones as past', () => {
    const m = modelFromHistory([entry('20261127T020000Z', results()), entry('20261126T020000Z', results({ status: 'FAIL', overall_passed: false, health_rate: 0.5 }))], '/ws');
    assert.equal(m.latest!.label, 'PASS');
    assert.match(m.latest!.description, /^success 100% · health 100% · hard · 20261127T020000Z$/);
    assert.equal(m.latest!.runs[0].summaryFile, '/ws/artifacts/canary/S/run-01/summary.json');
    assert.equal(m.latest!.runs[0].checks[0].label, 'has_decisions');
    assert.deepEqual(m.past.map((s) => s.status), ['FAIL']);
  });

  it('gives every kind of run its state and reason', () => {
    const runs = [
      run(1, { success: false, exit_code: 3, outcome: 'hard_trip', reason: 'hard gating tripped (exit 3)' }),
      run(2, { success: false, exit_code: -1, outcome: 'timeout', reason: 'timed out after 5s; process group killed' }),
      run(3, { success: false, exit_code: 2, outcome: 'failed', reason: 'exit code 2: boom' }),
      run(4),
    ];
    const health: HealthResult[] = [
      { healthy: false, run_id: 1, reason: 'Run failed: hard gating tripped (exit 3)' },
      { healthy: false, run_id: 2, reason: 'Run failed: timed out' },
      { healthy: false, run_id: 3, reason: 'Run failed: exit code 2: boom' },
      { healthy: false, run_id: 4, reason: 'Unhealthy: no_zero_budget: r2_preloop.skip_reasons.zero_budget = 2, needs == 0' },
    ];
    const m = modelFromHistory([entry('S', results({ status: 'FAIL', hard_trip: true }, runs, health))], '/ws');
    assert.deepEqual(m.latest!.runs.map((r) => r.state), ['hard_trip', 'timeout', 'failed', 'unhealthy']);
    assert.equal(m.latest!.runs[2].reason, 'exit code 2: boom');
    assert.match(m.latest!.runs[3].description, /unhealthy · 1\.50s · no_zero_budget/);
    assert.match(m.latest!.description, /HARD TRIP/);
  });

  it('labels demo data, and tells a sequence running elsewhere from one that was killed', () => {
    const start = { kind: 'start' as const, started_at: '', profile: 'p.yaml', planned_runs: 5, gating: 'soft' as const, data_mode: 'demo' as const, run_budget_s: 10 };
    const progress = { start, runs: [{ run: run(1), health: healthy(1) }], updatedAt: new Date(1_000_000) };
    const running = modelFromHistory([entry('S', null, { progress })], '/ws', 1_000_000 + 5_000).latest!;
    assert.equal(running.status, 'RUNNING');
    assert.equal(running.label, 'DEMO RUNNING (elsewhere)');
    assert.match(running.description, /^1\/5 runs · success 100% · health 100%/);
    const dead = modelFromHistory([entry('S', null, { progress })], '/ws', 1_000_000 + 120_000).latest!;
    assert.equal(dead.status, 'INCOMPLETE');
    assert.match(dead.description, /interrupted after 1\/5 runs/);
    const demo = modelFromHistory([entry('S', { ...results(), data_mode: 'demo' })], '/ws').latest!;
    assert.equal(demo.label, 'DEMO PASS');
  });
});
