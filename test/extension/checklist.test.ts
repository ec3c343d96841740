import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { AuroraApi } from '../../src/providers/api';
import { activateAurora, waitFor, workspaceRoot } from './util';

// The checklist webview in the real VS Code host: the panel's script runs under its CSP in the
// workbench's webview iframe and reports what it drew ('rendered'); the test drives the panel
// through the API exactly as the webview posts messages, and reads the state file on disk.

const FIXTURES: [string, string][] = [
  ['checklist/gates_report.json', 'artifacts/ga/gates_report.json'],
  ['checklist/canary_results.json', 'artifacts/canary_results.json'],
  ['checklist/dcts_audit_report.json', 'artifacts/dcts_audit/report.json'],
];

describe('checklist webview (real VS Code host)', function () {
  this.timeout(60000);
  let api: AuroraApi;
  let root: string;
  let stateFile: string;

  before(async () => {
    api = await activateAurora();
    root = workspaceRoot();
    stateFile = path.join(root, 'artifacts/ga/checklist.json');
    for (const [from, to] of FIXTURES) {
      fs.mkdirSync(path.dirname(path.join(root, to)), { recursive: true });
      fs.copyFileSync(path.join(root, from), path.join(root, to));
    }
    fs.rmSync(stateFile, { force: true });
    // Name-only sign-offs count only where the repository's policy says so (src/core/attest).
    fs.mkdirSync(path.join(root, '.aurora'), { recursive: true });
    fs.writeFileSync(path.join(root, '.aurora/policy.yaml'), 'version: 1\ncount_unsigned: true\n');
  });

  after(async () => {
    api.checklist.answerSigningWarnings(undefined);
    fs.rmSync(path.join(root, '.aurora'), { recursive: true, force: true });
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [, to] of FIXTURES) fs.rmSync(path.join(root, to), { force: true });
    fs.rmSync(stateFile, { force: true });
  });

  const rendered = (since: number) => waitFor(() => `the webview to draw a view (webview state: ${JSON.stringify(api.checklist.webviewState)})`, () => (api.checklist.rendered && api.checklist.rendered.at > since ? api.checklist.rendered : undefined), 20000);

  it('opens from the command, fills the view from the artifacts, and the webview draws it', async () => {
    const t = Date.now();
    await vscode.commands.executeCommand('aurora.openChecklist');
    assert.equal(api.checklist.isOpen, true);
    const view = api.checklist.view!;
    assert.equal(view.gates?.dataMode, 'live');
    assert.equal(view.canary?.status, 'PASS');
    const status = view.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((i) => i.id === 'gates.overall')!;
    assert.equal(status.status, 'satisfied');
    const drawn = await rendered(t);
    assert.equal(drawn.decision, view.decision.decision);
    assert.deepEqual(drawn.checked, []);
    // Every item drawn under the default filter, no section folded, each titled for people.
    const ids = view.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.id)));
    assert.deepEqual([drawn.filter, drawn.visible, drawn.collapsed], ['all', ids, []]);
    assert.equal(drawn.titles['gate1.status'], 'Gate 1 passes as a whole');
    assert.equal(drawn.titles['gate1.c2'], 'Warning rate at most 5%');
  });

  it('ticks an item and signs: both saved to artifacts/ga/checklist.json, the sign-off bound to the report hash', async () => {
    let t = Date.now();
    await api.checklist.receive({ type: 'setItem', id: 'safety.panic', checked: true });
    assert.deepEqual((await waitFor('the tick to be drawn', async () => ((await rendered(t)).checked.includes('safety.panic') ? api.checklist.rendered : undefined))).checked, ['safety.panic']);
    t = Date.now();
    // This workspace decides NO-GO (its broken-lock fixtures): signing warns first, and stops on "no".
    assert.equal(api.checklist.view?.decision.decision, 'NO-GO');
    api.checklist.answerSigningWarnings(() => false);
    await api.checklist.receive({ type: 'signOff', role: 'sre_lead', name: 'Dana' });
    assert.match(api.checklist.lastSigningWarning ?? '', /^Aurora: the checklist decides NO-GO: /);
    assert.ok(!fs.existsSync(stateFile) || !JSON.parse(fs.readFileSync(stateFile, 'utf8')).signoffs?.sre_lead, 'nothing signed after "no"');
    api.checklist.answerSigningWarnings(() => true);
    await api.checklist.receive({ type: 'signOff', role: 'sre_lead', name: 'Dana <img src=x onerror=alert(1)>' });
    await waitFor('the sign-off to be drawn', async () => ((await rendered(t)).signed.includes('sre_lead') ? true : undefined));
    const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8'));
    assert.equal(saved.items['safety.panic'].checked, true);
    assert.equal(saved.signoffs.sre_lead.name, 'Dana <img src=x onerror=alert(1)>');
    assert.equal(saved.signoffs.sre_lead.gate_report_sha256, createHash('sha256').update(fs.readFileSync(path.join(root, 'artifacts/ga/gates_report.json'))).digest('hex'));
    assert.deepEqual(saved.history.map((h: { action: string }) => h.action), ['tick', 'sign']);
  });

  it('ignores messages that fail validation and leaves the state untouched', async () => {
    const before = fs.readFileSync(stateFile, 'utf8');
    await api.checklist.receive({ type: 'setItem', id: '../../etc/passwd', checked: true });
    await api.checklist.receive({ type: 'signOff', role: 'ceo', name: 'x' });
    await api.checklist.receive({ type: 'setItem', id: 'safety.panic', checked: 'yes' });
    await api.checklist.receive('not even an object');
    assert.equal(fs.readFileSync(stateFile, 'utf8'), before);
  });

  it('after the webview reloads, and after the panel is closed and reopened, shows the saved tick and sign-off', async () => {
    let t = Date.now();
    await vscode.commands.executeCommand('workbench.action.webview.reloadWebviewAction');
    let drawn = await rendered(t);
    assert.deepEqual([drawn.checked, drawn.signed], [['safety.panic'], ['sre_lead']]);

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the panel to close', () => (api.checklist.isOpen ? undefined : true));
    t = Date.now();
    await api.checklist.open();
    drawn = await rendered(t);
    assert.deepEqual([drawn.checked, drawn.signed], [['safety.panic'], ['sre_lead']]);
    const sre = api.checklist.view!.signoffs.find((s) => s.role === 'sre_lead')!;
    assert.equal(sre.stale, false);
  });

  it('shows the sign-off as stale once the gate report changes', async () => {
    const report = path.join(root, 'artifacts/ga/gates_report.json');
    fs.writeFileSync(report, fs.readFileSync(report, 'utf8').replace('"window_hours": 48', '"window_hours": 24'));
    await api.checklist.receive({ type: 'refresh' });
    const sre = api.checklist.view!.signoffs.find((s) => s.role === 'sre_lead')!;
    assert.deepEqual(sre.staleReasons, ['the gate report changed since signing']);
  });

  it('exports the filled checklist as Markdown in the original layout', async () => {
    await api.checklist.receive({ type: 'exportMarkdown' });
    const md = fs.readFileSync(path.join(root, 'artifacts/ga/checklist.md'), 'utf8');
    assert.match(md, /^# AURORA GA Promotion Checklist v1\.0\n## Production Release Decision Framework/);
    assert.match(md, /- \[x\] \*\*Panic File:\*\* Test creation\/deletion → correct effect/);
    assert.match(md, /SRE Lead: Dana \\<img src=x onerror=alert\(1\)\\> Date: .* — \*\*STALE:\*\*/);
  });

  it('Open Report shows the gate report as a readable Markdown preview; Open JSON opens the report itself', async () => {
    const report = path.join(root, 'artifacts/ga/gates_report.json');
    await api.checklist.receive({ type: 'openReport', as: 'preview' });
    const previewOpen = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType));
    await waitFor('the Markdown preview tab', () => (previewOpen() ? true : undefined), 20000);
    const md = await waitFor('the rendered report', () => vscode.workspace.textDocuments.find((d) => d.uri.fsPath.endsWith(`${path.sep}gates_report.md`)), 20000);
    assert.match(md.getText(), /^# GA Gates Evaluation Report\n/);
    assert.match(md.getText(), /\| Status \| Gate \| Fail action \| Deciding check \| Value vs requirement \|/);
    await api.checklist.receive({ type: 'openReport', as: 'json' });
    await waitFor('the report JSON in an editor', () => (vscode.window.activeTextEditor?.document.uri.fsPath === report ? true : undefined), 20000);
    assert.equal(fs.readFileSync(report, 'utf8').startsWith('{'), true, 'the JSON is left as it was');
  });

  it('reports a corrupt state file in the panel, refuses changes and leaves the file as it was', async () => {
    const corrupt = '{ "schema_version": 1, "items": {\n';
    fs.writeFileSync(stateFile, corrupt);
    await api.checklist.receive({ type: 'refresh' });
    assert.match(api.checklist.view!.stateProblem ?? '', /checklist\.json:2:\d+: invalid JSON/);
    await api.checklist.receive({ type: 'setItem', id: 'safety.breakers', checked: true });
    assert.equal(fs.readFileSync(stateFile, 'utf8'), corrupt);
    assert.equal(api.checklist.view!.stateProblem !== null, true);
  });
});
