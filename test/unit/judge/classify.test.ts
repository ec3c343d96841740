// The judge's decision rules on cases whose right answer is known without a reference: the issue's
// sparse-error examples, constant samples, direction, limits, minimum samples, NaN policy, scoring.
import assert from 'node:assert/strict';
import { describeJudgement, judgeCounts, judgeSamples, scoreMetrics, type SampleSettings } from '../../../src/core/judge';
import { normals, seeded } from '../../support/seeded';

const SETTINGS: SampleSettings = { direction: 'increase', effect: 'relative', allowed: 0.1, confidence: 0.98, minSamples: 10, nan: 'remove', spreadAllowed: 0.5 };
const COUNTS = { allowed: 0.5, confidence: 0.98, minRequests: 1000 };

function sample(n: number, mean: number, sd: number, seed: number): number[] {
  const z = normals(seeded(seed));
  return Array.from({ length: n }, () => mean + sd * z());
}

describe('judge: decision rules', () => {
  it('0 vs 3 errors in 10,000 requests is INCONCLUSIVE, 0 vs 300 fails, 12 vs 10 in 5,000 each is undecided', () => {
    const none = { errors: 0, requests: 10_000 };
    const three = judgeCounts({ errors: 3, requests: 10_000 }, none, COUNTS);
    assert.deepEqual([three.verdict, three.rule], ['INCONCLUSIVE', 'undecided']);
    const many = judgeCounts({ errors: 300, requests: 10_000 }, none, COUNTS);
    assert.deepEqual([many.verdict, many.rule], ['FAIL', 'beyond_allowed']);
    assert.ok(many.counts!.ci[0] > 10, `ratio lower bound ${many.counts!.ci[0]}`);
    assert.equal(judgeCounts({ errors: 12, requests: 5000 }, { errors: 10, requests: 5000 }, COUNTS).verdict, 'INCONCLUSIVE');
  });

  it('error rates: equal plentiful rates pass; the exposure guard and invalid counts give NO_DATA; a negligible rate passes 0 vs 0', () => {
    assert.equal(judgeCounts({ errors: 1000, requests: 100_000 }, { errors: 1010, requests: 100_000 }, COUNTS).verdict, 'PASS');
    assert.equal(judgeCounts({ errors: 0, requests: 999 }, { errors: 0, requests: 10_000 }, COUNTS).rule, 'too_little_exposure');
    assert.equal(judgeCounts({ errors: 11, requests: 10 }, { errors: 0, requests: 10_000 }, { ...COUNTS, minRequests: 1 }).rule, 'invalid_counts');
    const zero = { errors: 0, requests: 50_000 };
    assert.equal(judgeCounts(zero, zero, COUNTS).verdict, 'INCONCLUSIVE', 'no errors at all say nothing about a ratio');
    const negligible = judgeCounts(zero, zero, { ...COUNTS, negligibleRate: 0.001 });
    assert.deepEqual([negligible.verdict, negligible.rule], ['PASS', 'negligible_rate']);
  });

  it('±Inf samples on either side give NO_DATA (no statistic is defined on them), and the judge returns', () => {
    const baseline = sample(30, 100, 5, 1);
    for (const [candidate, base] of [[[...sample(29, 100, 5, 2), Infinity], baseline], [sample(30, 100, 5, 3), [...baseline.slice(1), -Infinity]]]) {
      const j = judgeSamples(candidate, base, SETTINGS);
      assert.deepEqual([j.verdict, j.rule, j.effect], ['NO_DATA', 'infinite_samples', null]);
      assert.match(describeJudgement(j, 'p95 latency'), /±Inf samples are not measurements/);
    }
    // NaNs removed by the policy leave the ±Inf check to decide.
    assert.equal(judgeSamples([...sample(29, 100, 5, 4), NaN, Infinity], baseline, SETTINGS).rule, 'infinite_samples');
  });

  it('constant samples are decided analytically, never with noise: equal → PASS, shifted → FAIL at exactly the shift', () => {
    const same = judgeSamples(Array(30).fill(5), Array(30).fill(5), SETTINGS);
    assert.deepEqual([same.verdict, same.mannWhitney!.method, same.mannWhitney!.p, same.effect!.ci], ['PASS', 'constant', 1, [0, 0]]);
    const up = judgeSamples(Array(30).fill(6), Array(30).fill(5), SETTINGS);
    assert.equal(up.verdict, 'FAIL');
    assert.deepEqual(up.effect!.ci, [0.2, 0.2]);
    assert.equal(up.effect!.estimate, 0.2);
  });

  it('is deterministic: the same input gives the same judgement, bit for bit', () => {
    const a = sample(200, 10, 1, 1);
    const b = sample(200, 10.3, 1.4, 2);
    assert.deepEqual(judgeSamples(b, a, SETTINGS), judgeSamples([...b], [...a], SETTINGS));
  });

  it('direction: a drop fails a decrease metric and passes an increase metric; either catches both', () => {
    const base = sample(100, 100, 2, 3);
    const lower = sample(100, 80, 2, 4);
    assert.equal(judgeSamples(lower, base, { ...SETTINGS, direction: 'decrease' }).verdict, 'FAIL');
    assert.equal(judgeSamples(lower, base, SETTINGS).verdict, 'PASS');
    assert.equal(judgeSamples(lower, base, { ...SETTINGS, direction: 'either' }).verdict, 'FAIL');
  });

  it('limits: a shift shown beyond critical_limit is critical; an interval across the allowed limit is INCONCLUSIVE', () => {
    const base = sample(100, 100, 2, 5);
    const crit = judgeSamples(sample(100, 170, 2, 6), base, { ...SETTINGS, criticalLimit: 0.5 });
    assert.deepEqual([crit.verdict, crit.rule, crit.critical], ['FAIL', 'beyond_critical', true]);
    const near = judgeSamples(sample(12, 110, 8, 7), sample(12, 100, 8, 8), SETTINGS);
    assert.deepEqual([near.verdict, near.rule], ['INCONCLUSIVE', 'undecided']);
    assert.match(describeJudgement(near, 'p95 latency'), /cannot tell yet/);
  });

  it('too few samples and NaN policy: NO_DATA, never a pass', () => {
    assert.equal(judgeSamples([1, 2, 3], sample(50, 2, 1, 9), SETTINGS).rule, 'too_few_samples');
    const withNaN = [...sample(20, 5, 1, 10), NaN];
    assert.equal(judgeSamples(withNaN, sample(20, 5, 1, 11), { ...SETTINGS, nan: 'no_data' }).verdict, 'NO_DATA');
    assert.equal(judgeSamples(withNaN, sample(20, 5, 1, 11), SETTINGS).candidate.nan, 1);
    assert.equal(judgeSamples(withNaN, sample(20, 5, 1, 11), { ...SETTINGS, nan: 'zero' }).candidate.n, 21);
  });

  it('a variance increase with an unchanged median fails on spread; with spread off it passes on location', () => {
    const base = sample(200, 50, 2, 12);
    const wide = sample(200, 50, 6, 13);
    const j = judgeSamples(wide, base, SETTINGS);
    assert.deepEqual([j.verdict, j.rule], ['FAIL', 'spread_increase']);
    assert.match(describeJudgement(j, 'queue depth'), /spread is \d+(\.\d+)?% wider/);
    assert.equal(judgeSamples(wide, base, { ...SETTINGS, spreadAllowed: null }).verdict, 'PASS');
  });

  it('words: the sentence a reviewer reads names the change, the interval and the limit', () => {
    const j = judgeSamples(sample(300, 118, 5, 14), sample(300, 100, 5, 15), SETTINGS);
    assert.match(describeJudgement(j, 'p95 latency'), /^candidate p95 latency is 1\d(\.\d+)?% higher, 98% CI \[1\d(\.\d+)?%, 1\d(\.\d+)?%\], above the allowed 10% \(n = 300 vs 300, p < 0\.0001\)$/);
  });

  it('scoring: critical failures score 0, unjudged weight makes it INCONCLUSIVE, groups combine by weight', () => {
    const m = (id: string, group: string, verdict: 'PASS' | 'FAIL' | 'INCONCLUSIVE', critical = false) => ({ id, group, weight: 1, verdict, critical });
    const settings = { pass: 95, marginal: 75, groups: { latency: 3 }, minJudged: 0.5 };
    const mixed = scoreMetrics([m('a', 'latency', 'PASS'), m('b', 'latency', 'PASS'), m('c', 'errors', 'FAIL')], settings);
    assert.deepEqual([mixed.score, mixed.status], [75, 'WARN']);
    const critical = scoreMetrics([m('a', 'latency', 'PASS'), m('c', 'errors', 'FAIL', true)], settings);
    assert.deepEqual([critical.score, critical.status, critical.criticalFailures], [0, 'FAIL', ['c']]);
    assert.equal(scoreMetrics([m('a', 'x', 'PASS'), m('b', 'x', 'INCONCLUSIVE'), m('c', 'x', 'INCONCLUSIVE')], settings).status, 'INCONCLUSIVE');
    assert.equal(scoreMetrics([m('a', 'x', 'PASS')], settings).status, 'PASS');
  });
});
