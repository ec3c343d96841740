import type { CliCommand } from '../command';
import { canaryCommand } from './canary';
import { checklistCommand } from './checklist';
import { dctsAuditCommand } from './dcts-audit';
import { gatesCommand } from './gates';
import { historyCommand } from './history';
import { lockCommand } from './lock';
import { profilesCommand } from './profiles';
import { promoteCommand } from './promote';
import { readinessCommand } from './readiness';
import { verifyCommand } from './verify';

/** Every `aurora-ga` subcommand, one module each under this folder. */
export const commands: CliCommand[] = [gatesCommand, lockCommand, profilesCommand, canaryCommand, dctsAuditCommand, checklistCommand, readinessCommand, promoteCommand, verifyCommand, historyCommand];
