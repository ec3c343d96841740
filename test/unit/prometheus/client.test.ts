import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MockAgent } from 'undici';
import { PrometheusClient, unixSeconds } from '../../../src/core/prometheus/client';
import { delay, Limiter } from '../../../src/core/prometheus/limiter';
import { parseResponse, parseSample } from '../../../src/core/prometheus/response';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { renderOpenMetrics, startPrometheus, startSilentServer, type RunningServer } from '../../support/prometheus';

const END = Math.floor(Date.now() / 60_000) * 60;
const at = new Date(END * 1000);
const json = 'application/json';

describe('prometheus client', function () {
  this.timeout(30_000);

  describe('answers as the servers send them (bodies copied from Prometheus 2.42 and VictoriaMetrics 1.79)', () => {
    it('an error body gives the server\'s message; classification is by HTTP status first', () => {
      assert.deepEqual(parseResponse({ status: 400, contentType: json, body: '{"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:13: parse error: unclosed left parenthesis"}' }), {
        ok: false,
        kind: 'rejected',
        status: 400,
        message: 'bad_data: invalid parameter "query": 1:13: parse error: unclosed left parenthesis',
      });
      assert.equal((parseResponse({ status: 422, contentType: json, body: '{"status":"error","errorType":"422","error":"error when executing query"}' }) as { kind: string }).kind, 'rejected');
      assert.equal((parseResponse({ status: 503, contentType: json, body: '{"status":"error","errorType":"timeout","error":"query timed out in expression evaluation"}' }) as { kind: string }).kind, 'server');
    });

    it('non-JSON bodies (503 during start-up, 404) are errors carrying their text, not crashes', () => {
      assert.deepEqual(parseResponse({ status: 503, contentType: 'text/plain', body: 'Service Unavailable\n' }), { ok: false, kind: 'server', status: 503, message: 'HTTP 503: Service Unavailable' });
      assert.deepEqual(parseResponse({ status: 404, contentType: 'text/plain', body: '404 page not found' }), { ok: false, kind: 'rejected', status: 404, message: 'HTTP 404: 404 page not found' });
      assert.equal((parseResponse({ status: 200, contentType: 'text/html', body: '<html>login</html>' }) as { kind: string }).kind, 'protocol');
    });

    it('vector, matrix and scalar results become series; values stay strings until read', () => {
      const v = parseResponse({ status: 200, contentType: json, body: '{"status":"success","data":{"resultType":"vector","result":[{"metric":{"profile":"r2"},"value":[1795726740,"NaN"]}]}}' });
      assert.deepEqual(v, { ok: true, resultType: 'vector', warnings: [], series: [{ labels: { profile: 'r2' }, values: [[1795726740, 'NaN']] }] });
      const s = parseResponse({ status: 200, contentType: json, body: '{"status":"success","data":{"resultType":"scalar","result":[1795726740,"2.5"]}}' });
      assert.deepEqual(s, { ok: true, resultType: 'scalar', warnings: [], series: [{ labels: {}, values: [[1795726740, '2.5']] }] });
      assert.equal(parseSample('+Inf'), Infinity);
      assert.equal(parseSample('-Inf'), -Infinity);
      assert.ok(Number.isNaN(parseSample('NaN')));
      assert.equal((parseResponse({ status: 200, contentType: json, body: '{"status":"success","data":{"resultType":"vector"}}' }) as { kind: string }).kind, 'protocol');
    });

    it('times are sent as Unix seconds, never naive ISO strings', () => {
      assert.equal(unixSeconds(new Date(Date.UTC(2026, 10, 26, 12, 0, 0, 500))), '1795694400.5');
    });
  });

  describe('limiter', () => {
    it('never runs more than the limit at once, and runs all in order', async () => {
      const limiter = new Limiter(3);
      let active = 0;
      let peak = 0;
      const done: number[] = [];
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          limiter.run(async () => {
            active++;
            peak = Math.max(peak, active);
            await new Promise((r) => setTimeout(r, 5));
            active--;
            done.push(i);
          }),
        ),
      );
      assert.equal(peak, 3);
      assert.equal(done.length, 10);
      assert.throws(() => new Limiter(0), RangeError);
    });

    it('delay rejects as soon as the signal aborts', async () => {
      // An hour-long delay: only a reaction to the abort can settle it within the test's timeout.
      const ac = new AbortController();
      const pending = delay(3_600_000, ac.signal);
      setImmediate(() => ac.abort(new Error('stop')));
      await assert.rejects(pending, /stop/);
      // Already aborted: rejects without waiting either.
      await assert.rejects(delay(3_600_000, ac.signal), /stop/);
    });
  });

  describe('retries (MockAgent: a proxy\'s 502 and a start-up 503 cannot be produced on demand by a real server)', () => {
    function mocked(): { agent: MockAgent; pool: ReturnType<MockAgent['get']> } {
      const agent = new MockAgent();
      agent.disableNetConnect();
      return { agent, pool: agent.get('http://prom.test') };
    }
    const path = (p: string) => (actual: string) => actual.startsWith(p);
    const ok = '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}}';

    it('(MockAgent) 503 plain text, then 502, then 200: retried with backoff, answered on attempt 3', async () => {
      const { agent, pool } = mocked();
      pool.intercept({ path: path('/api/v1/query') }).reply(503, 'Service Unavailable');
      pool.intercept({ path: path('/api/v1/query') }).reply(502, '<html>Bad Gateway</html>');
      pool.intercept({ path: path('/api/v1/query') }).reply(200, ok, { headers: { 'content-type': json } });
      const delays: number[] = [];
      const client = new PrometheusClient({ retries: 2, retryBaseMs: 20 }, new HttpTransport({ url: 'http://prom.test' }, agent), { onRetry: (e) => delays.push(e.delayMs) });
      const res = await client.instant('up', at, AbortSignal.timeout(5000));
      assert.ok(res.ok);
      assert.equal(res.attempts, 3);
      assert.equal(delays.length, 2);
      assert.ok(delays[0] >= 10 && delays[0] <= 20 && delays[1] >= 20 && delays[1] <= 40, `jittered 20 ms then 40 ms: ${delays}`);
      await client.close();
    });

    it('(MockAgent) 5xx beyond the retry budget is ERROR with the last server text', async () => {
      const { agent, pool } = mocked();
      pool.intercept({ path: path('/api/v1/query') }).reply(500, '{"status":"error","errorType":"internal","error":"boom"}').times(3);
      const client = new PrometheusClient({ retries: 2, retryBaseMs: 1 }, new HttpTransport({ url: 'http://prom.test' }, agent));
      const res = await client.instant('up', at, AbortSignal.timeout(5000));
      assert.deepEqual([res.ok, res.attempts, !res.ok && res.message, !res.ok && res.kind], [false, 3, 'internal: boom', 'server']);
      await client.close();
    });
  });

  describe('against real servers', () => {
    let prom: RunningServer;
    before(async () => {
      prom = await startPrometheus({ openMetrics: renderOpenMetrics([{ name: 'g', series: [{ labels: { a: '1' }, samples: [[END - 60, 1], [END, 2]] }, { labels: { a: '2' }, samples: [[END, 3]] }] }]) });
    });
    after(() => prom.stop());

    it('instant and range queries at explicit times return every series', async () => {
      const client = new PrometheusClient({}, new HttpTransport({ url: prom.url }));
      const inst = await client.instant('g', at, AbortSignal.timeout(5000));
      assert.ok(inst.ok);
      assert.deepEqual(inst.series.map((s) => [s.labels.a, s.values[0][1]]), [['1', '2'], ['2', '3']]);
      const range = await client.range('g{a="1"}', new Date((END - 60) * 1000), at, 60, AbortSignal.timeout(5000));
      assert.ok(range.ok);
      assert.deepEqual(range.series[0].values, [[END - 60, '1'], [END, '2']]);
      await client.close();
    });

    it('a 4xx is not retried; connection refused is retried, then ERROR naming ECONNREFUSED', async () => {
      const client = new PrometheusClient({ retries: 2, retryBaseMs: 1 }, new HttpTransport({ url: prom.url }));
      const bad = await client.instant('sum(', at, AbortSignal.timeout(5000));
      assert.deepEqual([bad.ok, bad.attempts], [false, 1]);
      await client.close();
      const gone = new PrometheusClient({ retries: 2, retryBaseMs: 1 }, new HttpTransport({ url: 'http://127.0.0.1:9' }));
      const res = await gone.instant('up', at, AbortSignal.timeout(5000));
      assert.ok(!res.ok);
      assert.equal(res.kind, 'network');
      assert.equal(res.attempts, 3);
      assert.match(res.message, /ECONNREFUSED/);
      await gone.close();
    });

    it('aborting cancels in-flight queries at once', async () => {
      const silent = await startSilentServer();
      const client = new PrometheusClient({ timeoutMs: 30_000 }, new HttpTransport({ url: silent.url }));
      const ac = new AbortController();
      // The server never answers and the client's own deadline is 30 s: only the abort can end it,
      // once the request has reached the server.
      const pending = client.instant('up', at, ac.signal);
      const poll = setInterval(() => {
        if (silent.requests() > 0) {
          clearInterval(poll);
          ac.abort(new Error('cancelled'));
        }
      }, 10);
      await assert.rejects(pending, /cancelled/);
      await client.close();
      await silent.stop();
    });

    it('a query pipelined behind others gets the timeout for each of them too, and says so', async () => {
      const silent = await startSilentServer();
      // One connection, three queries on it: the second waits for the first, the third for both.
      const conn = { url: silent.url, timeoutMs: 150, concurrency: 1, pipelining: 3, retries: 0 };
      const client = new PrometheusClient(conn, new HttpTransport(conn));
      const answers = await Promise.all(['a', 'b', 'c'].map((q) => client.instant(q, at, AbortSignal.timeout(10_000))));
      assert.deepEqual(
        answers.map((a) => (a.ok ? 'ok' : `${a.kind}: ${a.message}`)),
        [
          'timeout: no answer within 150 ms (client timeout)',
          'timeout: no answer within 300 ms (client timeout: 150 ms for this query and for each of the 1 pipelined ahead of it)',
          'timeout: no answer within 450 ms (client timeout: 150 ms for this query and for each of the 2 pipelined ahead of it)',
        ],
      );
      await client.close();
      await silent.stop();
    });
  });

  describe('https with a custom CA and basic auth (a real Prometheus with --web.config.file)', () => {
    let dir: string;
    let prom: RunningServer;
    // bcrypt of 's3cret' (cost 4), made with Python's crypt; Prometheus checks it.
    const bcrypt = '$2b$04$jLItPUBe/mFRgq6SULuI8OyrKbXrk6WJN4yPLwEvg0KnnmgcWUi3y';
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-tls-'));
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1',
        '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
      prom = await startPrometheus({
        openMetrics: renderOpenMetrics([{ name: 'g', series: [{ samples: [[END, 7]] }] }]),
        web: {
          tls: { certFile: path.join(dir, 'cert.pem'), keyFile: path.join(dir, 'key.pem'), ca: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') },
          basicAuth: { username: 'aurora', password: 's3cret', bcrypt },
        },
      });
    });
    after(async () => {
      await prom?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    const query = async (conn: Partial<ConstructorParameters<typeof HttpTransport>[0]>) => {
      const client = new PrometheusClient({ retries: 0 }, new HttpTransport({ url: prom.url, ...conn }));
      try {
        return await client.instant('g', at, AbortSignal.timeout(5000));
      } finally {
        await client.close();
      }
    };

    it('answers with the CA file and the right password', async () => {
      assert.match(prom.url, /^https:/);
      const res = await query({ caFile: path.join(dir, 'cert.pem'), basicAuth: { username: 'aurora', password: 's3cret' } });
      assert.ok(res.ok, JSON.stringify(res));
      assert.equal(res.series[0].values[0][1], '7');
    });

    it('a wrong password is a 401 ERROR (not retried); no CA is a certificate ERROR', async () => {
      const wrong = await query({ caFile: path.join(dir, 'cert.pem'), basicAuth: { username: 'aurora', password: 'nope' } });
      assert.deepEqual([wrong.ok, !wrong.ok && wrong.status, wrong.attempts], [false, 401, 1]);
      const noCa = await query({ basicAuth: { username: 'aurora', password: 's3cret' } });
      assert.ok(!noCa.ok);
      assert.match(noCa.message, /certificate|self.signed/i);
    });
  });
});
