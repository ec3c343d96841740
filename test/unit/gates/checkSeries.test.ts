// seriesOf: the series a chart of a check draws (its resolved range queries) and the rule its
// samples are held to, resolved like the check itself; or, for checks that measure one number, why
// there is no series.
import assert from 'node:assert/strict';
import { seriesOf } from '../../../src/core/gates/checks/run';
import { checkDefinition, gateDefinition, type GateDefinition } from '../../../src/core/gates/schema';
import { InputError } from '../../../src/core/util/errors';

const VARS = { window: '2h', job: 'api', t: '0.5', w: '0.9', a: '0.1', baseline: 'v1' };
const TCTX = { vars: VARS, cwd: '/ws' };
const GATE: GateDefinition = gateDefinition.parse({ key: 'g', id: 1, name: 'G', fail_action: 'NO-GO', remediation: 'fix', checks: [{ id: 'x', name: 'X', type: 'promql', query: 'up', comparator: '<=', threshold: 1 }] });
const series = (c: Record<string, unknown>, vars: Record<string, string> = VARS) => seriesOf(GATE, checkDefinition.parse({ id: 'c', name: 'N', ...c }), { ...TCTX, vars });
const unknownVar = (field: string) => (e: unknown) => e instanceof InputError && e.message === `gate 'g', check 'c', ${field}: no value for \${nope} (pass --var nope=…)`;

describe('gates: seriesOf (what a chart of a check draws)', () => {
  it('promql: its query, each sample against the threshold as an instant value', () => {
    assert.deepEqual(series({ type: 'promql', query: 'rate(x{job="${job}"}[${window}])', comparator: '<', threshold: '${t}' }), {
      queries: [{ role: 'value', query: 'rate(x{job="api"}[2h])' }],
      rule: { kind: 'threshold', comparator: '<', threshold: 0.5, measure: 'instant' },
    });
  });

  it('promql: unknown variables name the query, then the threshold', () => {
    assert.throws(() => series({ type: 'promql', query: 'x{a="${nope}"}', comparator: '<', threshold: 1 }), unknownVar('query'));
    assert.throws(() => series({ type: 'promql', query: 'x', comparator: '<', threshold: '${nope}' }), unknownVar('threshold'));
  });

  for (const reduce of ['max', 'min', 'avg', 'last'] as const) {
    it(`promql_range reduced by ${reduce}: each sample against the threshold, measured as ${reduce}`, () => {
      assert.deepEqual(series({ type: 'promql_range', query: 'x{job="${job}"}', reduce, comparator: '>=', threshold: '${t}' }), {
        queries: [{ role: 'value', query: 'x{job="api"}' }],
        rule: { kind: 'threshold', comparator: '>=', threshold: 0.5, measure: reduce },
      });
    });
  }

  it('promql_range share: each sample against `where`, the share against the threshold', () => {
    assert.deepEqual(series({ type: 'promql_range', query: 'x', reduce: 'share', where: { comparator: '<=', value: '${w}' }, comparator: '>=', threshold: '${t}' }), {
      queries: [{ role: 'value', query: 'x' }],
      rule: { kind: 'where', comparator: '<=', value: 0.9, threshold: { comparator: '>=', value: 0.5 } },
    });
  });

  it('promql_range: unknown variables name the query, the threshold, where.value', () => {
    const share = { type: 'promql_range', query: 'x', reduce: 'share', where: { comparator: '<=', value: 1 }, comparator: '>=', threshold: 1 };
    assert.throws(() => series({ ...share, query: 'x{a="${nope}"}' }), unknownVar('query'));
    assert.throws(() => series({ ...share, threshold: '${nope}' }), unknownVar('threshold'));
    assert.throws(() => series({ ...share, where: { comparator: '<=', value: '${nope}' } }), unknownVar('where.value'));
  });

  it('compare samples: one query per side with ${side} resolved, judged by the allowed shift', () => {
    assert.deepEqual(series({ type: 'compare', query: 'lat{version="${side}"}[${window}]', candidate: 'v2', direction: 'either', effect: 'absolute', allowed: '${a}' }), {
      queries: [
        { role: 'baseline', side: 'v1', query: 'lat{version="v1"}[2h]' },
        { role: 'candidate', side: 'v2', query: 'lat{version="v2"}[2h]' },
      ],
      rule: { kind: 'compare', direction: 'either', effect: 'absolute', allowed: 0.1 },
    });
  });

  it('compare samples: the schema defaults (increase, relative)', () => {
    const r = series({ type: 'compare', query: 'lat{version="${side}"}', candidate: 'v2', allowed: 0.2 });
    assert.deepEqual('rule' in r && r.rule, { kind: 'compare', direction: 'increase', effect: 'relative', allowed: 0.2 });
  });

  it('checks measuring one number have no series, and say why', () => {
    assert.deepEqual(series({ type: 'compare', errors: 'e', requests: 'r', candidate: 'v2', allowed: 0.5 }), { none: 'an error-count comparison measures two counts, not a series' });
    assert.deepEqual(series({ type: 'alert', alertname: 'A', comparator: '==', threshold: 0 }), { none: 'an alert check counts the series that fired, not a series of values' });
    assert.deepEqual(series({ type: 'json_value', file: 'r.json', path: 'v', comparator: '<=', threshold: 1 }), { none: 'a file check reads one value from a file, not a series' });
  });
});
