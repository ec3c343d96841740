// `npm test`: sets up what is missing, then runs every test layer and ends with one summary line.
//   1. type check (tsc, webview too) and lint (layering rules)
//   2. unit tests (src/core, no VS Code) and integration tests (real Prometheus, real processes)
//   3. extension tests in a real VS Code extension host (code-server + headless Chromium)
// Env: AURORA_LAYERS=check,unit,extension picks layers (default all); AURORA_TEST_GREP narrows the
// mocha layers (both); AURORA_OUT compiles into another folder than out/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, ensureSetup, outDir, root, sh, step } from './lib/setup.mjs';

const layersWanted = new Set((process.env.AURORA_LAYERS || 'check,unit,extension').split(','));
ensureSetup({ host: layersWanted.has('extension') });
build({ strict: layersWanted.has('check') });
if (layersWanted.has('check')) {
  step('type-checking the webview and linting');
  if (fs.readdirSync(path.join(root, 'src/webview')).some((f) => f.endsWith('.ts'))) sh('npx', ['tsc', '-p', 'src/webview', '--noEmit']);
  sh('npx', ['eslint', '--max-warnings=0', 'src', 'test', 'scripts']);
}

/** Runs a test process, streaming its output, and reads the pass/fail counts from its closing lines. */
function runCounted(label, cmd, args) {
  step(label);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => { out += d; process.stdout.write(d); });
    child.on('close', (code) => {
      const num = (re) => Number(out.match(re)?.[1] ?? 0);
      let passed = num(/(\d+) passing/);
      let failed = num(/(\d+) failing/);
      const plain = [...out.matchAll(/^(\d+) passed, (\d+) failed/gm)].pop();
      if (plain) { passed = Number(plain[1]); failed = Number(plain[2]); }
      // A crashed layer counts as a failure even if it printed no mocha summary.
      if (code !== 0 && failed === 0) failed = 1;
      resolve({ passed, failed });
    });
  });
}

const grep = process.env.AURORA_TEST_GREP ? ['--grep', process.env.AURORA_TEST_GREP] : [];
const specs = ['test/unit', 'test/integration'].map((d) => path.join(outDir, d)).filter((d) => fs.existsSync(d));
const layers = [];
if (layersWanted.has('unit')) layers.push(await runCounted('unit and integration tests (mocha)', 'npx', ['mocha', '--recursive', '--extension', 'test.js', '--timeout', '60000', '--reporter', 'spec', ...grep, ...specs]));
if (layersWanted.has('extension')) {
  layers.push(await runCounted('extension tests in a real VS Code host (code-server 4.100.3 + headless Chromium)', 'node', [
    'scripts/run-vscode-tests.mjs', `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${path.join(outDir, 'test/extension/index')}`,
    `--workspace=${path.join(root, 'test/fixtures/workspace')}`,
  ]));
  layers.push(await runCounted('extension tests in Restricted Mode (workspace trust on, an untrusted folder)', 'node', [
    'scripts/run-vscode-tests.mjs', `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${path.join(outDir, 'test/extension/index')}`,
    `--workspace=${path.join(root, 'test/fixtures/untrusted-workspace')}`, '--workspace-trust=on',
  ]));
}
const passed = layers.reduce((n, l) => n + l.passed, 0);
const failed = layers.reduce((n, l) => n + l.failed, 0);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
