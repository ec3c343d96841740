import assert from 'node:assert/strict';
import { canaryConfigSchema } from '../../../src/core/canary/config';
import { classify, logText } from '../../../src/core/canary/outcome';
import type { ProcessOutcome } from '../../../src/core/canary/processRun';
import { TailBuffer } from '../../../src/core/canary/tail';

const config = (over: object = {}) => canaryConfigSchema.parse({ command: ['x'], timeout_seconds: 7, ...over });
const buffer = (text: string, cap = 1024) => {
  const b = new TailBuffer(cap);
  if (text) b.push(Buffer.from(text));
  return b;
};
const outcome = (over: Partial<Omit<ProcessOutcome, 'stdout' | 'stderr'>> & { stdout?: string; stderr?: string } = {}): ProcessOutcome => ({
  exitCode: 0, signal: null, timedOut: false, aborted: false, spawnError: null, durationMs: 1234.5, ...over, stdout: buffer(over.stdout ?? ''), stderr: buffer(over.stderr ?? ''),
});

describe('canary run outcome', () => {
  it('a start failure, a cancellation and a timeout come before any exit code', () => {
    const all = { spawnError: "cannot start 'x': ENOENT", aborted: true, timedOut: true, exitCode: 3 };
    assert.deepEqual(classify(outcome(all), config({ gating: 'hard' }), null), { outcome: 'spawn_error', exitCode: -1, reason: "cannot start 'x': ENOENT" });
    assert.deepEqual(classify(outcome({ ...all, spawnError: null }), config({ gating: 'hard' }), null), { outcome: 'cancelled', exitCode: -1, reason: 'cancelled' });
    assert.deepEqual(classify(outcome({ ...all, spawnError: null, aborted: false }), config({ gating: 'hard' }), null), { outcome: 'timeout', exitCode: -1, reason: 'timed out after 7s; process group killed' });
  });

  it('a run cut short by the sequence says what stopped it', () => {
    assert.deepEqual(classify(outcome({ aborted: true, exitCode: null }), config(), 'stopped: hard gating tripped in run 2'), { outcome: 'cancelled', exitCode: -1, reason: 'stopped: hard gating tripped in run 2' });
  });

  it('exit 0 is a success without a reason; a signal is a failure naming it', () => {
    assert.deepEqual(classify(outcome({ stderr: 'noise' }), config(), null), { outcome: 'success', exitCode: 0, reason: null });
    assert.deepEqual(classify(outcome({ exitCode: null, signal: 'SIGSEGV' }), config(), null), { outcome: 'failed', exitCode: -1, reason: 'killed by SIGSEGV' });
    assert.deepEqual(classify(outcome({ exitCode: null }), config(), null), { outcome: 'failed', exitCode: -1, reason: 'killed by a signal' });
  });

  it('the hard-trip exit code trips only under hard gating; under soft or none it is a plain failure', () => {
    const exit3 = outcome({ exitCode: 3, stderr: 'hard gate\n' });
    assert.deepEqual(classify(exit3, config({ gating: 'hard' }), null), { outcome: 'hard_trip', exitCode: 3, reason: 'hard gating tripped (exit 3): hard gate' });
    for (const gating of ['soft', 'none']) assert.deepEqual(classify(exit3, config({ gating }), null), { outcome: 'failed', exitCode: 3, reason: 'exit code 3: hard gate' }, gating);
    // The configured code, not 3, is the trip.
    assert.equal(classify(exit3, config({ gating: 'hard', hard_trip_exit_code: 5 }), null).outcome, 'failed');
    assert.deepEqual(classify(outcome({ exitCode: 5 }), config({ gating: 'hard', hard_trip_exit_code: 5 }), null), { outcome: 'hard_trip', exitCode: 5, reason: 'hard gating tripped (exit 5)' });
  });

  it('the reason is the last stderr line, else the last stdout line, trimmed and cut at 200 characters', () => {
    const reason = (over: Parameters<typeof outcome>[0]) => classify(outcome({ exitCode: 2, ...over }), config(), null).reason;
    assert.equal(reason({ stderr: 'first\n  second line  \n\n', stdout: 'out' }), 'exit code 2: second line');
    assert.equal(reason({ stderr: ' \n', stdout: 'one\nlast of stdout\n' }), 'exit code 2: last of stdout');
    assert.equal(reason({}), 'exit code 2');
    const long = 'y'.repeat(201);
    assert.equal(reason({ stderr: long }), `exit code 2: ${'y'.repeat(200)}…`);
    assert.equal(reason({ stderr: long.slice(1) }), `exit code 2: ${long.slice(1)}`, 'exactly 200 characters are kept whole');
  });
});

describe('canary run log', () => {
  const lines = (text: string) => text.split('\n');

  it('quotes for a shell only the arguments that need it', () => {
    const log = logText(['/usr/bin/node', 'a@b%c+d=e:f,g./h-i_J9', 'two words', "it's", ''], outcome(), { outcome: 'success', exitCode: 0, reason: null });
    assert.equal(lines(log)[0], `$ /usr/bin/node a@b%c+d=e:f,g./h-i_J9 'two words' 'it'\\''s' ''`);
  });

  it('gives each stream with its size, ends it with a newline, and the outcome with the duration in seconds', () => {
    const log = logText(['x'], outcome({ stdout: 'out line', stderr: 'err\n', durationMs: 1234 }), { outcome: 'failed', exitCode: 2, reason: 'exit code 2: err' });
    assert.equal(log, '$ x\n--- stdout (8 bytes) ---\nout line\n--- stderr (4 bytes) ---\nerr\n--- failed: exit code 2: err after 1.234s ---\n');
    const quiet = logText(['x'], outcome({ durationMs: 20 }), { outcome: 'success', exitCode: 0, reason: null });
    assert.equal(quiet, '$ x\n--- stdout (0 bytes) ---\n--- stderr (0 bytes) ---\n--- success: exit code 0 after 0.020s ---\n');
  });

  it('says how much of a stream was kept once it overflowed', () => {
    const p = outcome();
    p.stdout = buffer('0123456789', 4);
    const log = logText(['x'], p, { outcome: 'success', exitCode: 0, reason: null });
    assert.equal(lines(log).slice(1, 3).join('\n'), '--- stdout (10 bytes, last 4 kept) ---\n6789');
  });
});
