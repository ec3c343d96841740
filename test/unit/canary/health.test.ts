import assert from 'node:assert/strict';
import { DEFAULT_HEALTH_CHECKS, healthCheckSpecSchema } from '../../../src/core/canary/config';
import { analyseSummary, readPath, unhealthy } from '../../../src/core/canary/health';

const healthy = { r2_main_loop: { decisions: 3, execution_decisions: { PASS: 2 } }, r2_preloop: { exit_kind: 'exit', skip_reasons: { zero_budget: 0 } } };

describe('canary health analysis', () => {
  it('passes a summary meeting the original four checks and keeps the original figures', () => {
    const h = analyseSummary(healthy, DEFAULT_HEALTH_CHECKS, 1);
    assert.equal(h.healthy, true);
    assert.equal(h.reason, undefined);
    assert.deepEqual(h.health_checks, { has_decisions: true, has_executions: true, clean_exit: true, no_zero_budget: true });
    assert.deepEqual([h.decisions, h.executions, h.exit_kind, h.zero_budget], [3, 1, 'exit', 0]);
  });

  it('fails each original check on its own condition, naming the value', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...healthy, r2_main_loop: { decisions: 0, execution_decisions: { PASS: 1 } } }, 'has_decisions', /r2_main_loop\.decisions = 0, needs > 0/],
      [{ ...healthy, r2_main_loop: { decisions: 2, execution_decisions: {} } }, 'has_executions', /has 0 key\(s\), needs 1/],
      [{ ...healthy, r2_preloop: { exit_kind: 'timeout', skip_reasons: { zero_budget: 0 } } }, 'clean_exit', /exit_kind = "timeout", needs == "exit"/],
      [{ ...healthy, r2_preloop: { exit_kind: 'exit', skip_reasons: { zero_budget: 4 } } }, 'no_zero_budget', /zero_budget = 4, needs == 0/],
    ];
    for (const [summary, id, why] of cases) {
      const h = analyseSummary(summary, DEFAULT_HEALTH_CHECKS, 2);
      assert.equal(h.healthy, false, id);
      assert.deepEqual(Object.entries(h.health_checks!).filter(([, ok]) => !ok).map(([k]) => k), [id]);
      assert.match(h.reason!, why);
    }
  });

  it('never passes a missing key silently (the original defaulted zero_budget to 0), unless on_missing: pass', () => {
    const noSkips = { r2_main_loop: healthy.r2_main_loop, r2_preloop: { exit_kind: 'exit' } };
    const h = analyseSummary(noSkips, DEFAULT_HEALTH_CHECKS, 1);
    assert.equal(h.healthy, false);
    assert.match(h.reason!, /no_zero_budget: r2_preloop\.skip_reasons\.zero_budget missing from the summary/);
    assert.equal(h.checks!.find((c) => c.id === 'no_zero_budget')!.missing, true);
    const lenient = DEFAULT_HEALTH_CHECKS.map((c) => (c.id === 'no_zero_budget' ? { ...c, on_missing: 'pass' as const } : c));
    assert.equal(analyseSummary(noSkips, lenient, 1).healthy, true);
  });

  it('supports configurable checks with every comparator and rejects wrong types', () => {
    const spec = (op: string, value: unknown) => healthCheckSpecSchema.parse({ id: 'c', path: 'm.v', op, value });
    const judge = (op: string, value: unknown, actual: unknown) => analyseSummary({ m: { v: actual } }, [spec(op, value)], 1).healthy;
    assert.equal(judge('>=', 0.5, 0.5), true);
    assert.equal(judge('<', 0.5, 0.5), false);
    assert.equal(judge('<=', 1, 0.2), true);
    assert.equal(judge('!=', 'error', 'ok'), true);
    assert.equal(judge('==', true, true), true);
    assert.equal(judge('>', 0, '5'), false, 'a string is not a number');
    assert.equal(judge('min_keys', 2, { a: 1 }), false);
    assert.equal(judge('min_keys', 2, ['a', 'b']), false, 'an array is not an object');
    assert.throws(() => spec('min_keys', 'x'));
  });

  it('reads dotted paths only through objects', () => {
    assert.deepEqual(readPath({ a: { b: 0 } }, 'a.b'), { found: true, value: 0 });
    assert.deepEqual(readPath({ a: [1] }, 'a.0'), { found: false, value: null });
    assert.deepEqual(readPath({ a: null }, 'a.b'), { found: false, value: null });
    assert.deepEqual(readPath({ a: 'abc' }, 'a.length'), { found: false, value: null }, 'a string has no keys to follow');
    assert.deepEqual(readPath({}, 'constructor'), { found: false, value: null });
  });
});

