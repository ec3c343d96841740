import assert from 'node:assert/strict';
import { buildChecklist } from '../../../src/core/checklist/view';
import type { ChecklistInputs } from '../../../src/core/checklist/inputs';
import type { ChecklistState } from '../../../src/core/checklist/state';
import { check, completeState, inputs, LOCKS_SHA, verified } from './fixtures';

function decideWith(i: ChecklistInputs, s: ChecklistState) {
  const { view } = buildChecklist(i, { ok: true, loaded: { state: s, existed: true, unknownItems: [] } }, new Date('2026-11-27T01:00:00Z'), verified());
  return { decision: view.decision.decision, deciding: view.decision.deciding.map((d) => d.itemId ?? d.text), view };
}

function gateReportOf(i: ChecklistInputs) {
  assert.equal(i.gates.state, 'ok');
  return i.gates.value;
}

describe('checklist decision rule', () => {
  describe('GO', () => {
    it('is GO with live APPROVED gates, valid locks, canary PASS, every item satisfied and three fresh sign-offs', () => {
      const r = decideWith(inputs(), completeState());
      assert.equal(r.decision, 'GO');
      assert.deepEqual(r.deciding, []);
      assert.match(r.view.decision.headline, /GO — Proceed/);
    });

    it('stays GO while optional items are open (hardened config) and next steps are not done', () => {
      const s = completeState();
      for (const id of ['audit.hardened_generated', 'audit.hardened_review', 'next.hard_override', 'next.deploy']) delete s.items[id];
      assert.equal(decideWith(inputs(), s).decision, 'GO');
    });

    it('is GO with MEDIUM/LOW items open or failing: the rule asks only for CRITICAL and HIGH', () => {
      const s = completeState();
      s.items['safety.panic'].checked = false;
      const i = inputs();
      i.audit = { state: 'ok', where: 'artifacts/dcts_audit/report.json', file: 'artifacts/dcts_audit/report.json', value: { status: 'FAIL', details: [] } };
      i.readiness = { state: 'error', where: 'readiness checks', detail: 'not run' };
      const r = decideWith(i, s);
      assert.equal(r.decision, 'GO');
      assert.equal(r.view.sections[3].groups[2].items[0].status, 'open', 'still shown as open');
    });

    it('is not moved by a failing OBSERVE gate', () => {
      const i = inputs();
      const g = gateReportOf(i).gates[4];
      g.fail_action = 'OBSERVE';
      g.status = 'FAIL';
      g.checks[0] = check('anomalies', 'Anomalies', 3, 0, 'FAIL', '==');
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'GO');
      assert.equal(r.view.sections[0].groups[4].items.at(-1)!.status, 'failed');
    });
  });

  describe('NO-GO', () => {
    it('names the failing gate and the overall gates item when a NO-GO gate fails', () => {
      const i = inputs();
      const rep = gateReportOf(i);
      rep.gates[1].status = 'FAIL';
      rep.gates[1].checks[0] = check('var_ratio', 'Variance ratio', 0.91, 0.85, 'FAIL');
      rep.decision_code = 'BLOCKED';
      rep.decision = '❌ GA PROMOTION BLOCKED - Critical failures detected';
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'NO-GO');
      assert.deepEqual(r.deciding, ['gate2.c1', 'gate2.status', 'gates.overall']);
      assert.match(r.view.decision.deciding[0].text, /^CRITICAL · Gate 2 · Variance Ratio: robust\/base ≤ 0\.85 — FAILED: Variance ratio: 0\.91 — above the limit 0\.85 \(FAIL\)$/);
    });

    for (const mode of ['demo', 'replay'] as const) {
      it(`refuses gates APPROVED from ${mode} data`, () => {
        const i = inputs();
        gateReportOf(i).data_mode = mode;
        const r = decideWith(i, completeState());
        assert.equal(r.decision, 'NO-GO');
        assert.deepEqual(r.deciding, ['gates.overall']);
        assert.match(r.view.decision.deciding[0].text, new RegExp(`${mode.toUpperCase()} data: only live data`));
      });
    }

    it('treats a missing gate report as NO DATA on every gate item, never as a pass', () => {
      const i = inputs();
      i.gates = { state: 'missing', where: 'artifacts/ga/gates_report.json', file: 'artifacts/ga/gates_report.json', detail: 'not found' };
      i.gateReportSha256 = null;
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'NO-GO');
      const gateItems = r.view.sections[0].groups.flatMap((g) => g.items).filter((x) => x.kind === 'auto');
      assert.ok(gateItems.length >= 15);
      assert.ok(gateItems.every((x) => x.status === 'no_data'), JSON.stringify(gateItems.map((x) => x.status)));
      // One cause, one line: the missing file folds the 20 gate items it leaves unanswered.
      assert.deepEqual(r.view.decision.deciding.map((d) => d.text), [
        `CRITICAL · Gate 1 · CI Gating Violations: exit=3 count = 0 (last 48h) and ${gateItems.length - 1} more — NO DATA: gate report not found (artifacts/ga/gates_report.json)`,
      ]);
    });

    it('treats INCONCLUSIVE gates (data missing) as NO-GO', () => {
      const i = inputs();
      const rep = gateReportOf(i);
      rep.gates[0].status = 'INCONCLUSIVE';
      rep.gates[0].checks[1] = { ...check('warn_rate', 'Warning rate', 0, 0.05), outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE', value: null };
      rep.decision_code = 'INCONCLUSIVE';
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'NO-GO');
      assert.ok(r.deciding.includes('gate1.c2') && r.deciding.includes('gates.overall'));
    });

    it('is NO-GO when a lock does not validate (HIGH)', () => {
      const i = inputs();
      assert.equal(i.locks.state, 'ok');
      i.locks.value.results[1] = { ...i.locks.value.results[1], status: 'invalid', detail: 'Hash mismatch' };
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'NO-GO');
      assert.deepEqual(r.deciding, ['locks.profiles', 'locks.hash']);
    });

    it('is NO-GO when the lock engine cannot answer', () => {
      const i = inputs();
      i.locks = { state: 'error', where: 'profile locks in the workspace', detail: 'EACCES' };
      assert.equal(decideWith(i, completeState()).decision, 'NO-GO');
    });

    it('is NO-GO when the canary failed, is missing, or ran in demo mode', () => {
      const failed = inputs();
      assert.equal(failed.canary.state, 'ok');
      Object.assign(failed.canary.value.evaluation, { success_rate: 0.6, successful_runs: 6, status: 'FAIL', overall_passed: false, failure_reasons: ['success rate 60% < 70%'] });
      assert.deepEqual(decideWith(failed, completeState()).deciding, ['canary.success', 'canary.status']);

      const missing = inputs();
      missing.canary = { state: 'missing', where: 'artifacts/canary_results.json', file: 'artifacts/canary_results.json', detail: 'not found' };
      assert.equal(decideWith(missing, completeState()).decision, 'NO-GO');

      const demo = inputs();
      assert.equal(demo.canary.state, 'ok');
      demo.canary.value.data_mode = 'demo';
      const r = decideWith(demo, completeState());
      assert.equal(r.decision, 'NO-GO');
      assert.deepEqual(r.deciding, ['canary.status']);
    });

    it('is NO-GO while a CRITICAL manual item is open (coverage trend)', () => {
      const s = completeState();
      delete s.items['gate3.c3'];
      const r = decideWith(inputs(), s);
      assert.equal(r.decision, 'NO-GO');
      assert.deepEqual(r.deciding, ['gate3.c3']);
    });

    it('is NO-GO when the canary ran without profile_lock enforcement, or the file does not record it', () => {
      const off = inputs();
      assert.equal(off.canary.state, 'ok');
      off.canary.value.profile_lock = { enforced: false, status: 'skipped', lock_file: null };
      const r = decideWith(off, completeState());
      assert.deepEqual([r.decision, r.deciding], ['NO-GO', ['locks.enforced']]);
      assert.match(r.view.decision.deciding[0].text, /profile_lock\.enforced was off for the canary run of configs\/profiles\/r2\.yaml/);
      const old = inputs();
      assert.equal(old.canary.state, 'ok');
      delete old.canary.value.profile_lock;
      assert.match(decideWith(old, completeState()).view.decision.deciding[0].text, /NO DATA: the canary results do not record profile lock enforcement/);
    });
  });

  describe('CONDITIONAL', () => {
    it('is CONDITIONAL when gates are CONDITIONAL (a CONDITIONAL gate failed) and nothing else is short', () => {
      const i = inputs();
      const rep = gateReportOf(i);
      rep.gates[3].status = 'FAIL';
      rep.gates[3].checks[0] = check('dro_factor_p05', 'DRO factor p05', 0.4, 0.6, 'FAIL', '>=');
      rep.decision_code = 'CONDITIONAL';
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'CONDITIONAL');
      assert.deepEqual(r.deciding, ['gate4.c1', 'gate4.status', 'gates.overall']);
    });

    it('is CONDITIONAL while sign-offs are missing and only MEDIUM/LOW items are open; those alone do not decide', () => {
      const s = completeState();
      s.items['safety.panic'].checked = false;
      delete s.signoffs.release_manager;
      const i = inputs();
      i.audit = { state: 'ok', where: 'artifacts/dcts_audit/report.json', file: 'artifacts/dcts_audit/report.json', value: { status: 'FAIL', details: ['var_ratio 0.9'] } };
      const r = decideWith(i, s);
      assert.equal(r.decision, 'CONDITIONAL');
      assert.deepEqual(r.deciding, ['Sign-off missing: Release Manager']);
    });

    it('is CONDITIONAL, naming the role, while a sign-off is missing', () => {
      const s = completeState();
      delete s.signoffs.product_owner;
      const r = decideWith(inputs(), s);
      assert.equal(r.decision, 'CONDITIONAL');
      assert.deepEqual(r.deciding, ['Sign-off missing: Product Owner']);
    });

    it('does not count a stale sign-off: the gate report changed after signing', () => {
      const i = inputs();
      i.gateReportSha256 = 'c'.repeat(64);
      const r = decideWith(i, completeState());
      assert.equal(r.decision, 'CONDITIONAL');
      assert.equal(r.deciding.length, 3);
      assert.match(r.deciding[0], /Sign-off stale: Release Manager .*gate report changed since signing/);
      assert.ok(r.view.signoffs.every((x) => x.stale));
    });

    it('marks sign-offs stale when the locks changed, and only that reason', () => {
      const i = inputs();
      assert.equal(i.locks.state, 'ok');
      i.locks.value.sha256 = 'd'.repeat(64);
      const r = decideWith(i, completeState());
      assert.deepEqual(r.view.signoffs.map((x) => x.staleReasons), [['the profile locks changed since signing'], ['the profile locks changed since signing'], ['the profile locks changed since signing']]);
      assert.notEqual(LOCKS_SHA, i.locks.value.sha256);
    });

    it('a CRITICAL failure outweighs everything CONDITIONAL', () => {
      const i = inputs();
      const rep = gateReportOf(i);
      rep.decision_code = 'CONDITIONAL';
      rep.gates[4].status = 'FAIL';
      const s = completeState();
      s.items['safety.panic'].checked = false;
      const r = decideWith(i, s);
      assert.equal(r.decision, 'NO-GO');
      // The gate's checks pass on their own; the gate's status is what fails.
      assert.deepEqual(r.deciding, ['gate5.status']);
    });
  });
});
