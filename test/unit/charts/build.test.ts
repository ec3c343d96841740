import assert from 'node:assert/strict';
import fc from 'fast-check';
import { buildCharts } from '../../../src/core/charts/build';
import type { CheckSeries, GateSeries, SeriesAnswer, SeriesRule } from '../../../src/core/gates/series';
import type { Comparator } from '../../../src/core/verdict/types';

const AT = '2026-11-27T02:00:00.000Z';
const T0 = Date.parse(AT) / 1000 - 600;

/** One series answer: values at T0, T0 + 60, …; numbers written as Prometheus writes them. */
function answer(...series: { labels?: Record<string, string>; values: (number | string)[]; t0?: number; step?: number }[]): SeriesAnswer {
  const write = (v: number | string) => (typeof v === 'string' ? v : Number.isNaN(v) ? 'NaN' : v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : String(v));
  return {
    ok: true,
    series: series.map((s) => ({
      labels: s.labels ?? {},
      samples: s.values.map((v, i) => ({ t: (s.t0 ?? T0) + i * (s.step ?? 60), raw: write(v), value: typeof v === 'string' ? Number(v) : v })),
    })),
  };
}

function gateSeries(checks: CheckSeries[], over: Partial<GateSeries> = {}): GateSeries {
  return { at: AT, windowSeconds: 600, window: '10m', stepSeconds: 60, dataMode: 'live', source: 'http://prom:9090', prometheusUrl: 'http://prom:9090', checks, ...over };
}

function check(rule: SeriesRule | undefined, a: SeriesAnswer, over: Partial<CheckSeries> = {}): CheckSeries {
  return { gateKey: 'g', gateName: 'G', checkId: 'c', checkName: 'C', type: 'promql', ...(rule ? { rule } : {}), queries: [{ role: 'value', query: 'max(x)', answer: a }], ...over };
}

const threshold = (comparator: Comparator, t: number): SeriesRule => ({ kind: 'threshold', comparator, threshold: t, measure: 'instant' });

