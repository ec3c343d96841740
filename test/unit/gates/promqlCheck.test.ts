// measurePromql (src/core/gates/checks/promql.ts) and the failures it hands to queryFailed
// (src/core/gates/checks/queryFailure.ts): an instant query at the evaluation time, every series (or
// the declared scalar) one item. Measured on a REAL, empty Prometheus: the expressions build their own
// series (vector(), label_replace), so no data is needed. Every test pins the whole Measured result
// (kind, items, reason, evidence), so a changed reason, a dropped label or an extra evidence key fails.
// A fake server appears only for partial answers (Thanos `warnings`, VictoriaMetrics cluster
// `isPartial`), which a single Prometheus never sends.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { measurePromql } from '../../../src/core/gates/checks/promql';
import { promqlCheck } from '../../../src/core/gates/schema';
import { PrometheusClient } from '../../../src/core/prometheus/client';
import { HttpTransport } from '../../../src/core/prometheus/transport';
import { startFakePrometheus, type FakePrometheus } from '../../support/fakePrometheus';
import { startPrometheus, type RunningServer } from '../../support/prometheus';

// An evaluation time on a whole minute; the expressions below do not depend on it.
const AT = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const T = AT.getTime() / 1000;

const check = (query: string, o: { on_empty?: 'zero' | 'no_data'; result_type?: 'vector' | 'scalar' } = {}) =>
  promqlCheck.parse({ id: 'q', name: 'Query', type: 'promql', query, comparator: '<=', threshold: 1, ...o });

// Two labelled series, sorted by value so their order is the server's, not a guess.
const TWO = 'sort(label_replace(vector(0.25), "profile", "r1", "", "") or label_replace(vector(2), "profile", "r2", "", ""))';
const EMPTY = 'vector(1) == 0';

