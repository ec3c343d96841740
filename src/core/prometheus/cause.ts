import type { UnavailableCause } from '../verdict/types';

// Why a query could not be answered, when the reason is the server or the way to it rather than the
// query: such failures mean "the evaluation could not be carried out", never "the release failed".

/** unreachable: refused/reset; dns: unknown host; tls: certificate or handshake; timeout: no answer in time;
 *  auth: 401/403; not-prometheus: 404 or an answer that is not the Prometheus API; server-error: 5xx after
 *  retries; throttled: 429 after retries; deadline: the evaluation's deadline passed first. */
export type { UnavailableCause } from '../verdict/types';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const TLS_CODE = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|EPROTO|ERR_TLS/i;

/** The cause of a transport failure from its error code (undici passes Node's codes through). */
export function networkCause(code: string | undefined, message: string): UnavailableCause {
  if (code && DNS_CODES.has(code)) return 'dns';
  if ((code && TLS_CODE.test(code)) || /certificate|self.signed|handshake/i.test(message)) return 'tls';
  return 'unreachable';
}

/** The cause of an HTTP answer that is not a result; undefined when the query itself is at fault (400, 422…). */
export function httpCause(status: number, kind: 'rejected' | 'server' | 'protocol'): UnavailableCause | undefined {
  if (kind === 'protocol') return 'not-prometheus';
  if (status === 401 || status === 403) return 'auth';
  if (status === 404 || status === 405) return 'not-prometheus';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'server-error';
  return undefined;
}

/** How a query's error begins when the pre-flight failed: the pre-flight's failure follows. */
export const PREFLIGHT_FAILED = 'pre-flight failed: ';

/** What each cause is called in the report's headline. */
export const CAUSE_TEXT: Record<UnavailableCause, string> = {
  unreachable: 'could not be reached',
  dns: 'has a host name that does not resolve',
  tls: 'failed the TLS handshake',
  timeout: 'did not answer in time',
  auth: 'refused the credentials',
  'not-prometheus': 'is not a Prometheus API',
  'server-error': 'kept answering with server errors',
  throttled: 'kept throttling the queries (HTTP 429)',
  deadline: 'did not answer every query within the evaluation deadline',
};

/** What to do about each cause (the report's next steps; no gate remediation applies). */
export const CAUSE_HINT: Record<UnavailableCause, string> = {
  unreachable: 'Check that Prometheus is running and the URL (host and port) is right',
  dns: 'Check the host name in the Prometheus URL',
  tls: 'Trust the server\'s CA (--ca-file / auroraGa.prometheus.caFile) or fix its certificate',
  timeout: 'The server is overloaded or hung: retry later, or raise the query timeout',
  auth: 'Check the credentials: bearer token (AURORA_PROM_TOKEN / Set Prometheus Token) or basic auth',
  'not-prometheus': 'Check the URL: it must be the API base (http://host:9090, or the path prefix such as /prometheus or /select/0/prometheus)',
  'server-error': 'The server is failing: retry when it has recovered',
  throttled: 'The server (or the tenant\'s quota) is throttling: retry later or lower --concurrency',
  deadline: 'Raise the evaluation deadline (--deadline / auroraGa.gates.deadlineSeconds) or retry when the server is less loaded',
};
