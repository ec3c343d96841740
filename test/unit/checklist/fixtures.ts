// Inputs for the checklist's unit tests: one complete, passing, live set of results that each test
// then breaks in exactly one way.
import type { CanaryResults } from '../../../src/core/canary/results';
import type { ChecklistInputs, LockResult } from '../../../src/core/checklist/inputs';
import { ALL_ITEMS } from '../../../src/core/checklist/definition';
import { ROLES } from '../../../src/core/checklist/messages';
import { untrusted, type SignoffTrust } from '../../../src/core/checklist/signoff';
import { emptyState, type ChecklistState } from '../../../src/core/checklist/state';
import type { ReadinessReport } from '../../../src/core/readiness/types';
import type { CheckResult, GateReport, GateResult, GateStatus } from '../../../src/core/verdict/types';

export const REPORT_SHA = 'a'.repeat(64);
export const LOCKS_SHA = 'b'.repeat(64);

export function check(id: string, name: string, value: number, threshold: number, outcome: 'PASS' | 'FAIL' | 'WARN' = 'PASS', comparator: CheckResult['comparator'] = '<='): CheckResult {
  const counts: GateStatus = outcome === 'PASS' ? 'PASS' : outcome === 'WARN' ? 'WARN' : 'FAIL';
  return {
    check_id: id,
    name,
    outcome,
    counts_as: counts,
    value,
    threshold,
    comparator,
    severity: 'fail',
    message: `${name} ${value}`,
    evidence: { kind: 'prometheus', source: 'http://127.0.0.1:9090', query: `q_${id}`, evaluated_at: '2026-11-27T00:00:00Z', window: '48h', series_count: 1, raw: [{ value: String(value) }], threshold, comparator, duration_ms: 3 },
  };
}

function gate(id: number, key: string, name: string, checks: CheckResult[], failAction: GateResult['fail_action'] = 'NO-GO'): GateResult {
  return { gate_id: id, gate_name: name, key, status: 'PASS', value: checks[0].value, threshold: checks[0].threshold, condition: '', message: 'all checks pass', fail_action: failAction, remediation: '', checks };
}

export function gateReport(): GateReport {
  return {
    schema_version: 1,
    timestamp: '2026-11-27T00:00:00Z',
    window_hours: 48,
    data_mode: 'live',
    overall_status: 'PASS',
    ga_status: 'APPROVED',
    decision: '✅ GA PROMOTION APPROVED - All gates passed',
    decision_code: 'APPROVED',
    next_steps: [],
    source: 'http://127.0.0.1:9090',
    gates: [
      gate(1, 'stability', 'Stability / Hard-fail', [check('violations', 'CI gating violations', 0, 0, 'PASS', '=='), check('warn_rate', 'Warning rate', 0.01, 0.05), check('hard_log_lines', 'HARD log lines', 0, 0, 'PASS', '==')]),
      gate(2, 'dcts', 'DCTS Robustness', [check('var_ratio', 'Variance ratio', 0.5, 0.85), check('rel_diff_p95', 'Relative diff p95', 0.05, 0.15), check('divergence_alert', 'DctsRobustDivergence firing', 0, 0, 'PASS', '==')]),
      gate(3, 'coverage', 'Coverage Control', [check('in_tolerance_share', 'Share in tolerance', 0.99, 0.95, 'PASS', '>='), check('ema_breach_alert', 'AuroraCoverageEMABreach firing', 0, 0, 'PASS', '==')]),
      gate(4, 'risk_dro', 'Risk / DRO Health', [check('dro_factor_p05', 'DRO factor p05', 0.8, 0.6, 'PASS', '>='), check('lambda_delta_p95', '|Δλ| p95', 0.05, 0.15), check('dro_suppressed_alert', 'DROFactorSuppressed firing', 0, 0, 'PASS', '==')], 'CONDITIONAL'),
      gate(5, 'model_qa', 'Model QA', [check('anomalies', 'Anomalies', 0, 0, 'PASS', '=='), check('min_cosine', 'Min cosine', 0.999, 0.995, 'PASS', '>='), check('nan_inf', 'NaN/Inf', 0, 0, 'PASS', '==')]),
    ],
  };
}

