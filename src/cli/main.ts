import { InputError, stripControls } from '../core/util';
import { UsageError } from './args';
import { colorEnabled, colors } from './color';
import { ExitCode, VERSION, type CliIO } from './command';
import { commands } from './commands/index';
import { didYouMean } from './suggest';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `aurora-ga ${VERSION} — decide whether a release candidate may be promoted to GA\n\nUsage: aurora-ga <command> [options]\n\nCommands:\n${rows}\n\nRun 'aurora-ga <command> --help' for a command's options.\n`;
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argvIn: string[], ioIn: CliIO, signal: AbortSignal): Promise<number> {
  // --no-color is global: any command takes it, none sees it.
  const argv = argvIn.filter((a) => a !== '--no-color');
  const paint = colors(colorEnabled(ioIn.env, ioIn.stdoutIsTTY, argv.length !== argvIn.length));
  const io: CliIO = { ...ioIn, color: paint };
  const red = paint.red;
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText());
    return name ? ExitCode.ok : ExitCode.usage;
  }
  if (name === '--version' || name === '-V') {
    io.stdout(`${VERSION}\n`);
    return ExitCode.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    const hint = didYouMean(name, commands.map((c) => c.name));
    io.stderr(`${red('aurora-ga:')} unknown command '${name}'${hint}\nRun 'aurora-ga --help' for the list of commands.\n`);
    return ExitCode.usage;
  }
  try {
    const command = await entry.load();
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
