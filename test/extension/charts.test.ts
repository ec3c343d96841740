// Gate charts in the real VS Code host: a REAL Prometheus (backfilled with an hour and more of one
// series, some samples above the threshold, one NaN), a gates file in the editor, its Chart lens; the
// webview reports what it drew, checked against the same range query asked directly.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { GateReport } from '../../src/core/verdict/types';
import type { ChartsApi } from '../../src/providers/charts/register';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../support/prometheus';
import { activateAurora, waitFor, workspaceRoot } from './util';

const HEAD = `schema_version: 1
gates:
  - key: latency
    id: 1
    name: Latency
    fail_action: NO-GO
    remediation: fix it
    checks:
`;

const THRESHOLD_CHECK = `      - id: ratio
        name: Error ratio
        type: promql
        query: aurora_chart_ratio
        comparator: "<="
        threshold: 0.3
`;

const COMPARE_CHECK = `      - id: p95
        name: p95 latency
        type: compare
        query: aurora_chart_latency_seconds{version="\${side}"}
        baseline: v1
        candidate: v2
        allowed: 0.1
`;

describe('gate charts in the real host', function () {
  this.timeout(90_000);
  let prom: RunningServer;
  let charts: ChartsApi;
  const config = () => vscode.workspace.getConfiguration('auroraGa');

  before(async () => {
    charts = (await activateAurora()).charts;
    const end = Math.floor(Date.now() / 60_000) * 60;
    // Two hours at 1 m: every point of a 1 h window ending now has a sample (within the 5 m lookback).
    const minutes = Array.from({ length: 121 }, (_, i) => end - (120 - i) * 60);
    prom = await startPrometheus({
      openMetrics: renderOpenMetrics([
        { name: 'aurora_chart_ratio', series: [{ samples: minutes.map((t, i) => [t, i === 100 ? NaN : i % 3 ? 0.2 : 0.5] as [number, number]) }] },
        {
          name: 'aurora_chart_latency_seconds',
          series: [
            { labels: { version: 'v1' }, samples: minutes.map((t) => [t, 0.1] as [number, number]) },
            { labels: { version: 'v2' }, samples: minutes.map((t, i) => [t, i % 2 ? 0.1 : 0.2] as [number, number]) },
          ],
        },
      ]),
    });
    await config().update('prometheus.url', prom.url, vscode.ConfigurationTarget.Workspace);
    await config().update('gates.windowHours', 1, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('prometheus.url', undefined, vscode.ConfigurationTarget.Workspace);
    await config().update('gates.windowHours', undefined, vscode.ConfigurationTarget.Workspace);
    await prom?.stop();
  });

  const open = async (name: string, checks: string) => {
    const file = path.join(workspaceRoot(), 'gates-charts', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, HEAD + checks);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    return doc;
  };

  /** Runs the document's Chart lens and waits for the webview to report drawing the loaded set. */
  const chartOf = async (doc: vscode.TextDocument) => {
    const lens = await waitFor('the Chart lens', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l.find((x) => x.command?.command === 'aurora.showGateChart');
    });
    await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
    const state = charts.current;
    assert.ok(state?.set, `the chart loaded (${state?.error ?? 'no error'})`);
    const rendered = await waitFor('the webview to report the chart drawn', () => charts.current?.rendered, 30_000);
    return { state, rendered };
  };

  it('opens a check’s chart from its Chart lens: the canvas holds every point of the window, the threshold, the points beyond it and the NaN', async () => {
    const doc = await open('threshold.yaml', THRESHOLD_CHECK);
    const { state, rendered } = await chartOf(doc);
    const set = state.set!;
    assert.equal(set.window, '1h');
    // The same range query, asked directly over the window the chart used.
    const at = Date.parse(set.at) / 1000;
    const params = new URLSearchParams({ query: 'aurora_chart_ratio', start: String(at - 3600), end: String(at), step: String(set.stepSeconds) });
    const body = (await (await fetch(`${prom.url}/api/v1/query_range?${params}`)).json()) as { data: { result: { values: [number, string][] }[] } };
    const values = body.data.result[0].values.map(([, v]) => v);
    assert.equal(values.length, 61, 'a 1 h window at 1 m');
    const beyond = values.filter((v) => v !== 'NaN' && Number(v) > 0.3).length;
    assert.ok(beyond > 0 && values.includes('NaN'), 'the window holds points beyond the line and a NaN');
    assert.deepEqual(rendered.charts, [{ checkId: 'ratio', canvas: true, series: 1, points: 61, beyond, nonFinite: 1, lines: [0.3] }]);
  });

  it('links the chart to the Prometheus graph of the same query over the same window, resolved for this window (asExternalUri)', async () => {
    const set = charts.current!.set!;
    const raw = new URL(set.charts[0].link!);
    assert.equal(raw.origin, prom.url);
    const link = new URL(charts.current!.links[0]!);
    assert.match(link.pathname, /\/graph$/);
    assert.equal(link.searchParams.get('g0.expr'), 'aurora_chart_ratio');
    assert.equal(link.searchParams.get('g0.tab'), '0');
    assert.equal(link.searchParams.get('g0.range_input'), '1h');
    assert.equal(link.searchParams.get('g0.end_input'), set.at.slice(0, 19).replace('T', ' '));
  });

  it('shows both sides of a comparison, with the baseline median and the allowed shift', async () => {
    const doc = await open('compare.yaml', COMPARE_CHECK);
    const { state, rendered } = await chartOf(doc);
    const [c] = state.set!.charts;
    assert.deepEqual(c.series.map((s) => s.name), ['baseline v1 aurora_chart_latency_seconds{version="v1"}', 'candidate v2 aurora_chart_latency_seconds{version="v2"}']);
    assert.deepEqual(c.lines.map((l) => [l.kind, Number(l.value.toFixed(6))]), [['reference', 0.1], ['limit', 0.11]]);
    const [r] = rendered.charts;
    assert.equal(r.canvas, true);
    assert.equal(r.series, 2);
    assert.equal(r.points, 122);
    assert.equal(r.beyond, c.series[1].values.filter((v) => v !== null && v > 0.11).length);
    assert.ok(r.beyond > 0);
    const link = new URL(charts.current!.links[0]!);
    assert.deepEqual([link.searchParams.get('g0.expr'), link.searchParams.get('g1.expr')], ['aurora_chart_latency_seconds{version="v1"}', 'aurora_chart_latency_seconds{version="v2"}']);
  });

  it('ignores a webview message that does not follow the contract', async () => {
    const before = charts.current!.rendered;
    await charts.receive({ type: 'rendered', charts: [{ checkId: 'p95', canvas: 'yes' }] });
    await charts.receive({ type: 'openInPrometheus', chart: -1 });
    assert.equal(charts.current!.rendered, before);
  });

  it('charts a gate of the Gates view over the window of the report it shows, and the checklist shows its failing check’s chart', async () => {
    const root = workspaceRoot();
    const historyDir = path.join(root, 'artifacts/history/gates');
    const keptBefore = new Set(fs.existsSync(historyDir) ? fs.readdirSync(historyDir) : []);
    await open('evaluated.yaml', THRESHOLD_CHECK);
    await config().update('gates.file', 'gates-charts/evaluated.yaml', vscode.ConfigurationTarget.Workspace);
    try {
      const api = await activateAurora();
      const report = await vscode.commands.executeCommand<GateReport | undefined>('aurora.evaluateGates');
      assert.equal(report?.gates[0].checks[0].outcome, 'FAIL', 'the last sample, 0.5, is above 0.3');
      const gate = api.gates.model!.gates.find((g) => g.key === 'latency')!;
      await vscode.commands.executeCommand('aurora.showGateChart', gate);
      assert.equal(charts.current?.set?.at, report.evaluated_at, 'the window the report’s evaluation used');
      const fromView = await waitFor('the Gates view chart drawn', () => charts.current?.rendered, 30_000);
      assert.deepEqual(fromView.charts.map((c) => [c.checkId, c.canvas, c.points, c.lines]), [['ratio', true, 61, [0.3]]]);

      await vscode.commands.executeCommand('aurora.openChecklist');
      const inChecklist = await waitFor('the checklist to draw the failing check’s chart', () => api.checklist.charts.get('latency/ratio'), 30_000);
      assert.deepEqual(inChecklist, fromView.charts[0], 'the same chart as the chart panel’s');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await config().update('gates.file', undefined, vscode.ConfigurationTarget.Workspace);
      for (const f of ['artifacts/ga/gates_report.json', 'artifacts/ga/gates_recording.json']) fs.rmSync(path.join(root, f), { force: true });
      for (const e of fs.existsSync(historyDir) ? fs.readdirSync(historyDir) : []) if (!keptBefore.has(e)) fs.rmSync(path.join(historyDir, e), { recursive: true, force: true });
    }
  });
});
