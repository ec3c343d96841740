import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCharts } from '../../../src/core/charts';
import { evaluateGates } from '../../../src/core/gates/evaluate';

// The whole path without a server: the bundled demo recording answers the range queries it was
// recorded with, so a range check's chart is drawn offline and agrees with the engine's verdict.
describe('charts from the demo recording (the engine’s window, step and templates)', () => {
  let cwd: string;
  before(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-charts-'));
  });
  after(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('draws the coverage share check over the recorded window, and its points agree with the evaluated share', async () => {
    const set = await loadCharts({ cwd, data: { mode: 'demo' } }, { gate: 'coverage', checks: ['in_tolerance_share'] }, AbortSignal.timeout(10_000));
    const report = await evaluateGates({ data: { mode: 'demo' } }, AbortSignal.timeout(10_000));
    const evaluated = report.gates.find((g) => g.key === 'coverage')!.checks.find((c) => c.check_id === 'in_tolerance_share')!;
    assert.equal(set.at, report.evaluated_at);
    assert.equal(set.window, report.window);
    assert.equal(set.dataMode, 'demo');
    const [c] = set.charts;
    assert.equal(c.problem, undefined);
    assert.equal(c.link, undefined, 'recorded data is never linked');
    assert.equal(c.series.length, evaluated.evidence.series_count);
    assert.equal(c.x.length, Math.floor(48 * 3600 / 60) + 1);
    // The worst series decides the share; each series' share is its within points over its samples.
    const shares = c.series.map((s) => s.states.filter((x) => x === 'within').length / s.states.filter((x) => x !== null).length);
    assert.equal(Math.min(...shares), evaluated.value);
    assert.deepEqual(c.lines.map((l) => l.kind), ['limit']);
  });

  it('says so when the recording holds no range query for a check (an instant check was recorded as one)', async () => {
    const set = await loadCharts({ cwd, data: { mode: 'demo' } }, { gate: 'dcts' }, AbortSignal.timeout(10_000));
    const byId = Object.fromEntries(set.charts.map((c) => [c.checkId, c]));
    assert.match(byId.rel_diff_p95.problem ?? '', /not in recording|recording/i);
    assert.match(byId.var_ratio.problem ?? '', /^Not charted: a file check/);
    assert.match(byId.divergence_alert.problem ?? '', /^Not charted: an alert check/);
  });

  it('names a gate or check that is not in the file', async () => {
    await assert.rejects(loadCharts({ cwd, data: { mode: 'demo' } }, { gate: 'nope' }, AbortSignal.timeout(10_000)), /there is no gate 'nope'/);
    await assert.rejects(loadCharts({ cwd, data: { mode: 'demo' } }, { gate: 'dcts', checks: ['x'] }, AbortSignal.timeout(10_000)), /gate 'dcts' has no check 'x'/);
  });
});
