import path from 'node:path';
import { canaryMetricFamilies, type CanaryOverrides, type CanaryProgress, type CanaryResults, currentWasReplaced, GATING_MODES, type GatingMode, type HealthResult, planCanary, ProfileLockError, runCanary, type RunResult, worstCaseSeconds } from '../../core/canary';
import { renderExposition } from '../../core/metrics';
import { writeFileAtomic } from '../../core/util';
import { numberFlag, parseFlags, UsageError } from '../args';
import { ExitCode, type CliCommand, type CliIO } from '../command';
import { pushExposition, pushTarget } from '../push';

const usage = `Usage: aurora-ga canary --profile PATH [options]
       aurora-ga canary --demo [options]

Runs the configured command N times, each in its own directory (artifacts/canary/<start>/run-NN/,
also in env AURORA_RUN_DIR), judges each run by its own summary.json, and passes when both the
success rate and the health rate reach their thresholds.

Options:
  --profile PATH        profile under test; its lock must validate unless profile_lock.enforced is false
  --runs N              number of runs (default 10, at most 1000); the start line shows the worst case
                        time (every run timing out)
  --gating MODE         soft | hard | none (default soft); appends --ci-gating MODE to the command;
                        under hard, a run exiting 3 stops the sequence and fails it
  --output FILE         results JSON (default artifacts/canary_results.json)
  --timeout S           per-run timeout in seconds; the run's whole process group is killed (default 120)
  --interval S          pause between runs in seconds (default 10)
  --concurrency N       runs at the same time (default 1)
  --success-threshold X minimum success rate, 0..1 (default 0.7)
  --health-threshold X  minimum health rate, 0..1 (default 0.7)
  --config FILE         canary config (YAML; default: the bundled configs/canary/default.yaml)
  --demo                use the bundled demo command and profile (outputs are labelled DEMO)
  --metrics-out FILE    also write the aurora_canary_* metrics in Prometheus text format
  --push-url URL        also push them to a Pushgateway (job aurora-ga-canary, or --push-job NAME)

Every sequence is kept in its folder (the newest 30, and any a promotion record names; see
'aurora-ga history'). An interrupted sequence replaces completed results at the default output only
when --output names it explicitly; otherwise its partial results stay in its folder.

Exit codes: 0 passed, 1 failed (or the profile lock is broken), 2 usage or input error,
3 hard gating tripped, 130 interrupted.
`;

/** The canary's own code for a hard gating trip (the child's exit 3, passed on). */
const HARD_TRIP = 3;

