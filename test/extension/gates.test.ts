// The Gates face in the real VS Code host: a REAL Prometheus (shared harness, backfilled with the
// demo history) is started from the test, the settings point at it, "Aurora: Evaluate Gates" runs,
// and the tree's model, the status bar and the written report are checked through AuroraApi.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import { DEMO_RECORDING } from '../../src/core/gates/evaluate';
import { packageRoot } from '../../src/core/util/packageRoot';
import type { GateReport } from '../../src/core/verdict/types';
import { buildGatesModel } from '../../src/providers/gates/model';
import type { GatesApi } from '../../src/providers/gates/register';
import { GatesTreeProvider } from '../../src/providers/gates/tree';
import { freePort, renderOpenMetrics, startPrometheus, type Family, type RunningServer } from '../support/prometheus';
import { startRecordingProxy } from '../support/recordingProxy';
import { activateAurora, EXTENSION_ID, waitFor, workspaceRoot } from './util';

interface DemoHistoryModule {
  demoHistory(end: number): Family[];
}

const SETTINGS = [
  'prometheus.url', 'prometheus.headers', 'prometheus.timeoutMs', 'gates.artifactsDir', 'gates.variables', 'gates.dataMode', 'gates.profile', 'gates.replayFile',
] as const;

describe('gates view in the real host', function () {
  this.timeout(60_000);
  let gates: GatesApi;
  let prom: RunningServer;
  const config = () => vscode.workspace.getConfiguration('auroraGa');
  const set = (key: (typeof SETTINGS)[number], value: unknown) => config().update(key, value, vscode.ConfigurationTarget.Workspace);
  const evaluate = () => vscode.commands.executeCommand<GateReport | undefined>('aurora.evaluateGates');
  const node = (gate: string, check: string) => {
    const c = gates.model?.gates.find((g) => g.key === gate)?.checks.find((x) => x.checkId === check);
    assert.ok(c, `${gate}/${check} is in the tree`);
    return c;
  };

  before(async () => {
    gates = (await activateAurora()).gates;
    const end = Math.floor(Date.now() / 60_000) * 60;
    const demo = (await import(pathToFileURL(path.join(packageRoot(), 'configs/demo/history.mjs')).href)) as DemoHistoryModule;
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(demo.demoHistory(end)), ruleFiles: [path.join(packageRoot(), 'configs/monitoring/aurora_alerts.yml')] });
    // A hard trip an hour ago, inside the window: the log check must catch it.
    const hard = `${new Date((end - 3600) * 1000).toISOString()} [CI-GATING][HARD] dcts_robust divergence 0.31 profile=r2 exit=3\n`;
    fs.appendFileSync(path.join(workspaceRoot(), 'gates/logs/runtime.log'), hard);
    await set('gates.artifactsDir', 'gates/artifacts');
    await set('gates.variables', { logs: 'gates/logs' });
  });

  after(async () => {
    for (const key of SETTINGS) await set(key, undefined);
    await vscode.commands.executeCommand('aurora.setPrometheusToken', '');
    await prom?.stop();
  });

  it('evaluates against a real Prometheus: one node per gate, checks worded as measured against required, icons, evidence', async () => {
    await set('prometheus.url', prom.url);
    const report = await evaluate();
    assert.ok(report, 'the command returns the report');
    const m = gates.model;
    assert.ok(m);
    assert.equal(m.dataMode, 'live');
    assert.deepEqual(m.gates.map((g) => [g.label, g.status, g.icon.id]), [
      ['1. Stability / Hard-fail', 'FAIL', 'error'],
      ['2. DCTS Robustness', 'FAIL', 'error'],
      ['3. Coverage Control', 'PASS', 'pass'],
      ['4. Risk / DRO Health', 'WARN', 'warning'],
      ['5. Model QA / Checkpoints', 'FAIL', 'error'],
    ]);
    assert.equal(m.decisionCode, 'BLOCKED');
    assert.deepEqual(m.gates.map((g) => g.checks.length), report.gates.map((g) => g.checks.length));

    const p95 = node('dcts', 'rel_diff_p95');
    assert.match(p95.description, /^0\.2\d* — above the limit 0\.15$/);
    assert.match(p95.tooltip, /quantile_over_time/);
    assert.ok(p95.tooltip.includes(prom.url), 'the tooltip names the server');
    assert.match(p95.tooltip, /\*\*Next step:\*\*/);
    const link = new URL(p95.queryUrl!);
    assert.equal(`${link.origin}${link.pathname}`, `${prom.url}/graph`);
    const evidence = report.gates.find((g) => g.key === 'dcts')!.checks.find((c) => c.check_id === 'rel_diff_p95')!.evidence;
    assert.equal(link.searchParams.get('g0.expr'), evidence.query);
    // VS Code's own Uri must carry the link unchanged to openExternal.
    assert.equal(new URL(vscode.Uri.parse(p95.queryUrl!, true).toString(true)).searchParams.get('g0.expr'), evidence.query);

    const log = node('stability', 'hard_log_lines');
    assert.equal(log.description, '1 — not equal to 0');
    assert.equal(log.queryUrl, undefined, 'file checks have no query to open');
    assert.match(log.tooltip, /runtime\.log/);
    assert.equal(node('model_qa', 'anomalies').description, '1 — not equal to 0');
    assert.match(node('coverage', 'in_tolerance_share').description, /^(0\.9\d*|1) — meets the minimum 0\.95$/);
    assert.equal(node('dro', 'lambda_step_p95').icon.id, 'warning');

    // The first row is the decision, named by the gates that decided it, with the data mode and when.
    const rows = gates.rootItems();
    const decision = rows[0];
    assert.equal(decision.label, 'BLOCKED — Stability / Hard-fail +2');
    assert.match(String(decision.description), /^live · (just now|\d+ min ago)$/);
    const tip = (decision.tooltip as vscode.MarkdownString).value;
    assert.ok(tip.includes(`Evaluated: ${report.timestamp} (`), tip);
    assert.ok(tip.includes('Decided by: Stability / Hard\\-fail, DCTS Robustness, Model QA / Checkpoints'), tip);
    assert.deepEqual(rows.slice(1, 6).map((r) => r.label), m.gates.map((g) => g.label));

    assert.equal(gates.statusBarText, '$(error) GA: BLOCKED — Stability / Hard-fail +2');
    assert.ok(gates.statusBarTooltip.includes(`(${report.timestamp})`), gates.statusBarTooltip);
    assert.match(gates.statusBarTooltip, /Evaluated (just now|\d+ min ago) \(/);
    assert.match(gates.statusBarTooltip, /Decided by: Stability \/ Hard-fail, DCTS Robustness, Model QA \/ Checkpoints/);
    assert.equal(gates.view.description, 'live');
    assert.equal(gates.reportFile, path.join(workspaceRoot(), 'artifacts/ga/gates_report.json'));
    const written = JSON.parse(fs.readFileSync(gates.reportFile!, 'utf8')) as GateReport;
    assert.equal(written.decision_code, 'BLOCKED');
    assert.equal(written.recording?.file, 'artifacts/ga/gates_recording.json', 'a live report cites its raw answers, as the checklist requires');
    const rec = fs.readFileSync(path.join(workspaceRoot(), written.recording.file));
    assert.equal(createHash('sha256').update(rec).digest('hex'), written.recording.sha256);
    assert.deepEqual(written.gates.map((g) => g.status), report.gates.map((g) => g.status));
  });

  it('follows the report file when something else writes it (e.g. aurora-ga gates --output)', async () => {
    const file = path.join(workspaceRoot(), 'artifacts/ga/gates_report.json');
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as GateReport;
    const replayed: GateReport = { ...report, data_mode: 'replay', timestamp: new Date(Date.parse(report.timestamp) + 1000).toISOString() };
    fs.writeFileSync(file, JSON.stringify(replayed));
    await waitFor('the view to show the replayed report', () => gates.view.description?.startsWith('REPLAY') || undefined);
    assert.equal(gates.model?.dataMode, 'replay');
    assert.match(gates.view.description ?? '', /^REPLAY data — cannot promote · from artifacts\/ga\/gates_report\.json$/);
    assert.match(gates.statusBarText, /GA: BLOCKED — Stability \/ Hard-fail \+2 \[REPLAY\]$/);
    assert.ok(gates.model?.gates.every((g) => g.checks.every((c) => c.queryUrl === undefined)), 'no links for recorded data');
  });

  it('sends the token from SecretStorage as a bearer token, with the configured headers', async () => {
    const proxy = await startRecordingProxy(prom.url);
    try {
      await vscode.commands.executeCommand('aurora.setPrometheusToken', 's3cret-token');
      await set('prometheus.url', proxy.url);
      await set('prometheus.headers', { 'X-Scope-OrgID': 'team-a' });
      const report = await evaluate();
      assert.equal(report?.decision_code, 'BLOCKED', 'same data through the proxy');
      assert.ok(proxy.headers.length >= 8, `every query went through the proxy (${proxy.headers.length})`);
      for (const h of proxy.headers) {
        assert.equal(h.authorization, 'Bearer s3cret-token');
        assert.equal(h['x-scope-orgid'], 'team-a');
      }
      const settingsFile = path.join(workspaceRoot(), '.vscode/settings.json');
      assert.ok(!fs.readFileSync(settingsFile, 'utf8').includes('s3cret-token'), 'the token is never written to settings');
    } finally {
      await vscode.commands.executeCommand('aurora.setPrometheusToken', '');
      await set('prometheus.headers', undefined);
      await proxy.stop();
    }
  });

  it('a wrong URL: an error notification with Open Settings, Show Log and Retry; the last good report and view are kept', async () => {
    const file = path.join(workspaceRoot(), 'artifacts/ga/gates_report.json');
    await set('prometheus.url', prom.url);
    const good = await evaluate();
    assert.equal(good?.decision_code, 'BLOCKED');
    const kept = fs.readFileSync(file, 'utf8');
    const shown = gates.model;
    const closed = `http://127.0.0.1:${await freePort()}`;
    await set('prometheus.url', closed);
    const report = await evaluate();
    assert.equal(report?.decision_code, 'ERROR', 'the command still returns what happened');
    assert.equal(report.exit_code, 5);
    const notice = gates.lastNotice;
    assert.equal(notice?.level, 'error');
    assert.deepEqual(notice.actions, ['Open Settings', 'Show Log', 'Retry']);
    assert.ok(notice.message.includes(closed), notice.message);
    assert.doesNotMatch(notice.message, /Critical failures/);
    assert.match(notice.message, /The last report is kept/);
    assert.equal(fs.readFileSync(file, 'utf8'), kept, 'the report on disk is not overwritten');
    assert.equal(gates.model, shown, 'the view keeps the last good evaluation');
    assert.match(gates.view.message ?? '', /Last evaluation not carried out: Prometheus at http:\/\/127\.0\.0\.1:\d+ could not be reached/);
    assert.match(gates.statusBarText, /GA: BLOCKED/);
    await set('prometheus.url', prom.url);
    assert.equal((await evaluate())?.decision_code, 'BLOCKED', 'Retry with the URL fixed evaluates again');
    assert.equal(gates.view.message, undefined);
  });

  it('a URL without a scheme is refused before any request, with Open Settings', async () => {
    await set('prometheus.url', '127.0.0.1:9090');
    assert.equal(await evaluate(), undefined);
    assert.equal(gates.lastNotice?.level, 'warning');
    assert.match(gates.lastNotice.message, /auroraGa\.prometheus\.url: '127\.0\.0\.1:9090' is not a URL: write it with its scheme/);
    assert.ok(gates.lastNotice.actions.includes('Open Settings'));
    await set('prometheus.url', 'http://bob:hunter2@[bad');
    assert.equal(await evaluate(), undefined);
    assert.ok(!gates.lastNotice.message.includes('hunter2'), gates.lastNotice.message);
    await set('prometheus.url', prom.url);
  });

  it('basic auth: the user name from settings, the password from SecretStorage', async () => {
    const proxy = await startRecordingProxy(prom.url);
    try {
      await set('prometheus.url', proxy.url);
      await config().update('prometheus.username', 'aurora', vscode.ConfigurationTarget.Workspace);
      assert.equal(await evaluate(), undefined, 'no password stored yet: refused with a message');
      assert.match(gates.lastNotice?.message ?? '', /no password is stored: run "Aurora: Set Prometheus Password"/);
      await vscode.commands.executeCommand('aurora.setPrometheusPassword', 'pa55word');
      assert.equal((await evaluate())?.decision_code, 'BLOCKED');
      assert.ok(proxy.headers.length >= 9);
      for (const h of proxy.headers) assert.equal(h.authorization, `Basic ${Buffer.from('aurora:pa55word').toString('base64')}`);
      assert.ok(!fs.readFileSync(path.join(workspaceRoot(), '.vscode/settings.json'), 'utf8').includes('pa55word'));
    } finally {
      await vscode.commands.executeCommand('aurora.setPrometheusPassword', '');
      await config().update('prometheus.username', undefined, vscode.ConfigurationTarget.Workspace);
      await set('prometheus.url', prom.url);
      await proxy.stop();
    }
  });

  it('without a URL, or in replay mode without a recording, evaluates nothing and keeps the last result', async () => {
    const before = gates.model;
    await set('prometheus.url', '');
    assert.equal(await evaluate(), undefined);
    await set('gates.dataMode', 'replay');
    assert.equal(await evaluate(), undefined);
    await set('gates.dataMode', undefined);
    assert.equal(gates.model, before);
  });

  it('replays a recording with the workspace artifacts, labelled REPLAY', async () => {
    await set('gates.dataMode', 'replay');
    await set('gates.replayFile', DEMO_RECORDING());
    const report = await evaluate();
    await set('gates.replayFile', undefined);
    await set('gates.dataMode', undefined);
    assert.equal(report?.data_mode, 'replay');
    const prometheusChecks = report.gates.flatMap((g) => g.checks).filter((c) => c.evidence.kind === 'prometheus');
    assert.ok(prometheusChecks.length >= 8);
    for (const c of prometheusChecks) assert.notEqual(c.outcome, 'ERROR', `${c.check_id}: ${c.evidence.error}`);
    assert.equal(node('model_qa', 'anomalies').description, '1 — not equal to 0', 'file checks read this workspace, not the recording');
    assert.match(gates.statusBarText, /\[REPLAY\]/);
  });

  it('labels recorded demo data in the view and the status bar, and offers no query links', async () => {
    await set('gates.dataMode', 'demo');
    // The recording answers only its own queries: workspace window and profile must not leak in.
    await set('gates.profile', 'gates/no-such-profile.yaml');
    await config().update('gates.windowHours', 72, vscode.ConfigurationTarget.Workspace);
    const report = await evaluate();
    await config().update('gates.windowHours', undefined, vscode.ConfigurationTarget.Workspace);
    assert.equal(report?.data_mode, 'demo');
    assert.equal(report.window_hours, 48);
    for (const g of report.gates) for (const c of g.checks) assert.notEqual(c.outcome, 'ERROR', `${g.key}/${c.check_id}: ${c.evidence.error}`);
    assert.equal(report.decision_code, 'BLOCKED');
    assert.equal(gates.model?.dataMode, 'demo');
    assert.match(gates.view.description ?? '', /DEMO data/);
    assert.match(gates.statusBarText, /\[DEMO\]/);
    assert.ok(gates.model?.gates.every((g) => g.checks.every((c) => c.queryUrl === undefined)));
    await set('gates.dataMode', undefined);
  });

  it('validates a JSON gates file against the published schema', async () => {
    const file = path.join(workspaceRoot(), 'gates/broken.gates.json');
    const text = JSON.stringify({ schema_version: 2, gates: [{ key: 'Bad Key', id: 1 }] }, null, 2);
    fs.writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(doc);
    // The schema wants schema_version 1 and a snake_case key: each value is flagged exactly where it stands.
    const rangeOf = (before: string, value: string) => {
      const start = text.indexOf(before) + before.length;
      assert.equal(text.slice(start, start + value.length), value);
      return new vscode.Range(doc.positionAt(start), doc.positionAt(start + value.length));
    };
    const version = rangeOf('"schema_version": ', '2');
    const key = rangeOf('"key": ', '"Bad Key"');
    const problems = await waitFor('schema diagnostics on schema_version and key', () => {
      const d = vscode.languages.getDiagnostics(doc.uri);
      return d.some((p) => p.range.isEqual(version)) && d.some((p) => p.range.isEqual(key)) ? d : undefined;
    }, 20_000);
    const listed = problems.map((p) => `${doc.getText(p.range)}: ${p.message}`).join('; ');
    assert.match(problems.find((p) => p.range.isEqual(version))!.message, /1/, listed);
    assert.match(problems.find((p) => p.range.isEqual(key))!.message, /pattern|\^\[a-z\]/i, listed);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('contributes the settings, the query command and a walkthrough whose pages exist', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const pkg = ext.packageJSON as {
      contributes: { configuration: { title: string; properties: Record<string, unknown> }[]; walkthroughs: { steps: { media: { markdown: string } }[] }[] };
    };
    const section = (title: string) => pkg.contributes.configuration.find((s) => s.title === title)!.properties;
    for (const key of ['url', 'headers', 'timeoutMs']) assert.ok(section('Prometheus')[`auroraGa.prometheus.${key}`], key);
    for (const key of ['windowHours', 'file']) assert.ok(section('Gates')[`auroraGa.gates.${key}`], key);
    // The host reads the sections: every setting resolves to its contributed default.
    assert.equal(vscode.workspace.getConfiguration('auroraGa').inspect('canary.gating')?.defaultValue, '');
    assert.equal(vscode.workspace.getConfiguration('auroraGa').inspect('gates.windowHours')?.defaultValue, 48);
    const steps = pkg.contributes.walkthroughs[0].steps;
    assert.equal(steps.length, 5);
    for (const s of steps) assert.ok(fs.existsSync(path.join(ext.extensionPath, s.media.markdown)), s.media.markdown);
  });

  it('is empty before an evaluation, so the welcome shows; then the decision row comes first, with a relative time', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const welcome = (ext.packageJSON as { contributes: { viewsWelcome: { view: string; contents: string; when?: string }[] } }).contributes.viewsWelcome
      .filter((w) => w.view === 'aurora.gates');
    assert.ok(welcome.some((w) => w.when === 'aurora.gates.sourceReady' && w.contents.includes('[Evaluate Gates](command:aurora.evaluateGates)')));
    assert.ok(welcome.some((w) => w.when === '!aurora.gates.sourceReady' && w.contents.includes('auroraGa.prometheus.url') && /demo/i.test(w.contents)));
    const file = path.join(workspaceRoot(), 'artifacts/ga/gates_report.json');
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as GateReport;
    const at = Date.parse(report.timestamp);
    const tree = new GatesTreeProvider(() => at + 3 * 60_000 + 5_000);
    try {
      assert.deepEqual(tree.getChildren(), [], 'nothing but the welcome before the first evaluation');
      tree.model = buildGatesModel(report);
      const [first] = tree.getChildren();
      assert.equal(first.kind, 'decision');
      const item = tree.getTreeItem(first);
      assert.match(String(item.description), / · 3 min ago$/);
      assert.ok((item.tooltip as vscode.MarkdownString).value.includes(`Evaluated: ${report.timestamp} (3 min ago)`));
    } finally {
      tree.dispose();
    }
  });

  it('shows no row twice: the DCTS audit joins the check that reads its report instead of repeating it', async () => {
    const audit = (await activateAurora()).audit;
    const auditFile = path.join(workspaceRoot(), 'artifacts/dcts_audit/report.json');
    fs.mkdirSync(path.dirname(auditFile), { recursive: true });
    fs.copyFileSync(path.join(workspaceRoot(), 'gates/artifacts/dcts_audit/report.json'), auditFile);
    try {
      await waitFor('the audit report to be read', () => audit.current, 30_000);
      await set('gates.artifactsDir', undefined);
      await set('gates.profile', undefined);
      await set('prometheus.url', prom.url);
      assert.ok(await evaluate());
      const rows = gates.rootItems();
      const labels = rows.map((r) => String(r.label));
      assert.deepEqual(labels.filter((l, i) => labels.indexOf(l) !== i), [], 'no top-level row repeats');
      assert.ok(!labels.includes('DCTS audit'), labels.join(' | '));
      const dcts = gates.checkItems('dcts');
      const ids = dcts.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length);
      const varRatio = dcts.find((r) => r.id === 'check:dcts/var_ratio')!;
      assert.match((varRatio.tooltip as vscode.MarkdownString).value, /\*\*DCTS audit: /, 'the audit facts are in the check that reads them');
    } finally {
      fs.rmSync(path.dirname(auditFile), { recursive: true, force: true });
      await set('gates.artifactsDir', 'gates/artifacts');
      await waitFor('the audit status to clear', () => audit.current === undefined || undefined, 30_000);
    }
  });
});
