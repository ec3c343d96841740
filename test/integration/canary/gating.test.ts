// Exit code 3 means a hard-gating trip only under hard gating: the same exit under soft gating is a
// plain failed run, and the sequence goes on (real child processes).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { runCanary } from '../../../src/core/canary/runner';
import { childPlan, tempRoot } from './support';

const never = () => new AbortController().signal;

describe('canary runner: exit 3 and the gating mode', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const gating of ['soft', 'none'] as const) {
    it(`under ${gating} gating a run exiting 3 is a failed run, not a trip, and every planned run still runs`, async () => {
      const r = await runCanary(childPlan(root, 'ok,exit3,ok', { runs: 3, gating }), never());
      assert.equal(r.run_results[1].exit_code, 3, 'the child really exited 3');
      assert.equal(r.run_results[1].outcome, 'failed');
      assert.match(r.run_results[1].reason!, /^exit code 3: exiting with code 3$/);
      assert.equal(r.evaluation.hard_trip, false);
      assert.equal(r.evaluation.total_runs, 3);
      assert.deepEqual(r.run_results.map((x) => x.outcome), ['success', 'failed', 'success']);
    });
  }

  it('under hard gating the same exit 3 trips and stops the sequence', async () => {
    const r = await runCanary(childPlan(root, 'ok,exit3,ok', { runs: 3, gating: 'hard' }), never());
    assert.equal(r.run_results[1].outcome, 'hard_trip');
    assert.equal(r.evaluation.hard_trip, true);
    assert.equal(r.evaluation.total_runs, 2);
  });

  it('under hard gating an exit other than 3 is a plain failure', async () => {
    const r = await runCanary(childPlan(root, 'ok,fail,ok', { runs: 3, gating: 'hard' }), never());
    assert.equal(r.run_results[1].outcome, 'failed');
    assert.equal(r.evaluation.hard_trip, false);
    assert.equal(r.evaluation.total_runs, 3);
  });
});
