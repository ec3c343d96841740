import path from 'node:path';
import { expandGlob, hasMagic } from './expandSummaries';
import { readSummary, type DctsRecord } from './readSummary';
import { isFiniteNumber, robustIsMinFraction, seriesStats, varianceRatio } from './statistics';
import { judgeAudit } from './status';
import type { AuditThresholds } from './thresholds';
import type { DctsAuditReport, IgnoredValue, SeriesStats, SkippedFile } from './types';

export interface DctsAuditInput {
  /** Paths and globs, as given on the command line (relative to cwd). */
  summaries: readonly string[];
  cwd: string;
  thresholds: AuditThresholds;
  /** Evaluation time, for the report's timestamp. */
  now?: Date;
}

/** Resolves arguments to files: globs expand (a glob matching nothing is reported), duplicates count once. */
async function resolveSummaries(args: readonly string[], cwd: string): Promise<{ files: string[]; skipped: SkippedFile[] }> {
  const files: string[] = [];
  const skipped: SkippedFile[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const matched = hasMagic(arg) ? await expandGlob(arg, cwd) : [arg];
    if (!matched.length) skipped.push({ file: arg, reason: 'pattern matched no files' });
    for (const f of matched) {
      if (seen.has(f)) continue;
      seen.add(f);
      files.push(f);
    }
  }
  return { files, skipped };
}

const finite = (values: unknown[]) => values.filter(isFiniteNumber);

// Summaries are small: read synchronously, one is a few tens of µs, several times less than the
// thread pool's four round trips per file (open, fstat, read, close). Reading stops every SLICE_MS
// to let the event loop run (the extension host shares it) and to check `signal`.
const SLICE_MS = 10;

/** The DCTS audit: the original's statistics over replay summaries, plus a status against thresholds. */
export async function runDctsAudit(input: DctsAuditInput, signal: AbortSignal): Promise<DctsAuditReport> {
  const { files, skipped } = await resolveSummaries(input.summaries, input.cwd);
  const records: DctsRecord[] = [];
  const ignored: IgnoredValue[] = [];
  const results: ReturnType<typeof readSummary>[] = [];
  const readFrom = path.resolve(input.cwd) === process.cwd() ? undefined : input.cwd;
  while (results.length < files.length) {
    signal.throwIfAborted();
    const until = performance.now() + SLICE_MS;
    do results.push(readSummary(files[results.length], readFrom));
    while (results.length < files.length && performance.now() < until);
    if (results.length < files.length) await new Promise((resolve) => setImmediate(resolve));
  }
  files.forEach((file, i) => {
    const result = results[i];
    if ('skipped' in result) skipped.push({ file, reason: result.skipped });
    else {
      records.push(result.record);
      ignored.push(...result.ignored);
    }
  });
  const base = seriesStats(finite(records.map((r) => r.base)));
  const robust = seriesStats(finite(records.map((r) => r.robust)));
  const min = seriesStats(finite(records.map((r) => r.min)));
  const gridValues = new Map<string, unknown[]>();
  for (const r of records) {
    for (const [g, v] of Object.entries(r.grids)) {
      const list = gridValues.get(g);
      if (list) list.push(v);
      else gridValues.set(g, [v]);
    }
  }
  const grid_stats: Record<string, SeriesStats> = {};
  for (const g of [...gridValues.keys()].sort()) grid_stats[g] = seriesStats(finite(gridValues.get(g)!));
  const var_ratio = varianceRatio(robust, base);
  const { status, reasons } = judgeAudit(robust.n, var_ratio, input.thresholds);
  return {
    counts: { base: base.n, robust: robust.n },
    base,
    robust,
    min,
    grid_stats,
    var_ratio,
    robust_is_min_fraction: robustIsMinFraction(records),
    status,
    reasons,
    thresholds: { max_var_ratio: input.thresholds.maxVarRatio, min_robust_samples: input.thresholds.minRobustSamples },
    inputs: records.map((r) => r.file),
    skipped,
    ignored_values: ignored,
    generated_at: (input.now ?? new Date()).toISOString(),
    schema_version: 1,
  };
}
