import { readFileSync } from 'node:fs';
import type { Client, Dispatcher } from 'undici';
import { InputError } from '../util/errors';
import { redactUrls } from '../util/redact';
import { CONNECTION_DEFAULTS, type PrometheusConnection } from './connection';

/** A raw HTTP answer, exactly as received (recorded as-is by --record). */
export interface RawResponse {
  status: number;
  contentType: string;
  body: string;
  /** The Retry-After header of a 429/503, as sent. */
  retryAfter?: string;
}

/** Thrown by a transport instead of reading an answer larger than the connection's limit. */
export class ResponseTooLargeError extends Error {
  readonly name = 'ResponseTooLargeError';
  constructor(readonly limitBytes: number) {
    super(`the answer is larger than the ${formatBytes(limitBytes)} limit (maxResponseBytes); it was not read`);
  }
}

export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MiB` : n >= 1024 ? `${Math.round(n / 1024)} KiB` : `${n} bytes`;
}

// Thanos and VictoriaMetrics answer an incomplete query with 200 unless asked not to; Prometheus,
// Mimir and Cortex ignore both parameters. Sent on the wire only, so recordings keep the query's own.
const COMPLETE_DATA = 'partial_response=false&deny_partial_response=1';
/** The endpoints that answer with data (and may answer partially); metadata and rules take no such flags. */
const QUERY_PATHS = new Set(['/api/v1/query', '/api/v1/query_range']);

/** Sends one API request. Throws on transport failure (refused, reset, aborted); never on an HTTP status. */
export interface Transport {
  send(path: string, params: Record<string, string>, signal: AbortSignal): Promise<RawResponse>;
  close(): Promise<void>;
  /** Removes the credentials this transport sends from a text (servers quote them in errors). */
  redact?(text: string): string;
}

/** Plain HTTP(S) to the API via undici, with the connection's auth, headers and CA. */
export class HttpTransport implements Transport {
  private readonly base: string;
  private readonly origin: string;
  private readonly headers: Record<string, string>;
  private readonly clientOptions: Client.Options;
  private readonly connections: number;
  private readonly maxBytes: number;
  private readonly secrets: string[];
  private readonly injected: Dispatcher | undefined;
  // undici takes ~75 ms to load: it is imported, and the connections opened, on the first request,
  // not when the extension activates or another CLI command starts.
  private readonly open: { client: Client; inFlight: number }[] = [];

  /** `dispatcher` replaces the connections (tests inject undici's MockAgent for shapes no real server produces). */
  constructor(conn: PrometheusConnection, dispatcher?: Dispatcher) {
    let url: URL;
    try {
      url = new URL(conn.url);
    } catch {
      throw new InputError(`Prometheus URL '${redactUrls(conn.url)}' is not a valid URL`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InputError(`Prometheus URL '${redactUrls(conn.url)}' must be http or https`);
    // Credentials are taken out of the URL by the request (core/gates/request); one left here would be dropped silently.
    if (url.username || url.password) throw new InputError(`Prometheus URL '${redactUrls(conn.url)}' carries credentials: pass them as basic auth`);
    this.maxBytes = conn.maxResponseBytes ?? CONNECTION_DEFAULTS.maxResponseBytes;
    this.origin = url.origin;
    // Keep a path prefix (e.g. /prometheus behind Mimir), drop the trailing slash so joins never give '//api'.
    this.base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    this.headers = { accept: 'application/json', 'user-agent': 'aurora-ga', ...lowerKeys(conn.headers ?? {}) };
    if (conn.bearerToken) this.headers.authorization = `Bearer ${conn.bearerToken}`;
    else if (conn.basicAuth) this.headers.authorization = `Basic ${Buffer.from(`${conn.basicAuth.username}:${conn.basicAuth.password}`).toString('base64')}`;
    const basic = this.headers.authorization?.startsWith('Basic ') ? [this.headers.authorization.slice(6)] : [];
    this.secrets = [conn.bearerToken, conn.basicAuth?.password, ...basic].filter((x): x is string => Boolean(x && x.length >= 3));
    let ca: string | undefined;
    if (conn.caFile) {
      try {
        ca = readFileSync(conn.caFile, 'utf8');
      } catch (err) {
        throw new InputError(`cannot read CA file: ${(err as Error).message}`, { file: conn.caFile });
      }
    }
    this.connections = Math.max(1, conn.concurrency ?? CONNECTION_DEFAULTS.concurrency);
    this.clientOptions = { pipelining: Math.max(1, conn.pipelining ?? CONNECTION_DEFAULTS.pipelining), ...(ca ? { connect: { ca } } : {}) };
    this.injected = dispatcher;
  }

  /**
   * The connection for the next request: an idle one, a new one while fewer than `concurrency` are
   * open, else the least busy, where the request is pipelined behind the ones in flight. (undici's
   * pools fill one connection to its pipelining depth before opening the next, so a few queries
   * would share one connection and the server would answer them one after another.)
   */
  private connection(undici: { Client: typeof Client }): { client: Client; inFlight: number } {
    let best = this.open[0];
    for (const c of this.open) if (c.inFlight < best.inFlight) best = c;
    if (!best || (best.inFlight > 0 && this.open.length < this.connections)) {
      best = { client: new undici.Client(this.origin, this.clientOptions), inFlight: 0 };
      this.open.push(best);
    }
    return best;
  }

  async send(path: string, params: Record<string, string>, signal: AbortSignal): Promise<RawResponse> {
    const query = new URLSearchParams(params).toString();
    const extra = QUERY_PATHS.has(path) ? COMPLETE_DATA : '';
    const url = `${this.base}${path}${query || extra ? `?${[query, extra].filter(Boolean).join('&')}` : ''}`;
    // undici is CommonJS: its exports are import()'s default, in Node and in the bundle's chunk alike.
    const undici = (await import('undici')).default;
    const conn = this.injected ? undefined : this.connection(undici);
    if (conn) conn.inFlight++;
    try {
      // blocking: false lets undici pipeline GETs, which it otherwise holds back until the answer before has its headers.
      const res = await undici.request(url, { method: 'GET', headers: this.headers, signal, blocking: false, dispatcher: conn?.client ?? this.injected });
      const header = (name: string) => {
        const v = res.headers[name];
        return Array.isArray(v) ? v.join(', ') : v;
      };
      const body = await readBounded(res.body, Number(header('content-length') ?? NaN), this.maxBytes);
      const retryAfter = header('retry-after');
      return { status: res.statusCode, contentType: header('content-type') ?? '', body, ...(retryAfter ? { retryAfter } : {}) };
    } finally {
      if (conn) conn.inFlight--;
    }
  }

  redact(text: string): string {
    return this.secrets.reduce((t, secret) => t.split(secret).join('***'), text);
  }

  async close(): Promise<void> {
    await Promise.all([...this.open.splice(0).map((c) => c.client.close()), this.injected?.close()]);
  }

  /** The base URL as used (for evidence). */
  get url(): string {
    return this.base;
  }
}

/** The body as text, or ResponseTooLargeError as soon as it is known to exceed `max` bytes (memory stays bounded). */
async function readBounded(body: Dispatcher.ResponseData['body'], declared: number, max: number): Promise<string> {
  if (declared > max) {
    body.destroy();
    throw new ResponseTooLargeError(max);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > max) {
      body.destroy();
      throw new ResponseTooLargeError(max);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function lowerKeys(h: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
}
