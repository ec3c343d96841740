import { isAbortError } from '../util/errors';
import { elapsedMs } from '../util/elapsed';
import { backoffDelay, parseRetryAfter, type BackoffPolicy } from './backoff';
import { httpCause, networkCause, PREFLIGHT_FAILED, type UnavailableCause } from './cause';
import { CONNECTION_DEFAULTS, type PrometheusConnection } from './connection';
import { delay, Limiter } from './limiter';
import { exchangeKey } from './recordingKey';
import { parseResponse, type PromSeries } from './response';
import { parseRulesResponse, type AlertingRule } from './rules';
import { ResponseTooLargeError, type RawResponse, type Transport } from './transport';

/** What one query came to, after retries. Errors carry the server's or the transport's own message. */
export type QueryOutcome = AttemptResult & { durationMs: number; attempts: number };

export type QueryFailure = {
  ok: false;
  kind: QueryErrorKind;
  status?: number;
  message: string;
  /** Set when the server or the way to it is at fault, not the query: the evaluation could not be carried out. */
  cause?: UnavailableCause;
};

/** What the rules API answered, after retries. */
export type RulesOutcome = (({ ok: true; rules: AlertingRule[] }) | QueryFailure) & { durationMs: number; attempts: number };

type Failure = QueryFailure & { retryAfterMs?: number };
/** An attempt's client deadline, and how many requests it waits behind on its connection (pipelining). */
type AttemptTimeout = { ms: number; ahead: number };
type AttemptResult = { ok: true; resultType: string; series: PromSeries[]; warnings: string[] } | Failure;

