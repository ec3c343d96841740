// A compare check in the Gates view tooltip and the checklist's evidence: the numbers behind the
// verdict (n, medians, W and p, the Hodges–Lehmann interval, the effect, the rule) are shown in both.
import assert from 'node:assert/strict';
import { checkEvidence } from '../../../src/core/checklist/answer';
import { describeJudgement, judgeSamples } from '../../../src/core/judge';
import type { CheckResult, GateReport } from '../../../src/core/verdict/types';
import { buildGatesModel } from '../../../src/providers/gates/model';

const AT = '2026-11-27T02:00:00.000Z';

function compareCheck(): CheckResult {
  const baseline = Array.from({ length: 40 }, (_, i) => 100 + (i % 7));
  const candidate = baseline.map((v) => v * 1.2);
  const judgement = judgeSamples(candidate, baseline, { direction: 'increase', effect: 'relative', allowed: 0.1, confidence: 0.98, minSamples: 10, nan: 'remove', spreadAllowed: 0.5 });
  const summary = describeJudgement(judgement, 'p95 latency');
  return {
    check_id: 'p95', name: 'p95 latency', outcome: 'FAIL', counts_as: 'FAIL', value: judgement.value, threshold: 0.1, comparator: '<=', severity: 'fail', message: `p95 latency: ${summary}`,
    evidence: {
      kind: 'prometheus', source: 'http://127.0.0.1:9090', query: 'lat{version="v2"}', evaluated_at: AT, window: '2h', raw: [], threshold: 0.1, comparator: '<=', duration_ms: 3,
      comparison: { baseline: { value: 'v1', queries: ['lat{version="v1"}'], series_count: 1 }, candidate: { value: 'v2', queries: ['lat{version="v2"}'], series_count: 1 }, judgement, summary, group: 'default', weight: 1, critical: false },
    },
  };
}

describe('compare checks in the Gates view and the checklist', () => {
  const c = compareCheck();

  it('the tooltip shows both sides and every number behind the verdict', () => {
    const report: GateReport = {
      schema_version: 2, timestamp: AT, window_hours: 2, data_mode: 'live', overall_status: 'FAIL', ga_status: 'FAIL', decision: 'x', decision_code: 'BLOCKED', next_steps: [], source: 'p',
      gates: [{ gate_id: 1, gate_name: 'Compare', status: 'FAIL', value: c.value, threshold: 0.1, condition: 'c', message: c.message, fail_action: 'NO-GO', key: 'cmp', remediation: 'look', checks: [c] }],
    };
    // By construction every candidate value exceeds every baseline value (W = 40 · 40) and the
    // medians are 103 and 1.2 · 103. The tooltip is Markdown with every special character escaped; read it as text.
    const tip = buildGatesModel(report).gates[0].checks[0].tooltip.replace(/\\(.)/g, '$1');
    assert.match(tip, /Baseline ` v1 ` vs candidate ` v2 `/);
    for (const fact of [/- n: candidate 40, baseline 40/, /- median: candidate 123\.6, baseline 103/, /- Mann–Whitney: W = 1600, p < 0\.0001/, /- Hodges–Lehmann shift: 20\.6 \(98% CI \[/, /- effect \(relative\): 20%, CI \[/, /- rule: the whole interval is beyond the allowed limit → FAIL/]) {
      assert.match(tip, fact);
    }
    assert.match(tip, /is 20% higher, 98% CI \[\d+(\.\d+)?%, \d+(\.\d+)?%\], above the allowed 10%/);
  });

  it("the checklist's evidence line carries the sentence and the statistics", () => {
    const line = checkEvidence(c);
    assert.match(line, /p95 latency: 0\.2, required at most 0\.1 → FAIL/);
    assert.match(line, /candidate p95 latency is 20% higher, 98% CI \[\d+(\.\d+)?%, \d+(\.\d+)?%\], above the allowed 10%/);
    assert.match(line, /Mann–Whitney: W = \d+/);
  });
});
