import { fmt } from './status';
import type { DctsAuditReport, SeriesStats } from './types';

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const num = (v: number | null) => (v === null ? 'n/a' : fmt(v));

function statsRow(label: string, s: SeriesStats): string {
  return `| ${label} | ${s.n} | ${num(s.mean)} | ${num(s.std)} |`;
}

/** The human summary: the original's layout (title, N line, stats table, ratios, grids) plus status and skips. */
export function renderAuditMarkdown(r: DctsAuditReport): string {
  const lines = [
    '# DCTS Audit Summary',
    '',
    `**Status: ${r.status.replace('_', ' ')}** (var_ratio <= ${r.thresholds.max_var_ratio}, at least ${r.thresholds.min_robust_samples} robust samples)`,
    '',
    ...r.reasons.map((x) => `- ${cell(x)}`),
    '',
    `N base=${r.counts.base} robust=${r.counts.robust}`,
    '',
    '| Metric | N | mean | std |',
    '| --- | --- | --- | --- |',
    statsRow('dcts', r.base),
    statsRow('dcts_robust', r.robust),
    statsRow('dcts_min', r.min),
    '',
    `var_ratio = ${num(r.var_ratio)}`,
    `robust_is_min_fraction = ${num(r.robust_is_min_fraction)}`,
  ];
  const grids = Object.keys(r.grid_stats).sort();
  if (grids.length) {
    lines.push('', '## Grids', '', '| Grid | N | mean | std |', '| --- | --- | --- | --- |');
    for (const g of grids) lines.push(statsRow(cell(g), r.grid_stats[g]));
  }
  if (r.skipped.length) {
    lines.push('', `## Skipped files (${r.skipped.length})`, '', '| File | Reason |', '| --- | --- |');
    for (const s of r.skipped) lines.push(`| ${cell(s.file)} | ${cell(s.reason)} |`);
  }
  if (r.ignored_values.length) {
    lines.push('', `## Values not counted (${r.ignored_values.length})`, '', '| File | Field | Reason |', '| --- | --- | --- |');
    for (const v of r.ignored_values) lines.push(`| ${cell(v.file)} | ${cell(v.field)} | ${cell(v.reason)} |`);
  }
  lines.push('', `Generated ${r.generated_at} from ${r.inputs.length} summaries.`);
  return `${lines.join('\n')}\n`;
}
