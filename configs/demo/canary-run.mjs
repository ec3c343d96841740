#!/usr/bin/env node
// Demo run command for `aurora-ga canary --demo` and `npm start`: stands in for the trading
// runtime (run_r0.py) so a canary shows something real without it. It does a little work, prints
// runtime-like log lines and writes summary.json (the r2_main_loop / r2_preloop schema the health
// checks read) into its run directory. Deterministic: the same --seed gives the same runs, and
// seed 42 makes runs 4 and 9 of a sequence unhealthy.
//
// Usage: node canary-run.mjs --run-dir DIR --run-id N [--profile P] [--seed S] [--work-ms MS]
//        [--ci-gating soft|hard] [--hard-trip-run N]
// Exit: 0 done; 3 hard gating trip (only with --ci-gating hard and --hard-trip-run = this run);
//       2 bad arguments.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      'run-dir': { type: 'string', default: process.env.AURORA_RUN_DIR },
      'run-id': { type: 'string', default: process.env.AURORA_RUN_ID ?? '1' },
      profile: { type: 'string', default: process.env.AURORA_PROFILE ?? '' },
      seed: { type: 'string', default: process.env.AURORA_DEMO_SEED ?? '42' },
      'work-ms': { type: 'string', default: '150' },
      'ci-gating': { type: 'string' },
      'hard-trip-run': { type: 'string', default: process.env.AURORA_DEMO_HARD_TRIP_RUN ?? '' },
    },
    strict: true,
  }));
} catch (err) {
  console.error(`canary-run: ${err.message}`);
  process.exit(2);
}
const runDir = args['run-dir'];
const runId = Number(args['run-id']);
const gating = args['ci-gating'] ?? 'none';
if (!runDir || !Number.isInteger(runId) || runId < 1 || !['none', 'soft', 'hard'].includes(gating)) {
  console.error('canary-run: needs --run-dir (or AURORA_RUN_DIR), an integer --run-id >= 1, --ci-gating soft|hard');
  process.exit(2);
}

// mulberry32 over (seed, run id): reproducible without any dependency.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const seed = Number(args.seed) || 0;
const rand = rng(seed * 1000003 + runId);
const unhealthyRuns = seed === 42 ? new Set([4, 9]) : new Set([1 + Math.floor(rng(seed)() * 10)]);
// Two kinds of sick run, as seen in the field: budget starvation in the preloop, or a main loop that never decided.
const sickness = !unhealthyRuns.has(runId) ? null : runId % 2 === 0 ? 'zero_budget' : 'no_decisions';
const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '');
const log = (msg) => console.log(`${new Date().toISOString()} [r2] ${msg}`);

log(`run_${stamp} run=${runId} profile=${args.profile || '(none)'} ci_gating=${gating} seed=${seed}`);
const ticks = 3;
for (let t = 1; t <= ticks; t++) log(`preloop tick ${t}/${ticks} budget=${(0.8 + rand() * 0.2).toFixed(3)}`);

const workMs = Math.max(0, Number(args['work-ms']) || 0);
await new Promise((r) => setTimeout(r, workMs * (0.8 + rand() * 0.4)));

const decisions = sickness === 'no_decisions' ? 0 : 20 + Math.floor(rand() * 30);
const executions = decisions === 0 ? {} : { PASS: Math.floor(decisions * 0.6), DERISK: Math.floor(decisions * 0.3), BLOCK: decisions - Math.floor(decisions * 0.6) - Math.floor(decisions * 0.3) };
const churn = 40 + rand() * 30;
log(`main loop done decisions=${decisions} executions=${Object.keys(executions).length}`);
console.log(`[CI-GATING] metric=decision_churn_per_1k value=${churn.toFixed(2)} threshold=50 relation=<= state:stable->${churn > 50 ? 'warn' : 'stable'} violation=${churn > 50} run=run_${stamp}`);

const trip = gating === 'hard' && args['hard-trip-run'] !== '' && Number(args['hard-trip-run']) === runId;
const summary = {
  run_id: `run_${stamp}`,
  demo: true,
  profile: args.profile,
  mode: 'r2',
  ci_gating: { mode: gating, violations: churn > 50 ? ['decision_churn_per_1k'] : [], ci_hard_failed: trip },
  r2_preloop: {
    ticks,
    exit_kind: sickness === 'zero_budget' ? 'max_ticks' : 'exit',
    skip_reasons: { zero_budget: sickness === 'zero_budget' ? 2 : 0, no_trigger: Math.floor(rand() * 2) },
  },
  r2_main_loop: {
    started: sickness !== 'no_decisions',
    decisions,
    execution_decisions: executions,
    noop_ratio: Number((sickness ? 1 : 0.3 + rand() * 0.3).toFixed(3)),
  },
};
const file = path.join(runDir, 'summary.json');
const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
fs.writeFileSync(tmp, `${JSON.stringify(summary, null, 2)}\n`);
fs.renameSync(tmp, file);

if (trip) {
  console.error('[CI-GATING][HARD] metric=decision_churn_per_1k violation (demo) hard_enabled=1');
  console.error('[CI-GATING][HARD] Hard gating failure detected -> exiting with code 3');
  process.exit(3);
}
log('done');
