// Deterministic Aurora runtime histories for the gate tests and the bench: the metric names the
// runtime exports (original-kit §8.4), one sample per step per profile, and knobs that trip exactly
// one thing at a time. Values are short decimals so Prometheus and VictoriaMetrics store them alike.
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { DEFAULT_GATES_FILE } from '../../src/core/gates/evaluate';
import { loadGates } from '../../src/core/gates/load';
import { packageRoot } from '../../src/core/util/packageRoot';
import type { Family, Sample, Series } from './prometheus';

/** The shipped alerting rules: the default gates' alert checks need them loaded to pass (#12). */
export const SHIPPED_ALERT_RULES = (): string => path.join(packageRoot(), 'configs/monitoring/aurora_alerts.yml');

export type Trip = 'violations' | 'warn_rate' | 'dcts' | 'coverage' | 'dro_factor' | 'lambda';

export interface HistoryOptions {
  /** Unix seconds, a multiple of `step`: the last sample (evaluate with --at at this time). */
  end: number;
  /** Hours of history before `end` (default 50: a 48 h window plus a margin). */
  hours?: number;
  step?: number;
  profiles?: string[];
  /** Trips one behaviour in one profile (default: the LAST profile, so "only the first series" would miss it). */
  trips?: Partial<Record<Trip, string | true>>;
  /** Series whose every value is NaN, per metric and profile. */
  nan?: { metric: string; profile: string }[];
  /** Metric names to leave out entirely. */
  omit?: string[];
  /** ALERTS series firing between `from` and `to` hours before `end`. */
  alerts?: { alertname: string; from: number; to: number; labels?: Record<string, string> }[];
}

export const HEALTHY = {
  warnShare: 0,
  relDiff: 0.02,
  coverageErr: 0.02,
  droFactor: 0.85,
  lambda: 0.6,
} as const;

/** What the tripped values are, so tests can assert exact results. */
export const TRIPPED = {
  /** Violations counted inside the window. */
  violations: 1,
  /** WARN for 6 h of 48 h on one of two metrics: 6/48/2. */
  warnShare: 0.0625,
  /** Robust 30 % off base for 12 h of 48 h: p95 is 0.3. */
  relDiff: 0.3,
  /** EMA error 0.08 for 6 h of 48 h (tolerance 0.05): 42/48 of the window in tolerance. */
  coverageShare: 0.875,
  /** DRO factor 0.5 for 6 h: p05 is 0.5. */
  droFactor: 0.5,
  /** λ stand-in alternating 0.5 / 0.7 for 6 h: p95 |Δ| is 0.2. */
  lambdaStep: 0.2,
} as const;

const HOUR = 3600;

export function gatesHistory(o: HistoryOptions): Family[] {
  const step = o.step ?? 60;
  const hours = o.hours ?? 50;
  const profiles = o.profiles ?? ['r2', 'smoke'];
  if (!Number.isInteger(o.end) || o.end % step) throw new Error(`end ${o.end} must be a multiple of ${step}`);
  const n = (hours * HOUR) / step;
  const times = Array.from({ length: n + 1 }, (_, i) => o.end - (n - i) * step);
  const ago = (t: number) => (o.end - t) / HOUR;
  const during = (t: number, from: number, to: number) => ago(t) <= from && ago(t) > to;
  const tripped = (trip: Trip, profile: string) => {
    const who = o.trips?.[trip];
    return who === true ? profile === profiles[profiles.length - 1] : who === profile;
  };
  const isNan = (metric: string, profile: string) => (o.nan ?? []).some((x) => x.metric === metric && x.profile === profile);
  const series = (metric: string, profile: string, fn: (t: number, i: number) => number, extra: Record<string, string> = {}): Series => ({
    labels: { profile, ...extra },
    samples: times.map((t, i): Sample => [t, isNan(metric, profile) ? NaN : fn(t, i)]),
  });
  const family = (name: string, help: string, make: (p: string) => Series[], type: Family['type'] = 'gauge'): Family => ({
    name,
    type,
    help,
    series: profiles.flatMap(make),
  });

  const families: Family[] = [
    family(
      'aurora_ci_gating_violation_total',
      'CI gating violations.',
      (p) => [series('aurora_ci_gating_violation_total', p, (t) => (tripped('violations', p) && ago(t) <= 10 ? 3 : 2), { metric: 'coverage' })],
      'counter',
    ),
    family('aurora_ci_gating_state', 'CI gating state per metric.', (p) =>
      ['coverage', 'dcts'].map((metric) =>
        series('aurora_ci_gating_state', p, (t) => (metric === 'dcts' && tripped('warn_rate', p) && during(t, 20, 14) ? 1 : 3), { metric }),
      ),
    ),
    family('aurora_tvf2_dcts', 'Base DCTS.', (p) => [series('aurora_tvf2_dcts', p, (_t, i) => (80 + (i % 3)) / 100)]),
    family('aurora_tvf2_dcts_robust_value', 'Robust DCTS.', (p) => [
      // robust = base × (1 + d), with base and d short decimals: 0.8 × 1.02 = 0.816, 0.8 × 1.3 = 1.04.
      series('aurora_tvf2_dcts_robust_value', p, (t, i) => {
        const base = (80 + (i % 3)) / 100;
        const d = tripped('dcts', p) && during(t, 30, 18) ? TRIPPED.relDiff : HEALTHY.relDiff;
        return Math.round(base * (1 + d) * 1e6) / 1e6;
      }),
    ]),
    family('aurora_tvf2_dcts_min_value', 'Minimum DCTS over grids.', (p) => [series('aurora_tvf2_dcts_min_value', p, (_t, i) => (78 + (i % 3)) / 100)]),
    family('aurora_ci_coverage_abs_err_ema', 'Coverage EMA error.', (p) => [
      series('aurora_ci_coverage_abs_err_ema', p, (t) => (tripped('coverage', p) && during(t, 12, 6) ? 0.08 : HEALTHY.coverageErr)),
    ]),
    family('aurora_risk_dro_factor', 'DRO factor.', (p) => [
      series('aurora_risk_dro_factor', p, (t) => (tripped('dro_factor', p) && during(t, 30, 24) ? TRIPPED.droFactor : HEALTHY.droFactor)),
    ]),
    family('aurora_risk_dro_adj', 'DRO adjustment (the λ stand-in).', (p) => [
      series('aurora_risk_dro_adj', p, (t, i) => (tripped('lambda', p) && during(t, 16, 10) ? (i % 2 ? 0.7 : 0.5) : HEALTHY.lambda)),
    ]),
  ];
  const alerts = o.alerts ?? [];
  if (alerts.length) {
    families.push({
      name: 'ALERTS',
      help: 'Alerts.',
      series: alerts.map((a) => ({
        labels: { alertname: a.alertname, alertstate: 'firing', ...a.labels },
        samples: times.filter((t) => during(t, a.from, a.to)).map((t): Sample => [t, 1]),
      })),
    });
  }
  return families.filter((f) => !(o.omit ?? []).includes(f.name));
}

