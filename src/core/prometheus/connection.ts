/** How to reach a Prometheus-compatible API (Prometheus, Thanos, Mimir, Cortex, VictoriaMetrics). */
export interface PrometheusConnection {
  /** Base URL, e.g. `http://127.0.0.1:9090` or `https://mimir.example/prometheus`; a trailing slash is fine. No user info (see `basicAuth`). */
  url: string;
  /**
   * Base URL of the rules API (`/api/v1/rules`) when the query API does not serve it, e.g. vmalert
   * beside VictoriaMetrics (default: `url`). Alert checks read it to prove their rule is loaded.
   * Gets the same credentials, headers and CA as `url`.
   */
  rulesUrl?: string;
  /** Sent as `Authorization: Bearer <token>` (CLI: AURORA_PROM_TOKEN; VS Code: SecretStorage). */
  bearerToken?: string;
  basicAuth?: { username: string; password: string };
  /** Extra headers, e.g. `X-Scope-OrgID` for Mimir/Cortex, `THANOS-TENANT` for Thanos. */
  headers?: Record<string, string>;
  /** PEM file with the CA certificate(s) to trust for https URLs. */
  caFile?: string;
  /** Client deadline per attempt, in ms (default 30000). A hung server only ever fails through this. */
  timeoutMs?: number;
  /**
   * Queries the server works on at once, one connection each (default 4: VictoriaMetrics serves 4
   * concurrent searches on a 2-core host by default and queues the rest).
   */
  concurrency?: number;
  /**
   * Queries sent on each connection before the ones ahead of them are answered (HTTP/1.1 pipelining;
   * default 16, 1 = off): a distant server always has the next query waiting, without more connections.
   */
  pipelining?: number;
  /** Extra attempts after a network error, HTTP 5xx or 429 (default 2), with capped, jittered backoff. */
  retries?: number;
  /** First backoff delay in ms (default 200), doubled per retry up to `retryMaxMs`. */
  retryBaseMs?: number;
  /** Longest backoff delay in ms (default 5000); a longer Retry-After is honoured within the deadline. */
  retryMaxMs?: number;
  /** One deadline in ms for all of an evaluation's queries, retries included (default 120000). */
  deadlineMs?: number;
  /** Largest answer body read, in bytes (default 16 MiB); a larger one is an ERROR, not read into memory. */
  maxResponseBytes?: number;
}

export const CONNECTION_DEFAULTS = {
  timeoutMs: 30_000,
  concurrency: 4,
  pipelining: 16,
  retries: 2,
  retryBaseMs: 200,
  retryMaxMs: 5_000,
  deadlineMs: 120_000,
  maxResponseBytes: 16 * 1024 * 1024,
  /** The pre-flight request tells a dead or wrong server within this, whatever the query timeout. */
  preflightTimeoutMs: 5_000,
} as const;
