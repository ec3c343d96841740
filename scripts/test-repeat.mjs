// `npm run test:repeat [-- --runs N] [--layers integration,extension] [--no-load] [--grep RE]`:
// the flake check. Builds once, starts one busy-loop process per core (the load a shared CI machine
// gives), runs the chosen layers N times, and prints the failure count of every test that failed at
// least once. The busy loops are always stopped, also on Ctrl-C or a crash.
// Env: AURORA_REPEAT_RUNS (default 5). On a shared machine wrap it in the suite lock:
//   flock /tmp/aurora-suite.lock npm run test:repeat -- --runs 5
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, ensureSetup, outDir, root, step } from './lib/setup.mjs';

const argv = process.argv.slice(2);
const flag = (name) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const runs = Number(flag('runs') ?? process.env.AURORA_REPEAT_RUNS ?? 5);
const layers = (flag('layers') ?? 'integration,extension').split(',');
const grep = flag('grep');
const load = !argv.includes('--no-load');
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`test:repeat: --runs must be a whole number ≥ 1, not ${flag('runs')}`);
  process.exit(2);
}
const unknown = layers.filter((l) => !['unit', 'integration', 'extension'].includes(l));
if (unknown.length) {
  console.error(`test:repeat: unknown layer ${unknown.join(', ')} (unit, integration, extension)`);
  process.exit(2);
}

ensureSetup({ host: layers.includes('extension') });
build({ strict: true });

/** One busy loop per core, for the whole check; stopped whatever happens. */
const burners = [];
function stopLoad() {
  for (const b of burners.splice(0)) if (b.exitCode === null && b.signalCode === null) b.kill('SIGKILL');
}
process.on('exit', stopLoad);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    stopLoad();
    process.exit(128 + os.constants.signals[sig]);
  });
}
if (load) {
  const cores = os.availableParallelism();
  step(`starting ${cores} busy-loop process(es), one per core`);
  for (let i = 0; i < cores; i++) burners.push(spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-repeat-'));
/** Runs a command; resolves with its exit code (output streamed). */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('close', (code, sig) => resolve(code ?? 128 + (os.constants.signals[sig] ?? 0)));
  });
}

/** { passed: [fullTitle], failed: [fullTitle] } of one layer run, from the reporter's file. */
async function layerRun(layer, n) {
  const report = path.join(tmp, `${layer}-${n}.json`);
  let code;
  if (layer === 'extension') {
    code = await run('node', [
      'scripts/run-vscode-tests.mjs', `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${path.join(outDir, 'test/extension/index')}`,
      `--workspace=${path.join(root, 'test/fixtures/workspace')}`,
    ], { AURORA_TEST_REPORT: report, ...(grep ? { AURORA_TEST_GREP: grep } : {}) });
  } else {
    code = await run('npx', ['mocha', '--recursive', '--extension', 'test.js', '--timeout', '60000', '--reporter', 'json', '--reporter-option', `output=${report}`,
      ...(grep ? ['--grep', grep] : []), path.join(outDir, 'test', layer)]);
  }
  if (!fs.existsSync(report)) return { passed: [], failed: [`${layer}: the run crashed before reporting (exit ${code})`] };
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  // mocha's JSON reporter: passes/failures with fullTitle; ours from test/extension/index.ts: passed/failed.
  const titles = (list) => (list ?? []).map((t) => (typeof t === 'string' ? t : t.fullTitle));
  // The JSON reporter prints nothing: say why each test failed, so a one-off failure can be diagnosed.
  for (const t of r.failures ?? []) console.log(`  ✖ ${t.fullTitle}\n    ${String(t.err?.message ?? t.err?.stack ?? '').slice(0, 2000).replace(/\n/g, '\n    ')}`);
  return { passed: titles(r.passes ?? r.passed), failed: titles(r.failures ?? r.failed) };
}

const tally = new Map(); // `${layer}: ${title}` → { runs, failures }
const count = (key, failed) => {
  const t = tally.get(key) ?? { runs: 0, failures: 0 };
  t.runs++;
  if (failed) t.failures++;
  tally.set(key, t);
};
try {
  for (let n = 1; n <= runs; n++) {
    for (const layer of layers) {
      step(`run ${n}/${runs}: ${layer} tests${load ? ' under load' : ''}`);
      const r = await layerRun(layer, n);
      for (const t of r.passed) count(`${layer}: ${t}`, false);
      for (const t of r.failed) count(`${layer}: ${t}`, true);
    }
  }
} finally {
  stopLoad();
  fs.rmSync(tmp, { recursive: true, force: true });
}

const failing = [...tally].filter(([, t]) => t.failures > 0).sort((a, b) => b[1].failures - a[1].failures);
console.log(`\ntest:repeat: ${runs} run(s) of ${layers.join(' + ')}${load ? `, ${os.availableParallelism()} busy loop(s)` : ', no load'}: ${tally.size} tests`);
if (!failing.length) console.log('0 failures');
for (const [title, t] of failing) console.log(`${String(t.failures).padStart(3)} of ${t.runs} failed  ${title}`);
process.exit(failing.length ? 1 : 0);
