import type { CliCommand } from './command';
import { runInProcess } from './processIO';
import { runCommand, withColor } from './runCommand';

/**
 * Runs one command as its own bin (dist/<name>.cjs, which the launcher dist/cli.js loads for it):
 * the same runner as dist/cli.mjs, without Node's ES-module loader and the shared chunks.
 */
export function runAlone(name: string, command: CliCommand): void {
  runInProcess((argvIn, ioIn, signal) => {
    const { argv, io } = withColor(argvIn, ioIn);
    return runCommand(name, async () => command, argv.slice(1), io, signal);
  });
}
