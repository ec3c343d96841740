import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseDocument, LineCounter } from 'yaml';
import { z } from 'zod';
import { InputError } from '../util/errors';
import { schemaError } from './jsonSource';
import { GATING_MODES } from './results';

// The canary configuration file (`configs/canary/default.yaml` is the shipped default; users pass
// their own with --config or the auroraGa.canary.configFile setting). Everything the original hard
// coded (interpreter, script, timeout, sleep, thresholds, health checks) is data here.

const comparators = ['>', '>=', '<', '<=', '==', '!='] as const;

export const healthCheckSpecSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be an identifier such as has_decisions'),
    /** Dotted path into summary.json, e.g. r2_main_loop.decisions. */
    path: z.string().min(1),
    /** `min_keys`: the value is an object with at least `value` keys. */
    op: z.enum([...comparators, 'min_keys']),
    value: z.union([z.number(), z.string(), z.boolean()]),
    /** What a key absent from the summary counts as; never silently passing unless asked for. */
    on_missing: z.enum(['fail', 'pass']).default('fail'),
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

export const canaryConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** argv of one run, no shell. Placeholders: ${profile} ${runId} ${runDir} ${gating} ${node} ${configDir}. */
    command: z.array(z.string()).min(1, 'needs at least the program to run'),
    /** Working directory of the runs, relative to the workspace/repo root; default the root. */
    cwd: z.string().optional(),
    /** Extra environment for the runs (AURORA_RUN_DIR and friends are always set). */
    env: z.record(z.string(), z.string()).default({}),
    /** Appended to the command under soft/hard gating; none appends nothing. */
    gating_args: z.array(z.string()).default(['--ci-gating', '${gating}']),
    /** Child exit code that means "hard gating tripped" (runtime convention: 3). */
    hard_trip_exit_code: z.number().int().default(3),
    runs: z.number().int().min(1).default(10),
    gating: z.enum(GATING_MODES).default('soft'),
    timeout_seconds: z.number().positive().default(120),
    interval_seconds: z.number().min(0).default(10),
    concurrency: z.number().int().min(1).default(1),
    /** SIGTERM first, SIGKILL to the whole group after this grace. */
    kill_grace_seconds: z.number().min(0).default(3),
    success_threshold: z.number().min(0).max(1).default(0.7),
    health_threshold: z.number().min(0).max(1).default(0.7),
    /** The file each run must write into its own directory. */
    summary_file: z.string().regex(/^[^/\\]+$/, 'a file name inside the run directory, not a path').default('summary.json'),
    health_checks: z.array(healthCheckSpecSchema).min(1).default(DEFAULT_HEALTH_CHECKS),
    /** Characters of output kept in the results JSON (the original's 1000 / 500). */
    stdout_tail_chars: z.number().int().min(0).default(1000),
    stderr_tail_chars: z.number().int().min(0).default(500),
    /** Bytes of each stream kept in the run directory's output.log. */
    log_tail_bytes: z.number().int().min(0).default(256 * 1024),
    output: z.string().default('artifacts/canary_results.json'),
    artifacts_dir: z.string().default('artifacts/canary'),
    profile_lock: z.object({ enforced: z.boolean().default(true) }).strict().default({ enforced: true }),
    /** `demo` labels every output as produced by the bundled demo command. */
    data_mode: z.enum(['live', 'demo']).default('live'),
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
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    if (signal.aborted) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'canary config file not found' : `cannot read canary config: ${(err as Error).message}`, { file: path.resolve(file) });
  }
  return parseCanaryConfig(text, file);
}
