// finishCheck: how a measurement becomes a check's outcome, message and evidence. The inputs are
// built here (a Measured is what every check kind hands over), so each expected value follows from
// them: which item is the worst for each comparator, how labels and counts read in the message, when
// a NaN/±Inf decides over a finite value, and how much raw evidence is kept.
import assert from 'node:assert/strict';
import type { Item, Measured } from '../../../src/core/gates/checks/context';
import { finishCheck, formatNumber } from '../../../src/core/gates/checks/finish';
import { checkDefinition, type ThresholdCheck } from '../../../src/core/gates/schema';

const META = { evaluatedAt: '2026-11-26T12:00:00.000Z', durationMs: 4.2 };
const EVIDENCE = { kind: 'file', source: '/ws/r.json' } as const;

/** A json_value check with the schema's defaults (severity fail, on_missing fail, on_error fail). */
function def(over: Record<string, unknown>): ThresholdCheck {
  return checkDefinition.parse({ id: 'c', name: 'N', type: 'json_value', file: 'r.json', path: 'v', comparator: '<=', threshold: 1, ...over }) as ThresholdCheck;
}
const values = (items: Item[], extra: Partial<Extract<Measured, { kind: 'values' }>> = {}): Measured => ({ kind: 'values', items, evidence: EVIDENCE, ...extra });
const item = (value: number, labels?: Record<string, string>): Item => ({ ...(labels ? { labels } : {}), value, raw: String(value) });

