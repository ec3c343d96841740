// Compare checks against a REAL Prometheus (test/support/prometheus.ts) holding a baseline (v1)
// and a candidate (v2) whose right verdicts are known by construction: a 20 % latency shift, no
// shift, a tripled spread around an unchanged median, and sparse versus plentiful errors.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import { renderJunit } from '../../../src/core/gates/render/junit';
import { renderMarkdown } from '../../../src/core/gates/render/markdown';
import type { CheckResult, GateReport } from '../../../src/core/verdict/types';
import { runCompare } from '../../../src/core/gates/checks/compare';
import { compareCheck } from '../../../src/core/gates/schema';
import { freePort, renderOpenMetrics, startPrometheus, type Family, type RunningServer } from '../../support/prometheus';
import { normals, seeded } from '../../support/seeded';
import { startVmauth } from '../../support/vmauth';
import { captureIO } from '../../unit/gates/cliIO';
import { reportProblems } from '../../../src/core/attest/consistency';

const STEP = 60;
const END = Math.floor(Date.now() / 60_000) * 60;
const HOURS = 2;

function history(): Family[] {
  const z = normals(seeded(16));
  const times = Array.from({ length: (HOURS * 3600) / STEP + 1 }, (_, i) => END - HOURS * 3600 + i * STEP);
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const gauge = (name: string, fn: (version: string, i: number) => number): Family => ({
    name,
    type: 'gauge',
    series: ['v1', 'v2'].map((version) => ({ labels: { version }, samples: times.map((t, i) => [t, r4(fn(version, i))] as [number, number]) })),
  });
  // Counters: each series' total spread evenly over the window (whole events), requests 100 per step.
  const counter = (name: string, perSeries: [Record<string, string>, number][]): Family => ({
    name,
    type: 'counter',
    series: perSeries.map(([labels, total]) => ({ labels, samples: times.map((t, i) => [t, Math.floor((total * i) / (times.length - 1))] as [number, number]) })),
  });
  const perVersion = (totals: Record<string, number>): [Record<string, string>, number][] => Object.entries(totals).map(([version, total]) => [{ version }, total]);
  const requests = 100 * (times.length - 1);
  return [
    gauge('app_latency_seconds', (v) => (v === 'v2' ? 0.24 : 0.2) * (1 + 0.05 * z())),
    gauge('app_cpu_ratio', () => 0.5 * (1 + 0.05 * z())),
    gauge('app_queue_depth', (v) => 40 * (1 + (v === 'v2' ? 0.3 : 0.1) * z())),
    // The candidate misses every 10th step (NaN): 13 of 121.
    gauge('app_gappy_ratio', (v, i) => (v === 'v2' && i % 10 === 0 ? NaN : 0.5 * (1 + 0.05 * z()))),
    counter('app_requests_total', perVersion({ v1: requests, v2: requests })),
    counter('app_sparse_errors_total', perVersion({ v1: 0, v2: 3 })),
    counter('app_errors_total', perVersion({ v1: 0, v2: 300 })),
    counter('app_quiet_errors_total', perVersion({ v1: 0, v2: 0 })),
    // Errors in two series per side (by code), summed by the check rather than by PromQL.
    counter('app_split_errors_total', [[{ version: 'v1', code: '500' }, 10], [{ version: 'v1', code: '503' }, 20], [{ version: 'v2', code: '500' }, 100], [{ version: 'v2', code: '503' }, 200]]),
    counter('app_v1only_errors_total', perVersion({ v1: 5 })),
  ];
}

const gate = (key: string, id: number, checks: string, extra = '') => `
  - key: ${key}
    id: ${id}
    name: ${key}
    fail_action: NO-GO
    remediation: compare the candidate with the baseline${extra}
    checks:${checks}`;
const samples = (id: string, metric: string, extra = '') => `
      - id: ${id}
        name: ${metric.replace(/_/g, ' ')}
        type: compare
        query: ${metric}{version="\${side}"}
        allowed: 0.1${extra}`;
