import { ARTIFACTS } from '../../core/artifacts';
import path from 'node:path';
import { type AuditStatus, defaultAuditThresholds, fmt, renderAuditMarkdown, runDctsAudit } from '../../core/audit';
import { writeFileAtomic } from '../../core/util';
import { numberFlag, parseFlags, UsageError } from '../args';
import { keepInCliHistory } from '../keepHistory';
import { ExitCode, type CliCommand } from '../command';

const usage = `Usage: aurora-ga dcts-audit --summaries FILE|GLOB... --out-json FILE --out-md FILE [options]

Statistics of the base, robust and min DCTS over replay summaries (their "tvf2" object), with a
status against thresholds. Quote globs to let aurora-ga expand them ('*', '?', '[...]').

Options:
  --summaries FILE|GLOB...   replay summary JSON files or globs (one or more values; repeatable)
  --out-json FILE            JSON report, e.g. artifacts/dcts_audit/report.json (read by the gates)
  --out-md FILE              Markdown summary, e.g. artifacts/dcts_audit/summary.md
  --max-var-ratio X          FAIL when robust/base variance ratio exceeds X (default ${defaultAuditThresholds.maxVarRatio})
  --min-robust-samples N     WARN below N robust samples (default ${defaultAuditThresholds.minRobustSamples})
  --artifacts-dir DIR        every audit is also kept in DIR/history/audit/ (default artifacts);
                             see 'aurora-ga history'

Exit codes: 0 PASS, 1 FAIL, 2 usage error, 3 WARN, 4 no data.
`;

const exitFor: Record<AuditStatus, number> = { PASS: ExitCode.ok, FAIL: ExitCode.failed, WARN: ExitCode.conditional, NO_DATA: ExitCode.inconclusive };

/**
 * `--summaries a b c` takes every value up to the next flag, like the original's argparse
 * `nargs='+'`, so an unquoted shell-expanded glob keeps working.
 */
function spreadSummaries(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--summaries') {
      out.push(argv[i]);
      continue;
    }
    let taken = 0;
    while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      out.push(`--summaries=${argv[++i]}`);
      taken++;
    }
    if (!taken) throw new UsageError('--summaries needs at least one file or glob');
  }
  return out;
}

export const dctsAuditCommand: CliCommand = {
  usage,
  async run(argv, io, signal) {
    const { values } = parseFlags(spreadSummaries(argv), {
      summaries: { type: 'string', multiple: true },
      'out-json': { type: 'string' },
      'out-md': { type: 'string' },
      'max-var-ratio': { type: 'string' },
      'min-robust-samples': { type: 'string' },
      'artifacts-dir': { type: 'string' },
    });
    const missing = (['summaries', 'out-json', 'out-md'] as const).filter((f) => !values[f]?.length);
    if (missing.length) throw new UsageError(`missing ${missing.map((f) => `--${f}`).join(', ')}`);
    const thresholds = {
      maxVarRatio: numberFlag('max-var-ratio', values['max-var-ratio'], defaultAuditThresholds.maxVarRatio, { min: 0 }),
      minRobustSamples: numberFlag('min-robust-samples', values['min-robust-samples'], defaultAuditThresholds.minRobustSamples, { min: 1, integer: true }),
    };
    const outJson = values['out-json']!;
    const outMd = values['out-md']!;
    // Both are written at once, so one file for both would end as either.
    if (path.resolve(io.cwd, outJson) === path.resolve(io.cwd, outMd)) throw new UsageError('--out-json and --out-md name the same file');
    const report = await runDctsAudit({ summaries: values.summaries!, cwd: io.cwd, thresholds }, signal);
    const json = `${JSON.stringify(report, null, 2)}\n`;
    // The report (what the gates read) only once the run is in the history; the summary meanwhile.
    await Promise.all([
      keepInCliHistory(io, 'audit', values['artifacts-dir'] ?? ARTIFACTS.dir, json, undefined, signal).then(() => writeFileAtomic(path.resolve(io.cwd, outJson), json)),
      writeFileAtomic(path.resolve(io.cwd, outMd), renderAuditMarkdown(report)),
    ]);

    for (const s of report.skipped) io.stderr(`[SKIP] ${s.file}: ${s.reason}\n`);
    for (const v of report.ignored_values) io.stderr(`[SKIP] ${v.file}: ${v.field}: ${v.reason}\n`);
    if (report.counts.robust > 0 && report.counts.robust < thresholds.minRobustSamples) {
      io.stderr(`[WARN] Only ${report.counts.robust} robust samples (<${thresholds.minRobustSamples}) -- statistics may be unstable\n`);
    }
    const ratio = report.var_ratio === null ? 'n/a' : fmt(report.var_ratio);
    io.stderr(`DCTS audit: ${report.status} (var_ratio ${ratio}, ${report.counts.robust} robust samples from ${report.inputs.length} summaries) -> ${outJson}, ${outMd}\n`);
    // stdout keeps the original's one JSON line for scripts, with the status added.
    io.stdout(`${JSON.stringify({ report: outJson, md: outMd, n: report.counts.robust, var_ratio: report.var_ratio, status: report.status })}\n`);
    return exitFor[report.status];
  },
};
