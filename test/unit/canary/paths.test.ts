import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CanaryResults } from '../../../src/core/canary/results';
import { currentWasReplaced, displayPath, writeCurrentResults, type CanaryPlan } from '../../../src/core/canary/runner';

describe('canary results paths', () => {
  it('are POSIX paths relative to the root inside it, and stay absolute for the root itself or anything outside', () => {
    assert.equal(displayPath('/ws', '/ws/artifacts/canary/S/run-01'), 'artifacts/canary/S/run-01');
    assert.equal(displayPath('/ws', '/ws'), '/ws', 'the root itself is not the empty path');
    assert.equal(displayPath('/ws', '/elsewhere/p.yaml'), '/elsewhere/p.yaml');
    assert.equal(displayPath('/ws/sub', '/ws/p.yaml'), '/ws/p.yaml', 'a parent is outside');
  });
});

describe('canary current results file', () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-current-')); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const results = (status: 'PASS' | 'FAIL') => ({ timestamp: 't', config: { profile: 'p', runs: 1, gating: 'soft' }, evaluation: { status } }) as unknown as CanaryResults;

  it('is written as indented JSON with a final newline, and tells whether it holds these results', async () => {
    const output = path.join(dir, 'sub/canary_results.json');
    const plan = { output } as CanaryPlan;
    assert.equal(await currentWasReplaced(plan, results('PASS')), false, 'no file yet');
    await writeCurrentResults(output, results('PASS'));
    assert.equal(fs.readFileSync(output, 'utf8'), `${JSON.stringify(results('PASS'), null, 2)}\n`);
    assert.equal(await currentWasReplaced(plan, results('PASS')), true);
    assert.equal(await currentWasReplaced(plan, results('FAIL')), false);
  });
});