describe('gates: finishCheck turns a measurement into an outcome, message and evidence', () => {
  describe('the worst item decides, per comparator', () => {
    it("'==': the value furthest from the threshold on either side (a negative one too)", () => {
      const r = finishCheck(def({ comparator: '==', threshold: 0 }), 0, values([item(3, { s: 'a' }), item(-5, { s: 'b' })]), META);
      assert.equal(r.value, -5);
      assert.equal(r.outcome, 'FAIL');
      assert.equal(r.message, 'N: -5 — not equal to 0 (worst of 2 series: {s="b"}, 2 failing)');
      assert.deepEqual(r.evidence.raw.map((x) => x.labels?.s), ['b', 'a']);
    });

    it("'==': the distance is to the threshold, not to zero", () => {
      // Threshold 10: 5 is 5 away, 13 only 3 (though 13 is the larger number).
      const r = finishCheck(def({ comparator: '==', threshold: 10 }), 10, values([item(13, { s: 'a' }), item(5, { s: 'b' })]), META);
      assert.equal(r.value, 5);
      assert.equal(r.message, 'N: 5 — not equal to 10 (worst of 2 series: {s="b"}, 2 failing)');
    });

    it("'<': the largest value (as for '<='), and the count of failing series", () => {
      const r = finishCheck(def({ comparator: '<' }), 1, values([item(0.5), item(2)]), META);
      assert.equal(r.value, 2);
      assert.equal(r.outcome, 'FAIL');
      assert.equal(r.message, 'N: 2 — above the limit 1 (worst of 2 series, 1 failing)');
    });

    it('several series all passing: no failing count in the message', () => {
      const r = finishCheck(def({ comparator: '<=' }), 10, values([item(1), item(0.5)]), META);
      assert.equal(r.outcome, 'PASS');
      assert.equal(r.value, 1);
      assert.equal(r.message, 'N: 1 — within the limit 10 (worst of 2 series)');
    });
  });

  describe('how one item reads', () => {
    it('its labels, without __name__, in order and comma-separated', () => {
      const r = finishCheck(def({}), 10, values([item(3, { __name__: 'm', a: '1', b: '2' })]), META);
      assert.equal(r.message, 'N: 3 — within the limit 10 ({a="1", b="2"})');
      assert.deepEqual(r.evidence.raw, [{ labels: { __name__: 'm', a: '1', b: '2' }, value: '3' }]);
    });

    it('only __name__: no label text at all', () => {
      const r = finishCheck(def({}), 10, values([item(3, { __name__: 'm' })]), META);
      assert.equal(r.message, 'N: 3 — within the limit 10');
    });

    it('no labels: just the value against the requirement', () => {
      const r = finishCheck(def({}), 10, values([item(3)]), META);
      assert.equal(r.message, 'N: 3 — within the limit 10');
      assert.equal(r.counts_as, 'PASS');
    });
  });

  describe('evidence', () => {
    it('an ERROR carries the reason, no value and no series count', () => {
      const r = finishCheck(def({}), 1, { kind: 'error', reason: 'cannot read: EISDIR', evidence: EVIDENCE }, META);
      assert.deepEqual(r, {
        check_id: 'c', name: 'N', outcome: 'ERROR', counts_as: 'FAIL', value: null, threshold: 1, comparator: '<=', severity: 'fail',
        message: 'N: cannot read: EISDIR',
        evidence: { kind: 'file', source: '/ws/r.json', evaluated_at: META.evaluatedAt, raw: [], threshold: 1, comparator: '<=', duration_ms: 4.2 },
      });
    });

    it('a NO_DATA says why, with the series count it was given', () => {
      const r = finishCheck(def({ on_missing: 'warn' }), 1, { kind: 'no_data', reason: 'no series', evidence: EVIDENCE, seriesCount: 0 }, META);
      assert.equal(r.message, 'N: no data (no series)');
      assert.equal(r.counts_as, 'WARN');
      assert.equal(r.evidence.series_count, 0);
      assert.deepEqual(r.evidence.raw, []);
    });

    it('keeps the first 100 raw items and says how many more there were', () => {
      const many = Array.from({ length: 101 }, (_, i) => item(i / 1000, { i: String(i) }));
      const r = finishCheck(def({}), 1, values(many), META);
      assert.equal(r.evidence.raw.length, 100);
      assert.equal(r.evidence.raw_truncated, 1);
      assert.equal(r.evidence.series_count, 101);
      // Worst first: the largest value opens the evidence.
      assert.equal(r.evidence.raw[0].labels?.i, '100');
    });

    it('exactly 100 raw items: all kept, no truncation noted', () => {
      const hundred = Array.from({ length: 100 }, (_, i) => item(i / 1000));
      const r = finishCheck(def({}), 1, values(hundred), META);
      assert.equal(r.evidence.raw.length, 100);
      assert.equal('raw_truncated' in r.evidence, false);
    });
  });

  describe('NaN and ±Inf against finite values', () => {
    it('a finite FAIL decides over a NaN that counts no worse, and the NaN is named', () => {
      const r = finishCheck(def({}), 1, values([item(5), item(NaN)]), META);
      assert.equal(r.outcome, 'FAIL');
      assert.equal(r.value, 5);
      assert.equal(r.message, 'N: 5 — above the limit 1 (worst of 2 series, 1 failing); also 1 without a finite value (NaN in the value)');
      assert.deepEqual(r.evidence.raw.map((x) => x.value), ['5', 'NaN']);
    });

    it('a finite WARN does not decide over a NaN that counts as FAIL', () => {
      const r = finishCheck(def({ severity: 'warn' }), 1, values([item(5, { s: 'a' }), item(NaN, { s: 'b' })]), META);
      assert.equal(r.outcome, 'NO_DATA');
      assert.ok(Number.isNaN(r.value));
      assert.equal(r.counts_as, 'FAIL');
      assert.equal(r.message, 'N: no data (NaN in {s="b"})');
      // The value that decided opens the evidence.
      assert.deepEqual(r.evidence.raw.map((x) => x.labels?.s), ['b', 'a']);
    });

    it('a passing finite value never hides a NaN', () => {
      const r = finishCheck(def({ on_missing: 'warn' }), 1, values([item(0.5), item(NaN)]), META);
      assert.equal(r.outcome, 'NO_DATA');
      assert.equal(r.counts_as, 'WARN');
    });

    for (const order of ['NaN first', '+Inf first']) {
      it(`the worst-counting odd value leads, whatever its position (${order})`, () => {
        // on_infinite fail outranks on_missing warn: +Inf decides, then NaN is listed.
        const odd = [item(NaN, { s: 'a' }), item(Infinity, { s: 'b' })];
        const r = finishCheck(def({ on_missing: 'warn', on_infinite: 'fail' }), 1, values(order === 'NaN first' ? odd : [...odd].reverse()), META);
        assert.equal(r.outcome, 'NO_DATA');
        assert.equal(r.value, Infinity);
        assert.equal(r.counts_as, 'FAIL');
        assert.equal(r.message, 'N: no finite value (+Inf in {s="b"}, NaN in {s="a"}); ±Inf never passes a comparison');
        assert.deepEqual(r.evidence.raw.map((x) => x.labels?.s), ['b', 'a']);
      });
    }

    it('only NaN: "no data", naming at most three of them', () => {
      const r = finishCheck(def({}), 1, values(['a', 'b', 'c', 'd'].map((s) => item(NaN, { s }))), META);
      assert.equal(r.message, 'N: no data (NaN in {s="a"}, NaN in {s="b"}, NaN in {s="c"})');
      assert.equal(r.evidence.raw.length, 4);
    });
  });

  it('formatNumber: integers as they are, others to 6 significant digits, non-finite as Prometheus writes them', () => {
    assert.equal(formatNumber(12), '12');
    assert.equal(formatNumber(1 / 3), '0.333333');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(formatNumber(-Infinity), '-Inf');
  });
});
