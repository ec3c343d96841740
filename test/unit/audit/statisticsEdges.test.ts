// The audit's statistics at their edges, against values worked out by hand.
import assert from 'node:assert/strict';
import { isFiniteNumber, robustIsMinFraction, seriesStats, varianceRatio } from '../../../src/core/audit/statistics';

describe('audit: statistics edges', () => {
  it('a compensated sum: twelve copies of 0.49 average to exactly 0.49, also after a large value cancels out', () => {
    assert.equal(seriesStats(Array(12).fill(0.49)).mean, 0.49);
    // 1e16 + 1 − 1e16 loses the 1 in a plain sum; the compensated one keeps it: mean (1 + 1 + 1) / 3.
    assert.equal(seriesStats([1e16, 1, -1e16, 1, 1]).mean, 3 / 5);
    assert.equal(seriesStats([1, 1e16, 1, -1e16, 1]).mean, 3 / 5);
  });

  it('population standard deviation: [2, 4, 4, 4, 5, 5, 7, 9] has mean 5 and std 2; a constant series has std 0', () => {
    assert.deepEqual(seriesStats([2, 4, 4, 4, 5, 5, 7, 9]), { n: 8, mean: 5, std: 2 });
    // 0.1 is not exact in binary; the deviations from the mean are not all 0, yet std is exactly 0.
    assert.equal(seriesStats([0.1, 0.1, 0.1]).std, 0);
    assert.deepEqual(seriesStats([1e9 + 1, 1e9 + 3]), { n: 2, mean: 1e9 + 2, std: 1 });
    assert.deepEqual(seriesStats([7]), { n: 1, mean: 7, std: 0 });
    assert.deepEqual(seriesStats([]), { n: 0, mean: null, std: null });
  });

  it('var_ratio needs two values on each side and a base that varies', () => {
    const two = seriesStats([1, 3]);
    assert.equal(varianceRatio(seriesStats([2, 4, 4, 4, 5, 5, 7, 9]), two), 4);
    assert.equal(varianceRatio(seriesStats([1]), two), null);
    assert.equal(varianceRatio(two, seriesStats([1])), null);
    assert.equal(varianceRatio(two, seriesStats([5, 5])), null);
    assert.equal(varianceRatio({ n: 2, mean: 1, std: null }, two), null);
    assert.equal(varianceRatio(two, { n: 2, mean: 1, std: null }), null);
  });

  it('robust is the grid minimum within 1e-6 (inclusive); non-finite pairs are not counted', () => {
    assert.equal(robustIsMinFraction([1 + 1e-6, 1 + 3e-6], [1, 1]), 0.5);
    assert.equal(robustIsMinFraction([0.5, NaN, 1], [1, 1, 'x']), 1);
    assert.equal(robustIsMinFraction([null], [1]), null);
    assert.deepEqual([1, NaN, Infinity, '1', null].map(isFiniteNumber), [true, false, false, false, false]);
  });
});
