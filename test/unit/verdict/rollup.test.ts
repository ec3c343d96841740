// The verdict rules of product spec §1 (src/core/verdict/rollup.ts), each checked exactly at its
// boundaries: a value equal to its threshold, every pair of gate statuses, every decision input.
import assert from 'node:assert/strict';
import {
  countsAs, decision, DECISION_EXIT_CODE, DECISION_TEXT, GATE_STATUS_VALUE, OVERALL_STATUS, outcomeFor, satisfies, statusRank, worstStatus,
} from '../../../src/core/verdict/rollup';
import type { Comparator, FailAction, GateStatus, MissingPolicy } from '../../../src/core/verdict/types';

const THRESHOLD = 0.25;
const BELOW = 0.125;
const ABOVE = 0.5;

/** Which of below / at / above the threshold each comparator accepts, written from its meaning. */
const ACCEPTS: Record<Comparator, [boolean, boolean, boolean]> = {
  '<=': [true, true, false],
  '<': [true, false, false],
  '>=': [false, true, true],
  '>': [false, false, true],
  '==': [false, true, false],
};

describe('verdict: roll-up rules at their boundaries', () => {
  describe('satisfies', () => {
    for (const [comparator, [below, at, above]] of Object.entries(ACCEPTS) as [Comparator, [boolean, boolean, boolean]][]) {
      it(`${comparator}: below ${below}, exactly at the threshold ${at}, above ${above}`, () => {
        assert.equal(satisfies(BELOW, comparator, THRESHOLD), below);
        assert.equal(satisfies(THRESHOLD, comparator, THRESHOLD), at);
        assert.equal(satisfies(ABOVE, comparator, THRESHOLD), above);
        assert.equal(satisfies(Number.NaN, comparator, THRESHOLD), false, 'NaN satisfies nothing');
      });
    }
  });

  describe('outcomeFor', () => {
    it('PASS when satisfied, whatever the severity', () => {
      assert.equal(outcomeFor(THRESHOLD, '<=', THRESHOLD, 'fail'), 'PASS');
      assert.equal(outcomeFor(THRESHOLD, '>=', THRESHOLD, 'warn'), 'PASS');
    });
    it('a miss is FAIL for severity fail and WARN for severity warn', () => {
      assert.equal(outcomeFor(THRESHOLD, '<', THRESHOLD, 'fail'), 'FAIL');
      assert.equal(outcomeFor(THRESHOLD, '>', THRESHOLD, 'warn'), 'WARN');
    });
  });

  describe('countsAs', () => {
    const policies: MissingPolicy[] = ['fail', 'warn', 'inconclusive'];
    const asStatus: Record<MissingPolicy, GateStatus> = { fail: 'FAIL', warn: 'WARN', inconclusive: 'INCONCLUSIVE' };
    it('PASS, WARN, FAIL and INCONCLUSIVE (data that cannot decide) count as themselves under every policy', () => {
      for (const on_missing of policies) {
        for (const on_error of policies) {
          for (const o of ['PASS', 'WARN', 'FAIL', 'INCONCLUSIVE'] as const) assert.equal(countsAs(o, { on_missing, on_error }), o);
        }
      }
    });
    it('NO_DATA follows on_missing and ERROR follows on_error, never the other one', () => {
      for (const on_missing of policies) {
        for (const on_error of policies) {
          assert.equal(countsAs('NO_DATA', { on_missing, on_error }), asStatus[on_missing], `NO_DATA ${on_missing}/${on_error}`);
          assert.equal(countsAs('ERROR', { on_missing, on_error }), asStatus[on_error], `ERROR ${on_missing}/${on_error}`);
        }
      }
    });
    it('NO_DATA of ±Inf follows on_infinite (on_missing when unset); of NaN or no value, on_missing', () => {
      const policy = { on_missing: 'fail', on_error: 'fail', on_infinite: 'warn' } as const;
      for (const v of [Infinity, -Infinity]) {
        assert.equal(countsAs('NO_DATA', policy, v), 'WARN', `NO_DATA ${v}`);
        assert.equal(countsAs('NO_DATA', { on_missing: 'inconclusive', on_error: 'fail' }, v), 'INCONCLUSIVE', `NO_DATA ${v} without on_infinite`);
      }
      for (const v of [Number.NaN, null, undefined, 0]) assert.equal(countsAs('NO_DATA', policy, v), 'FAIL', `NO_DATA ${v}`);
    });
  });

  describe('worstStatus', () => {
    const order: GateStatus[] = ['PASS', 'WARN', 'INCONCLUSIVE', 'FAIL'];
    it('a gate with no checks is PASS; one check is its own status', () => {
      assert.equal(worstStatus([]), 'PASS');
      for (const s of order) assert.equal(worstStatus([s]), s);
    });
    it('every pair, in both orders, gives the worse one: FAIL > INCONCLUSIVE > WARN > PASS', () => {
      for (let i = 0; i < order.length; i++) {
        for (let j = 0; j < order.length; j++) {
          const worse = order[Math.max(i, j)];
          assert.equal(worstStatus([order[i], order[j]]), worse, `${order[i]} + ${order[j]}`);
        }
      }
    });
    it('a gate mixing FAIL and INCONCLUSIVE checks is FAIL, wherever they stand', () => {
      assert.equal(worstStatus(['INCONCLUSIVE', 'FAIL', 'PASS']), 'FAIL');
      assert.equal(worstStatus(['FAIL', 'INCONCLUSIVE', 'WARN']), 'FAIL');
      assert.equal(worstStatus(['WARN', 'INCONCLUSIVE', 'PASS']), 'INCONCLUSIVE');
    });
    it('statusRank orders the statuses the same way', () => {
      for (let i = 1; i < order.length; i++) assert.ok(statusRank(order[i]) > statusRank(order[i - 1]), `${order[i]} > ${order[i - 1]}`);
    });
  });

  describe('decide', () => {
    // Each gate carries one check whose outcome gave its status (INCONCLUSIVE: the check had no data).
    const outcome = { PASS: 'PASS', WARN: 'WARN', FAIL: 'FAIL', INCONCLUSIVE: 'NO_DATA' } as const;
    const g = (status: GateStatus, fail_action: FailAction) => ({ status, fail_action, gate_name: `${status} ${fail_action}`, checks: [{ outcome: outcome[status] }] });
    const cases: [string, ReturnType<typeof g>[], string][] = [
      ['no gates at all: nothing decided, never approved', [], 'INCONCLUSIVE'],
      ['every deciding gate passes', [g('PASS', 'NO-GO'), g('PASS', 'CONDITIONAL')], 'APPROVED'],
      ['a NO-GO gate fails', [g('PASS', 'NO-GO'), g('FAIL', 'NO-GO')], 'BLOCKED'],
      ['a NO-GO gate fails while another lacks data', [g('INCONCLUSIVE', 'NO-GO'), g('FAIL', 'NO-GO')], 'BLOCKED'],
      ['a NO-GO gate lacks data', [g('PASS', 'NO-GO'), g('INCONCLUSIVE', 'NO-GO')], 'INCONCLUSIVE'],
      ['a CONDITIONAL gate lacks data, another warns', [g('WARN', 'NO-GO'), g('INCONCLUSIVE', 'CONDITIONAL')], 'INCONCLUSIVE'],
      ['a CONDITIONAL gate fails', [g('PASS', 'NO-GO'), g('FAIL', 'CONDITIONAL')], 'CONDITIONAL'],
      ['a NO-GO gate only warns', [g('WARN', 'NO-GO'), g('PASS', 'CONDITIONAL')], 'CONDITIONAL'],
      ['an OBSERVE gate fails, the rest pass', [g('PASS', 'NO-GO'), g('FAIL', 'OBSERVE')], 'APPROVED'],
      ['an OBSERVE gate lacks data, the rest pass', [g('PASS', 'NO-GO'), g('INCONCLUSIVE', 'OBSERVE')], 'APPROVED'],
      ['an OBSERVE gate warns, the rest pass', [g('WARN', 'OBSERVE'), g('PASS', 'NO-GO')], 'APPROVED'],
    ];
    for (const [what, gates, expected] of cases) it(`${what} → ${expected}`, () => assert.equal(decision(gates).code, expected));

    it('names the gates that decided, in report order: the failed NO-GO ones, else those short of a pass', () => {
      const named = (gates: ReturnType<typeof g>[]) => gates.map((x, i) => ({ ...x, gate_name: `G${i}` }));
      assert.deepEqual(decision(named([g('FAIL', 'NO-GO'), g('FAIL', 'CONDITIONAL'), g('FAIL', 'NO-GO')])).deciding, ['G0', 'G2']);
      assert.deepEqual(decision(named([g('PASS', 'NO-GO'), g('WARN', 'CONDITIONAL'), g('FAIL', 'OBSERVE')])).deciding, ['G1']);
      assert.deepEqual(decision(named([g('INCONCLUSIVE', 'NO-GO'), g('WARN', 'NO-GO')])).deciding, ['G0']);
      assert.deepEqual(decision(named([g('PASS', 'NO-GO'), g('FAIL', 'OBSERVE')])).deciding, []);
    });

    it('says why, naming the deciding gates', () => {
      const named = (gates: ReturnType<typeof g>[]) => gates.map((x, i) => ({ ...x, gate_name: `G${i}` }));
      const reason = (gates: ReturnType<typeof g>[]) => decision(named(gates)).reason;
      assert.equal(decision([]).reason, 'no gates to evaluate');
      assert.equal(reason([g('FAIL', 'OBSERVE'), g('PASS', 'OBSERVE')]), 'no deciding gate: all 2 gate(s) are OBSERVE, which never decide');
      assert.equal(reason([g('INCONCLUSIVE', 'NO-GO'), g('INCONCLUSIVE', 'CONDITIONAL')]), 'no deciding data: all 2 check(s) of the deciding gates came back NO_DATA or ERROR');
      assert.equal(reason([g('FAIL', 'NO-GO'), g('FAIL', 'NO-GO')]), 'NO-GO gate(s) failed: G0, G1');
      assert.equal(reason([g('INCONCLUSIVE', 'NO-GO'), g('PASS', 'NO-GO'), g('INCONCLUSIVE', 'CONDITIONAL')]), 'deciding gate(s) without data: G0, G2');
      assert.equal(reason([g('WARN', 'NO-GO'), g('FAIL', 'CONDITIONAL')]), 'deciding gate(s) warned or failed conditionally: G0, G1');
      assert.equal(reason([g('PASS', 'NO-GO'), g('PASS', 'CONDITIONAL'), g('FAIL', 'OBSERVE')]), 'all 2 deciding gate(s) passed');
    });
  });

  describe('the published strings and numbers', () => {
    it('decision texts are the original kit\'s, byte for byte, plus INCONCLUSIVE', () => {
      assert.equal(DECISION_TEXT.APPROVED, '✅ GA PROMOTION APPROVED - All gates passed');
      assert.equal(DECISION_TEXT.CONDITIONAL, '⚠️ GA PROMOTION CONDITIONAL - Review warnings');
      assert.equal(DECISION_TEXT.BLOCKED, '❌ GA PROMOTION BLOCKED - Critical failures detected');
      assert.match(DECISION_TEXT.INCONCLUSIVE, /^❔ GA PROMOTION INCONCLUSIVE - /);
    });
    it('overall_status, exit codes (README "Exit codes at a glance") and gate status values', () => {
      assert.deepEqual(OVERALL_STATUS, { APPROVED: 'PASS', CONDITIONAL: 'WARN', BLOCKED: 'FAIL', INCONCLUSIVE: 'INCONCLUSIVE', ERROR: 'ERROR' });
      // 5: the evaluation could not be carried out — never the same code as BLOCKED.
      assert.deepEqual(DECISION_EXIT_CODE, { APPROVED: 0, BLOCKED: 1, CONDITIONAL: 3, INCONCLUSIVE: 4, ERROR: 5 });
      assert.deepEqual(GATE_STATUS_VALUE, { PASS: 0, WARN: 1, INCONCLUSIVE: 2, FAIL: 3 });
    });
  });
});
