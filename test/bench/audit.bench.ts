// DCTS audit and monitoring benchmarks (printed figures, no assertions):
//  1. audit wall time and per-summary cost for 100 / 1,000 / 10,000 replay summaries (glob + read +
//     statistics + both renderings), and the heap it adds;
//  2. on the 10,000: the read-and-parse floor (Node reading every file and JSON.parse, nothing else,
//     in this process), `aurora-ga dcts-audit` as a process against the original's Python
//     (test/bench/dcts_audit_reference.py) on the same files, and a Node process that only reads and
//     parses them, run in turn (7 rounds, medians), each figure with its ratio;
//  3. promtool check + test of the shipped alert rules (what CI pays for them).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderAuditMarkdown } from '../../src/core/audit/markdown';
import { runDctsAudit } from '../../src/core/audit/runDctsAudit';
import { defaultAuditThresholds } from '../../src/core/audit/thresholds';

function writeSummaries(dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const s = i % 2 ? -1 : 1;
    const doc = { run_id: `run_${i}`, tvf2: { dcts: 0.5 + s * 0.01, dcts_robust: { value: 0.5 + s * 0.004 }, dcts_min: { value: 0.49 }, dcts_grids: { '0.5': 0.49, '1.0': 0.5, '2.0': 0.51 } }, replay: { ticks: Array.from({ length: 50 }, (_, k) => k) } };
    fs.writeFileSync(path.join(dir, `replay_${String(i).padStart(5, '0')}.json`), JSON.stringify(doc, null, 2));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The least any audit must do: list the folder, read every file, JSON.parse it (one at a time, and 16 at a time: the faster counts). */
async function readAndParseFloor(dir: string): Promise<number> {
  const sync = () => {
    const t0 = performance.now();
    for (const f of fs.readdirSync(dir)) if (f.endsWith('.json')) JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
    return performance.now() - t0;
  };
  const parallel = async () => {
    const t0 = performance.now();
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
    let next = 0;
    const worker = async () => {
      while (next < files.length) JSON.parse(await fs.promises.readFile(path.join(dir, files[next++]), 'utf8'));
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    return performance.now() - t0;
  };
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(Math.min(sync(), await parallel()));
  return median(runs);
}

/** Median wall times of the commands as processes, run in turn (so load on the machine hits all alike), 7 rounds; and each one's last exit status. */
function interleaved(cmds: [string, string[]][], cwd: string): { ms: number; status: number | null }[] {
  const runs = cmds.map(() => [] as number[]);
  const status = cmds.map(() => null as number | null);
  for (let i = 0; i < 7; i++) {
    cmds.forEach(([cmd, args], j) => {
      const t0 = performance.now();
      status[j] = spawnSync(cmd, args, { cwd, stdio: 'ignore' }).status;
      runs[j].push(performance.now() - t0);
    });
  }
  return runs.map((r, j) => ({ ms: median(r), status: status[j] }));
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-audit-bench-'));
  try {
    for (const n of [100, 1000, 10000]) {
      const dir = path.join(root, String(n));
      writeSummaries(dir, n);
      global.gc?.();
      const heap0 = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const report = await runDctsAudit({ summaries: ['*.json'], cwd: dir, thresholds: defaultAuditThresholds }, new AbortController().signal);
      JSON.stringify(report, null, 2);
      renderAuditMarkdown(report);
      const ms = performance.now() - t0;
      const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
      console.log(`  dcts-audit over ${n} summaries: ${ms.toFixed(0)} ms (${((ms / n) * 1000).toFixed(0)} µs per summary, heap +${heapMb.toFixed(1)} MB, status ${report.status})`);
      if (n !== 10000) continue;
      const audits: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        await runDctsAudit({ summaries: ['*.json'], cwd: dir, thresholds: defaultAuditThresholds }, new AbortController().signal);
        audits.push(performance.now() - t);
      }
      const floor = await readAndParseFloor(dir);
      console.log(`  10,000 summaries in this process: audit ${median(audits).toFixed(0)} ms (median of 3) vs the read-and-parse floor ${floor.toFixed(0)} ms; ratio ${(median(audits) / floor).toFixed(2)} (target ≤ 2)`);
      const out = path.join(root, 'out');
      // Beside them, what the target leaves: a Node process that lists, reads and JSON.parses the files and does nothing else.
      const [cli, py, bare] = interleaved(
        [
          [process.execPath, [path.resolve('dist/cli.js'), 'dcts-audit', '--summaries', '*.json', '--out-json', path.join(out, 'report.json'), '--out-md', path.join(out, 'summary.md'), '--artifacts-dir', path.join(out, 'artifacts')]],
          // The interpreter itself (scripts/bench.mjs resolves it: PATH's python3 may be a launcher).
          [process.env.AURORA_BENCH_PYTHON ?? 'python3', [path.resolve('test/bench/dcts_audit_reference.py'), '--summaries', '*.json', '--out-json', path.join(out, 'py.json'), '--out-md', path.join(out, 'py.md')]],
          [process.execPath, ['-e', "const fs = require('fs'); for (const f of fs.readdirSync('.')) if (f.endsWith('.json')) JSON.parse(fs.readFileSync(f, 'utf8'))"]],
        ],
        dir,
      );
      if (py.status !== 0) console.log(`  (the Python reference exited ${py.status}: no python3?)`);
      else {
        console.log(`  aurora-ga dcts-audit, 10,000 summaries, as a process (dist/dcts-audit.cjs, production build): ${cli.ms.toFixed(0)} ms (exit ${cli.status}) vs the original in Python (${process.env.AURORA_BENCH_PYTHON ?? 'python3'}) ${py.ms.toFixed(0)} ms; ratio ${(cli.ms / py.ms).toFixed(2)} (target ≤ 0.5)`);
        console.log(`    the read-and-parse floor as a Node process: ${bare.ms.toFixed(0)} ms, ratio ${(bare.ms / py.ms).toFixed(2)} to Python; aurora-ga is ${(cli.ms / bare.ms).toFixed(2)}× that`);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
  const monitoring = path.join(process.cwd(), 'configs/monitoring');
  for (const [what, args] of [['promtool check rules aurora_alerts.yml', ['check', 'rules', 'aurora_alerts.yml']], ['promtool test rules (all alert unit tests)', ['test', 'rules', 'tests/aurora_alerts.test.yml']]] as const) {
    const t0 = performance.now();
    execFileSync('promtool', [...args], { cwd: monitoring, stdio: 'ignore' });
    console.log(`  ${what}: ${(performance.now() - t0).toFixed(0)} ms`);
  }
}

void main();
