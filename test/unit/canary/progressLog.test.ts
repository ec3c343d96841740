import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendProgress, PROGRESS_FILE, readProgress, type ProgressStart } from '../../../src/core/canary/progressLog';
import type { HealthResult, RunResult } from '../../../src/core/canary/results';

const never = () => new AbortController().signal;
const start: ProgressStart = { kind: 'start', started_at: '2026-11-27T02:00:00.000Z', profile: 'p.yaml', planned_runs: 3, gating: 'hard', data_mode: 'live', run_budget_s: 12 };
const run = (id: number): RunResult => ({ run_id: id, timestamp: '2026-11-27T02:00:00.000Z', success: true, exit_code: 0, duration: 1, summary_file: null, stdout: '', stderr: '' });
const health = (id: number): HealthResult => ({ healthy: id % 2 === 1, run_id: id });

describe('canary progress log', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-progress-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads back what was appended: the start line and the runs, ordered by run id, with the file time', async () => {
    await appendProgress(dir, start);
    for (const id of [3, 1]) await appendProgress(dir, { kind: 'run', run: run(id), health: health(id) });
    const p = await readProgress(dir, never());
    assert.ok(p);
    assert.deepEqual(p.start, start);
    assert.deepEqual(p.runs, [{ run: run(1), health: health(1) }, { run: run(3), health: health(3) }]);
    assert.equal(p.updatedAt.getTime(), fs.statSync(path.join(dir, PROGRESS_FILE)).mtime.getTime());
    assert.equal(fs.readFileSync(path.join(dir, PROGRESS_FILE), 'utf8').split('\n').length, 4, 'one line per entry, each ended');
  });

  it('skips blank lines, a torn last line and lines of no known kind', async () => {
    const lines = ['', JSON.stringify(start), '   ', JSON.stringify({ kind: 'other' }), JSON.stringify({ kind: 'run', run: run(2), health: health(2) }), '{"kind":"run","run":{"run_id":3'];
    fs.writeFileSync(path.join(dir, PROGRESS_FILE), lines.join('\n'));
    const p = await readProgress(dir, never());
    assert.deepEqual(p?.runs.map((r) => r.run.run_id), [2]);
    assert.equal(p?.start.planned_runs, 3);
  });

  it('is null without a file or without a start line', async () => {
    assert.equal(await readProgress(dir, never()), null);
    fs.writeFileSync(path.join(dir, PROGRESS_FILE), `${JSON.stringify({ kind: 'run', run: run(1), health: health(1) })}\n`);
    assert.equal(await readProgress(dir, never()), null);
  });

  it('a cancelled read rejects instead of passing for a missing file', async () => {
    await appendProgress(dir, start);
    const c = new AbortController();
    c.abort();
    await assert.rejects(readProgress(dir, c.signal), (e: unknown) => (e as Error).name === 'AbortError');
  });
});
