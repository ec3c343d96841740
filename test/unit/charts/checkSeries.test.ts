// The series behind a gate's checks (src/core/gates/series.ts), range-queried from a REAL Prometheus
// over the evaluation window: which gate and checks, the window and step, each check's rule, the
// answers (redacted), and the input errors an evaluation would give.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkSeries, type CheckSeries, type GateSeries } from '../../../src/core/gates/series';
import { InputError } from '../../../src/core/util/errors';
import { matrixAnswer, startFakePrometheus, vectorAnswer, type FakePrometheus } from '../../support/fakePrometheus';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../../support/prometheus';

const END = Math.floor(Date.now() / 60_000) * 60;
const STEPS = 11; // a 10 minute window at a 1 minute step: END − 600 … END
const times = Array.from({ length: STEPS }, (_, i) => END - 600 + i * 60);
const V41 = times.map((_, i) => 0.2 + (i % 2) * 0.1); // 0.2, 0.3, 0.2, …
const V42 = times.map((_, i) => 0.1 * (i + 1)); // 0.1 … 1.1
const SECRET = 'tok_5ecret_42';

const GATES = `schema_version: 1
variables: {baseline: v41, candidate: v42, limit: '0.5'}
gates:
  - key: lat
    id: 1
    name: Latency
    fail_action: NO-GO
    remediation: fix it
    checks:
      - {id: inst, name: Instant, type: promql, query: 'max(lat_seconds{version="v42"})', comparator: '<=', threshold: 2}
      - {id: share, name: Share, type: promql_range, query: 'lat_seconds{version="\${candidate}"}', reduce: share, where: {comparator: '<=', value: '\${limit}'}, comparator: '>=', threshold: 0.9}
      - {id: worst, name: Worst, type: promql_range, query: 'lat_seconds{version="v41"}', reduce: max, comparator: '<', threshold: 1}
      - {id: shift, name: Shift, type: compare, query: 'lat_seconds{version="\${side}"}', allowed: 0.1, direction: either, effect: absolute}
      - {id: counts, name: Counts, type: compare, errors: 'sum(e{v="\${side}"})', requests: 'sum(r{v="\${side}"})', allowed: 0.1}
      - {id: fired, name: Fired, type: alert, alertname: AuroraDown, comparator: '==', threshold: 0}
      - {id: ratio, name: Ratio, type: json_value, file: 'r.json', path: a, comparator: '<=', threshold: 1}
  - key: other
    id: 2
    name: Other
    fail_action: OBSERVE
    remediation: look
    checks:
      - {id: tok, name: Token, type: promql, query: 'tok_gauge', comparator: '<=', threshold: 1}
      - {id: broken, name: Broken, type: promql, query: 'tok_5ecret_42(tok_gauge)', comparator: '<=', threshold: 1}
`;

const samples = (values: number[]) => values.map((v, i) => ({ t: times[i], raw: String(Number(v.toFixed(6))), value: Number(v.toFixed(6)) }));

