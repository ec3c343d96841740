// The view model the webview, the CLI and the export are drawn from, field by field, from the
// fixture's values (fixtures.ts).
import assert from 'node:assert/strict';
import { approvedEvaluation } from '../../../src/core/attest/signoff';
import type { ChecklistInputs } from '../../../src/core/checklist/inputs';
import type { ChecklistState } from '../../../src/core/checklist/state';
import { buildChecklist, type StateResult } from '../../../src/core/checklist/view';
import { untrusted } from '../../../src/core/checklist/signoff';
import { check, completeState, inputs, LOCKS_SHA, REPORT_SHA, verified, loadedValue } from './fixtures';

const NOW = new Date('2026-11-28T10:00:00Z');
const GATES = 'artifacts/ga/gates_report.json';
const CANARY = 'artifacts/canary_results.json';
const AUDIT = 'artifacts/dcts_audit/report.json';

const loaded = (state: ChecklistState, unknownItems: string[] = []): StateResult => ({ ok: true, loaded: { state, existed: true, unknownItems } });
const viewOf = (i: ChecklistInputs = inputs(), s: ChecklistState = completeState(), result?: StateResult) => buildChecklist(i, result ?? loaded(s), NOW, verified()).view;
const itemOf = (v: ReturnType<typeof viewOf>, id: string) => v.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((x) => x.id === id);

const gatesOf = (i: ChecklistInputs) => loadedValue(i, 'gates');
const canaryOf = (i: ChecklistInputs) => loadedValue(i, 'canary');

