import { isAbortError } from '../util/errors';
import { CONNECTION_DEFAULTS, type PrometheusConnection } from './connection';
import { delay, Limiter } from './limiter';
import { parseResponse, type PromSeries } from './response';
import { parseRulesResponse, type AlertingRule } from './rules';
import type { RawResponse, Transport } from './transport';

/** What one query came to, after retries. Errors carry the server's or the transport's own message. */
export type QueryOutcome = AttemptResult & { durationMs: number; attempts: number };

type AttemptResult = Answer<{ resultType: string; series: PromSeries[]; warnings: string[] }>;

type Answer<T> = ({ ok: true } & T) | { ok: false; kind: QueryErrorKind; status?: number; message: string };

/** What the rules API answered, after retries. */
export type RulesOutcome = Answer<{ rules: AlertingRule[] }> & { durationMs: number; attempts: number };

/** rejected: 4xx (bad query); server: 5xx; network: refused/reset; timeout: client deadline; protocol: unreadable answer. */
export type QueryErrorKind = 'rejected' | 'server' | 'network' | 'timeout' | 'protocol' | 'not-recorded';

/** One attempt, as --record stores it. */
export interface Exchange {
  path: string;
  params: Record<string, string>;
  response?: RawResponse;
  error?: { kind: 'network' | 'timeout'; message: string };
  durationMs: number;
}

/** Thrown by a replay transport for a query the recording does not hold. */
export class NotRecordedError extends Error {
  readonly name = 'NotRecordedError';
}

/** Thrown by a replay transport to reproduce a recorded client timeout. */
export class ReplayedTimeoutError extends Error {
  readonly name = 'ReplayedTimeoutError';
}

export interface ClientOptions {
  /** Called after every attempt (for --record). */
  onExchange?: (e: Exchange) => void;
}

function networkMessage(err: unknown): string {
  const e = err as Error & { cause?: { code?: string; message?: string }; code?: string };
  const code = e.code ?? e.cause?.code;
  const msg = e.cause?.message ?? e.message;
  return code && !msg.includes(code) ? `${code}: ${msg}` : msg;
}

/** Instant and range queries with a concurrency limit, per-attempt deadline and retries on network errors/5xx. */
export class PrometheusClient {
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly retryBaseMs: number;

  constructor(
    conn: Pick<PrometheusConnection, 'timeoutMs' | 'concurrency' | 'retries' | 'retryBaseMs'>,
    private readonly transport: Transport,
    private readonly opts: ClientOptions = {},
  ) {
    this.limiter = new Limiter(conn.concurrency ?? CONNECTION_DEFAULTS.concurrency);
    this.timeoutMs = conn.timeoutMs ?? CONNECTION_DEFAULTS.timeoutMs;
    this.retries = conn.retries ?? CONNECTION_DEFAULTS.retries;
    this.retryBaseMs = conn.retryBaseMs ?? CONNECTION_DEFAULTS.retryBaseMs;
  }

  /** Instant query at an explicit time (never the server's "now"). */
  instant(query: string, at: Date, signal: AbortSignal): Promise<QueryOutcome> {
    return this.query('/api/v1/query', { query, time: unixSeconds(at) }, signal, parseResponse);
  }

  /** Range query over [start, end] at `stepSeconds`. */
  range(query: string, start: Date, end: Date, stepSeconds: number, signal: AbortSignal): Promise<QueryOutcome> {
    return this.query('/api/v1/query_range', { query, start: unixSeconds(start), end: unixSeconds(end), step: String(stepSeconds) }, signal, parseResponse);
  }

  /** The alerting rules the server (or its ruler, e.g. vmalert) has loaded, with their health. */
  rules(signal: AbortSignal): Promise<RulesOutcome> {
    return this.query('/api/v1/rules', {}, signal, parseRulesResponse);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async query<T>(path: string, params: Record<string, string>, signal: AbortSignal, parse: (raw: RawResponse) => Answer<T>): Promise<Answer<T> & { durationMs: number; attempts: number }> {
    const t0 = performance.now();
    const elapsed = () => Math.round((performance.now() - t0) * 10) / 10;
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      const result = await this.limiter.run(() => this.attempt(path, params, signal, parse));
      const retryable = result.ok === false && (result.kind === 'network' || result.kind === 'server');
      if (!retryable || attempt > this.retries) return { ...result, durationMs: elapsed(), attempts: attempt };
      await delay(this.retryBaseMs * 2 ** (attempt - 1), signal);
    }
  }

  private async attempt<T>(path: string, params: Record<string, string>, signal: AbortSignal, parse: (raw: RawResponse) => Answer<T>): Promise<Answer<T>> {
    signal.throwIfAborted();
    const deadline = AbortSignal.timeout(this.timeoutMs);
    const t0 = performance.now();
    const record = (x: Pick<Exchange, 'response' | 'error'>) => this.opts.onExchange?.({ path, params, ...x, durationMs: Math.round(performance.now() - t0) });
    let raw: RawResponse;
    try {
      raw = await this.transport.send(path, params, AbortSignal.any([signal, deadline]));
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      if (err instanceof NotRecordedError) return { ok: false, kind: 'not-recorded', message: err.message };
      if (deadline.aborted || err instanceof ReplayedTimeoutError || isAbortError(err)) {
        const message = `no answer within ${this.timeoutMs} ms (client timeout)`;
        record({ error: { kind: 'timeout', message } });
        return { ok: false, kind: 'timeout', message };
      }
      const message = networkMessage(err);
      record({ error: { kind: 'network', message } });
      return { ok: false, kind: 'network', message };
    }
    record({ response: raw });
    return parse(raw);
  }
}

/** Unix seconds as Prometheus accepts them (naive ISO strings are rejected with 400). */
export function unixSeconds(d: Date): string {
  return String(d.getTime() / 1000);
}
