import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readAuditReport } from '../../../src/core/audit/readReport';
import { runDctsAudit } from '../../../src/core/audit/runDctsAudit';
import { defaultAuditThresholds } from '../../../src/core/audit/thresholds';
import { InputError } from '../../../src/core/util/errors';
import { alternating, summariesDir } from './fixtures';

describe('audit: reading a report', () => {
  let dir: string;
  const signal = new AbortController().signal;
  before(() => {
    // The original tool's output for 12 summaries: only the seven original fields.
    const original = { counts: { base: 12, robust: 12 }, base: { n: 12, mean: 0.5, std: 0.01 }, robust: { n: 12, mean: 0.5, std: 0.004 }, min: { n: 12, mean: 0.49, std: 0 }, grid_stats: {}, var_ratio: 0.16, robust_is_min_fraction: 0 };
    dir = summariesDir({ ...alternating(3, 0.01, 0.004), 'original.json': original, 'broken.json': '{\n  "counts": ', 'other.json': { counts: { base: 'x' } } });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('round-trips a report written by the audit', async () => {
    const written = await runDctsAudit({ summaries: ['replay_*.json'], cwd: dir, thresholds: defaultAuditThresholds }, signal);
    writeFileSync(path.join(dir, 'report.json'), JSON.stringify(written));
    const r = await readAuditReport(path.join(dir, 'report.json'), signal);
    assert.equal(r.legacy, false);
    assert.deepEqual({ ...r, legacy: undefined }, { ...written, legacy: undefined });
  });

  it("judges the original tool's report (no status) against the default thresholds", async () => {
    const r = await readAuditReport(path.join(dir, 'original.json'), signal);
    assert.equal(r.legacy, true);
    assert.equal(r.status, 'PASS');
    assert.equal(r.var_ratio, 0.16);
  });

  it('names the file (and line) for missing, broken and foreign files', async () => {
    const err = async (f: string) => readAuditReport(path.join(dir, f), signal).then(() => assert.fail('no error'), (e: InputError) => {
      assert.ok(e instanceof InputError);
      return e.format();
    });
    assert.match(await err('missing.json'), /missing\.json: DCTS audit report not found$/);
    assert.match(await err('broken.json'), /broken\.json:2:\d+: invalid JSON/);
    assert.match(await err('other.json'), /other\.json:\d+:\d+: not a DCTS audit report: counts\.base: /);
  });
});
