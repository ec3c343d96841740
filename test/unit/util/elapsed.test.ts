import assert from 'node:assert/strict';
import { elapsedMs } from '../../../src/core/util/elapsed';

describe('elapsedMs: report durations to 0.1 ms', () => {
  it('is the difference of two readings, rounded half up to one decimal', () => {
    assert.equal(elapsedMs(1000, 1012.345), 12.3);
    assert.equal(elapsedMs(1000, 1012.35), 12.4);
    assert.equal(elapsedMs(250.5, 250.5), 0);
    assert.equal(elapsedMs(0, 0.04), 0);
    assert.equal(elapsedMs(0, 0.05), 0.1);
  });
});
