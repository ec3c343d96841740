import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readCanaryResults } from '../../../src/core/canary/results';
import { runCanary, type CanaryProgress } from '../../../src/core/canary/runner';
import { InputError } from '../../../src/core/util/errors';
import { alive, CHILD, childPlan, readPid, tempRoot } from './support';

const never = () => new AbortController().signal;

/**
 * A progress callback that aborts `controller` once the run's child has written child.pid, which it
 * does after installing its signal handlers: a stop before that would meet Node's defaults.
 */
function abortOnceChildReady(controller: AbortController): (p: CanaryProgress) => void {
  return (p) => {
    if (p.kind !== 'run-start') return;
    const file = path.join(p.runDir, 'child.pid');
    const poll = setInterval(() => {
      if (fs.existsSync(file) && fs.statSync(file).size > 0) {
        clearInterval(poll);
        controller.abort();
      }
    }, 20);
  };
}

describe('canary runner with real child processes', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts successful healthy runs, gives each its own directory and env, and writes the results atomically', async () => {
    const events: CanaryProgress[] = [];
    const r = await runCanary(childPlan(root, 'ok'), never(), (p) => events.push(p));
    assert.equal(r.evaluation.status, 'PASS');
    assert.deepEqual([r.evaluation.total_runs, r.evaluation.successful_runs, r.evaluation.healthy_runs], [3, 3, 3]);
    assert.deepEqual(r.run_results.map((x) => x.run_dir), [1, 2, 3].map((n) => `${r.sequence_dir}/run-0${n}`));
    for (const run of r.run_results) {
      // The summary each run wrote names that run: every counted run is that run.
      const summary = JSON.parse(fs.readFileSync(path.join(root, run.summary_file!), 'utf8'));
      assert.equal(summary.run, run.run_id);
      assert.match(fs.readFileSync(path.join(root, run.log_file!), 'utf8'), new RegExp(`child run ${run.run_id} mode ok gating soft`));
    }
    assert.equal(r.run_results[0].command!.at(-1), 'soft');
    assert.deepEqual(events.filter((e) => e.kind === 'run-end').map((e) => (e as { finished: number }).finished), [1, 2, 3]);
    const written = await readCanaryResults(path.join(root, 'artifacts/canary_results.json'), never());
    assert.deepEqual(written, r);
    assert.deepEqual(await readCanaryResults(path.join(root, r.sequence_dir!, 'canary_results.json'), never()), r);
    assert.deepEqual(fs.readdirSync(path.join(root, 'artifacts')).filter((f) => f.endsWith('.tmp')), []);
  });

  it('fails a sequence whose runs fail or are unhealthy, with the reason of every bad run', async () => {
    const r = await runCanary(childPlan(root, 'ok,fail,unhealthy', { runs: 4 }), never());
    assert.equal(r.evaluation.status, 'FAIL');
    assert.equal(r.evaluation.success_rate, 0.75);
    assert.equal(r.evaluation.health_rate, 0.25);
    assert.equal(r.run_results[1].exit_code, 2);
    assert.equal(r.run_results[1].outcome, 'failed');
    assert.match(r.run_results[1].reason!, /^exit code 2: boom: the runtime refused the profile$/);
    assert.match(r.run_results[1].stderr, /boom/);
    assert.match(r.health_results[1].reason!, /^Run failed: exit code 2/);
    assert.match(r.health_results[2].reason!, /has_decisions: r2_main_loop\.decisions = 0, needs > 0/);
    assert.deepEqual(r.health_results[2].health_checks, { has_decisions: false, has_executions: false, clean_exit: true, no_zero_budget: true });
    assert.deepEqual(r.evaluation.failure_reasons, ['health rate 25.0% below 70.0%']);
  });

  it('passes no gating flag under none and the configured one under soft/hard', async () => {
    const none = await runCanary(childPlan(root, 'ok', { runs: 1, gating: 'none' }), never());
    assert.deepEqual(none.run_results[0].command!.slice(-1), ['ok']);
    const hard = await runCanary(childPlan(root, 'ok', { runs: 1, gating: 'hard' }), never());
    assert.deepEqual(hard.run_results[0].command!.slice(-2), ['--ci-gating', 'hard']);
  });

  it('treats exit 3 under soft gating as a plain failure, but under hard gating stops the sequence and fails it', async () => {
    // exit3 exits 3 whatever the gating: under soft gating that is a failed run and the sequence goes on.
    const soft = await runCanary(childPlan(root, 'ok,exit3,ok', { runs: 3, gating: 'soft' }), never());
    assert.deepEqual([soft.run_results[1].exit_code, soft.run_results[1].outcome], [3, 'failed']);
    assert.equal(soft.evaluation.total_runs, 3);
    assert.equal(soft.evaluation.hard_trip, false);

    const hard = await runCanary(childPlan(root, 'ok,trip,ok', { runs: 5, gating: 'hard' }), never());
    assert.equal(hard.evaluation.hard_trip, true);
    assert.equal(hard.evaluation.hard_trip_run_id, 2);
    assert.equal(hard.evaluation.status, 'FAIL');
    assert.equal(hard.evaluation.total_runs, 2);
    assert.equal(hard.evaluation.planned_runs, 5);
    assert.equal(hard.run_results[1].outcome, 'hard_trip');
    assert.equal(hard.run_results[1].exit_code, 3);
    assert.ok(!fs.existsSync(path.join(root, hard.sequence_dir!, 'run-03')), 'no run starts after a hard trip');
    assert.match(hard.evaluation.failure_reasons![0], /hard gating tripped in run 2/);
  });

  it('kills a run at its timeout, grandchildren included, and moves on', async () => {
    // Run 1 is a shell that starts a grandchild at once (a shell is ready within milliseconds, so
    // the 2 s timeout cannot strike before the grandchild exists, as it could with a loaded Node
    // still starting); run 2 is the healthy Node child.
    const plan = childPlan(root, 'ok', { runs: 2, timeout_seconds: 2 });
    plan.config.command = ['/bin/sh', '-c', 'if [ "$AURORA_RUN_ID" = 1 ]; then sleep 1000 & echo $! > "$AURORA_RUN_DIR/grandchild.pid"; wait; else exec "$1" "$2" ok; fi', 'sh', '${node}', CHILD];
    const r = await runCanary(plan, never());
    const dir = path.join(root, r.sequence_dir!);
    const grandchild = readPid(path.join(dir, 'run-01/grandchild.pid'));
    assert.equal(alive(grandchild), false, `grandchild ${grandchild} survived the timeout`);
    assert.equal(r.run_results[0].outcome, 'timeout');
    assert.equal(r.run_results[0].exit_code, -1);
    assert.match(r.run_results[0].reason!, /timed out after 2s/);
    assert.equal(r.health_results[0].healthy, false, 'a timed-out run is never healthy');
    assert.equal(r.run_results[1].outcome, 'success');
  });

  it('escalates to SIGKILL when a run ignores SIGTERM', async () => {
    // Stopped only once the child says it ignores SIGTERM (it writes child.pid after installing the
    // handler): a stop that came earlier would meet Node's default handler and prove nothing.
    const controller = new AbortController();
    const r = await runCanary(childPlan(root, 'stubborn', { runs: 1, timeout_seconds: 600, kill_grace_seconds: 0.3 }), controller.signal, abortOnceChildReady(controller));
    const pid = readPid(path.join(root, r.sequence_dir!, 'run-01/child.pid'));
    assert.equal(alive(pid), false);
    assert.equal(r.run_results[0].outcome, 'cancelled');
    assert.equal(r.run_results[0].signal, 'SIGKILL', 'SIGTERM was ignored, so only SIGKILL ended it');
    assert.match(r.run_results[0].stdout, /ignoring SIGTERM/);
  });

  it('gives a run that stops cleanly on SIGTERM the whole kill grace before SIGKILL', async () => {
    const controller = new AbortController();
    const r = await runCanary(childPlan(root, 'graceful', { runs: 1, timeout_seconds: 600, kill_grace_seconds: 30 }), controller.signal, abortOnceChildReady(controller));
    assert.equal(r.run_results[0].outcome, 'cancelled');
    assert.equal(r.run_results[0].signal, null, 'it exited by itself within the grace, never killed');
  });

  it('judges a missing or invalid summary as unhealthy and says why', async () => {
    const r = await runCanary(childPlan(root, 'none,invalid', { runs: 2 }), never());
    assert.equal(r.evaluation.successful_runs, 2);
    assert.equal(r.evaluation.healthy_runs, 0);
    assert.match(r.health_results[0].reason!, /^No summary file/);
    assert.equal(r.run_results[0].summary_file, null);
    assert.match(r.health_results[1].reason!, /^Analysis failed: .*run-02\/summary\.json:1:\d+: invalid JSON/);
  });

  it('never counts a stale summary: not from an older sequence, not from the original runs/ glob', async () => {
    const first = await runCanary(childPlan(root, 'ok', { runs: 2 }), never());
    assert.equal(first.evaluation.healthy_runs, 2);
    fs.mkdirSync(path.join(root, 'runs/run_old'), { recursive: true });
    fs.writeFileSync(path.join(root, 'runs/run_old/summary_1.json'), JSON.stringify({ r2_main_loop: { decisions: 9, execution_decisions: { PASS: 1 } }, r2_preloop: { exit_kind: 'exit', skip_reasons: { zero_budget: 0 } } }));
    const second = await runCanary(childPlan(root, 'none', { runs: 2 }), never());
    assert.notEqual(second.sequence_dir, first.sequence_dir, 'each sequence gets a new folder, even within the same second');
    assert.equal(second.evaluation.healthy_runs, 0);
    assert.deepEqual(second.run_results.map((r) => r.summary_file), [null, null]);
    assert.equal(second.evaluation.status, 'FAIL');
  });

  it('caps the output kept: tails in the JSON, a bounded log in the run directory', async () => {
    const r = await runCanary(childPlan(root, 'noisy', { runs: 1, log_tail_bytes: 8192 }), never());
    const run = r.run_results[0];
    assert.equal(run.stdout.length, 1000);
    assert.match(run.stdout, /LAST LINE\n$/);
    const log = fs.readFileSync(path.join(root, run.log_file!), 'utf8');
    assert.ok(log.length < 12000, `log is ${log.length} chars`);
    assert.match(log, /--- stdout \(\d+ bytes, last 8192 kept\) ---/);
  });

  it('reports a command that cannot start as a failed run', async () => {
    const plan = childPlan(root, 'ok', { runs: 1 });
    plan.config.command = ['/nonexistent/aurora-runtime', '${profile}'];
    const r = await runCanary(plan, never());
    assert.equal(r.run_results[0].outcome, 'spawn_error');
    assert.match(r.run_results[0].reason!, /cannot start '\/nonexistent\/aurora-runtime': ENOENT/);
    assert.equal(r.evaluation.status, 'FAIL');
  });

  it('refuses a working directory that does not exist before starting any run', async () => {
    await assert.rejects(runCanary(childPlan(root, 'ok', { cwd: 'no/such/dir' }), never()), (e: unknown) => e instanceof InputError && /cwd .*no\/such\/dir is not a directory/.test(e.message));
    assert.equal(fs.existsSync(path.join(root, 'artifacts')), false);
  });

  it('runs with concurrency and waits the interval between runs', async () => {
    const events: { e: CanaryProgress; at: number }[] = [];
    const r = await runCanary(childPlan(root, 'slow', { runs: 4, concurrency: 2, interval_seconds: 0.2 }), never(), (e) => events.push({ e, at: performance.now() }));
    assert.equal(r.evaluation.successful_runs, 4);
    assert.deepEqual(r.run_results.map((x) => x.run_id), [1, 2, 3, 4]);
    const order = events.map(({ e }) => (e.kind === 'run-start' ? `start ${e.runId}` : e.kind === 'run-end' ? 'end' : e.kind)).filter((k) => k !== 'waiting');
    // Two runs start together (no run has ended yet); the third starts only after one has ended.
    assert.deepEqual([order[0], ...order.slice(1, 3).sort()], ['sequence-start', 'start 1', 'start 2']);
    assert.ok(order.indexOf('start 3') > order.indexOf('end'), order.join(', '));
    // The interval is a lower bound set by the runner's own timer (1 ms of timer rounding allowed).
    const firstEnd = events.find(({ e }) => e.kind === 'run-end')!.at;
    const third = events.find(({ e }) => e.kind === 'run-start' && e.runId === 3)!.at;
    assert.ok(third - firstEnd >= 199, `the third run waited ${third - firstEnd} ms after a slot freed, not the 200 ms interval`);
  });

  it('cancels mid-sequence: kills the running group, starts nothing more, leaves no process behind', async () => {
    const controller = new AbortController();
    const plan = childPlan(root, 'ok,grandchild', { runs: 5 });
    let seqDir = '';
    const r = await runCanary(plan, controller.signal, (p) => {
      if (p.kind === 'sequence-start') seqDir = p.sequenceDir;
      // Abort once run 2's grandchild exists.
      if (p.kind === 'run-start' && p.runId === 2) {
        const file = path.join(p.runDir, 'grandchild.pid');
        const poll = setInterval(() => {
          if (fs.existsSync(file) && fs.statSync(file).size > 0) {
            clearInterval(poll);
            controller.abort();
          }
        }, 20);
      }
    });
    const grandchild = readPid(path.join(seqDir, 'run-02/grandchild.pid'));
    assert.equal(alive(grandchild), false, `grandchild ${grandchild} survived the cancellation`);
    assert.equal(r.evaluation.cancelled, true);
    assert.equal(r.evaluation.status, 'FAIL');
    assert.equal(r.run_results[1].outcome, 'cancelled');
    assert.ok(!fs.existsSync(path.join(seqDir, 'run-03')));
    assert.equal((await readCanaryResults(plan.output, never())).evaluation.cancelled, true);
  });
});
