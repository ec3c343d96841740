import type { CheckOutcome, Comparator, DecisionCode, FailAction, GateStatus, MissingPolicy, Severity } from './types';

// The verdict rules of product spec §1, in one place for gates, canary and checklist.

const POLICY_STATUS: Record<MissingPolicy, GateStatus> = { fail: 'FAIL', warn: 'WARN', inconclusive: 'INCONCLUSIVE' };

/** Compares with the threshold; NaN and ±Inf never satisfy anything (a server's 1/0 is not a passing measurement). */
export function satisfies(value: number, comparator: Comparator, threshold: number): boolean {
  if (!Number.isFinite(value)) return false;
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

/**
 * What an outcome counts as toward its gate. A NO_DATA whose value is ±Inf counts as on_infinite says
 * (default: on_missing); NaN and no value at all as on_missing.
 */
export function countsAs(outcome: CheckOutcome, policy: { on_missing: MissingPolicy; on_error: MissingPolicy; on_infinite?: MissingPolicy }, value?: number | null): GateStatus {
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
      return POLICY_STATUS[value === Infinity || value === -Infinity ? (policy.on_infinite ?? policy.on_missing) : policy.on_missing];
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

/** A decision and, in words, why. */
export interface Decision {
  code: DecisionCode;
  reason: string;
  /** The gates that decided it, in report order (none for APPROVED, or when nothing was measured). */
  deciding: string[];
}

type DecidingGate = { gate_name: string; status: GateStatus; fail_action: FailAction; checks: { outcome: CheckOutcome }[] };

const names = (gates: DecidingGate[]) => gates.map((g) => g.gate_name).join(', ');

/**
 * A decision needs deciding data: with no deciding gate (all OBSERVE), or when every check of the
 * deciding gates came back NO_DATA or ERROR, it is INCONCLUSIVE whatever the policies say (nothing
 * was measured, so there is neither an approval nor a release failure). Otherwise BLOCKED if any
 * NO-GO gate fails; else INCONCLUSIVE if a deciding gate lacks data (a conditional approval needs
 * data too); else CONDITIONAL on warnings or CONDITIONAL failures; else APPROVED. OBSERVE gates never decide.
 */
export function decision(gates: DecidingGate[]): Decision {
  const deciding = gates.filter((g) => g.fail_action !== 'OBSERVE');
  if (!deciding.length) {
    return { code: 'INCONCLUSIVE', reason: gates.length ? `no deciding gate: all ${gates.length} gate(s) are OBSERVE, which never decide` : 'no gates to evaluate', deciding: [] };
  }
  const checks = deciding.flatMap((g) => g.checks);
  if (checks.every((c) => c.outcome === 'NO_DATA' || c.outcome === 'ERROR')) {
    return { code: 'INCONCLUSIVE', reason: `no deciding data: all ${checks.length} check(s) of the deciding gates came back NO_DATA or ERROR`, deciding: [] };
  }
  const blocked = deciding.filter((g) => g.status === 'FAIL' && g.fail_action === 'NO-GO');
  if (blocked.length) return { code: 'BLOCKED', reason: `NO-GO gate(s) failed: ${names(blocked)}`, deciding: blocked.map((g) => g.gate_name) };
  const missing = deciding.filter((g) => g.status === 'INCONCLUSIVE');
  if (missing.length) return { code: 'INCONCLUSIVE', reason: `deciding gate(s) without data: ${names(missing)}`, deciding: missing.map((g) => g.gate_name) };
  const short = deciding.filter((g) => g.status !== 'PASS');
  if (short.length) return { code: 'CONDITIONAL', reason: `deciding gate(s) warned or failed conditionally: ${names(short)}`, deciding: short.map((g) => g.gate_name) };
  return { code: 'APPROVED', reason: `all ${deciding.length} deciding gate(s) passed`, deciding: [] };
}

/** The original's decision strings (kept byte-for-byte) plus the new INCONCLUSIVE one. */
export const DECISION_TEXT: Record<DecisionCode, string> = {
  APPROVED: '✅ GA PROMOTION APPROVED - All gates passed',
  CONDITIONAL: '⚠️ GA PROMOTION CONDITIONAL - Review warnings',
  BLOCKED: '❌ GA PROMOTION BLOCKED - Critical failures detected',
  INCONCLUSIVE: '❔ GA PROMOTION INCONCLUSIVE - Data missing, re-run when it is available',
  ERROR: '⛔ GA EVALUATION NOT CARRIED OUT',
};

/** The original's overall_status / ga_status values, INCONCLUSIVE added. */
export const OVERALL_STATUS: Record<DecisionCode, string> = { APPROVED: 'PASS', CONDITIONAL: 'WARN', BLOCKED: 'FAIL', INCONCLUSIVE: 'INCONCLUSIVE', ERROR: 'ERROR' };

/** Stable exit codes (also the value of aurora_ga_decision). */
export const DECISION_EXIT_CODE: Record<DecisionCode, number> = { APPROVED: 0, BLOCKED: 1, CONDITIONAL: 3, INCONCLUSIVE: 4, ERROR: 5 };

/** aurora_ga_gate_status values. */
export const GATE_STATUS_VALUE: Record<GateStatus, number> = { PASS: 0, WARN: 1, INCONCLUSIVE: 2, FAIL: 3 };
