import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import YAML from 'yaml';
import { knownMetrics, metricNames } from './knownMetrics';

const run = promisify(execFile);
// Tests run from the repository root (scripts/test.mjs); compiled output may live elsewhere (AURORA_OUT).
const root = process.cwd();
const monitoring = path.join(root, 'configs/monitoring');
const rulesFile = path.join(monitoring, 'aurora_alerts.yml');
const testFile = path.join(monitoring, 'tests/aurora_alerts.test.yml');

interface Rule { alert?: string; record?: string; expr: string; for?: string; labels?: Record<string, string>; annotations?: Record<string, string> }
interface Group { name: string; interval?: string; rules: Rule[] }

/** promtool's exit code and everything it printed; it reports failures on stdout and stderr. */
async function promtool(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run('promtool', args, { cwd: monitoring });
    return { code: 0, output: stdout + stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

describe('monitoring: alert rules (promtool)', function () {
  this.timeout(120_000);
  const groups = (YAML.parse(readFileSync(rulesFile, 'utf8')) as { groups: Group[] }).groups;
  const alerts = groups.flatMap((g) => g.rules).filter((r) => r.alert);

  it('promtool check rules accepts the file', async () => {
    const r = await promtool('check', 'rules', rulesFile);
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, new RegExp(`SUCCESS: ${alerts.length} rules found`));
  });

  it('promtool test rules passes', async () => {
    const r = await promtool('test', 'rules', testFile);
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, /SUCCESS/);
  });

  it('the example prometheus.yml is valid and loads the rules', async () => {
    const r = await promtool('check', 'config', path.join(monitoring, 'prometheus.yml'));
    assert.equal(r.code, 0, r.output);
    assert.match(r.output, /SUCCESS: 1 rule files found/);
    assert.match(r.output, /SUCCESS: 10 rules found/);
  });

  it('defines the four checklist alerts and the alerts on the tool\'s own metrics, each with severity and summary', () => {
    const names = alerts.map((a) => a.alert);
    for (const name of ['AuroraCoverageEMABreach', 'AuroraHardGateTrip', 'DctsRobustDivergence', 'DROFactorSuppressed',
      'AuroraGaGateFailing', 'AuroraGaEvaluationStale', 'AuroraCanaryFailing', 'AuroraProfileLockInvalid']) {
      assert.ok(names.includes(name), `${name} missing`);
    }
    for (const a of alerts) {
      assert.match(a.labels?.severity ?? '', /^(critical|warning|info)$/, `${a.alert} severity`);
      assert.ok(a.annotations?.summary, `${a.alert} summary`);
    }
  });

  it('sets no group-level interval (the server\'s evaluation_interval applies)', () => {
    assert.deepEqual(groups.filter((g) => 'interval' in g).map((g) => g.name), []);
  });

  it('queries only metrics the runtime or aurora-ga really export', () => {
    const unknown = alerts.flatMap((a) => metricNames(a.expr).filter((m) => !knownMetrics.has(m)).map((m) => `${a.alert}: ${m}`));
    assert.deepEqual(unknown, []);
    assert.deepEqual(metricNames('sum by (profile) (rate(x_total{job="a"}[5m])) / on(profile) group_left y > bool 0.5'), ['x_total', 'y']);
  });

  it('has a firing and a not-firing case for every alert in the unit tests', () => {
    const tests = (YAML.parse(readFileSync(testFile, 'utf8')) as { tests: { alert_rule_test?: { alertname: string; exp_alerts: unknown[] }[] }[] }).tests;
    const cases = tests.flatMap((t) => t.alert_rule_test ?? []);
    for (const a of alerts) {
      const mine = cases.filter((c) => c.alertname === a.alert);
      assert.ok(mine.some((c) => c.exp_alerts.length > 0), `${a.alert}: no firing case`);
      assert.ok(mine.some((c) => c.exp_alerts.length === 0), `${a.alert}: no not-firing case`);
    }
  });

  it('the unit tests catch an alert that never fires and one that always fires (mutation)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'aurora-alert-mutants-'));
    try {
      const mutants = alerts.flatMap((a) => [
        { alert: a.alert!, kind: 'never', expr: `(${a.expr}) and on() vector(0) == 1` },
        { alert: a.alert!, kind: 'always', expr: `(${a.expr}) or vector(1)` },
      ]);
      const results = await Promise.all(mutants.map(async (m, i) => {
        const sub = path.join(dir, String(i));
        mkdirSync(path.join(sub, 'tests'), { recursive: true });
        const doc = YAML.parse(readFileSync(rulesFile, 'utf8')) as { groups: Group[] };
        for (const g of doc.groups) for (const r of g.rules) if (r.alert === m.alert) r.expr = m.expr;
        writeFileSync(path.join(sub, 'aurora_alerts.yml'), YAML.stringify(doc));
        copyFileSync(testFile, path.join(sub, 'tests/aurora_alerts.test.yml'));
        return { ...m, ...(await promtool('test', 'rules', path.join(sub, 'tests/aurora_alerts.test.yml'))) };
      }));
      const survived = results.filter((r) => r.code === 0 || !r.output.includes(`alertname: ${r.alert}`)).map((r) => `${r.alert} (${r.kind})`);
      assert.deepEqual(survived, [], 'mutants the unit tests did not catch');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
