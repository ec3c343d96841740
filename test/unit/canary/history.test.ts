import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { historySignature, listSequences, SEQUENCE_RESULTS } from '../../../src/core/canary/history';
import { PROGRESS_FILE } from '../../../src/core/canary/progressLog';
import type { CanaryResults } from '../../../src/core/canary/results';

const never = () => new AbortController().signal;
const results = (status: 'PASS' | 'FAIL'): CanaryResults => ({
  timestamp: '2026-11-27T02:00:00.000Z',
  config: { profile: 'p.yaml', runs: 0, gating: 'soft' },
  evaluation: { total_runs: 0, successful_runs: 0, healthy_runs: 0, success_rate: 0, health_rate: 0, avg_duration: 0, success_threshold: 0.7, health_threshold: 0.7, overall_passed: status === 'PASS', status },
  run_results: [],
  health_results: [],
});
const start = { kind: 'start', started_at: '', profile: 'p.yaml', planned_runs: 2, gating: 'soft', data_mode: 'live', run_budget_s: 1 };

describe('canary history folder', () => {
  let dir: string;
  const seq = (name: string, files: Record<string, string>) => {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    for (const [f, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name, f), text);
  };
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-history-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists sequence folders newest first, up to the limit, ignoring other names and plain files', async () => {
    // Made out of order, so the listing's order is its own, not the folder's.
    seq('20261127T010000Z', { [SEQUENCE_RESULTS]: JSON.stringify(results('PASS')) });
    seq('20261125T010000Z', { [SEQUENCE_RESULTS]: JSON.stringify(results('FAIL')) });
    seq('20261127T010000Z-2', { [SEQUENCE_RESULTS]: JSON.stringify(results('PASS')) });
    seq('notes', {});
    seq('old-20261129T010000Z', {});
    fs.writeFileSync(path.join(dir, '20261128T010000Z'), 'a file, not a sequence');
    const all = await listSequences(dir, never());
    assert.deepEqual(all.map((e) => e.name), ['20261127T010000Z-2', '20261127T010000Z', '20261125T010000Z']);
    assert.deepEqual(all.map((e) => [e.dir, e.results?.evaluation.status, e.problem, e.progress]), [
      [path.join(dir, '20261127T010000Z-2'), 'PASS', null, null],
      [path.join(dir, '20261127T010000Z'), 'PASS', null, null],
      [path.join(dir, '20261125T010000Z'), 'FAIL', null, null],
    ]);
    assert.deepEqual((await listSequences(dir, never(), 2)).map((e) => e.name), ['20261127T010000Z-2', '20261127T010000Z']);
  });

  it('a folder without results carries its progress; a corrupt one its error and no progress', async () => {
    seq('20261127T010000Z', { [PROGRESS_FILE]: `${JSON.stringify(start)}\n` });
    seq('20261126T010000Z', { [SEQUENCE_RESULTS]: '{"timestamp": 1}', [PROGRESS_FILE]: `${JSON.stringify(start)}\n` });
    const [running, corrupt] = await listSequences(dir, never());
    assert.deepEqual([running.results, running.problem, running.progress?.start.planned_runs], [null, 'no results (running or interrupted)', 2]);
    assert.equal(corrupt.results, null);
    assert.equal(corrupt.progress, null);
    assert.match(corrupt.problem!, new RegExp(`^${path.join(dir, '20261126T010000Z', SEQUENCE_RESULTS).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:1:\\d+: not valid canary results: timestamp`));
  });

  it('no folder is no history; a path that is not a folder is an error', async () => {
    assert.deepEqual(await listSequences(path.join(dir, 'none'), never()), []);
    fs.writeFileSync(path.join(dir, 'file'), '');
    await assert.rejects(listSequences(path.join(dir, 'file'), never()), (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOTDIR');
  });

  it('a cancelled listing rejects rather than reporting the sequences as unreadable', async () => {
    seq('20261127T010000Z', { [SEQUENCE_RESULTS]: JSON.stringify(results('PASS')) });
    const c = new AbortController();
    c.abort();
    await assert.rejects(listSequences(dir, c.signal));
  });

  it('fingerprints the folder: count, newest sequence, and its progress and results files', async () => {
    assert.equal(await historySignature(path.join(dir, 'none')), 'none');
    assert.equal(await historySignature(dir), '0');
    seq('20261127T010000Z', { [PROGRESS_FILE]: 'abc' });
    seq('20261125T010000Z', { [SEQUENCE_RESULTS]: '{}' });
    seq('20261126T010000Z', {});
    seq('other', {});
    seq('old-20261129T010000Z', {});
    const st = fs.statSync(path.join(dir, '20261127T010000Z', PROGRESS_FILE));
    assert.equal(await historySignature(dir), `3:20261127T010000Z:3@${st.mtimeMs}:-`);
    fs.writeFileSync(path.join(dir, '20261127T010000Z', SEQUENCE_RESULTS), '{"x":1}');
    const rs = fs.statSync(path.join(dir, '20261127T010000Z', SEQUENCE_RESULTS));
    assert.equal(await historySignature(dir), `3:20261127T010000Z:3@${st.mtimeMs}:7@${rs.mtimeMs}`);
  });
});
