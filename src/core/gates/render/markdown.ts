import { judgementFacts } from '../../judge';
import type { GateReport } from '../../verdict/types';
import { formatNumber } from '../checks/finish';
import { dataModeLine, STATUS_ICON } from './text';

/** A table cell: pipes escaped (the original's `|Δλ|` broke its table), newlines flattened. */
export function mdCell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const num = (v: number | null) => (v === null ? '—' : formatNumber(v));
const value3 = (v: number | null) => (v === null ? '—' : Number.isInteger(v) ? String(v) : v.toFixed(3));

export function renderMarkdown(report: GateReport): string {
  const out: string[] = [];
  out.push('# GA Gates Evaluation Report', '');
  out.push(`**Timestamp:** ${report.timestamp}  `);
  out.push(`**Window:** ${report.window_hours} hours  `);
  out.push(`**Data:** ${dataModeLine(report)}  `);
  out.push(`**Evaluated at:** ${report.evaluated_at ?? report.timestamp}${report.profile ? `  \n**Profile:** ${report.profile}` : ''}  `);
  out.push(`**Overall Status:** **${report.overall_status}**`, '');
  if (report.data_mode !== 'live') out.push(`> **${report.data_mode.toUpperCase()} DATA.** This report was produced from recorded data and can never be used to promote.`, '');
  out.push('## Decision', '', report.decision, '');
  out.push('## Gate Results', '');
  out.push('| Gate | Name | Status | Value | Condition | Message |', '|------|------|--------|-------|-----------|---------|');
  for (const g of report.gates) {
    out.push(`| ${g.gate_id} | ${mdCell(g.gate_name)} | ${STATUS_ICON[g.status]} ${g.status} | ${value3(g.value)} | ${mdCell(g.condition)} | ${mdCell(g.message)} |`);
  }
  out.push('', '## Evidence', '');
  for (const g of report.gates) {
    out.push(`### Gate ${g.gate_id} — ${g.gate_name}: ${STATUS_ICON[g.status]} ${g.status} (${g.fail_action})`, '');
    if (g.status !== 'PASS') out.push(`Remediation: ${g.remediation}`, '');
    out.push('| Check | Outcome | Counts as | Value | Threshold | Source | Query / path | Series | Raw (worst first) | ms |');
    out.push('|-------|---------|-----------|-------|-----------|--------|--------------|--------|-------------------|----|');
    for (const c of g.checks) {
      const e = c.evidence;
      const raw = e.raw.slice(0, 3).map((r) => `${r.labels ? `${Object.entries(r.labels).filter(([k]) => k !== '__name__').map(([k, v]) => `${k}=${v}`).join(',')}: ` : ''}${r.value}`).join('; ');
      const more = e.raw.length > 3 || e.raw_truncated ? ` (+${e.raw.length - 3 + (e.raw_truncated ?? 0)} more)` : '';
      out.push(
        `| ${mdCell(`${c.check_id}: ${c.name}`)} | ${c.outcome} | ${c.counts_as} | ${num(c.value)} | ${c.comparator} ${formatNumber(c.threshold)} | ${mdCell(e.source)} | ${mdCell(`\`${e.query ?? e.path ?? ''}\``)} | ${e.series_count ?? '—'} | ${mdCell(raw + more || e.error || '—')} | ${e.duration_ms} |`,
      );
    }
    out.push('');
    for (const c of g.checks) {
      const cmp = c.evidence.comparison;
      if (!cmp) continue;
      out.push(`**${mdCell(c.check_id)}** — ${mdCell(cmp.summary)} (baseline \`${mdCell(cmp.baseline.value)}\`, candidate \`${mdCell(cmp.candidate.value)}\`)`, '');
      for (const [k, v] of judgementFacts(cmp.judgement)) out.push(`- ${k}: ${mdCell(v)}`);
      out.push('');
    }
    if (g.score) out.push(`Score: ${g.score.score ?? '—'} → ${g.score.status} (${mdCell(g.score.reason)}; groups: ${g.score.groups.map((x) => `${mdCell(x.group)} ${x.score === null ? '—' : Math.round(x.score)}`).join(', ')})`, '');
  }
  out.push('## Next Steps', '');
  let n = 0;
  for (const step of report.next_steps) {
    if (step.startsWith('- ')) out.push(`   ${step}`);
    else if (step.startsWith('  ')) out.push(`     ${step.trim()}`);
    else out.push(`${++n}. ${step}`);
  }
  return `${out.join('\n')}\n`;
}
