import type { CliCommand } from '../command';
import { canaryCommand } from './canary';
import { checklistCommand } from './checklist';
import { dctsAuditCommand } from './dcts-audit';
import { gatesCommand } from './gates';
import { promoteCommand } from './promote';
import { readinessCommand } from './readiness';

/** Every `aurora-ga` subcommand, one module each under this folder. */
export const commands: CliCommand[] = [gatesCommand, canaryCommand, dctsAuditCommand, checklistCommand, readinessCommand, promoteCommand];
