import { CAUSE_HINT } from '../prometheus/cause';
import { decideGates, needsRemediation } from '../verdict/outage';
import { DECISION_EXIT_CODE, DECISION_TEXT, OVERALL_STATUS } from '../verdict/rollup';
import type { DataMode, DecisionCode, EvaluationError, GateReport, GateResult } from '../verdict/types';

export const REPORT_SCHEMA_VERSION = 2;

const APPROVED_STEPS = ['Enable ci_gating.hard_override: auto', 'Promote r2 profile with lock', 'Create GA Decision PR', 'Deploy to production'];

/** The exit code of a report: the decision's, except that replay/demo data can never exit 0 (promote). */
export function exitCodeFor(decision: DecisionCode, dataMode: DataMode): number {
  if (decision === 'APPROVED' && dataMode !== 'live') return DECISION_EXIT_CODE.INCONCLUSIVE;
  return DECISION_EXIT_CODE[decision];
}

function nextSteps(gates: GateResult[], decision: DecisionCode, reason: string, dataMode: DataMode, outage: EvaluationError | undefined): string[] {
  const steps: string[] = [];
  if (dataMode !== 'live') steps.push(`Data mode '${dataMode}': this report cannot be used to promote; re-run against live Prometheus data`);
  // The headline already names the cause; no gate remediation applies to a server that did not answer.
  if (decision === 'ERROR' && outage) {
    const failed = gates.filter(needsRemediation).map((g) => `Gate ${g.gate_id} (${g.key})`);
    const also = failed.length ? [`Also not passing on the data that did arrive: ${failed.join(', ')}`] : [];
    return [...steps, CAUSE_HINT[outage.cause], ...also, 'Re-run GA gates evaluation'];
  }
  if (decision === 'APPROVED') return dataMode === 'live' ? APPROVED_STEPS : steps;
  if (outage) steps.push(`Not every query was answered: ${outage.message}`);
  else steps.push(`Why: ${reason}`);
  steps.push('Address the following issues:');
  for (const g of gates) {
    if (!needsRemediation(g)) continue;
    steps.push(`- Gate ${g.gate_id}: ${g.message}${g.fail_action === 'OBSERVE' ? ' (observe only)' : ''}`);
    steps.push(`  Remediation: ${g.remediation}`);
  }
  steps.push('Re-run GA gates evaluation');
  return steps;
}

export interface ReportMeta {
  windowHours: number;
  window: string;
  at: Date;
  dataMode: DataMode;
  source: string;
  gatesFile: string;
  profile?: string;
  /** Generation time; default now. */
  now?: Date;
  /** Why Prometheus could not answer, if it did not (core/verdict/outage findOutage). */
  outage?: EvaluationError;
}

/** Assembles the report: one decision from the gates evaluated once, with its exit code inside. */
export function buildReport(gates: GateResult[], meta: ReportMeta): GateReport {
  const { code: decision, reason } = decideGates(gates, meta.outage);
  return {
    schema_version: REPORT_SCHEMA_VERSION,
    timestamp: (meta.now ?? new Date()).toISOString(),
    window_hours: meta.windowHours,
    data_mode: meta.dataMode,
    overall_status: OVERALL_STATUS[decision],
    ga_status: OVERALL_STATUS[decision],
    gates,
    decision: decision === 'ERROR' && meta.outage ? `${DECISION_TEXT.ERROR} - ${meta.outage.message}` : DECISION_TEXT[decision],
    decision_code: decision,
    decision_reason: reason,
    next_steps: nextSteps(gates, decision, reason, meta.dataMode, meta.outage),
    source: meta.source,
    ...(meta.profile !== undefined ? { profile: meta.profile } : {}),
    promotable: meta.dataMode === 'live',
    evaluated_at: meta.at.toISOString(),
    window: meta.window,
    exit_code: exitCodeFor(decision, meta.dataMode),
    gates_file: meta.gatesFile,
    ...(meta.outage ? { evaluation_error: meta.outage } : {}),
  };
}