describe('chart series: a gate’s checks range-queried over the evaluation window (real Prometheus)', function () {
  this.timeout(30_000);
  let prom: RunningServer;
  let cwd: string;
  before(async () => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-series-'));
    fs.writeFileSync(path.join(cwd, 'gates.yaml'), GATES);
    prom = await startPrometheus({
      openMetrics: renderOpenMetrics([
        {
          name: 'lat_seconds',
          series: [
            { labels: { version: 'v41' }, samples: times.map((t, i) => [t, Number(V41[i].toFixed(6))]) },
            { labels: { version: 'v42' }, samples: times.map((t, i) => [t, Number(V42[i].toFixed(6))]) },
          ],
        },
        { name: 'tok_gauge', series: [{ labels: { key: SECRET }, samples: times.map((t) => [t, 1]) }] },
      ]),
    });
  });
  after(async () => {
    await prom.stop();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  const req = (over: object = {}) => ({
    cwd,
    data: { mode: 'live' as const },
    connection: { url: prom.url },
    gatesFile: 'gates.yaml',
    at: new Date(END * 1000),
    windowHours: 600 / 3600,
    env: { AURORA_TOKEN: SECRET },
    ...over,
  });

  it('answers every check of a gate named by key: window, step, rules, the queries as resolved and their series', async () => {
    const s = await checkSeries(req(), { gate: 'lat' }, AbortSignal.timeout(20_000));
    const head = (checkId: string, checkName: string, type: CheckSeries['type']) => ({ gateKey: 'lat', gateName: 'Latency', checkId, checkName, type });
    const v41 = { labels: { __name__: 'lat_seconds', version: 'v41' }, samples: samples(V41) };
    const v42 = { labels: { __name__: 'lat_seconds', version: 'v42' }, samples: samples(V42) };
    const expected: GateSeries = {
      at: new Date(END * 1000).toISOString(),
      windowSeconds: 600,
      window: '10m',
      stepSeconds: 60,
      dataMode: 'live',
      source: s.source,
      prometheusUrl: s.source,
      checks: [
        { ...head('inst', 'Instant', 'promql'), rule: { kind: 'threshold', comparator: '<=', threshold: 2, measure: 'instant' }, queries: [{ role: 'value', query: 'max(lat_seconds{version="v42"})', answer: { ok: true, series: [{ labels: {}, samples: samples(V42) }] } }] },
        {
          ...head('share', 'Share', 'promql_range'),
          rule: { kind: 'where', comparator: '<=', value: 0.5, threshold: { comparator: '>=', value: 0.9 } },
          queries: [{ role: 'value', query: 'lat_seconds{version="v42"}', answer: { ok: true, series: [v42] } }],
        },
        { ...head('worst', 'Worst', 'promql_range'), rule: { kind: 'threshold', comparator: '<', threshold: 1, measure: 'max' }, queries: [{ role: 'value', query: 'lat_seconds{version="v41"}', answer: { ok: true, series: [v41] } }] },
        {
          ...head('shift', 'Shift', 'compare'),
          rule: { kind: 'compare', direction: 'either', effect: 'absolute', allowed: 0.1 },
          queries: [
            { role: 'baseline', side: 'v41', query: 'lat_seconds{version="v41"}', answer: { ok: true, series: [v41] } },
            { role: 'candidate', side: 'v42', query: 'lat_seconds{version="v42"}', answer: { ok: true, series: [v42] } },
          ],
        },
        { ...head('counts', 'Counts', 'compare'), none: 'an error-count comparison measures two counts, not a series', queries: [] },
        { ...head('fired', 'Fired', 'alert'), none: 'an alert check counts the series that fired, not a series of values', queries: [] },
        { ...head('ratio', 'Ratio', 'json_value'), none: 'a file check reads one value from a file, not a series', queries: [] },
      ],
    };
    assert.deepEqual(s, expected);
    assert.equal(new URL(s.source).port, new URL(prom.url).port, 'the server the queries went to');
  });

  it('picks a gate by position and its checks by position or id, in the order asked', async () => {
    const s = await checkSeries(req(), { gate: 1, checks: [1, 'tok'] }, AbortSignal.timeout(20_000));
    assert.deepEqual(s.checks.map((c) => [c.gateKey, c.checkId]), [['other', 'broken'], ['other', 'tok']]);
  });

  it('never quotes a secret: not in series labels, not in a failed query’s message', async () => {
    const s = await checkSeries(req(), { gate: 'other' }, AbortSignal.timeout(20_000));
    const [tok, broken] = s.checks;
    assert.deepEqual(tok.queries[0].answer, { ok: true, series: [{ labels: { __name__: 'tok_gauge', key: '[AURORA_TOKEN redacted]' }, samples: times.map((t) => ({ t, raw: '1', value: 1 })) }] });
    const a = broken.queries[0].answer;
    assert.ok(!a.ok);
    assert.match(a.error, /unknown function with name "\[AURORA_TOKEN redacted\]"/);
    assert.ok(!a.error.includes(SECRET));
    // Without that variable nothing is redacted.
    const plain = await checkSeries(req({ env: {} }), { gate: 'other', checks: ['tok'] }, AbortSignal.timeout(20_000));
    const p = plain.checks[0].queries[0].answer;
    assert.ok(p.ok);
    assert.deepEqual(p.series[0].labels, { __name__: 'tok_gauge', key: SECRET });
  });

  it('reads the gates file as edited when given its text, unsaved changes included', async () => {
    const edited = GATES.replace('name: Latency', 'name: Edited latency');
    const s = await checkSeries(req(), { gate: 'lat', checks: ['inst'] }, AbortSignal.timeout(20_000), edited);
    assert.deepEqual(s.checks.map((c) => c.gateName), ['Edited latency']);
  });

  it('names a gate or check that is not there, in the gates file', async () => {
    const file = path.join(cwd, 'gates.yaml');
    const cases: [Parameters<typeof checkSeries>[1], string][] = [
      [{ gate: 2 }, 'there is no gate #3'],
      [{ gate: 'nope' }, "there is no gate 'nope'"],
      [{ gate: 0, checks: [7] }, "gate 'lat' has no check #8"],
      [{ gate: 'lat', checks: ['inst', 'nope'] }, "gate 'lat' has no check 'nope'"],
    ];
    for (const [target, message] of cases) {
      await assert.rejects(checkSeries(req(), target, AbortSignal.timeout(20_000)), (e: unknown) => {
        assert.ok(e instanceof InputError, String(e));
        assert.equal(e.message, message);
        assert.deepEqual(e.location, { file });
        return true;
      });
    }
  });

  it('refuses an unresolvable template as an evaluation would (an input error, not a failed query)', async () => {
    const text = GATES.replace("limit: '0.5'", "limit: 'half'");
    await assert.rejects(checkSeries(req(), { gate: 'lat', checks: ['inst', 'share'] }, AbortSignal.timeout(20_000), text), (e: unknown) => e instanceof InputError && /limit|half/.test(e.message));
  });

  it('an aborted request ends in the abort, not in answers', async () => {
    const ctl = new AbortController();
    const reason = new Error('stopped by the user');
    ctl.abort(reason);
    await assert.rejects(checkSeries(req(), { gate: 'lat', checks: ['inst'] }, ctl.signal), (e: unknown) => e === reason);
  });
});

describe('chart series: recorded data and the default gates file', function () {
  this.timeout(30_000);
  let cwd: string;
  before(() => (cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-series-demo-'))));
  after(() => fs.rmSync(cwd, { recursive: true, force: true }));

  it('the demo answers from its recording with the bundled gates file, and names no server', async () => {
    const s = await checkSeries({ cwd, data: { mode: 'demo' } }, { gate: 'coverage', checks: ['in_tolerance_share'] }, AbortSignal.timeout(20_000));
    assert.equal(s.dataMode, 'demo');
    assert.equal('prometheusUrl' in s, false);
    assert.match(s.source, /^demo of .*recording\.json \(recorded from /);
    assert.equal(s.windowSeconds, 48 * 3600);
    assert.deepEqual(s.checks.map((c) => [c.gateKey, c.checkId]), [['coverage', 'in_tolerance_share']]);
    const a = s.checks[0].queries[0].answer;
    assert.ok(a.ok && a.series.length > 0);
  });
});

describe('chart series: answers no real server gives', function () {
  this.timeout(30_000);
  let fake: FakePrometheus;
  let cwd: string;
  before(async () => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-series-fake-'));
    // A range query answered with an instant vector, or with a sample value that is not a number.
    fake = await startFakePrometheus((_p, params) => (params.get('query') === 'vec' ? vectorAnswer(END, [{ value: '1' }]) : matrixAnswer([{ labels: { a: 'b' }, values: [[END, '0x1F']] }])));
  });
  after(async () => {
    await fake.stop();
    fs.rmSync(cwd, { recursive: true, force: true });
  });

  it('(fake server: a vector or a non-number sample answering a range query) is that query’s error, never a throw', async () => {
    const text = GATES.replace("query: 'max(lat_seconds{version=\"v42\"})'", "query: 'vec'");
    const s = await checkSeries(
      { cwd, data: { mode: 'live' }, connection: { url: fake.url }, at: new Date(END * 1000), windowHours: 600 / 3600, env: {} },
      { gate: 'lat', checks: ['inst', 'worst'] },
      AbortSignal.timeout(20_000),
      text,
    );
    const [vec, hex] = s.checks.map((c) => c.queries[0].answer);
    assert.ok(!vec.ok && !hex.ok);
    assert.match(vec.error, /^expected .*, the server answered /);
    assert.match(hex.error, /sample value "0x1F" is not a number as Prometheus writes it/);
    assert.equal(fake.requests.filter((r) => r.path === '/api/v1/query_range').length, 2);
  });
});
