import assert from 'node:assert/strict';
import { graphLink } from '../../../src/core/prometheus/graphLink';

const PROM = 'http://127.0.0.1:9091';
const AT = '2026-11-27T02:00:00.000Z';

describe('prometheus graphLink', () => {
  it('round-trips the exact query and opens the graph tab over the window that ends at the evaluation time', () => {
    const q = 'sum(increase(aurora_ci_gating_violation_total{profile=~".*",a="b&c"}[48h])) + 0 == 0';
    const u = new URL(graphLink(`${PROM}/`, [q], { end: AT, range: '48h', stepSeconds: 60 }));
    assert.equal(`${u.origin}${u.pathname}`, `${PROM}/graph`);
    assert.equal(u.searchParams.get('g0.expr'), q);
    assert.equal(u.searchParams.get('g0.tab'), '0');
    assert.equal(u.searchParams.get('g0.end_input'), '2026-11-27 02:00:00');
    assert.equal(u.searchParams.get('g0.range_input'), '48h');
    assert.equal(u.searchParams.get('g0.step_input'), '60');
    assert.ok(!u.search.includes('+'), 'spaces are %20 and plus signs %2B, so the UI does not read either as the other');
    // The UI splits on '&' and reads '+' as a space: neither may appear raw inside the expression.
    const expr = u.search.slice(1).split('&').find((p) => p.startsWith('g0.expr='))!;
    assert.equal(decodeURIComponent(expr.slice('g0.expr='.length).replace(/\+/g, ' ')), q);
  });

  it('puts each expression in a panel of its own, all over the same window', () => {
    const u = new URL(graphLink(`${PROM}/prefix`, ['a{v="1"}', 'a{v="2"}'], { end: AT, range: '1h' }));
    assert.equal(u.pathname, '/prefix/graph');
    assert.deepEqual([u.searchParams.get('g0.expr'), u.searchParams.get('g1.expr')], ['a{v="1"}', 'a{v="2"}']);
    assert.equal(u.searchParams.get('g1.range_input'), '1h');
    assert.equal(u.searchParams.get('g1.step_input'), null);
  });

  it('leaves the end to the UI when the time cannot be read', () => {
    const u = new URL(graphLink(PROM, ['up'], { end: 'not a time', range: '48h' }));
    assert.equal(u.searchParams.get('g0.end_input'), null);
  });
});
