// `npm run bench`: prints figures and ratios; asserts nothing (targets are judged by reading them).
// Runs: bundle sizes, CLI start-up, extension activation in a real VS Code host, then every
// test/bench/<area>.bench.ts (compiled to out/test/bench/) in turn.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, ensureSetup, outDir, root, sh, step } from './lib/setup.mjs';

ensureSetup();
build({ strict: false });

step('bundle sizes (production build)');
sh('node', ['scripts/build.mjs', '--production']);
const bundles = ['dist/extension.js', 'dist/cli.js', ...(fs.existsSync(path.join(root, 'media/dist')) ? fs.readdirSync(path.join(root, 'media/dist')).filter((f) => f.endsWith('.js')).map((f) => `media/dist/${f}`) : [])];
for (const b of bundles) console.log(`  ${b}: ${(fs.statSync(path.join(root, b)).size / 1024).toFixed(1)} KiB`);

step('CLI start-up (node dist/cli.js --version, median of 10)');
const times = [];
for (let i = 0; i < 10; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, [path.join(root, 'dist/cli.js'), '--version']);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const nodeOnly = [];
for (let i = 0; i < 10; i++) {
  const t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  nodeOnly.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
nodeOnly.sort((a, b) => a - b);
console.log(`  aurora-ga --version: ${times[5].toFixed(1)} ms (bare node: ${nodeOnly[5].toFixed(1)} ms, ratio ${(times[5] / nodeOnly[5]).toFixed(2)})`);

step('extension activation in a real VS Code host (code-server 4.100.3)');
spawnSync('node', ['scripts/run-vscode-tests.mjs', `--extensionDevelopmentPath=${root}`, `--extensionTestsPath=${path.join(outDir, 'test/bench/activation.host')}`], { cwd: root, stdio: 'inherit' });
sh('node', ['scripts/build.mjs']);

const benchDir = path.join(outDir, 'test/bench');
for (const f of fs.existsSync(benchDir) ? fs.readdirSync(benchDir).filter((f) => f.endsWith('.bench.js')).sort() : []) {
  step(`bench: ${f.replace('.bench.js', '')}`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(benchDir, f)], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) console.log(`  (bench ${f} exited ${r.status})`);
}
