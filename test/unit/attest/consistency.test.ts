import assert from 'node:assert/strict';
import { reportProblems } from '../../../src/core/attest/consistency';
import { buildReport } from '../../../src/core/gates/report';
import type { GateReport } from '../../../src/core/verdict/types';
import { check, gateReport } from '../checklist/fixtures';

// A report must agree with itself before it counts; each case changes one field the way someone
// relabelling a report would.
describe('gate report consistency', () => {
  it('accepts a report the engine assembled (buildReport), and the fixture', () => {
    const fixture = gateReport();
    assert.deepEqual(reportProblems(fixture), []);
    const built = buildReport(fixture.gates, { windowHours: 48, window: '48h', at: new Date('2026-11-27T00:00:00Z'), dataMode: 'live', source: 'http://127.0.0.1:9090', gatesFile: '/g.yaml' });
    assert.deepEqual(reportProblems(built), []);
  });

  const cases: [string, (r: GateReport) => void, RegExp][] = [
    ['a FAIL relabelled PASS', (r) => { r.gates[1].checks[0] = { ...check('var_ratio', 'Variance ratio', 0.91, 0.85), outcome: 'PASS' }; }, /gate 2 check var_ratio: 0\.91 <= 0\.85 is FAIL, the report says PASS/],
    ['a threshold edited to let a value pass', (r) => { r.gates[1].checks[0].threshold = 0.3; }, /gate 2 check var_ratio: 0\.5 <= 0\.3 is FAIL, the report says PASS[\s\S]*the evidence's threshold differs/],
    ['a FAIL counted as PASS', (r) => { Object.assign(r.gates[0].checks[1], check('warn_rate', 'w', 0.2, 0.05, 'FAIL'), { counts_as: 'PASS' }); }, /a FAIL counts as FAIL, the report says PASS/],
    ['a gate status above its worst check', (r) => { r.gates[2].checks[0] = check('in_tolerance_share', 's', 0.5, 0.95, 'FAIL', '>='); r.gates[2].checks[0].counts_as = 'FAIL'; }, /gate 3: its checks make it FAIL, the report says PASS[\s\S]*decision: the gates make it BLOCKED, the report says APPROVED/],
    ['a decision code changed', (r) => { r.decision_code = 'APPROVED'; r.gates[3].status = 'WARN'; r.gates[3].checks[0] = check('dro_factor_p05', 'd', 0.5, 0.6, 'WARN', '>='); r.gates[3].checks[0].severity = 'warn'; }, /decision: the gates make it CONDITIONAL, the report says APPROVED/],
    ['decision text not matching its code', (r) => { r.decision = '✅ anything'; }, /decision text does not match APPROVED/],
    ['NO_DATA with a value', (r) => { Object.assign(r.gates[0].checks[0], { outcome: 'NO_DATA', counts_as: 'FAIL' }); }, /outcome NO_DATA with a value/],
    ['NO_DATA counted as PASS', (r) => { Object.assign(r.gates[0].checks[0], { outcome: 'NO_DATA', counts_as: 'PASS', value: null }); }, /NO_DATA can never count as PASS/],
    ['live data whose source is a demo', (r) => { r.source = 'demo of /x/recording.json (recorded from http://a at t)'; }, /data_mode is live, but the source is a demo/],
    ['demo data relabelled live by data_mode only', (r) => { r.data_mode = 'demo'; }, /data_mode is demo, but the source is http:\/\/127\.0\.0\.1:9090/],
    ['a check from another server than the report says', (r) => { r.gates[0].checks[0].evidence.source = 'http://other:9090'; }, /data from http:\/\/other:9090, but the report says http:\/\/127\.0\.0\.1:9090/],
    ['an exit code that does not match', (r) => { r.exit_code = 0; r.data_mode = 'replay'; r.source = 'replay of x'; }, /exit_code 0 does not match APPROVED from replay data/],
  ];
  for (const [what, edit, expected] of cases) {
    it(`names ${what}`, () => {
      const r = gateReport();
      edit(r);
      const problems = reportProblems(r);
      assert.match(problems.join('\n'), expected);
    });
  }
});
