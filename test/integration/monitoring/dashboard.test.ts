import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { renderOpenMetrics, startPrometheus, type Family, type RunningServer } from '../../support/prometheus';
import { waitFor } from '../../support/waitFor';
import { interpolate, loadDashboard, panelTargets } from './dashboard';
import { knownMetrics, metricNames, runtimeMetrics, toolMetrics } from './knownMetrics';

const schemaFile = path.join(process.cwd(), 'configs/schemas/grafana-dashboard.schema.json');
// Metrics that carry a `profile` label, so panels must filter them by $profile.
const withProfile = new Set<string>([...runtimeMetrics, ...toolMetrics.filter((m) => m.startsWith('aurora_canary_') || m === 'aurora_profile_lock_valid')]);

describe('monitoring: Grafana dashboard', function () {
  this.timeout(60_000);
  const dashboard = loadDashboard();
  const targets = panelTargets(dashboard);
  const variables = dashboard.templating.list;

  describe('model', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));

    it("validates against Grafana's dashboard model (@grafana/schema → JSON Schema)", () => {
      const ok = validate(dashboard);
      assert.ok(ok, JSON.stringify(validate.errors?.slice(0, 5), null, 1));
    });

    it('the schema check rejects a typo, a wrong type and a missing schemaVersion', () => {
      const clone = () => JSON.parse(JSON.stringify(dashboard)) as Record<string, unknown> & { panels: Record<string, unknown>[] };
      const typo = clone();
      typo.panels[1].titel = typo.panels[1].title;
      const wrongType = clone();
      (wrongType.panels[1].gridPos as Record<string, unknown>).w = '12';
      const missing = clone();
      delete missing.schemaVersion;
      for (const [what, d] of [['typo', typo], ['type', wrongType], ['missing', missing]] as const) assert.equal(validate(d), false, what);
    });

    it('has unique panel ids and no overlapping panels', () => {
      const ids = dashboard.panels.map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length);
      const cells = new Map<string, string>();
      for (const p of dashboard.panels) {
        for (let x = p.gridPos.x; x < p.gridPos.x + p.gridPos.w; x++) {
          for (let y = p.gridPos.y; y < p.gridPos.y + p.gridPos.h; y++) {
            const key = `${x},${y}`;
            assert.ok(!cells.has(key), `${p.title} overlaps ${cells.get(key)} at ${key}`);
            cells.set(key, p.title);
          }
        }
        assert.ok(p.gridPos.x + p.gridPos.w <= 24, `${p.title} is wider than the grid`);
      }
    });
  });

  describe('queries and variables', () => {
    it('shows gate status and values, canary rates, lock state and evaluation freshness', () => {
      const used = new Set(targets.flatMap(({ target }) => metricNames(target.expr)));
      for (const m of ['aurora_ga_gate_status', 'aurora_ga_gate_value', 'aurora_ga_decision', 'aurora_ga_evaluation_timestamp_seconds',
        'aurora_canary_success_rate', 'aurora_canary_health_rate', 'aurora_profile_lock_valid']) assert.ok(used.has(m), `${m} not shown`);
    });

    it('uses only metrics exported by the runtime or by aurora-ga, in panels and variables', () => {
      const unknown = [...targets.map(({ panel, target }) => [panel.title, target.expr]), ...variables.filter((v) => v.type === 'query').map((v) => [`$${v.name}`, v.query!.replace(/^label_values\((.*), \w+\)$/, '$1')])]
        .flatMap(([where, q]) => metricNames(q).flatMap((m) => m.split('|')).filter((m) => !knownMetrics.has(m)).map((m) => `${where}: ${m}`));
      assert.deepEqual(unknown, []);
    });

    it('has a Prometheus datasource variable used by every panel and target', () => {
      const ds = variables.find((v) => v.type === 'datasource');
      assert.equal(ds?.query, 'prometheus');
      const ref = `\${${ds!.name}}`;
      const off = dashboard.panels.filter((p) => p.type !== 'row' && p.datasource?.uid !== ref).map((p) => p.title);
      assert.deepEqual(off, []);
      assert.deepEqual(targets.filter(({ target }) => (target as { datasource?: { uid?: string } }).datasource?.uid !== ref).map(({ panel }) => panel.title), []);
    });

    it('filters every selector by $environment, and by $profile where the metric has that label', () => {
      assert.deepEqual(variables.filter((v) => v.type === 'query').map((v) => v.name), ['environment', 'profile']);
      const problems: string[] = [];
      for (const { panel, target } of targets) {
        for (const m of metricNames(target.expr)) {
          for (const sel of target.expr.matchAll(new RegExp(`(?<![\\w:])${m}(?![\\w:])(\\{[^}]*\\})?`, 'g'))) {
            const matchers = sel[1] ?? '';
            if (!matchers.includes('environment=~"$environment"')) problems.push(`${panel.title}: ${m} without $environment`);
            if (withProfile.has(m) && !matchers.includes('profile=~"$profile"')) problems.push(`${panel.title}: ${m} without $profile`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  });

  describe('against a real Prometheus', () => {
    let prom: RunningServer;
    // Set when the server starts, not when mocha loads this file: Prometheus evaluates the alert rules
    // at the real "now", and a gauge whose last sample is over 5 minutes old is no longer seen (a
    // loaded full run reaches this block more than 5 minutes after loading it).
    let END = 0;
    const minutes = 120;
    const series = (labels: Record<string, string>, value: (i: number) => number) => ({
      labels: { environment: 'staging', ...labels },
      samples: Array.from({ length: minutes + 1 }, (_, i) => [END - (minutes - i) * 60, value(i)] as [number, number]),
    });
    const gauge = (name: string, ...s: ReturnType<typeof series>[]): Family => ({ name, type: 'gauge', series: s });

    before(async () => {
      END = Math.floor(Date.now() / 60_000) * 60;
      const gates = ['stability', 'dcts_robustness', 'coverage', 'risk_dro', 'model_qa'];
      const r2 = { profile: 'r2' };
      const smoke = { profile: 'smoke' };
      // r2 turns unhealthy in the last 15 minutes (for the live alert check below); smoke stays healthy.
      const late = (i: number) => i >= minutes - 15;
      prom = await startPrometheus({
        ruleFiles: [path.join(process.cwd(), 'configs/monitoring/aurora_alerts.yml')],
        openMetrics: renderOpenMetrics([
          gauge('aurora_ga_gate_status', ...gates.map((gate, k) => series({ gate }, () => k % 4))),
          gauge('aurora_ga_gate_value', ...gates.map((gate) => series({ gate, check: 'main' }, (i) => i / 100))),
          gauge('aurora_ga_decision', series({ data_mode: 'live' }, () => 1)),
          gauge('aurora_ga_evaluation_timestamp_seconds', series({}, (i) => END - (minutes - i) * 60)),
          gauge('aurora_canary_success_rate', series(r2, () => 0.9)),
          gauge('aurora_canary_health_rate', series(r2, () => 0.8)),
          gauge('aurora_canary_passed', series(r2, () => 1)),
          gauge('aurora_canary_runs', series(r2, () => 10)),
          gauge('aurora_canary_timestamp_seconds', series(r2, () => END - 3600)),
          gauge('aurora_profile_lock_valid', series(r2, () => 1)),
          gauge('aurora_tvf2_dcts', series(r2, () => 0.5), series(smoke, () => 0.5)),
          gauge('aurora_tvf2_dcts_robust_value', series(r2, (i) => (late(i) ? 0.7 : 0.5 + (i % 10) / 100)), series(smoke, () => 0.52)),
          gauge('aurora_ci_coverage_abs_err_ema', series(r2, (i) => (late(i) ? 0.1 : 0.03)), series(smoke, () => 0.03)),
          gauge('aurora_risk_dro_factor', series(r2, (i) => (late(i) ? 0.5 : 0.8 + (i % 5) / 10)), series(smoke, () => 1)),
          { name: 'aurora_ci_gating_violation_total', type: 'counter', series: [
            series({ ...r2, metric: 'dcts' }, (i) => Math.floor(i / 30) + (i >= minutes - 5 ? 1 : 0)),
            series({ ...smoke, metric: 'churn' }, () => 2),
          ] },
        ]),
      });
    });
    after(async () => prom?.stop());

    const query = async (q: string) => {
      const res = await fetch(`${prom.url}/api/v1/query?${new URLSearchParams({ query: q, time: String(END) })}`, { signal: AbortSignal.timeout(10_000) });
      return { status: res.status, body: (await res.json()) as { status: string; error?: string; data?: { result: unknown[] } } };
    };

    for (const values of [{ environment: ['staging'], profile: ['r2'] }, { environment: ['.*'], profile: ['.*'] }, { environment: ['staging', 'production'], profile: ['r2', 'smoke'] }]) {
      it(`every panel query parses and returns data (environment=${values.environment.join('|')}, profile=${values.profile.join('|')})`, async () => {
        const problems: string[] = [];
        for (const { panel, target } of targets) {
          const q = interpolate(target.expr, values);
          const { status, body } = await query(q);
          if (status !== 200 || body.status !== 'success') problems.push(`${panel.title} [${target.refId}]: HTTP ${status} ${body.error ?? ''}`);
          else if (!body.data?.result.length) problems.push(`${panel.title} [${target.refId}]: no data for ${q}`);
        }
        assert.deepEqual(problems, []);
      });
    }

    it('a broken query would be caught (the server rejects it with bad_data)', async () => {
      const { status, body } = await query(interpolate(targets[0].target.expr.replace(')', ''), { environment: ['staging'] }));
      assert.equal(status, 400);
      assert.equal(body.status, 'error');
    });

    it('the variable queries list the environment and profile found in the data', async () => {
      for (const v of variables.filter((x) => x.type === 'query')) {
        const m = /^label_values\((.+), (\w+)\)$/.exec(v.query!);
        assert.ok(m, `${v.name}: ${v.query}`);
        const res = await fetch(`${prom.url}/api/v1/label/${m[2]}/values?${new URLSearchParams({ 'match[]': m[1], start: String(END - 3600), end: String(END) })}`);
        const body = (await res.json()) as { status: string; data: string[] };
        assert.equal(body.status, 'success');
        assert.deepEqual(body.data, v.name === 'environment' ? ['staging'] : ['r2', 'smoke']);
      }
    });

    it('evaluates the runtime alerts on this data: AuroraHardGateTrip fires, the `for:` alerts go pending, only for r2', async () => {
      // Prometheus starts the `for:` clock at its first evaluation, so in a test the 5m/10m alerts can
      // only be pending; promtool's unit tests cover them firing.
      const want = ['AuroraCoverageEMABreach pending', 'AuroraHardGateTrip firing', 'DROFactorSuppressed pending', 'DctsRobustDivergence pending'];
      const runtime = new Set(want.map((w) => w.split(' ')[0]));
      let got: string[] = [];
      await waitFor('the runtime alerts', async () => {
        const body = (await (await fetch(`${prom.url}/api/v1/alerts`)).json()) as { data: { alerts: { labels: Record<string, string>; state: string }[] } };
        got = body.data.alerts.filter((a) => runtime.has(a.labels.alertname)).map((a) => `${a.labels.alertname} ${a.state} ${a.labels.profile}`).sort();
        return got.length >= want.length;
      }, 20_000).catch(() => undefined);
      assert.deepEqual(got, want.map((w) => `${w} r2`));
    });
  });
});
