// runCheck: measures a prepared check once and judges it; what it returns never quotes a secret
// (message, labels, quoted lines, error, note), and its duration is the measurement's, in tenths of
// a millisecond. The prepared checks here are built directly (a PreparedCheck is the contract
// between prepareCheck and runCheck), so each measurement is exactly what the test says.
import assert from 'node:assert/strict';
import type { CheckContext, Measured } from '../../../src/core/gates/checks/context';
import { runCheck, type PreparedCheck } from '../../../src/core/gates/checks/run';
import { checkDefinition, type ThresholdCheck } from '../../../src/core/gates/schema';

const SECRET = { name: 'AURORA_PROM_TOKEN', value: 'tok-3f9a1c77e2b5' };
const HIDDEN = '[AURORA_PROM_TOKEN redacted]';
const AT = new Date('2026-11-26T12:00:00Z');
const ctx = (secrets = [SECRET]): CheckContext => ({
  promSource: 'http://prom.test', at: AT, windowSeconds: 3600, window: '1h', stepSeconds: 60, vars: {}, cwd: '/ws',
  files: { roots: ['/ws'], allowOutside: false }, secrets, signal: AbortSignal.timeout(10_000),
});
const DEF = checkDefinition.parse({ id: 'c', name: 'N', type: 'log_pattern', files: ['a.log'], pattern: 'x', comparator: '==', threshold: 0 }) as ThresholdCheck;
const prepared = (m: Measured, measure = async () => m): PreparedCheck => ({ def: DEF, threshold: 0, measure });

describe('gates: runCheck measures once, judges, and shows no secret', () => {
  it('labels and notes have the secret replaced by its name; a quoted line carrying it is not shown', async () => {
    const r = await runCheck(prepared({
      kind: 'values',
      items: [{ labels: { file: `/logs/${SECRET.value}.log`, line: '3' }, value: 2, raw: `token=${SECRET.value} rejected` }, { value: 2, raw: 'plain' }],
      evidence: { kind: 'file', source: 'a.log', note: `read /logs/${SECRET.value}.log` },
    }), ctx());
    assert.deepEqual(r.evidence.raw, [
      { labels: { file: `/logs/${HIDDEN}.log`, line: '3' }, value: '[line not shown: it contains the value of AURORA_PROM_TOKEN]' },
      { value: 'plain' },
    ]);
    assert.equal(r.evidence.note, `read /logs/${HIDDEN}.log`);
    assert.equal('error' in r.evidence, false);
    assert.equal(r.message, `N: 2 — not equal to 0 (worst of 2 series: {file="/logs/${HIDDEN}.log", line="3"}, 2 failing)`);
  });

  it('an error and its message have the secret replaced by its name', async () => {
    const r = await runCheck(prepared({ kind: 'error', reason: `cannot open /x/${SECRET.value}`, evidence: { kind: 'file', source: 'a.log', error: `EACCES /x/${SECRET.value}` } }), ctx());
    assert.equal(r.message, `N: cannot open /x/${HIDDEN}`);
    assert.equal(r.evidence.error, `EACCES /x/${HIDDEN}`);
    assert.equal('note' in r.evidence, false);
  });

  it('without secrets the result is as judged', async () => {
    const r = await runCheck(prepared({ kind: 'error', reason: `cannot open /x/${SECRET.value}`, evidence: { kind: 'file', source: 'a.log' } }), ctx([]));
    assert.equal(r.message, `N: cannot open /x/${SECRET.value}`);
  });

  it('the duration is the measurement\'s, rounded to a tenth of a millisecond', async () => {
    // The clock is the only input of the duration: stubbed here so the expected value is exact
    // (12.345 ms between the reads before and after the measurement), not a timing assertion.
    const real = performance.now;
    let clock = 1000;
    performance.now = () => clock;
    try {
      const r = await runCheck(prepared({ kind: 'no_data', reason: 'no file', evidence: { kind: 'file', source: 'a.log' } }, async () => {
        clock += 12.345;
        return { kind: 'no_data', reason: 'no file', evidence: { kind: 'file', source: 'a.log' } };
      }), ctx([]));
      assert.equal(r.evidence.duration_ms, 12.3);
      assert.equal(r.evidence.evaluated_at, AT.toISOString());
    } finally {
      performance.now = real;
    }
  });
});
