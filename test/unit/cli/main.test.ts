import assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/command';

export function captureIO(cwd = process.cwd(), env: NodeJS.ProcessEnv = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) { io.out += t; },
    stderr(t: string) { io.err += t; },
    stdoutIsTTY: false,
    cwd,
    env,
  };
  return io;
}

describe('aurora-ga CLI shell', () => {
  it('prints help and exits 2 without a command', async () => {
    const io = captureIO();
    assert.equal(await runCli([], io, new AbortController().signal), 2);
    assert.match(io.out, /Usage: aurora-ga <command>/);
  });

  it('rejects an unknown command with exit 2 and no stack trace', async () => {
    const io = captureIO();
    assert.equal(await runCli(['frobnicate'], io, new AbortController().signal), 2);
    assert.match(io.err, /unknown command 'frobnicate'/);
    assert.doesNotMatch(io.err, /\n\s+at /);
  });
});
