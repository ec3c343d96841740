import assert from 'node:assert/strict';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import { renderJson } from '../../../src/core/gates/render/json';
import { renderJunit } from '../../../src/core/gates/render/junit';
import { mdCell, renderMarkdown } from '../../../src/core/gates/render/markdown';
import { renderGateMetrics } from '../../../src/core/gates/render/metrics';
import type { GateReport } from '../../../src/core/verdict/types';

describe('gates: report formats (from the bundled demo recording)', () => {
  // Evaluated in each test, not in a hook: mutation testing attributes what runs to the test that ran it.
  const demoReport = (): Promise<GateReport> => evaluateGates({ data: { mode: 'demo' } }, AbortSignal.timeout(10_000));

  it('the demo is the interesting report: some gates pass, one warns, one fails', async () => {
    const demo = await demoReport();
    const counts = demo.gates.reduce<Record<string, number>>((n, g) => ({ ...n, [g.status]: (n[g.status] ?? 0) + 1 }), {});
    assert.deepEqual(counts, { PASS: 3, WARN: 1, FAIL: 1 });
    assert.equal(demo.decision_code, 'BLOCKED');
    assert.equal(demo.exit_code, 1);
    for (const g of demo.gates) for (const c of g.checks) assert.notEqual(c.outcome, 'ERROR', `${g.key}/${c.check_id}: ${c.evidence.error}`);
  });

  it('JSON keeps the original keys first and in order, then the additions', async () => {
    const demo = await demoReport();
    const json = JSON.parse(renderJson(demo));
    assert.deepEqual(Object.keys(json).slice(0, 8), ['timestamp', 'window_hours', 'overall_status', 'ga_status', 'gates', 'decision', 'next_steps', 'schema_version']);
    assert.deepEqual(Object.keys(json.gates[0]).slice(0, 8), ['gate_id', 'gate_name', 'status', 'value', 'threshold', 'condition', 'message', 'fail_action']);
    for (const k of ['data_mode', 'decision_code', 'evaluated_at', 'promotable', 'exit_code']) assert.ok(k in json, k);
    assert.ok(json.gates.every((g: { checks: { evidence: object }[] }) => g.checks.every((c) => 'evidence' in c)));
  });

  it('next_steps name each failing gate, its remediation, and that demo data cannot promote', async () => {
    const demo = await demoReport();
    assert.match(demo.next_steps[0], /Data mode 'demo': this report cannot be used to promote/);
    assert.ok(demo.next_steps.some((s) => /^- Gate 2: /.test(s)));
    assert.ok(demo.next_steps.some((s) => /^ {2}Remediation: .*retraining/.test(s)));
    assert.equal(demo.next_steps.at(-1), 'Re-run GA gates evaluation');
    const md = renderMarkdown(demo);
    assert.match(md, /\n1\. Data mode 'demo'/);
    assert.match(md, /\n {3}- Gate 2: /);
  });

  it('JUnit: a suite per gate, a case per check; FAIL is a failure, WARN passes with a note', async () => {
    const demo = await demoReport();
    const xml = renderJunit(demo);
    const checks = demo.gates.flatMap((g) => g.checks);
    assert.equal((xml.match(/<testcase /g) ?? []).length, checks.length);
    assert.equal((xml.match(/<testsuite /g) ?? []).length, 5);
    assert.equal((xml.match(/<failure /g) ?? []).length, checks.filter((c) => c.counts_as === 'FAIL').length);
    assert.match(xml, /<system-out>WARN \(counts as WARN\): p95 of \|Δλ\|/);
    assert.doesNotMatch(xml.replace(/&(amp|lt|gt|quot);/g, ''), /&/);
  });

  it('metrics use the agreed names and labels, and the decision value is the exit code', async () => {
    const demo = await demoReport();
    const text = renderGateMetrics(demo);
    assert.match(text, /^aurora_ga_gate_status\{gate="dcts"\} 3$/m);
    assert.match(text, /^aurora_ga_gate_status\{gate="dro"\} 1$/m);
    // Every measured check is one gate_value sample whose value reads back as exactly the report's
    // value; checks without data have none.
    const samples = new Map([...text.matchAll(/^aurora_ga_gate_value\{gate="([^"]+)",check="([^"]+)"\} (\S+)$/gm)].map((m) => [`${m[1]}/${m[2]}`, Number(m[3])]));
    const measured = demo.gates.flatMap((g) => g.checks.filter((c) => c.value !== null).map((c) => [`${g.key}/${c.check_id}`, c.value as number] as const));
    assert.deepEqual([...samples].sort(), [...measured].sort());
    assert.ok(samples.has('dro/lambda_step_p95'), 'the warning check is exported');
    // Status values as README documents them (0 PASS, 1 WARN, 2 INCONCLUSIVE, 3 FAIL), for every gate.
    const documented: Record<string, number> = { PASS: 0, WARN: 1, INCONCLUSIVE: 2, FAIL: 3 };
    for (const g of demo.gates) assert.match(text, new RegExp(`^aurora_ga_gate_status\\{gate="${g.key}"\\} ${documented[g.status]}$`, 'm'));
    assert.match(text, /^aurora_ga_decision\{data_mode="demo"\} 1$/m);
    assert.match(text, new RegExp(`^aurora_ga_evaluation_timestamp_seconds ${Date.parse(demo.timestamp) / 1000}$`, 'm'));
  });

  it('Markdown cells escape pipes and flatten newlines', () => {
    assert.equal(mdCell('|a|\nb'), '\\|a\\| b');
  });
});
