// One gates request for both faces (src/core/gates/request.ts): what prepareGates hands the engine,
// what runGates returns, and how the current report (and a live run's raw answers) is written.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { currentReportFile, prepareGates, replacesCurrent, runGates, writeCurrentReport, writeReport, type PreparedGates } from '../../../src/core/gates/request';
import { renderJson } from '../../../src/core/gates/render/json';
import { InputError } from '../../../src/core/util/errors';
import type { GateReport } from '../../../src/core/verdict/types';
import { originalKitFile } from '../../support/originalKit';
import { END, fixture, type Fixture } from './fixture';

const signal = () => AbortSignal.timeout(30_000);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('gates request: what the engine is asked', () => {
  let cwd: string;
  before(() => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-request-'));
    fs.copyFileSync(originalKitFile('r2.yaml'), path.join(cwd, 'r2.yaml'));
    fs.copyFileSync(originalKitFile('r2.lock.json'), path.join(cwd, 'r2.lock.json'));
  });
  after(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('refuses a live or recording request without a URL before anything else', async () => {
    const message = 'no Prometheus URL given (use --prometheus-url, or --demo / --replay FILE for recorded data)';
    for (const req of [{ cwd, data: { mode: 'live' as const } }, { cwd, data: { mode: 'record' as const, file: 'r.json' } }, { cwd, data: { mode: 'live' as const }, connection: { url: '' } }]) {
      await assert.rejects(prepareGates(req, signal()), (e: unknown) => e instanceof InputError && e.message === message);
    }
  });

  it('a minimal request is only its folder and data source; recorded data leaves a given connection unused', async () => {
    assert.deepEqual(await prepareGates({ cwd, data: { mode: 'demo' } }, signal()), { options: { cwd, data: { mode: 'demo' } } });
    // Not even checked: a replay never contacts a server.
    const replay = await prepareGates({ cwd, data: { mode: 'replay', file: 'r.json' }, connection: { url: 'not a url' } }, signal());
    assert.deepEqual(replay, { options: { cwd, data: { mode: 'replay', file: 'r.json' } } });
  });

  it('passes every field it is given, zeros included, with the connection resolved and the profile named', async () => {
    const at = new Date('2026-11-26T12:00:00Z');
    const env = { HOME: '/home/x' };
    const prepared = await prepareGates(
      {
        cwd,
        data: { mode: 'record', file: 'rec.json' },
        connection: { url: 'http://ann:pw@127.0.0.1:9/', timeoutSeconds: 2 },
        gatesFile: 'g.yaml',
        artifactsDir: 'arts',
        windowHours: 0,
        at,
        profileFile: 'r2.yaml',
        variables: { tolerance: '0.1' },
        retrySeed: 0,
        allowFilesOutside: true,
        env,
      },
      signal(),
    );
    assert.deepEqual(prepared.options, {
      cwd,
      data: { mode: 'record', file: 'rec.json' },
      gatesFile: 'g.yaml',
      prometheus: { url: 'http://127.0.0.1:9/', basicAuth: { username: 'ann', password: 'pw' }, headers: {}, timeoutMs: 2000, deadlineMs: 120_000, concurrency: 4, pipelining: 16, retries: 2, maxResponseBytes: 16 * 1024 * 1024 },
      artifactsDir: 'arts',
      windowHours: 0,
      at,
      profile: 'r2',
      variables: { tolerance: '0.1' },
      retrySeed: 0,
      allowFilesOutside: true,
      env,
    });
    // The profile path is relative to the request's folder.
    assert.deepEqual(prepared.profile, { name: 'r2', lock: { enforced: true, status: 'valid', detail: 'r2.lock.json validates' } });
  });

  it('leaves out what is off or empty: files outside not allowed, no gates file, no artifacts folder', async () => {
    const prepared = await prepareGates({ cwd, data: { mode: 'demo' }, allowFilesOutside: false, gatesFile: '', artifactsDir: '', profileFile: '' }, signal());
    assert.deepEqual(prepared, { options: { cwd, data: { mode: 'demo' } } });
  });

  it('runGates: the demo report, the prepared request heard before the first gate starts, no recording', async () => {
    const heard: string[] = [];
    let prepared: PreparedGates | undefined;
    const out = await runGates({ cwd, data: { mode: 'demo' } }, signal(), {
      onPrepared: (p) => {
        prepared = p;
        heard.push('prepared');
      },
      onProgress: (p) => heard.push(p.kind),
    });
    assert.deepEqual(prepared, { options: { cwd, data: { mode: 'demo' } } });
    assert.equal(heard[0], 'prepared');
    assert.ok(heard.includes('gate-done'));
    assert.equal(out.report.data_mode, 'demo');
    assert.deepEqual(Object.keys(out), ['report'], 'no recording and no profile for the demo');
  });

  it('writeReport: JSON in the original’s key order; a refusal of the file system is an input error naming the file', async () => {
    const { report } = await runGates({ cwd, data: { mode: 'demo' } }, signal());
    const file = path.join(cwd, 'out', 'report.json');
    await writeReport(file, report);
    assert.equal(fs.readFileSync(file, 'utf8'), renderJson(report));
    const blocked = path.join(cwd, 'r2.yaml', 'report.json');
    await assert.rejects(writeReport(blocked, report), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.match(e.message, /^cannot write: (ENOTDIR|EEXIST)$/);
      assert.deepEqual(e.location, { file: blocked });
      return true;
    });
  });

  it('replacesCurrent: a completed evaluation replaces the current report, one that could not be carried out does not', async () => {
    const { report } = await runGates({ cwd, data: { mode: 'demo' } }, signal());
    assert.equal(replacesCurrent(report), true);
    assert.equal(replacesCurrent({ ...report, exit_code: 5 }), false);
    assert.equal(replacesCurrent({ ...report, decision_code: 'ERROR' }), false);
  });

  it('the current report of a workspace is artifacts/ga/gates_report.json under its root', () => {
    assert.equal(currentReportFile('/w/s'), path.resolve('/w/s', 'artifacts/ga/gates_report.json'));
  });
});

