// The `aurora-ga` process: real stdio, Ctrl-C as an abort, the exit code from runCli.
import { runCli } from './main';
import type { CliIO } from './command';

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
void runCli(process.argv.slice(2), io, controller.signal).then((code) => {
  process.exitCode = code;
});
