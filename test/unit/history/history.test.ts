import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { compareRuns, historyDir, listHistory, pruneHistory, recordRun, replacementFor } from '../../../src/core/history';
import { readRecording } from '../../../src/core/prometheus/recording';
import { captureIO } from '../cli/main.test';
import { END, fixture, gatesCli, type Fixture } from '../gates/fixture';

const signal = new AbortController().signal;
const sha = (t: string) => createHash('sha256').update(t).digest('hex');

/** A gates report with one gate and the given checks (only the fields the history reads). */
function report(decision: string, checks: [string, string, number | string | null][], extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ decision_code: decision, data_mode: 'live', gates: [{ gate_id: 1, key: 'g', gate_name: 'Gate', checks: checks.map(([id, outcome, value]) => ({ check_id: id, name: id, outcome, value })) }], ...extra }, null, 2)}\n`;
}

describe('history: every run kept, compared, pruned by the documented rule', () => {
  let root: string;
  let artifacts: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-history-'));
    artifacts = path.join(root, 'artifacts');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const keep = (text: string, i: number) => recordRun(root, artifacts, { kind: 'gates', text, time: new Date(Date.UTC(2026, 10, 27, 0, i)) }, signal);

  it('keeps the exact bytes with their SHA-256, newest first, and tells a run that could not be carried out', async () => {
    const good = report('APPROVED', [['a', 'PASS', 1]]);
    const down = report('ERROR', [['a', 'ERROR', null]], { exit_code: 5, evaluation_error: { message: 'connection refused at http://127.0.0.1:9' } });
    await keep(good, 1);
    await keep(down, 2);
    const entries = await listHistory(historyDir(artifacts, 'gates'), 'gates', signal);
    assert.deepEqual(entries.map((e) => [e.status, e.completed, e.reason]), [['ERROR', false, 'connection refused at http://127.0.0.1:9'], ['APPROVED', true, undefined]]);
    assert.equal(fs.readFileSync(entries[1].file, 'utf8'), good);
    assert.equal(entries[1].sha256, sha(good));
  });

  it('compares two runs: which checks changed verdict, how far every value moved, what was added or removed', () => {
    const older = JSON.parse(report('APPROVED', [['a', 'PASS', 0.5], ['b', 'PASS', 10], ['c', 'PASS', 3], ['gone', 'PASS', 1]]));
    const newer = JSON.parse(report('BLOCKED', [['a', 'FAIL', 0.75], ['b', 'PASS', 12], ['c', 'PASS', 3], ['new', 'WARN', '+Inf']]));
    const c = compareRuns('gates', older, newer);
    assert.equal(c.from, 'APPROVED');
    assert.equal(c.to, 'BLOCKED');
    assert.deepEqual(c.verdicts.map((v) => [v.key, v.from, v.to]), [['g/a', 'PASS', 'FAIL']]);
    assert.deepEqual(c.moved.map((m) => [m.key, m.delta, m.relative]), [['g/a', 0.25, 0.5], ['g/b', 2, 0.2]]);
    assert.deepEqual([c.added, c.removed, c.unchanged], [['g/new'], ['g/gone'], 1]);
  });

  it('prunes beyond the newest N, but never a run a sign-off, the promotion record or the current file names', async () => {
    const texts = Array.from({ length: 7 }, (_, i) => report('APPROVED', [['a', 'PASS', i]]));
    for (const [i, t] of texts.entries()) await keep(t, i);
    fs.mkdirSync(path.join(artifacts, 'ga'), { recursive: true });
    fs.writeFileSync(path.join(artifacts, 'ga/checklist.json'), JSON.stringify({ signoffs: { sre_lead: { gate_report_sha256: sha(texts[0]) } } }));
    fs.writeFileSync(path.join(artifacts, 'ga/decision.json'), JSON.stringify({ gate_report: { sha256: sha(texts[1]) }, canary: null }));
    fs.writeFileSync(path.join(artifacts, 'ga/gates_report.json'), texts[2]);
    const r = await pruneHistory(root, historyDir(artifacts, 'gates'), 'gates', signal, 2);
    const left = (await listHistory(historyDir(artifacts, 'gates'), 'gates', signal)).map((e) => e.sha256);
    assert.deepEqual(left, [6, 5, 2, 1, 0].map((i) => sha(texts[i])));
    assert.equal(r.removed.length, 2);
    assert.equal(r.keptForReference.length, 3);
  });

  it('prunes nothing while the checklist state cannot be read', async () => {
    for (let i = 0; i < 4; i++) await keep(report('APPROVED', [['a', 'PASS', i]]), i);
    fs.mkdirSync(path.join(artifacts, 'ga'), { recursive: true });
    fs.writeFileSync(path.join(artifacts, 'ga/checklist.json'), '{"signoffs": {');
    const r = await pruneHistory(root, historyDir(artifacts, 'gates'), 'gates', signal, 1);
    assert.deepEqual(r.removed, []);
    assert.match(r.skipped!, /cannot be read/);
    assert.equal((await listHistory(historyDir(artifacts, 'gates'), 'gates', signal)).length, 4);
  });

  it('a run that did not complete replaces a completed current result only when asked; otherwise it replaces', () => {
    const done = report('APPROVED', [['a', 'PASS', 1]]);
    const down = JSON.parse(report('ERROR', [], { exit_code: 5 }));
    assert.deepEqual(replacementFor('gates', down, done).action, 'ask');
    assert.deepEqual(replacementFor('gates', down, undefined).action, 'replace');
    assert.deepEqual(replacementFor('gates', JSON.parse(done), JSON.stringify(down)).action, 'replace');
    assert.deepEqual(replacementFor('audit', { status: 'NO_DATA' }, JSON.stringify({ status: 'PASS' })).action, 'ask');
    assert.deepEqual(replacementFor('audit', { status: 'FAIL' }, JSON.stringify({ status: 'PASS' })).action, 'replace');
    assert.deepEqual(replacementFor('canary', { evaluation: { cancelled: true } }, JSON.stringify({ evaluation: { status: 'PASS' } })).action, 'ask');
  });

  it('aurora-ga history list and compare show what changed between two demo evaluations', async () => {
    const cli = async (...argv: string[]) => {
      const io = captureIO(root);
      const code = await runCli(argv, io, signal);
      return { code, out: io.out, err: io.err };
    };
    await cli('gates', '--demo', '--quiet', '--output', 'a.json');
    await cli('gates', '--demo', '--quiet', '--output', 'b.json', '--var', 'tolerance=0.001');
    const list = await cli('history', 'list');
    assert.equal(list.code, 0);
    assert.equal(list.out.trim().split('\n').length, 2);
    // --output a.json is the kept report, byte for byte.
    const kept = JSON.parse((await cli('history', 'list', '--json')).out) as { file: string }[];
    assert.equal(fs.readFileSync(kept[1].file, 'utf8'), fs.readFileSync(path.join(root, 'a.json'), 'utf8'));
    const cmp = await cli('history', 'compare', '--json');
    const c = JSON.parse(cmp.out);
    const a = JSON.parse(fs.readFileSync(path.join(root, 'a.json'), 'utf8'));
    const b = JSON.parse(fs.readFileSync(path.join(root, 'b.json'), 'utf8'));
    const outcomes = (r: { gates: { key: string; checks: { check_id: string; outcome: string }[] }[] }) => new Map(r.gates.flatMap((g) => g.checks.map((x) => [`${g.key}/${x.check_id}`, x.outcome])));
    const expected = [...outcomes(b)].filter(([k, o]) => outcomes(a).get(k) !== o).map(([k]) => k);
    assert.ok(expected.length > 0, 'the tighter tolerance changes a verdict');
    assert.deepEqual(c.verdicts.map((v: { key: string }) => v.key), expected);
    const text = await cli('history', 'compare');
    assert.match(text.out, /Verdicts changed \(\d+\):/);
    const bad = await cli('history', 'compare', 'nope', '0');
    assert.equal(bad.code, 2);
    assert.match(bad.err, /no gates run 'nope' in the history/);
  });

  describe('live evaluations keep the raw answers (real Prometheus)', function () {
    this.timeout(60_000);
    let f: Fixture;
    before(async () => (f = await fixture()));
    after(() => f.close());

    it('a live run keeps recording.json, which replays to the same verdicts', async () => {
      const live = await gatesCli(f, ['--quiet']);
      const entries = await listHistory(historyDir(path.join(f.dir, 'artifacts'), 'gates'), 'gates', signal);
      const e = entries[0];
      assert.ok(e.recording, 'no recording kept');
      const rec = await readRecording(e.recording);
      assert.ok(rec.exchanges.length > 0);
      const replay = await gatesCli({ ...f, prom: undefined } as Fixture, ['--replay', e.recording, '--at', String(END), '--quiet']);
      const verdicts = (out: string) => (JSON.parse(out) as { gates: { status: string }[] }).gates.map((g) => g.status);
      assert.deepEqual(verdicts(replay.out), verdicts(live.out));
    });
  });
});
