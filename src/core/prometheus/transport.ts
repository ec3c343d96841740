import { readFileSync } from 'node:fs';
import type { Agent, Dispatcher } from 'undici';
import { InputError } from '../util/errors';
import { CONNECTION_DEFAULTS, type PrometheusConnection } from './connection';

/** A raw HTTP answer, exactly as received (recorded as-is by --record). */
export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Sends one API request. Throws on transport failure (refused, reset, aborted); never on an HTTP status. */
export interface Transport {
  send(path: string, params: Record<string, string>, signal: AbortSignal): Promise<RawResponse>;
  close(): Promise<void>;
}

/** Plain HTTP(S) to the API via undici, with the connection's auth, headers and CA. */
export class HttpTransport implements Transport {
  private readonly base: string;
  private readonly headers: Record<string, string>;
  private readonly poolOptions: Agent.Options;
  // undici takes ~75 ms to load: it is imported on the first request, not when the extension
  // activates or another CLI command starts.
  private pool: Promise<Dispatcher> | undefined;

  /** `dispatcher` replaces the connection pool (tests inject undici's MockAgent for shapes no real server produces). */
  constructor(conn: PrometheusConnection, dispatcher?: Dispatcher) {
    let url: URL;
    try {
      url = new URL(conn.url);
    } catch {
      throw new InputError(`Prometheus URL '${conn.url}' is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`Prometheus URL '${conn.url}' must be http or https`);
    // Keep a path prefix (e.g. /prometheus behind Mimir), drop the trailing slash so joins never give '//api'.
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.headers = { accept: 'application/json', 'user-agent': 'aurora-ga', ...lowerKeys(conn.headers ?? {}) };
    if (conn.bearerToken) this.headers.authorization = `Bearer ${conn.bearerToken}`;
    else if (conn.basicAuth) this.headers.authorization = `Basic ${Buffer.from(`${conn.basicAuth.username}:${conn.basicAuth.password}`).toString('base64')}`;
    let ca: string | undefined;
    if (conn.caFile) {
      try {
        ca = readFileSync(conn.caFile, 'utf8');
      } catch (err) {
        throw new InputError(`cannot read CA file: ${(err as Error).message}`, { file: conn.caFile });
      }
    }
    this.poolOptions = { connections: Math.max(1, conn.concurrency ?? CONNECTION_DEFAULTS.concurrency), ...(ca ? { connect: { ca } } : {}) };
    if (dispatcher) this.pool = Promise.resolve(dispatcher);
  }

  async send(path: string, params: Record<string, string>, signal: AbortSignal): Promise<RawResponse> {
    const url = `${this.base}${path}?${new URLSearchParams(params)}`;
    const undici = await import('undici');
    this.pool ??= Promise.resolve(new undici.Agent(this.poolOptions));
    const res = await undici.request(url, { method: 'GET', headers: this.headers, signal, dispatcher: await this.pool });
    const body = await res.body.text();
    const type = res.headers['content-type'];
    return { status: res.statusCode, contentType: Array.isArray(type) ? type.join(', ') : (type ?? ''), body };
  }

  async close(): Promise<void> {
    if (this.pool) await (await this.pool).close();
  }

  /** The base URL as used (for evidence). */
  get url(): string {
    return this.base;
  }
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
