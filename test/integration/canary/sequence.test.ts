// The sequence around the runs (real child processes): its folder, its inputs checked before any
// run, what stops it early (a hard trip, a cancel while waiting, a failure of the runner itself),
// the summary's own-file rule, and what the results and the progress log record.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { readProgress } from '../../../src/core/canary/progressLog';
import { runCanary, type CanaryProgress } from '../../../src/core/canary/runner';
import { InputError } from '../../../src/core/util/errors';
import { CHILD, childPlan, tempRoot } from './support';

const never = () => new AbortController().signal;

/** Runs `fn` while `new Date()` and Date.now() read `at` (other Date uses are untouched). */
async function atFixedTime<T>(at: Date, fn: () => Promise<T>): Promise<T> {
  const Real = Date;
  class Fixed extends Real {
    constructor(...args: [number?]) {
      if (args.length) super(...(args as [number]));
      else super(at.getTime());
    }
    static now() { return at.getTime(); }
  }
  globalThis.Date = Fixed as DateConstructor;
  try {
    return await fn();
  } finally {
    globalThis.Date = Real;
  }
}

describe('canary sequence: folder, inputs, early stops, results', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('names the folder by the UTC start second and takes the next free suffix when that name is taken', async () => {
    const at = new Date(Date.UTC(2026, 10, 27, 2, 3, 4, 567));
    const stamp = '20261127T020304Z';
    const base = path.join(root, 'artifacts/canary');
    fs.mkdirSync(path.join(base, stamp), { recursive: true });
    fs.mkdirSync(path.join(base, `${stamp}-2`));
    const r = await atFixedTime(at, () => runCanary(childPlan(root, 'ok', { runs: 1 }), never()));
    assert.equal(r.sequence_dir, `artifacts/canary/${stamp}-3`);
    assert.deepEqual([r.timestamp, r.started_at], [at.toISOString(), at.toISOString()]);
    const first = await atFixedTime(new Date(Date.UTC(2026, 10, 28, 0, 0, 0)), () => runCanary(childPlan(root, 'ok', { runs: 1 }), never()));
    assert.equal(first.sequence_dir, 'artifacts/canary/20261128T000000Z', 'a free name takes no suffix');
  });

  it('a sequence folder that cannot be made is an error, not a search for another name', async () => {
    // A base path just short of PATH_MAX (4096) can be made; the stamped folder inside it cannot (ENAMETOOLONG).
    const parts: string[] = [];
    for (let len = root.length; len + 201 < 4080; len += 201) parts.push('d'.repeat(200));
    const deep = path.join(...parts);
    const plan = childPlan(root, 'ok', { runs: 1, artifacts_dir: path.join(deep, 'x'.repeat(4080 - path.join(root, deep).length - 1)) });
    await assert.rejects(runCanary(plan, never()), (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENAMETOOLONG');
  });

  it('refuses an unknown placeholder in the command, the baseline, the gating args or the env, naming the config', async () => {
    const cases: [string, object][] = [
      ['${nope}', { command: ['${node}', '${nope}'] }],
      ['${base}', { ab: { baseline_command: ['${base}'], metrics: [{ id: 'm', path: 'a', allowed: 0.1 }] } }],
      ['${gate}', { gating_args: ['--gate', '${gate}'] }],
      ['${envx}', { env: { X: '${envx}' } }],
    ];
    for (const [name, over] of cases) {
      const plan = childPlan(root, 'ok', over);
      await assert.rejects(runCanary(plan, never()), (e: unknown) => e instanceof InputError && e.message.startsWith(`unknown placeholder ${name} `) && e.location?.file === 'canary config', name);
      plan.configFile = path.join(root, 'my-canary.yaml');
      await assert.rejects(runCanary(plan, never()), (e: unknown) => e instanceof InputError && e.location?.file === plan.configFile, name);
    }
    assert.equal(fs.existsSync(path.join(root, 'artifacts')), false, 'nothing ran');
  });

  it('refuses a working directory that is a file, naming the config', async () => {
    fs.writeFileSync(path.join(root, 'afile'), '');
    await assert.rejects(runCanary(childPlan(root, 'ok', { cwd: 'afile' }), never()), (e: unknown) => e instanceof InputError && e.message === `cwd ${path.join(root, 'afile')} is not a directory` && e.location?.file === 'canary config');
  });

  it('records the start with the run budget, and in the results the config file, the tool, the lock and each run\'s duration', async () => {
    const plan = childPlan(root, 'env', { runs: 1, timeout_seconds: 20, kill_grace_seconds: 0.5, interval_seconds: 4, env: { CANARY_CONFIG_DIR: '${configDir}' } });
    plan.configFile = path.join(root, 'conf/canary.yaml');
    plan.lock = { enforced: true, status: 'valid', lock_file: path.join(root, 'profile.lock.json'), detail: 'profile.lock.json validates' };
    const events: CanaryProgress[] = [];
    const r = await runCanary(plan, never(), (e) => events.push(e));
    const progress = await readProgress(path.join(root, r.sequence_dir!), never());
    assert.deepEqual(progress!.start, { kind: 'start', started_at: r.started_at, profile: 'profile.yaml', planned_runs: 1, gating: 'soft', data_mode: 'live', run_budget_s: 20 + 0.5 + 4 });
    assert.deepEqual(events[0], { kind: 'sequence-start', sequenceDir: path.join(root, r.sequence_dir!), plannedRuns: 1, startedAt: r.started_at });
    assert.deepEqual([r.config.config_file, r.tool, r.profile_lock], ['conf/canary.yaml', 'aurora-ga', plan.lock]);
    assert.deepEqual(r.config, { profile: 'profile.yaml', runs: 1, gating: 'soft', command: plan.config.command, timeout_s: 20, interval_s: 4, concurrency: 1, config_file: 'conf/canary.yaml' });
    const run = r.run_results[0];
    const env = JSON.parse(fs.readFileSync(path.join(root, run.summary_file!), 'utf8')).env;
    assert.equal(env.CANARY_CONFIG_DIR, path.join(root, 'conf'), '${configDir} is the config file\'s folder');
    // The duration in the results and in the run's log are the same measurement.
    const logged = Number(/ after (\d+\.\d{3})s ---\n$/.exec(fs.readFileSync(path.join(root, run.log_file!), 'utf8'))![1]);
    assert.ok(Math.abs(run.duration - logged) <= 0.001, `${run.duration} s in the results, ${logged} s in the log`);
  });

  it('a hard trip stops the runs in flight, each saying so, and reports the trip', async () => {
    // Two at a time: run 1 trips at once while run 2 hangs, so run 2 is still running when the trip stops it.
    const events: CanaryProgress[] = [];
    const r = await runCanary(childPlan(root, 'exit3,hang', { runs: 4, concurrency: 2, gating: 'hard' }), never(), (e) => events.push(e));
    assert.deepEqual(r.run_results.map((x) => [x.run_id, x.outcome]), [[1, 'hard_trip'], [2, 'cancelled']]);
    assert.equal(r.run_results[1].reason, 'stopped: hard gating tripped in run 1');
    assert.deepEqual(events.filter((e) => e.kind === 'hard-trip'), [{ kind: 'hard-trip', runId: 1 }]);
    assert.deepEqual([r.evaluation.hard_trip_run_id, r.evaluation.cancelled], [1, false]);
  });

  it('a cancel while waiting for the next run starts no further run', async () => {
    const controller = new AbortController();
    const r = await runCanary(childPlan(root, 'ok', { runs: 3, interval_seconds: 600 }), controller.signal, (e) => {
      if (e.kind === 'waiting') controller.abort();
    });
    assert.deepEqual(r.run_results.map((x) => x.run_id), [1]);
    assert.equal(fs.existsSync(path.join(root, r.sequence_dir!, 'run-02')), false);
    assert.deepEqual([r.evaluation.cancelled, r.evaluation.total_runs], [true, 1]);
  });

  it('a failure of the runner itself (its run folder made a file) stops the other runs and is thrown', async () => {
    const ends: CanaryProgress[] = [];
    const plan = childPlan(root, 'dirfile,hang', { runs: 4, concurrency: 2 });
    await assert.rejects(runCanary(plan, never(), (e) => e.kind === 'run-end' && ends.push(e)), (e: unknown) => ['EEXIST', 'ENOTDIR'].includes((e as NodeJS.ErrnoException).code!));
    const [other] = ends as Extract<CanaryProgress, { kind: 'run-end' }>[];
    assert.deepEqual([ends.length, other.run.run_id, other.run.outcome], [1, 2, 'cancelled']);
    assert.match(other.run.reason!, /^stopped: (EEXIST|ENOTDIR)/);
    assert.equal(fs.existsSync(plan.output), false, 'no results are written');
  });

  it('the summary must be a file of the run\'s own folder: not one reached through a replaced folder, not a hard link', async () => {
    const r = await runCanary(childPlan(root, 'swapdir,hardlink', { runs: 2 }), never());
    assert.deepEqual(r.run_results.map((x) => x.outcome), ['success', 'success']);
    assert.equal(r.health_results[0].reason, `Analysis failed: the run directory run-01 was replaced (by a link to ${fs.realpathSync(path.join(root, r.sequence_dir!, 'run-01-moved'))})`);
    assert.equal(r.health_results[1].reason, `Analysis failed: ${r.sequence_dir}/run-02/summary.json has 2 hard links: it is not a file of this run alone`);
    assert.equal(r.evaluation.healthy_runs, 0);
  });

  it('under Electron a ${node} command is told to act as Node; any other program is not', async () => {
    Object.defineProperty(process.versions, 'electron', { value: '30.0.0', configurable: true });
    try {
      const viaNode = await runCanary(childPlan(root, 'env', { runs: 1 }), never());
      const plan = childPlan(root, 'env', { runs: 1 });
      plan.config.command = ['/bin/sh', '-c', 'exec "$0" "$@"', '${node}', CHILD, 'env'];
      const viaShell = await runCanary(plan, never());
      const electronVar = (r: typeof viaNode) => JSON.parse(fs.readFileSync(path.join(root, r.run_results[0].summary_file!), 'utf8')).env.ELECTRON_RUN_AS_NODE;
      assert.equal(electronVar(viaNode), '1');
      assert.equal(electronVar(viaShell), process.env.ELECTRON_RUN_AS_NODE);
    } finally {
      delete (process.versions as Record<string, string | undefined>).electron;
    }
  });
});
