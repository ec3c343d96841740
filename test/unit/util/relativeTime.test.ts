import assert from 'node:assert/strict';
import { nextRelativeChange, relativeTime } from '../../../src/core/util';

const AT = '2026-12-02T04:00:00.000Z';
const t = Date.parse(AT);
const s = 1000;

describe('relative time', () => {
  it('says how long ago, in the largest whole unit', () => {
    assert.deepEqual([0, 59 * s, 60 * s, 3 * 60 * s + 59 * s, 3600 * s, 49 * 3600 * s].map((d) => relativeTime(AT, t + d)), [
      'just now', 'just now', '1 min ago', '3 min ago', '1 h ago', '2 d ago',
    ]);
    assert.equal(relativeTime(AT, t - 3600 * s), 'in the future');
    assert.equal(relativeTime('not a time', t), 'not a time');
  });

  it('wakes exactly when the words change, never more often than a second', () => {
    assert.equal(nextRelativeChange(AT, t + 10 * s), 50 * s);
    assert.equal(nextRelativeChange(AT, t + 3 * 60 * s + 20 * s), 40 * s);
    assert.equal(nextRelativeChange(AT, t + 2 * 3600 * s + 60 * s), 3540 * s);
    assert.equal(relativeTime(AT, t + 3 * 60 * s + 20 * s + 40 * s), '4 min ago');
    assert.equal(nextRelativeChange(AT, t - 3600 * s), 3660 * s);
    assert.equal(nextRelativeChange('nope', t), Infinity);
  });
});
