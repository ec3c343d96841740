import type { CliCommand } from '../command';

/** Every `aurora-ga` subcommand, one module each under this folder. */
export const commands: CliCommand[] = [];
