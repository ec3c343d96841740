// The range check (src/core/gates/checks/range.ts) against a stub client: each reducer, the `share`
// of samples satisfying `where`, the step count in the window, and what an empty answer gives.
import assert from 'node:assert/strict';
import type { CheckContext } from '../../../src/core/gates/checks/context';
import { measureRange } from '../../../src/core/gates/checks/range';
import type { CheckDefinition } from '../../../src/core/gates/schema';
import type { PrometheusClient, QueryOutcome } from '../../../src/core/prometheus/client';

type RangeCheck = Extract<CheckDefinition, { type: 'promql_range' }>;
const AT = new Date('2026-11-26T12:00:00Z');

function ctxWith(answer: QueryOutcome | undefined, windowSeconds = 600, stepSeconds = 60): CheckContext & { asked: unknown[][] } {
  const asked: unknown[][] = [];
  const client = answer && ({ range: async (...a: unknown[]) => (asked.push(a), answer) } as unknown as PrometheusClient);
  return { client, asked, promSource: 'http://prom', at: AT, windowSeconds, window: `${windowSeconds}s`, stepSeconds, vars: {}, cwd: '/', signal: new AbortController().signal, files: { roots: ['/'], allowOutside: true }, secrets: [] };
}
const matrix = (series: { labels: Record<string, string>; values: string[] }[], warnings: string[] = []): QueryOutcome => ({
  ok: true, resultType: 'matrix', warnings, durationMs: 1, attempts: 1,
  series: series.map((s) => ({ labels: s.labels, values: s.values.map((v, i) => [AT.getTime() / 1000 - 60 * i, v] as [number, string]) })),
});
const check = (reduce: RangeCheck['reduce']) => ({ name: 'n', comparator: '<=', threshold: 1, severity: 'fail', on_missing: 'fail', on_error: 'fail', id: 'r', type: 'promql_range', query: 'q', reduce }) as RangeCheck;

async function items(reduce: RangeCheck['reduce'], values: string[], where?: { comparator: RangeCheck['comparator']; value: number }, window = 600) {
  const m = await measureRange(check(reduce), 'q', where, ctxWith(matrix([{ labels: { pod: 'a' }, values }]), window));
  assert.equal(m.kind, 'values');
  return m.kind === 'values' ? m : assert.fail('no values');
}

