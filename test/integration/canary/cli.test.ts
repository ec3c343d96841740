import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { readCanaryResults } from '../../../src/core/canary/results';
import { alive, CHILD, tempRoot } from './support';

// The real bundled CLI (dist/cli.js, built by scripts/test.mjs before the tests) as a child process.
const CLI = path.join(process.cwd(), 'dist/cli.js');

function cli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'canary', ...args], { cwd, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('canary CLI (aurora-ga canary, real processes)', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('runs the bundled demo: a line per run off a TTY, labelled DEMO, exit 0, results and metrics written', async () => {
    const r = await cli(['--demo', '--runs', '10', '--interval', '0', '--concurrency', '4', '--metrics-out', 'm.prom'], root);
    assert.equal(r.code, 0, r.err + r.out);
    assert.equal(r.out.match(/^run \d\d\/10 /gm)?.length, 10);
    assert.match(r.out, /^run 04\/10 {2}UNHEALTHY .*no_zero_budget/m);
    assert.match(r.out, /Healthy: {4}8\/10 \(80\.0%, threshold 70\.0%\)/);
    assert.match(r.out, /Canary PASS \[DEMO data/);
    const results = await readCanaryResults(path.join(root, 'artifacts/canary_results.json'), new AbortController().signal);
    assert.equal(results.data_mode, 'demo');
    assert.equal(results.profile_lock?.status, 'valid');
    assert.match(fs.readFileSync(path.join(root, 'm.prom'), 'utf8'), /^aurora_canary_health_rate\{profile="demo"\} 0\.8$/m);
  });

  it('exits 3 on a hard gating trip and 1 on a failed sequence', async () => {
    const trip = await cli(['--demo', '--runs', '5', '--interval', '0', '--gating', 'hard', '--output', 'out/r.json'], root, { AURORA_DEMO_HARD_TRIP_RUN: '2' });
    assert.equal(trip.code, 3, trip.out + trip.err);
    assert.match(trip.out, /HARD GATING TRIP in run 2/);
    const results = JSON.parse(fs.readFileSync(path.join(root, 'out/r.json'), 'utf8'));
    assert.equal(results.evaluation.total_runs, 2);

    fs.writeFileSync(path.join(root, 'c.yaml'), `command: ["\${node}", ${JSON.stringify(CHILD)}, "fail"]\nruns: 2\ninterval_seconds: 0\nprofile_lock: {enforced: false}\n`);
    const failed = await cli(['--profile', 'profile.yaml', '--config', 'c.yaml'], root);
    assert.equal(failed.code, 1, failed.out + failed.err);
    assert.match(failed.out, /^run 1\/2 {2}FAILED +\d+\.\d+s {2}exit code 2: boom/m);
    assert.match(failed.out, /success rate 0\.0% below 70\.0%/);
  });

  it('exits 2 with a clear message for bad flags, a missing profile or a bad config, and 1 for a broken lock', async () => {
    const usage = await cli(['--profile', 'profile.yaml', '--gating', 'strict'], root);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /--gating must be soft, hard or none, got 'strict'/);
    assert.equal((await cli(['--demo', '--runs', '0'], root)).code, 2);
    assert.equal((await cli([], root)).code, 2);
    const missing = await cli(['--profile', 'nope.yaml'], root);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.yaml: profile not found/);
    fs.writeFileSync(path.join(root, 'bad.yaml'), 'command: [x]\nruns: lots\n');
    const bad = await cli(['--profile', 'profile.yaml', '--config', 'bad.yaml'], root);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /bad\.yaml:2:7: invalid canary config: runs: /);
    assert.doesNotMatch(bad.err, /\n\s+at /);
    const lock = await cli(['--profile', 'profile.yaml'], root);
    assert.equal(lock.code, 1);
    assert.match(lock.err, /profile lock broken, no run started: no lock file/);
  });

  it('draws a progress bar on a terminal, keeping a line only for problem runs', async () => {
    fs.writeFileSync(path.join(root, 'c.yaml'), `command: ["\${node}", ${JSON.stringify(CHILD)}, "ok,ok,unhealthy,ok"]\nruns: 4\ninterval_seconds: 0\nprofile_lock: {enforced: false}\n`);
    let out = '';
    const io = { stdout: (t: string) => void (out += t), stderr: (t: string) => void (out += t), stdoutIsTTY: true, cwd: root, env: {} };
    const code = await runCli(['canary', '--profile', 'profile.yaml', '--config', 'c.yaml'], io, new AbortController().signal);
    assert.equal(code, 0, out);
    assert.match(out, /\r\[#{30}\] 4\/4 {2}healthy 3 {2}problems 1/);
    const ESC = String.fromCharCode(27);
    const lines = out.split(/[\r\n]/).map((l) => l.replace(`${ESC}[2K`, '')).filter((l) => /^run \d\/4 /.test(l));
    assert.deepEqual(lines.map((l) => l.slice(0, 20)), ['run 3/4  UNHEALTHY  '], 'only the unhealthy run gets a line');
    assert.ok(out.includes(`\r${ESC}[2Krun 3/4`), 'the problem line first clears the bar');
  });

  it('stops on SIGINT: kills the running child, writes partial results, exits 130', async () => {
    fs.writeFileSync(path.join(root, 'c.yaml'), `command: ["\${node}", ${JSON.stringify(CHILD)}, "ok,grandchild"]\nruns: 5\ninterval_seconds: 0\nprofile_lock: {enforced: false}\n`);
    const child = spawn(process.execPath, [CLI, 'canary', '--profile', 'profile.yaml', '--config', 'c.yaml'], { cwd: root });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    const pidFile = () => {
      const seq = fs.existsSync(path.join(root, 'artifacts/canary')) ? fs.readdirSync(path.join(root, 'artifacts/canary'))[0] : undefined;
      return seq ? path.join(root, 'artifacts/canary', seq, 'run-02/grandchild.pid') : '';
    };
    const deadline = Date.now() + 20000;
    while (!(pidFile() && fs.existsSync(pidFile()) && fs.statSync(pidFile()).size > 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    assert.equal(code, 130, out);
    const grandchild = Number(fs.readFileSync(pidFile(), 'utf8'));
    assert.equal(alive(grandchild), false, `grandchild ${grandchild} survived SIGINT`);
    const results = JSON.parse(fs.readFileSync(path.join(root, 'artifacts/canary_results.json'), 'utf8'));
    assert.equal(results.evaluation.cancelled, true);
  });
});