describe('gates: promql checks measure an instant query', function () {
  this.timeout(60_000);
  let dir: string;
  let prom: RunningServer;
  let fake: FakePrometheus;
  const transports: HttpTransport[] = [];
  // The fake server's answers, by query: a well-formed vector with Thanos warnings, and one flagged isPartial.
  const PARTIAL: Record<string, string> = {
    thanos: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [{ metric: { profile: 'r1' }, value: [T, '0'] }] }, warnings: ['store 10.0.0.3:10901 unreachable'] }),
    vmcluster: JSON.stringify({ status: 'success', isPartial: true, data: { resultType: 'vector', result: [{ metric: {}, value: [T, '0'] }] } }),
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-promql-check-'));
    prom = await startPrometheus();
    fake = await startFakePrometheus((_p, params) => ({ body: PARTIAL[params.get('query') ?? ''] ?? '{}' }));
  });
  after(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await Promise.all([prom?.stop(), fake?.stop()]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A context querying `url` (no client at all when `url` is undefined). */
  function context(url: string | undefined): CheckContext {
    let client: PrometheusClient | undefined;
    if (url) {
      const t = new HttpTransport({ url });
      transports.push(t);
      client = new PrometheusClient({ retries: 0 }, t);
    }
    return {
      ...(client ? { client } : {}),
      promSource: url ?? '(none)',
      at: AT,
      windowSeconds: 3600,
      window: '1h',
      stepSeconds: 60,
      vars: {},
      cwd: dir,
      files: { roots: [dir], allowOutside: false },
      secrets: [],
      signal: AbortSignal.timeout(20_000),
    };
  }

  const ev = (source: string, query: string) => ({ kind: 'prometheus', source, query, window: '1h' });

  describe('answers with data', () => {
    it('every series of a vector is an item with its labels, value and the string as received', async () => {
      assert.deepEqual(await measurePromql(check(TWO), TWO, context(prom.url)), {
        kind: 'values',
        items: [
          { labels: { profile: 'r1' }, value: 0.25, raw: '0.25' },
          { labels: { profile: 'r2' }, value: 2, raw: '2' },
        ],
        evidence: { ...ev(prom.url, TWO), attempts: 1 },
      });
    });

    it('a scalar declared with result_type: scalar is one item without labels', async () => {
      const q = 'scalar(vector(0.5))';
      assert.deepEqual(await measurePromql(check(q, { result_type: 'scalar' }), q, context(prom.url)), {
        kind: 'values',
        items: [{ value: 0.5, raw: '0.5' }],
        evidence: { ...ev(prom.url, q), attempts: 1 },
      });
    });
  });

  describe('an answer without series', () => {
    it('is NO_DATA "the query returned no series" by default (seriesCount 0)', async () => {
      assert.deepEqual(await measurePromql(check(EMPTY), EMPTY, context(prom.url)), {
        kind: 'no_data',
        reason: 'the query returned no series',
        evidence: { ...ev(prom.url, EMPTY), attempts: 1 },
        seriesCount: 0,
      });
    });

    it('on_empty: no_data, written out, is the same NO_DATA', async () => {
      const m = await measurePromql(check(EMPTY, { on_empty: 'no_data' }), EMPTY, context(prom.url));
      assert.deepEqual(m.kind === 'no_data' && m.reason, 'the query returned no series');
    });

    it('on_empty: zero makes it the single value 0, saying so in raw (seriesCount 0)', async () => {
      assert.deepEqual(await measurePromql(check(EMPTY, { on_empty: 'zero' }), EMPTY, context(prom.url)), {
        kind: 'values',
        items: [{ value: 0, raw: '(no series: counted as 0 by on_empty: zero)' }],
        evidence: { ...ev(prom.url, EMPTY), attempts: 1 },
        seriesCount: 0,
      });
    });
  });

  describe('no answer to read', () => {
    it('without a Prometheus URL it is ERROR "no Prometheus URL configured", nothing queried', async () => {
      assert.deepEqual(await measurePromql(check(TWO), TWO, context(undefined)), {
        kind: 'error',
        reason: 'no Prometheus URL configured',
        evidence: ev('(none)', TWO),
      });
    });

    it('an answer of another type is ERROR with the reason also in the evidence (a scalar for a vector check)', async () => {
      const q = 'scalar(vector(0.5))';
      const reason = 'expected an instant vector, the server answered a scalar — declare result_type: scalar for a scalar expression';
      assert.deepEqual(await measurePromql(check(q), q, context(prom.url)), {
        kind: 'error',
        reason,
        evidence: { ...ev(prom.url, q), attempts: 1, error: reason },
      });
    });

    it('a query the server rejects is ERROR quoting the server, with no cause (the query is at fault)', async () => {
      const q = 'sum(';
      // The server's own words for this query, read straight from its API.
      const body = (await (await fetch(`${prom.url}/api/v1/query?query=${encodeURIComponent(q)}`)).json()) as { errorType: string; error: string };
      const reason = `${body.errorType}: ${body.error}`;
      assert.deepEqual(await measurePromql(check(q), q, context(prom.url)), {
        kind: 'error',
        reason,
        evidence: { ...ev(prom.url, q), attempts: 1, error: reason },
      });
    });

    it('a URL that is not the query API (real 404) is ERROR with the cause not-prometheus', async () => {
      const url = `${prom.url}/nowhere`;
      const reason = 'HTTP 404: 404 page not found';
      assert.deepEqual(await measurePromql(check(TWO), TWO, context(url)), {
        kind: 'error',
        reason,
        evidence: { ...ev(url, TWO), attempts: 1, error: reason, cause: 'not-prometheus' },
      });
    });

    it('fake server (Thanos warnings shape): a partial answer is NO_DATA with partial: true, never its series', async () => {
      assert.deepEqual(await measurePromql(check('thanos'), 'thanos', context(fake.url)), {
        kind: 'no_data',
        reason: 'partial answer: store 10.0.0.3:10901 unreachable',
        evidence: { ...ev(fake.url, 'thanos'), attempts: 1, partial: true },
      });
    });

    it('fake server (VictoriaMetrics cluster isPartial shape): NO_DATA with partial: true', async () => {
      assert.deepEqual(await measurePromql(check('vmcluster'), 'vmcluster', context(fake.url)), {
        kind: 'no_data',
        reason: 'partial answer (isPartial: true)',
        evidence: { ...ev(fake.url, 'vmcluster'), attempts: 1, partial: true },
      });
    });
  });
});