describe('gates request: a live run against a real Prometheus, and its current report', function () {
  this.timeout(60_000);
  let f: Fixture;
  before(async () => {
    f = await fixture();
    fs.copyFileSync(originalKitFile('r2.yaml'), path.join(f.dir, 'r2.yaml'));
    fs.copyFileSync(originalKitFile('r2.lock.json'), path.join(f.dir, 'r2.lock.json'));
  });
  after(() => f.close());

  const live = () => ({ cwd: f.dir, data: { mode: 'live' as const }, connection: { url: f.prom!.url }, at: new Date(END * 1000) });

  it('returns the raw answers and the profile with the report, and the current report cites the answers by SHA-256', async () => {
    const out = await runGates({ ...live(), profileFile: 'r2.yaml' }, signal());
    assert.equal(out.report.data_mode, 'live');
    assert.equal(out.report.profile, 'r2');
    assert.deepEqual(out.profile, { name: 'r2', lock: { enforced: true, status: 'valid', detail: 'r2.lock.json validates' } });
    assert.equal(typeof out.recording, 'string');
    const recording = out.recording!;
    assert.equal(out.report.recording, undefined);

    const root = fs.mkdtempSync(path.join(f.dir, 'root-'));
    const written = await writeCurrentReport(root, out.report, recording);
    const cited = { file: 'artifacts/ga/gates_recording.json', sha256: sha256(recording) };
    assert.deepEqual(written, { file: path.join(root, 'artifacts/ga/gates_report.json'), report: { ...out.report, recording: cited } });
    assert.equal(fs.readFileSync(path.join(root, 'artifacts/ga/gates_recording.json'), 'utf8'), recording);
    assert.equal(fs.readFileSync(written.file, 'utf8'), renderJson(written.report));
  });

  it('saves no answers for a report that already cites a recording, a recorded one, or when there are none', async () => {
    const out = await runGates(live(), signal());
    const recording = out.recording!;
    const cases: [string, GateReport, string | undefined][] = [
      ['cites a recording', { ...out.report, recording: { file: 'mine.json', sha256: sha256('x') } }, recording],
      ['replayed', { ...out.report, data_mode: 'replay' }, recording],
      ['no answers', out.report, undefined],
    ];
    for (const [what, report, rec] of cases) {
      const root = fs.mkdtempSync(path.join(f.dir, 'root-'));
      const written = await writeCurrentReport(root, report, rec);
      assert.deepEqual(written, { file: path.join(root, 'artifacts/ga/gates_report.json'), report }, what);
      assert.equal(fs.existsSync(path.join(root, 'artifacts/ga/gates_recording.json')), false, what);
      assert.equal(fs.readFileSync(written.file, 'utf8'), renderJson(report), what);
    }
  });

  it('a recording write that fails is an input error naming the recording file', async () => {
    const out = await runGates(live(), signal());
    const root = fs.mkdtempSync(path.join(f.dir, 'root-'));
    // artifacts/ga is a file: neither the recording nor the report can be written under it.
    fs.mkdirSync(path.join(root, 'artifacts'));
    fs.writeFileSync(path.join(root, 'artifacts', 'ga'), '');
    await assert.rejects(writeCurrentReport(root, out.report, out.recording), (e: unknown) => {
      assert.ok(e instanceof InputError);
      assert.deepEqual(e.location, { file: path.join(root, 'artifacts/ga/gates_recording.json') });
      return true;
    });
  });
});
