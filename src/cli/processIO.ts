import type { CliIO } from './command';

/** The process's real stdio and folder, and Ctrl-C / SIGTERM as an abort (both bins run through this). */
export function runInProcess(run: (argv: string[], io: CliIO, signal: AbortSignal) => Promise<number>): void {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const io: CliIO = {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    cwd: process.cwd(),
    env: process.env,
  };
  void run(process.argv.slice(2), io, controller.signal).then((code) => {
    process.exitCode = code;
  });
}