export function canary(): CanaryResults {
  const runs = Array.from({ length: 10 }, (_, i) => ({ run_id: i + 1, timestamp: '2026-11-27T00:00:00Z', success: true, exit_code: 0, duration: 1.5, summary_file: null, stdout: '', stderr: '' }));
  return {
    timestamp: '2026-11-27T00:00:00Z',
    config: { profile: 'configs/profiles/r2.yaml', runs: 10, gating: 'soft' },
    evaluation: { total_runs: 10, successful_runs: 10, healthy_runs: 10, success_rate: 1, health_rate: 1, avg_duration: 1.5, success_threshold: 0.7, health_threshold: 0.7, overall_passed: true, status: 'PASS' },
    run_results: runs,
    health_results: runs.map((r) => ({ healthy: true, run_id: r.run_id })),
    data_mode: 'live',
    profile_lock: { enforced: true, status: 'valid', lock_file: 'configs/profiles/r2.lock.json' },
  };
}

export function locks(): LockResult[] {
  return [
    { profile: 'configs/profiles/r2.yaml', lockFile: 'configs/profiles/r2.lock.json', status: 'valid', detail: '', files: ['configs/profiles/r2.lock.json'] },
    { profile: 'configs/profiles/smoke.yaml', lockFile: 'configs/profiles/smoke.lock.json', status: 'valid', detail: '', files: ['configs/profiles/smoke.lock.json'] },
  ];
}

export function readiness(): ReadinessReport {
  const ids = ['version', 'profiles_locks', 'alert_rules', 'dashboard', 'git_clean'] as const;
  return {
    timestamp: '2026-11-27T00:00:00Z',
    overall_ready: true,
    readiness_status: 'READY',
    checks: {},
    next_steps: [],
    ga_promotion_criteria: {},
    schema_version: 1,
    results: ids.map((id) => ({ id, name: id, passed: true, message: `${id} ok`, details: [] })),
    alerts_defined: ['AuroraCoverageEMABreach', 'AuroraHardGateTrip', 'DctsRobustDivergence', 'DROFactorSuppressed'],
    rule_files: ['configs/monitoring/alerts.yml'],
    dashboard_files: ['configs/monitoring/dashboard.json'],
  };
}

export function inputs(): ChecklistInputs {
  return {
    gates: { state: 'ok', where: 'artifacts/ga/gates_report.json', file: 'artifacts/ga/gates_report.json', value: gateReport() },
    gateReportSha256: REPORT_SHA,
    locks: { state: 'ok', where: 'profile locks in the workspace', value: { results: locks(), sha256: LOCKS_SHA } },
    canary: { state: 'ok', where: 'artifacts/canary_results.json', file: 'artifacts/canary_results.json', value: canary() },
    audit: { state: 'ok', where: 'artifacts/dcts_audit/report.json', file: 'artifacts/dcts_audit/report.json', value: { status: 'PASS', details: [] } },
    readiness: { state: 'ok', where: 'readiness checks', value: readiness() },
    version: '0.4.0-rc1',
  };
}

/** Every manual item ticked (optional ones too) and three fresh sign-offs. */
export function completeState(): ChecklistState {
  const s = emptyState();
  for (const item of ALL_ITEMS) if (!item.auto) s.items[item.id] = { checked: true, note: '', updated_at: '2026-11-27T00:00:00Z' };
  for (const role of ROLES) s.signoffs[role] = { name: `${role} person`, role, time: '2026-11-27T00:00:00Z', gate_report_sha256: REPORT_SHA, locks_sha256: LOCKS_SHA };
  return s;
}

/** Every role's sign-off verified (as src/core/attest would find three good signatures), default policy. */
export function verified(): SignoffTrust {
  const t = untrusted();
  for (const role of ROLES) t.checks[role] = { status: 'valid', counts: true, detail: `signed by ${role} person` };
  return t;
}

type Sources = 'gates' | 'locks' | 'canary' | 'audit' | 'readiness';
/** The value of a source of `i` that loaded; a test that broke that source by mistake stops here, naming it. */
export function loadedValue<K extends Sources>(i: ChecklistInputs, key: K): Extract<ChecklistInputs[K], { state: 'ok' }>['value'] {
  const source = i[key];
  if (source.state !== 'ok') throw new Error(`${key} fixture not ok: ${source.detail}`);
  return source.value as Extract<ChecklistInputs[K], { state: 'ok' }>['value'];
}
