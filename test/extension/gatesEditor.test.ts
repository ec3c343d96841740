// Gates files as a language in the real VS Code host: PromQL diagnostics at the characters that
// cause them, completion with the metric names of a REAL Prometheus, and hover on functions.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { packageRoot } from '../../src/core/util/packageRoot';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../support/prometheus';
import { activateAurora, waitFor, workspaceRoot } from './util';

const GATES = (query: string) => `# yaml-language-server: $schema=../configs/schemas/gates.schema.json
schema_version: 1
gates:
  - key: g
    id: 1
    name: G
    fail_action: NO-GO
    remediation: fix it
    checks:
      - id: c1
        name: C1
        type: promql
        query: >-
          ${query}
        comparator: "<="
        threshold: 1
`;

describe('gates files in the editor (real host)', function () {
  this.timeout(60_000);
  let prom: RunningServer;
  let dir: string;
  let n = 0;
  const config = () => vscode.workspace.getConfiguration('auroraGa');

  before(async () => {
    await activateAurora();
    const end = Math.floor(Date.now() / 60_000) * 60;
    const samples = (v: number) => Array.from({ length: 30 }, (_, i) => [end - (29 - i) * 60, v] as [number, number]);
    prom = await startPrometheus({
      openMetrics: renderOpenMetrics([
        { name: 'aurora_editor_latency_seconds', type: 'gauge', help: 'Latency seen by the editor test.', series: [{ labels: { version: 'v1' }, samples: samples(0.2) }] },
        { name: 'aurora_editor_errors_total', type: 'counter', help: 'Errors seen by the editor test.', series: [{ labels: { version: 'v1' }, samples: samples(3) }] },
      ]),
    });
    await config().update('prometheus.url', prom.url, vscode.ConfigurationTarget.Workspace);
    dir = path.join(workspaceRoot(), 'gates-editor');
    fs.mkdirSync(dir, { recursive: true });
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('prometheus.url', undefined, vscode.ConfigurationTarget.Workspace);
    await prom?.stop();
  });

  // A file of its own per test: an edited document is never overwritten under the editor.
  const open = async (text: string) => {
    const file = path.join(dir, `g${++n}.yaml`);
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    return doc;
  };
  const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Aurora gates');

  it('shows a diagnostic on the unclosed parenthesis of a query, and clears it when fixed', async () => {
    const doc = await open(GATES('sum(rate(aurora_editor_errors_total[5m])'));
    const [d] = await waitFor('a gates diagnostic', () => ours(doc.uri)[0] && ours(doc.uri));
    const text = doc.getText();
    assert.equal(doc.offsetAt(d.range.start), text.indexOf('sum(') + 3);
    assert.equal(doc.getText(d.range), '(');
    assert.match(d.message, /never closed/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    const editor = vscode.window.activeTextEditor!;
    await editor.edit((e) => e.insert(doc.positionAt(text.indexOf('[5m])') + 5), ')'));
    await waitFor('the diagnostic to clear', () => ours(doc.uri).length === 0);
  });

  it('marks the range of abs(x)[48h] and an unknown function with a suggestion', async () => {
    const doc = await open(GATES('max_over_time(abs(aurora_editor_latency_seconds)[48h]) + qauntile_over_time(0.5, x[1h])'));
    const diags = await waitFor('two diagnostics', () => (ours(doc.uri).length === 2 ? ours(doc.uri) : undefined));
    const texts = diags.map((d) => doc.getText(d.range)).sort();
    assert.deepEqual(texts, ['[48h]', 'qauntile_over_time']);
    assert.ok(diags.some((d) => /did you mean 'quantile_over_time'/.test(d.message)));
  });

  it('completes metric names from the configured Prometheus and PromQL functions with signatures', async () => {
    const doc = await open(GATES('sum(aurora_editor'));
    const at = doc.positionAt(doc.getText().indexOf('aurora_editor') + 'aurora_editor'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('aurora_editor_latency_seconds'), 'a metric the server has');
    assert.ok(labels.includes('aurora_editor_errors_total'));
    const q = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'quantile_over_time');
    assert.ok(q, 'functions are offered');
    assert.equal(typeof q.label === 'string' ? undefined : q.label.detail, '(φ scalar, v range-vector)');
  });

  it('completes label values from the server inside a matcher', async () => {
    const doc = await open(GATES('aurora_editor_latency_seconds{version="'));
    const at = doc.positionAt(doc.getText().indexOf('version="') + 'version="'.length);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('v1'), JSON.stringify(labels.slice(0, 20)));
  });

  it('hovers a function with its signature, and a metric with what the server has of it now', async () => {
    const doc = await open(GATES('rate(aurora_editor_errors_total[5m])'));
    const fnAt = doc.positionAt(doc.getText().indexOf('rate(') + 1);
    const fnHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, fnAt);
    const fnText = fnHover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(fnText, /rate\(v range-vector\) → instant vector/);
    const mAt = doc.positionAt(doc.getText().indexOf('aurora_editor_errors_total') + 3);
    const mHover = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, mAt);
    const mText = mHover.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : (c as vscode.MarkdownString).value))).join('\n');
    assert.match(mText, /\*\*aurora_editor_errors_total\*\*/);
    // Backfilled series carry no metadata in Prometheus (only scraped targets do): the hover says so.
    assert.match(mText, /no metadata/);
    assert.match(mText, /Now: 1 series; \{version="v1"\} = 3/);
  });
});

