import type { CheckDefinition } from '../schema';
import type { CheckContext, Measured } from './context';
import { queryFailed } from './queryFailure';

type AlertCheck = Extract<CheckDefinition, { type: 'alert' }>;

const quote = (v: string) => JSON.stringify(v);

/** The PromQL behind an alert check: every series of the alert that fired at any point of the window. */
export function alertQuery(check: AlertCheck, window: string): string {
  const matchers = [`alertname=${quote(check.alertname)}`, 'alertstate="firing"', ...Object.entries(check.labels ?? {}).map(([k, v]) => `${k}=${quote(v)}`)];
  return `max_over_time(ALERTS{${matchers.join(',')}}[${window}])`;
}

/**
 * Counts firing series. An empty answer is a count of 0 — that is what "no firing alert" means — and
 * the evidence says so; it only means something if this Prometheus evaluates the rule.
 */
export async function measureAlert(check: AlertCheck, ctx: CheckContext): Promise<Measured> {
  const query = alertQuery(check, ctx.window);
  const evidence = { kind: 'prometheus' as const, source: ctx.promSource, query, window: ctx.window };
  if (!ctx.client) return { kind: 'error', reason: 'no Prometheus URL configured', evidence };
  const res = await ctx.client.instant(query, ctx.at, ctx.signal);
  const ev = { ...evidence, attempts: res.attempts, note: `count of ${check.alertname} series firing at any time in the window; none firing counts as 0` };
  if (!res.ok) return queryFailed(res, ev);
  const raw = res.series.map((s) => ({ labels: s.labels, value: s.values.at(-1)?.[1] ?? '' }));
  return { kind: 'values', items: [{ value: res.series.length, raw: String(res.series.length) }], evidence: ev, raw, seriesCount: res.series.length };
}
