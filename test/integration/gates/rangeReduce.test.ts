// promql_range reductions against a REAL Prometheus: one series whose last, max, min and average
// all differ, so each reduction is told apart by its value (computed here from the samples).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { GateReport } from '../../../src/core/verdict/types';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../../support/prometheus';
import { captureIO } from '../../unit/cli/main.test';

const END = Math.floor(Date.now() / 60_000) * 60;
// One sample a minute over the last 10 minutes; the last is neither the largest nor the smallest.
const VALUES = [3, 9, 1, 4, 7, 2, 8, 6, 5, 2.5];
const SAMPLES: [number, number][] = VALUES.map((v, i) => [END - (VALUES.length - 1 - i) * 60, v]);

describe('gates: promql_range reduce (real Prometheus)', function () {
  this.timeout(60_000);
  let prom: RunningServer;
  let dir: string;
  before(async () => {
    prom = await startPrometheus({ openMetrics: renderOpenMetrics([{ name: 'aurora_reduce_probe', series: [{ labels: {}, samples: SAMPLES }] }]) });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-reduce-'));
  });
  after(async () => {
    await prom?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('max, min, avg and last each reduce the window\'s samples as named', async () => {
    const reductions = ['max', 'min', 'avg', 'last'] as const;
    const checks = reductions.map((r) => `      - id: ${r}\n        name: ${r}\n        type: promql_range\n        query: aurora_reduce_probe\n        reduce: ${r}\n        comparator: ">="\n        threshold: 0\n`).join('');
    const file = path.join(dir, 'gates.yaml');
    fs.writeFileSync(file, `schema_version: 1\ngates:\n  - key: probe\n    id: 1\n    name: Probe\n    fail_action: NO-GO\n    remediation: none\n    checks:\n${checks}`);
    const io = captureIO(dir);
    // A 10-minute window ending at the last sample: exactly the ten steps that hold the samples.
    await runCli(['gates', '--prometheus-url', prom.url, '--gates', file, '--at', String(END), '--window-hours', String(9 / 60), '--quiet'], io, AbortSignal.timeout(30_000));
    const report = JSON.parse(io.out) as GateReport;
    const value = (id: string) => report.gates[0].checks.find((c) => c.check_id === id)?.value;
    const expected = { max: Math.max(...VALUES), min: Math.min(...VALUES), avg: VALUES.reduce((a, b) => a + b, 0) / VALUES.length, last: VALUES.at(-1)! };
    for (const r of reductions) {
      const v = value(r);
      assert.ok(typeof v === 'number' && Math.abs(v - expected[r]) < 1e-9, `${r}: ${v} vs ${expected[r]}`);
    }
  });
});
