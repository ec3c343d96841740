// Restricted Mode in the real host: this file runs only in the host started with workspace trust ON
// (run-vscode-tests --workspace-trust=on), on test/fixtures/untrusted-workspace, whose
// .vscode/settings.json tries every setting that could choose a server, add headers, read files or
// swap the gates file. Evaluate Gates must use only the user's settings and the bundled gates file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as vscode from 'vscode';
import { DEFAULT_GATES_FILE } from '../../src/core/gates/evaluate';
import { packageRoot } from '../../src/core/util/packageRoot';
import type { GateReport } from '../../src/core/verdict/types';
import type { GatesApi } from '../../src/providers/gates/register';
import { renderOpenMetrics, startPrometheus, type Family, type RunningServer } from '../support/prometheus';
import { startRecordingProxy, type RecordingProxy } from '../support/recordingProxy';
import { activateAurora, EXTENSION_ID, workspaceRoot } from './util';

interface DemoHistoryModule {
  demoHistory(end: number): Family[];
}

/** Every setting that reads files, chooses a URL, adds headers or names what is written. */
const MUST_BE_RESTRICTED = [
  'auroraGa.prometheus.url', 'auroraGa.prometheus.caFile', 'auroraGa.prometheus.headers', 'auroraGa.prometheus.username',
  'auroraGa.gates.file', 'auroraGa.gates.artifactsDir', 'auroraGa.gates.variables', 'auroraGa.gates.profile',
  'auroraGa.gates.replayFile', 'auroraGa.gates.dataMode', 'auroraGa.audit.summaries', 'auroraGa.canary.configFile', 'auroraGa.canary.profile',
];

describe('gates in Restricted Mode (workspace trust enabled, untrusted folder)', function () {
  this.timeout(60_000);
  let gates: GatesApi;
  let prom: RunningServer;
  let proxy: RecordingProxy;

  before(async () => {
    gates = (await activateAurora()).gates;
    const end = Math.floor(Date.now() / 60_000) * 60;
    const demo = (await import(pathToFileURL(path.join(packageRoot(), 'configs/demo/history.mjs')).href)) as DemoHistoryModule;
    prom = await startPrometheus({ openMetrics: renderOpenMetrics(demo.demoHistory(end)) });
    proxy = await startRecordingProxy(prom.url);
    await vscode.workspace.getConfiguration('auroraGa.prometheus').update('url', proxy.url, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('auroraGa.prometheus').update('url', undefined, vscode.ConfigurationTarget.Global);
    await proxy?.stop();
    await prom?.stop();
  });

  it('the host really is in Restricted Mode, and the manifest restricts every risky setting', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const pkg = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } } };
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual([...pkg.capabilities.untrustedWorkspaces.restrictedConfigurations].sort(), [...MUST_BE_RESTRICTED].sort());
    // VS Code itself already answers with the user's value for a restricted setting.
    assert.equal(vscode.workspace.getConfiguration('auroraGa.prometheus').get('url'), proxy.url);
  });

  it('Evaluate Gates queries the user\'s URL with the bundled gates file, no folder header, and writes nothing into the folder', async () => {
    const report = await vscode.commands.executeCommand<GateReport | undefined>('aurora.evaluateGates');
    assert.ok(report, gates.lastNotice?.message);
    assert.equal(report.data_mode, 'live', 'the folder\'s dataMode "replay" is not used');
    assert.equal(report.gates_file, DEFAULT_GATES_FILE(), 'the bundled gates file, not the folder\'s');
    assert.equal(report.profile, undefined, 'the folder\'s profile is not used');
    assert.ok(report.gates.length >= 5);
    assert.ok(proxy.headers.length >= 9, `queries went to the user's URL (${proxy.headers.length})`);
    for (const h of proxy.headers) {
      assert.equal(h['x-folder-header'], undefined);
      assert.equal(h.authorization, undefined, 'no folder user name turned into basic auth');
    }
    for (const c of report.gates.flatMap((g) => g.checks)) {
      assert.ok(!c.evidence.source.includes('/etc') && !c.evidence.source.includes('/proc'), `${c.check_id} read ${c.evidence.source}`);
    }
    assert.equal(gates.reportFile, undefined);
    assert.ok(!fs.existsSync(path.join(workspaceRoot(), 'artifacts/ga/gates_report.json')), 'no report written into the untrusted folder');
    assert.match(gates.view.message ?? '', /^Restricted Mode: .*the bundled gates file is used and the report is not written into the folder\.$/);
  });
});
