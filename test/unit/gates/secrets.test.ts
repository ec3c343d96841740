// Credentials in any URL are used (basic auth) or refused with a message, never silently dropped,
// and never shown. The receiving end is a plain loopback HTTP server that records what arrives (it
// stands in for a Pushgateway / API gateway: what matters is what Aurora sends).
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { pushMetrics } from '../../../src/core/metrics/push';
import { fixture, gatesCli } from './fixture';

async function recorder(status = 200, body = ''): Promise<{ url: string; seen: { url: string; headers: IncomingHttpHeaders }[]; close(): Promise<void> }> {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server: Server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, seen, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('gates: secrets in URLs', function () {
  this.timeout(30_000);

  it('a Pushgateway URL with user:password pushes with basic auth', async () => {
    const gw = await recorder();
    try {
      await pushMetrics(gw.url.replace('//', '//ci:hunter2@'), 'aurora-ga-gates', 'x 1\n', AbortSignal.timeout(5000));
      assert.equal(gw.seen[0].headers.authorization, `Basic ${Buffer.from('ci:hunter2').toString('base64')}`);
      assert.equal(gw.seen[0].url, '/metrics/job/aurora-ga-gates');
    } finally {
      await gw.close();
    }
  });

  it('aurora-ga gates --push-url with a password never prints it; an invalid one is refused without it', async () => {
    const gw = await recorder();
    const f = await fixture({ prometheus: false });
    try {
      const ok = await gatesCli(f, ['--demo', '--quiet', '--no-save', '--push-url', gw.url.replace('//', '//ci:hunter2@')]);
      assert.match(ok.err, /metrics pushed to http:\/\/ci:\*\*\*@127\.0\.0\.1:\d+ \(job aurora-ga-gates\)/);
      assert.ok(gw.seen[0].headers.authorization?.startsWith('Basic '));
      const bad = await gatesCli(f, ['--demo', '--quiet', '--push-url', 'http://ci:hunter2@[bad']);
      assert.equal(bad.code, 2);
      assert.match(bad.err, /invalid Pushgateway URL 'http:\/\/ci:\*\*\*@\[bad'/);
      assert.ok(!`${ok.out}${ok.err}${bad.out}${bad.err}`.includes('hunter2'));
    } finally {
      await gw.close();
      await f.close();
    }
  });

  it('a Prometheus URL with user:password queries with basic auth; a token the server quotes back is cut out of the report', async () => {
    const api = await recorder(401, '{"status":"error","errorType":"unauthorized","error":"bad token Bearer tok-SECRET-42 for tenant"}');
    const f = await fixture({ prometheus: false });
    try {
      const basic = await gatesCli(f, ['--prometheus-url', api.url.replace('//', '//bob:hunter2@'), '--no-save', '--quiet']);
      assert.equal(api.seen[0].headers.authorization, `Basic ${Buffer.from('bob:hunter2').toString('base64')}`);
      assert.equal(basic.code, 5);
      const bearer = await gatesCli(f, ['--prometheus-url', api.url, '--no-save', '--quiet'], { AURORA_PROM_TOKEN: 'tok-SECRET-42' });
      assert.equal(bearer.code, 5);
      assert.match(bearer.out, /bad token Bearer \*\*\* for tenant/);
      assert.ok(!`${basic.out}${basic.err}`.includes('hunter2'));
      assert.ok(!`${bearer.out}${bearer.err}`.includes('tok-SECRET-42'));
    } finally {
      await api.close();
      await f.close();
    }
  });

  it('tenancy: X-Scope-OrgID / THANOS-TENANT headers and the VictoriaMetrics cluster path /select/0/prometheus reach the server', async () => {
    const api = await recorder(200, '{"status":"success","data":{"resultType":"vector","result":[]}}');
    const f = await fixture({ prometheus: false });
    try {
      await gatesCli(f, ['--prometheus-url', `${api.url}/select/0/prometheus`, '--header', 'X-Scope-OrgID: team-a', '--header', 'THANOS-TENANT: team-a', '--no-save', '--quiet']);
      assert.ok(api.seen.length >= 9);
      for (const s of api.seen) {
        // Queries ask for complete data; the rules API (alert checks) takes no such flag.
        if (s.url.includes('/api/v1/rules')) assert.equal(s.url, '/select/0/prometheus/api/v1/rules');
        else assert.match(s.url, /^\/select\/0\/prometheus\/api\/v1\/query(_range)?\?.*partial_response=false&deny_partial_response=1$/);
        assert.deepEqual([s.headers['x-scope-orgid'], s.headers['thanos-tenant']], ['team-a', 'team-a']);
      }
    } finally {
      await api.close();
      await f.close();
    }
  });
});
