import type { CliCommand } from '../command';

/** A subcommand as `aurora-ga --help` lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<CliCommand>;
}

/**
 * Every `aurora-ga` subcommand, one module each under this folder. Each is a dynamic import, so a
 * run parses and initialises only the engine its command uses (the bundle splits there).
 */
export const commands: CommandEntry[] = [
  { name: 'gates', summary: 'Evaluate the GA gates against Prometheus and artifacts (exit 0 APPROVED, 1 BLOCKED, 3 CONDITIONAL, 4 INCONCLUSIVE, 5 could not evaluate)', load: async () => (await import('./gates.js')).gatesCommand },
  { name: 'lock', summary: 'Create or validate profile locks (SHA-256, compatible with the original tool)', load: async () => (await import('./lock.js')).lockCommand },
  { name: 'profiles', summary: 'Validate profiles against the profile schema (validate_profiles.py report)', load: async () => (await import('./profiles.js')).profilesCommand },
  { name: 'canary', summary: 'Run a canary: N runs of a command, health analysis, soft/hard/none gating', load: async () => (await import('./canary.js')).canaryCommand },
  { name: 'dcts-audit', summary: 'DCTS robustness audit over replay summaries, with PASS/WARN/FAIL', load: async () => (await import('./dcts-audit.js')).dctsAuditCommand },
  { name: 'checklist', summary: 'Fill the GO/NO-GO checklist and decide (exit 0 GO, 1 NO-GO, 3 CONDITIONAL)', load: async () => (await import('./checklist.js')).checklistCommand },
  { name: 'readiness', summary: 'Check VERSION, profile locks, alert rules, dashboards and a clean git tree', load: async () => (await import('./readiness.js')).readinessCommand },
  { name: 'promote', summary: 'Promote to GA (VERSION, hard_override, decision record) only on a live GO', load: async () => (await import('./promote.js')).promoteCommand },
  { name: 'verify', summary: 'Verify a promotion record: signatures, digests, report consistency, replayed decision (exit 0 verified, 1 failed)', load: async () => (await import('./verify.js')).verifyCommand },
  { name: 'history', summary: 'List kept gates evaluations, canary sequences and audits, and compare two of them', load: async () => (await import('./history.js')).historyCommand },
];
