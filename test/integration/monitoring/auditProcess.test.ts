// `aurora-ga dcts-audit` as users run it (dist/cli.js, a process started in the summaries' folder,
// which reads each file by its relative name) against the engine run from another folder (which
// reads absolute paths): the same report, skipped files and their reasons included.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { runDctsAudit } from '../../../src/core/audit/runDctsAudit';
import { defaultAuditThresholds } from '../../../src/core/audit/thresholds';
import { alternating, summariesDir, summary } from '../../unit/audit/fixtures';
import { aurora } from './cli';

describe('audit: the CLI process in the summaries’ folder reads what the engine reads from elsewhere', function () {
  this.timeout(30_000);
  let dir: string;
  before(() => {
    dir = summariesDir({
      ...alternating(6, 0.01, 0.004),
      'replay_bom.json': `\uFEFF${JSON.stringify(summary(0.5, 0.5))}`,
      'replay_broken.json': '{"tvf2": ',
      'replay_none.json': { run_id: 'x' },
    });
    fs.mkdirSync(path.join(dir, 'replay_dir.json'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same inputs, statistics, skipped files and status', async () => {
    assert.notEqual(path.resolve(dir), process.cwd());
    const inProcess = await runDctsAudit({ summaries: ['replay_*.json', 'missing.json'], cwd: dir, thresholds: defaultAuditThresholds }, AbortSignal.timeout(10_000));
    const r = await aurora(dir, 'dcts-audit', '--summaries', 'replay_*.json', 'missing.json', '--out-json', 'out/report.json', '--out-md', 'out/summary.md', '--artifacts-dir', 'out/artifacts');
    assert.equal(r.code, 3, `WARN (7 robust samples, fewer than 10): ${r.stderr}`);
    const fromCli = JSON.parse(fs.readFileSync(path.join(dir, 'out/report.json'), 'utf8'));
    const { generated_at: a, ...expected } = inProcess;
    const { generated_at: b, ...actual } = fromCli;
    assert.ok(a && b);
    assert.deepEqual(actual, JSON.parse(JSON.stringify(expected)));
    assert.equal(inProcess.status, 'WARN');
    assert.equal(inProcess.inputs.length, 7, 'six alternating summaries and the one with a BOM');
    assert.deepEqual(inProcess.skipped.map((s) => s.file).sort(), ['missing.json', 'replay_broken.json', 'replay_dir.json', 'replay_none.json']);
  });
});
