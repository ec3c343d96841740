import { describeJudgement, judgeCounts, judgeSamples, type Judgement } from '../../judge';
import type { UnavailableCause } from '../../prometheus/cause';
import { formatSample } from '../../prometheus/response';
import { elapsedMs } from '../../util/elapsed';
import { countsAs } from '../../verdict/rollup';
import type { CheckOutcome, CheckResult, ComparisonSide, Evidence } from '../../verdict/types';
import type { CompareCheck } from '../schema';
import { readAnswer, type ReadSeries, type ResultType } from './answer';
import type { CheckContext } from './context';

/** A compare check with every template resolved (before any I/O). */
export interface ResolvedCompare {
  def: CompareCheck;
  allowed: number;
  criticalLimit?: number;
  sides: { baseline: string; candidate: string };
  /** Per side: the samples query, or the errors and requests queries. */
  queries: { baseline: string[]; candidate: string[] };
}

type SideData =
  | { ok: true; side: ComparisonSide; samples?: number[]; errors?: number; requests?: number }
  | { ok: false; side: ComparisonSide; error: string; noData?: boolean; cause?: UnavailableCause };

type Outcome = Awaited<ReturnType<NonNullable<CheckContext['client']>['instant']>>;

/** An answer read by the API's contract (answer.ts), or why it cannot be used; an outage keeps its cause. */
function read(res: Outcome, expected: ResultType): { ok: true; series: ReadSeries[] } | { ok: false; error: string; cause?: UnavailableCause } {
  if (!res.ok) return { ok: false, error: res.message, ...(res.cause ? { cause: res.cause } : {}) };
  const answer = readAnswer(res, expected);
  return answer.ok ? answer : { ok: false, error: answer.reason };
}

async function sampleSide(value: string, query: string, ctx: CheckContext, client: NonNullable<CheckContext['client']>): Promise<SideData> {
  const start = new Date(ctx.at.getTime() - ctx.windowSeconds * 1000);
  const side: ComparisonSide = { value, queries: [query], series_count: 0 };
  const res = read(await client.range(query, start, ctx.at, ctx.stepSeconds, ctx.signal), 'matrix');
  if (!res.ok) return { side, ...res };
  side.series_count = res.series.length;
  // Every step of every series of the side is one sample; ±Inf (e.g. histogram_quantile in +Inf) is treated like NaN.
  const samples = res.series.flatMap((s) => s.samples.map((x) => (Number.isFinite(x.value) ? x.value : NaN)));
  return { ok: true, side, samples };
}

async function countSide(value: string, [errorsQ, requestsQ]: string[], ctx: CheckContext, client: NonNullable<CheckContext['client']>): Promise<SideData> {
  const side: ComparisonSide = { value, queries: [errorsQ, requestsQ], series_count: 0 };
  const [e, r] = (await Promise.all([client.instant(errorsQ, ctx.at, ctx.signal), client.instant(requestsQ, ctx.at, ctx.signal)])).map((x) => read(x, 'vector'));
  if (!e.ok) return { side, ...e };
  if (!r.ok) return { side, ...r };
  side.series_count = e.series.length + r.series.length;
  if (!e.series.length || !r.series.length) return { ok: false, side, noData: true, error: `the ${!e.series.length ? 'errors' : 'requests'} query returned no series for ${value} (add "or vector(0)" if none means 0)` };
  // A vector series holds exactly one sample.
  const total = (rs: ReadSeries[]) => rs.reduce((t, s) => t + s.samples.at(-1)!.value, 0);
  const [errors, requests] = [total(e.series), total(r.series)];
  if (!Number.isFinite(errors) || !Number.isFinite(requests)) return { ok: false, side, noData: true, error: `the ${!Number.isFinite(errors) ? 'errors' : 'requests'} count for ${value} is ${formatSample(!Number.isFinite(errors) ? errors : requests)}` };
  // increase() extrapolates, so counts may be fractional: round to whole events.
  return { ok: true, side, errors: Math.round(errors), requests: Math.round(requests) };
}

