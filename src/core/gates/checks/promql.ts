import type { CheckDefinition } from '../schema';
import { readAnswer } from './answer';
import type { CheckContext, Item, Measured } from './context';
import { queryFailed } from './queryFailure';

type PromqlCheck = Extract<CheckDefinition, { type: 'promql' }>;

/** Instant query at the evaluation time; every series (or the scalar, where declared) becomes an item. */
export async function measurePromql(check: PromqlCheck, query: string, ctx: CheckContext): Promise<Measured> {
  const evidence = { kind: 'prometheus' as const, source: ctx.promSource, query, window: ctx.window };
  if (!ctx.client) return { kind: 'error', reason: 'no Prometheus URL configured', evidence };
  const res = await ctx.client.instant(query, ctx.at, ctx.signal);
  const ev = { ...evidence, attempts: res.attempts, ...(res.ok && res.warnings.length ? { warnings: res.warnings } : {}) };
  if (!res.ok) return queryFailed(res, ev);
  const answer = readAnswer(res, check.result_type);
  if (!answer.ok) return { kind: 'error', reason: answer.reason, evidence: { ...ev, error: answer.reason } };
  // A vector or a scalar holds exactly one sample per series (the answer's shape guarantees it).
  const items: Item[] = answer.series.map((s) => ({ ...(check.result_type === 'vector' ? { labels: s.labels } : {}), value: s.samples[0].value, raw: s.samples[0].raw }));
  if (!items.length) {
    if (check.on_empty === 'zero') return { kind: 'values', items: [{ value: 0, raw: '(no series: counted as 0 by on_empty: zero)' }], evidence: ev, seriesCount: 0 };
    return { kind: 'no_data', reason: 'the query returned no series', evidence: ev, seriesCount: 0 };
  }
  return { kind: 'values', items, evidence: ev };
}
