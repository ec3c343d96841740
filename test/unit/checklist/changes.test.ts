// The changes a person makes to the checklist state (mutate.ts), and how a sign-off's approved
// evaluation compares with the current one (since.ts).
import assert from 'node:assert/strict';
import { SIGNOFF_NAMESPACE } from '../../../src/core/attest/policy';
import { approvedEvaluation, type SignoffSignature } from '../../../src/core/attest/signoff';
import { applyChange, type ChangeContext } from '../../../src/core/checklist/mutate';
import { sinceSigning } from '../../../src/core/checklist/since';
import { emptyState, type ChecklistState } from '../../../src/core/checklist/state';
import { InputError } from '../../../src/core/util/errors';
import { check, gateReport, LOCKS_SHA, REPORT_SHA } from './fixtures';

const T = '2026-11-28T10:00:00.000Z';
const ctx = (over: Partial<ChangeContext> = {}): ChangeContext => ({ now: new Date(T), fingerprint: { gateReportSha256: REPORT_SHA, locksSha256: LOCKS_SHA }, decision: 'GO', ...over });
const refused = (pattern: RegExp) => (e: unknown) => e instanceof InputError && pattern.test(e.message);

describe('checklist state changes', () => {
  it('ticks and unticks a manual item with a history entry each, leaving the given state as it was', () => {
    const before = emptyState();
    const ticked = applyChange(before, { type: 'setItem', id: 'safety.panic', checked: true }, ctx());
    assert.deepEqual(before, emptyState());
    assert.deepEqual(ticked.items, { 'safety.panic': { checked: true, note: '', updated_at: T } });
    assert.deepEqual(ticked.history, [{ time: T, action: 'tick', detail: 'safety.panic' }]);
    const later = '2026-11-28T11:00:00.000Z';
    const unticked = applyChange(ticked, { type: 'setItem', id: 'safety.panic', checked: false }, ctx({ now: new Date(later) }));
    assert.deepEqual(unticked.items['safety.panic'], { checked: false, note: '', updated_at: later });
    assert.deepEqual(unticked.history.map((h) => [h.time, h.action, h.detail]), [[T, 'tick', 'safety.panic'], [later, 'untick', 'safety.panic']]);
  });

  it('returns the very same state for a change that changes nothing, so nothing is written', () => {
    const s = applyChange(emptyState(), { type: 'setItem', id: 'safety.panic', checked: true }, ctx());
    assert.equal(applyChange(s, { type: 'setItem', id: 'safety.panic', checked: true }, ctx()), s);
    const blank = emptyState();
    assert.equal(applyChange(blank, { type: 'setItem', id: 'safety.panic', checked: false }, ctx()), blank, 'an item never ticked is unticked already');
    assert.equal(applyChange(blank, { type: 'setNote', id: 'safety.panic', note: '' }, ctx()), blank, 'an item never noted has an empty note');
    const noted = applyChange(s, { type: 'setNote', id: 'safety.panic', note: 'ok' }, ctx());
    assert.equal(applyChange(noted, { type: 'setNote', id: 'safety.panic', note: 'ok' }, ctx()), noted);
    const headed = applyChange(blank, { type: 'setHeader', field: 'date', value: '2026-12-01' }, ctx());
    assert.equal(applyChange(headed, { type: 'setHeader', field: 'date', value: '2026-12-01' }, ctx()), headed);
    const reasoned = applyChange(blank, { type: 'setRationale', text: 'why' }, ctx());
    assert.equal(applyChange(reasoned, { type: 'setRationale', text: 'why' }, ctx()), reasoned);
    assert.equal(applyChange(blank, { type: 'revokeSignOff', role: 'sre_lead' }, ctx()), blank, 'nothing to revoke');
  });

  it('notes any item, auto ones too, keeping its tick', () => {
    const s = applyChange(emptyState(), { type: 'setItem', id: 'safety.panic', checked: true }, ctx());
    const noted = applyChange(s, { type: 'setNote', id: 'safety.panic', note: 'drilled on staging' }, ctx());
    assert.deepEqual(noted.items['safety.panic'], { checked: true, note: 'drilled on staging', updated_at: T });
    const auto = applyChange(emptyState(), { type: 'setNote', id: 'canary.status', note: 'watched it' }, ctx());
    assert.deepEqual(auto.items['canary.status'], { checked: false, note: 'watched it', updated_at: T });
    assert.deepEqual(auto.history, [{ time: T, action: 'note', detail: 'canary.status: watched it' }]);
  });

  it('refuses unknown items and ticks of items answered from evidence', () => {
    assert.throws(() => applyChange(emptyState(), { type: 'setItem', id: 'nope', checked: true }, ctx()), refused(/^unknown checklist item 'nope'$/));
    assert.throws(() => applyChange(emptyState(), { type: 'setNote', id: 'nope', note: 'x' }, ctx()), refused(/^unknown checklist item 'nope'$/));
    assert.throws(() => applyChange(emptyState(), { type: 'setItem', id: 'locks.hash', checked: true }, ctx()), refused(/^'locks\.hash' is answered from locks-hash results and cannot be ticked by hand$/));
  });

  it('sets the target version or the date of the header, and the rationale, with history entries', () => {
    let s: ChecklistState = emptyState();
    s = applyChange(s, { type: 'setHeader', field: 'targetVersion', value: '1.0.0' }, ctx());
    s = applyChange(s, { type: 'setHeader', field: 'date', value: '2026-12-01' }, ctx());
    s = applyChange(s, { type: 'setRationale', text: 'gates green\nsign-offs in' }, ctx());
    assert.deepEqual(s.header, { target_version: '1.0.0', date: '2026-12-01' });
    assert.equal(s.rationale, 'gates green\nsign-offs in');
    assert.deepEqual(s.history, [
      { time: T, action: 'header', detail: 'target_version: 1.0.0' },
      { time: T, action: 'header', detail: 'date: 2026-12-01' },
      { time: T, action: 'rationale', detail: 'gates green\nsign-offs in' },
    ]);
  });

  it('records a sign-off bound to the evidence and the decision shown, and says in the history whether it was signed', () => {
    const unsigned = applyChange(emptyState(), { type: 'signOff', role: 'sre_lead', name: 'Dana' }, ctx({ decision: 'CONDITIONAL' }));
    assert.deepEqual(unsigned.signoffs, { sre_lead: { name: 'Dana', role: 'sre_lead', time: T, gate_report_sha256: REPORT_SHA, locks_sha256: LOCKS_SHA, decision_at_signing: 'CONDITIONAL' } });
    assert.deepEqual(unsigned.history, [{ time: T, action: 'sign', detail: `SRE Lead: Dana (unsigned: a name only) (gate report ${'a'.repeat(12)}…, locks ${'b'.repeat(12)}…, decision CONDITIONAL)` }]);

    const evaluation = approvedEvaluation(gateReport(), REPORT_SHA);
    const withEvaluation = applyChange(emptyState(), { type: 'signOff', role: 'product_owner', name: 'Kim' }, ctx({ signed: { evaluation } }));
    assert.deepEqual(withEvaluation.signoffs.product_owner, { name: 'Kim', role: 'product_owner', time: T, gate_report_sha256: REPORT_SHA, locks_sha256: LOCKS_SHA, decision_at_signing: 'GO', evaluation });
    assert.match(withEvaluation.history[0].detail, /^Product Owner: Kim \(unsigned: a name only\) /);

    const signature: SignoffSignature = { format: 'sshsig', namespace: SIGNOFF_NAMESPACE, payload: 'cGF5bG9hZA==', sig: '-----BEGIN SSH SIGNATURE-----', key_fingerprint: 'SHA256:abc' };
    const signed = applyChange(emptyState(), { type: 'signOff', role: 'release_manager', name: 'Ann' }, ctx({ signed: { evaluation, signature } }));
    assert.deepEqual(signed.signoffs.release_manager, { name: 'Ann', role: 'release_manager', time: T, gate_report_sha256: REPORT_SHA, locks_sha256: LOCKS_SHA, decision_at_signing: 'GO', evaluation, signature });
    assert.equal(signed.history[0].detail, `Release Manager: Ann signed with SHA256:abc (gate report ${'a'.repeat(12)}…, locks ${'b'.repeat(12)}…, decision GO)`);
    const { key_fingerprint: _, ...anonymous } = signature;
    const noKey = applyChange(emptyState(), { type: 'signOff', role: 'release_manager', name: 'Ann' }, ctx({ signed: { evaluation, signature: anonymous } }));
    assert.match(noKey.history[0].detail, /^Release Manager: Ann signed with an SSH key \(gate report/);
  });

  it('refuses a sign-off without a gate report, or without locks it could name', () => {
    assert.throws(() => applyChange(emptyState(), { type: 'signOff', role: 'sre_lead', name: 'Dana' }, ctx({ fingerprint: { gateReportSha256: null, locksSha256: LOCKS_SHA } })), refused(/^there is no gate report to approve: evaluate the gates first$/));
    for (const locksSha256 of ['unavailable', `x${LOCKS_SHA}`, `${LOCKS_SHA}x`, LOCKS_SHA.toUpperCase()]) {
      assert.throws(() => applyChange(emptyState(), { type: 'signOff', role: 'sre_lead', name: 'Dana' }, ctx({ fingerprint: { gateReportSha256: REPORT_SHA, locksSha256 } })), refused(/^the profile locks cannot be checked, so a sign-off could not say which locks it approved$/), locksSha256);
    }
  });

  it('revokes a sign-off, naming who had signed', () => {
    const s = applyChange(emptyState(), { type: 'signOff', role: 'sre_lead', name: 'Dana' }, ctx());
    const revoked = applyChange(s, { type: 'revokeSignOff', role: 'sre_lead' }, ctx());
    assert.deepEqual(revoked.signoffs, {});
    assert.deepEqual(revoked.history.at(-1), { time: T, action: 'revoke', detail: 'SRE Lead: Dana' });
    assert.ok(s.signoffs.sre_lead, 'the earlier state keeps its sign-off');
  });
});

describe('checklist: what changed since a sign-off', () => {
  const OTHER = 'c'.repeat(64);
  const approved = () => approvedEvaluation(gateReport(), REPORT_SHA);

  it('is current when the signed report is the current one, and unknown without both evaluations', () => {
    const none = { verdictChanges: [], valueDrift: [] };
    assert.deepEqual(sinceSigning(approved(), REPORT_SHA, gateReport(), REPORT_SHA), { kind: 'current', ...none, approvedAt: null });
    assert.deepEqual(sinceSigning(undefined, null, gateReport(), null), { kind: 'unknown', ...none, approvedAt: null }, 'no report then and now is not "the same report"');
    assert.deepEqual(sinceSigning({ not: 'an evaluation' }, REPORT_SHA, gateReport(), OTHER), { kind: 'unknown', ...none, approvedAt: null });
    assert.deepEqual(sinceSigning(approved(), REPORT_SHA, null, null), { kind: 'unknown', ...none, approvedAt: '2026-11-27T00:00:00Z' });
  });

  it('lists value drift alone as the same verdicts', () => {
    const now = gateReport();
    now.gates[0].checks[1] = check('warn_rate', 'Warning rate', 0.0123456789, 0.05);
    assert.deepEqual(sinceSigning(approved(), REPORT_SHA, now, OTHER), { kind: 'same-verdicts', verdictChanges: [], valueDrift: ['stability/warn_rate: 0.01 → 0.0123457 (still PASS)'], approvedAt: '2026-11-27T00:00:00Z' });
    assert.deepEqual(sinceSigning(approved(), REPORT_SHA, gateReport(), OTHER), { kind: 'same-verdicts', verdictChanges: [], valueDrift: [], approvedAt: '2026-11-27T00:00:00Z' }, 'a re-written report with the same values');
  });

  it('lists a changed decision, changed outcomes, checks no longer evaluated and new checks as changed verdicts', () => {
    const now = gateReport();
    now.decision_code = 'BLOCKED';
    now.gates[0].checks[1] = { ...check('warn_rate', 'Warning rate', 0, 0.05, 'FAIL'), value: null };
    now.gates[1].checks.splice(0, 1);
    now.gates[4].checks.push(check('frozen', 'Frozen layers', 0, 0, 'PASS', '=='));
    assert.deepEqual(sinceSigning(approved(), REPORT_SHA, now, OTHER), {
      kind: 'verdicts-changed',
      verdictChanges: ['decision APPROVED → BLOCKED', 'stability/warn_rate: PASS → FAIL (0.01 → —)', 'dcts/var_ratio: PASS → not evaluated', 'model_qa/frozen: new check, PASS'],
      valueDrift: [],
      approvedAt: '2026-11-27T00:00:00Z',
    });
  });
});
