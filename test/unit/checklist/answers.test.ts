// Each kind of item answered from its source: the status, the one-line summary, the evidence lines
// and whether it decides, written out from the fixture's values (fixtures.ts).
import assert from 'node:assert/strict';
import { answerItem, checkEvidence, type Answer } from '../../../src/core/checklist/answer';
import { ITEM_BY_ID } from '../../../src/core/checklist/definition';
import type { ChecklistInputs } from '../../../src/core/checklist/inputs';
import { emptyState, type ChecklistState } from '../../../src/core/checklist/state';
import type { CheckResult } from '../../../src/core/verdict/types';
import { check, completeState, inputs, loadedValue } from './fixtures';

const GATES = 'artifacts/ga/gates_report.json';
const CANARY = 'artifacts/canary_results.json';
const AUDIT = 'artifacts/dcts_audit/report.json';
const LOCKS = 'profile locks in the workspace';

function answer(i: ChecklistInputs, id: string, s: ChecklistState = completeState()): Answer {
  const def = ITEM_BY_ID.get(id);
  assert.ok(def, id);
  return answerItem(def, i, s).answer;
}
const yes = (summary: string, evidence: string[] = []): Answer => ({ status: 'satisfied', summary, evidence, decides: true });
const no = (status: Answer['status'], summary: string, evidence: string[] = []): Answer => ({ status, summary, evidence, decides: true });

const gatesOf = (i: ChecklistInputs) => loadedValue(i, 'gates');
const canaryOf = (i: ChecklistInputs) => loadedValue(i, 'canary');
const locksOf = (i: ChecklistInputs) => loadedValue(i, 'locks');
const readinessOf = (i: ChecklistInputs) => loadedValue(i, 'readiness');
/** The evidence line of a fixture check (fixtures.ts: query q_<id>, local Prometheus, 48h window). */
const promLine = (name: string, value: string, required: string, outcome = 'PASS', id = '') =>
  `${name}: ${value}, required ${required} → ${outcome} (q_${id} @ http://127.0.0.1:9090, at 2026-11-27T00:00:00Z, window 48h)`;

