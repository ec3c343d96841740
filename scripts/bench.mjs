// `npm run bench`: prints figures and ratios; asserts nothing (targets are judged by reading them).
// Runs: bundle and VSIX sizes, the CLI on small inputs, extension activation in a real VS Code host, then every
// test/bench/<area>.bench.ts (compiled to out/test/bench/) in turn, or only the areas named
// (`npm run bench -- audit locks`).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build, ensureSetup, outDir, root, sh, step } from './lib/setup.mjs';

ensureSetup();
build({ strict: false });

step('bundle sizes and the VSIX (production build)');
sh('node', ['scripts/build.mjs', '--production']);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const filesIn = (dir) => fs.readdirSync(path.join(root, dir)).filter((f) => /\.[cm]?js$/.test(f)).map((f) => path.join(dir, f));
const bundles = [...filesIn('dist'), ...filesIn('dist/chunks'), ...(fs.existsSync(path.join(root, 'media/dist')) ? filesIn('media/dist') : [])];
const sizeOf = (f) => fs.statSync(path.join(root, f)).size;
for (const b of ['dist/extension.mjs', 'dist/cli.mjs', 'dist/cli.js', 'dist/lock.cjs', 'dist/dcts-audit.cjs', ...filesIn('media/dist')]) console.log(`  ${b}: ${kib(sizeOf(b))}`);
const chunks = filesIn('dist/chunks');
console.log(`  dist/chunks: ${chunks.length} chunks shared by the extension and the CLI, ${kib(chunks.reduce((n, f) => n + sizeOf(f), 0))} (all JavaScript: ${kib(bundles.reduce((n, f) => n + sizeOf(f), 0))})`);
const vsixDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-vsix-'));
const vsix = path.join(vsixDir, 'aurora-ga.vsix');
// The same command a user runs (its prepublish step is the production build above, again).
if (spawnSync('npm', ['run', 'package', '--', '-o', vsix], { cwd: root, stdio: 'ignore' }).status === 0) {
  const bytes = fs.statSync(vsix).size;
  console.log(`  VSIX (npm run package): ${kib(bytes)}; ratio to the 1 MB goal ${(bytes / (1024 * 1024)).toFixed(2)} (target ≤ 1)`);
} else console.log('  VSIX: npm run package failed');
fs.rmSync(vsixDir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall times of the commands, run in turn `n` times each (so load on the machine hits all alike). */
function interleaved(cmds, n, cwd) {
  const times = cmds.map(() => []);
  for (let i = 0; i < n; i++) {
    cmds.forEach(([cmd, ...args], j) => {
      const t0 = process.hrtime.bigint();
      spawnSync(cmd, args, { cwd, stdio: 'ignore' });
      times[j].push(Number(process.hrtime.bigint() - t0) / 1e6);
    });
  }
  return times.map(median);
}

// The Python references run the interpreter itself: `python3` on PATH may be a launcher (pyenv's
// shim is a shell script that adds ~55 ms to every run here), which is not the original's cost.
const pathPython = spawnSync('python3', ['-c', 'import sys; print(sys.executable)'], { encoding: 'utf8' });
const python = pathPython.status === 0 ? pathPython.stdout.trim() : 'python3';
process.env.AURORA_BENCH_PYTHON = python;

step('CLI on small inputs (median of 15, each command in turn)');
// The original kit's r2 profile with its lock and legacy lock, validated as a user would; the
// reference is the original's validation in Python (PyYAML safe_load + json.dumps + sha256 against
// the lock), and bare `node -e 0` and the bare interpreter (`-c pass`) in the same rounds.
const small = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-bench-small-'));
for (const f of ['r2.yaml', 'r2.lock.json', 'r2.yaml.lock']) fs.copyFileSync(path.join(root, 'test/fixtures/original-kit', f), path.join(small, f));
const pyValidate = `import hashlib, json, sys, yaml
v = yaml.safe_load(open('r2.yaml', encoding='utf-8'))
h = hashlib.sha256(json.dumps(v, sort_keys=True, separators=(',', ':')).encode('utf-8')).hexdigest()
lock = json.load(open('r2.lock.json', encoding='utf-8'))
print('valid' if lock['sha256_normalized_yaml'] == h else 'invalid')`;
const cli = path.join(root, 'dist/cli.js');
const [nodeMs, pyBare, versionMs, validateMs, pyMs, shimMs] = interleaved([
  [process.execPath, '-e', '0'],
  [python, '-c', 'pass'],
  [process.execPath, cli, '--version'],
  [process.execPath, cli, 'lock', '--in', 'r2.yaml', '--validate'],
  [python, '-c', pyValidate],
  ['python3', '-c', pyValidate],
], 15, small);
fs.rmSync(small, { recursive: true, force: true });
console.log(`  bare node -e 0: ${nodeMs.toFixed(1)} ms; bare python (${python}): ${pyBare.toFixed(1)} ms`);
console.log(`  aurora-ga --version: ${versionMs.toFixed(1)} ms; ratio to bare node ${(versionMs / nodeMs).toFixed(2)}`);
console.log(`  aurora-ga lock --in r2.yaml --validate: ${validateMs.toFixed(1)} ms; ratio to bare node ${(validateMs / nodeMs).toFixed(2)} (target ≤ 1.5); the original in Python ${pyMs.toFixed(1)} ms, ratio ${(validateMs / pyMs).toFixed(2)} (target ≤ 1)`);
if (python !== 'python3') console.log(`    the same Python run as \`python3\` from PATH: ${shimMs.toFixed(1)} ms (ratio ${(validateMs / shimMs).toFixed(2)}); bare node alone is ${(nodeMs / pyMs).toFixed(2)}× the Python run`);

step('extension activation in a real VS Code host (code-server 4.100.3), 5 fresh hosts');
// One activation per host (it happens once), while the host is still starting: one sample is noisy,
// so the host is started five times and the median is the figure.
const activations = [];
const references = [];
for (let i = 0; i < 5; i++) {
  const r = spawnSync('node', ['scripts/run-vscode-tests.mjs', `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${path.join(outDir, 'test/bench/activation.host')}`], { cwd: root, encoding: 'utf8' });
  const ms = /bundle load \+ activate\(\)\): ([\d.]+) ms/.exec(r.stdout ?? '');
  const ref = /one-line ES module loaded in the same host: ([\d.]+) ms/.exec(r.stdout ?? '');
  if (!ms || !ref) {
    console.log(`  host run ${i + 1} gave no figure (exit ${r.status}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`);
    continue;
  }
  activations.push(Number(ms[1]));
  references.push(Number(ref[1]));
}
if (activations.length) {
  const act = median(activations);
  console.log(`  extension activation (bundle load + activate()), median of ${activations.length} hosts: ${act.toFixed(1)} ms (each: ${activations.map((x) => x.toFixed(1)).join(', ')}); ratio to the 50 ms goal ${(act / 50).toFixed(2)} (target < 1)`);
  console.log(`  a one-line ES module loaded in the same hosts: median ${median(references).toFixed(1)} ms; ratio activation / that ${(act / median(references)).toFixed(1)}`);
}
// The benches that run the CLI as a process run the production build above: what the VSIX ships.
const benchDir = path.join(outDir, 'test/bench');
const areas = process.argv.slice(2);
const wanted = (f) => f.endsWith('.bench.js') && (!areas.length || areas.includes(f.replace('.bench.js', '')));
for (const f of fs.existsSync(benchDir) ? fs.readdirSync(benchDir).filter(wanted).sort() : []) {
  step(`bench: ${f.replace('.bench.js', '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(benchDir, f)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`  (bench ${f} exited ${r.status})`);
}
// The workspace's own (development) build again, source maps included.
sh('node', ['scripts/build.mjs']);
