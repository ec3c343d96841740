import type { CliCommand } from '../command';
import { canaryCommand } from './canary';
import { dctsAuditCommand } from './dcts-audit';

/** Every `aurora-ga` subcommand, one module each under this folder. */
export const commands: CliCommand[] = [canaryCommand, dctsAuditCommand];
