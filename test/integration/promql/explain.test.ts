// Explain against a REAL Prometheus: sub-expressions run bottom-up, and the first empty part named.
import assert from 'node:assert/strict';
import { countSeries, labelValues } from '../../../src/core/prometheus/catalog';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { explainQuery, type ExplainDeps } from '../../../src/core/promql';
import { renderOpenMetrics, startPrometheus, type RunningServer } from '../../support/prometheus';

describe('PromQL explain on a real Prometheus', function () {
  this.timeout(60_000);
  let prom: RunningServer;
  let transport: HttpTransport;
  let deps: ExplainDeps;
  const end = Math.floor(Date.now() / 60_000) * 60;
  const at = new Date(end * 1000);
  const samples = (v: number) => Array.from({ length: 10 }, (_, i) => [end - (9 - i) * 60, v] as [number, number]);

  before(async () => {
    prom = await startPrometheus({
      openMetrics: renderOpenMetrics([
        { name: 'ex_latency_seconds', type: 'gauge', series: [{ labels: { version: '1.2.3', job: 'api' }, samples: samples(0.2) }, { labels: { version: '1.2.4', job: 'api' }, samples: samples(0.3) }] },
        { name: 'ex_requests', type: 'gauge', series: [{ labels: { job: 'web' }, samples: samples(10) }] },
      ]),
    });
    transport = new HttpTransport({ url: prom.url });
    deps = {
      probe: async (expr, signal) => {
        const r = await countSeries(transport, expr, at, signal);
        return r.ok ? { ok: true, series: r.value } : { ok: false, message: r.message };
      },
      labelValues: async (label, metric, signal) => {
        const r = await labelValues(transport, label, metric, signal);
        return r.ok ? r.value : [];
      },
    };
  });

  after(async () => {
    await transport?.close();
    await prom?.stop();
  });

  const signal = new AbortController().signal;

  it('names the typo’d label matcher, the values the label has, and the nearest one', async () => {
    const q = 'avg(ex_latency_seconds{job="api", version="1.2.x"}) > 0.1';
    const e = await explainQuery(q, deps, signal);
    assert.ok(e.culprit);
    assert.equal(q.slice(e.culprit.from, e.culprit.to), 'version="1.2.x"');
    assert.match(e.culprit.message, /matches none of the 2 series of ex_latency_seconds: version has "1\.2\.3", "1\.2\.4" — did you mean "1\.2\.3"\?/);
    assert.ok(e.steps.some((s) => s.expr === 'ex_latency_seconds{job="api"}' && s.result.ok && s.result.series === 2), 'the selector without the matcher was run');
  });

  it('names a metric that does not exist', async () => {
    const q = 'sum(ex_latncy_seconds{job="api"})';
    const e = await explainQuery(q, deps, signal);
    assert.ok(e.culprit);
    assert.equal(q.slice(e.culprit.from, e.culprit.to), 'ex_latncy_seconds');
    assert.match(e.culprit.message, /no series named ex_latncy_seconds/);
  });

  it('names an operator whose sides do not match, and a comparison that filters everything', async () => {
    const join = 'ex_latency_seconds / ex_requests';
    const j = await explainQuery(join, deps, signal);
    assert.ok(j.culprit);
    assert.equal(join.slice(j.culprit.from, j.culprit.to), join);
    assert.match(j.culprit.message, /label sets do not match/);
    const cmp = 'max(ex_latency_seconds) > 5';
    const c = await explainQuery(cmp, deps, signal);
    assert.ok(c.culprit);
    assert.match(c.culprit.message, /comparison .* filters all of them out/);
  });

  it('finds nothing to blame when every part returns series', async () => {
    const e = await explainQuery('avg(ex_latency_seconds{job="api"}) > 0.1', deps, signal);
    assert.equal(e.culprit, undefined);
    assert.ok(e.steps.length >= 2);
    assert.ok(e.steps.every((s) => s.result.ok && s.result.series > 0));
  });

  it('reports a part the server rejects with the server’s message', async () => {
    // A semantic error only Prometheus finds: the grammar accepts any string as the regex.
    const s = await explainQuery('label_replace(ex_latency_seconds, "a", "$1", "version", "(")', deps, signal);
    assert.ok(s.culprit);
    assert.match(s.culprit.message, /cannot run: invalid regular expression/);
  });
});
