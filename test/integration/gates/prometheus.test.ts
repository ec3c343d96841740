// The gates against a REAL Prometheus (Debian 2.42) started by the harness with backfilled
// histories, evaluated at the data's end (--at) so every value is exact.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import type { CheckResult, GateReport } from '../../../src/core/verdict/types';
import { waitFor } from '../../support/waitFor';
import { gatesHistory, SHIPPED_ALERT_RULES, TRIPPED, writeWorkspace, type HistoryOptions, type WorkspaceOptions } from '../../support/gatesHistory';
import { renderOpenMetrics, startPrometheus, resent, startSilentServer, type RunningServer } from '../../support/prometheus';
import { captureIO } from '../../unit/gates/cliIO';

const END = Math.floor(Date.now() / 60_000) * 60;

interface Env {
  prom: RunningServer;
  dir: string;
}

async function setUp(history: Omit<HistoryOptions, 'end'> = {}, ws: Omit<WorkspaceOptions, 'end'> = {}): Promise<Env> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-'));
  writeWorkspace(dir, { end: END, ...ws });
  const prom = await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END, ...history })), ruleFiles: [SHIPPED_ALERT_RULES()] });
  return { prom, dir };
}

async function tearDown(env: Env | undefined): Promise<void> {
  if (!env) return;
  await env.prom.stop();
  fs.rmSync(env.dir, { recursive: true, force: true });
}

/** Runs the real CLI (JSON to stdout) and returns exit code, parsed report and stderr. */
async function cli(env: Env, extra: string[] = []): Promise<{ code: number; report: GateReport; err: string }> {
  const io = captureIO(env.dir);
  const code = await runCli(['gates', '--prometheus-url', env.prom.url, '--at', String(END), '--quiet', ...extra], io, AbortSignal.timeout(30_000));
  return { code, report: JSON.parse(io.out) as GateReport, err: io.err };
}

const statuses = (r: GateReport) => Object.fromEntries(r.gates.map((g) => [g.key, g.status]));
function check(r: GateReport, gate: string, id: string): CheckResult {
  const c = r.gates.find((g) => g.key === gate)?.checks.find((x) => x.check_id === id);
  assert.ok(c, `${gate}/${id} in the report`);
  return c;
}
const close = (actual: number | null, expected: number, tol = 1e-3) => assert.ok(actual !== null && Math.abs(actual - expected) <= tol, `${actual} ≈ ${expected}`);

