// A SMALL FAKE Prometheus API, only for answer shapes no real server produces (hex sample values,
// "", a matrix answering an instant query with a passing last sample, hostile label values). Tests
// using it say "fake server" in their titles; everything a real server can produce is tested on one.
import { createServer, type Server } from 'node:http';

export interface FakeAnswer {
  status?: number;
  body: string;
}

export interface FakePrometheus {
  readonly url: string;
  /** Paths and parameters received, in order. */
  readonly requests: { path: string; params: URLSearchParams }[];
  stop(): Promise<void>;
}

/**
 * Answers every request with `answer(path, params)` as application/json; unknown paths get what it
 * returns too. The client's pre-flight query `1` is answered as any Prometheus would (it is not
 * among the shapes these tests are about).
 */
export async function startFakePrometheus(answer: (path: string, params: URLSearchParams) => FakeAnswer): Promise<FakePrometheus> {
  const requests: FakePrometheus['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    requests.push({ path: url.pathname, params: url.searchParams });
    const preflight = url.pathname === '/api/v1/query' && url.searchParams.get('query') === '1';
    const a = preflight ? scalarAnswer(Number(url.searchParams.get('time')), '1') : answer(url.pathname, url.searchParams);
    res.writeHead(a.status ?? 200, { 'content-type': 'application/json' });
    res.end(a.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const success = (data: unknown): FakeAnswer => ({ body: JSON.stringify({ status: 'success', data }) });

/** An instant vector answer at time `t`. */
export const vectorAnswer = (t: number, series: { labels?: Record<string, string>; value: string }[]): FakeAnswer =>
  success({ resultType: 'vector', result: series.map((s) => ({ metric: s.labels ?? {}, value: [t, s.value] })) });

export const matrixAnswer = (series: { labels?: Record<string, string>; values: [number, string][] }[]): FakeAnswer =>
  success({ resultType: 'matrix', result: series.map((s) => ({ metric: s.labels ?? {}, values: s.values })) });

export const scalarAnswer = (t: number, value: string): FakeAnswer => success({ resultType: 'scalar', result: [t, value] });

/** A rules API answer: one group holding the given alerting rules. */
export const rulesAnswer = (rules: { name: string; health: string; lastEvaluation: string; labels?: Record<string, string>; lastError?: string }[]): FakeAnswer =>
  success({ groups: [{ name: 'fake', file: 'fake.yml', rules: rules.map((r) => ({ type: 'alerting', state: 'inactive', query: 'vector(1)', labels: {}, ...r })) }] });

export const errorAnswer = (status: number, errorType: string, error: string): FakeAnswer => ({ status, body: JSON.stringify({ status: 'error', errorType, error }) });
