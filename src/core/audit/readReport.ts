import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../util/errors';
import { judgeAudit } from './status';
import { defaultAuditThresholds, type DctsAuditReport } from './types';

const stats = z.object({ n: z.number().int().min(0), mean: z.number().nullable(), std: z.number().nullable() });

// The original tool's report has only the first seven fields; ours adds the rest. Both are read.
const reportSchema = z.object({
  counts: z.object({ base: z.number().int().min(0), robust: z.number().int().min(0) }),
  base: stats,
  robust: stats,
  min: stats,
  grid_stats: z.record(z.string(), stats),
  var_ratio: z.number().nullable(),
  robust_is_min_fraction: z.number().nullable(),
  status: z.enum(['PASS', 'WARN', 'FAIL', 'NO_DATA']).optional(),
  reasons: z.array(z.string()).optional(),
  thresholds: z.object({ max_var_ratio: z.number(), min_robust_samples: z.number() }).optional(),
  inputs: z.array(z.string()).optional(),
  skipped: z.array(z.object({ file: z.string(), reason: z.string() })).optional(),
  ignored_values: z.array(z.object({ file: z.string(), field: z.string(), reason: z.string() })).optional(),
  generated_at: z.string().optional(),
});

/** A report as read: ours as is; the original's with a status judged against the default thresholds. */
export type ReadAuditReport = DctsAuditReport & { legacy: boolean };

/** Reads and validates a DCTS audit report; problems are InputErrors naming the file (and line for bad JSON). */
export async function readAuditReport(file: string, signal: AbortSignal): Promise<ReadAuditReport> {
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    signal.throwIfAborted();
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'DCTS audit report not found' : `cannot read DCTS audit report: ${(err as Error).message}`, { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const pos = /position (\d+)/.exec(msg);
    // "Unexpected end of JSON input" has no position: the problem is at the end.
    const at = pos ? Number(pos[1]) : /end of JSON/.test(msg) ? text.trimEnd().length : undefined;
    const line = at === undefined ? undefined : text.slice(0, at).split('\n').length;
    throw new InputError(`not JSON: ${(err as Error).message}`, { file, line });
  }
  const parsed = reportSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`not a DCTS audit report: ${issue.path.join('.') || '(root)'}: ${issue.message}`, { file });
  }
  const r = parsed.data;
  const thresholds = r.thresholds ?? { max_var_ratio: defaultAuditThresholds.maxVarRatio, min_robust_samples: defaultAuditThresholds.minRobustSamples };
  const judged = r.status ? { status: r.status, reasons: r.reasons ?? [] } : judgeAudit(r.counts.robust, r.var_ratio, { maxVarRatio: thresholds.max_var_ratio, minRobustSamples: thresholds.min_robust_samples });
  return {
    counts: r.counts,
    base: r.base,
    robust: r.robust,
    min: r.min,
    grid_stats: r.grid_stats,
    var_ratio: r.var_ratio,
    robust_is_min_fraction: r.robust_is_min_fraction,
    status: judged.status,
    reasons: judged.reasons,
    thresholds,
    inputs: r.inputs ?? [],
    skipped: r.skipped ?? [],
    ignored_values: r.ignored_values ?? [],
    generated_at: r.generated_at ?? '',
    schema_version: 1,
    legacy: !r.status,
  };
}
