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
import { renderOpenMetrics, startPrometheus, type Family, type RunningServer } from '../../support/prometheus';
import { normals, seeded } from '../../support/seeded';
import { captureIO } from '../../unit/gates/cliIO';
import { reportProblems } from '../../../src/core/attest/consistency';

const STEP = 60;
const END = Math.floor(Date.now() / 60_000) * 60;
const HOURS = 2;

function history(): Family[] {
  const z = normals(seeded(16));
  const times = Array.from({ length: (HOURS * 3600) / STEP + 1 }, (_, i) => END - HOURS * 3600 + i * STEP);
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const gauge = (name: string, fn: (version: string) => number): Family => ({
    name,
    type: 'gauge',
    series: ['v1', 'v2'].map((version) => ({ labels: { version }, samples: times.map((t) => [t, r4(fn(version))] as [number, number]) })),
  });
  // Counters: `errors` spread evenly over the window, requests 100 per step.
  const counter = (name: string, perVersion: Record<string, number>): Family => ({
    name,
    type: 'counter',
    series: Object.entries(perVersion).map(([version, total]) => ({ labels: { version }, samples: times.map((t, i) => [t, Math.floor((total * i) / (times.length - 1))] as [number, number]) })),
  });
  const requests = 100 * (times.length - 1);
  return [
    gauge('app_latency_seconds', (v) => (v === 'v2' ? 0.24 : 0.2) * (1 + 0.05 * z())),
    gauge('app_cpu_ratio', () => 0.5 * (1 + 0.05 * z())),
    gauge('app_queue_depth', (v) => 40 * (1 + (v === 'v2' ? 0.3 : 0.1) * z())),
    counter('app_requests_total', { v1: requests, v2: requests }),
    counter('app_sparse_errors_total', { v1: 0, v2: 3 }),
    counter('app_errors_total', { v1: 0, v2: 300 }),
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

describe('compare checks against a real Prometheus (baseline v1 vs candidate v2)', function () {
  this.timeout(90_000);
  let prom: RunningServer;
  let dir: string;
  let report: GateReport;
  const check = (gateKey: string, id: string): CheckResult => {
    const c = report.gates.find((g) => g.key === gateKey)?.checks.find((x) => x.check_id === id);
    assert.ok(c, `${gateKey}/${id}`);
    return c;
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-compare-'));
    fs.writeFileSync(path.join(dir, 'gates.yaml'), GATES);
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(history()) });
    report = await evaluateGates(
      { gatesFile: path.join(dir, 'gates.yaml'), prometheus: { url: prom.url }, cwd: dir, windowHours: HOURS, at: new Date(END * 1000), variables: { baseline: 'v1', candidate: 'v2' } },
      AbortSignal.timeout(60_000),
    );
  });

  after(async () => {
    await prom?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('fails a 20 % latency shift, with the interval and the rule in words', () => {
    const c = check('shift', 'latency');
    assert.equal(c.outcome, 'FAIL');
    const cmp = c.evidence.comparison!;
    assert.equal(cmp.judgement.rule, 'beyond_allowed');
    assert.ok(cmp.judgement.kind === 'samples' && cmp.judgement.candidate.n === 121 && cmp.judgement.baseline.n === 121, 'one sample per step per side');
    assert.ok(c.value! > 0.15 && c.value! < 0.25, `relative shift ${c.value}`);
    assert.match(cmp.summary, /is \d+(\.\d+)?% higher, 98% CI \[\d+(\.\d+)?%, \d+(\.\d+)?%\], above the allowed 10%/);
    assert.deepEqual([cmp.baseline.value, cmp.candidate.value], ['v1', 'v2']);
    assert.equal(cmp.candidate.queries[0], 'app_latency_seconds{version="v2"}');
  });

  it('passes the same distribution on both sides', () => {
    const c = check('no_shift', 'cpu');
    assert.equal(c.outcome, 'PASS', c.message);
    assert.equal(c.evidence.comparison!.judgement.rule, 'within_allowed');
  });

  it('fails a tripled spread although the median is unchanged', () => {
    const c = check('spread', 'queue');
    assert.equal(c.outcome, 'FAIL', c.message);
    const j = c.evidence.comparison!.judgement;
    assert.equal(j.rule, 'spread_increase');
    assert.ok(j.kind === 'samples' && Math.abs(j.effect!.estimate) < 0.1, 'the location alone is within the allowed shift');
  });

  it('calls 0 vs 3 errors in ~12,000 requests INCONCLUSIVE and 0 vs 300 a failure', () => {
    const sparse = check('sparse', 'sparse_errors');
    assert.equal(sparse.outcome, 'INCONCLUSIVE', sparse.message);
    assert.equal(sparse.counts_as, 'INCONCLUSIVE');
    const j = sparse.evidence.comparison!.judgement;
    assert.ok(j.kind === 'counts' && j.counts!.candidateErrors === 3 && j.counts!.baselineErrors === 0);
    const many = check('errors', 'errors');
    assert.equal(many.outcome, 'FAIL', many.message);
    assert.match(many.message, /above the allowed 1\.5×/);
  });

  it('scores a gate: resources 3 × PASS + 1 × FAIL = 75, WARN between marginal 70 and pass 95', () => {
    const g = report.gates.find((x) => x.key === 'scored')!;
    assert.equal(g.score?.score, 75);
    assert.equal(g.status, 'WARN');
    assert.deepEqual(g.checks.map((c) => [c.outcome, c.counts_as]), [['PASS', 'WARN'], ['FAIL', 'WARN']]);
  });

  it('the report agrees with itself as the checklist and verify check it: compare outcomes from the judge, scored counts from the score', () => {
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
});
