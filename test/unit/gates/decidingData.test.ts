// Issue #12 item 3: a decision needs deciding data. A gates file with no deciding gate (all OBSERVE),
// or whose deciding checks all came back NO_DATA/ERROR, is never APPROVED (nor CONDITIONAL or
// BLOCKED: nothing was measured); the one roll-up (src/core/verdict/rollup.ts) says why.
import assert from 'node:assert/strict';
import { decision } from '../../../src/core/verdict/rollup';
import type { CheckOutcome, FailAction, GateReport, GateStatus } from '../../../src/core/verdict/types';
import { fixture, gatesCli, writeFile, type Fixture } from './fixture';

const gate = (gate_name: string, fail_action: FailAction, status: GateStatus, ...outcomes: CheckOutcome[]) => ({ gate_name, fail_action, status, checks: outcomes.map((outcome) => ({ outcome })) });

describe('gates #12 item 3: a decision needs deciding data', function () {
  this.timeout(60_000);

  it('the roll-up: no deciding gate, or no deciding data, is INCONCLUSIVE with the reason; data decides as before', () => {
    assert.deepEqual(decision([gate('A', 'OBSERVE', 'PASS', 'PASS'), gate('B', 'OBSERVE', 'PASS', 'PASS')]), { code: 'INCONCLUSIVE', reason: 'no deciding gate: all 2 gate(s) are OBSERVE, which never decide', deciding: [] });
    const noData = { code: 'INCONCLUSIVE', reason: 'no deciding data: all 3 check(s) of the deciding gates came back NO_DATA or ERROR', deciding: [] };
    // Whatever the policies made of the gaps (FAIL, WARN): nothing was measured.
    assert.deepEqual(decision([gate('A', 'NO-GO', 'FAIL', 'NO_DATA', 'ERROR'), gate('B', 'CONDITIONAL', 'WARN', 'NO_DATA'), gate('C', 'OBSERVE', 'PASS', 'PASS')]), noData);
    assert.deepEqual(decision([gate('A', 'NO-GO', 'WARN', 'NO_DATA', 'NO_DATA'), gate('B', 'CONDITIONAL', 'WARN', 'ERROR')]), noData);
    assert.deepEqual(decision([gate('A', 'NO-GO', 'FAIL', 'NO_DATA', 'PASS')]), { code: 'BLOCKED', reason: 'NO-GO gate(s) failed: A', deciding: ['A'] });
    assert.deepEqual(decision([gate('A', 'NO-GO', 'PASS', 'PASS'), gate('B', 'OBSERVE', 'FAIL', 'FAIL')]), { code: 'APPROVED', reason: 'all 1 deciding gate(s) passed', deciding: [] });
  });

  describe('on a real Prometheus, through the CLI', () => {
    let f: Fixture;
    before(async () => (f = await fixture()));
    after(() => f.close());
    const run = async (name: string, yaml: string, format: string[] = []) => {
      const res = await gatesCli(f, ['--gates', writeFile(f.dir, `${name}.yaml`, `schema_version: 1\ngates:\n${yaml}`), '--quiet', ...format]);
      return { ...res, report: format.length ? undefined : (JSON.parse(res.out) as GateReport) };
    };
    const passing = 'checks: [{id: n, name: N, type: promql, query: "count(aurora_risk_dro_factor)", comparator: ">=", threshold: 1}]';

    it('all gates OBSERVE, every check passing: INCONCLUSIVE (exit 4), never APPROVED, the reason on stderr, in JSON and Markdown', async () => {
      const yaml = `  - {key: a, id: 1, name: A, fail_action: OBSERVE, remediation: r, ${passing}}\n  - {key: b, id: 2, name: B, fail_action: OBSERVE, remediation: r, ${passing}}\n`;
      const { code, report, err } = await run('observe', yaml);
      assert.deepEqual(report!.gates.map((g) => g.status), ['PASS', 'PASS']);
      assert.equal(report!.decision_code, 'INCONCLUSIVE');
      assert.equal(report!.decision_reason, 'no deciding gate: all 2 gate(s) are OBSERVE, which never decide');
      assert.equal(code, 4);
      assert.match(err, /^INCONCLUSIVE \(exit 4\) — no deciding gate: all 2 gate\(s\) are OBSERVE/m);
      assert.match((await run('observe', yaml, ['--format', 'md'])).out, /\n\*\*Why:\*\* no deciding gate: all 2 gate\(s\) are OBSERVE/);
    });

    it('every deciding check NO_DATA with on_missing: warn was CONDITIONAL (a conditional approval): now INCONCLUSIVE', async () => {
      const gap = 'checks: [{id: m, name: M, type: promql, query: "aurora_metric_nobody_exports", comparator: "<=", threshold: 1, on_missing: warn}]';
      const { code, report } = await run('gaps', `  - {key: a, id: 1, name: A, fail_action: NO-GO, remediation: r, ${gap}}\n  - {key: b, id: 2, name: B, fail_action: OBSERVE, remediation: r, ${passing}}\n`);
      assert.equal(report!.gates[0].status, 'WARN');
      assert.equal(report!.decision_code, 'INCONCLUSIVE');
      assert.match(report!.decision_reason!, /^no deciding data: all 1 check\(s\)/);
      assert.equal(code, 4);
    });

    it('every deciding check ERROR (rejected queries): INCONCLUSIVE, not BLOCKED, with the server\'s errors kept', async () => {
      const bad = 'checks: [{id: x, name: X, type: promql, query: "sum(", comparator: "==", threshold: 0}, {id: y, name: Y, type: promql_range, query: "rate(", reduce: max, comparator: "<=", threshold: 1}]';
      const { code, report } = await run('errors', `  - {key: a, id: 1, name: A, fail_action: NO-GO, remediation: r, ${bad}}\n`);
      assert.deepEqual(report!.gates[0].checks.map((c) => c.outcome), ['ERROR', 'ERROR']);
      assert.match(report!.gates[0].checks[0].message, /bad_data/);
      assert.equal(report!.decision_code, 'INCONCLUSIVE');
      assert.equal(code, 4);
    });

    it('the control: one deciding check with data decides (APPROVED, exit 0)', async () => {
      const { code, report } = await run('control', `  - {key: a, id: 1, name: A, fail_action: NO-GO, remediation: r, ${passing}}\n`);
      assert.equal(report!.decision_code, 'APPROVED');
      assert.equal(code, 0);
    });
  });
});
