// How a face's connection request (seconds, MiB, a URL that may carry credentials) becomes the
// engine's PrometheusConnection: defaults, unit conversions, credentials, and every refusal.
import assert from 'node:assert/strict';
import { REQUEST_DEFAULTS, resolveConnection } from '../../../src/core/gates/request';
import { urlProblem } from '../../../src/core/gates/url';
import { InputError } from '../../../src/core/util/errors';

/** Asserts `fn` throws an InputError whose message is exactly `message`. */
function refuses(fn: () => unknown, message: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof InputError, String(e));
    assert.equal(e.message, message);
    return true;
  });
}

describe('gates request: the Prometheus connection', () => {
  it('applies the engine defaults, in the faces’ units (seconds, MiB)', () => {
    assert.deepEqual(REQUEST_DEFAULTS, { timeoutSeconds: 30, deadlineSeconds: 120, concurrency: 4, pipelining: 16, retries: 2, maxResponseMiB: 16 });
    assert.deepEqual(resolveConnection({ url: 'http://127.0.0.1:9090' }), {
      url: 'http://127.0.0.1:9090',
      headers: {},
      timeoutMs: 30_000,
      deadlineMs: 120_000,
      concurrency: 4,
      pipelining: 16,
      retries: 2,
      maxResponseBytes: 16 * 1024 * 1024,
    });
  });

  it('converts seconds to ms and MiB to whole bytes, and copies every optional field it is given', () => {
    const headers = { 'X-Scope-OrgID': 'team-a' };
    const conn = resolveConnection({
      url: 'https://prom.example:9443/base',
      auth: { kind: 'bearer', token: 'tok-1' },
      headers,
      caFile: '/etc/ca.pem',
      rulesUrl: 'http://vmalert:8880',
      timeoutSeconds: 1.5,
      deadlineSeconds: 7,
      concurrency: 3,
      pipelining: 2,
      retries: 0,
      maxResponseMiB: 1 / 3,
    });
    assert.deepEqual(conn, {
      url: 'https://prom.example:9443/base',
      bearerToken: 'tok-1',
      headers: { 'X-Scope-OrgID': 'team-a' },
      caFile: '/etc/ca.pem',
      rulesUrl: 'http://vmalert:8880',
      timeoutMs: 1500,
      deadlineMs: 7000,
      concurrency: 3,
      pipelining: 2,
      retries: 0,
      // 1/3 MiB = 349525.33… bytes, rounded.
      maxResponseBytes: 349525,
    });
    assert.notEqual(conn.headers, headers, 'the request’s headers are copied, not shared');
  });

  it('passes basic auth through, and takes user:password out of the URL as basic auth', () => {
    assert.deepEqual(resolveConnection({ url: 'http://h:1', auth: { kind: 'basic', username: 'ann', password: 's3' } }).basicAuth, { username: 'ann', password: 's3' });
    const fromUrl = resolveConnection({ url: 'http://ann:s3@h:1/p' });
    assert.deepEqual([fromUrl.url, fromUrl.basicAuth, fromUrl.bearerToken], ['http://h:1/p', { username: 'ann', password: 's3' }, undefined]);
    // A password with an empty user name is still the URL's credentials (user '' is allowed by basic auth).
    const noUser = resolveConnection({ url: 'http://:s3@h:1/' });
    assert.deepEqual([noUser.url, noUser.basicAuth], ['http://h:1/', { username: '', password: 's3' }]);
    assert.equal(resolveConnection({ url: 'http://h:1', auth: { kind: 'bearer', token: 't' } }).basicAuth, undefined);
  });

  it('refuses credentials given twice, naming the other kind', () => {
    refuses(() => resolveConnection({ url: 'http://bob:pw@h:1', auth: { kind: 'bearer', token: 't' } }), 'the Prometheus URL carries credentials and a bearer token is also given: use one of them');
    refuses(() => resolveConnection({ url: 'http://bob:pw@h:1', auth: { kind: 'basic', username: 'x', password: 'y' } }), 'the Prometheus URL carries credentials and basic auth is also given: use one of them');
  });

  it('refuses a basic-auth user name with a colon, given or from the URL', () => {
    refuses(() => resolveConnection({ url: 'http://h:1', auth: { kind: 'basic', username: 'a:b', password: 'p' } }), 'a basic-auth user name cannot contain ":"');
    refuses(() => resolveConnection({ url: 'http://a%3Ab:p@h:1' }), 'a basic-auth user name cannot contain ":"');
  });

  it('refuses a URL it cannot use, quoting it without its password', () => {
    refuses(() => resolveConnection({ url: 'ftp://bob:hunter2@h:1' }), "Prometheus URL 'ftp://bob:***@h:1' must start with http:// or https://");
    refuses(() => resolveConnection({ url: 'localhost' }), "Prometheus URL 'localhost' is not a URL: write it with its scheme, e.g. http://127.0.0.1:9090");
  });

  it('refuses a non-positive or non-finite time or size, and a fractional or negative count', () => {
    for (const bad of [0, -1, NaN, Infinity]) {
      refuses(() => resolveConnection({ url: 'http://h:1', timeoutSeconds: bad }), `timeout must be a positive number, got ${bad}`);
      refuses(() => resolveConnection({ url: 'http://h:1', deadlineSeconds: bad }), `deadline must be a positive number, got ${bad}`);
      refuses(() => resolveConnection({ url: 'http://h:1', maxResponseMiB: bad }), `maxResponseMiB must be a positive number, got ${bad}`);
    }
    for (const bad of [-1, 1.5, NaN, Infinity]) {
      refuses(() => resolveConnection({ url: 'http://h:1', retries: bad }), `retries must be a whole number ≥ 0, got ${bad}`);
      refuses(() => resolveConnection({ url: 'http://h:1', concurrency: bad }), `concurrency must be a whole number ≥ 0, got ${bad}`);
      refuses(() => resolveConnection({ url: 'http://h:1', pipelining: bad }), `pipelining must be a whole number ≥ 0, got ${bad}`);
    }
    refuses(() => resolveConnection({ url: 'http://h:1', concurrency: 0 }), 'concurrency must be at least 1');
    refuses(() => resolveConnection({ url: 'http://h:1', pipelining: 0 }), 'pipelining must be at least 1');
    // The smallest accepted values.
    const least = resolveConnection({ url: 'http://h:1', concurrency: 1, pipelining: 1, retries: 0, timeoutSeconds: 0.001 });
    assert.deepEqual([least.concurrency, least.pipelining, least.retries, least.timeoutMs], [1, 1, 0, 1]);
  });
});

describe('gates request: whether a Prometheus URL can be used', () => {
  it('accepts http and https URLs, with or without user:password', () => {
    for (const ok of ['http://127.0.0.1:9090', 'https://prom.example/prom', 'http://bob:pw@h:1', 'HTTPS://H:1']) assert.equal(urlProblem(ok), undefined, ok);
  });

  it('says why it cannot, never repeating the password', () => {
    assert.equal(urlProblem('127.0.0.1:9090'), "'127.0.0.1:9090' is not a URL: write it with its scheme, e.g. http://127.0.0.1:9090");
    assert.equal(urlProblem('http://bob:hunter2@[bad'), "'http://bob:***@[bad' is not a URL: write it with its scheme, e.g. http://127.0.0.1:9090");
    assert.equal(urlProblem('ws://bob:hunter2@h:1'), "'ws://bob:***@h:1' must start with http:// or https://");
    assert.equal(urlProblem('file:///etc/passwd'), "'file:///etc/passwd' must start with http:// or https://");
    assert.equal(urlProblem('https://bob@h:1'), "'https://***@h:1' names a user but no password: write user:password@ or use the token / basic-auth settings");
  });
});
