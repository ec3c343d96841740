// Issue #12 item 2: an alert check's "no firing X" passes only when the server's rules API shows the
// alerting rule loaded, healthy and evaluated in the window; otherwise NO_DATA saying why. On REAL
// servers: Prometheus (empty TSDB, rules loaded, firing, broken rule) and VictoriaMetrics with
// vmalert (--rules-url); a small FAKE server only for rule states no real server holds on demand.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { CheckResult, GateReport } from '../../../src/core/verdict/types';
import { rulesAnswer, startFakePrometheus, vectorAnswer } from '../../support/fakePrometheus';
import { SHIPPED_ALERT_RULES } from '../../support/gatesHistory';
import { startPrometheus, startVictoriaMetrics, startVmalert, type RunningServer } from '../../support/prometheus';
import { captureIO } from '../../unit/gates/cliIO';
import { waitFor } from '../../support/waitFor';

const RULES = {
  groups: [
    {
      name: 'aurora_test',
      rules: [
        { alert: 'AuroraQuiet', expr: 'vector(1) == 0', labels: { severity: 'warning' } },
        { alert: 'AuroraLoud', expr: 'vector(1)', for: '0m', labels: { severity: 'page' } },
        // Fails at every evaluation: many-to-many matching (the rule is loaded but not healthy).
        { alert: 'AuroraBroken', expr: 'vector(1) * on() group_left() (label_replace(vector(1), "a", "1", "", "") or label_replace(vector(1), "a", "2", "", ""))' },
      ],
    },
  ],
};

const alertGates = (alertname: string, labels = '') =>
  `schema_version: 1\ngates:\n  - {key: g, id: 1, name: Alerts, fail_action: NO-GO, remediation: fix, checks: [{id: a, name: ${alertname} firing, type: alert, alertname: ${alertname}, ${labels}comparator: "==", threshold: 0}]}\n`;

