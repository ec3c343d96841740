import { redactUrls, splitCredentials } from '../util/redact';

// Pushes a Prometheus text exposition (renderExposition) to a Pushgateway, for jobs that end before
// any scrape (CI gates, canary). PUT replaces every metric of the group, so a gate that stopped
// being exported does not linger with its old value.

export interface PushOptions {
  /** Extra grouping labels after the job, e.g. { instance: 'ci-runner-3' }. */
  grouping?: Record<string, string>;
  /** Client deadline for the whole request; the Pushgateway could hang (default 10 s). */
  timeoutMs?: number;
  /** Extra request headers (e.g. Authorization for a gateway behind a proxy). */
  headers?: Record<string, string>;
}

/** The push failed: HTTP status and the gateway's own words, or the network error. */
export class PushError extends Error {
  readonly name = 'PushError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** One `/<label>/<value>` path pair; values that a path cannot hold use the `@base64` form. */
function pathPair(label: string, value: string): string {
  if (!LABEL.test(label)) throw new PushError(`invalid grouping label name '${label}'`);
  if (value === '' || value.includes('/')) return `/${label}@base64/${Buffer.from(value).toString('base64url') || '='}`;
  return `/${label}/${encodeURIComponent(value)}`;
}

/** The grouping URL: <base>/metrics/job/<job>[/<label>/<value>…]. */
export function pushUrl(base: string, job: string, grouping: Record<string, string> = {}): string {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw new PushError(`invalid Pushgateway URL '${redactUrls(base)}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PushError(`Pushgateway URL must be http(s), got '${redactUrls(base)}'`);
  if (url.username && !url.password) throw new PushError(`Pushgateway URL '${redactUrls(base)}' names a user but no password: write user:password@`);
  if (!job) throw new PushError('the Pushgateway job name must not be empty');
  const pairs = [pathPair('job', job), ...Object.entries(grouping).map(([k, v]) => pathPair(k, v))].join('');
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}/metrics${pairs}`;
}

/** PUTs `text` (Prometheus text format 0.0.4) to the Pushgateway at `url` under `job`. */
export async function pushMetrics(url: string, job: string, text: string, signal: AbortSignal, opts: PushOptions = {}): Promise<void> {
  const target = pushUrl(url, job, opts.grouping);
  // Credentials in the URL are sent as basic auth: never silently dropped (pushUrl keeps only the origin and path).
  const { username, password } = splitCredentials(url);
  const auth = username !== undefined ? { authorization: `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}` } : {};
  const deadline = AbortSignal.timeout(opts.timeoutMs ?? 10_000);
  let res;
  try {
    // undici is CommonJS: its exports are import()'s default, in Node and in the bundle's chunk alike.
    res = await (await import('undici')).default.request(target, {
      method: 'PUT',
      body: text,
      headers: { 'content-type': 'text/plain; version=0.0.4; charset=utf-8', ...auth, ...opts.headers },
      signal: AbortSignal.any([signal, deadline]),
    });
  } catch (err) {
    signal.throwIfAborted();
    if (deadline.aborted) throw new PushError(`push to ${target} timed out after ${opts.timeoutMs ?? 10_000} ms`);
    const e = err as Error & { code?: string; cause?: { code?: string; message?: string } };
    throw new PushError(`push to ${target} failed: ${e.code ?? e.cause?.code ?? ''} ${e.cause?.message ?? e.message}`.replace(/ {2,}/g, ' '));
  }
  const body = (await res.body.text()).trim();
  if (res.statusCode < 200 || res.statusCode >= 300) {
    throw new PushError(`push to ${target}: HTTP ${res.statusCode}${body ? `: ${body.slice(0, 500)}` : ''}`, res.statusCode);
  }
}
