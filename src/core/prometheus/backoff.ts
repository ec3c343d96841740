export interface BackoffPolicy {
  /** First delay in ms, doubled per retry. */
  baseMs: number;
  /** No delay is longer than this, however many retries (a Retry-After may ask for more). */
  maxMs: number;
  /** [0, 1); the delay is drawn from [½, 1] × the capped exponential ("equal jitter"). */
  random: () => number;
}

/**
 * The pause before retry `retry` (1 = the first retry): capped exponential with jitter, so clients
 * that failed together do not come back together; never shorter than the server's Retry-After.
 */
export function backoffDelay(retry: number, policy: BackoffPolicy, retryAfterMs?: number): number {
  const capped = Math.min(policy.maxMs, policy.baseMs * 2 ** (retry - 1));
  const jittered = Math.round(capped / 2 + (capped / 2) * policy.random());
  return Math.max(jittered, retryAfterMs ?? 0);
}

/** Retry-After as seconds or an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
