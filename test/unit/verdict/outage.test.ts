// "The release failed a check" vs "the evaluation could not be carried out" (src/core/verdict/outage.ts),
// on the smallest gates that tell the two apart.
import assert from 'node:assert/strict';
import { decideGates, decideWithOutage, findOutage, needsRemediation } from '../../../src/core/verdict/outage';
import type { UnavailableCause } from '../../../src/core/prometheus/cause';
import type { CheckResult, EvaluationError, FailAction, GateResult, GateStatus } from '../../../src/core/verdict/types';

type Check = Pick<CheckResult, 'outcome' | 'counts_as' | 'message'> & { evidence: Partial<CheckResult['evidence']> };
const check = (counts_as: GateStatus, cause?: UnavailableCause, error?: string): Check => ({
  outcome: cause ? 'ERROR' : counts_as === 'PASS' ? 'PASS' : 'FAIL',
  counts_as,
  message: `message of ${cause ?? counts_as}`,
  evidence: { ...(cause ? { cause } : {}), ...(error ? { error } : {}) },
});
const gate = (gate_name: string, status: GateStatus, checks: Check[], fail_action: FailAction = 'NO-GO') => ({ gate_name, status, fail_action, checks }) as unknown as GateResult;
const outage: EvaluationError = { cause: 'timeout', message: 'Prometheus at http://p did not answer in time (5 s)', source: 'http://p', checks: 1, preflight: false };

describe('verdict outage: a failed evaluation is not a failed release', () => {
  it('keeps the decision and its reason when there is no outage, or when it hurt no deciding gate', () => {
    const passing = [gate('Errors', 'PASS', [check('PASS')]), gate('Trend', 'FAIL', [check('FAIL', 'timeout')], 'OBSERVE')];
    assert.deepEqual(decideGates(passing, undefined), { code: 'APPROVED', reason: 'all 1 deciding gate(s) passed', deciding: [] });
    assert.deepEqual(decideGates(passing, outage), { code: 'APPROVED', reason: 'all 1 deciding gate(s) passed', deciding: [] });
    const blocked = [gate('Errors', 'FAIL', [check('FAIL')])];
    assert.deepEqual(decideGates(blocked, outage), { code: 'BLOCKED', reason: 'NO-GO gate(s) failed: Errors', deciding: ['Errors'] });
  });

  it('decides ERROR, named by the outage and with no deciding gate, when a check without an answer left a deciding gate failed or inconclusive', () => {
    for (const counts_as of ['FAIL', 'INCONCLUSIVE'] as const) {
      const gates = [gate('Errors', counts_as, [check('PASS'), check(counts_as, 'timeout')])];
      assert.deepEqual(decideGates(gates, outage), { code: 'ERROR', reason: outage.message, deciding: [] }, counts_as);
    }
    // A check without an answer that counts as WARN (on_error: warn) hurts nothing.
    assert.equal(decideWithOutage('CONDITIONAL', [gate('Errors', 'WARN', [check('WARN', 'timeout')])], outage), 'CONDITIONAL');
  });

  it('without an outage, never decides ERROR whatever the checks carry', () => {
    assert.equal(decideWithOutage('BLOCKED', [gate('Errors', 'FAIL', [check('FAIL', 'timeout')])], undefined), 'BLOCKED');
  });

  it('names the pre-flight\'s cause when the pre-flight failed, counting every check without an answer', () => {
    const gates = [gate('A', 'FAIL', [check('FAIL', 'auth'), check('FAIL', 'auth')])];
    assert.deepEqual(findOutage(gates, 'http://p', { cause: 'unreachable', message: 'pre-flight failed: connect ECONNREFUSED' }), {
      cause: 'unreachable', message: 'Prometheus at http://p could not be reached (connect ECONNREFUSED)', source: 'http://p', checks: 2, preflight: true,
    });
  });

  it('otherwise names the most frequent cause (ties: the first met), with the first such check\'s error', () => {
    const gates = [gate('A', 'FAIL', [check('FAIL', 'auth', 'HTTP 401'), check('FAIL', 'timeout', 'after 5 s'), check('FAIL', 'timeout', 'after 6 s')])];
    assert.deepEqual(findOutage(gates, 'http://p'), { cause: 'timeout', message: 'Prometheus at http://p did not answer in time (after 5 s)', source: 'http://p', checks: 3, preflight: false });
    const tie = [gate('A', 'FAIL', [check('FAIL', 'auth', 'HTTP 401'), check('FAIL', 'timeout', 'after 5 s')])];
    assert.equal(findOutage(tie, 'http://p')?.cause, 'auth');
    // Without an error text the check's message stands in; only a leading "pre-flight failed: " is dropped.
    const noError = [gate('A', 'FAIL', [check('FAIL', 'dns')])];
    assert.equal(findOutage(noError, 'http://p')?.message, 'Prometheus at http://p has a host name that does not resolve (message of dns)');
    const inner = [gate('A', 'FAIL', [check('FAIL', 'dns', 'lookup: pre-flight failed: x')])];
    assert.equal(findOutage(inner, 'http://p')?.message, 'Prometheus at http://p has a host name that does not resolve (lookup: pre-flight failed: x)');
    assert.equal(findOutage([gate('A', 'PASS', [check('PASS')])], 'http://p'), undefined);
  });

  it('asks for a gate\'s remediation only when a check failed on data that arrived', () => {
    assert.equal(needsRemediation(gate('A', 'FAIL', [check('FAIL')])), true);
    assert.equal(needsRemediation(gate('A', 'FAIL', [check('FAIL', 'timeout'), check('PASS')])), false);
    assert.equal(needsRemediation(gate('A', 'WARN', [check('PASS'), check('WARN')])), true);
    // A gate that passed needs none, whatever a hand-edited check says.
    assert.equal(needsRemediation(gate('A', 'PASS', [check('WARN')])), false);
  });
});