const counts = (id: string, errors: string) => `
      - id: ${id}
        name: ${errors.replace(/_/g, ' ')}
        type: compare
        errors: sum(increase(${errors}{version="\${side}"}[\${window}]))
        requests: sum(increase(app_requests_total{version="\${side}"}[\${window}]))
        allowed: 0.5`;

const GATES = `schema_version: 1
step: 1m
gates:${gate('shift', 1, samples('latency', 'app_latency_seconds', '\n        critical_limit: 0.5'))}${gate('no_shift', 2, samples('cpu', 'app_cpu_ratio'))}${gate('spread', 3, samples('queue', 'app_queue_depth'))}${gate('sparse', 4, counts('sparse_errors', 'app_sparse_errors_total'))}${gate('errors', 5, counts('errors', 'app_errors_total'))}${gate(
  'scored',
  6,
  `${samples('cpu', 'app_cpu_ratio', '\n        group: resources\n        weight: 3')}${samples('queue', 'app_queue_depth', '\n        group: resources')}`,
  '\n    score: { pass: 95, marginal: 70 }',
)}
`;

const VARS = { baseline: 'v1', candidate: 'v2' };
const REQUESTS = 100 * ((HOURS * 3600) / STEP);

/** The samples of one side of a gauge as the test wrote them (NaN included). */
function written(metric: string, version: string): number[] {
  const s = history().find((f) => f.name === metric)!.series.find((x) => x.labels?.version === version)!;
  return s.samples.map(([, v]) => v);
}
function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