describe('gates: range reducers', () => {
  const samples = ['3', '9', '1', '5'];

  it('max, min, avg and last of a series\' samples', async () => {
    assert.equal((await items('max', samples)).items[0].value, 9);
    assert.equal((await items('min', samples)).items[0].value, 1);
    assert.equal((await items('avg', samples)).items[0].value, (3 + 9 + 1 + 5) / 4);
    assert.equal((await items('last', samples)).items[0].value, 5);
  });

  it('the item says how many of the window\'s steps had a sample: floor(window / step) + 1', async () => {
    // 600 s at 60 s: 11 steps; 150 s at 60 s: 3 steps (00:00, 01:00, 02:00).
    assert.equal((await items('max', samples)).items[0].raw, '4 of 11 steps have samples, max = 9');
    assert.equal((await items('avg', ['2', '4'], undefined, 150)).items[0].raw, '2 of 3 steps have samples, avg = 3');
    const odd = await items('last', ['1', 'NaN', '+Inf']);
    assert.equal(odd.items[0].raw, '3 of 11 steps have samples, 2 non-finite (never satisfy anything), last = +Inf');
    assert.equal(odd.evidence.note, undefined);
    // `where` only shapes a share: with another reducer it changes neither the value nor the text.
    const withWhere = await items('max', samples, { comparator: '<=', value: 4 });
    assert.deepEqual([withWhere.items[0].value, withWhere.items[0].raw, withWhere.evidence.note], [9, '4 of 11 steps have samples, max = 9', undefined]);
  });

  it('share is the fraction of samples satisfying where, stated as a count, with a note on how it is counted', async () => {
    const m = await items('share', ['0.5', '2', '1', 'NaN', '0.9'], { comparator: '<=', value: 1 });
    assert.equal(m.items[0].value, 3 / 5);
    assert.equal(m.items[0].raw, '3 of 5 samples <= 1 (11 steps in the window, 1 non-finite (never satisfy anything))');
    assert.equal(m.evidence.note, 'share = samples satisfying the condition / samples in the window (steps without a sample are not counted)');
    const gt = await items('share', ['0.5', '2', '1'], { comparator: '>', value: 1 });
    assert.deepEqual([gt.items[0].value, gt.items[0].raw], [1 / 3, '1 of 3 samples > 1 (11 steps in the window)']);
  });

  it('a series without samples is NaN (no data), whichever the reducer', async () => {
    for (const r of ['max', 'min', 'avg', 'last'] as const) {
      const m = await items(r, []);
      assert.ok(Number.isNaN(m.items[0].value), r);
      assert.equal(m.items[0].raw, `0 of 11 steps have samples, ${r} = NaN`);
    }
    assert.ok(Number.isNaN((await items('share', [], { comparator: '<=', value: 1 })).items[0].value));
  });

  it('each series is one item with its labels', async () => {
    const m = await measureRange(check('max'), 'q', undefined, ctxWith(matrix([{ labels: { pod: 'a' }, values: ['1', '2'] }, { labels: { pod: 'b' }, values: ['7'] }])));
    assert.deepEqual(m.kind === 'values' && m.items.map((i) => [i.labels, i.value]), [[{ pod: 'a' }, 2], [{ pod: 'b' }, 7]]);
  });

  it('asks the client for [at − window, at] at the step, and the evidence shows that range', async () => {
    const c = ctxWith(matrix([{ labels: {}, values: ['1'] }]));
    const m = await measureRange(check('max'), 'up', undefined, c);
    const start = new Date(AT.getTime() - 600_000);
    assert.deepEqual(c.asked[0].slice(0, 4), ['up', start, AT, 60]);
    assert.deepEqual(m.evidence.range, { start: start.toISOString(), end: AT.toISOString(), step_seconds: 60 });
    assert.deepEqual([m.evidence.kind, m.evidence.source, m.evidence.query, m.evidence.window], ['prometheus', 'http://prom', 'up', '600s']);
  });

  it('server warnings are kept in the evidence; none, no warnings field', async () => {
    const warned = await measureRange(check('max'), 'q', undefined, ctxWith(matrix([{ labels: {}, values: ['1'] }], ['slow query'])));
    assert.deepEqual(warned.evidence.warnings, ['slow query']);
    assert.equal(warned.evidence.attempts, 1);
    const quiet = await measureRange(check('max'), 'q', undefined, ctxWith(matrix([{ labels: {}, values: ['1'] }])));
    assert.equal('warnings' in quiet.evidence, false);
  });

  it('no series is NO_DATA; no Prometheus configured is an ERROR; a failed query is the failure', async () => {
    const none = await measureRange(check('max'), 'q', undefined, ctxWith(matrix([])));
    assert.deepEqual([none.kind, none.kind === 'no_data' && none.reason, none.kind === 'no_data' && none.seriesCount], ['no_data', 'the range query returned no series', 0]);
    const unconfigured = await measureRange(check('max'), 'q', undefined, ctxWith(undefined));
    assert.deepEqual([unconfigured.kind, unconfigured.kind === 'error' && unconfigured.reason], ['error', 'no Prometheus URL configured']);
    assert.equal(unconfigured.evidence.query, 'q');
    const failed = await measureRange(check('max'), 'q', undefined, ctxWith({ ok: false, kind: 'rejected', status: 400, message: 'parse error', durationMs: 1, attempts: 1 }));
    assert.deepEqual([failed.kind, failed.kind === 'error' && failed.reason], ['error', 'parse error']);
    const vector = await measureRange(check('max'), 'q', undefined, ctxWith({ ...matrix([{ labels: {}, values: ['1'] }]), resultType: 'vector' } as QueryOutcome));
    assert.equal(vector.kind, 'error');
    assert.equal(vector.kind === 'error' && vector.evidence.error, vector.kind === 'error' && vector.reason);
    assert.match(vector.kind === 'error' ? vector.reason : '', /^expected a range vector \(matrix\), the server answered an instant vector/);
  });
});
