// The checklist's rules exactly at their edges: a canary rate equal to its threshold, a HIGH item
// that only warns, and what CONDITIONAL may leave open.
import assert from 'node:assert/strict';
import type { AnsweredItem } from '../../../src/core/checklist/answer';
import { decide } from '../../../src/core/checklist/decide';
import type { Impact, SignoffView } from '../../../src/core/checklist/messages';
import { buildChecklist } from '../../../src/core/checklist/view';
import type { ChecklistInputs } from '../../../src/core/checklist/inputs';
import { check, completeState, inputs } from './fixtures';

function itemView(i: ChecklistInputs, id: string) {
  const { view } = buildChecklist(i, { ok: true, loaded: { state: completeState(), existed: true, unknownItems: [] } }, new Date('2026-11-27T01:00:00Z'));
  const item = view.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((x) => x.id === id);
  assert.ok(item, id);
  return item;
}
const itemStatus = (i: ChecklistInputs, id: string) => itemView(i, id).status;

function withRates(success: number, health: number): ChecklistInputs {
  const i = inputs();
  assert.equal(i.canary.state, 'ok');
  if (i.canary.state === 'ok') Object.assign(i.canary.value.evaluation, { success_rate: success, health_rate: health, success_threshold: 0.7, health_threshold: 0.7 });
  return i;
}

const item = (impact: Impact, status: AnsweredItem['answer']['status'], id = `${impact}.${status}`): AnsweredItem => ({
  def: { id, text: id, title: id, impact, component: 'canary' },
  answer: { status, summary: status, evidence: [], decides: true },
  checked: false,
  note: '',
});
const signed: SignoffView[] = [{ role: 'sre_lead', title: 'SRE Lead', name: 'Dana', time: '2026-11-27T00:00:00Z', stale: false, staleReasons: [], signature: 'valid', signatureDetail: 'verified', counts: true, required: true, since: null }];