// Every test evaluates inside its `it` (not in a hook): mutation testing attributes what runs to the test that ran it.
describe('compare checks against a real Prometheus (baseline v1 vs candidate v2)', function () {
  this.timeout(90_000);
  let prom: RunningServer;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-compare-'));
    fs.writeFileSync(path.join(dir, 'gates.yaml'), GATES);
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(history()) });
  });

  after(async () => {
    await prom?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const evaluate = (file = 'gates.yaml', url = prom.url) =>
    evaluateGates({ gatesFile: path.join(dir, file), prometheus: { url }, cwd: dir, windowHours: HOURS, at: new Date(END * 1000), variables: VARS }, AbortSignal.timeout(60_000));
  const check = (report: GateReport, gateKey: string, id: string): CheckResult => {
    const c = report.gates.find((g) => g.key === gateKey)?.checks.find((x) => x.check_id === id);
    assert.ok(c, `${gateKey}/${id}`);
    return c;
  };
  /** Evaluates one gate written into its own file. */
  const evaluateGate = async (name: string, checks: string, extra = '') => {
    fs.writeFileSync(path.join(dir, `${name}.yaml`), `schema_version: 1\nstep: 1m\ngates:${gate(name, 1, checks, extra)}\n`);
    return evaluate(`${name}.yaml`);
  };

  it('fails a 20 % latency shift, with the interval, the rule in words and the evidence of both sides', async () => {
    const c = check(await evaluate(), 'shift', 'latency');
    assert.equal(c.outcome, 'FAIL');
    assert.equal(c.counts_as, 'FAIL');
    const cmp = c.evidence.comparison!;
    assert.equal(cmp.judgement.rule, 'beyond_allowed');
    assert.equal(cmp.judgement.critical, false, 'the shift is within the critical limit 0.5');
    assert.ok(cmp.judgement.kind === 'samples' && cmp.judgement.candidate.n === 121 && cmp.judgement.baseline.n === 121, 'one sample per step per side');
    assert.ok(c.value! > 0.15 && c.value! < 0.25, `relative shift ${c.value}`);
    assert.equal(c.value, cmp.judgement.value);
    assert.match(cmp.summary, /is \d+(\.\d+)?% higher, 98% CI \[\d+(\.\d+)?%, \d+(\.\d+)?%\], above the allowed 10%/);
    assert.equal(c.message, `app latency seconds: ${cmp.summary}`);
    assert.deepEqual([cmp.baseline.value, cmp.candidate.value], ['v1', 'v2']);
    assert.deepEqual([cmp.baseline.queries, cmp.candidate.queries], [['app_latency_seconds{version="v1"}'], ['app_latency_seconds{version="v2"}']]);
    assert.deepEqual([cmp.baseline.series_count, cmp.candidate.series_count, c.evidence.series_count], [1, 1, 2]);
    assert.deepEqual([cmp.group, cmp.weight, cmp.critical], ['default', 1, false]);
    const e = c.evidence;
    assert.deepEqual([e.kind, e.source, e.query, e.window, e.evaluated_at, e.threshold, e.comparator, c.threshold, c.comparator], ['prometheus', prom.url, 'app_latency_seconds{version="v2"}', '2h', new Date(END * 1000).toISOString(), 0.1, '<=', 0.1, '<=']);
    assert.deepEqual(e.range, { start: new Date((END - HOURS * 3600) * 1000).toISOString(), end: new Date(END * 1000).toISOString(), step_seconds: STEP });
    assert.equal(e.note, 'every step of every series of a side is one sample (series pooled)');
    const med = (v: string) => Number(median(written('app_latency_seconds', v)).toPrecision(6));
    assert.deepEqual(e.raw, [
      { labels: { side: 'baseline', value: 'v1' }, value: `n=121, median=${med('v1')}` },
      { labels: { side: 'candidate', value: 'v2' }, value: `n=121, median=${med('v2')}` },
    ]);
    assert.ok(e.duration_ms >= 0 && Number.isInteger(Math.round(e.duration_ms * 10)), `duration ${e.duration_ms}`);
  });

  it('passes the same distribution on both sides', async () => {
    const c = check(await evaluate(), 'no_shift', 'cpu');
    assert.equal(c.outcome, 'PASS', c.message);
    assert.equal(c.evidence.comparison!.judgement.rule, 'within_allowed');
  });

  it('fails a tripled spread although the median is unchanged; with spread_allowed null the spread is not judged', async () => {
    const c = check(await evaluate(), 'spread', 'queue');
    assert.equal(c.outcome, 'FAIL', c.message);
    const j = c.evidence.comparison!.judgement;
    assert.equal(j.rule, 'spread_increase');
    assert.ok(j.kind === 'samples' && Math.abs(j.effect!.estimate) < 0.1, 'the location alone is within the allowed shift');
    const off = check(await evaluateGate('spread_off', samples('queue', 'app_queue_depth', '\n        spread_allowed: null')), 'spread_off', 'queue');
    assert.notEqual(off.evidence.comparison!.judgement.rule, 'spread_increase', off.message);
  });

  it('calls 0 vs 3 errors in ~12,000 requests INCONCLUSIVE and 0 vs 300 a failure, with the counts as evidence', async () => {
    const report = await evaluate();
    const sparse = check(report, 'sparse', 'sparse_errors');
    assert.equal(sparse.outcome, 'INCONCLUSIVE', sparse.message);
    assert.equal(sparse.counts_as, 'INCONCLUSIVE');
    const j = sparse.evidence.comparison!.judgement;
    assert.ok(j.kind === 'counts' && j.counts!.candidateErrors === 3 && j.counts!.baselineErrors === 0);
    const many = check(report, 'errors', 'errors');
    assert.equal(many.outcome, 'FAIL', many.message);
    assert.match(many.message, /above the allowed 1\.5×/);
    assert.deepEqual(many.evidence.raw, [
      { labels: { side: 'baseline', value: 'v1' }, value: `0 errors / ${REQUESTS} requests` },
      { labels: { side: 'candidate', value: 'v2' }, value: `300 errors / ${REQUESTS} requests` },
    ]);
    assert.equal(many.evidence.note, 'errors and requests summed over the series of each side, rounded to whole events');
    assert.equal(many.evidence.range, undefined, 'counts are instant queries');
    assert.deepEqual(many.evidence.comparison!.candidate.queries, ['sum(increase(app_errors_total{version="v2"}[2h]))', 'sum(increase(app_requests_total{version="v2"}[2h]))']);
  });

  it('sums the errors of every series of a side (two codes per version), and counts each series in the evidence', async () => {
    const report = await evaluateGate('split', `
      - id: split
        name: split errors
        type: compare
        errors: increase(app_split_errors_total{version="\${side}"}[\${window}])
        requests: sum(increase(app_requests_total{version="\${side}"}[\${window}]))
        allowed: 0.5`);
    const c = check(report, 'split', 'split');
    const j = c.evidence.comparison!.judgement;
    assert.ok(j.kind === 'counts');
    assert.deepEqual([j.counts!.baselineErrors, j.counts!.candidateErrors, j.counts!.baselineRequests, j.counts!.candidateRequests], [10 + 20, 100 + 200, REQUESTS, REQUESTS]);
    assert.equal(c.outcome, 'FAIL', c.message);
    assert.deepEqual([c.evidence.comparison!.baseline.series_count, c.evidence.series_count], [3, 6]);
  });

  it('a warn check fails as WARN, unless the shift is beyond its critical limit', async () => {
    const warn = check(await evaluateGate('warned', samples('latency', 'app_latency_seconds', '\n        severity: warn')), 'warned', 'latency');
    assert.deepEqual([warn.outcome, warn.counts_as, warn.evidence.comparison!.judgement.critical], ['WARN', 'WARN', false]);
    const critical = check(await evaluateGate('critical', samples('latency', 'app_latency_seconds', '\n        severity: warn\n        critical_limit: 0.12')), 'critical', 'latency');
    assert.deepEqual([critical.outcome, critical.counts_as, critical.evidence.comparison!.judgement.critical], ['FAIL', 'FAIL', true]);
  });

  it('passes 0 vs 0 errors only when negligible_rate says such a rate is harmless', async () => {
    const quiet = (extra: string) => `
      - id: quiet
        name: quiet errors
        type: compare
        errors: sum(increase(app_quiet_errors_total{version="\${side}"}[\${window}]))
        requests: sum(increase(app_requests_total{version="\${side}"}[\${window}]))
        allowed: 0.5${extra}`;
    const without = check(await evaluateGate('quiet', quiet('')), 'quiet', 'quiet');
    assert.equal(without.outcome, 'INCONCLUSIVE', without.message);
    const negligible = check(await evaluateGate('negligible', quiet('\n        negligible_rate: 0.001')), 'negligible', 'quiet');
    assert.equal(negligible.outcome, 'PASS', negligible.message);
  });

  it('NaN steps are left out by default, counted as 0 with nan: zero, and make the check NO_DATA with nan: no_data', async () => {
    const gappy = (extra: string) => samples('gappy', 'app_gappy_ratio', extra);
    const nans = written('app_gappy_ratio', 'v2').filter(Number.isNaN).length;
    assert.equal(nans, 13);
    const removed = check(await evaluateGate('removed', gappy('')), 'removed', 'gappy');
    const j = removed.evidence.comparison!.judgement;
    assert.ok(j.kind === 'samples' && j.candidate.n === 121 - nans && j.candidate.nan === nans);
    assert.match(String(removed.evidence.raw[1].value), new RegExp(`^n=${121 - nans}, median=[\\d.]+, ${nans} NaN left out$`));
    assert.equal(removed.evidence.raw[0].value, `n=121, median=${Number(median(written('app_gappy_ratio', 'v1')).toPrecision(6))}`, 'no NaN: no NaN note');
    const zero = check(await evaluateGate('zeroed', gappy('\n        nan: zero')), 'zeroed', 'gappy');
    assert.match(String(zero.evidence.raw[1].value), new RegExp(`^n=121, median=[\\d.]+, ${nans} NaN as 0$`));
    const none = check(await evaluateGate('nodata', gappy('\n        nan: no_data')), 'nodata', 'gappy');
    assert.equal(none.outcome, 'NO_DATA', none.message);
  });

  it('fewer samples than min_samples, or a side without series, is NO_DATA, counted by on_missing and must_have_data', async () => {
    const few = check(await evaluateGate('few', samples('latency', 'app_latency_seconds', '\n        min_samples: 200')), 'few', 'latency');
    assert.deepEqual([few.outcome, few.counts_as], ['NO_DATA', 'INCONCLUSIVE']);
    const absent = check(await evaluateGate('absent', samples('latency', 'app_latency_seconds', '\n        candidate: v9\n        must_have_data: true')), 'absent', 'latency');
    assert.deepEqual([absent.outcome, absent.counts_as, absent.evidence.comparison!.candidate.series_count], ['NO_DATA', 'FAIL', 0]);
    assert.deepEqual(absent.evidence.comparison!.candidate.queries, ['app_latency_seconds{version="v9"}']);
  });

  it('scores a gate: resources 3 × PASS + 1 × FAIL = 75, WARN between marginal 70 and pass 95', async () => {
    const g = (await evaluate()).gates.find((x) => x.key === 'scored')!;
    assert.equal(g.score?.score, 75);
    assert.equal(g.status, 'WARN');
    assert.deepEqual(g.checks.map((c) => [c.outcome, c.counts_as]), [['PASS', 'WARN'], ['FAIL', 'WARN']]);
    assert.deepEqual(g.checks.map((c) => [c.evidence.comparison!.group, c.evidence.comparison!.weight]), [['resources', 3], ['resources', 1]]);
  });

  it('the report agrees with itself as the checklist and verify check it: compare outcomes from the judge, scored counts from the score', async () => {
    const report = await evaluate();
    assert.deepEqual(reportProblems(report), []);
    const edited = structuredClone(report);
    const judged = edited.gates.flatMap((g) => g.checks).find((c) => c.evidence.comparison?.judgement.verdict === 'FAIL')!;
    judged.outcome = 'PASS';
    judged.counts_as = 'PASS';
    assert.match(reportProblems(edited).join('\n'), new RegExp(`check ${judged.check_id}: the judge's FAIL makes it FAIL, the report says PASS`));
    const scored = structuredClone(report);
    scored.gates.find((x) => x.key === 'scored')!.checks[1].counts_as = 'PASS';
    assert.match(reportProblems(scored).join('\n'), /check \w+: a FAIL counts as WARN, the report says PASS/);
  });

  it('decides like any other check: BLOCKED by the NO-GO failures, exit 1, evidence in Markdown and JUnit', async () => {
    const report = await evaluate();
    assert.equal(report.decision_code, 'BLOCKED');
    const md = renderMarkdown(report);
    assert.match(md, /Mann–Whitney: W = \d+, p/);
    assert.match(md, /Hodges–Lehmann shift/);
    const junit = renderJunit(report);
    assert.match(junit, /<failure type="FAIL" message="app latency seconds: candidate app latency seconds is/);
    const io = captureIO(dir);
    const code = await runCli(
      ['gates', '--gates', 'gates.yaml', '--prometheus-url', prom.url, '--at', String(END), '--window-hours', String(HOURS), '--var', 'baseline=v1', '--var', 'candidate=v2', '--quiet'],
      io,
      AbortSignal.timeout(30_000),
    );
    assert.equal(code, 1, io.err);
    assert.equal((JSON.parse(io.out) as GateReport).decision_code, 'BLOCKED');
  });

  it('names the missing side variable as an input error (exit 2) instead of querying anything', async () => {
    const io = captureIO(dir);
    const code = await runCli(['gates', '--gates', 'gates.yaml', '--prometheus-url', prom.url, '--quiet'], io, AbortSignal.timeout(30_000));
    assert.equal(code, 2);
    assert.match(io.err, /no value for \$\{baseline\} \(pass --var baseline=…\)/);
  });

  describe('a side that cannot be judged: NO_DATA or ERROR naming the side, never a verdict', () => {
    const countsCheck = (errors: string, requests = 'sum(increase(app_requests_total{version="${side}"}[${window}]))', extra = '') => `
      - id: c
        name: counted
        type: compare
        errors: ${errors}
        requests: ${requests}
        allowed: 0.5${extra}`;
    const errorsOf = (metric: string, wrap = (q: string) => q) => wrap(`sum(increase(${metric}{version="\${side}"}[\${window}]))`);

    it('a query the server rejects is ERROR with its message, counted by on_error; the baseline is named first when both fail', async () => {
      // An unclosed brace: both sides' queries are rejected.
      const unclosed = (extra = '') => samples('latency', 'app_latency_seconds', extra).replace('{version="${side}"}', '{version="${side}"');
      const c = check(await evaluateGate('rejected', unclosed()), 'rejected', 'latency');
      assert.deepEqual([c.outcome, c.counts_as, c.value], ['ERROR', 'FAIL', null]);
      assert.match(c.message, /^app latency seconds: error for the baseline \(.*parse error.*\)$/);
      assert.equal(c.message, `app latency seconds: error for the baseline (${c.evidence.error})`);
      assert.equal(c.evidence.cause, undefined, 'the query is at fault, not the server');
      assert.equal(c.evidence.series_count, 0);
      assert.equal(c.evidence.comparison, undefined);
      assert.deepEqual(c.evidence.range, { start: new Date((END - HOURS * 3600) * 1000).toISOString(), end: new Date(END * 1000).toISOString(), step_seconds: STEP });
      const lenient = check(await evaluateGate('lenient', unclosed('\n        on_error: inconclusive')), 'lenient', 'latency');
      assert.deepEqual([lenient.outcome, lenient.counts_as], ['ERROR', 'INCONCLUSIVE']);
    });

    it('only the candidate failing names the candidate, and the baseline\'s series still count', async () => {
      // The candidate's value breaks its query: app_latency_seconds{version="v2""}.
      const c = check(await evaluateGate('broken', samples('latency', 'app_latency_seconds', `\n        candidate: 'v2"'`)), 'broken', 'latency');
      assert.equal(c.outcome, 'ERROR');
      assert.match(c.message, /^app latency seconds: error for the candidate \(/);
      assert.equal(c.evidence.series_count, 1);
    });

    it('a counts side whose errors query has no series is NO_DATA with the hint, its series counted', async () => {
      const c = check(await evaluateGate('v1only', countsCheck(errorsOf('app_v1only_errors_total'))), 'v1only', 'c');
      assert.deepEqual([c.outcome, c.counts_as, c.value], ['NO_DATA', 'INCONCLUSIVE', null]);
      assert.equal(c.message, 'counted: no data for the candidate (the errors query returned no series for v2 (add "or vector(0)" if none means 0))');
      assert.equal(c.evidence.error, undefined, 'no data is not an error');
      assert.equal(c.evidence.series_count, 2 + 1, 'baseline: errors and requests; candidate: requests only');
      assert.equal(c.evidence.range, undefined);
    });

    it('a requests query without series names the requests; must_have_data counts it as FAIL', async () => {
      const c = check(await evaluateGate('norequests', countsCheck(errorsOf('app_errors_total'), 'sum(increase(app_requests_total{version="${side}", code="none"}[${window}]))', '\n        must_have_data: true')), 'norequests', 'c');
      assert.deepEqual([c.outcome, c.counts_as], ['NO_DATA', 'FAIL']);
      assert.equal(c.message, 'counted: no data for the baseline (the requests query returned no series for v1 (add "or vector(0)" if none means 0))');
    });

    it('a NaN count is NO_DATA naming which count, never 0', async () => {
      const nanErrors = check(await evaluateGate('nanerrors', countsCheck(errorsOf('app_errors_total', (q) => `${q} * NaN`))), 'nanerrors', 'c');
      assert.deepEqual([nanErrors.outcome, nanErrors.message], ['NO_DATA', 'counted: no data for the baseline (the errors count for v1 is NaN)']);
      const nanRequests = check(await evaluateGate('nanrequests', countsCheck(errorsOf('app_errors_total'), 'sum(increase(app_requests_total{version="${side}"}[${window}])) * NaN')), 'nanrequests', 'c');
      assert.deepEqual([nanRequests.outcome, nanRequests.message], ['NO_DATA', 'counted: no data for the baseline (the requests count for v1 is NaN)']);
    });

    it('an answer of the wrong type (a scalar for the errors, or for the requests) is ERROR, not a count', async () => {
      const scalarErrors = check(await evaluateGate('scalarerrors', countsCheck(errorsOf('app_errors_total', (q) => `scalar(${q})`))), 'scalarerrors', 'c');
      assert.equal(scalarErrors.outcome, 'ERROR');
      assert.match(scalarErrors.message, /^counted: error for the baseline \(expected .*vector.*scalar/);
      const scalarRequests = check(await evaluateGate('scalarrequests', countsCheck(errorsOf('app_errors_total'), 'scalar(sum(increase(app_requests_total{version="${side}"}[${window}])))')), 'scalarrequests', 'c');
      assert.equal(scalarRequests.outcome, 'ERROR');
      assert.match(scalarRequests.evidence.error!, /scalar/);
    });

    it('a server that cannot be reached is ERROR with its cause on both kinds of compare check', async () => {
      const closed = `http://127.0.0.1:${await freePort()}`;
      const report = await evaluate('gates.yaml', closed);
      for (const [g, id] of [['shift', 'latency'], ['errors', 'errors']]) {
        const c = check(report, g, id);
        assert.deepEqual([c.outcome, c.evidence.cause], ['ERROR', 'unreachable'], `${g}/${id}: ${c.message}`);
        assert.match(c.message, /error for the baseline/);
      }
      assert.equal(report.decision_code, 'ERROR');
    });

    it('a gates file of compare checks alone is pre-flighted too: a proxy refusing the token is an outage (auth), not a release failure', async () => {
      const auth = await startVmauth({ 'token-a': prom.url });
      try {
        const run = (bearerToken: string) =>
          evaluateGates({ gatesFile: path.join(dir, 'gates.yaml'), prometheus: { url: auth.url, bearerToken }, cwd: dir, windowHours: HOURS, at: new Date(END * 1000), variables: VARS }, AbortSignal.timeout(60_000));
        assert.equal((await run('token-a')).decision_code, 'BLOCKED', 'the right token reaches the data');
        const refused = await run('token-unknown');
        assert.equal(refused.decision_code, 'ERROR');
        for (const c of refused.gates.flatMap((g) => g.checks)) assert.deepEqual([c.outcome, c.evidence.cause], ['ERROR', 'auth'], c.message);
      } finally {
        await auth.stop();
      }
    });
  });
});

describe('a compare check without a Prometheus URL (runCompare on its own)', () => {
  it('is ERROR saying so, never a verdict', async () => {
    const def = compareCheck.parse({ id: 'x', name: 'X', type: 'compare', query: 'q{v="${side}"}', allowed: 0.1 });
    const c = await runCompare(
      { def, allowed: 0.1, sides: { baseline: 'v1', candidate: 'v2' }, queries: { baseline: ['q{v="v1"}'], candidate: ['q{v="v2"}'] } },
      { promSource: 'none', at: new Date(END * 1000), windowSeconds: 3600, window: '1h', stepSeconds: 60, vars: {}, cwd: os.tmpdir(), files: { roots: [], allowOutside: false }, secrets: [], signal: AbortSignal.timeout(5_000) },
    );
    assert.deepEqual([c.outcome, c.counts_as, c.value, c.message, c.evidence.error], ['ERROR', 'FAIL', null, 'X: no Prometheus URL configured', 'no Prometheus URL configured']);
    assert.deepEqual([c.evidence.query, c.evidence.threshold, c.evidence.raw], ['q{v="v2"}', 0.1, []]);
  });
});