function judge(rc: ResolvedCompare, b: Extract<SideData, { ok: true }>, c: Extract<SideData, { ok: true }>): Judgement {
  const d = rc.def;
  if (d.query) {
    return judgeSamples(c.samples!, b.samples!, {
      direction: d.direction, effect: d.effect, allowed: rc.allowed, criticalLimit: rc.criticalLimit, confidence: d.confidence, minSamples: d.min_samples, nan: d.nan, spreadAllowed: d.spread_allowed,
    });
  }
  return judgeCounts({ errors: c.errors!, requests: c.requests! }, { errors: b.errors!, requests: b.requests! }, {
    allowed: rc.allowed, criticalLimit: rc.criticalLimit, confidence: d.confidence, minRequests: d.min_requests, negligibleRate: d.negligible_rate,
  });
}

/** A compare check's outcome from the judge's verdict: a non-critical failure of a `warn` check is WARN. */
export function compareOutcome(judgement: Pick<Judgement, 'verdict' | 'critical'>, severity: CheckResult['severity']): CheckOutcome {
  if (judgement.verdict === 'FAIL') return severity === 'warn' && !judgement.critical ? 'WARN' : 'FAIL';
  return judgement.verdict;
}

/** Queries both sides, judges, and returns the check's verdict with the statistics as evidence. */
export async function runCompare(rc: ResolvedCompare, ctx: CheckContext): Promise<CheckResult> {
  const t0 = performance.now();
  const d = rc.def;
  const policy = { on_missing: d.must_have_data ? ('fail' as const) : d.on_missing, on_error: d.on_error };
  const evidenceBase = { kind: 'prometheus' as const, source: ctx.promSource, query: rc.queries.candidate[0], window: ctx.window, evaluated_at: ctx.at.toISOString(), threshold: rc.allowed, comparator: '<=' as const };
  const result = (outcome: CheckOutcome, value: number | null, message: string, extra: Partial<Evidence>): CheckResult => ({
    check_id: d.id,
    name: d.name,
    outcome,
    counts_as: countsAs(outcome, policy),
    value,
    threshold: rc.allowed,
    comparator: '<=',
    severity: d.severity,
    message,
    evidence: { ...evidenceBase, raw: [], ...extra, duration_ms: elapsedMs(t0) },
  });
  if (!ctx.client) return result('ERROR', null, `${d.name}: no Prometheus URL configured`, { error: 'no Prometheus URL configured' });
  const client = ctx.client;
  const fetchSide = (value: string, qs: string[]) => (d.query ? sampleSide(value, qs[0], ctx, client) : countSide(value, qs, ctx, client));
  const [b, c] = await Promise.all([fetchSide(rc.sides.baseline, rc.queries.baseline), fetchSide(rc.sides.candidate, rc.queries.candidate)]);
  const range = d.query ? { range: { start: new Date(ctx.at.getTime() - ctx.windowSeconds * 1000).toISOString(), end: ctx.at.toISOString(), step_seconds: ctx.stepSeconds } } : {};
  // The baseline's failure is named first when both sides failed.
  const unusable = (name: 'baseline' | 'candidate', s: Extract<SideData, { ok: false }>) =>
    result(s.noData ? 'NO_DATA' : 'ERROR', null, `${d.name}: ${s.noData ? 'no data' : 'error'} for the ${name} (${s.error})`, {
      ...range, series_count: b.side.series_count + c.side.series_count, ...(s.noData ? {} : { error: s.error }), ...(s.cause ? { cause: s.cause } : {}),
    });
  if (!b.ok) return unusable('baseline', b);
  if (!c.ok) return unusable('candidate', c);
  const judgement = judge(rc, b, c);
  const summary = describeJudgement(judgement, d.name);
  const outcome = compareOutcome(judgement, d.severity);
  const raw = [b, c].map((s, i) => {
    const label = { side: i ? 'candidate' : 'baseline', value: s.side.value };
    if (judgement.kind === 'counts') return { labels: label, value: `${s.errors} errors / ${s.requests} requests` };
    const sum = i ? judgement.candidate : judgement.baseline;
    return { labels: label, value: `n=${sum.n}, median=${Number(sum.median.toPrecision(6))}${sum.nan ? `, ${sum.nan} NaN ${d.nan === 'zero' ? 'as 0' : 'left out'}` : ''}` };
  });
  const comparison = { baseline: b.side, candidate: c.side, judgement, summary, group: d.group, weight: d.weight, critical: d.critical };
  const note = d.query ? 'every step of every series of a side is one sample (series pooled)' : 'errors and requests summed over the series of each side, rounded to whole events';
  return result(outcome, judgement.value, `${d.name}: ${summary}`, { ...range, series_count: b.side.series_count + c.side.series_count, raw, note, comparison });
}
