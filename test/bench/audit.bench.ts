// DCTS audit and monitoring benchmarks (printed figures, no assertions):
//  1. audit wall time and per-summary cost for 100 / 1,000 / 10,000 replay summaries (glob + read +
//     statistics + both renderings), and the heap it adds;
//  2. promtool check + test of the shipped alert rules (what CI pays for them).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { renderAuditMarkdown } from '../../src/core/audit/markdown';
import { runDctsAudit } from '../../src/core/audit/runDctsAudit';
import { defaultAuditThresholds } from '../../src/core/audit/types';

function writeSummaries(dir: string, n: number): void {
  fs.mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const s = i % 2 ? -1 : 1;
    const doc = { run_id: `run_${i}`, tvf2: { dcts: 0.5 + s * 0.01, dcts_robust: { value: 0.5 + s * 0.004 }, dcts_min: { value: 0.49 }, dcts_grids: { '0.5': 0.49, '1.0': 0.5, '2.0': 0.51 } }, replay: { ticks: Array.from({ length: 50 }, (_, k) => k) } };
    fs.writeFileSync(path.join(dir, `replay_${String(i).padStart(5, '0')}.json`), JSON.stringify(doc, null, 2));
  }
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
