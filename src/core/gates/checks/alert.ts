import type { AlertingRule } from '../../prometheus/rules';
import type { CheckDefinition } from '../schema';
import { readAnswer } from './answer';
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
 * Whether the rules API proves that "no firing series" means "did not fire": every loaded alerting
 * rule of that name (whose own labels do not contradict the check's) is healthy and was evaluated
 * after the window began. The API only shows the latest evaluation, so a later one also counts.
 */
export function ruleProof(check: AlertCheck, rules: AlertingRule[], windowStart: Date, source: string): { ok: true; note: string } | { ok: false; reason: string } {
  const named = rules.filter((r) => r.name === check.alertname);
  if (!named.length) {
    const others = [...new Set(rules.map((r) => r.name))];
    const listed = others.length ? `it lists ${others.length}: ${others.slice(0, 5).join(', ')}${others.length > 5 ? ', …' : ''}` : 'it lists none';
    return { ok: false, reason: `alerting rule ${check.alertname} is not loaded (rules API of ${source}: ${listed}), so no firing series proves nothing` };
  }
  const wanted = Object.entries(check.labels ?? {});
  const matching = named.filter((r) => wanted.every(([k, v]) => r.labels[k] === undefined || r.labels[k] === v));
  if (!matching.length) {
    return { ok: false, reason: `no loaded rule ${check.alertname} can fire with labels ${JSON.stringify(check.labels)} (its own labels: ${named.map((r) => JSON.stringify(r.labels)).join(', ')})` };
  }
  for (const r of matching) {
    const where = `rule ${r.name} (group ${r.group})`;
    if (r.health === 'unknown') return { ok: false, reason: `${where} has not been evaluated yet` };
    if (r.health !== 'ok') return { ok: false, reason: `${where} is not healthy (${r.health}${r.lastError ? `: ${r.lastError}` : ''})` };
    const last = r.lastEvaluation ? Date.parse(r.lastEvaluation) : NaN;
    if (!(last > windowStart.getTime())) {
      const when = Number.isNaN(last) || last <= 0 ? 'never evaluated' : `last evaluated ${r.lastEvaluation}`;
      return { ok: false, reason: `${where} was ${when}, not inside the window (from ${windowStart.toISOString()})` };
    }
  }
  const r = matching[0];
  return { ok: true, note: `rule ${r.name} loaded and healthy (group ${r.group}${matching.length > 1 ? ` and ${matching.length - 1} more` : ''}), last evaluated ${r.lastEvaluation}` };
}

/**
 * Counts firing series. An empty answer is a count of 0 — "no firing alert" — only when the rules API
 * proves the rule is loaded, healthy and evaluated in the window; otherwise it is NO_DATA saying why.
 * A firing series needs no such proof: something evaluated the rule.
 */
export async function measureAlert(check: AlertCheck, ctx: CheckContext): Promise<Measured> {
  const query = alertQuery(check, ctx.window);
  const evidence = { kind: 'prometheus' as const, source: ctx.promSource, query, window: ctx.window };
  if (!ctx.client || !ctx.rules) return { kind: 'error', reason: 'no Prometheus URL configured', evidence };
  const [res, rules] = await Promise.all([ctx.client.instant(query, ctx.at, ctx.signal), ctx.rules.read()]);
  const ev = { ...evidence, attempts: res.attempts, note: `count of ${check.alertname} series firing at any time in the window` };
  if (!res.ok) return queryFailed(res, ev);
  const answer = readAnswer(res, 'vector');
  if (!answer.ok) return { kind: 'error', reason: answer.reason, evidence: { ...ev, error: answer.reason } };
  const raw = answer.series.map((s) => ({ labels: s.labels, value: s.samples[0].raw }));
  const count = { kind: 'values' as const, items: [{ value: raw.length, raw: String(raw.length) }], raw, seriesCount: raw.length };
  if (raw.length) return { ...count, evidence: ev };
  if (!rules.ok) {
    const reason = `cannot read the alerting rules from ${ctx.rules.source}/api/v1/rules, so no firing series proves nothing: ${rules.message}`;
    return { kind: 'error', reason, evidence: { ...ev, error: reason } };
  }
  const windowStart = new Date(ctx.at.getTime() - ctx.windowSeconds * 1000);
  const proof = ruleProof(check, rules.rules, windowStart, ctx.rules.source);
  if (!proof.ok) return { kind: 'no_data', reason: proof.reason, evidence: ev, raw, seriesCount: 0 };
  return { ...count, evidence: { ...ev, note: `${ev.note}; none firing counts as 0: ${proof.note}` } };
}
