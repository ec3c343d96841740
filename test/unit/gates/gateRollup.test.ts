// One gate's roll-up (src/core/gates/gate.ts): the worst check decides, and the gate's value and
// threshold are that check's — also when FAIL and INCONCLUSIVE checks are mixed in one gate.
import assert from 'node:assert/strict';
import { conditionText, gateResult } from '../../../src/core/gates/gate';
import type { GateDefinition } from '../../../src/core/gates/schema';
import type { CheckOutcome, CheckResult, GateStatus } from '../../../src/core/verdict/types';

const def = { id: 2, key: 'dcts', name: 'DCTS', fail_action: 'NO-GO', remediation: 'r', checks: [] } as unknown as GateDefinition;

function check(id: string, outcome: CheckOutcome, counts_as: GateStatus, value: number | null, threshold: number): CheckResult {
  return {
    check_id: id, name: id, outcome, counts_as, value, threshold, comparator: '<=', severity: 'fail', message: `${id} says ${outcome}`,
    evidence: { kind: 'file', source: 'f', evaluated_at: '2026-11-26T12:00:00Z', raw: [], threshold, comparator: '<=', duration_ms: 0 },
  };
}

describe('gates: one gate\'s roll-up', () => {
  it('FAIL beats INCONCLUSIVE in one gate, whichever comes first; value and threshold are the failing check\'s', () => {
    for (const checks of [
      [check('nodata', 'NO_DATA', 'INCONCLUSIVE', null, 1), check('bad', 'FAIL', 'FAIL', 7, 5)],
      [check('bad', 'FAIL', 'FAIL', 7, 5), check('nodata', 'NO_DATA', 'INCONCLUSIVE', null, 1)],
    ]) {
      const g = gateResult(def, checks);
      assert.equal(g.status, 'FAIL');
      assert.deepEqual([g.value_check, g.value, g.threshold], ['bad', 7, 5]);
      assert.match(g.message, /bad says FAIL/);
      assert.match(g.message, /nodata says NO_DATA \[NO_DATA counts as INCONCLUSIVE\]/);
    }
  });

  it('INCONCLUSIVE beats WARN; the deciding check is the INCONCLUSIVE one', () => {
    const g = gateResult(def, [check('warn', 'WARN', 'WARN', 2, 1), check('err', 'ERROR', 'INCONCLUSIVE', null, 3)]);
    assert.deepEqual([g.status, g.value_check, g.value, g.threshold], ['INCONCLUSIVE', 'err', null, 3]);
    assert.match(g.message, /err says ERROR \[ERROR counts as INCONCLUSIVE\]/);
    assert.match(g.message, /warn says WARN/);
  });

  it('a passing gate lists every check\'s value (— without one) and reports its first check', () => {
    const g = gateResult(def, [check('a', 'PASS', 'PASS', 0.25, 1), check('b', 'PASS', 'PASS', 3, 5)]);
    assert.deepEqual([g.status, g.value_check, g.value, g.threshold], ['PASS', 'a', 0.25, 1]);
    assert.doesNotMatch(g.message, /says/);
    assert.match(g.message, /^a 0\.25, b 3$/);
    const blank = gateResult(def, [check('a', 'PASS', 'PASS', 2, 1), check('n', 'NO_DATA', 'PASS', null, 1)]);
    assert.equal(blank.message, 'a 2, n —');
  });

  it('the condition text is the definition\'s when given, else each check as id comparator threshold', () => {
    const checks = [check('a', 'PASS', 'PASS', 0, 0.85), check('b', 'PASS', 'PASS', 0, 2)];
    assert.equal(conditionText(def, checks), 'a <= 0.85 AND b <= 2');
    assert.equal(conditionText({ ...def, condition: 'as written' } as GateDefinition, checks), 'as written');
  });

  it('a gate that does not pass names only the checks that did not, with the policy only for NO_DATA / ERROR', () => {
    const g = gateResult(def, [
      check('ok', 'PASS', 'PASS', 0.1, 1), check('bad', 'FAIL', 'FAIL', 7, 5), check('slow', 'WARN', 'WARN', 2, 1),
      check('gone', 'NO_DATA', 'FAIL', null, 1), check('down', 'ERROR', 'WARN', null, 1),
    ]);
    assert.equal(g.status, 'FAIL');
    assert.equal(g.message, 'bad says FAIL; slow says WARN; gone says NO_DATA [NO_DATA counts as FAIL]; down says ERROR [ERROR counts as WARN]');
    assert.deepEqual([g.value_check, g.value, g.threshold], ['bad', 7, 5]);
  });

  it('a NO_DATA or ERROR whose policy lets it pass stays out of the message of a gate that does not', () => {
    const g = gateResult(def, [check('gone', 'NO_DATA', 'PASS', null, 1), check('slow', 'WARN', 'WARN', 3, 1)]);
    assert.deepEqual([g.status, g.message, g.value_check], ['WARN', 'slow says WARN', 'slow']);
  });

  it('the gate result carries the definition\'s identity and its checks', () => {
    const checks = [check('a', 'PASS', 'PASS', 1, 2)];
    const g = gateResult(def, checks);
    assert.deepEqual([g.gate_id, g.gate_name, g.key, g.fail_action, g.remediation, g.condition], [2, 'DCTS', 'dcts', 'NO-GO', 'r', 'a <= 2']);
    assert.deepEqual(g.checks, checks);
    assert.equal('score' in g, false);
  });
});
