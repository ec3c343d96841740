// The demo's 72 h metric history (`npm start`, test/integration/demo): deterministic, relative to
// the demo's start, shaped so the default gates (configs/gates/aurora-ga.yaml, same metric names)
// give a mixed, instructive result that stays the same for the 12 h after the start:
//   stability  PASS — three CI-gating violations and a [CI-GATING][HARD] log line, but ~60 h ago,
//                     outside the 48 h window (the window really is the window); gated metrics
//                     spent ~4 % of the window in WARN (limit 5 %);
//   dcts       FAIL — robust DCTS drifted 22–26 % from base for 10 h (p95 > 15 %) and
//                     DctsRobustDivergence fired, although the audit's var_ratio (0.61) passes;
//   coverage   PASS — EMA breached tolerance for 1.5 h, 3 % of the window (needs ≥ 95 % within);
//   dro        WARN — DRO factor fine (p05 ≈ 0.75 despite a 1 h dip to 0.55), but the λ stand-in
//                     (aurora_risk_dro_adj) oscillates ±0.1 step to step for 9 h, so p95 |Δλ| = 0.2
//                     (a warn-severity check; the gate is CONDITIONAL anyway);
//   model_qa   PASS — the checkpoint report in the demo workspace is clean.
// npm start also appends the comparison gate (configs/demo/compare-gate.yaml, r2 against r1), which
// FAILs as CONDITIONAL (see DEMO_COMPARE_EXPECTED in configs/demo/gates.mjs).
// Decision: BLOCKED (a NO-GO gate fails). Families use the harness's shape (test/support/prometheus.ts
// renderOpenMetrics): { name, type, help, series: [{ labels, samples: [[seconds, value]] }] }.

export const DEMO_HOURS = 72;
/**
 * Samples also run this far past `end` (the start of the demo), in the quiet regime: queries at
 * "now" never see them early, and they keep the demo live — nothing goes stale or missing — for
 * this many hours after `npm start`, with the same verdicts.
 */
export const DEMO_AHEAD_HOURS = 12;
export const DEMO_STEP_SECONDS = 60;
export const DEMO_PROFILE = 'r2';

/** What the default gates say about this history (with the demo workspace's artifacts). */
export const DEMO_EXPECTED = {
  gates: { stability: 'PASS', dcts: 'FAIL', coverage: 'PASS', dro: 'WARN', model_qa: 'PASS' },
  decision: 'BLOCKED',
};

const HOUR = 3600;

/** Deterministic noise in [-1, 1] (an integer hash, so no Math.random and no seed state). */
function noise(i, salt) {
  let h = (i * 2654435761 + salt * 40503) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return (((h ^ (h >>> 16)) >>> 0) % 2001) / 1000 - 1;
}

/** Short decimals print identically on every backend (1.5699999999999998 does not). */
const r4 = (x) => Math.round(x * 1e4) / 1e4;

/**
 * The history, shaped relative to `end` (Unix seconds, a multiple of the step). Every series has one
 * sample per step from end − hours to end + aheadHours.
 */
