// The live demo behind `npm start` (and anything else that needs it, such as screenshots): a REAL
// Prometheus on 127.0.0.1 holding 72 h of demo history, a fresh copy of examples/demo-workspace/
// pointed at it, and code-server loading the extension from source.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { demoGatesText } from '../../configs/demo/gates.mjs';
import { demoHistory, demoLog, DEMO_AHEAD_HOURS, DEMO_HOURS, DEMO_STEP_SECONDS } from '../../configs/demo/history.mjs';
import { findHostDir, startCodeServer, workbenchUrl } from './host.mjs';
import { root } from './setup.mjs';

/**
 * Ignored by git: the demo's workspace copy and build leftovers live here, never in examples/.
 * AURORA_DEMO_DIR_NAME gives tests their own folder, so they never wipe a running demo; it stays one
 * level below the root because the demo canary config finds configs/demo by a relative path.
 */
const dirName = process.env.AURORA_DEMO_DIR_NAME || '.demo';
if (!/^\.demo[\w-]*$/.test(dirName)) throw new Error(`AURORA_DEMO_DIR_NAME must look like .demo-<name>, got "${dirName}"`);
export const DEMO_DIR = path.join(root, dirName);

/**
 * The shared real-server harness (test/support/prometheus.ts) compiled on the fly, so the demo and
 * the tests start Prometheus the same way (backfill before start, free port, retention, teardown).
 */
async function loadHarness() {
  const outfile = path.join(DEMO_DIR, 'prometheus-harness.cjs');
  await esbuild.build({
    entryPoints: [path.join(root, 'test/support/prometheus.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** Why a live demo is impossible here (no Prometheus binaries), or undefined when it is possible. */
export function prometheusMissing() {
  const missing = ['prometheus', 'promtool'].filter((cmd) => spawnSync(cmd, ['--version'], { stdio: 'ignore' }).status !== 0);
  return missing.length ? `${missing.join(' and ')} not found (Debian package "prometheus" could not be installed)` : undefined;
}

/**
 * Copies examples/demo-workspace to .demo/workspace (replacing an earlier copy), writes the runtime
 * log relative to the demo's clock and merges `settings` into its .vscode/settings.json.
 */
export function prepareWorkspace(end, settings) {
  const ws = path.join(DEMO_DIR, 'workspace');
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'examples/demo-workspace'), ws, { recursive: true });
  fs.writeFileSync(path.join(ws, 'logs/runtime.log'), demoLog(end));
  // The default gates plus the comparison gate (r2 against r1); a replay answers only the default gates.
  fs.writeFileSync(path.join(ws, 'configs/gates.yaml'), demoGatesText());
  const file = path.join(ws, '.vscode/settings.json');
  // The committed file has comments (JSONC); the copy is rewritten as plain JSON.
  const current = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  fs.writeFileSync(file, `${JSON.stringify({ ...current, ...settings }, null, 2)}\n`);
  return ws;
}

/**
 * Starts the demo. `replay` forces the labelled demo replay even where Prometheus exists. Returns
 * the URL to open and stop(), which ends everything it started (Prometheus, code-server).
 */
export async function startDemo({ log = console.log, replay = false, port } = {}) {
  const stops = [];
  const stop = async () => {
    for (const s of stops.reverse()) {
      try { await s(); } catch (err) { log(`⚠ while stopping: ${err.message}`); }
    }
    stops.length = 0;
  };
  try {
    const hostDir = findHostDir(path.join(root, '.vscode-host'));
    if (!hostDir) throw new Error('no VS Code host in .vscode-host (scripts/setup-vscode-host.sh installs it)');
    fs.mkdirSync(DEMO_DIR, { recursive: true });
    const end = Math.floor(Date.now() / 1000 / DEMO_STEP_SECONDS) * DEMO_STEP_SECONDS;
    const missing = replay ? 'replay requested' : prometheusMissing();
    let prometheus;
    if (!missing) {
      const t0 = Date.now();
      const { renderOpenMetrics, startPrometheus } = await loadHarness();
      const families = demoHistory(end);
      // The shipped alerting rules loaded: the gates' alert checks need the rules API to show them (#12).
      prometheus = await startPrometheus({ openMetrics: renderOpenMetrics(families), ruleFiles: [path.join(root, 'configs/monitoring/aurora_alerts.yml')] });
      stops.push(() => prometheus.stop());
      const samples = families.reduce((n, f) => n + f.series.reduce((m, s) => m + s.samples.length, 0), 0);
      log(`Prometheus ${prometheus.url} (pid ${prometheus.pid}): ${DEMO_HOURS} h of demo history (+${DEMO_AHEAD_HOURS} h revealed as time passes), ${families.length} metrics, ${samples} samples, ready in ${Date.now() - t0} ms`);
    } else {
      log(`⚠ no live Prometheus: ${missing}. Falling back to the bundled DEMO recording (replay): every result is labelled DEMO.`);
    }
    const mode = prometheus ? 'live' : 'demo';
    const ws = prepareWorkspace(end, prometheus
      ? { 'auroraGa.prometheus.url': prometheus.url, 'auroraGa.gates.dataMode': 'live', 'auroraGa.gates.file': 'configs/gates.yaml' }
      : { 'auroraGa.gates.dataMode': 'demo' });
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-demo-'));
    stops.push(() => fs.rmSync(tmp, { recursive: true, force: true }));
    const t1 = Date.now();
    const cs = await startCodeServer({ hostDir, tmp, port, userSettings: { 'git.openRepositoryInParentFolders': 'never' } });
    stops.push(() => cs.stop());
    log(`code-server (VS Code 1.100.3) on 127.0.0.1:${cs.port}, up in ${Date.now() - t1} ms; log ${cs.logFile}`);
    return { url: workbenchUrl(cs.port, ws, [['extensionDevelopmentPath', root]]), mode, workspace: ws, prometheusUrl: prometheus?.url, end, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
