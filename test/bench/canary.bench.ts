// Canary runner benchmarks (printed figures, no assertions):
//  1. the runner's own overhead per run over the command's time (target: < 30 ms median);
//  2. wall time of 10 runs with concurrency 1 vs 4.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { canaryConfigSchema } from '../../src/core/canary/config';
import { runCanary, type CanaryPlan } from '../../src/core/canary/runner';

const SUMMARY = '{"r2_main_loop":{"decisions":1,"execution_decisions":{"PASS":1}},"r2_preloop":{"exit_kind":"exit","skip_reasons":{"zero_budget":0}}}';
// A command that costs almost nothing itself, so the runner's share shows.
const quick = ['/bin/sh', '-c', `printf '%s' '${SUMMARY}' > "$AURORA_RUN_DIR/summary.json"`];
const sleepy = ['/bin/sh', '-c', `sleep 0.2; printf '%s' '${SUMMARY}' > "$AURORA_RUN_DIR/summary.json"`];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function plan(root: string, command: string[], runs: number, concurrency: number): CanaryPlan {
  return {
    profile: path.join(root, 'profile.yaml'),
    root,
    config: canaryConfigSchema.parse({ command, runs, concurrency, interval_seconds: 0, gating: 'none', profile_lock: { enforced: false } }),
    configFile: null,
    output: path.join(root, 'artifacts/canary_results.json'),
    node: process.execPath,
    lock: { enforced: false, status: 'skipped', lock_file: null },
  };
}

/** The command alone: spawn, wait for exit (what any caller pays). */
async function directMs(dir: string): Promise<number> {
  const t0 = process.hrtime.bigint();
  await new Promise<void>((resolve) => {
    const c = spawn(quick[0], quick.slice(1), { env: { ...process.env, AURORA_RUN_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
    c.on('close', () => resolve());
  });
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-canary-bench-'));
  fs.writeFileSync(path.join(root, 'profile.yaml'), 'a: 1\n');
  try {
    const scratch = fs.mkdtempSync(path.join(root, 'direct-'));
    for (let i = 0; i < 5; i++) await directMs(scratch); // warm-up
    const direct: number[] = [];
    for (let i = 0; i < 40; i++) direct.push(await directMs(scratch));

    const N = 40;
    const perRun: number[] = [];
    const childMs: number[] = [];
    let last = 0;
    const never = new AbortController().signal;
    await runCanary(plan(root, quick, 5, 1), never); // warm-up
    const t0 = process.hrtime.bigint();
    await runCanary(plan(root, quick, N, 1), never, (p) => {
      if (p.kind === 'sequence-start') last = Number(process.hrtime.bigint() - t0) / 1e6;
      if (p.kind === 'run-end') {
        const now = Number(process.hrtime.bigint() - t0) / 1e6;
        perRun.push(now - last);
        last = now;
        childMs.push(p.run.duration * 1000);
      }
    });
    const wholeMs = Number(process.hrtime.bigint() - t0) / 1e6;

    console.log(`  command alone (spawn to exit, direct, median of ${direct.length}): ${median(direct).toFixed(2)} ms`);
    console.log(`  runner per run, wall (median of ${N}): ${median(perRun).toFixed(2)} ms`);
    console.log(`  runner overhead per run over the command's own time (median): ${(median(perRun) - median(direct)).toFixed(2)} ms (target < 30 ms)`);
    console.log(`  runner overhead per run over the child's measured duration (median): ${median(perRun.map((w, i) => w - childMs[i])).toFixed(2)} ms`);
    console.log(`  whole sequence of ${N} runs incl. results files: ${wholeMs.toFixed(0)} ms`);

    const wall: Record<number, number> = {};
    for (const c of [1, 4]) {
      const s = process.hrtime.bigint();
      const r = await runCanary(plan(root, sleepy, 10, c), never);
      wall[c] = Number(process.hrtime.bigint() - s) / 1e6;
      if (r.evaluation.healthy_runs !== 10) console.log(`  (warning: only ${r.evaluation.healthy_runs}/10 healthy at concurrency ${c})`);
    }
    console.log(`  10 runs of a 200 ms command, concurrency 1: ${wall[1].toFixed(0)} ms`);
    console.log(`  10 runs of a 200 ms command, concurrency 4: ${wall[4].toFixed(0)} ms`);
    console.log(`  speed-up concurrency 4 vs 1: ${(wall[1] / wall[4]).toFixed(2)}x (ideal with 10 runs in 3 waves: ${(10 / 3).toFixed(2)}x)`);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

void main();