describe('gates files in the editor: Run and Explain on a real Prometheus (real host)', function () {
  this.timeout(90_000);
  let prom: RunningServer;
  const config = () => vscode.workspace.getConfiguration('auroraGa');

  before(async () => {
    await activateAurora();
    const end = Math.floor(Date.now() / 60_000) * 60;
    const samples = (v: number) => Array.from({ length: 30 }, (_, i) => [end - (29 - i) * 60, v] as [number, number]);
    prom = await startPrometheus({
      openMetrics: renderOpenMetrics([
        { name: 'aurora_run_latency_seconds', type: 'gauge', series: [{ labels: { version: 'v1' }, samples: samples(0.25) }, { labels: { version: 'v2' }, samples: samples(0.5) }] },
      ]),
    });
    await config().update('prometheus.url', prom.url, vscode.ConfigurationTarget.Workspace);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await config().update('prometheus.url', undefined, vscode.ConfigurationTarget.Workspace);
    await prom?.stop();
  });

  const write = async (name: string, query: string) => {
    const file = path.join(workspaceRoot(), 'gates-editor', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, GATES(query).replace('threshold: 1', 'threshold: 0.3'));
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    return doc;
  };

  it('offers Run and Explain on a check; Run’s result is the one aurora-ga gates gives for the same check, and shows in the lens', async () => {
    const doc = await write('run.yaml', 'max(aurora_run_latency_seconds)');
    const lenses = await waitFor('the check lenses', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l.filter((x) => x.command?.command.startsWith('aurora.')).length >= 2 ? l : undefined;
    });
    const run = lenses.find((l) => l.command?.command === 'aurora.runGateCheck');
    assert.ok(run?.command);
    assert.ok(lenses.some((l) => l.command?.command === 'aurora.explainGateCheck'));
    const result = await vscode.commands.executeCommand<{ outcome: string; value: number; message: string } | undefined>(run.command.command, ...(run.command.arguments ?? []));
    assert.ok(result, 'Run returns the check result');
    // The same check through the CLI, the same engine from the outside.
    const cli = spawnSync(process.execPath, [path.join(packageRoot(), 'dist/cli.js'), 'gates', '--prometheus-url', prom.url, '--gates', doc.uri.fsPath, '--format', 'json', '--no-save', '--quiet'], { cwd: workspaceRoot(), encoding: 'utf8' });
    const report = JSON.parse(cli.stdout) as { gates: { checks: { outcome: string; value: number }[] }[] };
    assert.deepEqual([result.outcome, result.value], [report.gates[0].checks[0].outcome, report.gates[0].checks[0].value]);
    assert.deepEqual([result.outcome, result.value], ['FAIL', 0.5]);
    const after = await waitFor('the lens to show the result', async () => {
      const l = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
      return l.find((x) => x.command?.command === 'aurora.runGateCheck' && /FAIL/.test(x.command.title));
    });
    assert.match(after.command!.title, /0\.5 \(required <= 0\.3\): FAIL/);
  });

  it('Explain names the typo’d label matcher and marks it in the editor', async () => {
    const doc = await write('explain.yaml', 'max(aurora_run_latency_seconds{version="v3"})');
    const message = await vscode.commands.executeCommand<string | undefined>('aurora.explainGateCheck', doc.uri, 0, 0);
    assert.match(message ?? '', /the matcher version="v3" matches none of the 2 series of aurora_run_latency_seconds: version has "v1", "v2"/);
    const d = await waitFor('the explain diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((x) => x.source === 'Aurora explain'));
    assert.equal(doc.getText(d.range), 'version="v3"');
  });
});