export interface WorkspaceOptions {
  end: number;
  /** Checkpoint report: 'clean' (analyzer shape), 'anomaly', 'flat-clean', 'missing', or an object written as-is. */
  ckpt?: 'clean' | 'anomaly' | 'flat-clean' | 'missing' | object;
  /** DCTS audit var_ratio (null writes null; undefined leaves the default 0.5). */
  varRatio?: number | null;
  /** Extra log lines, each [hours before end, text]. */
  log?: [number, string][];
}

/** Writes artifacts/ (checkpoint report, DCTS audit) and logs/runtime.log into `dir`. */
export function writeWorkspace(dir: string, o: WorkspaceOptions): void {
  const w = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  const analysis = (checkpoint: string, cos: number, anomaly = false, reason: string | null = null) => ({
    checkpoint,
    cosine_min: cos,
    cosine_mean: 0.999,
    frozen_fraction: 0,
    anomaly,
    reason,
  });
  const ckpt = o.ckpt ?? 'clean';
  const reports: Record<string, object> = {
    clean: { reference: 'ckpt_0009.pt', analyses: [analysis('ckpt_0010.pt', 0.9981), analysis('ckpt_0011.pt', 0.9977)], profile: 'strict' },
    anomaly: { reference: 'ckpt_0009.pt', analyses: [analysis('ckpt_0010.pt', 0.9981), analysis('ckpt_0011.pt', 0.2, true, 'low_cosine')], profile: 'strict' },
    'flat-clean': { anomalies: 0, min_cos_similarity: 0.998, frozen_layers: 0 },
  };
  if (ckpt !== 'missing') w('artifacts/ckpt/report.json', JSON.stringify(typeof ckpt === 'string' ? reports[ckpt] : ckpt, null, 2));
  w('artifacts/dcts_audit/report.json', JSON.stringify({ counts: { base: 12, robust: 12 }, var_ratio: o.varRatio === undefined ? 0.5 : o.varRatio }, null, 2));
  const line = (h: number, text: string) => `${new Date((o.end - h * HOUR) * 1000).toISOString()} ${text}`;
  const lines: [number, string][] = [[30, '[CI-GATING] metric=coverage value=0.02 threshold=0.05 relation=<= state:stable->stable violation=False'], ...(o.log ?? [])];
  w('logs/runtime.log', `${lines.sort((a, b) => b[0] - a[0]).map(([h, t]) => line(h, t)).join('\n')}\n`);
}

/** 50 gates: the five defaults ten times over, each copy's queries made distinct (same cost, no sharing). */
export async function fiftyGates(dir: string): Promise<string> {
  const { definitions } = await loadGates(DEFAULT_GATES_FILE());
  const gates = Array.from({ length: 10 }, (_, copy) =>
    definitions.gates.map((g) => ({
      ...g,
      key: `${g.key}_${copy}`,
      id: copy * 10 + g.id,
      checks: g.checks.map((c) => (c.type === 'promql' || c.type === 'promql_range' ? { ...c, query: c.query.replace(/\{profile=~/g, `{copy!="${copy}",profile=~`) } : c)),
    })),
  ).flat();
  const file = path.join(dir, 'gates50.yaml');
  fs.writeFileSync(file, stringify({ ...definitions, gates }));
  return file;
}
