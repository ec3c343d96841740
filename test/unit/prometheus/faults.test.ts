// Fault handling of the Prometheus client. Answer shapes that no real server here produces on demand
// (Thanos warnings, the VictoriaMetrics cluster's isPartial, a 429 with Retry-After, a 503 storm, a
// 20 MiB answer) come from undici's MockAgent — a fake server, named "(fake server)" in each title.
// Delays are checked through the retry events (computed values), never by measuring time.
import assert from 'node:assert/strict';
import { MockAgent } from 'undici';
import { backoffDelay, parseRetryAfter } from '../../../src/core/prometheus/backoff';
import { seededRandom } from '../../../src/core/util/seededRandom';
import { PrometheusClient, type RetryEvent } from '../../../src/core/prometheus/client';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { resolveConnection } from '../../../src/core/gates/request';
import { redactUrls, splitCredentials } from '../../../src/core/util/redact';

const at = new Date(Date.UTC(2026, 10, 26, 12));
const json = { 'content-type': 'application/json' };
const okVector = '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"1"]}]}}';
const okScalar = '{"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}';

function fake() {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const pool = agent.get('http://prom.test');
  const paths: string[] = [];
  const match = (p: string) => (actual: string) => {
    if (actual.startsWith(p)) paths.push(actual);
    return actual.startsWith(p);
  };
  return { agent, pool, paths, match };
}

