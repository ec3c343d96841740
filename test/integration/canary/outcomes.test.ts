// How the runner tells one run's end from another, and what it records about it (real child
// processes): a signal, the reason taken from stderr or else stdout, a long line cut, a summary it
// cannot read, the environment and placeholders each run gets, the command line in the log.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { MARKER_VAR } from '../../../src/core/canary/processRun';
import { runCanary } from '../../../src/core/canary/runner';
import { CHILD, childPlan, tempRoot } from './support';

const never = () => new AbortController().signal;

describe('canary runner: run outcomes and what is recorded', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a run killed by a signal is a failed run naming the signal', async () => {
    const r = await runCanary(childPlan(root, 'signal', { runs: 1 }), never());
    const run = r.run_results[0];
    assert.deepEqual([run.outcome, run.exit_code, run.signal, run.success], ['failed', -1, 'SIGTERM', false]);
    assert.equal(run.reason, 'killed by SIGTERM');
  });

  it('the reason is the last stderr line, else the last stdout line; a long line is cut at 200 characters', async () => {
    const r = await runCanary(childPlan(root, 'longline,quiet4', { runs: 2 }), never());
    assert.equal(r.run_results[0].reason, `exit code 2: ${'x'.repeat(200)}…`);
    assert.equal(r.run_results[1].reason, 'exit code 4: only stdout says why');
    assert.equal(r.run_results[1].exit_code, 4);
  });

  it('a summary that cannot be read (a directory) makes the run unhealthy, saying why', async () => {
    const r = await runCanary(childPlan(root, 'summarydir', { runs: 1 }), never());
    assert.equal(r.run_results[0].outcome, 'success');
    assert.equal(r.health_results[0].healthy, false);
    assert.match(r.health_results[0].reason!, /^Analysis failed: artifacts\/canary\/[^/]+\/run-01\/summary\.json is not a regular file$/);
  });

  it('each run gets its own AURORA_* environment, the configured env with placeholders filled, and a run id', async () => {
    const r = await runCanary(childPlan(root, 'env', { runs: 2, gating: 'hard', env: { CANARY_DIR: '${runDir}', CANARY_RUN: 'run ${runId} of ${profile}', CANARY_TOOLS: '${configDir} ${gating} ${node}' } }), never());
    const markers = new Set<string>();
    for (const [i, run] of r.run_results.entries()) {
      const dir = path.join(root, run.run_dir!);
      const env = JSON.parse(fs.readFileSync(path.join(dir, 'summary.json'), 'utf8')).env as Record<string, string>;
      // The marker that finds the run's processes again (a daemon that left its group): unique per run.
      assert.match(env[MARKER_VAR], /^\d+-[0-9a-f]{16}$/);
      markers.add(env[MARKER_VAR]);
      delete env[MARKER_VAR];
      assert.deepEqual(env, {
        AURORA_RUN_DIR: dir,
        AURORA_RUN_ID: String(i + 1),
        AURORA_PROFILE: path.join(root, 'profile.yaml'),
        AURORA_CANARY_GATING: 'hard',
        CANARY_DIR: dir,
        CANARY_RUN: `run ${i + 1} of ${path.join(root, 'profile.yaml')}`,
        // Without a config file ${configDir} is the root.
        CANARY_TOOLS: `${root} hard ${process.execPath}`,
        // Plain Node is not told to act as Node (only Electron is): nothing ELECTRON_* beyond what we have.
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => (k.startsWith('AURORA_') && !['AURORA_RUN_DIR', 'AURORA_RUN_ID', 'AURORA_PROFILE', 'AURORA_CANARY_GATING'].includes(k)) || k.startsWith('ELECTRON_'))),
      });
    }
    assert.equal(markers.size, 2, 'each run its own marker');
  });

  it('the log starts with the command as a shell would need it quoted, and ends with the outcome', async () => {
    const plan = childPlan(root, 'ok', { runs: 1, gating: 'none' });
    plan.config.command = ['${node}', CHILD, 'ok', "it's a b"];
    const r = await runCanary(plan, never());
    const log = fs.readFileSync(path.join(root, r.run_results[0].log_file!), 'utf8');
    assert.equal(log.split('\n')[0], `$ ${process.execPath} ${CHILD} ok 'it'\\''s a b'`);
    assert.match(log, /\n--- success: exit code 0 after \d+\.\d{3}s ---\n$/);
    assert.match(log, /^--- stdout \(\d+ bytes\) ---\nchild run 1 mode ok gating none/m);
    assert.match(log, /^--- stderr \(0 bytes\) ---\n--- success/m);
  });

  it('waits the interval between runs, never before the first, not at all with interval 0, and starts no extra run', async () => {
    const waits = async (interval: number, concurrency: number) => {
      const seen: { next: number; ms: number }[] = [];
      const r = await runCanary(childPlan(root, 'ok', { runs: 3, interval_seconds: interval, concurrency }), never(), (p) => p.kind === 'waiting' && seen.push({ next: p.nextRunId, ms: p.ms }));
      assert.deepEqual(r.run_results.map((x) => x.run_id), [1, 2, 3]);
      assert.ok(!fs.existsSync(path.join(root, r.sequence_dir!, 'run-04')), 'no fourth run');
      return seen;
    };
    assert.deepEqual(await waits(0.05, 1), [{ next: 2, ms: 50 }, { next: 3, ms: 50 }]);
    assert.deepEqual(await waits(0, 1), []);
    // Two workers, three runs: the worker that wakes after the last run was taken starts nothing.
    const two = await waits(0.05, 2);
    assert.ok(two.every((w) => w.ms === 50 && w.next >= 2), JSON.stringify(two));
  });
});
