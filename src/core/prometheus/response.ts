import * as z from 'zod';
import type { RawResponse } from './transport';

/** One series as received: labels and [unix seconds, value string] pairs (one pair for instant vectors). */
export interface PromSeries {
  labels: Record<string, string>;
  values: [number, string][];
}

export type ParsedResponse =
  | { ok: true; resultType: 'vector' | 'matrix' | 'scalar' | 'string'; series: PromSeries[]; warnings: string[] }
  | { ok: false; kind: 'rejected' | 'server' | 'protocol'; status: number; message: string };

// A range answer holds thousands of pairs: checked in place, not copied pair by pair as z.tuple
// would, nor the list of them as z.array would (a 50-gate evaluation allocates several MB less).
const isSamplePair = (v: unknown): v is [number, string] => Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'string';
const samplePair = z.custom<[number, string]>(isSamplePair);
const samplePairs = z.custom<[number, string][]>((v) => Array.isArray(v) && v.every(isSamplePair));
const labels = z.record(z.string(), z.string());
const queryData = z.discriminatedUnion('resultType', [
  z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: labels, value: samplePair })) }),
  z.object({ resultType: z.literal('matrix'), result: z.array(z.object({ metric: labels, values: samplePairs })) }),
  z.object({ resultType: z.literal('scalar'), result: samplePair }),
  z.object({ resultType: z.literal('string'), result: samplePair }),
]);
const failure = z.object({ status: z.literal('error'), errorType: z.string().optional(), error: z.string().optional() });

function snippet(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > 200 ? `${t.slice(0, 200)}…` : t || '(empty body)';
}

/** An API envelope read: `data` of a success answer, or the error classified. */
export type Envelope =
  | { ok: true; data: unknown; warnings: string[] }
  | { ok: false; kind: 'rejected' | 'server' | 'protocol'; status: number; message: string };

const envelope = z.object({ status: z.literal('success'), data: z.unknown(), warnings: z.array(z.string()).optional() });

/**
 * Reads an API answer's envelope (query and rules APIs alike). Classification is by HTTP status first
 * (VictoriaMetrics answers a bad query with 422 and errorType "422"), then the body: a Prometheus
 * error body gives the server's own message; a non-JSON body (503 "Service Unavailable" during
 * start-up, proxies' HTML) gives its text.
 */
export function parseEnvelope(raw: RawResponse): Envelope {
  const kindFor = (status: number) => (status >= 500 ? 'server' : status >= 400 ? 'rejected' : 'protocol');
  let json: unknown;
  try {
    json = JSON.parse(raw.body);
  } catch {
    return { ok: false, kind: kindFor(raw.status), status: raw.status, message: `HTTP ${raw.status}: ${snippet(raw.body)}` };
  }
  const err = failure.safeParse(json);
  if (err.success) {
    const type = err.data.errorType ? `${err.data.errorType}: ` : '';
    const status = raw.status >= 400 ? raw.status : 422;
    return { ok: false, kind: kindFor(status), status: raw.status, message: `${type}${err.data.error ?? '(no message)'}` };
  }
  if (raw.status >= 300) return { ok: false, kind: kindFor(raw.status), status: raw.status, message: `HTTP ${raw.status}: ${snippet(raw.body)}` };
  const ok = envelope.safeParse(json);
  if (!ok.success) return { ok: false, kind: 'protocol', status: raw.status, message: `unexpected answer shape: ${snippet(raw.body)}` };
  return { ok: true, data: ok.data.data, warnings: ok.data.warnings ?? [] };
}

/** Reads a query API answer (/api/v1/query, /api/v1/query_range). */
export function parseResponse(raw: RawResponse): ParsedResponse {
  const env = parseEnvelope(raw);
  if (!env.ok) return env;
  const ok = queryData.safeParse(env.data);
  if (!ok.success) return { ok: false, kind: 'protocol', status: raw.status, message: `unexpected answer shape: ${snippet(raw.body)}` };
  const data = ok.data;
  const warnings = env.warnings;
  switch (data.resultType) {
    case 'vector':
      return { ok: true, resultType: 'vector', warnings, series: data.result.map((r) => ({ labels: r.metric, values: [r.value] })) };
    case 'matrix':
      return { ok: true, resultType: 'matrix', warnings, series: data.result.map((r) => ({ labels: r.metric, values: r.values })) };
    default:
      return { ok: true, resultType: data.resultType, warnings, series: [{ labels: {}, values: [data.result] }] };
  }
}

// Prometheus writes floats with Go's strconv ('f', or 'e' below 1e-6 and from 1e21), VictoriaMetrics
// plain decimals; both write NaN, +Inf and -Inf. Anything else (hex, "", "Infinity", spaces) is not
// a sample value, whatever JavaScript's Number() would make of it.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A sample value string read exactly as Prometheus writes it, or undefined when it is not one. */
export function parseSample(text: string): number | undefined {
  if (text === 'NaN') return NaN;
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return DECIMAL.test(text) ? Number(text) : undefined;
}

/** A number as Prometheus writes it: non-finite values as NaN, +Inf, -Inf (JSON has no spelling for them). */
export function formatSample(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}
