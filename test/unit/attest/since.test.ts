import assert from 'node:assert/strict';
import { approvedEvaluation } from '../../../src/core/attest/signoff';
import { ROLES } from '../../../src/core/checklist/messages';
import { sinceSigning } from '../../../src/core/checklist/since';
import { buildChecklist } from '../../../src/core/checklist/view';
import { check, completeState, gateReport, inputs, REPORT_SHA, verified } from '../checklist/fixtures';

// #13 item 5: a newer evaluation with the same verdicts reads differently from one whose verdicts changed.
describe('what changed since a sign-off', () => {
  const approved = approvedEvaluation(gateReport(), REPORT_SHA);
  const NEWER = 'c'.repeat(64);

  it('is "current" for the very evaluation signed', () => {
    assert.equal(sinceSigning(approved, REPORT_SHA, gateReport(), REPORT_SHA).kind, 'current');
  });

  it('is "same-verdicts" when only values moved, listing the drift', () => {
    const now = gateReport();
    now.gates[1].checks[0] = check('var_ratio', 'Variance ratio', 0.62, 0.85);
    const s = sinceSigning(approved, REPORT_SHA, now, NEWER);
    assert.equal(s.kind, 'same-verdicts');
    assert.deepEqual(s.verdictChanges, []);
    assert.deepEqual(s.valueDrift, ['dcts/var_ratio: 0.5 → 0.62 (still PASS)']);
  });

  it('is "verdicts-changed" when a check or the decision changed verdict', () => {
    const now = gateReport();
    now.gates[1].checks[0] = check('var_ratio', 'Variance ratio', 0.91, 0.85, 'FAIL');
    now.decision_code = 'BLOCKED';
    const s = sinceSigning(approved, REPORT_SHA, now, NEWER);
    assert.equal(s.kind, 'verdicts-changed');
    assert.deepEqual(s.verdictChanges, ['decision APPROVED → BLOCKED', 'dcts/var_ratio: PASS → FAIL (0.5 → 0.91)']);
  });

  it('is "unknown" for a sign-off without the approved evaluation (written by an older version)', () => {
    assert.equal(sinceSigning(undefined, REPORT_SHA, gateReport(), NEWER).kind, 'unknown');
  });

  it('reaches the view: a stale sign-off says which kind of change, and the decision text says so too', () => {
    const state = completeState();
    for (const role of ROLES) state.signoffs[role]!.evaluation = approved;
    const i = inputs();
    i.gateReportSha256 = NEWER;
    const { view } = buildChecklist(i, { ok: true, loaded: { state, existed: true, unknownItems: [] } }, new Date(), verified());
    assert.deepEqual(view.signoffs.map((s) => s.since?.kind), ['same-verdicts', 'same-verdicts', 'same-verdicts']);
    assert.match(view.decision.deciding[0].text, /Sign-off stale: Release Manager .*\(same verdicts: re-affirm\)/);
  });
});
