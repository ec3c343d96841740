import { ExitCode, VERSION, type CliIO } from './command';
import { commands } from './commands/index';
import { runCommand, withColor } from './runCommand';
import { didYouMean } from './suggest';

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  const rows = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n');
  return `aurora-ga ${VERSION} — decide whether a release candidate may be promoted to GA\n\nUsage: aurora-ga <command> [options]\n\nCommands:\n${rows}\n\nRun 'aurora-ga <command> --help' for a command's options.\n`;
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argvIn: string[], ioIn: CliIO, signal: AbortSignal): Promise<number> {
  const { argv, io } = withColor(argvIn, ioIn);
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
    io.stderr(`${io.color.red('aurora-ga:')} unknown command '${name}'${hint}\nRun 'aurora-ga --help' for the list of commands.\n`);
    return ExitCode.usage;
  }
  return runCommand(name, entry.load, rest, io, signal);
}