/** An HTTP answer that is not data: its kind, the server's message (bounded), the cause and Retry-After. */
function httpFailure(raw: RawResponse, parsed: { kind: 'rejected' | 'server' | 'protocol'; status: number; message: string }): Failure {
  const cause = httpCause(parsed.status, parsed.kind);
  const retryAfterMs = parseRetryAfter(raw.retryAfter, Date.now());
  return {
    ok: false,
    kind: parsed.kind,
    status: parsed.status,
    message: bounded(parsed.message),
    ...(cause ? { cause } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  };
}

/**
 * rejected: 4xx; server: 5xx; network: refused/reset/DNS/TLS; timeout: per-attempt deadline; protocol: unreadable
 * answer; too-large: over maxResponseBytes; partial: the server says the answer is incomplete (warnings,
 * isPartial); deadline: the evaluation's deadline passed; not-recorded: replay has no answer.
 */
export type QueryErrorKind = 'rejected' | 'server' | 'network' | 'timeout' | 'protocol' | 'not-recorded' | 'too-large' | 'partial' | 'deadline';

/** One attempt, as --record stores it. */
export interface Exchange {
  path: string;
  params: Record<string, string>;
  response?: RawResponse;
  error?: { kind: 'network' | 'timeout' | 'too-large'; message: string };
  durationMs: number;
}

/** A retry about to happen (for logs and tests: the delay is computed, so tests never measure time). */
export interface RetryEvent {
  path: string;
  query?: string;
  /** 1 = the first retry. */
  retry: number;
  delayMs: number;
  reason: string;
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
  onRetry?: (e: RetryEvent) => void;
  /** The jitter's source; tests pass seededRandom(n). Default Math.random. */
  random?: () => number;
  /** Aborts when the evaluation's deadline passes: queries then end as `deadline` failures, not as a cancel. */
  deadline?: AbortSignal;
}

/** What the pre-flight request found: the server answers the query API, or why it does not. */
export type Preflight = { ok: true; durationMs: number } | (QueryFailure & { cause: UnavailableCause; durationMs: number; attempts: number });

const MAX_MESSAGE = 1000;
const MAX_WARNINGS = 5;

function bounded(text: string, max = MAX_MESSAGE): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

function networkFailure(err: unknown): QueryFailure {
  const e = err as Error & { cause?: { code?: string; message?: string }; code?: string };
  const code = e.code ?? e.cause?.code;
  const msg = e.cause?.message ?? e.message;
  const message = code && !msg.includes(code) ? `${code}: ${msg}` : msg;
  return { ok: false, kind: 'network', message, cause: networkCause(code, message) };
}

/** Thanos answers an incomplete query with `warnings`, the VictoriaMetrics cluster with `isPartial: true`. */
function partialReason(raw: RawResponse, warnings: string[]): string | undefined {
  const flagged = raw.body.includes('"isPartial"') && (JSON.parse(raw.body) as { isPartial?: unknown }).isPartial === true;
  if (!flagged && !warnings.length) return undefined;
  const shown = warnings.slice(0, MAX_WARNINGS).map((w) => bounded(w, 300));
  const more = warnings.length > MAX_WARNINGS ? ` and ${warnings.length - MAX_WARNINGS} more` : '';
  return `partial answer${flagged ? ' (isPartial: true)' : ''}${shown.length ? `: ${shown.join('; ')}${more}` : ''}`;
}

/**
 * Instant and range queries with a concurrency limit, a per-attempt timeout, capped jittered retries
 * (network errors, 5xx, 429; never 400/422) inside one evaluation deadline, and each distinct query
 * sent once per client.
 */
export class PrometheusClient {
  private readonly limiter: Limiter;
  private readonly timeoutMs: number;
  private readonly connections: number;
  private readonly retries: number;
  private readonly backoff: BackoffPolicy;
  private readonly deadline: AbortSignal;
  private readonly deadlineMs: number | undefined;
  private readonly startedAt = performance.now();
  private readonly answers = new Map<string, Promise<QueryOutcome>>();
  private down: QueryFailure | undefined;
  private preflightAnswer: Promise<Preflight> | undefined;
  /** Aborts the attempts in flight when the pre-flight fails. */
  private readonly serverFailed = new AbortController();

  constructor(
    conn: Pick<PrometheusConnection, 'timeoutMs' | 'concurrency' | 'pipelining' | 'retries' | 'retryBaseMs' | 'retryMaxMs' | 'deadlineMs'>,
    private readonly transport: Transport,
    private readonly opts: ClientOptions = {},
  ) {
    this.connections = conn.concurrency ?? CONNECTION_DEFAULTS.concurrency;
    // Every connection with its pipeline full: the transport spreads them (see HttpTransport).
    this.limiter = new Limiter(this.connections * (conn.pipelining ?? CONNECTION_DEFAULTS.pipelining));
    this.timeoutMs = conn.timeoutMs ?? CONNECTION_DEFAULTS.timeoutMs;
    this.retries = conn.retries ?? CONNECTION_DEFAULTS.retries;
    this.backoff = {
      baseMs: conn.retryBaseMs ?? CONNECTION_DEFAULTS.retryBaseMs,
      maxMs: conn.retryMaxMs ?? CONNECTION_DEFAULTS.retryMaxMs,
      random: opts.random ?? Math.random,
    };
    this.deadlineMs = opts.deadline ? conn.deadlineMs : undefined;
    this.deadline = opts.deadline ?? new AbortController().signal;
  }

  /** Instant query at an explicit time (never the server's "now"). */
  instant(query: string, at: Date, signal: AbortSignal): Promise<QueryOutcome> {
    return this.query('/api/v1/query', { query, time: unixSeconds(at) }, signal);
  }

  /** Range query over [start, end] at `stepSeconds`. */
  range(query: string, start: Date, end: Date, stepSeconds: number, signal: AbortSignal): Promise<QueryOutcome> {
    return this.query('/api/v1/query_range', { query, start: unixSeconds(start), end: unixSeconds(end), step: String(stepSeconds) }, signal);
  }

  /**
   * One cheap query (`1`) that tells a dead or wrong server at once: no retry for a refused
   * connection, DNS, TLS, auth or a non-Prometheus answer, and a short timeout. Queries go out while
   * it is pending, so its round trip overlaps theirs; but no query ends, and none is retried, before
   * it is answered (see settled()). After a failure every query of this client ends with the same
   * failure: those in flight are aborted, later ones are not sent. Not recorded (replay never needs it).
   */
  preflight(at: Date, signal: AbortSignal): Promise<Preflight> {
    this.preflightAnswer ??= this.checkServer(at, signal);
    return this.preflightAnswer;
  }

  private async checkServer(at: Date, signal: AbortSignal): Promise<Preflight> {
    const t0 = performance.now();
    const params = { query: '1', time: unixSeconds(at) };
    const timeoutMs = Math.min(this.timeoutMs, CONNECTION_DEFAULTS.preflightTimeoutMs);
    for (let attempt = 1; ; attempt++) {
      // A retry may be pipelined behind queries: it gets its timeout for each of them too.
      const timeout = attempt === 1 ? { ms: timeoutMs, ahead: 0 } : this.pipelinedTimeout(timeoutMs, 1);
      const r = await this.attempt('/api/v1/query', params, signal, timeout, false, (raw) => this.readQuery(raw));
      const durationMs = Math.round(performance.now() - t0);
      if (r.ok) return { ok: true, durationMs };
      // `1` is a valid query everywhere: a refusal is about the request — a proxy's credentials check
      // (vmauth 1.79 answers an unknown token with 400) or an API that is not Prometheus'.
      const cause = r.cause ?? (/auth|token|credential|unauthori[sz]ed|forbidden/i.test(r.message) ? 'auth' : 'not-prometheus');
      const failure = { ...r, cause, message: r.cause ? r.message : `the query \`1\` was refused: ${r.message}` };
      const again = await this.retryPause(r, attempt, '/api/v1/query', signal, { network: false });
      if (again === undefined) {
        this.down = { ok: false, kind: failure.kind, message: `${PREFLIGHT_FAILED}${failure.message}`, cause: failure.cause, ...(failure.status ? { status: failure.status } : {}) };
        this.serverFailed.abort();
        return { ...failure, durationMs, attempts: attempt };
      }
    }
  }

  /** Once the pre-flight (if one was sent) is answered: its failure, or undefined when the server passed it. */
  private async settled(): Promise<QueryFailure | undefined> {
    if (this.preflightAnswer) await this.preflightAnswer;
    return this.down;
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private query(path: string, params: Record<string, string>, signal: AbortSignal): Promise<QueryOutcome> {
    if (this.down) return Promise.resolve({ ...this.down, durationMs: 0, attempts: 0 });
    const key = exchangeKey(path, params);
    let answer = this.answers.get(key);
    if (!answer) {
      answer = this.run(path, params, signal);
      this.answers.set(key, answer);
    }
    return answer;
  }

  private run(path: string, params: Record<string, string>, signal: AbortSignal): Promise<QueryOutcome> {
    return this.retried(path, params, signal, (raw) => this.readQuery(raw));
  }

  /** The alerting rules the server (or its ruler, e.g. vmalert) has loaded, with their health; retried like a query. */
  async rules(signal: AbortSignal): Promise<RulesOutcome> {
    // After a failed pre-flight nothing more is sent, the rules read included.
    if (this.down) return { ...this.down, durationMs: 0, attempts: 0 };
    return this.retried('/api/v1/rules', {}, signal, (raw): { ok: true; rules: AlertingRule[] } | Failure => {
      const parsed = parseRulesResponse(raw);
      return parsed.ok ? parsed : httpFailure(raw, parsed);
    });
  }

  /**
   * Attempts a request until it is answered, its failure is final, or the pre-flight failed (whose
   * failure it then ends with): the one retry policy of queries and the rules read.
   */
  private async retried<T extends { ok: true }>(path: string, params: Record<string, string>, signal: AbortSignal, read: (raw: RawResponse) => T | Failure): Promise<(T | QueryFailure) & { durationMs: number; attempts: number }> {
    const t0 = performance.now();
    for (let attempt = 1; ; attempt++) {
      signal.throwIfAborted();
      const result = await this.limiter.run(() => this.attempt(path, params, signal, this.pipelinedTimeout(), true, read));
      const down = await this.settled();
      if (down) return { ...down, durationMs: elapsedMs(t0), attempts: attempt };
      const again = result.ok ? undefined : await this.retryPause(result, attempt, path, signal, { network: true, query: params.query });
      if (again === undefined) {
        if (!result.ok) delete result.retryAfterMs;
        return { ...result, durationMs: elapsedMs(t0), attempts: attempt };
      }
    }
  }

  /** Waits before the next attempt and returns its delay, or undefined when this failure is final. */
  private async retryPause(
    r: QueryFailure & { retryAfterMs?: number },
    attempt: number,
    path: string,
    signal: AbortSignal,
    how: { network: boolean; query?: string },
  ): Promise<number | undefined> {
    const retryable = (how.network && r.kind === 'network' && r.cause === 'unreachable') || r.kind === 'server' || r.status === 429;
    if (!retryable || attempt > this.retries) return undefined;
    const delayMs = backoffDelay(attempt, this.backoff, r.retryAfterMs);
    if (this.deadlineMs !== undefined && performance.now() - this.startedAt + delayMs >= this.deadlineMs) {
      r.message = `${r.message} (no retry: a ${Math.round(delayMs)} ms pause would pass the ${this.deadlineMs / 1000} s evaluation deadline)`;
      return undefined;
    }
    this.opts.onRetry?.({ path, ...(how.query !== undefined ? { query: how.query } : {}), retry: attempt, delayMs, reason: r.message });
    try {
      await delay(delayMs, AbortSignal.any([signal, this.deadline]));
    } catch (err) {
      if (signal.aborted) throw err;
      r.message = `${r.message} (the evaluation deadline passed before the retry)`;
      return undefined;
    }
    return delayMs;
  }

  /**
   * The client deadline of an attempt about to be sent. With more requests in flight than
   * connections, the transport pipelines them evenly, so this one waits for the `ahead` on its
   * connection: it gets the timeout once for itself and once for each of them.
   */
  private pipelinedTimeout(timeoutMs = this.timeoutMs, outsideLimiter = 0): AttemptTimeout {
    const ahead = Math.ceil((this.limiter.running + outsideLimiter) / this.connections) - 1;
    return { ms: timeoutMs * (ahead + 1), ahead };
  }

  /** One attempt, with the connection's credentials taken out of any message it carries. */
  private async attempt<T extends { ok: true }>(path: string, params: Record<string, string>, signal: AbortSignal, timeout: AttemptTimeout, recorded: boolean, read: (raw: RawResponse) => T | Failure): Promise<T | Failure> {
    const r = await this.attemptOnce(path, params, signal, timeout, recorded, read);
    if (!r.ok && this.transport.redact) r.message = this.transport.redact(r.message);
    return r;
  }

  private async attemptOnce<T extends { ok: true }>(
    path: string,
    params: Record<string, string>,
    signal: AbortSignal,
    { ms: timeoutMs, ahead }: AttemptTimeout,
    recorded: boolean,
    read: (raw: RawResponse) => T | Failure,
  ): Promise<T | Failure> {
    signal.throwIfAborted();
    if (this.deadline.aborted) return this.deadlineFailure();
    const timeout = AbortSignal.timeout(timeoutMs);
    const t0 = performance.now();
    const clean = (t: string) => this.transport.redact?.(t) ?? t;
    // A recording keeps what the server said, but never the credentials it may quote back.
    const record = (x: Pick<Exchange, 'response' | 'error'>) => {
      if (!recorded || !this.opts.onExchange) return;
      const response = x.response && { ...x.response, body: clean(x.response.body) };
      const error = x.error && { ...x.error, message: clean(x.error.message) };
      this.opts.onExchange({ path, params, ...(response ? { response } : {}), ...(error ? { error } : {}), durationMs: Math.round(performance.now() - t0) });
    };
    let raw: RawResponse;
    try {
      raw = await this.transport.send(path, params, AbortSignal.any([signal, timeout, this.deadline, this.serverFailed.signal]));
    } catch (err) {
      if (signal.aborted) throw signal.reason;
      // The pre-flight failed meanwhile: this attempt's own end is not news (run() gives the cause).
      if (this.down) return this.down;
      if (err instanceof NotRecordedError) return { ok: false, kind: 'not-recorded', message: err.message };
      if (err instanceof ResponseTooLargeError) {
        record({ error: { kind: 'too-large', message: err.message } });
        return { ok: false, kind: 'too-large', message: err.message };
      }
      if (this.deadline.aborted && !timeout.aborted) return this.deadlineFailure();
      if (timeout.aborted || err instanceof ReplayedTimeoutError || isAbortError(err)) {
        const message = `no answer within ${timeoutMs} ms (client timeout${ahead ? `: ${timeoutMs / (ahead + 1)} ms for this query and for each of the ${ahead} pipelined ahead of it` : ''})`;
        record({ error: { kind: 'timeout', message } });
        return { ok: false, kind: 'timeout', message, cause: 'timeout' };
      }
      const failure = networkFailure(err);
      record({ error: { kind: 'network', message: failure.message } });
      return failure;
    }
    record({ response: raw });
    return read(raw);
  }

  /** A query answer: data, or why not (partial answers are not data). */
  private readQuery(raw: RawResponse): AttemptResult {
    const parsed = parseResponse(raw);
    if (!parsed.ok) return httpFailure(raw, parsed);
    const partial = partialReason(raw, parsed.warnings);
    if (partial) return { ok: false, kind: 'partial', status: raw.status, message: partial };
    return { ok: true, resultType: parsed.resultType, series: parsed.series, warnings: parsed.warnings };
  }

  private deadlineFailure(): QueryFailure {
    const s = this.deadlineMs === undefined ? '' : ` of ${this.deadlineMs / 1000} s`;
    return { ok: false, kind: 'deadline', message: `not answered within the evaluation deadline${s}`, cause: 'deadline' };
  }
}

/** Unix seconds as Prometheus accepts them (naive ISO strings are rejected with 400). */
export function unixSeconds(d: Date): string {
  return String(d.getTime() / 1000);
}
