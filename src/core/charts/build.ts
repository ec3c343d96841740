import type { CheckSeries, GateSeries, SeriesRule } from '../gates';
import { allowedShiftLimits } from '../judge';
import { graphLink } from '../prometheus';
import { type Comparator, satisfies } from '../verdict';
import type { ChartLine, ChartSeries, ChartSet, CheckChart, PointState } from './model';

const CMP: Record<Comparator, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '==': '=' };

function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

/** A series as Prometheus writes it: `name{label="value", …}`. */
function seriesText(labels: Record<string, string>): string {
  const { __name__: name = '', ...rest } = labels;
  const e = Object.entries(rest);
  return `${name}${e.length || !name ? `{${e.map(([k, v]) => `${k}="${v}"`).join(', ')}}` : ''}`;
}

/** How one finite sample stands; non-finite samples are never a pass, whatever the rule. */
type Judge = (value: number, role: ChartSeries['role']) => PointState;

/** The rule's lines, how each sample stands against them, and the words for both. */
function ruleOf(rule: SeriesRule, c: CheckSeries, at: string): { lines: ChartLine[]; judge: Judge; words: string } {
  switch (rule.kind) {
    case 'threshold': {
      const line = `${CMP[rule.comparator]} ${num(rule.threshold)}`;
      const what = rule.measure === 'instant' ? `the value at ${at}` : `the ${rule.measure} over the window`;
      return {
        lines: [{ value: rule.threshold, label: `threshold ${line}`, kind: 'limit' }],
        judge: (v) => (satisfies(v, rule.comparator, rule.threshold) ? 'within' : 'beyond'),
        words: `The check needs ${what} ${line}; every point of the window is held to the same line, and points beyond it are marked.`,
      };
    }
    case 'where': {
      const line = `${CMP[rule.comparator]} ${num(rule.value)}`;
      return {
        lines: [{ value: rule.value, label: `where ${line}`, kind: 'limit' }],
        judge: (v) => (satisfies(v, rule.comparator, rule.value) ? 'within' : 'beyond'),
        words: `The check needs the share of points ${line} to be ${CMP[rule.threshold.comparator]} ${num(rule.threshold.value)}; points that miss the condition are marked.`,
      };
    }
    case 'compare': {
      const baseline = c.queries.filter((q) => q.role === 'baseline').flatMap((q) => (q.answer.ok ? q.answer.series.flatMap((s) => s.samples.map((x) => x.value)) : []));
      const limits = allowedShiftLimits(baseline, rule);
      const allowed = rule.effect === 'relative' ? `${num(rule.allowed * 100)} %` : num(rule.allowed);
      const verdict = 'the verdict is the judge’s, on all samples, not a count of points.';
      if (!limits) {
        return {
          lines: [],
          judge: () => 'reference',
          words: `The judge compares the candidate’s samples with the baseline’s; no allowed shift can be drawn without a ${rule.effect === 'relative' ? 'non-zero ' : ''}finite baseline median; ${verdict}`,
        };
      }
      const lines: ChartLine[] = [{ value: limits.median, label: 'baseline median', kind: 'reference' }];
      if (limits.upper !== undefined) lines.push({ value: limits.upper, label: `allowed: median + ${allowed}`, kind: 'limit' });
      if (limits.lower !== undefined) lines.push({ value: limits.lower, label: `allowed: median − ${allowed}`, kind: 'limit' });
      return {
        lines,
        judge: (v, role) => (role === 'baseline' ? 'reference' : (limits.upper !== undefined && v > limits.upper) || (limits.lower !== undefined && v < limits.lower) ? 'beyond' : 'within'),
        words: `The judge compares the candidate’s samples with the baseline’s (direction: ${rule.direction}, allowed shift ${allowed}); the lines are the baseline median and the allowed shift, candidate points beyond it are marked — ${verdict}`,
      };
    }
  }
}

function chartOf(c: CheckSeries, g: GateSeries): CheckChart {
  const head = { gateKey: c.gateKey, gateName: c.gateName, checkId: c.checkId, checkName: c.checkName, type: c.type };
  const queries = c.queries.map((q) => ({ role: q.role, ...(q.side !== undefined ? { side: q.side } : {}), query: q.query, ...(q.answer.ok ? {} : { error: q.answer.error }) }));
  const empty = { lines: [], x: [], series: [], counts: { points: 0, beyond: 0, nonFinite: 0 }, queries };
  if (!c.rule) return { ...head, ...empty, rule: '', problem: `Not charted: ${c.none ?? 'no series'}.` };
  const { lines, judge, words } = ruleOf(c.rule, c, g.at);
  const answered = c.queries.flatMap((q) => (q.answer.ok ? q.answer.series.map((s) => ({ q, s })) : []));
  const x = [...new Set(answered.flatMap(({ s }) => s.samples.map((p) => p.t)))].sort((a, b) => a - b);
  const index = new Map(x.map((t, i) => [t, i]));
  const counts = { points: 0, beyond: 0, nonFinite: 0 };
  const series: ChartSeries[] = answered.map(({ q, s }) => {
    const values: (number | null)[] = x.map(() => null);
    const raw: (string | null)[] = x.map(() => null);
    const states: (PointState | null)[] = x.map(() => null);
    for (const p of s.samples) {
      const i = index.get(p.t)!;
      const state: PointState = Number.isFinite(p.value) ? judge(p.value, q.role) : 'nonfinite';
      values[i] = Number.isFinite(p.value) ? p.value : null;
      raw[i] = p.raw;
      states[i] = state;
      counts.points++;
      if (state === 'beyond') counts.beyond++;
      if (state === 'nonfinite') counts.nonFinite++;
    }
    const side = q.role === 'value' ? '' : `${q.role} ${q.side ?? ''} `;
    return { name: `${side}${seriesText(s.labels)}`, role: q.role, labels: s.labels, values, raw, states };
  });
  const failed = queries.filter((q) => q.error);
  const problem = failed.length
    ? failed.map((q) => `${q.role === 'value' ? 'The query' : `The ${q.role} query`} failed: ${q.error}`).join(' ')
    : !series.length ? `The range query returned no series in the window${c.queries.length > 1 ? ' for either side' : ''}.` : undefined;
  const nonFinite = counts.nonFinite ? ` ${counts.nonFinite} sample${counts.nonFinite > 1 ? 's are' : ' is'} NaN or ±Inf: never a pass, marked ✕.` : '';
  const link = g.prometheusUrl ? graphLink(g.prometheusUrl, c.queries.map((q) => q.query), { end: g.at, range: g.window, stepSeconds: g.stepSeconds }) : undefined;
  return { ...head, rule: `${words}${nonFinite}`, lines, x, series, counts, queries, ...(problem ? { problem } : {}), ...(link ? { link } : {}) };
}

/**
 * The charts of a gate's checks: every sample on a shared time axis, judged against the check's
 * line by the check's own comparator (core/verdict `satisfies`); a non-finite sample is never within.
 */
export function buildCharts(g: GateSeries): ChartSet {
  return { at: g.at, window: g.window, stepSeconds: g.stepSeconds, dataMode: g.dataMode, source: g.source, charts: g.checks.map((c) => chartOf(c, g)) };
}
