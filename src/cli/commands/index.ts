import type { CliCommand } from '../command';
import { dctsAuditCommand } from './dcts-audit';

/** Every `aurora-ga` subcommand, one module each under this folder. */
export const commands: CliCommand[] = [dctsAuditCommand];
