#!/usr/bin/env node
// Runs extension tests inside a real VS Code 1.100.3 Node extension host (code-server), driven by
// headless Debian Chromium; the contract is @vscode/test-electron's: extensionTestsPath is a module
// exporting run(): Promise<void>. Exits with the code the extension host reports.
// Usage: node scripts/run-vscode-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE [--workspace=DIR]
// The workspace is copied to a temporary folder first, so tests may edit files freely.
// Env: VSCODE_HOST_DIR (default ./.vscode-host), CHROMIUM (default /usr/bin/chromium), TEST_TIMEOUT_MS, VERBOSE=1
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { freePort, chromiumArgs } from './lib/host.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const m = a.match(/^--([^=]+)=(.*)$/); return m ? [m[1], m[2]] : [a, true]; }));
if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
  console.error('usage: run-vscode-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE [--workspace=DIR]');
  process.exit(2);
}
const hostDir = path.resolve(process.env.VSCODE_HOST_DIR || '.vscode-host');
if (!fs.existsSync(path.join(hostDir, 'node_modules/.bin/code-server'))) {
  console.error(`run-vscode-tests: no VS Code host in ${hostDir}; run scripts/setup-vscode-host.sh first`);
  process.exit(2);
}
const { chromium } = createRequire(path.join(hostDir, 'package.json'))('playwright-core');
const extDev = path.resolve(args.extensionDevelopmentPath);
const extTests = path.resolve(args.extensionTestsPath);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-vscode-test-'));
const folder = path.join(tmp, 'workspace');
if (args.workspace) fs.cpSync(path.resolve(args.workspace), folder, { recursive: true });
else fs.mkdirSync(folder);
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 300000);
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const port = await freePort();

fs.mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
fs.writeFileSync(path.join(tmp, 'ud/User/settings.json'), JSON.stringify({
  'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false, 'extensions.ignoreRecommendations': true, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
}));
const cs = spawn(path.join(hostDir, 'node_modules/.bin/code-server'), ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
  '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
  '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'exts')],
{ detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), AURORA_TEST_WORKSPACE: folder } });
const csLog = fs.createWriteStream(path.join(tmp, 'code-server.log'));
cs.stdout.pipe(csLog);
cs.stderr.pipe(csLog);

let browser;
async function finish(code) {
  try { await browser?.close(); } catch { /* already gone */ }
  try { process.kill(-cs.pid, 'SIGTERM'); } catch { /* already gone */ }
  if (cs.exitCode === null) await new Promise((r) => cs.once('exit', r));
  await new Promise((r) => setTimeout(r, 300));
  try { process.kill(-cs.pid, 'SIGKILL'); } catch { /* already gone */ }
  if (!process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
process.once('SIGINT', () => finish(130));

try {
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (i > 300) throw new Error('code-server did not start within 30 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
  const page = await browser.newPage();
  const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
  page.on('console', async (m) => {
    // Extension-host console output arrives as ('%c INFO', 'color: …', ...originalArgs).
    let vals;
    try { vals = await Promise.all(m.args().map((a) => a.jsonValue())); } catch { vals = [m.text()]; }
    if (typeof vals[0] === 'string' && /^%c\s+(INFO|ERR|WARN)/.test(vals[0])) {
      const line = util.format(...vals.slice(2));
      if (process.env.VERBOSE || !/open-vsx|Resolving connection|Resolved connection|Creating a socket|ENOTFOUND|vsda/.test(line)) console.log(line);
    } else if (process.env.VERBOSE) console.log('[browser]', m.text());
  });
  const auth = `127.0.0.1:${port}`;
  const payload = [['extensionDevelopmentPath', `vscode-remote://${auth}${extDev}`], ['extensionTestsPath', `vscode-remote://${auth}${extTests}`]];
  await page.goto(`http://${auth}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const code = await Promise.race([exited, new Promise((_, rej) => setTimeout(() => rej(new Error(`timeout after ${TIMEOUT} ms waiting for extension tests`)), TIMEOUT))]);
  console.log(`extension host exited with code ${code} after ${since()}`);
  await finish(code);
} catch (e) {
  console.error(`run-vscode-tests: ${e.message}`);
  console.error('code-server log kept in', tmp);
  process.env.KEEP_TMP = '1';
  await finish(1);
}
