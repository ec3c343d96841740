// The same gates against VictoriaMetrics 1.79 (Debian), the Prometheus-compatible backend users move
// to at scale: the healthy history approves and a failing one blocks, as on Prometheus. Where the
// numbers differ, the differences are asserted here and documented in the README ("GA gates").
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateGates } from '../../../src/core/gates/evaluate';
import type { GateReport } from '../../../src/core/verdict/types';
import { gatesHistory, SHIPPED_ALERT_RULES, TRIPPED, writeWorkspace, type HistoryOptions } from '../../support/gatesHistory';
import { renderOpenMetrics, startPrometheus, startVictoriaMetrics, startVmalert, type RunningServer } from '../../support/prometheus';

const END = Math.floor(Date.now() / 60_000) * 60;

const values = (r: GateReport) => Object.fromEntries(r.gates.flatMap((g) => g.checks.map((c) => [`${g.key}/${c.check_id}`, c.value])));
const statuses = (r: GateReport) => Object.fromEntries(r.gates.map((g) => [g.key, g.status]));

describe('gates: VictoriaMetrics compatibility', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-vm-'));
    writeWorkspace(dir, { end: END });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  async function both(history: Omit<HistoryOptions, 'end'>): Promise<{ vm: GateReport; prom: GateReport }> {
    const openMetrics = renderOpenMetrics(gatesHistory({ end: END, ...history }));
    const servers: RunningServer[] = [];
    try {
      // The alert checks need the rules loaded: on VictoriaMetrics vmalert evaluates them (--rules-url).
      const victoria = await startVictoriaMetrics({ openMetrics });
      servers.push(victoria);
      const vmalert = await startVmalert({ datasourceUrl: victoria.url, ruleFiles: [SHIPPED_ALERT_RULES()] });
      servers.push(vmalert, await startPrometheus({ openMetrics, ruleFiles: [SHIPPED_ALERT_RULES()] }));
      const at = new Date(END * 1000);
      const [vm, prom] = await Promise.all([
        evaluateGates({ prometheus: { url: victoria.url, rulesUrl: vmalert.url }, cwd: dir, at }, AbortSignal.timeout(30_000)),
        evaluateGates({ prometheus: { url: servers[2].url }, cwd: dir, at }, AbortSignal.timeout(30_000)),
      ]);
      return { vm, prom };
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }

  it('healthy history: APPROVED on VictoriaMetrics, with the same values as Prometheus', async () => {
    const { vm, prom } = await both({});
    assert.equal(vm.decision_code, 'APPROVED', JSON.stringify(statuses(vm)));
    assert.deepEqual(values(vm), values(prom));
  });

  it('coverage trip: BLOCKED on both, with the same share', async () => {
    const { vm, prom } = await both({ trips: { coverage: true } });
    assert.deepEqual(statuses(vm), statuses(prom));
    assert.equal(vm.decision_code, 'BLOCKED');
    assert.equal(values(vm)['coverage/in_tolerance_share'], values(prom)['coverage/in_tolerance_share']);
    assert.ok(Math.abs(values(vm)['coverage/in_tolerance_share']! - TRIPPED.coverageShare) < 1e-3);
  });

  it('difference: subquery windows are left-open on VictoriaMetrics (2880 points, not 2881), so the WARN share is exactly 6/48/2', async () => {
    const { vm, prom } = await both({ trips: { warn_rate: true } });
    assert.equal(vm.decision_code, 'BLOCKED');
    assert.equal(values(vm)['stability/warn_rate'], 0.0625);
    assert.ok(Math.abs(values(prom)['stability/warn_rate']! - 360 / 2881 / 2) < 1e-12);
  });

  it('difference: VictoriaMetrics drops NaN samples, so a NaN-only series vanishes instead of being NO_DATA', async () => {
    const { vm, prom } = await both({ nan: [{ metric: 'aurora_risk_dro_factor', profile: 'smoke' }] });
    const vmCheck = vm.gates.find((g) => g.key === 'dro')!.checks.find((c) => c.check_id === 'factor_p05')!;
    const promCheck = prom.gates.find((g) => g.key === 'dro')!.checks.find((c) => c.check_id === 'factor_p05')!;
    assert.equal(promCheck.outcome, 'NO_DATA');
    assert.equal(vmCheck.outcome, 'PASS');
    assert.deepEqual(vmCheck.evidence.raw.map((r) => r.labels?.profile), ['r2'], 'only the r2 series is left; the evidence shows it');
  });

  it('difference: a bad query is HTTP 422 with errorType "422" (Prometheus: 400 bad_data); both become ERROR with the server text', async () => {
    const vmServer = await startVictoriaMetrics({});
    try {
      const file = path.join(dir, 'bad.yaml');
      fs.writeFileSync(file, `schema_version: 1\ngates:\n  - key: broken\n    id: 1\n    name: Broken\n    fail_action: NO-GO\n    remediation: fix it\n    checks:\n      - id: q\n        name: bad query\n        type: promql\n        query: rate(x[5m]\n        comparator: "<="\n        threshold: 1\n`);
      const r = await evaluateGates({ prometheus: { url: vmServer.url }, gatesFile: file, cwd: dir, at: new Date(END * 1000) }, AbortSignal.timeout(10_000));
      const c = r.gates[0].checks[0];
      assert.equal(c.outcome, 'ERROR');
      assert.match(c.evidence.error!, /^422: error when executing query=/);
      assert.equal(c.evidence.attempts, 1, '422 is a client error: not retried');
    } finally {
      await vmServer.stop();
    }
  });
});
