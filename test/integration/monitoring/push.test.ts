import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderExposition } from '../../../src/core/metrics/exposition';
import { pushMetrics, pushUrl, type PushError } from '../../../src/core/metrics/push';
import { freePort, startSilentServer } from '../../support/prometheus';
import { aurora, parseExposition, type Sample } from './cli';
import { startPushgateway, type Stoppable } from './servers';

const gauge = (name: string, value: number, labels: Record<string, string> = {}) => ({ name, help: `${name} help`, type: 'gauge' as const, samples: [{ labels, value }] });

describe('monitoring: pushMetrics to a real Pushgateway', function () {
  this.timeout(30_000);
  let gw: Stoppable;
  before(async () => {
    gw = await startPushgateway();
  });
  after(async () => gw?.stop());
  const scrapeGateway = async () => (await (await fetch(`${gw.url}/metrics`)).text()).split('\n').filter((l) => l.startsWith('aurora_'));

  it('PUTs the exposition under job and grouping labels; a second push replaces the group', async () => {
    const signal = AbortSignal.timeout(5000);
    await pushMetrics(gw.url, 'aurora-ga-gates', renderExposition([gauge('aurora_ga_gate_status', 3, { gate: 'dcts' }), gauge('aurora_ga_evaluation_timestamp_seconds', 1795746808)]), signal, { grouping: { instance: 'ci/runner 1' } });
    const first = await scrapeGateway();
    assert.ok(first.includes('aurora_ga_gate_status{gate="dcts",instance="ci/runner 1",job="aurora-ga-gates"} 3'), first.join('\n'));
    assert.ok(first.some((l) => l.startsWith('aurora_ga_evaluation_timestamp_seconds{')));
    await pushMetrics(gw.url, 'aurora-ga-gates', renderExposition([gauge('aurora_ga_gate_status', 0, { gate: 'dcts' })]), signal, { grouping: { instance: 'ci/runner 1' } });
    const second = await scrapeGateway();
    assert.ok(second.includes('aurora_ga_gate_status{gate="dcts",instance="ci/runner 1",job="aurora-ga-gates"} 0'), second.join('\n'));
    assert.ok(!second.some((l) => l.startsWith('aurora_ga_evaluation_timestamp_seconds{')), 'the family left out of the second push is gone');
  });

  it("reports the gateway's rejection with its HTTP status and words", async () => {
    await assert.rejects(pushMetrics(gw.url, 'bad', '# TYPE x gauge\nx{a="1"} not-a-number\n', AbortSignal.timeout(5000)), (e: PushError) => {
      assert.equal(e.name, 'PushError');
      assert.equal(e.status, 400);
      assert.match(e.message, /HTTP 400: .*(pars|invalid)/i);
      return true;
    });
  });

  it('reports a refused connection, a hung gateway (client deadline) and cancellation', async () => {
    const port = await freePort();
    await assert.rejects(pushMetrics(`http://127.0.0.1:${port}`, 'j', 'x 1\n', AbortSignal.timeout(5000)), /push to http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/j failed: ECONNREFUSED/);
    const silent = await startSilentServer();
    try {
      // No outer deadline: only the push's own 300 ms deadline can end this (the gateway never answers).
      await assert.rejects(pushMetrics(silent.url, 'j', 'x 1\n', new AbortController().signal, { timeoutMs: 300 }), /timed out after 300 ms/);
      await assert.rejects(pushMetrics(silent.url, 'j', 'x 1\n', AbortSignal.abort()), { name: 'AbortError' });
    } finally {
      await silent.stop();
    }
  });

  it('builds grouping URLs the Pushgateway way, and refuses bad ones', () => {
    assert.equal(pushUrl('http://gw:9091/', 'aurora ga'), 'http://gw:9091/metrics/job/aurora%20ga');
    assert.equal(pushUrl('https://gw/prefix', 'j', { instance: 'a/b', env: '' }), 'https://gw/prefix/metrics/job/j/instance@base64/YS9i/env@base64/=');
    assert.throws(() => pushUrl('gw:9091', 'j'), /must be http\(s\)/);
    assert.throws(() => pushUrl('not a url', 'j'), /invalid Pushgateway URL/);
    assert.throws(() => pushUrl('http://gw', ''), /job name must not be empty/);
    assert.throws(() => pushUrl('http://gw', 'j', { 'bad-label': 'x' }), /invalid grouping label name/);
  });
});

describe('monitoring: --push-url of aurora-ga gates and canary', function () {
  this.timeout(60_000);
  let gw: Stoppable;
  let dir: string;
  before(async () => {
    gw = await startPushgateway();
    dir = mkdtempSync(path.join(tmpdir(), 'aurora-push-cli-'));
  });
  after(async () => {
    await gw?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  const pushed = async (job: string) => (await (await fetch(`${gw.url}/metrics`)).text()).split('\n').filter((l) => l.includes(`job="${job}"`) && l.startsWith('aurora_'));

  it('gates --push-url pushes exactly what --metrics-out writes, under job aurora-ga-gates', async () => {
    const r = await aurora(dir, 'gates', '--demo', '--quiet', '--output', 'g.json', '--metrics-out', 'g.prom', '--push-url', gw.url);
    assert.ok([0, 1, 3, 4].includes(r.code), r.stderr);
    assert.match(r.stderr, new RegExp(`metrics pushed to ${gw.url} \\(job aurora-ga-gates\\)`));
    const written = parseExposition(readFileSync(path.join(dir, 'g.prom'), 'utf8'));
    const got = parseExposition((await pushed('aurora-ga-gates')).join('\n'));
    const key = (s: Sample) => `${s.name}{${Object.entries(s.labels).filter(([k]) => k !== 'job' && k !== 'instance').sort().map(([k, v]) => `${k}=${v}`).join(',')}} ${s.value}`;
    assert.deepEqual(got.map(key).sort(), written.map(key).sort());
  });

  it('canary --push-url with --push-job pushes the canary metrics', async () => {
    const r = await aurora(dir, 'canary', '--demo', '--runs', '2', '--interval', '0', '--output', 'c.json', '--push-url', gw.url, '--push-job', 'nightly-canary');
    assert.equal(r.code, 0, r.stderr);
    const lines = await pushed('nightly-canary');
    assert.ok(lines.some((l) => /^aurora_canary_runs\{.*profile="demo".*\} 2$/.test(l)), lines.join('\n'));
  });

  it('a failed push is reported on stderr and keeps the verdict exit code; a bad URL is a usage error', async () => {
    const port = await freePort();
    const ok = await aurora(dir, 'canary', '--demo', '--runs', '1', '--interval', '0', '--output', 'c2.json', '--push-url', `http://127.0.0.1:${port}`);
    assert.equal(ok.code, 0);
    assert.match(ok.stderr, /aurora-ga canary: \[ERROR\] push to http:\/\/127\.0\.0\.1:\d+\/metrics\/job\/aurora-ga-canary failed: ECONNREFUSED/);
    const bad = await aurora(dir, 'gates', '--demo', '--push-url', 'pushgateway:9091');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--push-url: Pushgateway URL must be http\(s\)/);
    const orphan = await aurora(dir, 'canary', '--demo', '--push-job', 'x');
    assert.equal(orphan.code, 2);
    assert.match(orphan.stderr, /--push-job needs --push-url/);
  });
});
