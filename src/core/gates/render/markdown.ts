import { judgementFacts } from '../../judge';
import { stripControls } from '../../util/controlChars';
import type { GateReport } from '../../verdict/types';
import { formatNumber } from '../checks/finish';
import { dataModeLine, STATUS_ICON } from './text';
import { needsRemediation } from '../../verdict/outage';

/**
 * Text that came from data (names, label values, server error text, paths), shown as written: no
 * control characters or ESC bytes, no HTML (`<script>`, `<img onerror>` become text), no Markdown
 * (emphasis, links, code, pipes — the original's `|Δλ|` broke its table), on one line.
 */
export function mdCell(text: string): string {
  return stripControls(text)
    .replace(/[\t\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
}

const num = (v: number | null) => (v === null ? '—' : formatNumber(v));
const value3 = (v: number | null) => (v === null ? '—' : Number.isInteger(v) || !Number.isFinite(v) ? formatNumber(v) : v.toFixed(3));

export function renderMarkdown(report: GateReport): string {
  const out: string[] = [];
  out.push('# GA Gates Evaluation Report', '');
  out.push(`**Timestamp:** ${report.timestamp}  `);
  out.push(`**Window:** ${report.window_hours} hours  `);
  out.push(`**Data:** ${mdCell(dataModeLine(report))}  `);
  out.push(`**Evaluated at:** ${report.evaluated_at ?? report.timestamp}${report.profile ? `  \n**Profile:** ${mdCell(report.profile)}` : ''}  `);
  out.push(`**Overall Status:** **${report.overall_status}**`, '');
  if (report.data_mode !== 'live') out.push(`> **${report.data_mode.toUpperCase()} DATA.** This report was produced from recorded data and can never be used to promote.`, '');
  out.push('## Decision', '', report.decision, '');
  if (report.decision_reason) out.push(`Why: ${mdCell(report.decision_reason)}`, '');
  out.push('## Gate Results', '');
  out.push('| Gate | Name | Status | Value | Condition | Message |', '|------|------|--------|-------|-----------|---------|');
  for (const g of report.gates) {
    out.push(`| ${g.gate_id} | ${mdCell(g.gate_name)} | ${STATUS_ICON[g.status]} ${g.status} | ${value3(g.value)} | ${mdCell(g.condition)} | ${mdCell(g.message)} |`);
  }
  out.push('', '## Evidence', '');
  for (const g of report.gates) {
    out.push(`### Gate ${g.gate_id} — ${mdCell(g.gate_name)}: ${STATUS_ICON[g.status]} ${g.status} (${g.fail_action})`, '');
    if (needsRemediation(g)) out.push(`Remediation: ${mdCell(g.remediation)}`, '');
    out.push('| Check | Outcome | Counts as | Value | Threshold | Source | Query / path | Series | Raw (worst first) | ms |');
    out.push('|-------|---------|-----------|-------|-----------|--------|--------------|--------|-------------------|----|');
    for (const c of g.checks) {
      const e = c.evidence;
      const raw = e.raw.slice(0, 3).map((r) => `${r.labels ? `${Object.entries(r.labels).filter(([k]) => k !== '__name__').map(([k, v]) => `${k}=${v}`).join(',')}: ` : ''}${r.value}`).join('; ');
      const more = e.raw.length > 3 || e.raw_truncated ? ` (+${e.raw.length - 3 + (e.raw_truncated ?? 0)} more)` : '';
      out.push(
        `| ${mdCell(`${c.check_id}: ${c.name}`)} | ${c.outcome} | ${c.counts_as} | ${num(c.value)} | ${c.comparator} ${formatNumber(c.threshold)} | ${mdCell(e.source)} | <code>${mdCell(e.query ?? e.path ?? '')}</code> | ${e.series_count ?? '—'} | ${mdCell(raw + more || e.error || '—')} | ${e.duration_ms} |`,
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
    if (step.startsWith('- ')) out.push(`   - ${mdCell(step.slice(2))}`);
    else if (step.startsWith('  ')) out.push(`     ${mdCell(step.trim())}`);
    else out.push(`${++n}. ${mdCell(step)}`);
  }
  return `${out.join('\n')}\n`;
}
