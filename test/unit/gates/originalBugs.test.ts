// original-kit.md §10 items 1–12: each weakness of the original gates evaluator, shown impossible
// here. Where Prometheus is involved the test starts a REAL one (harness, backfilled data).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';
import { DEFAULT_GATES_FILE } from '../../../src/core/gates/evaluate';
import { loadGates } from '../../../src/core/gates/load';
import { finishCheck } from '../../../src/core/gates/checks/finish';
import { exchangeKey, recordingSchema } from '../../../src/core/prometheus/recording';
import { decision } from '../../../src/core/verdict/rollup';
import type { GateReport } from '../../../src/core/verdict/types';
import { startSilentServer } from '../../support/prometheus';
import { END, findCheck, fixture, gatesCli, writeFile, type Fixture } from './fixture';

const report = (out: string) => JSON.parse(out) as GateReport;

/** The runtime's exported metrics (original-kit §8.4) plus Prometheus' own ALERTS. */
const EXPORTED = new Set([
  'aurora_risk_dro_factor', 'aurora_risk_dro_adj', 'aurora_tvf2_dcts', 'aurora_tvf2_dcts_robust', 'aurora_tvf2_dcts_grid',
  'aurora_tvf2_dcts_robust_value', 'aurora_tvf2_dcts_min_value', 'aurora_ci_gating_state', 'aurora_ci_gating_value',
  'aurora_ci_gating_threshold', 'aurora_ci_gating_violation_total', 'aurora_ci_coverage_abs_err', 'aurora_ci_coverage_abs_err_ema', 'ALERTS',
]);
const PROMQL_WORDS = new Set(['sum', 'by', 'increase', 'or', 'max_over_time', 'avg', 'avg_over_time', 'bool', 'quantile_over_time', 'abs', 'clamp_min', 'offset', 'profile']);

