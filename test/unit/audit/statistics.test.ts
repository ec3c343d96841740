import assert from 'node:assert/strict';
import fc from 'fast-check';
import { robustIsMinFraction, seriesStats, varianceRatio } from '../../../src/core/audit/statistics';

describe('audit: statistics', () => {
  it('gives n, mean and population std; null for no data, 0 std for one value', () => {
    assert.deepEqual(seriesStats([]), { n: 0, mean: null, std: null });
    assert.deepEqual(seriesStats([0.7]), { n: 1, mean: 0.7, std: 0 });
    const s = seriesStats([1, 2, 3, 4]);
    assert.equal(s.mean, 2.5);
    assert.equal(s.std, Math.sqrt(1.25)); // population (/n), not sample (/(n-1)) = 1.29
  });

  it('gives exactly 0 std and the exact mean for a constant series (compensated sums)', () => {
    assert.deepEqual(seriesStats(Array(12).fill(0.49)), { n: 12, mean: 0.49, std: 0 });
    assert.deepEqual(seriesStats(Array(10).fill(0.1)), { n: 10, mean: 0.1, std: 0 });
  });

  it('keeps digits for values with a large common offset (two-pass variance)', () => {
    const s = seriesStats([1e9 + 1, 1e9 + 2, 1e9 + 3]);
    assert.ok(Math.abs(s.std! - Math.sqrt(2 / 3)) < 1e-6, String(s.std));
  });

  it('var_ratio is robust variance over base variance, null when undefined', () => {
    assert.equal(varianceRatio(seriesStats([1, 3]), seriesStats([0, 4])), 0.25);
    assert.equal(varianceRatio(seriesStats([1, 3]), seriesStats([2, 2])), null, 'base variance 0');
    assert.equal(varianceRatio(seriesStats([1]), seriesStats([0, 4])), null, 'one robust value');
    assert.equal(varianceRatio(seriesStats([1, 3]), seriesStats([4])), null, 'one base value');
  });

  it('var_ratio scales with the square of the amplitude ratio (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 50 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (xs, k) => {
        const base = seriesStats(xs);
        fc.pre(base.std! > 1e-6);
        const ratio = varianceRatio(seriesStats(xs.map((x) => k * x + 7)), base)!;
        return Math.abs(ratio - k * k) <= 1e-6 * k * k;
      }),
    );
  });

  it('robust_is_min_fraction counts only pairs with both values finite, with 1e-6 slack', () => {
    assert.equal(robustIsMinFraction([], []), null);
    assert.equal(robustIsMinFraction([0.4, true], [null, 0.4]), null);
    assert.equal(robustIsMinFraction([0.4 + 5e-7, 0.5, NaN], [0.4, 0.4, 0.4]), 0.5);
  });
});