describe('prometheus client: faults, retries, deadline, limits', function () {
  this.timeout(20_000);

  describe('backoff', () => {
    it('is capped, jittered within [½, 1] of the capped exponential, and the same for the same seed', () => {
      const policy = (seed: number) => ({ baseMs: 200, maxMs: 1000, random: seededRandom(seed) });
      const a = policy(7);
      const b = policy(7);
      const c = policy(8);
      const seqA = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, a));
      const seqB = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, b));
      const seqC = [1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, c));
      assert.deepEqual(seqA, seqB);
      assert.notDeepEqual(seqA, seqC);
      seqA.forEach((d, i) => {
        const cap = Math.min(1000, 200 * 2 ** i);
        assert.ok(d >= cap / 2 && d <= cap, `retry ${i + 1}: ${d} in [${cap / 2}, ${cap}]`);
      });
      assert.equal(backoffDelay(1, policy(1), 3000), 3000, 'Retry-After wins over a shorter backoff');
    });

    it('reads Retry-After as seconds or an HTTP date', () => {
      const now = Date.UTC(2026, 0, 1, 0, 0, 0);
      assert.equal(parseRetryAfter('3', now), 3000);
      assert.equal(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now), 10_000);
      assert.equal(parseRetryAfter('soon', now), undefined);
      assert.equal(parseRetryAfter(undefined, now), undefined);
    });
  });

  describe('retries', () => {
    it('(fake server) 429 with Retry-After: 1 is retried after the server\'s pause, then answered', async () => {
      const { agent, pool, match } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(429, 'too many outstanding requests', { headers: { 'retry-after': '1' } });
      pool.intercept({ path: match('/api/v1/query') }).reply(200, okVector, { headers: json });
      const retries: RetryEvent[] = [];
      const client = new PrometheusClient({ retries: 2, retryBaseMs: 10 }, new HttpTransport({ url: 'http://prom.test' }, agent), { onRetry: (e) => retries.push(e) });
      const res = await client.instant('up', at, AbortSignal.timeout(10_000));
      assert.ok(res.ok, JSON.stringify(res));
      assert.equal(res.attempts, 2);
      assert.deepEqual(retries.map((r) => r.delayMs), [1000]);
      await client.close();
    });

    it('(fake server) a Retry-After past the evaluation deadline is not waited for: ERROR at once, throttled', async () => {
      const { agent, pool, match } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(429, 'slow down', { headers: { 'retry-after': '120' } });
      const ac = new AbortController();
      const retries: RetryEvent[] = [];
      const client = new PrometheusClient({ retries: 5, deadlineMs: 10_000 }, new HttpTransport({ url: 'http://prom.test' }, agent), { deadline: ac.signal, onRetry: (e) => retries.push(e) });
      const res = await client.instant('up', at, AbortSignal.timeout(10_000));
      assert.ok(!res.ok);
      assert.deepEqual([res.attempts, res.status, res.cause, retries.length], [1, 429, 'throttled', 0]);
      assert.match(res.message, /no retry: a 120000 ms pause would pass the 10 s evaluation deadline/);
      await client.close();
    });

    for (const status of [400, 422]) {
      it(`(fake server) HTTP ${status} is never retried and names no server cause (the query is at fault)`, async () => {
        const { agent, pool, match } = fake();
        pool.intercept({ path: match('/api/v1/query') }).reply(status, '{"status":"error","errorType":"execution","error":"query processing would load too many samples into memory"}', { headers: json });
        const client = new PrometheusClient({ retries: 5, retryBaseMs: 1 }, new HttpTransport({ url: 'http://prom.test' }, agent));
        const res = await client.instant('up', at, AbortSignal.timeout(5000));
        assert.ok(!res.ok);
        assert.deepEqual([res.attempts, res.kind, res.cause], [1, 'rejected', undefined]);
        await client.close();
      });
    }

    it('(fake server) a 503 storm with --retries 12 stays inside the deadline: every pause capped, the sum under the deadline', async () => {
      const { agent, pool, match } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(503, 'Service Unavailable').persist();
      const retries: RetryEvent[] = [];
      const deadlineMs = 1500;
      const client = new PrometheusClient({ retries: 12, retryBaseMs: 100, retryMaxMs: 400, deadlineMs }, new HttpTransport({ url: 'http://prom.test' }, agent), {
        deadline: AbortSignal.timeout(deadlineMs),
        random: seededRandom(42),
        onRetry: (e) => retries.push(e),
      });
      const res = await client.instant('up', at, AbortSignal.timeout(10_000));
      assert.ok(!res.ok);
      assert.equal(res.cause, 'server-error');
      assert.ok(res.attempts < 13, `stopped before the 13th attempt by the deadline (${res.attempts})`);
      assert.ok(retries.every((r) => r.delayMs <= 400), `capped: ${retries.map((r) => r.delayMs)}`);
      assert.ok(retries.reduce((n, r) => n + r.delayMs, 0) < deadlineMs);
      await client.close();
    });
  });

  describe('one request per distinct query', () => {
    it('(fake server) the same instant query asked by two checks is sent once; both get the answer', async () => {
      const { agent, pool, match } = fake();
      // One answer only: a second request would find no mock and fail.
      pool.intercept({ path: match('/api/v1/query') }).reply(200, okVector, { headers: json });
      const client = new PrometheusClient({ retries: 0 }, new HttpTransport({ url: 'http://prom.test' }, agent));
      const [a, b] = await Promise.all([client.instant('up', at, AbortSignal.timeout(5000)), client.instant('up', at, AbortSignal.timeout(5000))]);
      assert.ok(a.ok && b.ok, JSON.stringify([a, b]));
      await client.close();
    });
  });

  describe('complete data only', () => {
    it('(fake server) every request asks for complete data: partial_response=false and deny_partial_response=1', async () => {
      const { agent, pool, match, paths } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(200, okVector, { headers: json });
      const client = new PrometheusClient({}, new HttpTransport({ url: 'http://prom.test' }, agent));
      await client.instant('up', at, AbortSignal.timeout(5000));
      const q = new URLSearchParams(paths[0].split('?')[1]);
      assert.deepEqual([q.get('partial_response'), q.get('deny_partial_response'), q.get('query')], ['false', '1', 'up']);
      await client.close();
    });

    it('(fake server) Thanos\' 200 with warnings and the VictoriaMetrics cluster\'s isPartial are partial, not results', async () => {
      const { agent, pool, match } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(200, '{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0"]}]},"warnings":["No StoreAPIs matched for this query"]}', { headers: json });
      pool.intercept({ path: match('/api/v1/query') }).reply(200, '{"status":"success","isPartial":true,"data":{"resultType":"vector","result":[{"metric":{},"value":[1,"0"]}]}}', { headers: json });
      const client = new PrometheusClient({}, new HttpTransport({ url: 'http://prom.test' }, agent));
      const thanos = await client.instant('a', at, AbortSignal.timeout(5000));
      const vm = await client.instant('b', at, AbortSignal.timeout(5000));
      assert.ok(!thanos.ok && !vm.ok);
      assert.equal(thanos.kind, 'partial');
      assert.match(thanos.message, /partial answer: No StoreAPIs matched/);
      assert.equal(vm.kind, 'partial');
      assert.match(vm.message, /isPartial: true/);
      await client.close();
    });
  });

  describe('bounded resources', () => {
    const big = 'x'.repeat(2 * 1024 * 1024);
    it('(fake server) an answer over maxResponseBytes is ERROR too-large, declared or streamed', async () => {
      const { agent, pool, match } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(200, big, { headers: { ...json, 'content-length': String(big.length) } });
      pool.intercept({ path: match('/api/v1/query') }).reply(200, big, { headers: json });
      const client = new PrometheusClient({ retries: 3 }, new HttpTransport({ url: 'http://prom.test', maxResponseBytes: 1024 * 1024 }, agent));
      for (const q of ['declared', 'streamed']) {
        const res = await client.instant(q, at, AbortSignal.timeout(5000));
        assert.ok(!res.ok);
        assert.deepEqual([res.kind, res.attempts, res.cause], ['too-large', 1, undefined]);
        assert.match(res.message, /larger than the 1 MiB limit/);
      }
      await client.close();
    });

    it('(fake server) a huge error text is bounded in the message', async () => {
      const { agent, pool, match } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(400, JSON.stringify({ status: 'error', errorType: 'bad_data', error: 'e'.repeat(50_000) }), { headers: json });
      const client = new PrometheusClient({}, new HttpTransport({ url: 'http://prom.test' }, agent));
      const res = await client.instant('x', at, AbortSignal.timeout(5000));
      assert.ok(!res.ok);
      assert.ok(res.message.length < 1100, `${res.message.length} characters`);
      await client.close();
    });
  });

  describe('pre-flight', () => {
    const cases: [string, (pool: ReturnType<MockAgent['get']>, m: (p: string) => (a: string) => boolean) => void, string][] = [
      ['a 404 HTML page', (p, m) => p.intercept({ path: m('/api/v1/query') }).reply(404, '<html><body>Not Found</body></html>', { headers: { 'content-type': 'text/html' } }), 'not-prometheus'],
      ['a 200 login page', (p, m) => p.intercept({ path: m('/api/v1/query') }).reply(200, '<html>login</html>', { headers: { 'content-type': 'text/html' } }), 'not-prometheus'],
      ['a 401', (p, m) => p.intercept({ path: m('/api/v1/query') }).reply(401, 'Unauthorized'), 'auth'],
      ['a 403', (p, m) => p.intercept({ path: m('/api/v1/query') }).reply(403, 'Forbidden'), 'auth'],
    ];
    for (const [what, reply, cause] of cases) {
      it(`(fake server) ${what} is told in one request, and no query is sent after it`, async () => {
        const { agent, pool, match } = fake();
        reply(pool, match);
        const client = new PrometheusClient({ retries: 3 }, new HttpTransport({ url: 'http://prom.test' }, agent));
        const pre = await client.preflight(at, AbortSignal.timeout(5000));
        assert.ok(!pre.ok);
        assert.deepEqual([pre.cause, pre.attempts], [cause, 1]);
        const q = await client.instant('up', at, AbortSignal.timeout(5000));
        assert.ok(!q.ok);
        assert.deepEqual([q.cause, q.attempts], [cause, 0], 'not sent');
        await client.close();
      });
    }

    // Queries go out beside the pre-flight: none of them ends, nor is retried, before it is answered.
    const isPreflight = (p: string) => new URLSearchParams(p.split('?')[1]).get('query') === '1';
    const queries = (p: string) => p.startsWith('/api/v1/query') && !isPreflight(p);
    /** A reply that counts the requests it answers (a matcher may be asked more than once per request). */
    const counted = (sent: number[], body: string) => () => {
      sent.push(1);
      return body;
    };

    it('(fake server) a query sent beside a pre-flight that then fails ends with its failure, and is never retried', async () => {
      const { agent, pool } = fake();
      const sent: number[] = [];
      pool.intercept({ path: (p) => p.startsWith('/api/v1/query') && isPreflight(p) }).reply(503, 'overloaded').times(3);
      pool.intercept({ path: queries }).reply(503, counted(sent, 'overloaded')).persist();
      const client = new PrometheusClient({ retries: 2, retryBaseMs: 1, retryMaxMs: 2 }, new HttpTransport({ url: 'http://prom.test' }, agent));
      const pre = client.preflight(at, AbortSignal.timeout(5000));
      const q = await client.instant('up', at, AbortSignal.timeout(5000));
      const p = await pre;
      assert.ok(!p.ok && !q.ok);
      assert.deepEqual([p.cause, p.attempts], ['server-error', 3], 'the pre-flight is retried');
      assert.match(q.message, /^pre-flight failed: HTTP 503/);
      assert.deepEqual([q.cause, q.attempts, sent.length], ['server-error', 1, 1], 'the query: sent once, not retried');
      await client.close();
    });

    it('(fake server) a query answered before the pre-flight is refused does not count: it ends with the refusal', async () => {
      const { agent, pool } = fake();
      const sent: number[] = [];
      pool.intercept({ path: queries }).reply(200, counted(sent, okVector), { headers: json });
      pool.intercept({ path: (p) => p.startsWith('/api/v1/query') && isPreflight(p) }).reply(401, 'Unauthorized').delay(50);
      const client = new PrometheusClient({}, new HttpTransport({ url: 'http://prom.test' }, agent));
      const pre = client.preflight(at, AbortSignal.timeout(5000));
      const q = await client.instant('up', at, AbortSignal.timeout(5000));
      assert.ok(!(await pre).ok);
      assert.ok(!q.ok);
      assert.deepEqual([q.cause, sent.length], ['auth', 1]);
      assert.match(q.message, /^pre-flight failed: /);
      await client.close();
    });

    it('(fake server) a query sent beside a pre-flight that passes keeps its own answer', async () => {
      const { agent, pool } = fake();
      const sent: number[] = [];
      pool.intercept({ path: queries }).reply(200, counted(sent, okVector), { headers: json });
      pool.intercept({ path: (p) => p.startsWith('/api/v1/query') && isPreflight(p) }).reply(200, okScalar, { headers: json }).delay(50);
      const client = new PrometheusClient({}, new HttpTransport({ url: 'http://prom.test' }, agent));
      const pre = client.preflight(at, AbortSignal.timeout(5000));
      const q = await client.instant('up', at, AbortSignal.timeout(5000));
      assert.ok((await pre).ok);
      assert.ok(q.ok && q.series.length === 1, JSON.stringify(q));
      assert.equal(sent.length, 1);
      await client.close();
    });

    it('(fake server) a Prometheus that answers `1` passes the pre-flight', async () => {
      const { agent, pool, match, paths } = fake();
      pool.intercept({ path: match('/api/v1/query') }).reply(200, okScalar, { headers: json });
      const client = new PrometheusClient({}, new HttpTransport({ url: 'http://prom.test' }, agent));
      const pre = await client.preflight(at, AbortSignal.timeout(5000));
      assert.ok(pre.ok);
      assert.equal(new URLSearchParams(paths[0].split('?')[1]).get('query'), '1');
      await client.close();
    });
  });

  describe('credentials', () => {
    it('user:password in the URL becomes basic auth (percent-decoded) and leaves the URL', async () => {
      const conn = resolveConnection({ url: 'http://al%40ice:p%3Ass@prom.test/prom' });
      assert.deepEqual(conn.basicAuth, { username: 'al@ice', password: 'p:ss' });
      assert.equal(conn.url, 'http://prom.test/prom');
      const { agent, pool } = fake();
      let auth: unknown;
      pool.intercept({ path: (p) => p.startsWith('/prom/api/v1/query') }).reply(200, (opts) => {
        auth = (opts.headers as Record<string, string>).authorization;
        return okVector;
      }, { headers: json });
      const client = new PrometheusClient({}, new HttpTransport(conn, agent));
      assert.ok((await client.instant('up', at, AbortSignal.timeout(5000))).ok);
      assert.equal(auth, `Basic ${Buffer.from('al@ice:p:ss').toString('base64')}`);
      await client.close();
    });

    it('is refused when it would be dropped or doubled, with messages that never carry the password', () => {
      assert.throws(() => resolveConnection({ url: 'http://bob:pw@h:1', auth: { kind: 'bearer', token: 't' } }), /carries credentials and a bearer token/);
      assert.throws(() => resolveConnection({ url: 'http://bob@h:1' }), (e: Error) => /names a user but no password/.test(e.message) && !e.message.includes('pw'));
      assert.throws(() => new HttpTransport({ url: 'http://bob:pw@h:1' }), (e: Error) => /carries credentials/.test(e.message) && !e.message.includes(':pw@'));
      assert.equal(redactUrls('GET http://bob:hunter2@h:1/api and https://tok@x/'), 'GET http://bob:***@h:1/api and https://***@x/');
      assert.deepEqual(splitCredentials('http://h:1/p'), { url: 'http://h:1/p' });
    });
  });
});