describe('checklist answers, item kind by item kind', () => {
  describe('a source that is not there or cannot be read', () => {
    it('answers NO DATA naming the source and where it was looked for, or why it could not be read', () => {
      const i = inputs();
      i.gates = { state: 'missing', where: GATES, file: GATES, detail: 'not found' };
      i.canary = { state: 'error', where: CANARY, file: CANARY, detail: 'line 3: not JSON' };
      i.locks = { state: 'error', where: LOCKS, detail: 'EACCES' };
      i.readiness = { state: 'error', where: 'readiness checks', detail: 'not run' };
      i.audit = { state: 'missing', where: AUDIT, file: AUDIT, detail: 'not found' };
      const gates = no('no_data', `NO DATA: gate report not found (${GATES})`, [GATES]);
      for (const id of ['gate1.c1', 'gate1.status', 'gates.overall']) assert.deepEqual(answer(i, id), gates, id);
      const canary = no('no_data', 'NO DATA: canary results unreadable: line 3: not JSON', [CANARY]);
      for (const id of ['canary.runs', 'canary.success', 'canary.health', 'canary.duration', 'canary.status', 'locks.enforced']) assert.deepEqual(answer(i, id), canary, id);
      const locks = no('no_data', 'NO DATA: lock results unreadable: EACCES', [LOCKS]);
      for (const id of ['locks.profiles', 'locks.files', 'locks.hash']) assert.deepEqual(answer(i, id), locks, id);
      const readiness = no('no_data', 'NO DATA: readiness unreadable: not run', ['readiness checks']);
      for (const id of ['infra.dashboard', 'infra.alert.drofactorsuppressed']) assert.deepEqual(answer(i, id), readiness, id);
      const audit = no('no_data', `NO DATA: DCTS audit report not found (${AUDIT})`, [AUDIT]);
      for (const id of ['audit.status', 'audit.report']) assert.deepEqual(answer(i, id), audit, id);
    });
  });

  describe('gates', () => {
    it('answers a gate\'s status item from the gate: PASS, WARN, INCONCLUSIVE, and FAIL by its fail_action', () => {
      const cases = [['PASS', 'NO-GO', 'satisfied'], ['WARN', 'NO-GO', 'warn'], ['INCONCLUSIVE', 'NO-GO', 'no_data'], ['FAIL', 'NO-GO', 'failed'], ['FAIL', 'CONDITIONAL', 'warn']] as const;
      for (const [status, failAction, expected] of cases) {
        const i = inputs();
        Object.assign(gatesOf(i).gates[0], { status, fail_action: failAction, message: `gate is ${status}` });
        const g = gatesOf(i).gates[0];
        assert.deepEqual(answer(i, 'gate1.status'), { status: expected, summary: `${status}: gate is ${status}`, evidence: g.checks.map(checkEvidence), decides: true }, `${status}/${failAction}`);
      }
    });

    it('answers a criterion from its matching checks, the worst counting, with their values and evidence', () => {
      const i = inputs();
      gatesOf(i).gates[0].checks = [
        check('violations', 'CI gating violations', 0, 0, 'PASS', '=='),
        { ...check('warn_rate', 'Warning rate', 0.0712345678, 0.05, 'WARN'), counts_as: 'WARN' },
        { ...check('warn_share', 'Warn share', 0, 0.05), value: null, outcome: 'NO_DATA', counts_as: 'INCONCLUSIVE' },
      ];
      assert.deepEqual(answer(i, 'gate1.c2'), {
        status: 'no_data',
        summary: 'Warning rate: 0.07123 — above the limit 0.05 (WARN); Warn share: no data — required at most 0.05 (NO_DATA)',
        evidence: [promLine('Warning rate', '0.0712346', 'at most 0.05', 'WARN', 'warn_rate'), promLine('Warn share', 'no value', 'at most 0.05', 'NO_DATA', 'warn_share')],
        decides: true,
      });
      // WARN ranks below FAIL, and a check's counts_as (not its outcome) is what counts.
      gatesOf(i).gates[0].checks[2] = { ...check('warn_share', 'Warn share', 3, 1, 'PASS'), counts_as: 'FAIL' };
      assert.equal(answer(i, 'gate1.c2').status, 'failed');
      gatesOf(i).gates[0].checks.splice(2, 1);
      assert.equal(answer(i, 'gate1.c2').status, 'warn');
    });

    it('says when the report has no such gate, and marks OBSERVE gates as never deciding', () => {
      const i = inputs();
      gatesOf(i).gates.splice(2, 1);
      assert.deepEqual(answer(i, 'gate3.c1'), no('no_data', 'NO DATA: gate 3 is not in the gate report', [GATES]));
      assert.deepEqual(answer(i, 'gate3.status'), no('no_data', 'NO DATA: gate 3 is not in the gate report', [GATES]));

      const o = inputs();
      const g = gatesOf(o).gates[4];
      Object.assign(g, { fail_action: 'OBSERVE', status: 'FAIL', message: 'anomalies found' });
      const tail = ' (OBSERVE: reported, never decides)';
      assert.deepEqual(answer(o, 'gate5.status'), { status: 'failed', summary: `FAIL: anomalies found${tail}`, evidence: g.checks.map(checkEvidence), decides: false });
      assert.deepEqual(answer(o, 'gate5.c1'), { status: 'satisfied', summary: `Anomalies: 0 — equal to 0 (PASS)${tail}`, evidence: [checkEvidence(g.checks[0])], decides: false });
      g.checks = [check('other', 'Other', 1, 1, 'PASS', '==')];
      assert.deepEqual(answer(o, 'gate5.c1'), { status: 'failed', summary: `FAIL (answered by the gate: no check of gate 5 measures this criterion alone)${tail}`, evidence: [checkEvidence(g.checks[0])], decides: false });
    });

    it('writes a check\'s evidence with its query or file, time, window and, for comparisons, the judge\'s facts', () => {
      const base = check('var_ratio', 'Variance ratio', 3, 0.85);
      assert.equal(checkEvidence(base), 'Variance ratio: 3, required at most 0.85 → PASS (q_var_ratio @ http://127.0.0.1:9090, at 2026-11-27T00:00:00Z, window 48h)');
      const bare: CheckResult = { ...base, evidence: { ...base.evidence, query: undefined, window: undefined } };
      assert.equal(checkEvidence(bare), 'Variance ratio: 3, required at most 0.85 → PASS ( @ http://127.0.0.1:9090, at 2026-11-27T00:00:00Z)');
      const file: CheckResult = { ...base, evidence: { ...base.evidence, kind: 'file', source: 'artifacts/ckpt.json', path: '$.var_ratio', query: undefined, window: undefined } };
      assert.equal(checkEvidence(file), 'Variance ratio: 3, required at most 0.85 → PASS ($.var_ratio in artifacts/ckpt.json, at 2026-11-27T00:00:00Z)');
      const noPath: CheckResult = { ...file, evidence: { ...file.evidence, path: undefined } };
      assert.equal(checkEvidence(noPath), 'Variance ratio: 3, required at most 0.85 → PASS (artifacts/ckpt.json, at 2026-11-27T00:00:00Z)');
      const side = { value: '1', queries: ['q'], series_count: 1 };
      const judgement = { kind: 'samples', verdict: 'NO_DATA', rule: 'too_few_samples', critical: false, direction: 'higher_is_worse', candidate: { n: 5, median: 1.5, mean: 1.5, nan: 0 }, baseline: { n: 6, median: 1.2, mean: 1.2, nan: 0 }, effect: null, mannWhitney: null, spread: null, ks: null, value: null } as const;
      const compared: CheckResult = { ...base, evidence: { ...base.evidence, comparison: { baseline: side, candidate: side, judgement: judgement as never, summary: 'too few samples', group: 'g', weight: 1, critical: false } } };
      assert.equal(checkEvidence(compared), `${checkEvidence(base)}; too few samples; n: candidate 5, baseline 6; median: candidate 1.5, baseline 1.2; rule: too few samples on a side → NO_DATA`);
    });

    it('answers the overall gates item from the decision of live data only, with the report as evidence', () => {
      const evidence = [`${GATES} (live data from http://127.0.0.1:9090, evaluated 2026-11-27T00:00:00Z, window 48h)`];
      const codes = [['APPROVED', 'satisfied'], ['CONDITIONAL', 'warn'], ['INCONCLUSIVE', 'no_data'], ['BLOCKED', 'failed'], ['ERROR', 'no_data']] as const;
      for (const [code, status] of codes) {
        const i = inputs();
        Object.assign(gatesOf(i), { decision_code: code, decision: `decision ${code}` });
        assert.deepEqual(answer(i, 'gates.overall'), no(status, `decision ${code} (live)`, evidence), code);
      }
      const demo = inputs();
      gatesOf(demo).data_mode = 'demo';
      assert.deepEqual(answer(demo, 'gates.overall'), no('failed', 'APPROVED from DEMO data: only live data can decide a promotion', [`${GATES} (demo data from http://127.0.0.1:9090, evaluated 2026-11-27T00:00:00Z, window 48h)`]));
    });
  });

  describe('profile locks', () => {
    const ok2 = ['configs/profiles/r2.yaml: valid (exit 0) — configs/profiles/r2.lock.json', 'configs/profiles/smoke.yaml: valid (exit 0) — configs/profiles/smoke.lock.json'];

    it('answers every lock item satisfied when every profile has a valid .lock.json', () => {
      assert.deepEqual(answer(inputs(), 'locks.profiles'), yes('2 profile lock(s) valid', ok2));
      assert.deepEqual(answer(inputs(), 'locks.files'), yes('2 lock file(s)', ok2));
      assert.deepEqual(answer(inputs(), 'locks.hash'), yes('2 profile lock(s) valid', ok2));
    });

    it('fails each item for its own reason: not validating, no .lock.json, a mismatch or an unreadable lock', () => {
      const i = inputs();
      locksOf(i).results.push(
        { profile: 'configs/profiles/new.yaml', lockFile: null, status: 'missing', detail: 'no lock file', files: [] },
        { profile: 'configs/profiles/old.yaml', lockFile: 'configs/profiles/old.yaml.lock', status: 'error', detail: 'unreadable', files: ['configs/profiles/old.yaml.lock'] },
        { profile: 'configs/profiles/bad.yaml', lockFile: 'configs/profiles/bad.lock.json', status: 'invalid', detail: '', files: ['configs/profiles/bad.lock.json'] },
      );
      const evidence = [...ok2, 'configs/profiles/new.yaml: missing (exit 3) — no lock file', 'configs/profiles/old.yaml: error (exit 3) — configs/profiles/old.yaml.lock — unreadable', 'configs/profiles/bad.yaml: invalid (exit 3) — configs/profiles/bad.lock.json'];
      assert.deepEqual(answer(i, 'locks.profiles'), no('failed', '3 of 5 profile(s) not validating: configs/profiles/new.yaml, configs/profiles/old.yaml, configs/profiles/bad.yaml', evidence));
      assert.deepEqual(answer(i, 'locks.files'), no('failed', '2 of 5 profile(s) without a .lock.json: configs/profiles/new.yaml, configs/profiles/old.yaml', evidence));
      assert.deepEqual(answer(i, 'locks.hash'), no('failed', '2 of 5 profile(s) with a hash mismatch or unreadable lock: configs/profiles/old.yaml, configs/profiles/bad.yaml', evidence));
    });

    it('answers NO DATA when no profile has a lock', () => {
      const i = inputs();
      locksOf(i).results = [];
      for (const id of ['locks.profiles', 'locks.files', 'locks.hash']) assert.deepEqual(answer(i, id), no('no_data', 'NO DATA: no profile with a lock found'), id);
    });

    it('answers lock enforcement from the canary run\'s own record', () => {
      const i = inputs();
      const c = canaryOf(i);
      const ev = (pl: unknown) => [`${CANARY}: profile_lock ${JSON.stringify(pl)}`];
      assert.deepEqual(answer(i, 'locks.enforced'), yes('enforced by the canary run: configs/profiles/r2.yaml lock valid (configs/profiles/r2.lock.json)', ev(c.profile_lock)));
      c.profile_lock = { enforced: true, status: 'valid', lock_file: null };
      assert.deepEqual(answer(i, 'locks.enforced'), yes('enforced by the canary run: configs/profiles/r2.yaml lock valid', ev(c.profile_lock)));
      c.profile_lock = { enforced: true, status: 'invalid', lock_file: 'configs/profiles/r2.lock.json', detail: 'Hash mismatch' };
      assert.deepEqual(answer(i, 'locks.enforced'), no('failed', 'the canary run enforced the lock of configs/profiles/r2.yaml, which is invalid: Hash mismatch', ev(c.profile_lock)));
      c.profile_lock = { enforced: true, status: 'invalid', lock_file: null };
      assert.deepEqual(answer(i, 'locks.enforced'), no('failed', 'the canary run enforced the lock of configs/profiles/r2.yaml, which is invalid', ev(c.profile_lock)));
      c.profile_lock = { enforced: false, status: 'skipped', lock_file: null };
      assert.deepEqual(answer(i, 'locks.enforced'), no('failed', 'profile_lock.enforced was off for the canary run of configs/profiles/r2.yaml', ev(c.profile_lock)));
      delete c.profile_lock;
      assert.deepEqual(answer(i, 'locks.enforced'), no('no_data', 'NO DATA: the canary results do not record profile lock enforcement (written by an older tool)', [`${CANARY}: profile_lock null`]));
    });
  });

  describe('canary', () => {
    const evidence = (mode = 'live') => [`${CANARY} (${mode}, profile configs/profiles/r2.yaml, 2026-11-27T00:00:00Z)`];

    it('answers every canary item of a passing live run, with the results file as evidence', () => {
      const i = inputs();
      assert.deepEqual(answer(i, 'canary.runs'), yes('10 / 10 runs', evidence()));
      assert.deepEqual(answer(i, 'canary.success'), yes('100% (≥ 70%)', evidence()));
      assert.deepEqual(answer(i, 'canary.health'), yes('100% (≥ 70%)', evidence()));
      assert.deepEqual(answer(i, 'canary.duration'), yes('1.5s average', evidence()));
      assert.deepEqual(answer(i, 'canary.status'), yes('PASS', evidence()));
      delete canaryOf(i).data_mode; // written before data_mode existed: live
      assert.deepEqual(answer(i, 'canary.status'), yes('PASS', evidence()));
    });

    it('counts runs against the plan (the configured runs when the plan is not recorded), and more than planned is fine', () => {
      const i = inputs();
      const c = canaryOf(i);
      c.config.runs = 12;
      assert.deepEqual(answer(i, 'canary.runs'), no('failed', '10 / 12 runs executed', evidence()));
      c.evaluation.planned_runs = 8;
      assert.deepEqual(answer(i, 'canary.runs'), yes('10 / 8 runs', evidence()));
    });

    it('rounds the average duration to hundredths of a second', () => {
      const i = inputs();
      canaryOf(i).evaluation.avg_duration = 12.34567;
      assert.equal(answer(i, 'canary.duration').summary, '12.35s average');
      canaryOf(i).evaluation.avg_duration = 3;
      assert.equal(answer(i, 'canary.duration').summary, '3s average');
    });

    it('fails the status item for a failing run with its reasons, and for demo runs whatever they say', () => {
      const i = inputs();
      const c = canaryOf(i);
      Object.assign(c.evaluation, { status: 'FAIL', failure_reasons: ['success rate 60% < 70%', 'health rate 50% < 70%'] });
      assert.deepEqual(answer(i, 'canary.status'), no('failed', 'FAIL: success rate 60% < 70%; health rate 50% < 70%', evidence()));
      c.evaluation.failure_reasons = [];
      assert.equal(answer(i, 'canary.status').summary, 'FAIL');
      delete c.evaluation.failure_reasons;
      assert.equal(answer(i, 'canary.status').summary, 'FAIL');
      const demo = inputs();
      canaryOf(demo).data_mode = 'demo';
      assert.deepEqual(answer(demo, 'canary.status'), no('failed', 'PASS from DEMO runs: only live runs can decide a promotion', evidence('demo')));
    });
  });

  describe('readiness, alert rules and the DCTS audit', () => {
    it('answers a readiness item from its check, with the check\'s details as evidence', () => {
      const i = inputs();
      const r = readinessOf(i);
      r.results[3] = { ...r.results[3], details: ['configs/monitoring/dashboard.json: 4 panels'] };
      assert.deepEqual(answer(i, 'infra.dashboard'), yes('dashboard ok', ['configs/monitoring/dashboard.json: 4 panels']));
      r.results[4] = { id: 'git_clean', name: 'Git Tree', passed: false, message: '2 uncommitted files', details: ['M a.ts', 'M b.ts'] };
      assert.deepEqual(answer(i, 'infra.git'), no('failed', '2 uncommitted files', ['M a.ts', 'M b.ts']));
      r.results = r.results.filter((x) => x.id !== 'version');
      assert.deepEqual(answer(i, 'infra.version'), no('no_data', "NO DATA: readiness has no 'version' check"));
      assert.deepEqual(answer(i, 'infra.alerts'), yes('alert_rules ok'));
    });

    it('answers each required alert rule from the rules found, naming the rule files', () => {
      const i = inputs();
      const r = readinessOf(i);
      r.rule_files = ['a.yml', 'b.yml'];
      r.alerts_defined = ['AuroraHardGateTrip'];
      assert.deepEqual(answer(i, 'infra.alert.aurorahardgatetrip'), yes('defined in a.yml, b.yml'));
      assert.deepEqual(answer(i, 'infra.alert.drofactorsuppressed'), no('failed', 'not defined in a.yml, b.yml'));
      r.rule_files = [];
      assert.deepEqual(answer(i, 'infra.alert.drofactorsuppressed'), no('failed', 'not defined in any rule file'));
    });

    it('answers the audit status as the audit says, with its details, and the report item from the file being there', () => {
      const statuses = [['PASS', 'satisfied'], ['WARN', 'warn'], ['FAIL', 'failed'], ['NO_DATA', 'no_data']] as const;
      for (const [status, expected] of statuses) {
        const i = inputs();
        i.audit = { state: 'ok', where: AUDIT, file: AUDIT, value: { status, details: ['var_ratio 0.9', 'too few runs'] } };
        assert.deepEqual(answer(i, 'audit.status'), no(expected, status, [AUDIT, 'var_ratio 0.9', 'too few runs']), status);
        assert.deepEqual(answer(i, 'audit.report'), yes(AUDIT), status);
      }
    });
  });

  describe('manual items', () => {
    it('are satisfied when ticked, saying when; open otherwise', () => {
      const s = emptyState();
      assert.deepEqual(answerItem(ITEM_BY_ID.get('safety.panic')!, inputs(), s), { def: ITEM_BY_ID.get('safety.panic'), answer: no('open', 'not ticked'), checked: false, note: '' });
      s.items['safety.panic'] = { checked: true, note: 'drilled', updated_at: '2026-11-27T03:00:00Z' };
      assert.deepEqual(answerItem(ITEM_BY_ID.get('safety.panic')!, inputs(), s), { def: ITEM_BY_ID.get('safety.panic'), answer: yes('ticked 2026-11-27T03:00:00Z'), checked: true, note: 'drilled' });
      s.items['safety.panic'].updated_at = '';
      assert.equal(answer(inputs(), 'safety.panic', s).summary, 'ticked');
      s.items['safety.panic'].checked = false;
      assert.deepEqual(answer(inputs(), 'safety.panic', s), no('open', 'not ticked'));
    });

    it('keep the note and tick of an auto item apart from its answer', () => {
      const s = emptyState();
      s.items['canary.status'] = { checked: true, note: 'watched live', updated_at: 't' };
      const a = answerItem(ITEM_BY_ID.get('canary.status')!, inputs(), s);
      assert.deepEqual([a.checked, a.note, a.answer.summary], [true, 'watched live', 'PASS']);
    });
  });
});
