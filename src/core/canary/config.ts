import path from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import * as z from 'zod';
import { ARTIFACTS } from '../artifacts';
import { InputError } from '../util/errors';
import { readInputText, schemaError } from '../util/jsonSource';
import { GATING_MODES } from './gating';

// The canary configuration file (`configs/canary/default.yaml` is the shipped default; users pass
// their own with --config or the auroraGa.canary.configFile setting). Everything the original hard
// coded (interpreter, script, timeout, sleep, thresholds, health checks) is data here.

const comparators = ['>', '>=', '<', '<=', '==', '!='] as const;

export const healthCheckSpecSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier such as has_decisions').describe('Name of the check in results and views.'),
    path: z.string().min(1).describe('Dotted path into summary.json, e.g. r2_main_loop.decisions.'),
    op: z.enum([...comparators, 'min_keys']).describe('`min_keys`: the value is an object with at least `value` keys.'),
    value: z.union([z.number(), z.string(), z.boolean()]).describe('The threshold or expected value.'),
    on_missing: z.enum(['fail', 'pass']).default('fail').describe('What a key absent from the summary counts as; never silently passing unless asked for.'),
    description: z.string().optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.op === 'min_keys' && (typeof c.value !== 'number' || !Number.isInteger(c.value) || c.value < 0)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'min_keys needs a non-negative integer' });
    }
    if (['>', '>=', '<', '<='].includes(c.op) && typeof c.value !== 'number') {
      ctx.addIssue({ code: 'custom', path: ['value'], message: `${c.op} needs a number` });
    }
  });
export type HealthCheckSpec = z.infer<typeof healthCheckSpecSchema>;

/** The original's four checks (original-kit.md §4.1); a missing key fails (the original defaulted zero_budget to 0). */
export const DEFAULT_HEALTH_CHECKS: HealthCheckSpec[] = [
  { id: 'has_decisions', path: 'r2_main_loop.decisions', op: '>', value: 0, on_missing: 'fail' },
  { id: 'has_executions', path: 'r2_main_loop.execution_decisions', op: 'min_keys', value: 1, on_missing: 'fail' },
  { id: 'clean_exit', path: 'r2_preloop.exit_kind', op: '==', value: 'exit', on_missing: 'fail' },
  { id: 'no_zero_budget', path: 'r2_preloop.skip_reasons.zero_budget', op: '==', value: 0, on_missing: 'fail' },
];

/** A sequence larger than this is a typo (1000000) rather than a plan: its folders and its time are unbounded. */
export const MAX_RUNS = 1000;

/** Seconds a sequence can take at worst: every run times out, is killed after the grace, then waits the interval. */
export function worstCaseSeconds(c: Pick<CanaryConfig, 'runs' | 'timeout_seconds' | 'kill_grace_seconds' | 'interval_seconds' | 'concurrency'>): number {
  const waves = Math.ceil(c.runs / c.concurrency);
  return waves * (c.timeout_seconds + c.kill_grace_seconds) + (waves - 1) * c.interval_seconds;
}

/** A/B mode: one summary metric judged across the baseline and candidate groups (src/core/judge). */
export const abMetricSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier such as decision_latency'),
    path: z.string().min(1).describe('Dotted path into each run\'s summary.json; a missing or non-numeric value is NaN.'),
    name: z.string().optional().describe('Human-readable name in results and views; default the id.'),
    direction: z.enum(['increase', 'decrease', 'either']).default('increase').describe('Which change of the candidate is bad.'),
    effect: z.enum(['relative', 'absolute']).default('relative'),
    allowed: z.number().min(0).describe('Largest acceptable bad-side shift (relative: 0.1 = 10 %).'),
    critical_limit: z.number().min(0).optional(),
    confidence: z.number().gt(0.5).lt(1).default(0.95),
    min_samples: z.number().int().min(1).default(3).describe('Fewer usable runs on either side is NO_DATA (never a pass).'),
    nan: z.enum(['remove', 'zero', 'no_data']).default('remove'),
    spread_allowed: z.number().min(0).nullable().default(null).describe('Judge a spread increase beyond this share too (needs more runs to mean anything).'),
  })
  .strict();
export type AbMetricSpec = z.infer<typeof abMetricSchema>;

export const abSchema = z
  .object({
    baseline_command: z.array(z.string().min(1, 'an empty argument')).min(1).describe('argv of a baseline run (same placeholders as `command`); runs alternate baseline, candidate, baseline, … so time effects hit both.'),
    metrics: z.array(abMetricSchema).min(1).describe('Summary metrics judged candidate against baseline.'),
  })
  .strict();
