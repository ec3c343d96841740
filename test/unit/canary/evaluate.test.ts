import assert from 'node:assert/strict';
import { evaluateSequence, type EvaluationInput } from '../../../src/core/canary/evaluate';
import type { HealthResult, RunResult } from '../../../src/core/canary/results';

function runs(successes: boolean[], durations = successes.map(() => 2)): RunResult[] {
  return successes.map((success, i) => ({ run_id: i + 1, timestamp: '', success, exit_code: success ? 0 : 1, duration: durations[i], summary_file: null, stdout: '', stderr: '' }));
}
const health = (h: boolean[]): HealthResult[] => h.map((healthy) => ({ healthy }));
const input = (over: Partial<EvaluationInput>): EvaluationInput => ({ runs: [], health: [], plannedRuns: 10, successThreshold: 0.7, healthThreshold: 0.7, hardTripRunId: null, cancelled: false, ...over });

describe('canary sequence evaluation', () => {
  it('passes at exactly the thresholds and fails just below', () => {
    const ten = (n: number) => Array.from({ length: 10 }, (_, i) => i < n);
    const pass = evaluateSequence(input({ runs: runs(ten(7)), health: health(ten(7)) }));
    assert.deepEqual([pass.success_rate, pass.health_rate, pass.status, pass.overall_passed], [0.7, 0.7, 'PASS', true]);
    const fail = evaluateSequence(input({ runs: runs(ten(7)), health: health(ten(6)) }));
    assert.equal(fail.status, 'FAIL');
    assert.deepEqual(fail.failure_reasons, ['health rate 60.0% below 70.0%']);
  });

  it('averages durations over successful runs only, and is 0 without any', () => {
    assert.equal(evaluateSequence(input({ runs: runs([true, false, true], [1, 100, 2]), health: health([true, false, true]) })).avg_duration, 1.5);
    assert.equal(evaluateSequence(input({ runs: runs([false]), health: health([false]) })).avg_duration, 0);
  });

  it('fails an empty sequence instead of dividing by zero', () => {
    const e = evaluateSequence(input({ plannedRuns: 3 }));
    assert.deepEqual([e.total_runs, e.success_rate, e.health_rate, e.status], [0, 0, 0, 'FAIL']);
    assert.ok(e.failure_reasons!.includes('no run completed'));
  });

  it('fails on a hard trip or a cancellation whatever the rates', () => {
    const ok = { runs: runs([true, true]), health: health([true, true]) };
    const trip = evaluateSequence(input({ ...ok, hardTripRunId: 2 }));
    assert.deepEqual([trip.status, trip.hard_trip, trip.hard_trip_run_id], ['FAIL', true, 2]);
    const cancelled = evaluateSequence(input({ ...ok, cancelled: true }));
    assert.equal(cancelled.status, 'FAIL');
    assert.match(cancelled.failure_reasons![0], /cancelled after 2 of 10 runs/);
  });

  it('honours configured thresholds', () => {
    const e = evaluateSequence(input({ runs: runs([true, false]), health: health([true, false]), successThreshold: 0.5, healthThreshold: 0.5 }));
    assert.equal(e.status, 'PASS');
  });
});

describe('canary sequence evaluation: the success rate and every reason', () => {
  it('fails just below the success threshold, saying both rates in percent, and passes at it', () => {
    const fiveOf = (n: number) => Array.from({ length: 5 }, (_, i) => i < n);
    // 3 of 5 runs succeed (60%); every run is healthy, so only the success rate fails.
    const fail = evaluateSequence(input({ runs: runs(fiveOf(3)), health: health(fiveOf(5)) }));
    assert.deepEqual(fail.failure_reasons, ['success rate 60.0% below 70.0%']);
    assert.deepEqual([fail.success_rate, fail.successful_runs, fail.status], [0.6, 3, 'FAIL']);
    const pass = evaluateSequence(input({ runs: runs(fiveOf(3)), health: health(fiveOf(5)), successThreshold: 0.6 }));
    assert.deepEqual([pass.status, pass.failure_reasons], ['PASS', []]);
  });

  it('gives every cause of a failure, in a fixed order, with the thresholds it was judged by', () => {
    const e = evaluateSequence(input({ runs: runs([false, true]), health: health([false, false]), plannedRuns: 4, hardTripRunId: 1, cancelled: true, successThreshold: 0.75, healthThreshold: 0.25 }));
    assert.deepEqual(e.failure_reasons, ['hard gating tripped in run 1', 'cancelled after 2 of 4 runs', 'success rate 50.0% below 75.0%', 'health rate 0.0% below 25.0%']);
    assert.deepEqual([e.success_threshold, e.health_threshold, e.planned_runs, e.cancelled, e.healthy_runs, e.total_runs], [0.75, 0.25, 4, true, 0, 2]);
    assert.equal(e.overall_passed, false);
  });

  it('rounds the mean duration to milliseconds', () => {
    // (1 + 1 + 2) / 3 = 1.3333… s
    assert.equal(evaluateSequence(input({ runs: runs([true, true, true], [1, 1, 2]), health: health([true, true, true]) })).avg_duration, 1.333);
  });

  it('has no hard trip without a tripped run', () => {
    const e = evaluateSequence(input({ runs: runs([true]), health: health([true]) }));
    assert.deepEqual([e.hard_trip, e.hard_trip_run_id, e.cancelled], [false, null, false]);
  });
});
