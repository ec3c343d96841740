import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { runDctsAudit } from '../../../src/core/audit/runDctsAudit';
import { defaultAuditThresholds } from '../../../src/core/audit/thresholds';
import { alternating, summariesDir, summary } from './fixtures';

const signal = new AbortController().signal;
const audit = (dir: string, summaries: string[], thresholds = defaultAuditThresholds) => runDctsAudit({ summaries, cwd: dir, thresholds, now: new Date('2026-11-27T03:00:00Z') }, signal);

describe('audit: runDctsAudit', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, unknown>) => {
    const d = summariesDir(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("reproduces the original's observed example: base amplitude 0.01, robust 0.004 -> var_ratio 0.16", async () => {
    const dir = make(alternating(5, 0.01, 0.004));
    const r = await audit(dir, ['replay_*.json']);
    assert.deepEqual(r.counts, { base: 5, robust: 5 });
    assert.ok(Math.abs(r.var_ratio! - 0.16) < 1e-9, String(r.var_ratio));
    assert.equal(r.robust_is_min_fraction, 0);
    assert.equal(r.status, 'WARN', 'only 5 robust samples');
    assert.match(r.reasons.join('\n'), /only 5 robust samples \(< 10\)/);
  });

  it('keeps the original JSON fields first, in order', async () => {
    const r = await audit(make(alternating(2, 0.01, 0.004)), ['*.json']);
    assert.deepEqual(Object.keys(r).slice(0, 7), ['counts', 'base', 'robust', 'min', 'grid_stats', 'var_ratio', 'robust_is_min_fraction']);
    assert.deepEqual(Object.keys(r.base), ['n', 'mean', 'std']);
  });

  it('PASS with enough samples and a low ratio; FAIL above the threshold, whatever the count', async () => {
    const pass = await audit(make(alternating(12, 0.01, 0.004)), ['*.json']);
    assert.equal(pass.status, 'PASS');
    const fail = await audit(make(alternating(4, 0.01, 0.0095)), ['*.json']);
    assert.ok(fail.var_ratio! > 0.85);
    assert.equal(fail.status, 'FAIL');
  });

  it('thresholds are configurable', async () => {
    const dir = make(alternating(4, 0.01, 0.004));
    const r = await audit(dir, ['*.json'], { maxVarRatio: 0.1, minRobustSamples: 2 });
    assert.equal(r.status, 'FAIL');
    assert.deepEqual(r.thresholds, { max_var_ratio: 0.1, min_robust_samples: 2 });
    assert.equal((await audit(dir, ['*.json'], { maxVarRatio: 0.2, minRobustSamples: 4 })).status, 'PASS');
  });

  it('NO_DATA without any robust value; WARN when the ratio cannot be computed', async () => {
    const none = await audit(make({ 'a.json': { tvf2: { dcts: 0.5 } } }), ['*.json', 'missing.json']);
    assert.equal(none.status, 'NO_DATA');
    assert.deepEqual(none.counts, { base: 1, robust: 0 });
    const flat = await audit(make({ 'a.json': summary(0.5, 0.4), 'b.json': summary(0.5, 0.6) }), ['*.json'], { maxVarRatio: 0.85, minRobustSamples: 2 });
    assert.equal(flat.var_ratio, null);
    assert.equal(flat.status, 'WARN');
  });

  it('lists every skipped file with its reason, and every value not counted', async () => {
    const dir = make({ 'a.json': summary(0.5, 0.4), 'b.json': 'nope', 'c.json': summary(false, 0.4) });
    const r = await audit(dir, ['*.json', 'gone.json', 'none/*.json']);
    assert.deepEqual(r.inputs, ['a.json', 'c.json']);
    assert.deepEqual(r.skipped.map((s) => `${s.file}: ${s.reason.replace(/:.*/, '')}`), ['none/*.json: pattern matched no files', 'b.json: not JSON', 'gone.json: no such file']);
    assert.deepEqual(r.ignored_values, [{ file: 'c.json', field: 'tvf2.dcts', reason: 'boolean false is not a number' }]);
    assert.deepEqual(r.counts, { base: 1, robust: 2 }, 'the boolean base is not counted');
  });

  it('counts a file named twice (path and glob) once', async () => {
    const r = await audit(make(alternating(3, 0.01, 0.004)), ['replay_00.json', 'replay_*.json']);
    assert.equal(r.counts.robust, 3);
  });

  it('computes stats per grid key', async () => {
    const r = await audit(make({ 'a.json': summary(0.5, 0.4, 0.3, { '2.0': 1, '0.5': 2 }), 'b.json': summary(0.6, 0.4, 0.3, { '0.5': 4 }) }), ['*.json']);
    assert.deepEqual(Object.keys(r.grid_stats), ['0.5', '2.0']);
    assert.deepEqual(r.grid_stats['0.5'], { n: 2, mean: 3, std: 1 });
    assert.deepEqual(r.grid_stats['2.0'], { n: 1, mean: 1, std: 0 });
  });

  it('a grid named __proto__ is counted and reported like any other grid', async () => {
    const text = (v: number) => `{"tvf2": {"dcts": 0.5, "dcts_robust": {"value": 0.4}, "dcts_grids": {"__proto__": ${v}, "1.0": 0.2}}}`;
    const r = await audit(make({ 'a.json': text(1), 'b.json': text(3) }), ['*.json']);
    assert.deepEqual(Object.keys(r.grid_stats), ['1.0', '__proto__']);
    assert.deepEqual(Object.getOwnPropertyDescriptor(r.grid_stats, '__proto__')?.value, { n: 2, mean: 2, std: 1 });
    assert.match(JSON.stringify(r.grid_stats), /"__proto__":\{"n":2,"mean":2,"std":1\}/);
  });

  it('stops when aborted', async () => {
    const dir = make(alternating(3, 0.01, 0.004));
    await assert.rejects(runDctsAudit({ summaries: ['*.json'], cwd: dir, thresholds: defaultAuditThresholds }, AbortSignal.abort()), { name: 'AbortError' });
  });
});
