import assert from 'node:assert/strict';
import { lintPromql } from '../../../src/core/promql';

/** The one problem of a query, with the text it marks. */
function only(query: string) {
  const problems = lintPromql(query);
  assert.equal(problems.length, 1, `${query}: ${JSON.stringify(problems)}`);
  return { ...problems[0], marked: query.slice(problems[0].from, problems[0].to) };
}

describe('PromQL lint (Prometheus lezer grammar plus what it misses)', () => {
  it('accepts the queries of the default gates', () => {
    for (const q of [
      'sum by (profile) (increase(aurora_ci_gating_violation_total{profile=~".*"}[48h])) or sum by (profile) (0 * max_over_time(aurora_ci_gating_state[48h]))',
      'avg by (profile) (avg_over_time((aurora_ci_gating_state{profile=~".*"} == bool 1)[48h:1m]))',
      'quantile_over_time(0.05, aurora_risk_dro_factor[48h])',
      'SUM(rate(x[5m])) > bool 1',
      'x{a="((", b=~"[}"}',
      'histogram_quantile(0.95, sum by (le) (rate(h_bucket[5m])))',
    ]) assert.deepEqual(lintPromql(q), [], q);
  });

  it('flags a range on a non-selector, the original kit’s abs(x)[48h], and says how to write it', () => {
    const p = only('max_over_time(abs(x)[48h])');
    assert.equal(p.code, 'range-on-expression');
    assert.equal(p.marked, '[48h]');
    assert.match(p.message, /subquery: \(…\)\[48h:\]/);
  });

  it('flags an unclosed parenthesis at the parenthesis, and a stray closing one at itself', () => {
    const open = only('sum(rate(x[5m])');
    assert.equal(open.code, 'unbalanced');
    assert.equal(open.from, 3);
    const stray = only('rate(x[5m]))');
    assert.equal(stray.from, 'rate(x[5m]))'.length - 1);
    const crossed = only('sum(x[5m)]');
    assert.match(crossed.message, /closes the '\[' at column 6/);
  });

  it('flags unknown functions with a suggestion, and leaves by/on/bool groupings alone', () => {
    const p = only('qauntile_over_time(0.5, x[1h])');
    assert.equal(p.code, 'unknown-function');
    assert.equal(p.marked, 'qauntile_over_time');
    assert.match(p.message, /did you mean 'quantile_over_time'/);
    assert.deepEqual(lintPromql('a / on (x) group_left (y) b'), []);
    assert.match(only('foo_bar(x)').message, /^unknown function 'foo_bar'$/);
  });

  it('reports every unknown function and range on an expression together, in order', () => {
    const q = 'max_over_time(abs(x)[48h]) + qauntile_over_time(0.5, x[1h])';
    assert.deepEqual(lintPromql(q).map((p) => q.slice(p.from, p.to)), ['[48h]', 'qauntile_over_time']);
  });

  it('reports the grammar’s first error where nothing more specific applies', () => {
    const p = only('x +* y');
    assert.equal(p.code, 'syntax');
    assert.equal(p.marked, '*');
    assert.match(only('1 +').message, /ends too early/);
  });
});
