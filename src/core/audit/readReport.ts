import { parseJsonText, readInputText, schemaError } from '../util/jsonSource';
import { judgeAudit } from './status';
import { defaultAuditThresholds } from './thresholds';
import { dctsAuditReportSchema, type DctsAuditReport } from './types';

// The original tool's report has only the first seven fields; ours adds the rest. Both are read.
const reportSchema = dctsAuditReportSchema.partial({ status: true, reasons: true, thresholds: true, inputs: true, skipped: true, ignored_values: true, generated_at: true, schema_version: true });

/** A report as read: ours as is; the original's with a status judged against the default thresholds. */
export type ReadAuditReport = DctsAuditReport & { legacy: boolean };

/** Reads and validates a DCTS audit report; problems are InputErrors naming the file, line and column. */
export async function readAuditReport(file: string, signal: AbortSignal): Promise<ReadAuditReport> {
  const text = await readInputText(file, 'DCTS audit report', signal);
  const parsed = reportSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not a DCTS audit report');
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
