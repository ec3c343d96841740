import assert from 'node:assert/strict';
import { renderOpenMetrics, resent, startPrometheus, startSilentServer, startVictoriaMetrics, type Family, type RunningServer } from '../../support/prometheus';

const END = Math.floor(Date.now() / 60_000) * 60;

function data(): Family[] {
  const samples = Array.from({ length: 121 }, (_, i) => [END - (120 - i) * 60, (100 + ((i * 37) % 100)) / 100] as [number, number]);
  return [
    { name: 'harness_gauge', help: 'test gauge', series: [{ labels: { job: 'a' }, samples }] },
    { name: 'harness_events_total', type: 'counter', series: [{ samples: samples.map(([t], i) => [t, i * 2]) }] },
  ];
}

async function instant(server: RunningServer, query: string): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/query?${new URLSearchParams({ query, time: String(END) })}`);
  const body = (await res.json()) as { data: { result: { value: [number, string] }[] } };
  return Number(body.data.result[0]?.value[1]);
}

describe('gates: real-server harness', function () {
  this.timeout(30_000);

  it('renderOpenMetrics refuses millisecond and descending timestamps and ends with # EOF', () => {
    assert.throws(() => renderOpenMetrics([{ name: 'x', series: [{ samples: [[Date.now(), 1]] }] }]), /not in seconds/);
    assert.throws(() => renderOpenMetrics([{ name: 'x', series: [{ samples: [[20, 1], [10, 1]] }] }]), /ascend/);
    assert.match(renderOpenMetrics(data()), /harness_events_total 240 \d+\n# EOF\n$/);
  });

  for (const [name, start] of [['Prometheus', startPrometheus], ['VictoriaMetrics', startVictoriaMetrics]] as const) {
    it(`${name}: backfilled data is queryable at the data's end and stop() ends the process`, async () => {
      const server = await start({ openMetrics: renderOpenMetrics(data()) });
      try {
        assert.equal(await instant(server, 'harness_gauge{job="a"}'), (100 + ((120 * 37) % 100)) / 100);
        assert.equal(await instant(server, 'increase(harness_events_total[1h])'), 120);
      } finally {
        await server.stop();
      }
      assert.throws(() => process.kill(server.pid, 0));
      await assert.rejects(fetch(`${server.url}/-/ready`));
    });
  }

  it('the silent server accepts a request and never answers', async () => {
    const silent = await startSilentServer();
    try {
      await assert.rejects(fetch(silent.url, { signal: AbortSignal.timeout(200) }), { name: 'TimeoutError' });
      assert.equal(silent.requests(), 1);
      assert.deepEqual(resent([...silent.urls(), '/api/v1/query?query=1', '/api/v1/query?query=up', '/api/v1/query?query=up']), { again: ['/api/v1/query?query=up'], preflights: 1 });
    } finally {
      await silent.stop();
    }
  });
});
