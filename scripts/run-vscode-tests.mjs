#!/usr/bin/env node
// Runs extension tests inside a real VS Code 1.100.3 Node extension host (code-server), driven by
// headless Debian Chromium; the contract is @vscode/test-electron's: extensionTestsPath is a module
// exporting run(): Promise<void>. Exits with the code the extension host reports.
// Usage: node scripts/run-vscode-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE [--workspace=DIR] [--workspace-trust=on]
// The workspace is copied to a temporary folder first, so tests may edit files freely. With
// --workspace-trust=on, workspace trust is enabled and the folder opens untrusted (Restricted Mode);
// the test module sees AURORA_TEST_TRUST=on and runs only the *.untrusted.test.js files.
// Env: VSCODE_HOST_DIR (default ./.vscode-host), CHROMIUM (default /usr/bin/chromium), TEST_TIMEOUT_MS, VERBOSE=1
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import util from 'node:util';
import { findHostDir, launchChromium, startCodeServer, workbenchUrl } from './lib/host.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => { const m = a.match(/^--([^=]+)=(.*)$/); return m ? [m[1], m[2]] : [a, true]; }));
if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
  console.error('usage: run-vscode-tests.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=MODULE [--workspace=DIR]');
  process.exit(2);
}
const hostDir = findHostDir();
if (!hostDir) {
  console.error(`run-vscode-tests: no VS Code host in ${path.resolve(process.env.VSCODE_HOST_DIR || '.vscode-host')}; run scripts/setup-vscode-host.sh first`);
  process.exit(2);
}
const extDev = path.resolve(args.extensionDevelopmentPath);
const extTests = path.resolve(args.extensionTestsPath);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-vscode-test-'));
const folder = path.join(tmp, 'workspace');
if (args.workspace) fs.cpSync(path.resolve(args.workspace), folder, { recursive: true });
else fs.mkdirSync(folder);
const TIMEOUT = Number(process.env.TEST_TIMEOUT_MS || 300000);
const t0 = Date.now();
const since = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
let browser;
let cs;
async function finish(code) {
  try { await browser?.close(); } catch { /* already gone */ }
  await cs?.stop();
  if (!process.env.KEEP_TMP) fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(code);
}
process.once('SIGINT', () => finish(130));

try {
  const trust = args['workspace-trust'] === 'on';
  cs = await startCodeServer({
    hostDir, tmp, workspaceTrust: trust,
    env: { AURORA_TEST_WORKSPACE: folder, AURORA_TEST_TRUST: trust ? 'on' : 'off' },
    // No modal "Do you trust the authors?" at start: the folder simply opens in Restricted Mode.
    userSettings: trust ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {},
  });
  browser = await launchChromium(hostDir);
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
    // A webview the host could not load (its service worker, microsoft/vscode#125993) says so only here.
    else if (m.type() === 'error' && /webview|service ?worker/i.test(m.text())) console.log('[browser error]', m.text());
  });
  page.on('pageerror', (e) => {
    if (/webview|service ?worker/i.test(String(e?.message ?? e))) console.log('[browser page error]', String(e?.message ?? e));
  });
  await page.goto(workbenchUrl(cs.port, folder, [['extensionDevelopmentPath', extDev], ['extensionTestsPath', extTests]]));
  const code = await Promise.race([exited, new Promise((_, rej) => setTimeout(() => rej(new Error(`timeout after ${TIMEOUT} ms waiting for extension tests`)), TIMEOUT))]);
  console.log(`extension host exited with code ${code} after ${since()}`);
  await finish(code);
} catch (e) {
  console.error(`run-vscode-tests: ${e.message}`);
  console.error('code-server log kept in', tmp);
  process.env.KEEP_TMP = '1';
  await finish(1);
}