describe('charts: a check’s series judged point by point', () => {
  it('marks the points beyond a ≤ threshold, draws the line, and counts them', () => {
    const [c] = buildCharts(gateSeries([check(threshold('<=', 0.3), answer({ labels: { instance: 'a' }, values: [0.2, 0.5, 0.3, 0.31] }))])).charts;
    assert.deepEqual(c.series[0].states, ['within', 'beyond', 'within', 'beyond']);
    assert.deepEqual(c.series[0].values, [0.2, 0.5, 0.3, 0.31]);
    assert.deepEqual(c.lines, [{ value: 0.3, label: 'threshold ≤ 0.3', kind: 'limit' }]);
    assert.deepEqual(c.counts, { points: 4, beyond: 2, nonFinite: 0 });
    assert.deepEqual(c.x, [T0, T0 + 60, T0 + 120, T0 + 180]);
    assert.equal(c.series[0].name, '{instance="a"}');
    const [named] = buildCharts(gateSeries([check(threshold('<=', 1), answer({ labels: { __name__: 'up', job: 'p' }, values: [1] }, { labels: { __name__: 'up' }, values: [1] }))])).charts;
    assert.deepEqual(named.series.map((s) => s.name), ['up{job="p"}', 'up']);
    assert.match(c.rule, /the value at 2026-11-27T02:00:00.000Z ≤ 0\.3/);
    assert.equal(c.problem, undefined);
  });

  it('follows each comparator exactly at and around the threshold', () => {
    const values = [0.9, 1, 1.1];
    const expected: Record<Comparator, string[]> = {
      '<=': ['within', 'within', 'beyond'],
      '<': ['within', 'beyond', 'beyond'],
      '>=': ['beyond', 'within', 'within'],
      '>': ['beyond', 'beyond', 'within'],
      '==': ['beyond', 'within', 'beyond'],
    };
    for (const [cmp, states] of Object.entries(expected) as [Comparator, string[]][]) {
      const [c] = buildCharts(gateSeries([check(threshold(cmp, 1), answer({ values }))])).charts;
      assert.deepEqual(c.series[0].states, states, cmp);
    }
  });

  it('never draws NaN or ±Inf as passing: off the line, marked non-finite, kept as the server wrote them', () => {
    const [c] = buildCharts(gateSeries([check(threshold('<=', 1), answer({ values: [NaN, Infinity, -Infinity, 0.5] }))])).charts;
    assert.deepEqual(c.series[0].values, [null, null, null, 0.5]);
    assert.deepEqual(c.series[0].states, ['nonfinite', 'nonfinite', 'nonfinite', 'within']);
    assert.deepEqual(c.series[0].raw, ['NaN', '+Inf', '-Inf', '0.5']);
    assert.deepEqual(c.counts, { points: 4, beyond: 0, nonFinite: 3 });
    assert.match(c.rule, /3 samples are NaN or ±Inf: never a pass/);
  });

  it('whatever the comparator and threshold, a non-finite sample is never within (property)', () => {
    const comparators: Comparator[] = ['<=', '<', '>=', '>', '=='];
    fc.assert(fc.property(fc.constantFrom(...comparators), fc.double({ noNaN: true }), fc.constantFrom(NaN, Infinity, -Infinity), (cmp, t, v) => {
      const [c] = buildCharts(gateSeries([check(threshold(cmp, t), answer({ values: [v] }))])).charts;
      return c.series[0].states[0] === 'nonfinite' && c.series[0].values[0] === null;
    }));
  });

  it('holds a share check’s points to its `where` condition, not to the share threshold', () => {
    const rule: SeriesRule = { kind: 'where', comparator: '<=', value: 0.03, threshold: { comparator: '>=', value: 0.95 } };
    const [c] = buildCharts(gateSeries([check(rule, answer({ values: [0.01, 0.05, 0.03, NaN] }), { type: 'promql_range' })])).charts;
    assert.deepEqual(c.series[0].states, ['within', 'beyond', 'within', 'nonfinite']);
    assert.deepEqual(c.lines.map((l) => l.value), [0.03]);
    assert.match(c.rule, /share of points ≤ 0\.03 to be ≥ 0\.95/);
  });

  it('puts every series on one time axis, with gaps where a series has no sample', () => {
    const a = answer({ labels: { s: 'a' }, values: [1, 2, 3] }, { labels: { s: 'b' }, values: [5], t0: T0 + 30 });
    const [c] = buildCharts(gateSeries([check(threshold('<=', 4), a)])).charts;
    assert.deepEqual(c.x, [T0, T0 + 30, T0 + 60, T0 + 120]);
    assert.deepEqual(c.series.map((s) => s.values), [[1, null, 2, 3], [null, 5, null, null]]);
    assert.deepEqual(c.series[1].states, [null, 'beyond', null, null]);
    assert.equal(c.counts.points, 4);
  });

  it('shows a comparison’s two sides: the baseline as reference, the candidate against the allowed shift of the baseline median', () => {
    const rule: SeriesRule = { kind: 'compare', direction: 'increase', effect: 'relative', allowed: 0.1 };
    const c0 = check(rule, answer(), {
      type: 'compare',
      queries: [
        { role: 'baseline', side: 'v41', query: 'lat{version="v41"}', answer: answer({ values: [1, 2, 3, NaN] }) },
        { role: 'candidate', side: 'v42', query: 'lat{version="v42"}', answer: answer({ values: [2, 2.2, 2.21, Infinity] }) },
      ],
    });
    const [c] = buildCharts(gateSeries([c0])).charts;
    assert.deepEqual(c.series.map((s) => s.name), ['baseline v41 {}', 'candidate v42 {}']);
    assert.deepEqual(c.series[0].states, ['reference', 'reference', 'reference', 'nonfinite']);
    // Median of the finite baseline samples 2; +10 % → 2.2.
    assert.deepEqual(c.lines.map((l) => [l.kind, l.value]), [['reference', 2], ['limit', 2.2]]);
    assert.deepEqual(c.series[1].states, ['within', 'within', 'beyond', 'nonfinite']);
    assert.deepEqual(c.counts, { points: 8, beyond: 1, nonFinite: 2 });
    assert.match(c.rule, /verdict is the judge’s/);
    const link = new URL(c.link!);
    assert.deepEqual([link.searchParams.get('g0.expr'), link.searchParams.get('g1.expr')], ['lat{version="v41"}', 'lat{version="v42"}']);
  });

  it('draws both bounds for `either`, absolute shifts in the metric’s unit, and no limit for a zero median', () => {
    const side = (b: number[], c: number[]) => [
      { role: 'baseline' as const, side: 'a', query: 'b', answer: answer({ values: b }) },
      { role: 'candidate' as const, side: 'b', query: 'c', answer: answer({ values: c }) },
    ];
    const either: SeriesRule = { kind: 'compare', direction: 'either', effect: 'absolute', allowed: 0.5 };
    const [e] = buildCharts(gateSeries([check(either, answer(), { type: 'compare', queries: side([1, 1, 1], [0.4, 1, 1.6]) })])).charts;
    assert.deepEqual(e.lines.map((l) => l.value), [1, 1.5, 0.5]);
    assert.deepEqual(e.series[1].states, ['beyond', 'within', 'beyond']);
    const relative: SeriesRule = { kind: 'compare', direction: 'decrease', effect: 'relative', allowed: 0.1 };
    const [z] = buildCharts(gateSeries([check(relative, answer(), { type: 'compare', queries: side([0, 0, 0], [1, 2, 3]) })])).charts;
    assert.deepEqual(z.lines, []);
    assert.deepEqual(z.series[1].states, ['reference', 'reference', 'reference']);
    assert.match(z.rule, /no allowed shift can be drawn/);
  });

  it('says why nothing is drawn: a failed query, no series, a check that measures no series', () => {
    const failed = check(threshold('<=', 1), { ok: false, error: 'bad_data: parse error' });
    const none = check(threshold('<=', 1), answer());
    const file = check(undefined, answer(), { type: 'json_value', none: 'a file check reads one value from a file, not a series', queries: [] });
    const [a, b, c] = buildCharts(gateSeries([failed, none, file])).charts;
    assert.equal(a.problem, 'The query failed: bad_data: parse error');
    assert.equal(a.queries[0].error, 'bad_data: parse error');
    assert.equal(b.problem, 'The range query returned no series in the window.');
    assert.equal(c.problem, 'Not charted: a file check reads one value from a file, not a series.');
    assert.deepEqual([a.series, b.series, c.series], [[], [], []]);
  });

  it('links to the Prometheus graph over the same window for live data only', () => {
    const live = buildCharts(gateSeries([check(threshold('<=', 1), answer({ values: [1] }))])).charts[0];
    const u = new URL(live.link!);
    assert.equal(u.searchParams.get('g0.expr'), 'max(x)');
    assert.equal(u.searchParams.get('g0.range_input'), '10m');
    assert.equal(u.searchParams.get('g0.end_input'), '2026-11-27 02:00:00');
    const { prometheusUrl: _, ...demo } = gateSeries([check(threshold('<=', 1), answer({ values: [1] }))], { dataMode: 'demo' });
    assert.equal(buildCharts(demo).charts[0].link, undefined);
  });
});
