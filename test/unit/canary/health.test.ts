import assert from 'node:assert/strict';
import { DEFAULT_HEALTH_CHECKS, healthCheckSpecSchema } from '../../../src/core/canary/config';
import { analyseSummary, readPath } from '../../../src/core/canary/health';

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
    assert.deepEqual(readPath({}, 'constructor'), { found: false, value: null });
  });
});
