import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pushMetrics } from '../../../src/core/metrics/push';
import { startPrometheus, type RunningServer } from '../../support/prometheus';
import { aurora, parseExposition, type Sample } from './cli';
import { interpolate, loadDashboard, panelTargets } from './dashboard';
import { metricNames, toolMetrics } from './knownMetrics';
import { serveFiles, startPushgateway, type Stoppable } from './servers';

const rules = path.join(process.cwd(), 'configs/monitoring/aurora_alerts.yml');

describe('monitoring: aurora-ga metrics scraped and pushed to a real Prometheus', function () {
  this.timeout(120_000);
  let dir: string;
  let files: Stoppable;
  let gateway: Stoppable;
  let prom: RunningServer;
  const exported: Record<'gates' | 'canary' | 'locks' | 'pushed', Sample[]> = { gates: [], canary: [], locks: [], pushed: [] };

  const query = async (q: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> => {
    const res = await fetch(`${prom.url}/api/v1/query?${new URLSearchParams({ query: q })}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
    if (body.status !== 'success') throw new Error(`${q}: ${body.error}`);
    return body.data.result;
  };
  const waitFor = async (what: string, q: string, ok: (n: number) => boolean = (n) => n > 0, ms = 45_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const r = await query(q);
      if (ok(r.length)) return r;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what} (${q}): ${r.length} series\n${prom.log().slice(-2000)}`);
      await new Promise((res) => setTimeout(res, 250));
    }
  };

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'aurora-scrape-'));
    // Real outputs of the real CLI: a demo gate evaluation, and a demo canary held to a 100 % health
    // threshold that its run 4 (unhealthy by design) breaks, so it fails.
    const gates = await aurora(dir, 'gates', '--demo', '--output', 'gates.json', '--metrics-out', 'gates.prom');
    assert.ok([0, 1, 3, 4].includes(gates.code), `gates --demo: exit ${gates.code}\n${gates.stderr}`);
    const canary = await aurora(dir, 'canary', '--demo', '--runs', '4', '--interval', '0', '--health-threshold', '1', '--output', 'canary.json', '--metrics-out', 'canary.prom');
    assert.equal(canary.code, 1, canary.stderr);
    const passing = await aurora(dir, 'canary', '--demo', '--runs', '2', '--interval', '0', '--output', 'canary-ok.json', '--metrics-out', 'canary-ok.prom');
    assert.equal(passing.code, 0, passing.stderr);
    // Two locked profiles: the demo profile as locked, and a copy edited after locking.
    const profiles = path.join(dir, 'profiles');
    const demo = path.join(process.cwd(), 'configs/demo');
    mkdirSync(profiles);
    copyFileSync(path.join(demo, 'demo.yaml'), path.join(profiles, 'demo.yaml'));
    copyFileSync(path.join(demo, 'demo.lock.json'), path.join(profiles, 'demo.lock.json'));
    writeFileSync(path.join(profiles, 'edited.yaml'), readFileSync(path.join(demo, 'demo.yaml'), 'utf8').replace(/coverage_target: [\d.]+/, 'coverage_target: 0.5'));
    copyFileSync(path.join(demo, 'demo.lock.json'), path.join(profiles, 'edited.lock.json'));
    const locks = await aurora(dir, 'lock', '--check', 'profiles', '--metrics-out', 'locks.prom');
    assert.equal(locks.code, 3, locks.stderr + locks.stdout);
    for (const k of ['gates', 'canary', 'locks'] as const) exported[k] = parseExposition(readFileSync(path.join(dir, `${k}.prom`), 'utf8'));
    exported.pushed = parseExposition(readFileSync(path.join(dir, 'canary-ok.prom'), 'utf8'));

    files = await serveFiles({ '/gates': path.join(dir, 'gates.prom'), '/canary': path.join(dir, 'canary.prom'), '/locks': path.join(dir, 'locks.prom') });
    gateway = await startPushgateway();
    await pushMetrics(gateway.url, 'aurora-ga-canary-ci', readFileSync(path.join(dir, 'canary-ok.prom'), 'utf8'), AbortSignal.timeout(10_000), { grouping: { instance: 'ci-runner-1' } });
    const target = (job: string, addr: string, extra: Record<string, unknown> = {}) => ({ job_name: job, static_configs: [{ targets: [addr], labels: { environment: 'staging' } }], ...extra });
    prom = await startPrometheus({
      scrapeInterval: '1s',
      ruleFiles: [rules],
      scrapeConfigs: [
        target('aurora-ga-gates', files.url, { metrics_path: '/gates' }),
        target('aurora-ga-canary', files.url, { metrics_path: '/canary' }),
        target('aurora-ga-locks', files.url, { metrics_path: '/locks' }),
        target('pushgateway', gateway.url.replace('http://', ''), { honor_labels: true }),
      ],
    });
    await waitFor('four healthy scrape targets', 'up == 1', (n) => n === 4);
  });

  after(async () => {
    await prom?.stop();
    await gateway?.stop();
    await files?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the CLI exports exactly the agreed metric names', () => {
    const names = (s: Sample[]) => [...new Set(s.map((x) => x.name))].sort();
    assert.deepEqual(names(exported.gates), toolMetrics.filter((m) => m.startsWith('aurora_ga_')).sort());
    assert.deepEqual(names(exported.canary), toolMetrics.filter((m) => m.startsWith('aurora_canary_')).sort());
    assert.deepEqual(names(exported.locks), ['aurora_profile_lock_valid']);
  });

  it('Prometheus scrapes every exported sample with its value', async () => {
    const missing: string[] = [];
    for (const [job, samples] of [['aurora-ga-gates', exported.gates], ['aurora-ga-canary', exported.canary], ['aurora-ga-locks', exported.locks], ['aurora-ga-canary-ci', exported.pushed]] as const) {
      for (const s of samples) {
        const sel = `${s.name}{${Object.entries({ ...s.labels, job }).map(([k, v]) => `${k}="${v}"`).join(',')}}`;
        const r = await query(sel);
        if (r.length !== 1 || Number(r[0].value[1]) !== s.value) missing.push(`${sel} = ${s.value}, got ${JSON.stringify(r.map((x) => x.value[1]))}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('keeps the pushed job and grouping labels (honor_labels)', async () => {
    const r = await query('aurora_canary_passed{job="aurora-ga-canary-ci"}');
    assert.equal(r.length, 1);
    assert.equal(r[0].metric.instance, 'ci-runner-1');
    assert.equal(r[0].metric.environment, 'staging');
  });

  it("the dashboard's gate, canary, lock and freshness panels show the tool's data", async () => {
    const profiles = [...new Set([...exported.canary, ...exported.locks].map((s) => s.labels.profile))];
    const problems: string[] = [];
    for (const { panel, target } of panelTargets(loadDashboard())) {
      if (!metricNames(target.expr).every((m) => (toolMetrics as readonly string[]).includes(m))) continue;
      const r = await query(interpolate(target.expr, { environment: ['staging'], profile: profiles }));
      if (!r.length) problems.push(`${panel.title} [${target.refId}]: no data`);
    }
    assert.deepEqual(problems, []);
  });

  it('alerts on what the tool evaluated: failing canary, failing gates, an edited profile, demo data', async () => {
    await waitFor('AuroraGaEvaluationNotLive firing', 'ALERTS{alertname="AuroraGaEvaluationNotLive",alertstate="firing"}');
    const canary = await waitFor('AuroraCanaryFailing firing', 'ALERTS{alertname="AuroraCanaryFailing",alertstate="firing"}');
    assert.deepEqual(canary.map((a) => a.metric.job), ['aurora-ga-canary'], 'only the failing canary, not the pushed passing one');
    const failingGates = exported.gates.filter((s) => s.name === 'aurora_ga_gate_status' && s.value === 3).map((s) => s.labels.gate).sort();
    assert.ok(failingGates.length, 'the demo evaluation fails at least one gate (its DCTS gate), so the alert has something to show');
    const firing = (await query('ALERTS{alertname="AuroraGaGateFailing",alertstate="firing"}')).map((a) => a.metric.gate).sort();
    assert.deepEqual(firing, failingGates);
    const lock = await waitFor('AuroraProfileLockInvalid firing', 'ALERTS{alertname="AuroraProfileLockInvalid",alertstate="firing"}');
    assert.deepEqual(lock.map((a) => a.metric.profile), ['edited']);
  });
});
