import assert from 'node:assert/strict';
import { shortNumber } from '../../../src/core/verdict';
import { decisionHeadline } from '../../../src/providers/gates/decision';
import { buildGatesModel, escapeMarkdown } from '../../../src/providers/gates/model';
import type { CheckResult, DataMode, GateReport, GateResult } from '../../../src/core/verdict/types';

const AT = '2026-11-27T02:00:00.000Z';
const PROM = 'http://127.0.0.1:9091';

function check(over: Partial<CheckResult> & Pick<CheckResult, 'check_id' | 'outcome' | 'counts_as'>): CheckResult {
  return {
    name: over.check_id,
    value: 0.03,
    threshold: 0.05,
    comparator: '<=',
    severity: 'fail',
    message: 'measured',
    evidence: {
      kind: 'prometheus', source: PROM, query: 'avg_over_time(aurora_warn_rate[48h])', evaluated_at: AT, window: '48h',
      series_count: 1, raw: [{ labels: { profile: 'r2' }, value: '0.03' }], threshold: 0.05, comparator: '<=', duration_ms: 7,
    },
    ...over,
  };
}

function gate(key: string, id: number, status: GateResult['status'], checks: CheckResult[]): GateResult {
  return {
    gate_id: id, gate_name: `Gate ${key}`, status, value: null, threshold: null, condition: 'cond', message: `${key} says ${status}`,
    fail_action: 'NO-GO', key, remediation: `fix ${key}`, checks,
  };
}

function report(mode: DataMode, gates: GateResult[]): GateReport {
  return {
    schema_version: 2, timestamp: AT, window_hours: 48, data_mode: mode, overall_status: 'FAIL', ga_status: 'FAIL', gates,
    decision: '❌ GA PROMOTION BLOCKED - Critical failures detected', decision_code: 'BLOCKED', next_steps: [], source: PROM,
  };
}

const sample = (mode: DataMode = 'live') => report(mode, [
  gate('stability', 1, 'PASS', [check({ check_id: 'warn_rate', outcome: 'PASS', counts_as: 'PASS' })]),
  gate('dcts', 2, 'FAIL', [
    check({ check_id: 'divergence', outcome: 'FAIL', counts_as: 'FAIL', value: 0.21, threshold: 0.15 }),
    check({
      check_id: 'var_ratio', outcome: 'NO_DATA', counts_as: 'FAIL', value: null, threshold: 0.85,
      evidence: { kind: 'file', source: '/ws/artifacts/dcts_audit/report.json', path: 'var_ratio', evaluated_at: AT, raw: [], threshold: 0.85, comparator: '<=', duration_ms: 1 },
    }),
  ]),
]);

describe('gates-view model', () => {
  it('has one node per gate and one child per check, worded as measured against required', () => {
    const m = buildGatesModel(sample());
    assert.deepEqual(m.gates.map((g) => [g.label, g.description, g.icon.id]), [
      ['1. Gate stability', 'PASS', 'pass'],
      ['2. Gate dcts', 'FAIL · NO-GO', 'error'],
    ]);
    assert.deepEqual(m.gates[1].checks.map((c) => [c.label, c.description, c.icon.id, c.icon.color]), [
      ['divergence', '0.21 — above the limit 0.15', 'error', 'testing.iconFailed'],
      ['var_ratio', 'no data — required at most 0.85', 'circle-slash', 'testing.iconFailed'],
    ]);
    assert.equal(m.gates[0].checks[0].description, '0.03 — within the limit 0.05');
    assert.ok(m.gates[1].tooltip.includes('divergence: 0\\.21 — above the limit 0\\.15'), m.gates[1].tooltip);
    assert.equal(m.decisionCode, 'BLOCKED');
    assert.equal(m.dataMode, 'live');
  });

  it('puts the evidence and, for failures only, the remediation in the tooltips', () => {
    const m = buildGatesModel(sample());
    const failing = m.gates[1].checks[0].tooltip;
    assert.match(failing, /avg_over_time\(aurora_warn_rate\[48h\]\)/);
    assert.match(failing, /127\.0\.0\.1:9091/);
    assert.match(failing, /profile="r2"/);
    assert.match(failing, /Next step:\*\* fix dcts/);
    assert.doesNotMatch(m.gates[0].checks[0].tooltip, /Next step/);
    assert.match(m.gates[1].checks[1].tooltip, /file ` \/ws\/artifacts\/dcts_audit\/report\.json `/);
  });

  it('links only live Prometheus checks to the expression browser', () => {
    const live = buildGatesModel(sample('live'));
    assert.ok(live.gates[1].checks[0].queryUrl?.startsWith(`${PROM}/graph?`));
    assert.equal(live.gates[1].checks[1].queryUrl, undefined, 'a file check has no query');
    const demo = buildGatesModel(sample('demo'));
    assert.equal(demo.gates[1].checks[0].queryUrl, undefined, 'recorded data may come from an unreachable server');
    assert.match(demo.gates[1].checks[0].tooltip, /DEMO data/);
  });

  it('escapes Markdown from gate files and messages so they cannot inject links', () => {
    assert.equal(escapeMarkdown('[click](http://x) *b* `c` a|b'), '\\[click\\]\\(http://x\\) \\*b\\* \\`c\\` a\\|b');
    const r = sample();
    r.gates[0].checks[0].message = '[click](command:workbench.action.terminal.new)';
    const tip = buildGatesModel(r).gates[0].checks[0].tooltip;
    assert.ok(!tip.includes('[click](command:'), tip);
  });

  it('formats numbers short and never hides NaN', () => {
    assert.deepEqual([0, 3, 0.1 + 0.2, 1 / 3, Number.NaN, Infinity].map(shortNumber), ['0', '3', '0.3', '0.3333', 'NaN', '+Inf']);
  });

  it('opens with a decision row naming the deciding gate, the data mode, and no times of its own', () => {
    const m = buildGatesModel(sample('demo'));
    assert.deepEqual(m.decidingGates, ['Gate dcts']);
    assert.deepEqual([m.decisionNode.label, m.decisionNode.description, m.decisionNode.icon.id], ['BLOCKED — Gate dcts', 'DEMO data — cannot promote', 'error']);
    assert.match(m.decisionNode.tooltip, /Decided by: Gate dcts/);
    assert.equal(buildGatesModel(sample('live')).decisionNode.description, 'live');
  });

  it('names no deciding gate when the report\'s code is not the rule\'s (or nothing decided)', () => {
    const r = sample();
    r.decision_code = 'ERROR';
    assert.deepEqual(buildGatesModel(r).decidingGates, []);
    assert.equal(buildGatesModel(r).decisionNode.label, 'ERROR');
    assert.equal(decisionHeadline('BLOCKED', ['Stability', 'DCTS', 'Model QA']), 'BLOCKED — Stability +2');
    assert.equal(decisionHeadline('APPROVED', []), 'APPROVED');
  });
});
