import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { captureIO } from '../cli/main.test';
import { alternating, summariesDir } from './fixtures';

describe('audit: aurora-ga dcts-audit', () => {
  const dirs: string[] = [];
  const make = (files: Record<string, unknown>) => {
    const d = summariesDir(files);
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const cli = async (dir: string, args: string[]) => {
    const io = captureIO(dir);
    const code = await runCli(['dcts-audit', ...args], io, new AbortController().signal);
    return { code, out: io.out, err: io.err };
  };
  const outs = ['--out-json', 'artifacts/dcts_audit/report.json', '--out-md', 'artifacts/dcts_audit/summary.md'];

  it('PASS exits 0, writes both files, prints one JSON line on stdout', async () => {
    const dir = make(alternating(12, 0.01, 0.004));
    const r = await cli(dir, ['--summaries', 'replay_*.json', ...outs]);
    assert.equal(r.code, 0, r.err);
    const line = JSON.parse(r.out);
    assert.deepEqual(Object.keys(line), ['report', 'md', 'n', 'var_ratio', 'status']);
    assert.equal(line.status, 'PASS');
    const report = JSON.parse(readFileSync(path.join(dir, 'artifacts/dcts_audit/report.json'), 'utf8'));
    assert.equal(report.var_ratio, line.var_ratio);
    assert.equal(report.status, 'PASS');
    assert.match(readFileSync(path.join(dir, 'artifacts/dcts_audit/summary.md'), 'utf8'), /Status: PASS/);
    assert.match(r.err, /DCTS audit: PASS \(var_ratio 0\.16, 12 robust samples from 12 summaries\)/);
  });

  it('takes several values after --summaries, like a shell-expanded glob', async () => {
    const dir = make(alternating(3, 0.01, 0.004));
    const r = await cli(dir, ['--summaries', 'replay_00.json', 'replay_01.json', 'replay_02.json', ...outs, '--min-robust-samples', '3']);
    assert.equal(r.code, 0, r.err);
    assert.equal(JSON.parse(r.out).n, 3);
  });

  it('FAIL exits 1, WARN exits 3 with the original warning, NO DATA exits 4', async () => {
    assert.equal((await cli(make(alternating(12, 0.01, 0.0099)), ['--summaries', '*.json', ...outs])).code, 1);
    const warn = await cli(make(alternating(4, 0.01, 0.004)), ['--summaries', '*.json', ...outs]);
    assert.equal(warn.code, 3);
    assert.match(warn.err, /\[WARN\] Only 4 robust samples \(<10\) -- statistics may be unstable/);
    const none = await cli(make({ 'x.txt': '' }), ['--summaries', '*.json', ...outs]);
    assert.equal(none.code, 4);
    assert.match(none.err, /\[SKIP\] \*\.json: pattern matched no files/);
    assert.equal(JSON.parse(none.out).status, 'NO_DATA');
  });

  it('honours --max-var-ratio', async () => {
    const dir = make(alternating(12, 0.01, 0.004));
    assert.equal((await cli(dir, ['--summaries', '*.json', ...outs, '--max-var-ratio', '0.1'])).code, 1);
  });

  it('usage errors exit 2 and name the problem', async () => {
    const dir = make({});
    const missing = await cli(dir, ['--summaries', 'a.json']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /missing --out-json, --out-md/);
    const empty = await cli(dir, ['--summaries', '--out-json', 'a', '--out-md', 'b']);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /--summaries needs at least one file or glob/);
    const bad = await cli(dir, ['--summaries', 'a.json', ...outs, '--max-var-ratio', 'lots']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--max-var-ratio must be a number/);
    assert.equal((await cli(dir, ['--summaries', 'a.json', 'stray', '--bogus', ...outs])).code, 2);
  });

  it('refuses one file for both outputs (they are written at once), before reading anything', async () => {
    const dir = make(alternating(4, 0.01, 0.004));
    const same = await cli(dir, ['--summaries', '*.json', '--out-json', 'out/x', '--out-md', './out/../out/x', '--artifacts-dir', 'art']);
    assert.equal(same.code, 2);
    assert.match(same.err, /--out-json and --out-md name the same file/);
    assert.throws(() => readFileSync(path.join(dir, 'out/x')), /ENOENT/);
    assert.throws(() => readFileSync(path.join(dir, 'art/history/audit')), /ENOENT/);
  });
});