export type AbSpec = z.infer<typeof abSchema>;

export const canaryConfigSchema = z
  .object({
    $schema: z.string().optional(),
    command: z.array(z.string().min(1, 'an empty argument')).min(1, 'needs at least the program to run').describe('argv of one run, no shell. Placeholders: ${profile} ${runId} ${runDir} ${gating} ${node} ${configDir}.'),
    cwd: z.string().optional().describe('Working directory of the runs, relative to the workspace/repo root; default the root.'),
    env: z.record(z.string(), z.string()).default({}).describe('Extra environment for the runs (AURORA_RUN_DIR and friends are always set).'),
    gating_args: z.array(z.string()).default(['--ci-gating', '${gating}']).describe('Appended to the command under soft/hard gating; none appends nothing.'),
    hard_trip_exit_code: z.number().int().default(3).describe('Child exit code that means "hard gating tripped" (runtime convention: 3).'),
    runs: z.number().int().min(1).max(MAX_RUNS, `at most ${MAX_RUNS} runs in one sequence`).default(10).describe(`Runs in a sequence (--runs), at most ${MAX_RUNS}.`),
    gating: z.enum(GATING_MODES).default('soft').describe('none | soft | hard (--gating).'),
    timeout_seconds: z.number().positive().default(120).describe('Per-run timeout; the run\'s whole process group is killed (--timeout).'),
    interval_seconds: z.number().min(0).default(10).describe('Pause between runs, not after the last (--interval).'),
    concurrency: z.number().int().min(1).default(1).describe('Runs at the same time (--concurrency).'),
    kill_grace_seconds: z.number().min(0).default(3).describe('SIGTERM first, SIGKILL to the whole group after this grace.'),
    success_threshold: z.number().min(0).max(1).default(0.7).describe('Minimum share of runs exiting 0.'),
    health_threshold: z.number().min(0).max(1).default(0.7).describe('Minimum share of healthy runs (all health checks pass on the run\'s own summary).'),
    summary_file: z.string().regex(/^[^/\\]+$/, 'a file name inside the run directory, not a path').default('summary.json').describe('The file each run must write into its own directory.'),
    health_checks: z.array(healthCheckSpecSchema).min(1).default(DEFAULT_HEALTH_CHECKS).describe('Checks over summary.json; default: the original four.'),
    stdout_tail_chars: z.number().int().min(0).default(1000).describe('Characters of output kept in the results JSON (the original\'s 1000 / 500).'),
    stderr_tail_chars: z.number().int().min(0).default(500).describe('Characters of stderr kept in the results JSON.'),
    log_tail_bytes: z.number().int().min(0).default(256 * 1024).describe('Bytes of each stream kept in the run directory\'s output.log.'),
    output: z.string().default(ARTIFACTS.canary).describe('Results JSON, relative to the root (--output).'),
    artifacts_dir: z.string().default(ARTIFACTS.canaryDir).describe('Where sequence folders <start>/run-NN/ are made.'),
    profile_lock: z.object({ enforced: z.boolean().default(true) }).strict().default({ enforced: true }).describe('Refuse to run unless the profile\'s lock validates (a profile\'s own profile_lock.enforced wins).'),
    data_mode: z.enum(['live', 'demo']).default('live').describe('`demo` labels every output as produced by the bundled demo command.'),
    ab: abSchema.optional().describe('A/B mode: odd runs are the baseline, even runs the candidate (`command`); rates count the candidate runs; the metrics are judged across the groups.'),
  })
  .strict();
export type CanaryConfig = z.infer<typeof canaryConfigSchema>;

/** Parses and validates config text; errors name the file, line and key. */
export function parseCanaryConfig(text: string, file: string): CanaryConfig {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
  if (doc.errors.length) {
    const e = doc.errors[0];
    const { line, col } = lc.linePos(e.pos[0]);
    throw new InputError(`invalid YAML: ${e.message.split('\n')[0]}`, { file, line, column: col });
  }
  const parsed = canaryConfigSchema.safeParse(doc.toJS() ?? {});
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'invalid canary config');
  return parsed.data;
}

export async function readCanaryConfig(file: string, signal: AbortSignal): Promise<CanaryConfig> {
  return parseCanaryConfig(await readInputText(path.resolve(file), 'canary config file', signal), file);
}
