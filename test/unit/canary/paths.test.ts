import assert from 'node:assert/strict';
import { displayPath } from '../../../src/core/canary/runner';

describe('canary results paths', () => {
  it('are POSIX paths relative to the root inside it, and stay absolute for the root itself or anything outside', () => {
    assert.equal(displayPath('/ws', '/ws/artifacts/canary/S/run-01'), 'artifacts/canary/S/run-01');
    assert.equal(displayPath('/ws', '/ws'), '/ws', 'the root itself is not the empty path');
    assert.equal(displayPath('/ws', '/elsewhere/p.yaml'), '/elsewhere/p.yaml');
    assert.equal(displayPath('/ws/sub', '/ws/p.yaml'), '/ws/p.yaml', 'a parent is outside');
  });
});
