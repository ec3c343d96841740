import { type AuditStatus, fmt, type ReadAuditReport } from '../../core/audit';

/** A codicon id and the theme colour id it is drawn in (same palette as the Gates view). */
export interface AuditIcon {
  id: string;
  color: string;
}

/** What the Gates view (and the API) shows of the last DCTS audit. */
export interface AuditViewModel {
  /** ERROR: a report exists but cannot be read. */
  status: AuditStatus | 'ERROR';
  description: string;
  /** Markdown. */
  tooltip: string;
  icon: AuditIcon;
  reportFile: string;
  varRatio: number | null;
  robustSamples: number;
  skipped: number;
  generatedAt: string;
}

const ICON: Record<AuditViewModel['status'], AuditIcon> = {
  PASS: { id: 'pass', color: 'testing.iconPassed' },
  WARN: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  NO_DATA: { id: 'question', color: 'problemsInfoIcon.foreground' },
  FAIL: { id: 'error', color: 'testing.iconFailed' },
  ERROR: { id: 'error', color: 'testing.iconFailed' },
};

const md = (s: string) => s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

export function buildAuditView(r: ReadAuditReport, reportFile: string): AuditViewModel {
  const ratio = r.var_ratio === null ? 'n/a' : fmt(r.var_ratio);
  const status = r.status === 'NO_DATA' ? 'NO DATA' : r.status;
  const lines = [
    `**DCTS audit: ${status}**${r.legacy ? ' (report of the original tool; status judged with the default thresholds)' : ''}`,
    '',
    `var_ratio ${md(ratio)} (max ${md(String(r.thresholds.max_var_ratio))}) · ${r.counts.robust} robust samples (min ${r.thresholds.min_robust_samples})`,
    '',
    ...r.reasons.map((x) => `- ${md(x)}`),
  ];
  if (r.skipped.length) lines.push('', `${r.skipped.length} file(s) skipped:`, ...r.skipped.slice(0, 5).map((s) => `- ${md(s.file)}: ${md(s.reason)}`));
  if (r.generated_at) lines.push('', `Generated ${md(r.generated_at)}`);
  return {
    status: r.status,
    description: `${status} · var_ratio ${ratio} · ${r.counts.robust} samples${r.skipped.length ? ` · ${r.skipped.length} skipped` : ''}`,
    tooltip: lines.join('\n'),
    icon: ICON[r.status],
    reportFile,
    varRatio: r.var_ratio,
    robustSamples: r.counts.robust,
    skipped: r.skipped.length,
    generatedAt: r.generated_at,
  };
}

/** A report that exists but cannot be used still shows, with the reason: never a silent gap. */
export function unreadableAuditView(reportFile: string, problem: string): AuditViewModel {
  return {
    status: 'ERROR',
    description: 'report unreadable',
    tooltip: `**DCTS audit report unreadable**\n\n${md(problem)}`,
    icon: ICON.ERROR,
    reportFile,
    varRatio: null,
    robustSamples: 0,
    skipped: 0,
    generatedAt: '',
  };
}
