import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { listSequences } from '../../../src/core/canary/history';
import { PROGRESS_FILE, readProgress } from '../../../src/core/canary/progressLog';
import { runCanary } from '../../../src/core/canary/runner';
import { childPlan, tempRoot } from './support';

const never = () => new AbortController().signal;

describe('canary history and progress files', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => { root = tempRoot(); });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('records a start line and one line per finished run, readable while the sequence runs', async () => {
    const seen: number[] = [];
    let seqDir = '';
    const r = await runCanary(childPlan(root, 'ok,unhealthy', { runs: 3 }), never(), (p) => {
      if (p.kind === 'sequence-start') seqDir = p.sequenceDir;
      // Another process reads the file between runs: it sees the runs finished so far.
      if (p.kind === 'run-start') void readProgress(seqDir, never()).then((pr) => seen.push(pr?.runs.length ?? -1));
    });
    const progress = await readProgress(path.join(root, r.sequence_dir!), never());
    assert.ok(progress);
    assert.deepEqual([progress.start.planned_runs, progress.start.gating, progress.start.data_mode], [3, 'soft', 'live']);
    assert.deepEqual(progress.runs.map((x) => [x.run.run_id, x.health.healthy]), [[1, true], [2, false], [3, false]]);
    assert.deepEqual(progress.runs.map((x) => x.run), r.run_results);
    assert.deepEqual(seen.sort(), [0, 1, 2]);
  });

  it('lists sequences newest first, with the runs of one that never wrote results and a torn last line skipped', async () => {
    const done = await runCanary(childPlan(root, 'ok', { runs: 1 }), never());
    const killed = await runCanary(childPlan(root, 'ok', { runs: 2 }), never());
    // Make the second look killed mid-way: no results file, a half-written line at the end.
    const killedDir = path.join(root, killed.sequence_dir!);
    fs.rmSync(path.join(killedDir, 'canary_results.json'));
    fs.appendFileSync(path.join(killedDir, PROGRESS_FILE), '{"kind":"run","run":{"run_id":3');
    fs.mkdirSync(path.join(root, 'artifacts/canary/not-a-sequence'));
    const list = await listSequences(path.join(root, 'artifacts/canary'), never());
    assert.deepEqual(list.map((e) => e.name), [path.basename(killedDir), path.basename(done.sequence_dir!)]);
    assert.equal(list[0].results, null);
    assert.match(list[0].problem!, /no results/);
    assert.deepEqual(list[0].progress!.runs.map((x) => x.run.run_id), [1, 2]);
    assert.equal(list[1].results!.evaluation.status, 'PASS');
    assert.equal(list[1].progress, null);
  });

  it('reports a corrupt results file instead of hiding the sequence', async () => {
    const r = await runCanary(childPlan(root, 'ok', { runs: 1 }), never());
    fs.writeFileSync(path.join(root, r.sequence_dir!, 'canary_results.json'), '{"timestamp": 1}');
    const [entry] = await listSequences(path.join(root, 'artifacts/canary'), never());
    assert.equal(entry.results, null);
    assert.match(entry.problem!, /canary_results\.json:1:\d+: not valid canary results: timestamp/);
  });
});
