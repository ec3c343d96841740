// The checklist's rules exactly at their edges: a canary rate equal to its threshold, a HIGH item
// that only warns, and what CONDITIONAL may leave open.
import assert from 'node:assert/strict';
import type { AnsweredItem } from '../../../src/core/checklist/answer';
import { decide } from '../../../src/core/checklist/decide';
import type { Impact, SignoffView } from '../../../src/core/checklist/messages';
import { buildChecklist } from '../../../src/core/checklist/view';
import type { ChecklistInputs } from '../../../src/core/checklist/inputs';
import { completeState, inputs } from './fixtures';

function itemStatus(i: ChecklistInputs, id: string): string {
  const { view } = buildChecklist(i, { ok: true, loaded: { state: completeState(), existed: true, unknownItems: [] } }, new Date('2026-11-27T01:00:00Z'));
  const item = view.sections.flatMap((s) => s.groups.flatMap((g) => g.items)).find((x) => x.id === id);
  assert.ok(item, id);
  return item.status;
}

function withRates(success: number, health: number): ChecklistInputs {
  const i = inputs();
  assert.equal(i.canary.state, 'ok');
  if (i.canary.state === 'ok') Object.assign(i.canary.value.evaluation, { success_rate: success, health_rate: health, success_threshold: 0.7, health_threshold: 0.7 });
  return i;
}

const item = (impact: Impact, status: AnsweredItem['answer']['status'], id = `${impact}.${status}`): AnsweredItem => ({
  def: { id, text: id, impact, component: 'canary' },
  answer: { status, summary: status, evidence: [], decides: true },
  checked: false,
  note: '',
});
const signed: SignoffView[] = [{ role: 'sre_lead', title: 'SRE Lead', name: 'Dana', time: '2026-11-27T00:00:00Z', stale: false, staleReasons: [], signature: 'valid', signatureDetail: 'verified', counts: true, required: true, since: null }];

describe('checklist: boundaries', () => {
  it('a canary success rate exactly at its threshold satisfies the item; just below fails it', () => {
    assert.equal(itemStatus(withRates(0.7, 1), 'canary.success'), 'satisfied');
    assert.equal(itemStatus(withRates(0.69, 1), 'canary.success'), 'failed');
  });

  it('a canary health rate exactly at its threshold satisfies the item; just below fails it', () => {
    assert.equal(itemStatus(withRates(1, 0.7), 'canary.health'), 'satisfied');
    assert.equal(itemStatus(withRates(1, 0.69), 'canary.health'), 'failed');
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
});