describe('gates: original-kit §10 — the original evaluator\'s failures are impossible', function () {
  this.timeout(60_000);

  describe('item 1: no silent mock data; recorded data is labelled everywhere and never promotes', () => {
    let f: Fixture;
    before(async () => (f = await fixture()));
    after(() => f.close());

    it('without a Prometheus URL the CLI refuses (exit 2) and points at --demo, instead of inventing values', async () => {
      const { code, out, err } = await gatesCli({ ...f, prom: undefined }, []);
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, /--prometheus-url .*required.*--demo/s);
    });

    it('--demo says DEMO in JSON, Markdown, JUnit, metrics and on stderr, and can never exit 0', async () => {
      const json = await gatesCli({ ...f, prom: undefined }, ['--demo', '--quiet']);
      const r = report(json.out);
      assert.equal(r.data_mode, 'demo');
      assert.equal(r.promotable, false);
      assert.match(r.source, /^demo of .*recording\.json/);
      assert.notEqual(json.code, 0);
      assert.match(json.err, /data: DEMO .*not promotable/);
      const md = await gatesCli({ ...f, prom: undefined }, ['--demo', '--quiet', '--format', 'md']);
      assert.match(md.out, /\*\*Data:\*\* DEMO \(bundled recording — cannot be used to promote\)/);
      assert.match(md.out, /> \*\*DEMO DATA\.\*\*/);
      const junit = await gatesCli({ ...f, prom: undefined }, ['--demo', '--quiet', '--format', 'junit']);
      assert.match(junit.out, /<property name="data_mode" value="DEMO /);
      await gatesCli({ ...f, prom: undefined }, ['--demo', '--quiet', '--metrics-out', 'm.prom']);
      assert.match(fs.readFileSync(path.join(f.dir, 'm.prom'), 'utf8'), /^aurora_ga_decision\{data_mode="demo"\} [1-4]$/m);
    });

    it('a replay of an approving live run is labelled replay and exits 4, not 0', async () => {
      const live = await gatesCli(f, ['--record', 'rec.json', '--quiet']);
      assert.equal(live.code, 0, live.err);
      const replay = await gatesCli({ ...f, prom: undefined }, ['--replay', 'rec.json', '--quiet']);
      const r = report(replay.out);
      assert.equal(r.decision_code, 'APPROVED');
      assert.equal(r.data_mode, 'replay');
      assert.equal(replay.code, 4);
      assert.equal(r.exit_code, 4);
      assert.match(r.next_steps[0], /cannot be used to promote/);
      assert.ok(!r.next_steps.includes('Deploy to production'));
    });
  });

  describe('item 2: a real Prometheus works; its errors and empty answers never pass', () => {
    let f: Fixture;
    let empty: Fixture;
    before(async () => {
      f = await fixture();
      empty = await fixture({ history: { omit: ['aurora_ci_gating_violation_total', 'aurora_ci_gating_state', 'aurora_ci_coverage_abs_err_ema'] } });
    });
    after(async () => {
      await f.close();
      await empty.close();
    });

    it('queries are evaluated at an explicit Unix time and give the exact backfilled values', async () => {
      const r = report((await gatesCli(f, ['--quiet'])).out);
      assert.equal(findCheck(r, 'dro', 'factor_p05').value, 0.85);
      assert.equal(findCheck(r, 'dro', 'factor_p05').evidence.evaluated_at, new Date(END * 1000).toISOString());
      assert.equal(findCheck(r, 'stability', 'violations').evidence.series_count, 2);
    });

    it('an error body (status "error") is ERROR with the server\'s message, never "no data"', async () => {
      const file = writeFile(f.dir, 'bad.yaml', 'schema_version: 1\ngates:\n  - {key: g, id: 1, name: G, fail_action: NO-GO, remediation: fix, checks: [{id: q, name: q, type: promql, query: "sum(", comparator: "==", threshold: 0}]}\n');
      const { code, out } = await gatesCli(f, ['--gates', file, '--quiet']);
      const c = findCheck(report(out), 'g', 'q');
      assert.equal(c.outcome, 'ERROR');
      assert.match(c.message, /bad_data: invalid parameter "query"/);
      assert.equal(c.counts_as, 'FAIL');
      // Its only deciding check has no data: a decision needs deciding data (#12), so not BLOCKED either.
      assert.equal(report(out).decision_code, 'INCONCLUSIVE');
      assert.match(report(out).decision_reason!, /no deciding data/);
      assert.equal(code, 4);
    });

    it('no series for the gating counters and coverage is NO_DATA and fails gates 1 and 3 (the original passed both)', async () => {
      const r = report((await gatesCli(empty, ['--quiet'])).out);
      assert.equal(findCheck(r, 'stability', 'violations').outcome, 'NO_DATA');
      assert.equal(findCheck(r, 'coverage', 'in_tolerance_share').outcome, 'NO_DATA');
      assert.equal(r.gates.find((g) => g.key === 'stability')!.status, 'FAIL');
      assert.equal(r.gates.find((g) => g.key === 'coverage')!.status, 'FAIL');
    });
  });

  describe('item 3: real metric names and valid PromQL', () => {
    it('every metric the default gates query is one the runtime exports (or ALERTS)', async () => {
      const { definitions } = await loadGates(DEFAULT_GATES_FILE());
      const vars = { ...definitions.variables, window: '48h', step: '1m', profile_re: '.*' };
      for (const g of definitions.gates) {
        for (const c of g.checks) {
          if (c.type !== 'promql' && c.type !== 'promql_range') continue;
          const q = c.query.replace(/\$\{(\w+)\}/g, (_m, n: string) => (vars as Record<string, string>)[n] ?? '');
          const names = (q.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\b\d+(\.\d+)?(e-?\d+|[smhdwy])?\b/g, '').match(/[a-zA-Z_:][a-zA-Z0-9_:]*/g) ?? []).filter((n) => !PROMQL_WORDS.has(n));
          assert.ok(names.length > 0, q);
          for (const n of names) assert.ok(EXPORTED.has(n), `${g.key}/${c.id} queries '${n}', which the runtime does not export`);
          assert.doesNotMatch(q, /\)\[\d+[smh]\]/, `${g.key}/${c.id}: a range on an expression needs a subquery ([w:step])`);
        }
      }
    });

    it('every default query is accepted by a real Prometheus', async () => {
      const f = await fixture();
      try {
        const r = report((await gatesCli(f, ['--quiet'])).out);
        for (const g of r.gates) for (const c of g.checks) assert.notEqual(c.outcome, 'ERROR', `${g.key}/${c.check_id}: ${c.evidence.error}`);
      } finally {
        await f.close();
      }
    });
  });

  describe('item 4: DCTS uses the audit\'s variance ratio and compares robust with base', () => {
    it('var_ratio comes from artifacts/dcts_audit/report.json: 0.9 fails, null is NO_DATA (not a default)', async () => {
      for (const [varRatio, outcome] of [[0.9, 'FAIL'], [null, 'NO_DATA'], [0.61, 'PASS']] as const) {
        const f = await fixture({ workspace: { varRatio } });
        try {
          const c = findCheck(report((await gatesCli(f, ['--quiet'])).out), 'dcts', 'var_ratio');
          assert.equal(c.outcome, outcome, String(varRatio));
          assert.match(c.evidence.source, /dcts_audit[\\/]report\.json$/);
        } finally {
          await f.close();
        }
      }
    });

    it('robust (median) above min passes when it is close to base: the gate can pass with real data', async () => {
      const f = await fixture();
      try {
        const r = report((await gatesCli(f, ['--quiet'])).out);
        const c = findCheck(r, 'dcts', 'rel_diff_p95');
        assert.equal(c.outcome, 'PASS');
        assert.match(c.evidence.query!, /aurora_tvf2_dcts\{/);
        assert.doesNotMatch(c.evidence.query!, /dcts_min_value/);
        assert.equal(r.gates.find((g) => g.key === 'dcts')!.status, 'PASS');
      } finally {
        await f.close();
      }
    });
  });

  describe('item 5: coverage tolerance is a setting and the share covers the real window', () => {
    let f: Fixture;
    before(async () => (f = await fixture()));
    after(() => f.close());

    it('--var tolerance=0.01 fails the healthy history (EMA error 0.02); the default 0.05 passes it', async () => {
      assert.equal(findCheck(report((await gatesCli(f, ['--quiet'])).out), 'coverage', 'in_tolerance_share').value, 1);
      const strict = findCheck(report((await gatesCli(f, ['--quiet', '--var', 'tolerance=0.01'])).out), 'coverage', 'in_tolerance_share');
      assert.equal(strict.value, 0);
      assert.equal(strict.outcome, 'FAIL');
    });

    it('the share is computed from a range query over exactly [at − window, at]', async () => {
      const c = findCheck(report((await gatesCli(f, ['--quiet', '--window-hours', '6'])).out), 'coverage', 'in_tolerance_share');
      assert.deepEqual(c.evidence.range, { start: new Date((END - 6 * 3600) * 1000).toISOString(), end: new Date(END * 1000).toISOString(), step_seconds: 60 });
      assert.match(c.evidence.raw[0].value, /^361 of 361 samples <= 0\.05/);
    });
  });

  describe('item 6: |Δλ| is valid PromQL on a configurable metric', () => {
    it('the p95 of step changes is exact on a real server, and lambda_metric picks the series', async () => {
      const f = await fixture({ history: { trips: { lambda: true } } });
      try {
        const c = findCheck(report((await gatesCli(f, ['--quiet'])).out), 'dro', 'lambda_step_p95');
        assert.equal(c.outcome, 'WARN');
        assert.ok(Math.abs(c.value! - 0.2) < 1e-9);
        const other = findCheck(report((await gatesCli(f, ['--quiet', '--var', 'lambda_metric=aurora_risk_dro_factor'])).out), 'dro', 'lambda_step_p95');
        assert.match(other.evidence.query!, /abs\(aurora_risk_dro_factor\{.*offset 1m\)\[48h:1m\]/);
        assert.equal(other.value, 0);
      } finally {
        await f.close();
      }
    });
  });

  describe('item 7: the checkpoint report is read in both shapes; absent keys are NO_DATA', () => {
    it('the analyzer shape {analyses[]} with an anomaly fails Model QA (the original passed it)', async () => {
      const f = await fixture({ workspace: { ckpt: 'anomaly' } });
      try {
        const r = report((await gatesCli(f, ['--quiet'])).out);
        assert.equal(r.gates.find((g) => g.key === 'model_qa')!.status, 'FAIL');
        assert.equal(findCheck(r, 'model_qa', 'anomalies').evidence.raw[1].labels?.checkpoint, 'ckpt_0011.pt');
      } finally {
        await f.close();
      }
    });

    it('the flat shape passes when clean, and a missing key is NO_DATA instead of a passing default', async () => {
      for (const [ckpt, status, missing] of [['flat-clean', 'PASS', []], [{ anomalies: 0 }, 'FAIL', ['min_cosine', 'frozen']]] as const) {
        const f = await fixture({ workspace: { ckpt } });
        try {
          const r = report((await gatesCli(f, ['--quiet'])).out);
          assert.equal(r.gates.find((g) => g.key === 'model_qa')!.status, status);
          for (const id of missing) assert.equal(findCheck(r, 'model_qa', id).outcome, 'NO_DATA');
        } finally {
          await f.close();
        }
      }
    });

    it('bare NaN written by Python json (cosine_min: NaN everywhere) is NO_DATA, not a crash', async () => {
      const f = await fixture({ workspace: { ckpt: 'clean' } });
      try {
        fs.writeFileSync(path.join(f.dir, 'artifacts/ckpt/report.json'), '{"reference": "a.pt", "analyses": [{"checkpoint": "b.pt", "cosine_min": NaN, "frozen_fraction": 0.0, "anomaly": false, "reason": null}], "profile": "strict"}');
        const c = findCheck(report((await gatesCli(f, ['--quiet'])).out), 'model_qa', 'min_cosine');
        assert.equal(c.outcome, 'NO_DATA');
        assert.equal(c.evidence.raw[0].value, 'cosine_min=NaN');
      } finally {
        await f.close();
      }
    });
  });

  describe('item 8: every series counts; NaN is missing data, not a silent FAIL or PASS', () => {
    const def = { id: 'x', name: 'x', type: 'promql', query: 'x', comparator: '<=', threshold: 0.15, severity: 'fail', on_missing: 'warn', on_error: 'fail', on_empty: 'no_data', result_type: 'vector' } as const;
    const meta = { evaluatedAt: '2026-01-01T00:00:00.000Z', durationMs: 1 };
    const ev = { kind: 'prometheus', source: 'http://p' } as const;

    it('the worst series decides, whichever position it has', () => {
      const c = finishCheck(def, 0.15, { kind: 'values', evidence: ev, items: [{ labels: { profile: 'a' }, value: 0.01, raw: '0.01' }, { labels: { profile: 'b' }, value: 0.2, raw: '0.2' }] }, meta);
      assert.equal(c.outcome, 'FAIL');
      assert.equal(c.value, 0.2);
      assert.equal(c.evidence.raw[0].labels?.profile, 'b');
      assert.match(c.message, /worst of 2 series: \{profile="b"\}, 1 failing/);
    });

    it('a NaN series is NO_DATA and counts as on_missing says (here: warn)', () => {
      const c = finishCheck(def, 0.15, { kind: 'values', evidence: ev, items: [{ value: 0.01, raw: '0.01' }, { labels: { profile: 'b' }, value: NaN, raw: 'NaN' }] }, meta);
      assert.equal(c.outcome, 'NO_DATA');
      assert.equal(c.counts_as, 'WARN');
    });

    it('on a real server, a failing second profile fails the gate', async () => {
      const f = await fixture({ history: { trips: { dro_factor: 'smoke' } } });
      try {
        const r = report((await gatesCli(f, ['--quiet'])).out);
        const c = findCheck(r, 'dro', 'factor_p05');
        assert.equal(c.outcome, 'FAIL');
        assert.deepEqual(c.evidence.raw.map((x) => [x.labels?.profile, x.value]), [['smoke', '0.5'], ['r2', '0.85']]);
      } finally {
        await f.close();
      }
    });
  });

  describe('item 9: the window is real; HTTP has a deadline, auth and headers', () => {
    it('--window-hours 12 reaches every query and the log window', async () => {
      const f = await fixture({ workspace: { log: [[20, '[CI-GATING][HARD] Hard gating failure detected -> exiting with code 3']] } });
      try {
        const r12 = report((await gatesCli(f, ['--quiet', '--window-hours', '12'])).out);
        assert.equal(r12.window, '12h');
        for (const g of r12.gates) for (const c of g.checks) if (c.evidence.query) assert.doesNotMatch(c.evidence.query, /48h/);
        assert.match(findCheck(r12, 'dro', 'factor_p05').evidence.query!, /\[12h\]/);
        assert.equal(findCheck(r12, 'stability', 'hard_log_lines').value, 0);
        const r48 = report((await gatesCli(f, ['--quiet'])).out);
        assert.equal(findCheck(r48, 'stability', 'hard_log_lines').value, 1, 'the line 20 h ago is inside 48 h');
      } finally {
        await f.close();
      }
    });

    it('a hung server fails each query at the client deadline', async () => {
      const silent = await startSilentServer();
      const f = await fixture({ prometheus: false });
      try {
        const { out } = await gatesCli(f, ['--prometheus-url', silent.url, '--timeout', '0.2', '--quiet']);
        assert.match(findCheck(report(out), 'dro', 'factor_p05').evidence.error!, /no answer within 200 ms/);
      } finally {
        await silent.stop();
        await f.close();
      }
    });

    it('bearer token (AURORA_PROM_TOKEN) and extra headers are sent; a URL path prefix is kept without "//api"', async () => {
      const seen: { url?: string; headers: IncomingHttpHeaders }[] = [];
      // A real HTTP server that records what arrives and answers like an empty Prometheus.
      const server = createServer((req, res) => {
        seen.push({ url: req.url, headers: req.headers });
        res.setHeader('content-type', 'application/json');
        res.end('{"status":"success","data":{"resultType":"vector","result":[]}}');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      const f = await fixture({ prometheus: false });
      try {
        const port = (server.address() as { port: number }).port;
        await gatesCli(f, ['--prometheus-url', `http://127.0.0.1:${port}/prom/`, '--header', 'X-Scope-OrgID: team-a', '--quiet'], { AURORA_PROM_TOKEN: 's3cret' });
        assert.equal(seen.length, 11, 'the pre-flight request, the 9 queries and one rules API read');
        for (const s of seen) {
          assert.equal(s.headers.authorization, 'Bearer s3cret');
          assert.equal(s.headers['x-scope-orgid'], 'team-a');
          assert.match(s.url!, /^\/prom\/api\/v1\/(query(_range)?\?|rules$)/);
        }
      } finally {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
        await f.close();
      }
    });
  });

  describe('item 10: gates evaluated once; exit codes separate WARN from FAIL; fail_action honoured', () => {
    it('each query is sent exactly once per run (the recording holds one attempt per query)', async () => {
      const f = await fixture();
      try {
        await gatesCli(f, ['--record', 'rec.json', '--quiet']);
        const rec = recordingSchema.parse(JSON.parse(fs.readFileSync(path.join(f.dir, 'rec.json'), 'utf8')));
        const keys = rec.exchanges.map((e) => exchangeKey(e.path, e.params));
        assert.equal(keys.length, 10, '9 queries and one rules API read shared by the 3 alert checks');
        assert.equal(new Set(keys).size, keys.length);
      } finally {
        await f.close();
      }
    });

    it('CONDITIONAL exits 3 and BLOCKED exits 1, and the report carries the same code', async () => {
      for (const [trips, code, decision] of [[{ dro_factor: true }, 3, 'CONDITIONAL'], [{ coverage: true }, 1, 'BLOCKED']] as const) {
        const f = await fixture({ history: { trips } });
        try {
          const res = await gatesCli(f, ['--quiet']);
          const r = report(res.out);
          assert.equal(res.code, code);
          assert.equal(r.exit_code, code);
          assert.equal(r.decision_code, decision);
        } finally {
          await f.close();
        }
      }
    });

    it('a failing CONDITIONAL gate never blocks; a failing OBSERVE gate never decides', () => {
      const decide = (gates: { status: 'PASS' | 'WARN' | 'INCONCLUSIVE' | 'FAIL'; fail_action: 'NO-GO' | 'CONDITIONAL' | 'OBSERVE' }[]) =>
        decision(gates.map((g, i) => ({ ...g, gate_name: `g${i}`, checks: [{ outcome: g.status === 'INCONCLUSIVE' ? 'NO_DATA' : g.status === 'WARN' ? 'WARN' : g.status }] }))).code;
      assert.equal(decide([{ status: 'FAIL', fail_action: 'CONDITIONAL' }, { status: 'PASS', fail_action: 'NO-GO' }]), 'CONDITIONAL');
      assert.equal(decide([{ status: 'FAIL', fail_action: 'OBSERVE' }, { status: 'PASS', fail_action: 'NO-GO' }]), 'APPROVED');
      assert.equal(decide([{ status: 'INCONCLUSIVE', fail_action: 'OBSERVE' }]), 'INCONCLUSIVE', 'OBSERVE alone decides nothing, so nothing is approved (#12)');
      assert.equal(decide([{ status: 'FAIL', fail_action: 'NO-GO' }, { status: 'WARN', fail_action: 'CONDITIONAL' }]), 'BLOCKED');
    });

    it('an OBSERVE gate that fails on a real server is reported, and the run still approves', async () => {
      const f = await fixture();
      try {
        const file = writeFile(f.dir, 'observe.yaml', 'schema_version: 1\ngates:\n  - {key: watch, id: 9, name: Watch, fail_action: OBSERVE, remediation: look, checks: [{id: f, name: factor, type: promql, query: "aurora_risk_dro_factor", comparator: ">", threshold: 5}]}\n  - {key: base, id: 1, name: Base, fail_action: NO-GO, remediation: fix, checks: [{id: v, name: v, type: promql, query: "count(aurora_risk_dro_factor)", comparator: ">=", threshold: 1}]}\n');
        const res = await gatesCli(f, ['--gates', file, '--quiet']);
        const r = report(res.out);
        assert.equal(r.gates[0].status, 'FAIL');
        assert.equal(r.gates[1].status, 'PASS');
        assert.equal(r.decision_code, 'APPROVED');
        assert.equal(res.code, 0);
      } finally {
        await f.close();
      }
    });
  });

  describe('item 11: clean stdout, escaped Markdown, UTF-8 files, zoned timestamps', () => {
    it('with Prometheus down, stdout is still exactly one JSON report; problems go to stderr', async () => {
      const f = await fixture({ prometheus: false });
      try {
        const { out, err } = await gatesCli(f, ['--prometheus-url', 'http://127.0.0.1:9', '--retries', '0']);
        const r = report(out);
        assert.equal(findCheck(r, 'dro', 'factor_p05').outcome, 'ERROR');
        assert.match(findCheck(r, 'dro', 'factor_p05').evidence.error!, /ECONNREFUSED/);
        assert.match(err, /gate \d\/5/);
        assert.match(err, /ERROR \(exit 5\)/);
      } finally {
        await f.close();
      }
    });

    it('Markdown escapes the pipes of |robust − base| and |Δλ|: every table row has its column count', async () => {
      const f = await fixture();
      try {
        const { out } = await gatesCli(f, ['--quiet', '--format', 'md']);
        assert.match(out, /\\\|robust − base\\\|/);
        assert.match(out, /\\\|Δλ\\\|/);
        const rows = out.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'));
        assert.equal(rows.length, 6, 'the header and one row per gate');
        for (const line of rows) assert.equal(line.replace(/\\\|/g, '').split('|').length - 2, 5, line);
      } finally {
        await f.close();
      }
    });

    it('--output writes UTF-8 (emoji intact) and timestamps carry a zone', async () => {
      const f = await fixture();
      try {
        const { out } = await gatesCli(f, ['--quiet', '--format', 'md', '--output', 'ga/report.md']);
        assert.match(out, /^Report saved to ga\/report\.md \(data: live — http/);
        const bytes = fs.readFileSync(path.join(f.dir, 'ga/report.md'));
        assert.ok(bytes.includes(Buffer.from('✅ GA PROMOTION APPROVED', 'utf8')));
        const r = report((await gatesCli(f, ['--quiet'])).out);
        assert.match(r.timestamp, /Z$/);
        assert.match(r.evaluated_at!, /Z$/);
      } finally {
        await f.close();
      }
    });
  });

  describe('item 12: a gate\'s value and threshold come from one check, in one unit', () => {
    it('stability failing on the WARN share reports that share and its threshold, not max(count, ratio)', async () => {
      const f = await fixture({ history: { trips: { warn_rate: true } } });
      try {
        const g = report((await gatesCli(f, ['--quiet'])).out).gates.find((x) => x.key === 'stability')!;
        assert.equal(g.value_check, 'warn_rate');
        assert.ok(Math.abs(g.value! - 0.0625) < 1e-3);
        assert.equal(g.threshold, 0.05);
      } finally {
        await f.close();
      }
    });

    it('stability failing on violations reports the count with threshold 0', async () => {
      const f = await fixture({ history: { trips: { violations: true } } });
      try {
        const g = report((await gatesCli(f, ['--quiet'])).out).gates.find((x) => x.key === 'stability')!;
        assert.deepEqual([g.value_check, g.value, g.threshold], ['violations', 1, 0]);
      } finally {
        await f.close();
      }
    });
  });
});
