import type { WorkspaceLock } from '../lock';
import { checkAlertRules } from './alertRules';
import { checkDashboards } from './dashboard';
import { checkGitClean } from './gitClean';
import type { ReadinessCheck, ReadinessReport } from './types';
import { checkVersion } from './version';

export interface ReadinessOptions {
  /** Lock results from the lock engine, or the error it raised. */
  locks: WorkspaceLock[] | Error;
  ruleFiles?: string[];
  dashboardFiles?: string[];
}

function checkProfilesLocks(locks: WorkspaceLock[] | Error): ReadinessCheck {
  const base = { id: 'profiles_locks', name: 'Configuration Profiles' } as const;
  if (locks instanceof Error) return { ...base, passed: false, message: `cannot check locks: ${locks.message}`, details: [] };
  if (locks.length === 0) return { ...base, passed: false, message: 'no locked profile found', details: [] };
  const bad = locks.filter((l) => l.status !== 'valid');
  const details = locks.map((l) => `${l.profile}: ${l.status}${l.detail ? ` — ${l.detail}` : ''}`);
  if (bad.length) return { ...base, passed: false, message: `${bad.length} of ${locks.length} profile lock(s) do not validate`, details };
  return { ...base, passed: true, message: `${locks.length} profile lock(s) valid`, details };
}

const NEXT_STEPS: Record<string, string> = {
  version: 'Write the release candidate version to VERSION (X.Y.Z-rcN)',
  profiles_locks: 'Fix or re-create the profile locks: aurora-ga lock --check .',
  alert_rules: 'Fix the alert rules until `promtool check rules` passes',
  dashboard: 'Fix the Grafana dashboard: every panel needs a query, every variable a use',
  git_clean: 'Release from a clean git checkout: commit or discard the changes listed',
};

/** The readiness checks of `ga_readiness.py`, corrected to check today's tools; independent checks run concurrently. */
export async function runReadiness(root: string, options: ReadinessOptions, signal: AbortSignal, now = new Date()): Promise<ReadinessReport> {
  const [version, rules, dashboards, git] = await Promise.all([
    checkVersion(root, signal),
    checkAlertRules(root, options.ruleFiles, signal),
    checkDashboards(root, options.dashboardFiles, signal),
    checkGitClean(root, signal),
  ]);
  const results = [version, checkProfilesLocks(options.locks), rules.check, dashboards.check, git];
  const ready = results.every((r) => r.passed);
  return {
    timestamp: now.toISOString(),
    overall_ready: ready,
    readiness_status: ready ? 'READY' : 'NOT_READY',
    checks: Object.fromEntries(results.map((r) => [r.name, { passed: r.passed, message: r.message }])),
    next_steps: ready ? ['Evaluate the gates: aurora-ga gates', 'Run the canary: aurora-ga canary', 'Hold the GO/NO-GO meeting: aurora-ga checklist'] : results.filter((r) => !r.passed).map((r) => NEXT_STEPS[r.id]),
    ga_promotion_criteria: {
      gates: 'All deciding GA gates PASS on live data (aurora-ga gates)',
      locks: 'Every profile lock validates (aurora-ga lock --check)',
      canary: 'Canary success and health rates >= 70% (aurora-ga canary)',
      monitoring: 'Alert rules and dashboard valid',
      checklist: 'GO/NO-GO checklist decides GO with three sign-offs (aurora-ga checklist)',
      promotion: 'Promote only from live data (aurora-ga promote --version X)',
    },
    schema_version: 1,
    results,
    alerts_defined: rules.alerts,
    rule_files: rules.files,
    dashboard_files: dashboards.files,
  };
}