function formatSpan(s: number): string {
  if (s < 120) return `${Math.round(s)}s`;
  if (s < 7200) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function runLine(run: RunResult, health: HealthResult, planned: number): string {
  const width = String(planned).length;
  const id = `run ${String(run.run_id).padStart(width, '0')}/${planned}`;
  const state = run.success ? (health.healthy ? 'ok       ' : 'UNHEALTHY') : (run.outcome ?? 'failed').toUpperCase().padEnd(9);
  const why = run.success ? (health.healthy ? '' : `  ${health.reason ?? ''}`) : `  ${run.reason ?? ''}`;
  return `${id}  ${state}  ${run.duration.toFixed(2).padStart(7)}s${why}`;
}

/** Prints progress: a bar redrawn in place on a terminal, one line per run otherwise. */
function progressPrinter(io: CliIO): (p: CanaryProgress) => void {
  let planned = 0;
  let finished = 0;
  let healthy = 0;
  let bad = 0;
  const bar = () => {
    const w = 30;
    const filled = planned ? Math.round((finished / planned) * w) : 0;
    return `\r[${'#'.repeat(filled)}${'-'.repeat(w - filled)}] ${finished}/${planned}  healthy ${healthy}  problems ${bad}`;
  };
  return (p) => {
    switch (p.kind) {
      case 'sequence-start':
        planned = p.plannedRuns;
        io.stdout(`Run directories: ${path.relative(io.cwd, p.sequenceDir) || p.sequenceDir}\n`);
        if (io.stdoutIsTTY) io.stdout(bar());
        break;
      case 'run-end':
        finished = p.finished;
        if (p.health.healthy) healthy++;
        else bad++;
        if (!io.stdoutIsTTY) io.stdout(`${runLine(p.run, p.health, p.plannedRuns)}\n`);
        else {
          // Problem runs keep a line above the bar; healthy ones only move the bar.
          if (!p.health.healthy) io.stdout(`\r\x1b[2K${runLine(p.run, p.health, p.plannedRuns)}\n`);
          io.stdout(bar());
        }
        break;
      case 'hard-trip':
        io.stdout(`${io.stdoutIsTTY ? '\r\x1b[2K' : ''}HARD GATING TRIP in run ${p.runId}: stopping the sequence\n`);
        break;
      default:
        break;
    }
  };
}

function summary(r: CanaryResults, output: string): string {
  const e = r.evaluation;
  const demo = r.data_mode === 'demo' ? ' [DEMO data: bundled demo command, not your runtime]' : '';
  const lines = [
    '',
    `Successful: ${e.successful_runs}/${e.total_runs} (${pct(e.success_rate)}, threshold ${pct(e.success_threshold)})`,
    `Healthy:    ${e.healthy_runs}/${e.total_runs} (${pct(e.health_rate)}, threshold ${pct(e.health_threshold)})`,
    `Avg duration of successful runs: ${e.avg_duration}s`,
    ...(e.failure_reasons ?? []).map((f) => `  - ${f}`),
    `Canary ${e.status}${demo} -> ${output}`,
  ];
  return `${lines.join('\n')}\n`;
}

function gatingFlag(raw: string | undefined): GatingMode | undefined {
  if (raw === undefined) return undefined;
  if (!(GATING_MODES as readonly string[]).includes(raw)) throw new UsageError(`--gating must be soft, hard or none, got '${raw}'`);
  return raw as GatingMode;
}

export const canaryCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values } = parseFlags(argv, {
      profile: { type: 'string' },
      runs: { type: 'string' },
      gating: { type: 'string' },
      output: { type: 'string' },
      timeout: { type: 'string' },
      interval: { type: 'string' },
      concurrency: { type: 'string' },
      'success-threshold': { type: 'string' },
      'health-threshold': { type: 'string' },
      config: { type: 'string' },
      demo: { type: 'boolean' },
      'metrics-out': { type: 'string' },
      'push-url': { type: 'string' },
      'push-job': { type: 'string' },
    });
    const push = pushTarget(values['push-url'], values['push-job'], 'aurora-ga-canary');
    if (values.demo && values.config) throw new UsageError('--demo uses the bundled demo config; drop --config or --demo');
    if (!values.demo && !values.profile) throw new UsageError('--profile PATH is required (or --demo)');
    const opt = (name: string, raw: string | undefined, o: { min?: number; integer?: boolean }) => (raw === undefined ? undefined : numberFlag(name, raw, 0, o));
    const threshold = (name: string, raw: string | undefined) => {
      const v = opt(name, raw, { min: 0 });
      if (v !== undefined && v > 1) throw new UsageError(`--${name} must be between 0 and 1, got '${raw}'`);
      return v;
    };
    const overrides: CanaryOverrides = {
      runs: opt('runs', values.runs, { min: 1, integer: true }),
      gating: gatingFlag(values.gating),
      output: values.output,
      timeout_seconds: opt('timeout', values.timeout, { min: 0.001 }),
      interval_seconds: opt('interval', values.interval, { min: 0 }),
      concurrency: opt('concurrency', values.concurrency, { min: 1, integer: true }),
      success_threshold: threshold('success-threshold', values['success-threshold']),
      health_threshold: threshold('health-threshold', values['health-threshold']),
    };

    let plan;
    try {
      plan = await planCanary({ root: io.cwd, profile: values.profile, configFile: values.config, demo: values.demo, overrides, node: process.execPath }, signal);
    } catch (err) {
      if (!(err instanceof ProfileLockError)) throw err;
      io.stderr(`aurora-ga canary: profile lock broken, no run started: ${err.message}\n`);
      return ExitCode.failed;
    }
    const c = plan.config;
    const rel = (p: string) => {
      const r = path.relative(io.cwd, p);
      return r && !r.startsWith('..') && !path.isAbsolute(r) ? r : p;
    };
    io.stdout(
      `Aurora GA canary${c.data_mode === 'demo' ? ' [DEMO]' : ''}: ${rel(plan.profile)}, ${c.runs} run(s), gating ${c.gating}, timeout ${c.timeout_seconds}s, interval ${c.interval_seconds}s, concurrency ${c.concurrency}\n` +
        `Worst case ${formatSpan(worstCaseSeconds(c))} (every run timing out after ${c.timeout_seconds}s)\n` +
        `Profile lock: ${plan.lock.status}${plan.lock.lock_file ? ` (${rel(plan.lock.lock_file)})` : ''}\n`,
    );
    // A named --output is written whatever happens; the default current file only by a completed sequence.
    if (values.output) plan.writeCurrent = 'always';
    const results = await runCanary(plan, signal, progressPrinter(io));
    if (io.stdoutIsTTY) io.stdout('\n');
    io.stdout(summary(results, rel(plan.output)));
    if (values['metrics-out']) await writeFileAtomic(path.resolve(io.cwd, values['metrics-out']), renderExposition(canaryMetricFamilies(results)));
    if (push) await pushExposition(io, 'canary', push, renderExposition(canaryMetricFamilies(results)), signal);
    if (results.evaluation.cancelled) {
      const kept = `${rel(path.resolve(plan.root, results.sequence_dir ?? ''))}/canary_results.json`;
      io.stderr((await currentWasReplaced(plan, results))
        ? `aurora-ga canary: interrupted; partial results written to ${rel(plan.output)}\n`
        : `aurora-ga canary: interrupted; partial results kept in ${kept}; ${rel(plan.output)} (a completed sequence) left unchanged\n`);
      return 130;
    }
    if (results.evaluation.hard_trip) return HARD_TRIP;
    return results.evaluation.overall_passed ? ExitCode.ok : ExitCode.failed;
  },
};
