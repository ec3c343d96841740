// The DCTS audit report (original-kit §5 plus a status). The first seven fields keep the original
// tool's names and order so existing readers (derive_ci_thresholds, hard_enable_decider, the gates'
// DCTS check reading `var_ratio`) keep working. One zod schema; the types are inferred from it, and
// the reader (readReport.ts) accepts the original's reports through the same schema, additions optional.
import * as z from 'zod';

/** n, arithmetic mean and POPULATION standard deviation of the finite values; null when n = 0. */
export const seriesStatsSchema = z.object({ n: z.number().int().min(0), mean: z.number().nullable(), std: z.number().nullable() });
export type SeriesStats = z.infer<typeof seriesStatsSchema>;

/** NO_DATA: not one robust DCTS value in any summary. */
export const auditStatusSchema = z.enum(['PASS', 'WARN', 'FAIL', 'NO_DATA']);
export type AuditStatus = z.infer<typeof auditStatusSchema>;

/** A path given or matched that produced no record, and why. */
export const skippedFileSchema = z.object({ file: z.string(), reason: z.string() });
export type SkippedFile = z.infer<typeof skippedFileSchema>;

/** A value present in a used summary but not counted (boolean, string, NaN, Infinity …). */
export const ignoredValueSchema = z.object({ file: z.string(), field: z.string(), reason: z.string() });
export type IgnoredValue = z.infer<typeof ignoredValueSchema>;

export const dctsAuditReportSchema = z.object({
  counts: z.object({ base: z.number().int().min(0), robust: z.number().int().min(0) }),
  base: seriesStatsSchema,
  robust: seriesStatsSchema,
  min: seriesStatsSchema,
  grid_stats: z.record(z.string(), seriesStatsSchema),
  var_ratio: z.number().nullable(),
  robust_is_min_fraction: z.number().nullable(),
  // Additions.
  status: auditStatusSchema,
  /** Why the status is what it is, one sentence each. */
  reasons: z.array(z.string()),
  thresholds: z.object({ max_var_ratio: z.number(), min_robust_samples: z.number() }),
  /** The summaries that gave a record, as given or matched (relative paths stay relative). */
  inputs: z.array(z.string()),
  skipped: z.array(skippedFileSchema),
  ignored_values: z.array(ignoredValueSchema),
  generated_at: z.string(),
  schema_version: z.literal(1),
});
export type DctsAuditReport = z.infer<typeof dctsAuditReportSchema>;
