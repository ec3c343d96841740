import assert from 'node:assert/strict';
import { runProcess } from '../../../src/core/canary/processRun';

describe('canary process run', () => {
  it('starts nothing once the sequence is already cancelled', async () => {
    const c = new AbortController();
    c.abort();
    // A program that cannot start: had it been tried, the outcome would carry its spawn error.
    const p = await runProcess({ argv: ['/nonexistent/aurora-never-started'], cwd: '/', env: {}, timeoutMs: 60_000, killGraceMs: 0, tailBytes: 16 }, c.signal);
    assert.deepEqual({ ...p, stdout: p.stdout.total, stderr: p.stderr.total }, { aborted: true, timedOut: false, exitCode: null, signal: null, spawnError: null, durationMs: 0, stdout: 0, stderr: 0 });
  });
});
