import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { readCanaryResults } from '../../../src/core/canary/results';
import { runCanary } from '../../../src/core/canary/runner';
import { childPlan, tempRoot } from './support';

const never = () => new AbortController().signal;
const CLI = path.join(process.cwd(), 'dist/cli.js');

describe('canary inputs and the current results (real child processes)', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a summary.json that is a symlink to a stale healthy file elsewhere makes the run unhealthy, with the reason', async () => {
    const r = await runCanary(childPlan(root, 'symlink', { runs: 1 }), never());
    assert.equal(r.run_results[0].outcome, 'success');
    assert.equal(r.health_results[0].healthy, false);
    assert.match(r.health_results[0].reason!, /summary\.json is a symlink \(to .*stale-summary\.json\), not a file the run wrote in its own directory/);
    assert.equal(r.evaluation.status, 'FAIL');
  });

  it('a summary older than the run is stale: unhealthy', async () => {
    const r = await runCanary(childPlan(root, 'stale', { runs: 1 }), never());
    assert.equal(r.health_results[0].healthy, false);
    assert.match(r.health_results[0].reason!, /before the run started .*a stale file/);
  });

  it('--runs has an upper bound (exit 2 naming it) and the start line gives the worst-case time', async () => {
    const run = (args: string[]) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const c = spawn(process.execPath, [CLI, 'canary', ...args], { cwd: root });
      let out = '';
      let err = '';
      c.stdout.on('data', (d) => (out += d));
      c.stderr.on('data', (d) => (err += d));
      c.on('close', (code) => resolve({ code, out, err }));
    });
    const huge = await run(['--demo', '--runs', '1000000']);
    assert.equal(huge.code, 2);
    assert.match(huge.err, /runs.*at most 1000 runs in one sequence/);
    assert.equal(fs.existsSync(path.join(root, 'artifacts')), false, 'nothing started');
    const small = await run(['--demo', '--runs', '4', '--timeout', '30', '--interval', '0', '--concurrency', '2']);
    // Two waves of (30 s timeout + the demo config's kill grace): the estimate is stated, not measured.
    assert.match(small.out, /Worst case \d+s \(every run timing out after 30s\)/);
  });

  it('a cancelled sequence never replaces completed results, but keeps its own; a named output is written', async () => {
    const done = await runCanary(childPlan(root, 'ok', { runs: 2 }), never());
    const plan = childPlan(root, 'ok,hang', { runs: 3 });
    const controller = new AbortController();
    const partial = await runCanary(plan, controller.signal, (p) => {
      if (p.kind === 'run-start' && p.runId === 2) controller.abort();
    });
    assert.equal(partial.evaluation.cancelled, true);
    assert.deepEqual(await readCanaryResults(plan.output, never()), done, 'the completed results stay current');
    assert.deepEqual(await readCanaryResults(path.join(root, partial.sequence_dir!, 'canary_results.json'), never()), partial);

    const named = childPlan(root, 'ok,hang', { runs: 3 });
    named.writeCurrent = 'always';
    const c2 = new AbortController();
    const again = await runCanary(named, c2.signal, (p) => {
      if (p.kind === 'run-start' && p.runId === 2) c2.abort();
    });
    assert.deepEqual(await readCanaryResults(named.output, never()), again);
  });
});
