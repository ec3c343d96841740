// The gates report as buildReport assembles it: every field, and the next steps of every kind of
// decision (approved live and replayed, failing, failing during an outage, not carried out).
import assert from 'node:assert/strict';
import { CAUSE_HINT } from '../../../src/core/prometheus/cause';
import { buildReport, exitCodeFor, REPORT_SCHEMA_VERSION, type ReportMeta } from '../../../src/core/gates/report';
import { decideGates, findOutage } from '../../../src/core/verdict/outage';
import { DECISION_TEXT } from '../../../src/core/verdict/rollup';
import type { DataMode, GateResult } from '../../../src/core/verdict/types';
import { check, gate } from './results';

const SOURCE = 'http://p:9090';
const meta = (gates: GateResult[], dataMode: DataMode = 'live', extra: Partial<ReportMeta> = {}): ReportMeta => ({
  windowHours: 48,
  window: '48h',
  at: new Date('2026-11-26T12:00:00Z'),
  now: new Date('2026-11-26T12:00:05Z'),
  dataMode,
  source: SOURCE,
  gatesFile: 'configs/gates/aurora-ga.yaml',
  outage: findOutage(gates, SOURCE),
  ...extra,
});

describe('gates: the report (buildReport)', () => {
  it('carries the evaluation as given, and the decision with its exit code', () => {
    const gates = [gate('a', 'NO-GO', [check('p', 'PASS')])];
    const r = buildReport(gates, meta(gates, 'live', { profile: 'r2' }));
    assert.deepEqual(r, {
      schema_version: REPORT_SCHEMA_VERSION,
      timestamp: '2026-11-26T12:00:05.000Z',
      window_hours: 48,
      data_mode: 'live',
      overall_status: 'PASS',
      ga_status: 'PASS',
      gates,
      decision: DECISION_TEXT.APPROVED,
      decision_code: 'APPROVED',
      decision_reason: decideGates(gates, undefined).reason,
      next_steps: ['Enable ci_gating.hard_override: auto', 'Promote r2 profile with lock', 'Create GA Decision PR', 'Deploy to production'],
      source: SOURCE,
      profile: 'r2',
      promotable: true,
      evaluated_at: '2026-11-26T12:00:00.000Z',
      window: '48h',
      exit_code: 0,
      gates_file: 'configs/gates/aurora-ga.yaml',
    });
  });

  it('an approving replay is not promotable, exits 4 and says why in its only next step', () => {
    for (const mode of ['replay', 'demo'] as const) {
      const gates = [gate('a', 'NO-GO', [check('p', 'PASS')])];
      const r = buildReport(gates, meta(gates, mode));
      assert.deepEqual([r.decision_code, r.exit_code, r.promotable, r.data_mode], ['APPROVED', 4, false, mode]);
      assert.deepEqual(r.next_steps, [`Data mode '${mode}': this report cannot be used to promote; re-run against live Prometheus data`]);
      assert.equal('profile' in r, false, 'no profile key when none was given');
    }
  });

  it('a failing report lists why, then each gate that needs remediation (observe-only ones marked), then a re-run', () => {
    const gates = [
      gate('ok', 'NO-GO', [check('p', 'PASS')], 1),
      gate('bad', 'NO-GO', [check('f', 'FAIL')], 2),
      gate('watch', 'OBSERVE', [check('w', 'FAIL')], 3),
    ];
    const r = buildReport(gates, meta(gates, 'replay'));
    assert.deepEqual([r.decision_code, r.exit_code, r.overall_status, r.ga_status, r.decision], ['BLOCKED', 1, 'FAIL', 'FAIL', DECISION_TEXT.BLOCKED]);
    assert.deepEqual(r.next_steps, [
      "Data mode 'replay': this report cannot be used to promote; re-run against live Prometheus data",
      `Why: ${decideGates(gates, undefined).reason}`,
      'Address the following issues:',
      '- Gate 2: bad is FAIL',
      '  Remediation: fix bad',
      '- Gate 3: watch is FAIL (observe only)',
      '  Remediation: fix watch',
      'Re-run GA gates evaluation',
    ]);
    assert.equal(r.evaluation_error, undefined);
  });

  it('an outage that decides nothing is reported and named in the next steps instead of the reason', () => {
    // The unanswered check only warns (on_error: warn): the failing gate decides, BLOCKED.
    const gates = [gate('bad', 'NO-GO', [check('f', 'FAIL')], 1), gate('slow', 'NO-GO', [check('p', 'PASS'), check('q', 'WARN', 'deadline')], 2)];
    const m = meta(gates);
    const r = buildReport(gates, m);
    assert.equal(r.decision_code, 'BLOCKED');
    assert.equal(r.decision, DECISION_TEXT.BLOCKED, 'the headline is the decision, not the outage');
    assert.deepEqual(r.evaluation_error, m.outage);
    assert.deepEqual(r.next_steps, [`Not every query was answered: ${m.outage!.message}`, 'Address the following issues:', '- Gate 1: bad is FAIL', '  Remediation: fix bad', 'Re-run GA gates evaluation']);
  });

  it('an evaluation not carried out names the cause and its hint, what else did not pass, and a re-run; no remediation', () => {
    const gates = [gate('down', 'NO-GO', [check('q', 'FAIL', 'unreachable')], 1), gate('bad', 'NO-GO', [check('f', 'FAIL')], 2), gate('fine', 'NO-GO', [check('p', 'PASS')], 3)];
    const m = meta(gates, 'replay');
    const r = buildReport(gates, m);
    assert.deepEqual([r.decision_code, r.exit_code, r.overall_status], ['ERROR', 5, 'ERROR']);
    assert.equal(r.decision, `${DECISION_TEXT.ERROR} - ${m.outage!.message}`);
    assert.equal(r.decision_reason, m.outage!.message);
    assert.deepEqual(r.next_steps, [
      "Data mode 'replay': this report cannot be used to promote; re-run against live Prometheus data",
      CAUSE_HINT.unreachable,
      'Also not passing on the data that did arrive: Gate 2 (bad)',
      'Re-run GA gates evaluation',
    ]);
    const alone = [gate('down', 'NO-GO', [check('q', 'FAIL', 'unreachable')])];
    assert.deepEqual(buildReport(alone, meta(alone)).next_steps, [CAUSE_HINT.unreachable, 'Re-run GA gates evaluation']);
  });

  it('only live data can exit 0; every other decision keeps its own exit code whatever the data', () => {
    assert.equal(exitCodeFor('APPROVED', 'live'), 0);
    for (const mode of ['replay', 'demo'] as const) {
      assert.equal(exitCodeFor('APPROVED', mode), 4);
      assert.deepEqual((['BLOCKED', 'CONDITIONAL', 'INCONCLUSIVE', 'ERROR'] as const).map((d) => exitCodeFor(d, mode)), [1, 3, 4, 5]);
    }
  });
});