describe('checklist: boundaries', () => {
  it('a canary success rate exactly at its threshold satisfies the item; just below fails it', () => {
    assert.equal(itemStatus(withRates(0.7, 1), 'canary.success'), 'satisfied');
    assert.equal(itemStatus(withRates(0.69, 1), 'canary.success'), 'failed');
    // Rates are shown to one decimal of a percent.
    assert.equal(itemView(withRates(0.755, 1), 'canary.success').summary, '75.5% (≥ 70%)');
    assert.equal(itemView(withRates(0.6875, 1), 'canary.success').summary, '68.8% < 70%');
  });

  it('a canary health rate exactly at its threshold satisfies the item; just below fails it', () => {
    assert.equal(itemStatus(withRates(1, 0.7), 'canary.health'), 'satisfied');
    assert.equal(itemStatus(withRates(1, 0.69), 'canary.health'), 'failed');
    assert.equal(itemView(withRates(1, 0.7), 'canary.health').summary, '70% (≥ 70%)');
    assert.equal(itemView(withRates(1, 0.5), 'canary.health').summary, '50% < 70%');
  });

  it('a HIGH item that is short is NO-GO even when it only warns (only CRITICAL warnings can be CONDITIONAL)', () => {
    const high = decide([item('HIGH', 'warn')], signed);
    assert.equal(high.decision, 'NO-GO');
    assert.deepEqual(high.deciding.map((d) => d.itemId), ['HIGH.warn']);
    assert.equal(decide([item('CRITICAL', 'warn')], signed).decision, 'CONDITIONAL');
  });

  it('MEDIUM and LOW items never decide, whatever their state; CRITICAL/HIGH failures do', () => {
    assert.equal(decide([item('MEDIUM', 'failed'), item('LOW', 'no_data'), item('HIGH', 'satisfied')], signed).decision, 'GO');
    assert.equal(decide([item('HIGH', 'failed')], signed).decision, 'NO-GO');
    assert.equal(decide([item('HIGH', 'open')], signed).decision, 'NO-GO');
    assert.equal(decide([item('CRITICAL', 'no_data')], signed).decision, 'NO-GO');
  });

  it('CONDITIONAL names the CRITICAL warning first, then the missing sign-off; GO needs no sign-off gap', () => {
    const missing: SignoffView[] = [{ role: 'release_manager', title: 'Release Manager', name: null, time: null, stale: false, staleReasons: [], signature: null, signatureDetail: '', counts: false, required: true, since: null }];
    const r = decide([item('CRITICAL', 'warn', 'gate4.status')], missing);
    assert.equal(r.decision, 'CONDITIONAL');
    assert.deepEqual(r.deciding.map((d) => d.itemId ?? d.text), ['gate4.status', 'Sign-off missing: Release Manager']);
    assert.equal(decide([], missing).decision, 'CONDITIONAL');
    assert.equal(decide([], signed).decision, 'GO');
  });

  it('an optional item left open does not decide; an optional item that failed does', () => {
    const open = { ...item('HIGH', 'open'), def: { ...item('HIGH', 'open').def, optional: true } };
    assert.equal(decide([open], signed).decision, 'GO');
    const failed = { ...item('HIGH', 'failed'), def: { ...item('HIGH', 'failed').def, optional: true } };
    assert.equal(decide([failed], signed).decision, 'NO-GO');
  });

  it('items of the "after" phase and items that do not decide are ignored', () => {
    const after = { ...item('CRITICAL', 'failed'), def: { ...item('CRITICAL', 'failed').def, phase: 'after' as const } };
    const silent = { ...item('CRITICAL', 'failed'), answer: { ...item('CRITICAL', 'failed').answer, decides: false } };
    assert.equal(decide([after, silent], signed).decision, 'GO');
  });

  it('deciding items come CRITICAL first, whatever order they were given in, each named by its label without markup', () => {
    const high = { ...item('HIGH', 'failed', 'h'), def: { id: 'h', title: 'Every profile has a lock file', text: '**Lock Files:** a `.lock.json`', impact: 'HIGH' as const, component: 'locks' as const } };
    const critical = { ...item('CRITICAL', 'failed', 'c'), def: { id: 'c', text: 'c', title: 'c', label: 'Gate 1 status', impact: 'CRITICAL' as const, component: 'gates' as const } };
    const r = decide([high, critical], signed);
    assert.deepEqual(r.deciding.map((d) => d.itemId), ['c', 'h']);
    assert.deepEqual(r.deciding.map((d) => d.text), ['CRITICAL · Gate 1 status — FAILED: failed', 'HIGH · Lock Files: a .lock.json — FAILED: failed']);
  });

  it('a stale sign-off is named with its signer and every reason', () => {
    const stale: SignoffView[] = [{ ...signed[0], stale: true, staleReasons: ['gate report changed', 'locks changed'] }];
    assert.deepEqual(decide([], stale).deciding.map((d) => d.text), ['Sign-off stale: SRE Lead (Dana) — gate report changed; locks changed']);
  });

  it('canary runs: all planned runs executed satisfies; fewer, or a plan of none, fails', () => {
    const runs = (total: number, planned: number) => {
      const i = inputs();
      if (i.canary.state === 'ok') Object.assign(i.canary.value.evaluation, { total_runs: total, planned_runs: planned });
      return itemStatus(i, 'canary.runs');
    };
    assert.equal(runs(10, 10), 'satisfied');
    assert.equal(runs(9, 10), 'failed');
    assert.equal(runs(0, 0), 'failed');
  });

  it('a gate criterion answered by several checks takes the worst of them; with none, the gate answers it', () => {
    const withChecks = (checks: ReturnType<typeof check>[]) => {
      const i = inputs();
      if (i.gates.state === 'ok') i.gates.value.gates[0].checks = checks;
      return itemView(i, 'gate1.c2');
    };
    // gate1.c2 is the Warning Rate criterion (/warn/i): two checks measure it.
    const worst = withChecks([check('warn_rate', 'Warning rate', 0.01, 0.05), check('warn_share', 'Warn share', 0.2, 0.1, 'FAIL')]);
    assert.equal(worst.status, 'failed');
    assert.equal(worst.summary, 'Warning rate: 0.01 — within the limit 0.05 (PASS); Warn share: 0.2 — above the limit 0.1 (FAIL)');
    const first = withChecks([check('warn_share', 'Warn share', 0.2, 0.1, 'FAIL'), check('warn_rate', 'Warning rate', 0.01, 0.05)]);
    assert.equal(first.status, 'failed');
    const none = withChecks([check('violations', 'CI gating violations', 0, 0, 'PASS', '==')]);
    assert.equal(none.status, 'satisfied');
    assert.match(none.summary, /^PASS \(answered by the gate: no check of gate 1 measures this criterion alone\)$/);
  });
});
