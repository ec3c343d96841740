// The DCTS audit's thresholds exactly at their edges (FAIL only above max_var_ratio; WARN below
// min_robust_samples).
import assert from 'node:assert/strict';
import { judgeAudit } from '../../../src/core/audit/status';

const T = { maxVarRatio: 0.85, minRobustSamples: 10 };

describe('audit: threshold boundaries', () => {
  it('var_ratio exactly at max_var_ratio passes; just above fails', () => {
    assert.equal(judgeAudit(12, 0.85, T).status, 'PASS');
    assert.match(judgeAudit(12, 0.85, T).reasons[0], /^var_ratio 0\.85 <= 0\.85$/);
    const above = judgeAudit(12, 0.850001, T);
    assert.equal(above.status, 'FAIL');
    assert.match(above.reasons[0], /^var_ratio 0\.850001 > 0\.85: /);
  });

  it('exactly min_robust_samples robust values is enough; one fewer warns', () => {
    assert.equal(judgeAudit(10, 0.5, T).status, 'PASS');
    assert.match(judgeAudit(10, 0.5, T).reasons[1], /^10 robust samples \(>= 10\)$/);
    const few = judgeAudit(9, 0.5, T);
    assert.equal(few.status, 'WARN');
    assert.match(few.reasons[1], /^only 9 robust samples \(< 10\)/);
    assert.match(judgeAudit(1, 0.5, T).reasons[1], /^only 1 robust sample \(/);
  });

  it('too few samples never hides a FAIL; no ratio warns; no robust value is NO_DATA', () => {
    assert.equal(judgeAudit(3, 0.9, T).status, 'FAIL');
    assert.equal(judgeAudit(12, null, T).status, 'WARN');
    assert.equal(judgeAudit(0, 0.1, T).status, 'NO_DATA');
  });
});
