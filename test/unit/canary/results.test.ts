import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCanaryResults, readCanaryResults } from '../../../src/core/canary/results';
import { InputError } from '../../../src/core/util/errors';

// A file exactly as the original canary_run.py wrote it (original-kit.md §4.1): it must still read.
const original = {
  timestamp: '2025-08-21T03:10:00.123456',
  config: { profile: 'configs/profiles/r2.yaml', runs: 2, gating: 'soft' },
  evaluation: {
    total_runs: 2, successful_runs: 1, healthy_runs: 1, success_rate: 0.5, health_rate: 0.5, avg_duration: 12.5,
    success_threshold: 0.7, health_threshold: 0.7, overall_passed: false, status: 'FAIL',
  },
  run_results: [
    { run_id: 1, timestamp: '20250821_031000', success: true, exit_code: 0, duration: 12.5, summary_file: 'runs/a/summary_1.json', stdout: 'ok', stderr: '' },
    { run_id: 2, timestamp: '20250821_031022', success: false, exit_code: -1, duration: 120, summary_file: null, stdout: '', stderr: 'Timeout after 120s' },
  ],
  health_results: [
    { healthy: true, health_checks: { has_decisions: true, has_executions: true, clean_exit: true, no_zero_budget: true }, decisions: 4, executions: 2, exit_kind: 'exit', zero_budget: 0 },
    { healthy: false, reason: 'Run failed' },
  ],
};

describe('canary results: schema and reader', () => {
  let dir: string;
  before(async () => { dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aurora-canary-results-')); });
  after(async () => { await fs.rm(dir, { recursive: true, force: true }); });

  it('reads a results file written by the original Python runner', async () => {
    const file = path.join(dir, 'original.json');
    await fs.writeFile(file, JSON.stringify(original, null, 2));
    const r = await readCanaryResults(file, new AbortController().signal);
    assert.equal(r.evaluation.status, 'FAIL');
    assert.equal(r.run_results[1].exit_code, -1);
    assert.equal(r.health_results[1].reason, 'Run failed');
  });

  it('names the file, line and field of a schema violation', () => {
    const bad = structuredClone(original) as Record<string, unknown>;
    (bad.evaluation as Record<string, unknown>).status = 'MAYBE';
    const text = JSON.stringify(bad, null, 2);
    assert.throws(() => parseCanaryResults(text, 'r.json'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      const line = text.split('\n').findIndex((l) => l.includes('"MAYBE"')) + 1;
      assert.equal(err.location?.line, line);
      assert.match(err.format(), /^r\.json:\d+:\d+: not valid canary results: evaluation\.status: /);
      return true;
    });
  });

  it('reports a missing required key at its parent object', () => {
    const bad = structuredClone(original) as Record<string, unknown>;
    delete (bad.run_results as Record<string, unknown>[])[0].exit_code;
    const text = JSON.stringify(bad, null, 2);
    assert.throws(() => parseCanaryResults(text, 'r.json'), (err: unknown) => {
      assert.ok(err instanceof InputError);
      assert.match(err.message, /run_results\[0\]\.exit_code/);
      assert.equal(err.location?.line, text.split('\n').findIndex((l) => l.includes('"run_id": 1')));
      return true;
    });
  });

  it('reports invalid JSON with line and column, and a missing file by name', async () => {
    assert.throws(() => parseCanaryResults('{\n  "timestamp": ,\n}', 'x.json'), (err: unknown) => err instanceof InputError && err.location?.line === 2);
    await assert.rejects(readCanaryResults(path.join(dir, 'nope.json'), new AbortController().signal), (err: unknown) => err instanceof InputError && err.message === 'canary results file not found' && err.location?.file.endsWith('nope.json') === true);
  });
});
