// `npm start`'s demo data, end to end: the history generator (configs/demo/history.mjs) backfilled
// into a REAL Prometheus with the shared harness, the demo workspace's artifacts and log, and the
// real engine with the default gates — the result must be the intended mixed one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readCanaryConfig } from '../../../src/core/canary/config';
import { expand } from '../../../src/core/canary/placeholders';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import { resolveProfile } from '../../../src/core/gates/profileLock';
import { InputError } from '../../../src/core/util/errors';
import { packageRoot } from '../../../src/core/util/packageRoot';
import type { GateReport } from '../../../src/core/verdict/types';
import { renderOpenMetrics, startPrometheus, type Family, type RunningServer } from '../../support/prometheus';

interface DemoGatesModule {
  demoGatesText(): string;
  DEMO_COMPARE_EXPECTED: { gate: string; status: string; checks: Record<string, string>; score: number };
}

interface DemoHistoryModule {
  demoHistory(end: number): Family[];
  demoLog(end: number): string;
  DEMO_PROFILE: string;
  DEMO_EXPECTED: { gates: Record<string, string>; decision: string };
}

const HOUR = 3600;

describe('demo history (npm start) against a real Prometheus', function () {
  this.timeout(60_000);
  const end = Math.floor(Date.now() / 60_000) * 60;
  let demo: DemoHistoryModule;
  let prom: RunningServer;
  let workspace: string;

  let demoGates: DemoGatesModule;
  const evaluate = (atSeconds: number, windowHours = 48, gatesFile?: string): Promise<GateReport> =>
    evaluateGates(
      { prometheus: { url: prom.url }, cwd: workspace, profile: demo.DEMO_PROFILE, windowHours, at: new Date(atSeconds * 1000), ...(gatesFile ? { gatesFile } : {}) },
      AbortSignal.timeout(30_000),
    );
  const statuses = (r: GateReport) => Object.fromEntries(r.gates.map((g) => [g.key, g.status]));
  const check = (r: GateReport, gate: string, id: string) => {
    const c = r.gates.find((g) => g.key === gate)?.checks.find((x) => x.check_id === id);
    assert.ok(c, `${gate}/${id} is in the report`);
    return c;
  };

  before(async () => {
    // A path computed at run time: tsc leaves this a real ESM import of the .mjs generator.
    demo = (await import(pathToFileURL(path.join(packageRoot(), 'configs/demo/history.mjs')).href)) as DemoHistoryModule;
    demoGates = (await import(pathToFileURL(path.join(packageRoot(), 'configs/demo/gates.mjs')).href)) as DemoGatesModule;
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-demo-ws-'));
    fs.cpSync(path.join(packageRoot(), 'examples/demo-workspace'), workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'logs/runtime.log'), demo.demoLog(end));
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(demo.demoHistory(end)), ruleFiles: [path.join(packageRoot(), 'configs/monitoring/aurora_alerts.yml')] });
  });

  after(async () => {
    await prom?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('gives the intended mixed result at the start of the demo: BLOCKED by DCTS, DRO warns, the rest pass', async () => {
    const r = await evaluate(end);
    assert.equal(r.data_mode, 'live');
    assert.deepEqual(statuses(r), demo.DEMO_EXPECTED.gates);
    assert.equal(r.decision_code, demo.DEMO_EXPECTED.decision);
    for (const g of r.gates) for (const c of g.checks) assert.notEqual(c.outcome, 'ERROR', `${g.key}/${c.check_id}: ${c.evidence.error}`);

    assert.equal(check(r, 'stability', 'violations').value, 0, 'the violations happened before the window');
    assert.equal(check(r, 'stability', 'hard_log_lines').value, 0, 'the HARD line is dated before the window');
    const warnShare = check(r, 'stability', 'warn_rate').value!;
    assert.ok(warnShare > 0.02 && warnShare <= 0.05, `WARN share ${warnShare}`);
    const p95 = check(r, 'dcts', 'rel_diff_p95').value!;
    assert.ok(p95 > 0.2 && p95 < 0.27, `rel diff p95 ${p95}`);
    assert.equal(check(r, 'dcts', 'divergence_alert').value, 1);
    assert.equal(check(r, 'dcts', 'var_ratio').outcome, 'PASS', 'the audit alone would pass');
    const share = check(r, 'coverage', 'in_tolerance_share').value!;
    assert.ok(share >= 0.95 && share < 0.98, `in-tolerance share ${share}`);
    assert.equal(check(r, 'dro', 'factor_p05').outcome, 'PASS');
    const lambda = check(r, 'dro', 'lambda_step_p95');
    assert.equal(lambda.outcome, 'WARN');
    assert.ok(Math.abs(lambda.value! - 0.2) < 1e-6, `p95 |Δλ| ${lambda.value}`);
  });

  it('keeps the same verdicts while a demo is left running (1 h and 11 h after start)', async () => {
    for (const later of [1, 11]) {
      const r = await evaluate(end + later * HOUR);
      assert.deepEqual(statuses(r), demo.DEMO_EXPECTED.gates, `${later} h after start`);
      assert.equal(r.decision_code, demo.DEMO_EXPECTED.decision);
      assert.equal(check(r, 'coverage', 'in_tolerance_share').outcome, 'PASS', 'no samples are missing after the start');
    }
  });

  it("npm start's gates add the comparison r2 vs r1: spread FAIL, sparse errors INCONCLUSIVE, rate PASS, score 50; the story stays BLOCKED", async () => {
    const file = path.join(workspace, 'configs/gates.yaml');
    fs.writeFileSync(file, demoGates.demoGatesText());
    const expected = demoGates.DEMO_COMPARE_EXPECTED;
    for (const later of [0, 11]) {
      const r = await evaluate(end + later * HOUR, 48, file);
      assert.deepEqual(statuses(r), { ...demo.DEMO_EXPECTED.gates, [expected.gate]: expected.status }, `${later} h after start`);
      assert.equal(r.decision_code, demo.DEMO_EXPECTED.decision);
      const g = r.gates.find((x) => x.key === expected.gate)!;
      assert.deepEqual(Object.fromEntries(g.checks.map((c) => [c.check_id, c.outcome])), expected.checks);
      assert.equal(g.score?.score, expected.score);
      const latency = check(r, expected.gate, 'step_latency').evidence.comparison!;
      assert.equal(latency.judgement.rule, 'spread_increase');
      assert.deepEqual([latency.baseline.value, latency.candidate.value], ['r1', demo.DEMO_PROFILE]);
      assert.match(check(r, expected.gate, 'step_errors').message, /2\/57\d{3} vs 0\/57\d{3} errors/);
    }
  });

  it('shows that the window is real: over 72 h the old violations and the HARD log line fail stability', async () => {
    const r = await evaluate(end, 72);
    assert.equal(statuses(r).stability, 'FAIL');
    assert.equal(check(r, 'stability', 'violations').value, 3);
    assert.equal(check(r, 'stability', 'hard_log_lines').value, 1);
  });

  it('evaluates the release profile r2, whose lock validates, while the edited smoke profile is refused', async () => {
    const profiles = path.join(workspace, 'configs/profiles');
    const r2 = await resolveProfile(path.join(profiles, 'r2.yaml'), AbortSignal.timeout(10_000));
    assert.deepEqual([r2.name, r2.lock.status], [demo.DEMO_PROFILE, 'valid']);
    await assert.rejects(resolveProfile(path.join(profiles, 'smoke.yaml'), AbortSignal.timeout(10_000)), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /does not match smoke\.lock\.json/);
      return true;
    });
  });

  it("runs the demo canary command from the workspace and from npm start's copy (same depth in the repository)", async () => {
    for (const ws of ['examples/demo-workspace', '.demo/workspace']) {
      const configDir = path.join(packageRoot(), ws, 'configs');
      const config = await readCanaryConfig(path.join(packageRoot(), 'examples/demo-workspace/configs/canary.yaml'), AbortSignal.timeout(10_000));
      const script = expand(config.command[1], { node: process.execPath, configDir, profile: '', runId: '1', runDir: '', gating: 'soft' });
      assert.equal(path.resolve(script), path.join(packageRoot(), 'configs/demo/canary-run.mjs'), ws);
      // Resolved first: npm start's copy need not exist yet on a fresh clone, and the kernel walks `..` through real folders.
      assert.ok(fs.existsSync(path.resolve(script)), script);
      assert.equal(config.data_mode, 'demo', 'the demo canary is labelled demo');
    }
  });
});