describe('gates: evaluation against a real Prometheus', function () {
  this.timeout(60_000);

  describe('healthy 48 h history', () => {
    let env: Env | undefined;
    before(async () => (env = await setUp()));
    after(() => tearDown(env));

    it('approves with exit 0, every check PASS with evidence from the server', async () => {
      const { code, report } = await cli(env!);
      assert.equal(report.decision_code, 'APPROVED', JSON.stringify(statuses(report)));
      assert.equal(code, 0);
      assert.equal(report.exit_code, 0);
      assert.equal(report.data_mode, 'live');
      assert.equal(report.promotable, true);
      assert.equal(report.evaluated_at, new Date(END * 1000).toISOString());
      for (const g of report.gates) {
        for (const c of g.checks) {
          assert.equal(c.outcome, 'PASS', `${g.key}/${c.check_id}: ${c.message}`);
          assert.ok(c.evidence.source.length > 0 && c.evidence.evaluated_at && c.evidence.duration_ms >= 0);
          if (c.evidence.kind === 'prometheus') assert.equal(c.evidence.source, env!.prom.url);
        }
      }
    });

    it('measures exact values from the backfilled data, for both profiles', async () => {
      const { report } = await cli(env!);
      assert.equal(check(report, 'stability', 'violations').value, 0);
      assert.equal(check(report, 'stability', 'violations').evidence.series_count, 2);
      assert.equal(check(report, 'stability', 'warn_rate').value, 0);
      close(check(report, 'dcts', 'rel_diff_p95').value, 0.02, 1e-9);
      assert.equal(check(report, 'coverage', 'in_tolerance_share').value, 1);
      assert.equal(check(report, 'dro', 'factor_p05').value, 0.85);
      assert.equal(check(report, 'dro', 'lambda_step_p95').value, 0);
      assert.deepEqual(check(report, 'dro', 'factor_p05').evidence.raw.map((r) => r.labels?.profile).sort(), ['r2', 'smoke']);
    });

    it('every default query is accepted by Prometheus at other windows too (no bad_data)', async () => {
      for (const hours of ['1', '24', '72', '720']) {
        const { report } = await cli(env!, ['--window-hours', hours]);
        for (const g of report.gates) for (const c of g.checks) assert.notEqual(c.outcome, 'ERROR', `${hours}h ${g.key}/${c.check_id}: ${c.evidence.error}`);
        assert.match(check(report, 'dro', 'factor_p05').evidence.query!, new RegExp(`\\[${hours === '24' ? '1d' : hours === '720' ? '30d' : `${hours}h`}\\]|\\[${hours}h\\]`));
      }
    });
  });

  const trips: [string, HistoryOptions['trips'], string, string, number, (r: GateReport) => void][] = [
    ['CI gating violations', { violations: true }, 'stability', 'BLOCKED', 1, (r) => assert.equal(check(r, 'stability', 'violations').value, TRIPPED.violations)],
    ['WARN-state share', { warn_rate: true }, 'stability', 'BLOCKED', 1, (r) => close(check(r, 'stability', 'warn_rate').value, TRIPPED.warnShare)],
    ['DCTS divergence', { dcts: true }, 'dcts', 'BLOCKED', 1, (r) => close(check(r, 'dcts', 'rel_diff_p95').value, TRIPPED.relDiff, 1e-9)],
    ['coverage out of tolerance', { coverage: true }, 'coverage', 'BLOCKED', 1, (r) => close(check(r, 'coverage', 'in_tolerance_share').value, TRIPPED.coverageShare)],
    ['DRO factor suppressed (CONDITIONAL gate)', { dro_factor: true }, 'dro', 'CONDITIONAL', 3, (r) => assert.equal(check(r, 'dro', 'factor_p05').value, TRIPPED.droFactor)],
    ['unstable λ (warn-severity check)', { lambda: true }, 'dro', 'CONDITIONAL', 3, (r) => close(check(r, 'dro', 'lambda_step_p95').value, TRIPPED.lambdaStep, 1e-9)],
  ];
  for (const [what, tripsOpt, gate, decision, exit, exact] of trips) {
    describe(`history that trips ${what}`, () => {
      let env: Env | undefined;
      before(async () => (env = await setUp({ trips: tripsOpt })));
      after(() => tearDown(env));

      it(`${gate} does not pass, decision ${decision}, exit ${exit}; only that gate is affected; the smoke profile (2nd series) decides`, async () => {
        const { code, report } = await cli(env!);
        const expected = Object.fromEntries(report.gates.map((g) => [g.key, g.key === gate ? (tripsOpt!.lambda ? 'WARN' : 'FAIL') : 'PASS']));
        assert.deepEqual(statuses(report), expected);
        assert.equal(report.decision_code, decision);
        assert.equal(code, exit);
        exact(report);
        const g = report.gates.find((x) => x.key === gate)!;
        const decider = g.checks.find((c) => c.check_id === g.value_check)!;
        assert.equal(decider.evidence.raw[0].labels?.profile, 'smoke', 'the worst series is shown first');
        assert.ok(report.next_steps.some((s) => s.includes(g.remediation)), 'the remediation is in next_steps');
      });
    });
  }

  describe('artifacts and alerts', () => {
    let env: Env | undefined;
    before(async () => (env = await setUp({ alerts: [{ alertname: 'DctsRobustDivergence', from: 30, to: 29, labels: { profile: 'r2', severity: 'warning' } }] }, { ckpt: 'anomaly' })));
    after(() => tearDown(env));

    it('a DctsRobustDivergence alert that fired inside the window fails DCTS, with the alert in the evidence', async () => {
      const { report } = await cli(env!);
      const c = check(report, 'dcts', 'divergence_alert');
      assert.equal(c.outcome, 'FAIL');
      assert.equal(c.value, 1);
      assert.equal(c.evidence.raw[0].labels?.alertname, 'DctsRobustDivergence');
      assert.equal(c.evidence.raw[0].labels?.profile, 'r2');
    });

    it('the same alert outside a 24 h window does not count (the window is real)', async () => {
      const { report } = await cli(env!, ['--window-hours', '24']);
      assert.equal(check(report, 'dcts', 'divergence_alert').value, 0);
    });

    it('an analyzer-shape checkpoint report with an anomaly fails Model QA', async () => {
      const { report, code } = await cli(env!);
      assert.equal(check(report, 'model_qa', 'anomalies').value, 1);
      assert.equal(check(report, 'model_qa', 'min_cosine').value, 0.2);
      assert.equal(statuses(report).model_qa, 'FAIL');
      assert.equal(code, 1);
    });
  });

  describe('a firing alert produced by a real alerting rule', () => {
    let env: Env | undefined;
    before(async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-rules-'));
      writeWorkspace(dir, { end: END });
      const rules = path.join(dir, 'rules.yml');
      fs.writeFileSync(rules, JSON.stringify({
        groups: [{ name: 'dro', rules: [{ alert: 'DROFactorSuppressed', expr: 'quantile_over_time(0.05, aurora_risk_dro_factor[48h]) < 0.6', for: '0m', labels: { severity: 'warning' } }] }],
      }));
      const prom = await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END, trips: { dro_factor: true } })), ruleFiles: [SHIPPED_ALERT_RULES(), rules], evaluationInterval: '1s' });
      env = { prom, dir };
    });
    after(() => tearDown(env));

    it('the ALERTS series the rule writes (about 2.5 s after start) is counted by the alert check, with its labels', async () => {
      await waitFor('the rule to write ALERTS', async () => {
        const res = await fetch(`${env!.prom.url}/api/v1/query?query=${encodeURIComponent('ALERTS{alertname="DROFactorSuppressed"}')}`);
        return ((await res.json()) as { data: { result: unknown[] } }).data.result.length > 0;
      }, 20_000);
      // Rules evaluate at wall-clock time, so evaluate now (the data ended less than a minute ago).
      const report = await evaluateGates({ prometheus: { url: env!.prom.url }, cwd: env!.dir, at: new Date() }, AbortSignal.timeout(20_000));
      const c = check(report, 'dro', 'suppressed_alert');
      assert.equal(c.outcome, 'FAIL');
      assert.equal(c.value, 1);
      assert.deepEqual([c.evidence.raw[0].labels?.alertname, c.evidence.raw[0].labels?.profile, c.evidence.raw[0].labels?.severity], ['DROFactorSuppressed', 'smoke', 'warning']);
      assert.equal(report.decision_code, 'CONDITIONAL', 'DRO is a CONDITIONAL gate');
    });
  });

  describe('NaN samples and missing series', () => {
    let env: Env | undefined;
    before(async () => (env = await setUp({ nan: [{ metric: 'aurora_risk_dro_factor', profile: 'smoke' }], omit: ['aurora_ci_coverage_abs_err_ema'] })));
    after(() => tearDown(env));

    it('NaN samples are NO_DATA (never a pass), and say which series', async () => {
      const { report } = await cli(env!);
      const c = check(report, 'dro', 'factor_p05');
      assert.equal(c.outcome, 'NO_DATA');
      assert.equal(c.value as unknown, 'NaN', 'kept as Prometheus writes it, never null (#12)');
      assert.equal(c.counts_as, 'FAIL');
      assert.match(c.message, /NaN in \{profile="smoke"\}/);
    });

    it('a metric with no series is NO_DATA and fails its gate (the original passed it)', async () => {
      const { report, code } = await cli(env!);
      const c = check(report, 'coverage', 'in_tolerance_share');
      assert.equal(c.outcome, 'NO_DATA');
      assert.equal(c.evidence.series_count, 0);
      assert.equal(statuses(report).coverage, 'FAIL');
      assert.equal(code, 1);
    });

    it('on_missing: inconclusive turns the same gap into INCONCLUSIVE (exit 4)', async () => {
      const file = path.join(env!.dir, 'gates.yaml');
      fs.writeFileSync(file, `schema_version: 1\ngates:\n  - key: coverage\n    id: 3\n    name: Coverage\n    fail_action: NO-GO\n    remediation: wait for data\n    checks:\n      - id: share\n        name: share\n        type: promql_range\n        query: aurora_ci_coverage_abs_err_ema\n        reduce: share\n        where: { comparator: "<=", value: 0.05 }\n        comparator: ">="\n        threshold: 0.95\n        on_missing: inconclusive\n`);
      const { report, code } = await cli(env!, ['--gates', file]);
      assert.equal(report.decision_code, 'INCONCLUSIVE');
      assert.equal(code, 4);
    });
  });

  describe('server problems', () => {
    let env: Env | undefined;
    before(async () => (env = await setUp()));
    after(() => tearDown(env));

    it('a rejected query is ERROR with the server\'s own message, counted as the policy says', async () => {
      const file = path.join(env!.dir, 'bad.yaml');
      fs.writeFileSync(file, `schema_version: 1\ngates:\n  - key: broken\n    id: 1\n    name: Broken\n    fail_action: NO-GO\n    remediation: fix the query\n    checks:\n      - id: q\n        name: bad query\n        type: promql\n        query: rate(aurora_risk_dro_factor[5m]\n        comparator: "<="\n        threshold: 1\n        on_error: inconclusive\n`);
      const { report, code } = await cli(env!, ['--gates', file]);
      const c = check(report, 'broken', 'q');
      assert.equal(c.outcome, 'ERROR');
      assert.match(c.evidence.error!, /bad_data: invalid parameter "query": 1:\d+: parse error/);
      assert.equal(c.evidence.attempts, 1, '4xx is not retried');
      assert.equal(c.counts_as, 'INCONCLUSIVE');
      assert.equal(code, 4);
    });

    it('a server that never answers: one pre-flight timeout ends the queries sent beside it, none retried, exit 5, and the report still comes', async () => {
      const silent = await startSilentServer();
      try {
        const io = captureIO(env!.dir);
        const code = await runCli(['gates', '--prometheus-url', silent.url, '--at', String(END), '--timeout', '0.3', '--quiet'], io, AbortSignal.timeout(20_000));
        const report = JSON.parse(io.out) as GateReport;
        const prom = report.gates.flatMap((g) => g.checks).filter((c) => c.evidence.kind === 'prometheus');
        assert.equal(prom.length, 9);
        for (const c of prom) {
          assert.equal(c.outcome, 'ERROR');
          assert.match(c.evidence.error!, /^pre-flight failed: no answer within 300 ms/);
          assert.equal(c.evidence.cause, 'timeout');
          assert.equal(c.evidence.attempts, 1, 'sent beside the pre-flight, never retried');
        }
        // The queries went out beside the pre-flight, each once: no retry after its timeout.
        assert.deepEqual(resent(silent.urls()), { again: [], preflights: 1 });
        assert.ok(silent.requests() > 1, 'the queries were sent beside the pre-flight');
        assert.equal(code, 5, 'not carried out, never BLOCKED');
      } finally {
        await silent.stop();
      }
    });

    it('a server stopped mid-evaluation: the rest are ERROR (503 while it stops, then connection refused), nothing passes by default', async () => {
      const own = await setUp();
      try {
        let stopped: Promise<void> | undefined;
        const report = await evaluateGates(
          { prometheus: { url: own.prom.url, concurrency: 1, retries: 1, retryBaseMs: 10 }, cwd: own.dir, at: new Date(END * 1000) },
          AbortSignal.timeout(30_000),
          (p) => {
            if (p.kind === 'check-done' && p.check.evidence.kind === 'prometheus') stopped ??= own.prom.stop();
          },
        );
        await stopped;
        const prom = report.gates.flatMap((g) => g.checks).filter((c) => c.evidence.kind === 'prometheus');
        const errors = prom.filter((c) => c.outcome === 'ERROR');
        assert.ok(prom.some((c) => c.outcome === 'PASS'), 'queries before the stop were answered');
        assert.ok(errors.length >= 5, `${errors.length} errors`);
        // While Prometheus shuts down it answers 503 (its graceful stop can outlast the retries on a
        // loaded machine); once it is gone, the port is closed. Either way the server went away: the
        // query in flight may also get another answer of the server's (e.g. "block is closing").
        const gone = errors.filter((c) => /ECONNREFUSED|other side closed|UND_ERR_SOCKET|HTTP 503/.test(c.evidence.error!));
        assert.ok(errors.length - gone.length <= 1, errors.map((c) => c.evidence.error).join('\n'));
        for (const c of gone) {
          assert.equal(c.evidence.attempts, 2, 'a refused connection and a 503 are retried');
          assert.ok(c.evidence.cause === 'unreachable' || c.evidence.cause === 'server-error', `${c.check_id}: ${c.evidence.cause}`);
        }
        assert.equal(report.decision_code, 'ERROR', 'a server that went away is not a release failure');
        assert.ok(report.evaluation_error?.cause === 'unreachable' || report.evaluation_error?.cause === 'server-error', report.evaluation_error?.message);
        assert.equal(report.evaluation_error?.preflight, false);
      } finally {
        await tearDown(own);
      }
    });

    it('Cancel (AbortSignal) stops the evaluation at once and nothing is reported', async () => {
      const silent = await startSilentServer();
      try {
        const ac = new AbortController();
        // The server never answers and each query's own deadline is 30 s (twice over the test's
        // timeout with 9 queries): only the cancel, sent once a query is in flight, can end this.
        const pending = evaluateGates({ prometheus: { url: silent.url, timeoutMs: 30_000 }, cwd: env!.dir, at: new Date(END * 1000) }, ac.signal);
        const poll = setInterval(() => {
          if (silent.requests() > 0) {
            clearInterval(poll);
            ac.abort(new Error('cancelled by user'));
          }
        }, 10);
        await assert.rejects(pending, /cancelled by user/);
      } finally {
        await silent.stop();
      }
    });
  });
});
