import * as z from 'zod';
import type { Transport } from './transport';

// What the server knows about its series, for completion and hover: metric and label names, label
// values and metric metadata. Each call is one GET; errors come back as values, never thrown.

export type CatalogAnswer<T> = { ok: true; value: T } | { ok: false; message: string };

const names = z.object({ status: z.literal('success'), data: z.array(z.string()) });
const metadata = z.object({
  status: z.literal('success'),
  data: z.record(z.string(), z.array(z.object({ type: z.string(), help: z.string(), unit: z.string().optional() }))),
});

export interface MetricMetadata {
  type: string;
  help: string;
  unit?: string;
}

async function get<T>(transport: Transport, path: string, params: Record<string, string>, schema: z.ZodType<T>, signal: AbortSignal): Promise<CatalogAnswer<T>> {
  let body: string;
  let status: number;
  try {
    ({ body, status } = await transport.send(path, params, signal));
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    return { ok: false, message: (err as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return { ok: false, message: `HTTP ${status}: not a Prometheus API answer` };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, message: `HTTP ${status}: unexpected answer from ${path}` };
}

export async function metricNames(transport: Transport, signal: AbortSignal): Promise<CatalogAnswer<string[]>> {
  const r = await get(transport, '/api/v1/label/__name__/values', {}, names, signal);
  return r.ok ? { ok: true, value: r.value.data } : r;
}

export async function labelNames(transport: Transport, metric: string | undefined, signal: AbortSignal): Promise<CatalogAnswer<string[]>> {
  const r = await get(transport, '/api/v1/labels', metric ? { 'match[]': metric } : {}, names, signal);
  return r.ok ? { ok: true, value: r.value.data.filter((n) => n !== '__name__') } : r;
}

export async function labelValues(transport: Transport, label: string, metric: string | undefined, signal: AbortSignal): Promise<CatalogAnswer<string[]>> {
  const r = await get(transport, `/api/v1/label/${encodeURIComponent(label)}/values`, metric ? { 'match[]': metric } : {}, names, signal);
  return r.ok ? { ok: true, value: r.value.data } : r;
}

export async function metricMetadata(transport: Transport, metric: string, signal: AbortSignal): Promise<CatalogAnswer<MetricMetadata | undefined>> {
  const r = await get(transport, '/api/v1/metadata', { metric }, metadata, signal);
  return r.ok ? { ok: true, value: r.value.data[metric]?.[0] } : r;
}

const vector = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.literal('vector'), result: z.array(z.object({ metric: z.record(z.string(), z.string()), value: z.tuple([z.number(), z.string()]) })) }),
});

export interface CurrentValue {
  series: number;
  /** The first series' labels and value, as the server wrote it. */
  first?: { labels: Record<string, string>; value: string };
}

/** A metric's series now (an instant query of the bare name at `at`), for hover. */
export async function currentValue(transport: Transport, metric: string, at: Date, signal: AbortSignal): Promise<CatalogAnswer<CurrentValue>> {
  const r = await get(transport, '/api/v1/query', { query: metric, time: String(at.getTime() / 1000) }, vector, signal);
  if (!r.ok) return r;
  const [first] = r.value.data.result;
  return { ok: true, value: { series: r.value.data.result.length, ...(first ? { first: { labels: first.metric, value: first.value[1] } } : {}) } };
}

const anyResult = z.object({
  status: z.literal('success'),
  data: z.object({ resultType: z.enum(['vector', 'matrix', 'scalar', 'string']), result: z.unknown() }),
});
const serverError = z.object({ status: z.literal('error'), error: z.string() });

/** How many series an expression returns as an instant query at `at` (a scalar counts as one). */
export async function countSeries(transport: Transport, expr: string, at: Date, signal: AbortSignal): Promise<CatalogAnswer<number>> {
  let raw;
  try {
    raw = await transport.send('/api/v1/query', { query: expr, time: String(at.getTime() / 1000) }, signal);
  } catch (err) {
    if (signal.aborted) throw signal.reason;
    return { ok: false, message: (err as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.body);
  } catch {
    return { ok: false, message: `HTTP ${raw.status}: not a Prometheus API answer` };
  }
  const failed = serverError.safeParse(json);
  if (failed.success) return { ok: false, message: failed.data.error };
  const ok = anyResult.safeParse(json);
  if (!ok.success) return { ok: false, message: `HTTP ${raw.status}: unexpected answer` };
  const { resultType, result } = ok.data.data;
  return { ok: true, value: resultType === 'scalar' || resultType === 'string' ? 1 : Array.isArray(result) ? result.length : 0 };
}
