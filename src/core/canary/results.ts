import * as z from 'zod';
import { parseJsonText, readInputText, schemaError } from '../util/jsonSource';
import { GATING_MODES } from './gating';

// The canary results JSON (`artifacts/canary_results.json`). The original's fields (original-kit.md
// §4.1) stay where they were so existing readers keep working; everything Aurora adds is optional in
// the schema so a file written by the Python tool still reads, and always present in what we write.


/** How a run ended, beyond the original's success boolean. */
export const RUN_OUTCOMES = ['success', 'failed', 'timeout', 'hard_trip', 'spawn_error', 'cancelled'] as const;
export type RunOutcome = (typeof RUN_OUTCOMES)[number];

export const runResultSchema = z.object({
  // Original fields.
  run_id: z.number().int().min(1),
  /** When the run started; the original wrote local `YYYYMMDD_HHMMSS`, Aurora writes RFC 3339 with offset. */
  timestamp: z.string(),
  success: z.boolean(),
  /** -1 when the run was killed (timeout, cancellation) or could not start. */
  exit_code: z.number().int(),
  /** Seconds. */
  duration: z.number().min(0),
  /** The run's own summary.json, or null when the run wrote none. */
  summary_file: z.string().nullable(),
  /** Last characters of the child's output (capped; the full tails are in log_file). */
  stdout: z.string(),
  stderr: z.string(),
  // Aurora additions.
  outcome: z.enum(RUN_OUTCOMES).optional(),
  /** Why the run is not a success; null for a successful run. */
  reason: z.string().nullable().optional(),
  /** Signal that ended the child, if any. */
  signal: z.string().nullable().optional(),
  /** The run's own directory (AURORA_RUN_DIR), relative to the workspace/repo root when inside it. */
  run_dir: z.string().optional(),
  /** The stdout/stderr log written into run_dir. */
  log_file: z.string().optional(),
  /** The argv actually executed, placeholders resolved. */
  command: z.array(z.string()).optional(),
  /** A/B mode: which group the run belongs to. */
  group: z.enum(['baseline', 'candidate']).optional(),
});
export type RunResult = z.infer<typeof runResultSchema>;

export const healthCheckResultSchema = z.object({
  id: z.string(),
  /** What was checked, e.g. `r2_main_loop.decisions > 0`. */
  description: z.string(),
  ok: z.boolean(),
  /** The value read from the summary (null when the key is absent). */
  value: z.unknown(),
  /** True when the key was absent from the summary (a missing value never passes silently). */
  missing: z.boolean(),
});
export type HealthCheckResult = z.infer<typeof healthCheckResultSchema>;

export const healthResultSchema = z.object({
  // Original fields; the original wrote only {healthy, reason} for failed or unreadable runs.
  healthy: z.boolean(),
  health_checks: z.record(z.string(), z.boolean()).optional(),
  decisions: z.number().optional(),
  executions: z.number().optional(),
  exit_kind: z.string().optional(),
  zero_budget: z.number().optional(),
  /** Why the run is unhealthy (Aurora writes it for every unhealthy run). */
  reason: z.string().optional(),
  // Aurora additions.
  run_id: z.number().int().min(1).optional(),
  checks: z.array(healthCheckResultSchema).optional(),
});
export type HealthResult = z.infer<typeof healthResultSchema>;

export const evaluationSchema = z.object({
  total_runs: z.number().int().min(0),
  successful_runs: z.number().int().min(0),
  healthy_runs: z.number().int().min(0),
  success_rate: z.number().min(0).max(1),
  health_rate: z.number().min(0).max(1),
  /** Mean duration (s) of the successful runs; 0 when none succeeded. */
  avg_duration: z.number().min(0),
  success_threshold: z.number().min(0).max(1),
  health_threshold: z.number().min(0).max(1),
  overall_passed: z.boolean(),
  status: z.enum(['PASS', 'FAIL']),
  // Aurora additions.
  /** Runs asked for; total_runs may be lower after a hard trip or a cancellation. */
  planned_runs: z.number().int().min(0).optional(),
  /** A child exited 3 under hard gating; the sequence stopped there and failed. */
  hard_trip: z.boolean().optional(),
  hard_trip_run_id: z.number().int().min(1).nullable().optional(),
  cancelled: z.boolean().optional(),
  /** Why the sequence failed, one line per cause; empty when it passed. */
  failure_reasons: z.array(z.string()).optional(),
});
export type CanaryEvaluation = z.infer<typeof evaluationSchema>;

/** A/B mode: both groups' values and the judge's verdict per metric (the judgement object as the judge returns it). */
export const abResultSchema = z.object({
  status: z.enum(['PASS', 'FAIL', 'INCONCLUSIVE']),
  groups: z.object({
    baseline: z.object({ run_ids: z.array(z.number().int()), command: z.array(z.string()) }),
    candidate: z.object({ run_ids: z.array(z.number().int()), command: z.array(z.string()) }),
  }),
  metrics: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      path: z.string(),
      verdict: z.enum(['PASS', 'FAIL', 'INCONCLUSIVE', 'NO_DATA']),
      summary: z.string(),
      baseline: z.array(z.number().nullable()),
      candidate: z.array(z.number().nullable()),
      judgement: z.record(z.string(), z.unknown()),
    }),
  ),
});
export type AbResult = z.infer<typeof abResultSchema>;

export const lockStatusSchema = z.object({
  enforced: z.boolean(),
  /** `valid`, `invalid`, or `skipped` when not enforced. */
  status: z.enum(['valid', 'invalid', 'skipped']),
  lock_file: z.string().nullable(),
  detail: z.string().optional(),
});
export type CanaryLockStatus = z.infer<typeof lockStatusSchema>;

export const canaryResultsSchema = z.object({
  // Original fields.
  timestamp: z.string(),
  config: z.object({
    profile: z.string(),
    runs: z.number().int().min(0),
    gating: z.enum(GATING_MODES),
    // Aurora additions.
    command: z.array(z.string()).optional(),
    timeout_s: z.number().optional(),
    interval_s: z.number().optional(),
    concurrency: z.number().int().min(1).optional(),
    config_file: z.string().nullable().optional(),
  }),
  evaluation: evaluationSchema,
  run_results: z.array(runResultSchema),
  health_results: z.array(healthResultSchema),
  // Aurora additions.
  tool: z.string().optional(),
  /** `demo` when the bundled demo command produced the runs; every face labels it. */
  data_mode: z.enum(['live', 'demo']).optional(),
  /** `artifacts/canary/<start>`: the folder holding this sequence's run-NN directories. */
  sequence_dir: z.string().optional(),
  started_at: z.string().optional(),
  finished_at: z.string().optional(),
  profile_lock: lockStatusSchema.optional(),
  /** A/B mode only. */
  ab: abResultSchema.optional(),
});
export type CanaryResults = z.infer<typeof canaryResultsSchema>;

/** Validates parsed JSON as canary results; `text` (the file's content) lets errors name a line. */
export function parseCanaryResults(text: string, file: string): CanaryResults {
  const parsed = canaryResultsSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not valid canary results');
  return parsed.data;
}

/** Reads and validates a canary results file; a missing or malformed file is an InputError naming it. */
export async function readCanaryResults(file: string, signal: AbortSignal): Promise<CanaryResults> {
  return parseCanaryResults(await readInputText(file, 'canary results file', signal), file);
}
