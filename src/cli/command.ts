import type { Colors } from './color';

export const VERSION = '0.1.0';

/** What a CLI command sees of the world; injected so commands are testable without a real terminal. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly stdoutIsTTY: boolean;
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** ANSI colours, enabled only for a terminal (NO_COLOR, FORCE_COLOR, --no-color honoured); set by runCli. */
  readonly color?: Colors;
}

/** One subcommand's module; its name and summary are listed in commands/index.ts. */
export interface CliCommand {
  usage: string;
  /** Returns the process exit code. Throws InputError/UsageError for bad input (exit 2). */
  run(argv: string[], io: CliIO, signal: AbortSignal): Promise<number>;
}

/** Exit codes shared by every command, stable for automation. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  conditional: 3,
  inconclusive: 4,
} as const;
