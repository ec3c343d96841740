// A scored gate (src/core/gates/gate.ts, `score:`): its compare checks count together as the score's
// status; other checks, and compare checks that could not run (ERROR), keep their own.
import assert from 'node:assert/strict';
import { gateResult } from '../../../src/core/gates/gate';
import type { GateDefinition } from '../../../src/core/gates/schema';
import type { CheckOutcome, CheckResult, GateStatus } from '../../../src/core/verdict/types';

const cmp = (id: string, extra: object = {}) => ({ id, type: 'compare', group: 'default', weight: 1, critical: false, ...extra });
const def = (score?: object) => ({
  id: 3, key: 'judge', name: 'Judge', fail_action: 'NO-GO', remediation: 'r',
  checks: [cmp('a'), cmp('b'), cmp('crit', { critical: true }), { id: 'p', type: 'promql' }],
  ...(score ? { score: { pass: 50, marginal: 25, groups: {}, min_judged: 0.5, ...score } } : {}),
}) as unknown as GateDefinition;

function check(id: string, outcome: CheckOutcome, counts_as: GateStatus, critical = false): CheckResult {
  return {
    check_id: id, name: id, outcome, counts_as, value: 1, threshold: 1, comparator: '<=', severity: 'fail', message: `${id} ${outcome}`,
    evidence: { kind: 'prometheus', source: 's', evaluated_at: '2026-11-26T12:00:00Z', raw: [], threshold: 1, comparator: '<=', duration_ms: 0, ...(critical ? { comparison: { judgement: { critical: true } } } : {}) },
  } as CheckResult;
}
const byId = (g: ReturnType<typeof gateResult>, id: string) => g.checks.find((c) => c.check_id === id)!;

describe('gates: a scored gate', () => {
  it('a failing metric inside a passing score counts as PASS and says so; a non-compare check keeps its own status', () => {
    const g = gateResult(def({}), [check('a', 'PASS', 'PASS'), check('b', 'FAIL', 'FAIL'), check('p', 'PASS', 'PASS')]);
    // 1 of 2 equal weights passed: score 50, at the pass mark.
    assert.equal(g.status, 'PASS');
    assert.deepEqual([byId(g, 'b').counts_as, byId(g, 'b').message], ['PASS', 'b FAIL [scored: score 50 ≥ pass 50]']);
    assert.equal(byId(g, 'a').message, 'a PASS [scored: score 50 ≥ pass 50]');
    assert.equal(byId(g, 'p').message, 'p PASS');
    assert.deepEqual([g.score?.score, g.score?.status, g.score?.pass, g.score?.marginal], [50, 'PASS', 50, 25]);
  });

  it('a WARN outcome and a NO_DATA that counts as FAIL are failed metrics', () => {
    for (const b of [check('b', 'WARN', 'WARN'), check('b', 'NO_DATA', 'FAIL')]) {
      const g = gateResult(def({ pass: 60 }), [check('a', 'PASS', 'PASS'), b]);
      assert.deepEqual([g.status, g.score?.score, g.score?.reason], ['WARN', 50, 'score 50 ≥ marginal 25, < pass 60'], b.outcome);
      assert.equal(byId(g, 'b').counts_as, 'WARN');
    }
  });

  it('a NO_DATA that need not have data is not judged: the score is over the judged weight', () => {
    const g = gateResult(def({ pass: 60 }), [check('a', 'PASS', 'PASS'), check('b', 'NO_DATA', 'INCONCLUSIVE')]);
    assert.deepEqual([g.status, g.score?.score, g.score?.judgedShare], ['PASS', 100, 0.5]);
    const thin = gateResult(def({ min_judged: 0.75 }), [check('a', 'PASS', 'PASS'), check('b', 'NO_DATA', 'INCONCLUSIVE')]);
    assert.deepEqual([thin.status, thin.score?.status], ['INCONCLUSIVE', 'INCONCLUSIVE']);
  });

  it('an ERROR keeps its own policy and is not scored', () => {
    const g = gateResult(def({}), [check('a', 'PASS', 'PASS'), check('b', 'ERROR', 'INCONCLUSIVE')]);
    assert.deepEqual([byId(g, 'b').counts_as, byId(g, 'b').message], ['INCONCLUSIVE', 'b ERROR']);
    assert.deepEqual([g.status, g.score?.score], ['INCONCLUSIVE', 100]);
    const allDown = gateResult(def({}), [check('a', 'ERROR', 'INCONCLUSIVE'), check('b', 'ERROR', 'INCONCLUSIVE')]);
    assert.equal('score' in allDown, false);
    assert.equal(byId(allDown, 'a').message, 'a ERROR');
  });

  it('a critical metric that fails scores 0 — critical by definition or by its shown shift', () => {
    const g = gateResult(def({ pass: 10, marginal: 5 }), [check('a', 'PASS', 'PASS'), check('b', 'PASS', 'PASS'), check('crit', 'FAIL', 'FAIL')]);
    assert.deepEqual([g.status, g.score?.score, g.score?.reason], ['FAIL', 0, 'critical metric failed: crit (score 0)']);
    const shift = gateResult(def({ pass: 10, marginal: 5 }), [check('a', 'PASS', 'PASS'), check('b', 'FAIL', 'FAIL', true)]);
    assert.deepEqual([shift.status, shift.score?.reason], ['FAIL', 'critical metric failed: b (score 0)']);
    // A critical metric that passes is just a passing metric; a flagged shift on a passing one is not a failure.
    const fine = gateResult(def({}), [check('crit', 'PASS', 'PASS'), check('b', 'PASS', 'PASS', true)]);
    assert.deepEqual([fine.status, fine.score?.score], ['PASS', 100]);
  });

  it('without score: each check counts on its own and the result has no score', () => {
    const g = gateResult(def(), [check('a', 'PASS', 'PASS'), check('b', 'FAIL', 'FAIL')]);
    assert.deepEqual([g.status, byId(g, 'b').counts_as, byId(g, 'b').message, 'score' in g], ['FAIL', 'FAIL', 'b FAIL', false]);
  });
});
