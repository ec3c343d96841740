// Canary A/B mode with real child processes: baseline and candidate commands interleaved
// (ABAB…) and their summaries' latency judged by the same judge as the gates' compare checks.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readCanaryResults } from '../../../src/core/canary/results';
import { runCanary } from '../../../src/core/canary/runner';
import { sequenceFromResults } from '../../../src/providers/canary/model';
import { childPlan, tempRoot } from './support';

// Writes a healthy summary whose latency is `mean` × (1 ± 2 %), varying with the run id; `failEvery` > 0 makes every n-th run exit 1.
const SCRIPT = `const fs = require('fs'); const [id, mean, failEvery] = process.argv.slice(1).map(Number);
if (failEvery && id % failEvery === 0) process.exit(1);
const latency = mean * (1 + 0.02 * Math.sin(id * 12.9898));
fs.writeFileSync(process.env.AURORA_RUN_DIR + '/summary.json', JSON.stringify({ r2_main_loop: { decisions: 3, execution_decisions: { PASS: 3 }, latency_ms: latency }, r2_preloop: { exit_kind: 'exit', skip_reasons: { zero_budget: 0 } } }));`;
const cmd = (mean: number, failEvery = 0) => ['${node}', '-e', SCRIPT, '${runId}', String(mean), String(failEvery)];
const AB_METRIC = { id: 'latency', name: 'decision latency', path: 'r2_main_loop.latency_ms', allowed: 0.1 };

describe('canary A/B mode (real processes, interleaved baseline and candidate)', function () {
  this.timeout(120_000);
  const roots: string[] = [];
  const run = async (candidateMean: number, candidateFailEvery = 0) => {
    const root = tempRoot();
    roots.push(root);
    const plan = childPlan(root, '', { command: cmd(candidateMean, candidateFailEvery), runs: 12, gating: 'none', ab: { baseline_command: cmd(100), metrics: [{ ...AB_METRIC, direction: 'increase', effect: 'relative', confidence: 0.95, min_samples: 5, nan: 'remove', spread_allowed: null }] } });
    const results = await runCanary(plan, AbortSignal.timeout(100_000));
    return { root, results, plan };
  };
  after(() => {
    for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
  });

  it('alternates A and B, fails a 30 % slower candidate, and shows both groups in the results file and the Canary view', async () => {
    const { root, results, plan } = await run(130);
    assert.deepEqual(results.run_results.map((r) => r.group), Array.from({ length: 12 }, (_, i) => (i % 2 ? 'candidate' : 'baseline')));
    assert.deepEqual(results.ab?.groups.baseline.run_ids, [1, 3, 5, 7, 9, 11]);
    assert.deepEqual(results.ab?.groups.candidate.run_ids, [2, 4, 6, 8, 10, 12]);
    const m = results.ab!.metrics[0];
    assert.equal(m.verdict, 'FAIL');
    assert.ok(m.baseline.every((v) => v !== null && v > 97 && v < 103) && m.candidate.every((v) => v !== null && v > 126 && v < 134), 'each group measured its own command');
    assert.match(m.summary, /candidate decision latency is \d+(\.\d+)?% higher, 95% CI .*above the allowed 10%/);
    assert.equal(results.evaluation.status, 'FAIL');
    assert.equal(results.evaluation.total_runs, 6, 'the rates are the candidate runs');
    assert.ok(results.evaluation.failure_reasons?.some((r) => r.startsWith('A/B FAIL: candidate decision latency')));
    const onDisk = await readCanaryResults(plan.output, AbortSignal.timeout(5_000));
    assert.equal(onDisk.ab?.status, 'FAIL', 'the results file validates with its A/B section');
    const view = sequenceFromResults('seq', onDisk, root);
    assert.match(view.tooltip, /\*\*A\/B FAIL\*\*: baseline runs 1, 3, 5, 7, 9, 11/);
    assert.match(view.description, /A\/B FAIL/);
    assert.equal(view.runs[0].label, 'Run 01 (A baseline)');
  });

  it('passes when both groups run the same thing', async () => {
    const { results } = await run(100);
    assert.equal(results.ab?.status, 'PASS', results.ab?.metrics[0].summary);
    assert.equal(results.evaluation.status, 'PASS');
  });

  it('is INCONCLUSIVE, never a pass, when failed candidate runs leave too few values', async () => {
    const { results } = await run(100, 2);
    const m = results.ab!.metrics[0];
    assert.equal(m.verdict, 'NO_DATA');
    assert.ok(m.candidate.every((v) => v === null));
    assert.equal(results.ab?.status, 'INCONCLUSIVE');
    assert.equal(results.evaluation.overall_passed, false);
    // The rates are the candidate's (every one failed), planned as half of the 12 runs.
    assert.deepEqual([results.evaluation.success_rate, results.evaluation.total_runs, results.evaluation.planned_runs], [0, 6, 6]);
  });
});