describe('canary health analysis: each rule at its edge', () => {
  const spec = (op: string, value: unknown, extra: object = {}) => healthCheckSpecSchema.parse({ id: 'c', path: 'm.v', op, value, ...extra });
  const judge = (op: string, value: unknown, actual: unknown) => analyseSummary({ m: { v: actual } }, [spec(op, value)], 1);

  it('compares at the threshold itself: > and < exclude it, >= and <= include it', () => {
    const at = (op: string) => judge(op, 2, 2).healthy;
    assert.deepEqual(['>', '>=', '<', '<='].map(at), [false, true, false, true]);
    assert.deepEqual(['>', '>=', '<', '<='].map((op) => judge(op, 2, 3).healthy), [true, true, false, false]);
    assert.deepEqual(['>', '>=', '<', '<='].map((op) => judge(op, 2, 1).healthy), [false, false, true, true]);
  });

  it('== and != compare exactly, and an ordering comparator never passes a value that is not a finite number', () => {
    assert.deepEqual([judge('==', 'exit', 'exit').healthy, judge('==', 'exit', 'timeout').healthy], [true, false]);
    assert.deepEqual([judge('!=', 0, 0).healthy, judge('!=', 0, 1).healthy], [false, true]);
    // JSON.parse reads 1e999 as Infinity: a summary can hold it.
    const infinite = JSON.parse('{"m": {"v": 1e999}}');
    assert.equal(analyseSummary(infinite, [spec('>', 0)], 1).healthy, false, 'Infinity is not a measurement');
    assert.equal(judge('<', 5, null).healthy, false);
    assert.equal(judge('>', 5, 3).healthy, false, 'a number below the threshold');
  });

  it('min_keys counts the keys of an object only, reaching the bound exactly', () => {
    assert.equal(judge('min_keys', 2, { a: 1, b: 2 }).healthy, true);
    assert.equal(judge('min_keys', 0, {}).healthy, true);
    assert.equal(judge('min_keys', 0, 7).healthy, false, 'a number has no keys to count');
    assert.equal(judge('min_keys', 0, null).healthy, false);
    assert.equal(judge('min_keys', 0, []).healthy, false);
  });

  it('says why a check failed: the value and the need, "not an object" for min_keys on anything else', () => {
    assert.equal(judge('min_keys', 2, null).reason, 'Unhealthy: c: m.v has not an object key(s), needs 2');
    assert.equal(judge('min_keys', 2, 'ab').reason, 'Unhealthy: c: m.v has not an object key(s), needs 2');
    assert.equal(judge('min_keys', 3, { a: 1 }).reason, 'Unhealthy: c: m.v has 1 key(s), needs 3');
    assert.equal(judge('>=', 1, 0.5).reason, 'Unhealthy: c: m.v = 0.5, needs >= 1');
    assert.equal(analyseSummary({}, [spec('==', 'x')], 1).reason, 'Unhealthy: c: m.v missing from the summary');
  });

  it('lists every failed check in the reason, in the order configured', () => {
    const checks = [spec('>', 0, { id: 'first' }), spec('==', 'x', { id: 'second', path: 'm.w' }), spec('<', 10, { id: 'third' })];
    const h = analyseSummary({ m: { v: 0, w: 'y' } }, checks, 4);
    assert.equal(h.reason, 'Unhealthy: first: m.v = 0, needs > 0; second: m.w = "y", needs == "x"');
    assert.deepEqual(h.health_checks, { first: false, second: false, third: true });
    assert.equal(h.run_id, 4);
  });

  it('describes a check by its description, else by its rule; min_keys in words', () => {
    const described = (over: object) => analyseSummary({}, [spec('min_keys', 1, over)], 1).checks![0].description;
    assert.equal(described({ description: 'has executions' }), 'has executions');
    assert.equal(described({}), 'm.v has at least 1 key');
    assert.equal(analyseSummary({}, [spec('min_keys', 2)], 1).checks![0].description, 'm.v has at least 2 keys');
    assert.equal(analyseSummary({}, [spec('==', 'exit')], 1).checks![0].description, 'm.v == "exit"');
  });

  it('keeps the original figures only when the summary holds them with the right type', () => {
    const odd = { r2_main_loop: { decisions: '3', execution_decisions: null }, r2_preloop: { exit_kind: 0, skip_reasons: { zero_budget: '0' } } };
    const h = analyseSummary(odd, DEFAULT_HEALTH_CHECKS, 1);
    assert.deepEqual([h.decisions, h.executions, h.exit_kind, h.zero_budget], [undefined, undefined, undefined, undefined]);
    assert.equal(analyseSummary({ r2_main_loop: { execution_decisions: 7 } }, DEFAULT_HEALTH_CHECKS, 1).executions, undefined, 'a number is no set of decisions');
    const listed = analyseSummary({ r2_main_loop: { execution_decisions: { A: 1, B: 0, C: 2 } } }, DEFAULT_HEALTH_CHECKS, 1);
    assert.equal(listed.executions, 3);
  });

  it('an unhealthy record without analysis carries only the reason and the run', () => {
    assert.deepEqual(unhealthy(5, 'Run failed: exit code 2'), { healthy: false, reason: 'Run failed: exit code 2', run_id: 5 });
  });
});
