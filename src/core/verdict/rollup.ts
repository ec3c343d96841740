import type { CheckOutcome, Comparator, DecisionCode, FailAction, GateStatus, MissingPolicy, Severity } from './types';

// The verdict rules of product spec §1, in one place for gates, canary and checklist.

const POLICY_STATUS: Record<MissingPolicy, GateStatus> = { fail: 'FAIL', warn: 'WARN', inconclusive: 'INCONCLUSIVE' };

/** Compares with the threshold; NaN never satisfies anything (callers report NaN as NO_DATA first). */
export function satisfies(value: number, comparator: Comparator, threshold: number): boolean {
  switch (comparator) {
    case '<=':
      return value <= threshold;
    case '<':
      return value < threshold;
    case '>=':
      return value >= threshold;
    case '>':
      return value > threshold;
    case '==':
      return value === threshold;
  }
}

/** The raw outcome of a measured value. */
export function outcomeFor(value: number, comparator: Comparator, threshold: number, severity: Severity): CheckOutcome {
  if (satisfies(value, comparator, threshold)) return 'PASS';
  return severity === 'warn' ? 'WARN' : 'FAIL';
}

/** What an outcome counts as toward its gate. */
export function countsAs(outcome: CheckOutcome, policy: { on_missing: MissingPolicy; on_error: MissingPolicy }): GateStatus {
  switch (outcome) {
    case 'PASS':
      return 'PASS';
    case 'WARN':
      return 'WARN';
    case 'FAIL':
      return 'FAIL';
    case 'INCONCLUSIVE':
      return 'INCONCLUSIVE';
    case 'NO_DATA':
      return POLICY_STATUS[policy.on_missing];
    case 'ERROR':
      return POLICY_STATUS[policy.on_error];
  }
}

const RANK: Record<GateStatus, number> = { PASS: 0, WARN: 1, INCONCLUSIVE: 2, FAIL: 3 };

/** A gate is the worst of its checks: FAIL > INCONCLUSIVE > WARN > PASS. */
export function worstStatus(statuses: GateStatus[]): GateStatus {
  return statuses.reduce<GateStatus>((a, b) => (RANK[b] > RANK[a] ? b : a), 'PASS');
}

export function statusRank(s: GateStatus): number {
  return RANK[s];
}

/**
 * BLOCKED if any NO-GO gate fails; else INCONCLUSIVE if a deciding gate lacks data (a conditional
 * approval needs data too); else CONDITIONAL on warnings or CONDITIONAL failures; else APPROVED.
 * OBSERVE gates never decide.
 */
export function decide(gates: { status: GateStatus; fail_action: FailAction }[]): DecisionCode {
  const deciding = gates.filter((g) => g.fail_action !== 'OBSERVE');
  if (deciding.some((g) => g.status === 'FAIL' && g.fail_action === 'NO-GO')) return 'BLOCKED';
  if (deciding.some((g) => g.status === 'INCONCLUSIVE')) return 'INCONCLUSIVE';
  if (deciding.some((g) => g.status !== 'PASS')) return 'CONDITIONAL';
  return 'APPROVED';
}

/** The original's decision strings (kept byte-for-byte) plus the new INCONCLUSIVE one. */
export const DECISION_TEXT: Record<DecisionCode, string> = {
  APPROVED: '✅ GA PROMOTION APPROVED - All gates passed',
  CONDITIONAL: '⚠️ GA PROMOTION CONDITIONAL - Review warnings',
  BLOCKED: '❌ GA PROMOTION BLOCKED - Critical failures detected',
  INCONCLUSIVE: '❔ GA PROMOTION INCONCLUSIVE - Data missing, re-run when it is available',
};

/** The original's overall_status / ga_status values, INCONCLUSIVE added. */
export const OVERALL_STATUS: Record<DecisionCode, string> = { APPROVED: 'PASS', CONDITIONAL: 'WARN', BLOCKED: 'FAIL', INCONCLUSIVE: 'INCONCLUSIVE' };

/** Stable exit codes (also the value of aurora_ga_decision). */
export const DECISION_EXIT_CODE: Record<DecisionCode, number> = { APPROVED: 0, BLOCKED: 1, CONDITIONAL: 3, INCONCLUSIVE: 4 };

/** aurora_ga_gate_status values. */
export const GATE_STATUS_VALUE: Record<GateStatus, number> = { PASS: 0, WARN: 1, INCONCLUSIVE: 2, FAIL: 3 };
