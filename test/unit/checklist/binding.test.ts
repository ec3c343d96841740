import assert from 'node:assert/strict';
import fs from 'node:fs';
import { parse } from 'yaml';
import { CHECKLIST } from '../../../src/core/checklist/definition';
import { bundledConfig } from '../../../src/core/util/packageRoot';

// The gate criteria of the original checklist are answered by the checks of the shipped gate
// definitions: each criterion must find exactly its own checks, and every check must answer one.
describe('checklist criteria bound to the shipped gate checks (configs/gates/aurora-ga.yaml)', () => {
  const gates = (parse(fs.readFileSync(bundledConfig('gates', 'aurora-ga.yaml'), 'utf8')) as { gates: { id: number; checks: { id: string; name: string }[] }[] }).gates;

  it('matches each criterion to its checks', () => {
    const found: Record<string, string[]> = {};
    for (const group of CHECKLIST[0].groups) {
      for (const item of group.items) {
        if (item.auto?.kind !== 'gate-check') continue;
        const src = item.auto;
        const gate = gates.find((g) => g.id === src.gate)!;
        found[item.id] = gate.checks.filter((c) => src.match.test(`${c.id} ${c.name}`)).map((c) => c.id);
      }
    }
    assert.deepEqual(found, {
      'gate1.c1': ['violations'], 'gate1.c2': ['warn_rate'], 'gate1.c3': ['hard_log_lines'],
      'gate2.c1': ['var_ratio'], 'gate2.c2': ['rel_diff_p95'], 'gate2.c3': ['divergence_alert'],
      'gate3.c1': ['in_tolerance_share'], 'gate3.c2': ['ema_breach_alert'],
      'gate4.c1': ['factor_p05'], 'gate4.c2': ['lambda_step_p95'], 'gate4.c3': ['suppressed_alert'],
      'gate5.c1': ['anomalies'], 'gate5.c2': ['min_cosine', 'frozen'], 'gate5.c3': ['nonfinite'],
    });
    const answered = new Set(Object.values(found).flat());
    assert.deepEqual(gates.flatMap((g) => g.checks.map((c) => c.id)).filter((id) => !answered.has(id)), []);
  });
});