describe('gates #12 item 2: alert checks prove their rule exists', function () {
  this.timeout(90_000);
  let dir: string;
  let rulesFile: string;
  const servers: RunningServer[] = [];
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-alert-rules-'));
    rulesFile = path.join(dir, 'rules.yml');
    fs.writeFileSync(rulesFile, JSON.stringify(RULES));
  });
  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** `aurora-ga gates` with an alert-only gates file, evaluated now (rules evaluate at wall-clock time). */
  async function gates(url: string, alertname: string, extra: string[] = [], labels = ''): Promise<{ code: number; report: GateReport; check: CheckResult; err: string }> {
    const file = path.join(dir, `${alertname}.yaml`);
    fs.writeFileSync(file, alertGates(alertname, labels));
    const io = captureIO(dir);
    const code = await runCli(['gates', '--prometheus-url', url, '--gates', file, '--quiet', ...extra], io, AbortSignal.timeout(30_000));
    const report = JSON.parse(io.out) as GateReport;
    return { code, report, check: report.gates[0].checks[0], err: io.err };
  }

  async function firing(url: string, alertname: string): Promise<void> {
    await waitFor(`${alertname} to fire`, async () => {
      const res = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(`ALERTS{alertname="${alertname}",alertstate="firing"}`)}`);
      return ((await res.json()) as { data: { result: unknown[] } }).data.result.length > 0;
    }, 30_000);
  }

  describe('real Prometheus', () => {
    let empty: RunningServer;
    let loaded: RunningServer;
    before(async () => {
      empty = await startPrometheus();
      loaded = await startPrometheus({ ruleFiles: [rulesFile] });
      servers.push(empty, loaded);
    });

    it('empty TSDB and no rules: the three "no firing alert" checks of the default gates are NO_DATA, never a pass', async () => {
      const io = captureIO(dir);
      const code = await runCli(['gates', '--prometheus-url', empty.url, '--quiet'], io, AbortSignal.timeout(30_000));
      const report = JSON.parse(io.out) as GateReport;
      const alerts = report.gates.flatMap((g) => g.checks).filter((c) => c.check_id.endsWith('_alert'));
      assert.equal(alerts.length, 3);
      for (const c of alerts) {
        assert.equal(c.outcome, 'NO_DATA', c.message);
        assert.match(c.message, new RegExp(`alerting rule \\w+ is not loaded \\(rules API of ${empty.url}: it lists none\\), so no firing series proves nothing`));
      }
      assert.notEqual(report.decision_code, 'APPROVED');
      assert.notEqual(code, 0);
    });

    it('an alert-only gates file on a server without the rule: NO_DATA → INCONCLUSIVE (exit 4) with the reason', async () => {
      const { code, report, check } = await gates(empty.url, 'AuroraQuiet');
      assert.equal(check.outcome, 'NO_DATA');
      assert.match(check.message, /alerting rule AuroraQuiet is not loaded/);
      assert.equal(report.decision_code, 'INCONCLUSIVE');
      assert.equal(code, 4);
    });

    it('the rule loaded and evaluated, not firing: PASS (the control), with the rule named in the evidence', async () => {
      const { code, report, check } = await gates(loaded.url, 'AuroraQuiet');
      assert.equal(check.outcome, 'PASS', check.message);
      assert.equal(check.value, 0);
      assert.match(check.evidence.note!, /none firing counts as 0: rule AuroraQuiet loaded and healthy \(group aurora_test\), last evaluated 20\d\d-/);
      assert.equal(report.decision_code, 'APPROVED');
      assert.equal(code, 0);
    });

    it('the rule firing: FAIL, BLOCKED (exit 1), the firing series in the evidence', async () => {
      await firing(loaded.url, 'AuroraLoud');
      const { code, report, check } = await gates(loaded.url, 'AuroraLoud');
      assert.equal(check.outcome, 'FAIL');
      assert.equal(check.value, 1);
      assert.equal(check.evidence.raw[0].labels?.severity, 'page');
      assert.equal(report.decision_code, 'BLOCKED');
      assert.equal(code, 1);
    });

    it('a loaded rule that fails at every evaluation: NO_DATA, "not healthy" with the server\'s error', async () => {
      const { code, check } = await gates(loaded.url, 'AuroraBroken');
      assert.equal(check.outcome, 'NO_DATA');
      assert.match(check.message, /rule AuroraBroken \(group aurora_test\) is not healthy \(err: .*many-to-many/);
      assert.equal(code, 4);
    });

    it('labels the rule can never carry (its severity is warning, the check asks for page): NO_DATA', async () => {
      const { code, check } = await gates(loaded.url, 'AuroraQuiet', [], 'labels: {severity: page}, ');
      assert.equal(check.outcome, 'NO_DATA');
      assert.match(check.message, /no loaded rule AuroraQuiet can fire with labels \{"severity":"page"\} \(its own labels: \{"severity":"warning"\}\)/);
      assert.equal(code, 4);
    });

    it('a rules URL that has no rules API (real 404): ERROR saying the rules could not be read', async () => {
      const { code, check } = await gates(loaded.url, 'AuroraQuiet', ['--rules-url', `${loaded.url}/nowhere`]);
      assert.equal(check.outcome, 'ERROR');
      assert.match(check.message, /cannot read the alerting rules from .*\/nowhere\/api\/v1\/rules, so no firing series proves nothing: HTTP 404/);
      assert.equal(code, 4);
    });

    it('the shipped rules (configs/monitoring) make the default gates\' alert checks provable', async () => {
      const shipped = await startPrometheus({ ruleFiles: [SHIPPED_ALERT_RULES()] });
      servers.push(shipped);
      const io = captureIO(dir);
      await runCli(['gates', '--prometheus-url', shipped.url, '--quiet'], io, AbortSignal.timeout(30_000));
      const alerts = (JSON.parse(io.out) as GateReport).gates.flatMap((g) => g.checks).filter((c) => c.check_id.endsWith('_alert'));
      assert.deepEqual(alerts.map((c) => c.outcome), ['PASS', 'PASS', 'PASS']);
    });
  });

  describe('fake server: rule states a real server does not hold on demand', () => {
    const at = Math.floor(Date.now() / 1000);
    it('fake server: a rule never evaluated (health unknown) and one last evaluated before the window are NO_DATA', async () => {
      const stale = new Date((at - 72 * 3600) * 1000).toISOString();
      const fake = await startFakePrometheus((p) =>
        p === '/api/v1/rules'
          ? rulesAnswer([
              { name: 'AuroraNew', health: 'unknown', lastEvaluation: '0001-01-01T00:00:00Z' },
              { name: 'AuroraStale', health: 'ok', lastEvaluation: stale },
            ])
          : vectorAnswer(at, []),
      );
      try {
        const fresh = await gates(fake.url, 'AuroraNew', ['--at', String(at)]);
        assert.equal(fresh.check.outcome, 'NO_DATA');
        assert.match(fresh.check.message, /rule AuroraNew \(group fake\) has not been evaluated yet/);
        assert.equal(fresh.code, 4);
        const old = await gates(fake.url, 'AuroraStale', ['--at', String(at)]);
        assert.equal(old.check.outcome, 'NO_DATA');
        assert.match(old.check.message, new RegExp(`rule AuroraStale \\(group fake\\) was last evaluated ${stale.replace(/\./g, '\\.')}, not inside the window`));
        assert.equal(old.code, 4);
        assert.equal(fake.requests.filter((r) => r.path === '/api/v1/rules').length, 2, 'one rules API read per run');
      } finally {
        await fake.stop();
      }
    });
  });

  describe('real VictoriaMetrics with vmalert (Debian victoria-metrics)', () => {
    let vm: RunningServer;
    let vmalert: RunningServer;
    before(async () => {
      vm = await startVictoriaMetrics();
      servers.push(vm);
      vmalert = await startVmalert({ datasourceUrl: vm.url, ruleFiles: [rulesFile] });
      servers.push(vmalert);
    });

    it('VictoriaMetrics alone answers the rules API with no rules: NO_DATA, not a pass', async () => {
      const { code, check } = await gates(vm.url, 'AuroraQuiet');
      assert.equal(check.outcome, 'NO_DATA');
      assert.match(check.message, new RegExp(`alerting rule AuroraQuiet is not loaded \\(rules API of ${vm.url}: it lists none\\)`));
      assert.equal(code, 4);
    });

    it('--rules-url pointing at vmalert: the rule loaded and evaluated, not firing, is PASS', async () => {
      const { code, check } = await gates(vm.url, 'AuroraQuiet', ['--rules-url', vmalert.url]);
      assert.equal(check.outcome, 'PASS', check.message);
      assert.match(check.evidence.note!, /rule AuroraQuiet loaded and healthy \(group aurora_test\)/);
      assert.equal(code, 0);
    });

    it('vmalert firing the rule (ALERTS written to VictoriaMetrics): FAIL, BLOCKED', async () => {
      await firing(vm.url, 'AuroraLoud');
      const { code, check } = await gates(vm.url, 'AuroraLoud', ['--rules-url', vmalert.url]);
      assert.equal(check.outcome, 'FAIL');
      assert.equal(check.value, 1);
      assert.equal(code, 1);
    });

    it('vmalert reports the broken rule unhealthy: NO_DATA', async () => {
      const { code, check } = await gates(vm.url, 'AuroraBroken', ['--rules-url', vmalert.url]);
      assert.equal(check.outcome, 'NO_DATA');
      assert.match(check.message, /rule AuroraBroken \(group aurora_test\) is not healthy/);
      assert.equal(code, 4);
    });
  });
});
