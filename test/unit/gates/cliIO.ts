import type { CliIO } from '../../../src/cli/command';

/** A CliIO that keeps stdout and stderr apart, to prove warnings never reach stdout. */
export function captureIO(cwd: string, env: NodeJS.ProcessEnv = {}): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    stdoutIsTTY: false,
    cwd,
    env,
  };
  return io;
}