describe('checklist view model', () => {
  it('shows each gate with its checks, their values and where they were measured', () => {
    const i = inputs();
    const g = gatesOf(i).gates[0];
    const file = check('hard_log_lines', 'HARD log lines', 2, 0, 'FAIL', '==');
    g.checks[2] = { ...file, evidence: { ...file.evidence, kind: 'file', source: 'artifacts/ci/gating.log', query: undefined, path: '\\[CI-GATING\\]\\[HARD\\]' } };
    g.checks[1] = { ...g.checks[1], evidence: { ...g.checks[1].evidence, query: undefined } };
    const v = viewOf(i).gates;
    assert.ok(v);
    assert.deepEqual([v.dataMode, v.decisionCode, v.decision, v.timestamp, v.source], ['live', 'APPROVED', '✅ GA PROMOTION APPROVED - All gates passed', '2026-11-27T00:00:00Z', 'http://127.0.0.1:9090']);
    assert.deepEqual(v.gates.map((x) => [x.gateId, x.key, x.name, x.failAction]), [[1, 'stability', 'Stability / Hard-fail', 'NO-GO'], [2, 'dcts', 'DCTS Robustness', 'NO-GO'], [3, 'coverage', 'Coverage Control', 'NO-GO'], [4, 'risk_dro', 'Risk / DRO Health', 'CONDITIONAL'], [5, 'model_qa', 'Model QA', 'NO-GO']]);
    assert.deepEqual(v.gates[0], {
      gateId: 1, key: 'stability', name: 'Stability / Hard-fail', status: 'PASS', failAction: 'NO-GO', message: 'all checks pass',
      checks: [
        { checkId: 'violations', name: 'CI gating violations', outcome: 'PASS', countsAs: 'PASS', value: 0, threshold: 0, comparator: '==', message: 'CI gating violations 0', source: 'http://127.0.0.1:9090', query: 'q_violations' },
        { checkId: 'warn_rate', name: 'Warning rate', outcome: 'PASS', countsAs: 'PASS', value: 0.01, threshold: 0.05, comparator: '<=', message: 'Warning rate 0.01', source: 'http://127.0.0.1:9090', query: null },
        { checkId: 'hard_log_lines', name: 'HARD log lines', outcome: 'FAIL', countsAs: 'FAIL', value: 2, threshold: 0, comparator: '==', message: 'HARD log lines 2', source: 'artifacts/ci/gating.log', query: '\\[CI-GATING\\]\\[HARD\\]' },
      ],
    });
    const none = inputs();
    none.gates = { state: 'missing', where: GATES, file: GATES, detail: 'not found' };
    assert.equal(viewOf(none).gates, null);
  });

  it('shows each canary run with its health, matched by run id, or by position in files that have no run ids', () => {
    const i = inputs();
    const c = canaryOf(i);
    c.run_results[1] = { ...c.run_results[1], success: false, exit_code: 3, duration: 0.25, reason: 'crash' };
    c.health_results = [...c.health_results].reverse();
    c.health_results.find((h) => h.run_id === 2)!.healthy = false;
    const v = viewOf(i).canary;
    assert.ok(v);
    assert.deepEqual({ ...v, runs: v.runs.slice(0, 3) }, {
      profile: 'configs/profiles/r2.yaml', dataMode: 'live', status: 'PASS', successRate: 1, healthRate: 1, successThreshold: 0.7, healthThreshold: 0.7, timestamp: '2026-11-27T00:00:00Z',
      runs: [
        { runId: 1, success: true, healthy: true, durationS: 1.5, exitCode: 0, reason: null },
        { runId: 2, success: false, healthy: false, durationS: 0.25, exitCode: 3, reason: 'crash' },
        { runId: 3, success: true, healthy: true, durationS: 1.5, exitCode: 0, reason: null },
      ],
    });
    assert.equal(v.runs.length, 10);

    // The original tool wrote health results in run order, without run ids.
    const old = inputs();
    const o = canaryOf(old);
    delete o.data_mode;
    o.health_results = o.run_results.map((r) => ({ healthy: r.run_id !== 4 }));
    const ov = viewOf(old).canary!;
    assert.equal(ov.dataMode, 'live');
    assert.deepEqual(ov.runs.map((r) => r.healthy), [true, true, true, false, true, true, true, true, true, true]);
    // Some with ids and some without: positions, as the file cannot be read by id.
    o.health_results[0] = { healthy: false, run_id: 1 };
    assert.deepEqual(viewOf(old).canary!.runs.map((r) => r.healthy), [false, true, true, false, true, true, true, true, true, true]);
    // Without ids and not one per run, nothing can be matched.
    o.health_results = o.health_results.slice(1).map((h) => ({ healthy: h.healthy }));
    assert.deepEqual(viewOf(old).canary!.runs.map((r) => r.healthy), Array(10).fill(null));
    const none = inputs();
    none.canary = { state: 'missing', where: CANARY, file: CANARY, detail: 'not found' };
    assert.equal(viewOf(none).canary, null);
  });

  it('shows each source with what it concludes, or why it could not be read', () => {
    assert.deepEqual(viewOf().sources, [
      { name: 'Gate report', where: GATES, file: GATES, state: 'ok', verdict: 'pass', detail: 'APPROVED · live data · 2026-11-27T00:00:00Z' },
      { name: 'Canary results', where: CANARY, file: CANARY, state: 'ok', verdict: 'pass', detail: 'PASS · live runs · 2026-11-27T00:00:00Z' },
      { name: 'Profile locks', where: 'profile locks in the workspace', file: null, state: 'ok', verdict: 'pass', detail: '2 of 2 profile(s) valid' },
      { name: 'DCTS audit', where: AUDIT, file: AUDIT, state: 'ok', verdict: 'pass', detail: 'PASS' },
      { name: 'Readiness', where: 'readiness checks', file: null, state: 'ok', verdict: 'pass', detail: 'READY' },
    ]);
    const i = inputs();
    i.gates = { state: 'missing', where: GATES, file: GATES, detail: 'not found' };
    i.canary = { state: 'error', where: CANARY, file: CANARY, detail: 'not JSON' };
    i.locks = { state: 'error', where: 'profile locks in the workspace', detail: 'EACCES' };
    i.audit = { state: 'missing', where: AUDIT, file: AUDIT, detail: 'not found' };
    i.readiness = { state: 'error', where: 'readiness checks', detail: 'not run' };
    assert.deepEqual(viewOf(i).sources, [
      { name: 'Gate report', where: GATES, file: GATES, state: 'missing', detail: 'not found', verdict: null },
      { name: 'Canary results', where: CANARY, file: CANARY, state: 'error', detail: 'not JSON', verdict: null },
      { name: 'Profile locks', where: 'profile locks in the workspace', file: null, state: 'error', detail: 'EACCES', verdict: null },
      { name: 'DCTS audit', where: AUDIT, file: AUDIT, state: 'missing', detail: 'not found', verdict: null },
      { name: 'Readiness', where: 'readiness checks', file: null, state: 'error', detail: 'not run', verdict: null },
    ]);
  });

  it('colours each source by its verdict word, and says why when it is not a pass', () => {
    const src = (i: ChecklistInputs, name: string) => viewOf(i).sources.find((s) => s.name === name)!;
    const verdict = (i: ChecklistInputs, name: string) => [src(i, name).verdict, src(i, name).detail];
    for (const [code, expected] of [['CONDITIONAL', 'warn'], ['BLOCKED', 'fail'], ['INCONCLUSIVE', 'fail'], ['ERROR', 'fail']] as const) {
      const i = inputs();
      gatesOf(i).decision_code = code;
      assert.deepEqual(verdict(i, 'Gate report'), [expected, `${code} · live data · 2026-11-27T00:00:00Z`], code);
    }
    const demo = inputs();
    gatesOf(demo).data_mode = 'demo';
    assert.deepEqual(verdict(demo, 'Gate report'), ['fail', 'APPROVED · demo data · 2026-11-27T00:00:00Z']);

    const failed = inputs();
    canaryOf(failed).evaluation.status = 'FAIL';
    delete canaryOf(failed).data_mode;
    assert.deepEqual(verdict(failed, 'Canary results'), ['fail', 'FAIL · live runs · 2026-11-27T00:00:00Z']);

    const locks = inputs();
    if (locks.locks.state !== 'ok') throw new Error('locks fixture not ok');
    locks.locks.value.results.push({ profile: 'configs/profiles/new.yaml', lockFile: null, status: 'missing', detail: '', files: [] });
    locks.locks.value.results[1] = { ...locks.locks.value.results[1], status: 'invalid' };
    assert.deepEqual(verdict(locks, 'Profile locks'), ['fail', '1 of 3 profile(s) valid — configs/profiles/smoke.yaml: invalid; configs/profiles/new.yaml: missing']);

    for (const [status, expected] of [['WARN', 'warn'], ['FAIL', 'fail'], ['NO_DATA', 'fail']] as const) {
      const i = inputs();
      i.audit = { state: 'ok', where: AUDIT, file: AUDIT, value: { status, details: ['var_ratio 0.9'] } };
      assert.deepEqual(verdict(i, 'DCTS audit'), [expected, status], status);
    }
    // A pass is not explained: readiness READY lists no failing check even if one is there.
    const ready = inputs();
    if (ready.readiness.state !== 'ok') throw new Error('readiness fixture not ok');
    ready.readiness.value.results[0] = { ...ready.readiness.value.results[0], passed: false, message: 'odd' };
    assert.deepEqual(verdict(ready, 'Readiness'), ['pass', 'READY']);
  });

  it('fills the header from the state, else from the date and the release candidate\'s version', () => {
    const s = completeState();
    assert.deepEqual(viewOf(inputs(), s).header, { date: '2026-11-28', rcVersion: '0.4.0-rc1', targetVersion: '0.4.0', releaseManager: 'release_manager person' });
    for (const [rc, target] of [['1.2.0-rc.12', '1.2.0'], ['1.2.0-rc12', '1.2.0'], ['1.2.0-rc1-hotfix', '1.2.0-rc1-hotfix'], ['1.2.0', '1.2.0']]) {
      const i = inputs();
      i.version = rc;
      assert.equal(viewOf(i, s).header.targetVersion, target, rc);
    }
    s.header = { date: '2026-12-01', target_version: '1.0.0' };
    delete s.signoffs.release_manager;
    const i = inputs();
    i.version = null;
    assert.deepEqual(viewOf(i, s).header, { date: '2026-12-01', rcVersion: '', targetVersion: '1.0.0', releaseManager: '' });
  });

  it('describes every item with its kind, optionality, phase and depth; an auto item is checked only when satisfied', () => {
    const s = completeState();
    s.items['canary.status'] = { checked: true, note: 'seen', updated_at: 't' };
    s.items['audit.hardened_review'] = { checked: false, note: '', updated_at: 't' };
    const i = inputs();
    canaryOf(i).evaluation.status = 'FAIL';
    const v = viewOf(i, s);
    assert.deepEqual(itemOf(v, 'canary.status'), {
      id: 'canary.status', title: 'Canary passes, from live runs', text: '**Overall Status:** ✅ PASS / ❌ FAIL (from live runs)', impact: 'HIGH', kind: 'auto', optional: false, phase: 'decide', depth: 0,
      status: 'failed', summary: 'FAIL', evidence: [`${CANARY} (live, profile configs/profiles/r2.yaml, 2026-11-27T00:00:00Z)`], checked: false, note: 'seen',
    });
    assert.deepEqual(itemOf(v, 'audit.hardened_review'), {
      id: 'audit.hardened_review', title: 'Hardened configuration reviewed and approved', text: '**Review Status:** ✅ APPROVED / ⚠️ REVIEW NEEDED', impact: 'LOW', kind: 'manual', optional: true, phase: 'decide', depth: 0,
      status: 'open', summary: 'not ticked', evidence: [], checked: false, note: '',
    });
    const next = itemOf(v, 'next.pr')!;
    assert.deepEqual([next.kind, next.optional, next.phase, next.depth, next.checked, next.status], ['manual', false, 'after', 0, true, 'satisfied']);
    const alert = itemOf(v, 'infra.alert.dctsrobustdivergence')!;
    assert.deepEqual([alert.kind, alert.depth, alert.checked], ['auto', 1, true]);
    assert.deepEqual(v.sections.map((x) => [x.id, x.title, x.groups.length]), [['gates', '🔍 GA Gates Assessment (1-5)', 6], ['locks', '🔒 Configuration Profile Lock', 1], ['canary', '🕊️ Canary Deployment Results', 1], ['infra', '🔧 Infrastructure Readiness', 4], ['audits', '📊 Additional Audits (Recommended)', 2], ['next', '🎯 Next Steps (if GO)', 1]]);
    assert.deepEqual(v.sections[1].groups.map((g) => [g.id, g.title]), [['locks-validation', 'Profile Validation']]);
  });

  it('carries the time, the rationale, the state\'s problems and warnings, the fingerprint and the trust in force', () => {
    const s = completeState();
    s.rationale = 'all green';
    const v = viewOf(inputs(), s, loaded(s, ['future.a', 'future.b']));
    assert.equal(v.generatedAt, '2026-11-28T10:00:00.000Z');
    assert.equal(v.rationale, 'all green');
    assert.equal(v.stateProblem, null);
    assert.deepEqual(v.stateWarnings, ['answers kept for items this version does not know: future.a, future.b']);
    assert.deepEqual(v.fingerprint, { gateReportSha256: REPORT_SHA, locksSha256: LOCKS_SHA });
    assert.deepEqual(v.trust, { policyFile: null, allowedSigners: '.aurora/allowed_signers', problem: null, requiredRoles: ['release_manager', 'sre_lead', 'product_owner'], countUnsigned: false });
    assert.equal(v.verification, null);
    assert.deepEqual(viewOf(inputs(), s).stateWarnings, []);

    const broken = viewOf(inputs(), s, { ok: false, problem: 'checklist.json:2:3: invalid JSON' });
    assert.deepEqual([broken.stateProblem, broken.stateWarnings, broken.rationale], ['checklist.json:2:3: invalid JSON', [], '']);
    const noLocks = inputs();
    noLocks.locks = { state: 'error', where: 'profile locks in the workspace', detail: 'EACCES' };
    assert.deepEqual(viewOf(noLocks).fingerprint, { gateReportSha256: REPORT_SHA, locksSha256: 'unavailable' });
    const policy = untrusted();
    Object.assign(policy, { policyFile: '.aurora/policy.yaml', problem: 'bad policy' });
    policy.policy.count_unsigned = true;
    policy.policy.required_roles = ['sre_lead'];
    assert.deepEqual(buildChecklist(inputs(), loaded(s), NOW, policy).view.trust, { policyFile: '.aurora/policy.yaml', allowedSigners: '.aurora/allowed_signers', problem: 'bad policy', requiredRoles: ['sre_lead'], countUnsigned: true });
  });

  it('compares each sign-off\'s approved evaluation with the current report, and cannot without one', () => {
    const i = inputs();
    const s = completeState();
    s.signoffs.sre_lead!.evaluation = approvedEvaluation(gatesOf(i), REPORT_SHA);
    i.gateReportSha256 = 'c'.repeat(64);
    gatesOf(i).gates[0].checks[1] = check('warn_rate', 'Warning rate', 0.02, 0.05);
    const since = viewOf(i, s).signoffs.find((x) => x.role === 'sre_lead')!.since;
    assert.deepEqual(since, { kind: 'same-verdicts', verdictChanges: [], valueDrift: ['stability/warn_rate: 0.01 → 0.02 (still PASS)'], approvedAt: '2026-11-27T00:00:00Z' });
    i.gates = { state: 'missing', where: GATES, file: GATES, detail: 'not found' };
    assert.equal(viewOf(i, s).signoffs.find((x) => x.role === 'sre_lead')!.since?.kind, 'unknown');
  });
});
