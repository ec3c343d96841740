// evaluateGates' own decisions (src/core/gates/evaluate.ts): where the data comes from and what a
// recording or the options set, the window and step, the template built-ins, the secrets, the
// pre-flight and the progress events — against a real Prometheus (fixture.ts) or a recording.
// Everything under test runs inside its `it`.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_RECORDING, evaluateGates, evaluationSecrets, evaluationTemplates, resolveSource, type GateProgress } from '../../../src/core/gates/evaluate';
import { parseGates } from '../../../src/core/gates/load';
import { promqlRegexLiteral } from '../../../src/core/gates/template';
import { InputError } from '../../../src/core/util/errors';
import { freePort, startSilentServer } from '../../support/prometheus';
import { startVmauth } from '../../support/vmauth';
import { END, fixture, gatesYaml, writeFile, type Fixture } from './fixture';

const COUNTED = '{id: n, name: N, type: promql, query: "count(aurora_risk_dro_factor)", comparator: ">=", threshold: 1}';
const LOG = '{id: l, name: L, type: log_pattern, files: ["logs/none.log"], pattern: "ERROR", comparator: "==", threshold: 0}';

describe('evaluateGates: sources, windows, built-ins, pre-flight and progress', function () {
  this.timeout(60_000);
  let f: Fixture;
  let tmp: string;
  before(async () => {
    f = await fixture({ rules: false });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-evaluate-'));
  });
  after(async () => {
    await f.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });
  const live = (gatesFile: string, extra: Partial<Parameters<typeof evaluateGates>[0]> = {}, onProgress?: (p: GateProgress) => void) =>
    evaluateGates({ gatesFile, cwd: f.dir, prometheus: { url: f.prom!.url }, at: new Date(END * 1000), ...extra }, AbortSignal.timeout(30_000), onProgress);

  /** A copy of the demo recording with some header fields changed, in `dir`. */
  function recordingWith(dir: string, fields: Record<string, unknown>): string {
    const file = path.join(dir, 'rec.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(DEMO_RECORDING(), 'utf8')), ...fields }));
    return file;
  }

  describe('resolveSource', () => {
    it('live without a URL is an input error pointing at --demo and --replay', async () => {
      for (const options of [{}, { prometheus: undefined }, { data: { mode: 'live' as const } }]) {
        await assert.rejects(resolveSource({ cwd: tmp, ...options }), (e: Error) => e instanceof InputError && e.message === 'no Prometheus URL given (use --prometheus-url, or --demo / --replay FILE for recorded data)');
      }
    });

    it('live: the URL is the source, artifacts under the folder, 48 h by default, a rules server only when given', async () => {
      const r = await resolveSource({ cwd: tmp, prometheus: { url: f.prom!.url } });
      try {
        assert.deepEqual([r.dataMode, r.source, r.cwd, r.artifactsDir, r.windowHours, r.rulesTransport, r.profile], ['live', f.prom!.url, tmp, path.join(tmp, 'artifacts'), 48, undefined, undefined]);
        assert.ok(r.recorder, 'a live evaluation records its answers');
      } finally {
        await r.transport?.close();
      }
      const rules = await resolveSource({ cwd: tmp, prometheus: { url: f.prom!.url, rulesUrl: 'http://127.0.0.1:9' }, artifactsDir: 'out/a', windowHours: 6, profile: 'r2' });
      try {
        assert.equal(rules.rulesTransport?.url, 'http://127.0.0.1:9');
        assert.deepEqual([rules.artifactsDir, rules.windowHours, rules.profile], [path.join(tmp, 'out/a'), 6, 'r2']);
      } finally {
        await Promise.all([rules.transport?.close(), rules.rulesTransport?.close()]);
      }
    });

    it('a replay takes time, window, profile and variables from the recording unless the options say otherwise; files stay in the folder it runs in', async () => {
      const recDir = fs.mkdtempSync(path.join(tmp, 'rec-'));
      const file = recordingWith(recDir, { at: '2026-11-20T00:00:00.000Z', window_hours: 12, profile: 'smoke', variables: { a: 'rec', b: 'rec' } });
      const r = await resolveSource({ cwd: tmp, data: { mode: 'replay', file } });
      assert.deepEqual([r.dataMode, r.cwd, r.artifactsDir, r.at.toISOString(), r.windowHours, r.profile, r.variables], ['replay', tmp, path.join(tmp, 'artifacts'), '2026-11-20T00:00:00.000Z', 12, 'smoke', { a: 'rec', b: 'rec' }]);
      assert.match(r.source, new RegExp(`^replay of ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(recorded from `));
      const over = await resolveSource({ cwd: tmp, data: { mode: 'replay', file }, at: new Date('2026-11-21T00:00:00Z'), windowHours: 3, profile: 'r2', variables: { b: 'opt' }, artifactsDir: 'out/a' });
      assert.deepEqual([over.at.toISOString(), over.windowHours, over.profile, over.variables, over.artifactsDir], ['2026-11-21T00:00:00.000Z', 3, 'r2', { a: 'rec', b: 'opt' }, path.join(tmp, 'out/a')]);
      const none = await resolveSource({ cwd: tmp, data: { mode: 'replay', file: recordingWith(recDir, { profile: null }) } });
      assert.equal(none.profile, undefined, 'a recording without a profile has none (not null)');
    });

    it('the demo brings its own artifacts: its folder is the recording\'s, wherever it runs', async () => {
      const r = await resolveSource({ cwd: tmp, data: { mode: 'demo' }, artifactsDir: 'elsewhere' });
      const demoDir = path.dirname(DEMO_RECORDING());
      assert.deepEqual([r.dataMode, r.cwd, r.artifactsDir], ['demo', demoDir, path.join(demoDir, 'artifacts')]);
    });
  });

  describe('evaluationTemplates', () => {
    const defs = (step = '1m', variables = '') => parseGates(`schema_version: 1\nstep: ${step}\n${variables}gates:\n  - {key: g, id: 1, name: G, fail_action: NO-GO, remediation: r, checks: [${COUNTED}]}\n`, 'g.yaml').definitions;
    const resolved = (over: Record<string, unknown> = {}) => ({ dataMode: 'live' as const, source: 's', cwd: tmp, artifactsDir: '/a', at: new Date(END * 1000), windowHours: 48, variables: {}, ...over });

    it('refuses a window that is not a positive number of hours, an invalid time and a built-in variable', () => {
      for (const windowHours of [0, -1, NaN, Infinity]) {
        assert.throws(() => evaluationTemplates(defs(), resolved({ windowHours })), (e: Error) => e instanceof InputError && e.message === `window must be a positive number of hours, got ${windowHours}`);
      }
      assert.throws(() => evaluationTemplates(defs(), resolved({ at: new Date(NaN) })), (e: Error) => e instanceof InputError && e.message === 'evaluation time is not a valid date');
      assert.throws(() => evaluationTemplates(defs(), resolved({ variables: { window: '1h' } })), (e: Error) => e instanceof InputError && e.message === "variable 'window' is built in and cannot be set");
      assert.doesNotThrow(() => evaluationTemplates(defs(), resolved({ windowHours: 0.5 })));
    });

    it('the step is the file\'s, raised in whole minutes so a range query stays under 10,000 points', () => {
      assert.equal(evaluationTemplates(defs('5m'), resolved()).stepSeconds, 300);
      assert.equal(evaluationTemplates(defs('1m'), resolved()).stepSeconds, 60);
      // 2000 h = 7,200,000 s: 720 s per point makes 10,000 points.
      const long = evaluationTemplates(defs('1m'), resolved({ windowHours: 2000 }));
      assert.deepEqual([long.windowSeconds, long.window, long.stepSeconds, long.vars.step], [7_200_000, '2000h', 720, '12m']);
      // 1001 h: 360.36 s per point, rounded up to whole minutes.
      assert.equal(evaluationTemplates(defs('1m'), resolved({ windowHours: 1001 })).stepSeconds, 420);
    });

    it('built-ins: window, step, profile and its regex, artifacts; the user\'s variables override the file\'s', () => {
      const t = evaluationTemplates(defs('1m', 'variables: {a: file, b: file}\n'), resolved({ variables: { b: 'user' }, profile: 'r2.x' }));
      assert.deepEqual(t.vars, { a: 'file', b: 'user', window: '48h', step: '1m', profile: 'r2.x', profile_re: promqlRegexLiteral('r2.x'), artifacts: '/a' });
      const none = evaluationTemplates(defs(), resolved());
      assert.deepEqual([none.vars.profile, none.vars.profile_re], ['', '.*']);
    });
  });

  it('the connection\'s credentials are secrets by name, besides secret-looking environment variables', () => {
    const secrets = evaluationSecrets({ prometheus: { url: 'http://x', bearerToken: 'tok-0123456789', basicAuth: { username: 'u', password: 'pw-0123456789' } }, env: { API_TOKEN: 'env-0123456789', HOME: '/root' } });
    assert.deepEqual(new Set(secrets.map((s) => `${s.name}=${s.value}`)), new Set(['the bearer token=tok-0123456789', 'the basic auth password=pw-0123456789', 'API_TOKEN=env-0123456789']));
    assert.deepEqual(evaluationSecrets({ env: {} }), []);
  });

  it('a live evaluation without `data` is live; without a profile the report has no profile key', async () => {
    const report = await live(writeFile(f.dir, 'one.yaml', gatesYaml(COUNTED)));
    assert.deepEqual([report.data_mode, report.decision_code], ['live', 'APPROVED']);
    assert.ok(!('profile' in report), 'no profile key');
    assert.equal(report.recording, undefined, 'not recorded unless asked');
  });

  it('--record writes the raw answers and the report cites the file and its SHA-256', async () => {
    const report = await live(writeFile(f.dir, 'rec.yaml', gatesYaml(COUNTED)), { data: { mode: 'record', file: 'answers.json' } });
    const text = fs.readFileSync(path.join(f.dir, 'answers.json'), 'utf8');
    assert.deepEqual(report.recording, { file: 'answers.json', sha256: createHash('sha256').update(text).digest('hex') });
    assert.deepEqual(JSON.parse(text).exchanges.map((e: { params: { query: string } }) => e.params.query), ['count(aurora_risk_dro_factor)'], 'the one query');
  });

  it('--record with a rules server keeps the rules answer too, so a replay can prove the alert checks', async () => {
    const file = writeFile(f.dir, 'recalert.yaml', gatesYaml('{id: a, name: A, type: alert, alertname: DctsRobustDivergence, comparator: "==", threshold: 0}'));
    await live(file, { prometheus: { url: f.prom!.url, rulesUrl: f.prom!.url }, data: { mode: 'record', file: 'alert-answers.json' } });
    const paths = JSON.parse(fs.readFileSync(path.join(f.dir, 'alert-answers.json'), 'utf8')).exchanges.map((e: { path: string }) => e.path);
    assert.ok(paths.includes('/api/v1/rules'), paths.join(', '));
  });

  it('retries are reported as progress, their jitter fixed by retrySeed: a proxy whose backend is down answers 502', async () => {
    const auth = await startVmauth({ 'token-a': `http://127.0.0.1:${await freePort()}` });
    try {
      const delays = async (retrySeed: number) => {
        const events: GateProgress[] = [];
        const report = await evaluateGates(
          { gatesFile: writeFile(f.dir, 'retried.yaml', gatesYaml(COUNTED)), cwd: f.dir, prometheus: { url: auth.url, bearerToken: 'token-a', retries: 3, retryBaseMs: 20, retryMaxMs: 200 }, at: new Date(END * 1000), retrySeed },
          AbortSignal.timeout(30_000),
          (p) => events.push(p),
        );
        assert.equal(report.evaluation_error?.cause, 'server-error');
        const retries = events.flatMap((e) => (e.kind === 'retry' ? [e] : []));
        assert.deepEqual(retries.map((e) => [e.path, e.retry]), [['/api/v1/query', 1], ['/api/v1/query', 2], ['/api/v1/query', 3]]);
        return retries.map((e) => e.delayMs);
      };
      const [a, b, c] = [await delays(7), await delays(7), await delays(8)];
      assert.deepEqual(a, b, 'the same seed, the same delays');
      assert.notDeepEqual(a, c, 'another seed, other delays');
    } finally {
      await auth.stop();
    }
  });

  it('progress: one pre-flight when a Prometheus check is in the file, announced before any Prometheus check ends; each gate\'s start, checks and end', async () => {
    const file = writeFile(f.dir, 'mixed.yaml', `schema_version: 1\ngates:\n  - {key: a, id: 1, name: A, fail_action: NO-GO, remediation: r, checks: [${LOG}]}\n  - {key: b, id: 2, name: B, fail_action: NO-GO, remediation: r, checks: [${COUNTED}]}\n`);
    fs.mkdirSync(path.join(f.dir, 'logs'), { recursive: true });
    fs.writeFileSync(path.join(f.dir, 'logs/none.log'), '');
    const events: GateProgress[] = [];
    const report = await live(file, {}, (p) => events.push(p));
    const pre = events.filter((e) => e.kind === 'preflight');
    assert.equal(pre.length, 1);
    assert.deepEqual([pre[0].kind === 'preflight' && pre[0].source, pre[0].kind === 'preflight' && pre[0].result.ok], [f.prom!.url, true]);
    // It overlaps the queries, but is announced before any Prometheus check ends.
    const firstPromCheck = events.findIndex((e) => e.kind === 'check-done' && e.check.evidence.kind === 'prometheus');
    assert.ok(firstPromCheck > events.indexOf(pre[0]), 'pre-flight before the first Prometheus check');
    const starts = events.filter((e) => e.kind === 'gate-start');
    assert.deepEqual(starts, [{ kind: 'gate-start', gate: 'a', name: 'A', index: 0, total: 2 }, { kind: 'gate-start', gate: 'b', name: 'B', index: 1, total: 2 }]);
    // Gates run concurrently: their checks and ends may come in either order.
    const checks = events.flatMap((e) => (e.kind === 'check-done' ? [[e.gate, e.index, e.total, e.check.check_id]] : []));
    assert.deepEqual(checks.sort(), [['a', 0, 2, 'l'], ['b', 1, 2, 'n']]);
    const done = events.flatMap((e) => (e.kind === 'gate-done' ? [e] : []));
    for (const e of done) assert.deepEqual([e.name, e.index, e.total, e.result], [e.gate.toUpperCase(), e.gate === 'a' ? 0 : 1, 2, report.gates.find((g) => g.key === e.gate)]);
    assert.deepEqual(done.map((e) => e.gate).sort(), ['a', 'b']);
    assert.deepEqual(done.map((e) => e.kind === 'gate-done' && e.completed), [1, 2]);
    const oneGate: GateProgress[] = [];
    await live(writeFile(f.dir, 'onegate.yaml', gatesYaml(LOG, COUNTED)), {}, (p) => oneGate.push(p));
    assert.equal(oneGate.filter((e) => e.kind === 'preflight').length, 1, 'a Prometheus check beside a log check in one gate');
    const logOnly: GateProgress[] = [];
    await live(writeFile(f.dir, 'logonly.yaml', gatesYaml(LOG)), {}, (p) => logOnly.push(p));
    assert.ok(!logOnly.some((e) => e.kind === 'preflight'), 'no pre-flight without a Prometheus check');
  });

  it('alert checks read the rules from the rules server when one is given, else from the query server', async () => {
    const file = writeFile(f.dir, 'alert.yaml', gatesYaml('{id: a, name: A, type: alert, alertname: DctsRobustDivergence, comparator: "==", threshold: 0}'));
    const rulesUrl = `http://127.0.0.1:${await freePort()}`;
    const own = await live(file, { prometheus: { url: f.prom!.url, rulesUrl } });
    assert.match(own.gates[0].checks[0].message, new RegExp(`cannot read the alerting rules from ${rulesUrl}/api/v1/rules`));
    // This server loads no rules: they are read, and the rule is not among them.
    const same = await live(file);
    assert.doesNotMatch(same.gates[0].checks[0].message, /cannot read the alerting rules/);
    assert.equal(same.gates[0].checks[0].outcome, 'NO_DATA');
  });

  it('a failed pre-flight is the evaluation\'s error, named once with the pre-flight flag', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const report = await evaluateGates({ gatesFile: writeFile(f.dir, 'down.yaml', gatesYaml(COUNTED)), cwd: f.dir, prometheus: { url: closed }, at: new Date(END * 1000) }, AbortSignal.timeout(30_000));
    assert.equal(report.decision_code, 'ERROR');
    assert.deepEqual([report.evaluation_error?.cause, report.evaluation_error?.preflight, report.evaluation_error?.checks, report.evaluation_error?.source], ['unreachable', true, 1, closed]);
  });

  it('the connection\'s deadline bounds the whole evaluation: a server that never answers is "deadline", not a query timeout', async () => {
    const silent = await startSilentServer();
    try {
      const run = (deadlineMs?: number) =>
        evaluateGates({ gatesFile: writeFile(f.dir, 'silent.yaml', gatesYaml(COUNTED)), cwd: f.dir, prometheus: { url: silent.url, timeoutMs: 20_000, ...(deadlineMs ? { deadlineMs } : {}) }, at: new Date(END * 1000) }, AbortSignal.timeout(30_000));
      const bounded = await run(300);
      assert.equal(bounded.evaluation_error?.cause, 'deadline', bounded.evaluation_error?.message);
    } finally {
      await silent.stop();
    }
  });
});
