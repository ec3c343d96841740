import assert from 'node:assert/strict';
import { abGroup, judgeAb, withAb } from '../../../src/core/canary/ab';
import { abSchema } from '../../../src/core/canary/config';
import { evaluateSequence } from '../../../src/core/canary/evaluate';
import type { RunResult } from '../../../src/core/canary/results';

const run = (id: number, success = true): RunResult => ({ run_id: id, timestamp: '', success, exit_code: success ? 0 : 1, duration: 1, summary_file: null, stdout: '', stderr: '' });
const spec = (metrics: object[]) => abSchema.parse({ baseline_command: ['old'], metrics });
const latency = { id: 'lat', path: 'm.latency', allowed: 0.1 };
// Ten runs: odd ids baseline, even ids candidate; the values of each group in run order.
const sequence = (baseline: unknown[], candidate: unknown[], ok: (id: number) => boolean = () => true) => {
  const runs = Array.from({ length: 10 }, (_, i) => run(i + 1, ok(i + 1)));
  const summaries = new Map<number, unknown>(runs.map((r) => [r.run_id, { m: { latency: (r.run_id % 2 ? baseline : candidate)[Math.floor((r.run_id - 1) / 2)] } }]));
  return { runs, summaries };
};
const steady = [100, 101, 99, 100, 102];

describe('canary A/B judgement', () => {
  it('odd runs are the baseline, even runs the candidate', () => {
    assert.deepEqual([1, 2, 3, 4].map(abGroup), ['baseline', 'candidate', 'baseline', 'candidate']);
  });

  it('passes a candidate like the baseline, naming the groups\' runs and commands; the metric is named by its id by default', () => {
    const { runs, summaries } = sequence(steady, steady);
    const ab = judgeAb(spec([latency]), ['new'], runs, summaries);
    assert.equal(ab.status, 'PASS');
    assert.deepEqual(ab.groups, { baseline: { run_ids: [1, 3, 5, 7, 9], command: ['old'] }, candidate: { run_ids: [2, 4, 6, 8, 10], command: ['new'] } });
    assert.deepEqual([ab.metrics[0].id, ab.metrics[0].name, ab.metrics[0].path, ab.metrics[0].verdict], ['lat', 'lat', 'm.latency', 'PASS']);
    assert.deepEqual([ab.metrics[0].baseline, ab.metrics[0].candidate], [steady, steady]);
    assert.match(ab.metrics[0].summary, /lat/);
  });

  it('a failed run, a missing summary, a value that is not a finite number all measure nothing (null)', () => {
    const { runs, summaries } = sequence(steady, [100, 'fast', Infinity, 100, 100], (id) => id !== 8);
    summaries.delete(10);
    const m = judgeAb(spec([latency]), ['new'], runs, summaries).metrics[0];
    assert.deepEqual(m.candidate, [100, null, null, null, null]);
    assert.equal(m.verdict, 'NO_DATA', 'one usable candidate value is below min_samples');
  });

  it('any failing metric fails the comparison; a pass with an undecided one is inconclusive', () => {
    const slower = steady.map((x) => x * 2);
    const { runs, summaries } = sequence(steady, slower);
    const both = (b: object) => judgeAb(spec([{ ...latency, allowed: 5 }, { ...latency, id: 'b', name: 'second', ...b }]), ['new'], runs, summaries);
    assert.equal(both({ allowed: 5 }).status, 'PASS');
    assert.equal(both({ allowed: 0.1 }).status, 'FAIL');
    assert.equal(both({ allowed: 5, min_samples: 9 }).status, 'INCONCLUSIVE');
  });

  it('a critical limit reaches the judge', () => {
    const { runs, summaries } = sequence(steady, steady.map((x) => x * 2));
    const judged = (extra: object) => judgeAb(spec([{ ...latency, ...extra }]), ['new'], runs, summaries).metrics[0].judgement.critical;
    assert.equal(judged({ critical_limit: 0.5 }), true);
    assert.equal(judged({}), false);
  });

  it('the sequence fails unless the comparison passes, adding each metric that did not pass', () => {
    const ev = evaluateSequence({ runs: [run(2)], health: [{ healthy: true }], plannedRuns: 1, successThreshold: 0.7, healthThreshold: 0.7, hardTripRunId: null, cancelled: false });
    const { runs, summaries } = sequence(steady, steady.map((x) => x * 2));
    const passed = judgeAb(spec([{ ...latency, allowed: 5 }]), ['new'], runs, summaries);
    assert.equal(withAb(ev, passed), ev);
    const failed = judgeAb(spec([{ ...latency, allowed: 5, id: 'ok' }, { ...latency, id: 'slow', name: 'latency' }]), ['new'], runs, summaries);
    const out = withAb(ev, failed);
    assert.deepEqual([out.status, out.overall_passed], ['FAIL', false]);
    assert.deepEqual(out.failure_reasons, [`A/B FAIL: ${failed.metrics[1].summary}`]);
    const { failure_reasons: _, ...withoutReasons } = ev;
    assert.deepEqual(withAb(withoutReasons, failed).failure_reasons, [`A/B FAIL: ${failed.metrics[1].summary}`]);
  });
});
