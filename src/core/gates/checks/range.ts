import { formatSample } from '../../prometheus/response';
import { satisfies } from '../../verdict/rollup';
import type { CheckDefinition } from '../schema';
import { readAnswer } from './answer';
import type { CheckContext, Item, Measured } from './context';
import { queryFailed } from './queryFailure';

type RangeCheck = Extract<CheckDefinition, { type: 'promql_range' }>;

/** Range query over [at − window, at]; each series' samples reduced to one item. */
export async function measureRange(check: RangeCheck, query: string, where: { comparator: RangeCheck['comparator']; value: number } | undefined, ctx: CheckContext): Promise<Measured> {
  const start = new Date(ctx.at.getTime() - ctx.windowSeconds * 1000);
  const range = { start: start.toISOString(), end: ctx.at.toISOString(), step_seconds: ctx.stepSeconds };
  const evidence = { kind: 'prometheus' as const, source: ctx.promSource, query, window: ctx.window, range };
  if (!ctx.client) return { kind: 'error', reason: 'no Prometheus URL configured', evidence };
  const res = await ctx.client.range(query, start, ctx.at, ctx.stepSeconds, ctx.signal);
  const ev = { ...evidence, attempts: res.attempts, ...(res.ok && res.warnings.length ? { warnings: res.warnings } : {}) };
  if (!res.ok) return queryFailed(res, ev);
  const answer = readAnswer(res, 'matrix');
  if (!answer.ok) return { kind: 'error', reason: answer.reason, evidence: { ...ev, error: answer.reason } };
  if (!answer.series.length) return { kind: 'no_data', reason: 'the range query returned no series', evidence: ev, seriesCount: 0 };
  const expected = Math.floor(ctx.windowSeconds / ctx.stepSeconds) + 1;
  const items: Item[] = answer.series.map((s) => {
    const values = s.samples.map((x) => x.value);
    const value = reduce(check.reduce, values, where);
    const nonFinite = values.filter((v) => !Number.isFinite(v)).length;
    const odd = nonFinite ? `, ${nonFinite} non-finite (never satisfy anything)` : '';
    const raw = check.reduce === 'share' && where
      ? `${values.filter((v) => satisfies(v, where.comparator, where.value)).length} of ${values.length} samples ${where.comparator} ${where.value} (${expected} steps in the window${odd})`
      : `${values.length} of ${expected} steps have samples${odd}, ${check.reduce} = ${formatSample(value)}`;
    return { labels: s.labels, value, raw };
  });
  // Like PromQL's *_over_time functions, only steps with a sample count; a series with none is NaN → NO_DATA.
  const note = check.reduce === 'share' ? 'share = samples satisfying the condition / samples in the window (steps without a sample are not counted)' : undefined;
  return { kind: 'values', items, evidence: note ? { ...ev, note } : ev };
}

function reduce(kind: RangeCheck['reduce'], values: number[], where: { comparator: RangeCheck['comparator']; value: number } | undefined): number {
  if (!values.length) return NaN;
  if (kind === 'share') return values.filter((v) => satisfies(v, where!.comparator, where!.value)).length / values.length;
  switch (kind) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
    case 'last':
      return values[values.length - 1];
  }
}
