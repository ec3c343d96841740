// The rule that tells "the release failed a check" from "the evaluation could not be carried out"
// (src/core/verdict/outage.ts), on hand-built gate results: every branch of it.
import assert from 'node:assert/strict';
import { buildReport } from '../../../src/core/gates/report';
import { findOutage } from '../../../src/core/verdict/outage';
import type { GateResult } from '../../../src/core/verdict/types';
import { check, gate } from './results';

const report = (gates: GateResult[]) =>
  buildReport(gates, { windowHours: 48, window: '48h', at: new Date(0), dataMode: 'live', source: 'http://p:9090', gatesFile: 'g.yaml', outage: findOutage(gates, 'http://p:9090') });

describe('gates: an outage is not a release failure (the decision rule)', () => {
  it('an unanswered check that fails a NO-GO gate makes the decision ERROR, exit 5, with no gate remediation', () => {
    const r = report([gate('a', 'NO-GO', [check('q', 'FAIL', 'unreachable')]), gate('b', 'NO-GO', [check('f', 'FAIL')])]);
    assert.deepEqual([r.decision_code, r.exit_code, r.overall_status], ['ERROR', 5, 'ERROR']);
    assert.equal(r.decision, '⛔ GA EVALUATION NOT CARRIED OUT - Prometheus at http://p:9090 could not be reached (unreachable detail)');
    assert.ok(!r.next_steps.some((s) => s.includes('Remediation')));
    assert.ok(r.next_steps.some((s) => s === 'Also not passing on the data that did arrive: Gate 1 (b)'));
  });

  it('on_error: warn (the check counts as WARN) keeps the decision the policy gives', () => {
    // A passing check beside it: with no deciding data at all the decision is INCONCLUSIVE whatever the policy.
    const r = report([gate('a', 'NO-GO', [check('p', 'PASS'), check('q', 'WARN', 'unreachable')])]);
    assert.equal(r.decision_code, 'CONDITIONAL');
    assert.equal(r.evaluation_error?.cause, 'unreachable', 'the outage is still reported');
  });

  it('an outage only in an OBSERVE gate decides nothing', () => {
    const r = report([gate('a', 'OBSERVE', [check('q', 'FAIL', 'deadline')]), gate('b', 'NO-GO', [check('p', 'PASS')])]);
    assert.equal(r.decision_code, 'APPROVED');
  });

  it('without an outage, a failing NO-GO gate is BLOCKED with its remediation', () => {
    const r = report([gate('a', 'NO-GO', [check('f', 'FAIL')])]);
    assert.equal(r.decision_code, 'BLOCKED');
    assert.equal(r.evaluation_error, undefined);
    assert.ok(r.next_steps.includes('  Remediation: fix a'));
  });

  it('the headline names the most frequent cause', () => {
    const o = findOutage([gate('a', 'NO-GO', [check('x', 'FAIL', 'deadline'), check('y', 'FAIL', 'unreachable'), check('z', 'FAIL', 'unreachable')])], 'http://p:9090');
    assert.deepEqual([o?.cause, o?.checks, o?.preflight], ['unreachable', 3, false]);
  });
});
