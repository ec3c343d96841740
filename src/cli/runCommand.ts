import { InputError, stripControls } from '../core/util';
import { UsageError } from './args';
import { colorEnabled, colors, type Colors } from './color';
import { ExitCode, type CliCommand, type CliIO } from './command';

/** An io whose colours are set (withColor). */
export type ColoredIO = CliIO & { readonly color: Colors };

/** Takes the global --no-color out of the arguments (any command takes it, none sees it) and sets the io's colours. */
export function withColor(argvIn: string[], ioIn: CliIO): { argv: string[]; io: ColoredIO } {
  const argv = argvIn.filter((a) => a !== '--no-color');
  return { argv, io: { ...ioIn, color: colors(colorEnabled(ioIn.env, ioIn.stdoutIsTTY, argv.length !== argvIn.length)) } };
}

/** Runs one command (its --help included) and maps what it throws to an exit code and a message; never throws. */
export async function runCommand(name: string, load: () => Promise<CliCommand>, rest: string[], io: ColoredIO, signal: AbortSignal): Promise<number> {
  const red = io.color.red;
  try {
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`${command.usage.trimEnd()}\n`);
      return ExitCode.ok;
    }
    return await command.run(rest, io, signal);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`${red(`aurora-ga ${name}:`)} ${stripControls(err.message)}\nRun 'aurora-ga ${name} --help' for its options.\n`);
      return ExitCode.usage;
    }
    if (err instanceof InputError) {
      io.stderr(`${red(`aurora-ga ${name}:`)} ${stripControls(err.format())}\n`);
      return ExitCode.usage;
    }
    if (signal.aborted) {
      io.stderr(`aurora-ga ${name}: interrupted\n`);
      return 130;
    }
    // A bug, not bad input: say so plainly; the stack only on request.
    const e = err as Error;
    io.stderr(`aurora-ga ${name}: internal error: ${stripControls(e.message)}\n${process.env.AURORA_DEBUG ? `${e.stack}\n` : '(set AURORA_DEBUG=1 for details)\n'}`);
    return ExitCode.usage;
  }
}
