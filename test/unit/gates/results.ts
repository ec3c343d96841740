// Hand-built gate results for the tests of what is made from them (the decision rule, the report).
import type { CheckResult, FailAction, GateResult, GateStatus } from '../../../src/core/verdict/types';

/** A Prometheus check that counts as `counts`; with a cause, one whose query got no answer. */
export function check(id: string, counts: GateStatus, cause?: 'unreachable' | 'deadline'): CheckResult {
  return {
    check_id: id, name: id, outcome: cause ? 'ERROR' : counts === 'PASS' ? 'PASS' : 'FAIL', counts_as: counts, value: null, threshold: 0, comparator: '<=', severity: 'fail',
    message: `${id}: …`,
    evidence: { kind: 'prometheus', source: 'http://p:9090', evaluated_at: '2026-11-26T12:00:00.000Z', raw: [], threshold: 0, comparator: '<=', duration_ms: 0, ...(cause ? { cause, error: `${cause} detail` } : {}) },
  };
}

/** A gate whose status is its worst check's (FAIL over INCONCLUSIVE over WARN over PASS). */
export function gate(key: string, action: FailAction, checks: CheckResult[], id = 1): GateResult {
  const order: GateStatus[] = ['PASS', 'WARN', 'INCONCLUSIVE', 'FAIL'];
  const status = checks.map((c) => c.counts_as).reduce((a, b) => (order.indexOf(b) > order.indexOf(a) ? b : a), 'PASS' as GateStatus);
  return { gate_id: id, gate_name: key, status, value: null, threshold: null, condition: '', message: `${key} is ${status}`, fail_action: action, key, remediation: `fix ${key}`, checks };
}