export function demoHistory(end, { hours = DEMO_HOURS, aheadHours = DEMO_AHEAD_HOURS, step = DEMO_STEP_SECONDS, profile = DEMO_PROFILE } = {}) {
  if (!Number.isInteger(end) || end % step !== 0) throw new Error(`demoHistory: end ${end} must be a whole multiple of ${step} s`);
  if (end > 1e11) throw new Error(`demoHistory: end ${end} looks like milliseconds; pass Unix seconds`);
  const n = (hours * HOUR) / step;
  const ahead = Math.floor((aheadHours * HOUR) / step);
  const times = Array.from({ length: n + ahead + 1 }, (_, i) => end - (n - i) * step);
  const ago = (t) => (end - t) / HOUR;
  const labels = { profile };
  const series = (fn, extra = {}) => ({ labels: { ...labels, ...extra }, samples: times.map((t, i) => [t, fn(t, i)]) });
  const during = (t, fromH, toH) => ago(t) <= fromH && ago(t) > toH;

  const base = (i) => r4(0.8 + 0.01 * noise(i, 1));
  const drift = (t, i) => (during(t, 30, 20) ? 0.22 + 0.02 * (noise(i, 2) + 1) : 0.03 * noise(i, 3));
  // The runtime's gating state per metric (observe 0, warn 1, watch 2, stable 3, cooldown 4).
  const state = (metric) => (t) => {
    if (metric === 'coverage') return ago(t) > 60 ? 4 : during(t, 12, 10.5) ? 1 : 3;
    return during(t, 26, 24) ? 1 : 3;
  };
  // The autotune over-corrects for a few hours: ±0.1 around 0.6 on every step.
  const jumpy = (t) => during(t, 44, 40) || during(t, 16, 13) || during(t, 6, 4);
  const alertSamples = (fromH, toH) => times.filter((t) => during(t, fromH, toH)).map((t) => [t, 1]);

  return [
    {
      name: 'aurora_ci_gating_violation_total', type: 'counter', help: 'CI gating violations (hard-fail trips).',
      series: [series((t) => (ago(t) > 62 ? 0 : ago(t) > 61.5 ? 1 : ago(t) > 60 ? 2 : 3), { metric: 'coverage' })],
    },
    {
      name: 'aurora_ci_gating_state', help: 'CI gating state per metric (0 observe, 1 warn, 2 watch, 3 stable, 4 cooldown).',
      series: ['coverage', 'dcts'].map((metric) => series(state(metric), { metric })),
    },
    { name: 'aurora_tvf2_dcts', help: 'Base DCTS.', series: [series((_t, i) => base(i))] },
    { name: 'aurora_tvf2_dcts_robust_value', help: 'Robust (multigrid median) DCTS.', series: [series((t, i) => r4(base(i) * (1 + drift(t, i))))] },
    { name: 'aurora_tvf2_dcts_min_value', help: 'Minimum DCTS over grids.', series: [series((_t, i) => r4(base(i) - 0.02))] },
    {
      name: 'aurora_ci_coverage_abs_err_ema', help: 'EMA of |empirical coverage - target|.',
      series: [series((t, i) => r4(during(t, 12, 10.5) ? 0.07 + 0.01 * noise(i, 7) : 0.02 + 0.008 * noise(i, 8)))],
    },
    {
      name: 'aurora_risk_dro_factor', help: 'DRO risk factor.',
      series: [series((t, i) => r4(during(t, 36, 35) ? 0.55 : 0.835 + 0.09 * noise(i, 9)))],
    },
    {
      name: 'aurora_risk_dro_adj', help: 'DRO adjustment (the gates\' stand-in for the autotune λ).',
      series: [series((t, i) => r4(jumpy(t) ? (i % 2 ? 0.7 : 0.5) : 0.6 + 0.004 * noise(i, 5)))],
    },
    // Baseline (r1, the current GA) and candidate (r2) runtime step metrics for the comparison gate
    // (configs/demo/compare-gate.yaml): same median latency with a ~2.5× wider spread, 2 vs 0 errors
    // in ~57,600 steps, and decision rates within 1 %.
    {
      name: 'aurora_runtime_step_latency_seconds', help: 'Runtime step latency (s), per profile.',
      series: [
        series((_t, i) => r4(0.12 * (1 + 0.08 * noise(i, 21))), { profile: 'r1' }),
        series((_t, i) => r4(0.12 * (1 + 0.2 * noise(i, 22)))),
      ],
    },
    {
      name: 'aurora_runtime_decisions_per_second', help: 'Runtime decisions per second, per profile.',
      series: [series((_t, i) => r4(5 * (1 + 0.03 * noise(i, 23))), { profile: 'r1' }), series((_t, i) => r4(5.04 * (1 + 0.03 * noise(i, 24))))],
    },
    {
      name: 'aurora_runtime_steps_total', type: 'counter', help: 'Runtime steps, per profile.',
      series: [series((_t, i) => 20 * i, { profile: 'r1' }), series((_t, i) => 20 * i)],
    },
    {
      name: 'aurora_runtime_step_errors_total', type: 'counter', help: 'Runtime steps that failed, per profile.',
      series: [series(() => 0, { profile: 'r1' }), series((t) => (ago(t) > 30 ? 0 : ago(t) > 8 ? 1 : 2))],
    },
    {
      // Alerts as ordinary series (exact and instant; a rules-loaded server is only needed to prove rules fire).
      name: 'ALERTS', help: 'Alerts that fired in the demo history.',
      series: [{ labels: { alertname: 'DctsRobustDivergence', alertstate: 'firing', severity: 'warning', ...labels }, samples: alertSamples(29, 20) }],
    },
  ];
}

/**
 * The runtime log the stability gate's log check reads: soft gating lines inside the window and one
 * hard trip 61 h before `end`, outside the default 48 h window.
 */
export function demoLog(end) {
  const line = (hoursAgo, text) => `${new Date((end - hoursAgo * HOUR) * 1000).toISOString()} ${text}`;
  return [
    line(61, `[CI-GATING][HARD] coverage_abs_err_ema=0.112 > 0.08 profile=${DEMO_PROFILE} run=r0-0412 exit=3`),
    line(60.9, 'runner: hard gating trip; coverage EMA reset, re-running with soft gating'),
    line(40, `[CI-GATING][SOFT] dcts_robust divergence 0.18 > 0.15 profile=${DEMO_PROFILE} (warn only)`),
    line(24.5, `[CI-GATING][SOFT] dcts_robust divergence 0.24 > 0.15 profile=${DEMO_PROFILE} (warn only)`),
    line(11, `[CI-GATING][SOFT] coverage_abs_err_ema 0.071 > 0.05 profile=${DEMO_PROFILE} (warn only)`),
    line(2, `runner: canary sequence finished profile=${DEMO_PROFILE} decisions=184`),
    '',
  ].join('\n');
}
