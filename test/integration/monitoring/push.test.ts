import assert from 'node:assert/strict';
import { renderExposition } from '../../../src/core/metrics/exposition';
import { pushMetrics, pushUrl, type PushError } from '../../../src/core/metrics/push';
import { freePort, startSilentServer } from '../../support/prometheus';
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
      const t0 = Date.now();
      await assert.rejects(pushMetrics(silent.url, 'j', 'x 1\n', AbortSignal.timeout(5000), { timeoutMs: 300 }), /timed out after 300 ms/);
      assert.ok(Date.now() - t0 < 2000);
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
