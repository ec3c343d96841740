import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runCanary } from '../../../src/core/canary/runner';
import { CHILD, childPlan, readPid, tempRoot } from './support';

const CLI = path.join(process.cwd(), 'dist/cli.js');

/** Processes carrying TAG in their environment: the test's own marker, independent of the runner's. */
function carrying(tag: string): number[] {
  const needle = `AURORA_TEST_TAG=${tag}`;
  return fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e)).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(needle);
    } catch {
      return false;
    }
  }).map(Number);
}

/** What `ps` says of a pid: its state letter, or '' when no such process exists. */
function psState(pid: number): string {
  return spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
}

function assertGone(pid: number, tag: string, when: string): void {
  const state = psState(pid);
  assert.ok(state === '' || state.startsWith('Z'), `daemon ${pid} survived ${when} (ps: ${state})`);
  assert.deepEqual(carrying(tag), [], `processes of the run still alive after ${when}`);
}

/** Resolves once the run's daemon has written its pid (the fixture writes it after it started). */
async function daemonPid(runDirOf: () => string | undefined): Promise<number> {
  for (;;) {
    const dir = runDirOf();
    const file = dir && path.join(dir, 'daemon.pid');
    if (file && fs.existsSync(file) && fs.statSync(file).size > 0) return readPid(file);
    await new Promise((r) => setImmediate(r));
  }
}

describe('canary leaves nothing running (setsid / double-forked daemons, real processes)', function () {
  this.timeout(60000);
  let root: string;
  let tag: string;
  beforeEach(() => {
    root = tempRoot();
    tag = randomBytes(6).toString('hex');
  });
  afterEach(() => {
    for (const pid of carrying(tag)) process.kill(pid, 'SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('kills a daemon that escaped the process group when the run times out', async () => {
    const r = await runCanary(childPlan(root, 'daemon', { runs: 1, timeout_seconds: 1, env: { AURORA_TEST_TAG: tag } }), new AbortController().signal);
    assert.equal(r.run_results[0].outcome, 'timeout');
    assertGone(readPid(path.join(root, r.run_results[0].run_dir!, 'daemon.pid')), tag, 'the timeout');
  });

  it('kills it when the run exits normally and leaves it behind', async () => {
    const r = await runCanary(childPlan(root, 'daemon-exit', { runs: 1, env: { AURORA_TEST_TAG: tag } }), new AbortController().signal);
    assert.equal(r.run_results[0].outcome, 'success');
    assertGone(readPid(path.join(root, r.run_results[0].run_dir!, 'daemon.pid')), tag, 'the run');
  });

  it('does not wait for a daemon that holds the run\'s output open, and kills it', async () => {
    const r = await runCanary(childPlan(root, 'daemon-pipe', { runs: 1, env: { AURORA_TEST_TAG: tag } }), new AbortController().signal);
    assert.equal(r.run_results[0].outcome, 'success');
    assertGone(readPid(path.join(root, r.run_results[0].run_dir!, 'daemon.pid')), tag, 'the run');
  });

  it('kills it on cancel', async () => {
    const controller = new AbortController();
    let runDir: string | undefined;
    const pending = runCanary(childPlan(root, 'daemon', { runs: 3, env: { AURORA_TEST_TAG: tag } }), controller.signal, (p) => {
      if (p.kind === 'run-start') runDir = p.runDir;
    });
    const pid = await daemonPid(() => runDir);
    assert.notEqual(psState(pid), '', 'the daemon runs before the cancel');
    controller.abort();
    const r = await pending;
    assert.equal(r.evaluation.cancelled, true);
    assertGone(pid, tag, 'the cancel');
  });

  it('kills it on SIGINT to the CLI', async () => {
    fs.writeFileSync(path.join(root, 'c.yaml'), `command: ["\${node}", ${JSON.stringify(CHILD)}, "daemon"]\nruns: 2\ninterval_seconds: 0\nprofile_lock: {enforced: false}\nenv: {AURORA_TEST_TAG: "${tag}"}\n`);
    const cli = spawn(process.execPath, [CLI, 'canary', '--profile', 'profile.yaml', '--config', 'c.yaml'], { cwd: root, stdio: 'ignore' });
    const closed = new Promise((r) => cli.on('close', r));
    const seqRoot = path.join(root, 'artifacts/canary');
    const pid = await daemonPid(() => {
      const seq = fs.existsSync(seqRoot) ? fs.readdirSync(seqRoot)[0] : undefined;
      return seq && path.join(seqRoot, seq, 'run-01');
    });
    cli.kill('SIGINT');
    assert.equal(await closed, 130);
    assertGone(pid, tag, 'SIGINT');
  });
});
