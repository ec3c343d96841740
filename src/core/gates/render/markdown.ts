import { judgementFacts } from '../../judge';
import { stripControls } from '../../util/controlChars';
import type { CheckResult, GateReport, GateResult } from '../../verdict/types';
import { needsRemediation } from '../../verdict/outage';
import { formatNumber } from '../checks/finish';
import { gateSummary } from './requirement';
import { dataModeLine, STATUS_ICON } from './text';

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

/**
 * Text inside raw HTML (`<summary>`, `<pre>`), where Markdown is not read and so backslashes would
 * show: HTML-escaped only, control characters removed; newlines kept only where asked (queries).
 */
export function htmlText(text: string, keepLines = false): string {
  const plain = stripControls(text);
  return (keepLines ? plain : plain.replace(/[\t\n]+/g, ' ')).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const MAX_RAW = 10;

function labelsText(labels: Record<string, string> | undefined): string {
  const e = Object.entries(labels ?? {}).filter(([k]) => k !== '__name__');
  return e.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** One check's evidence: what it measured, where, against what, and the raw answer. */
function checkEvidence(c: CheckResult): string[] {
  const e = c.evidence;
  const out = [`**${mdCell(c.check_id)}** — ${mdCell(c.name)}: ${c.outcome}${c.counts_as === c.outcome ? '' : ` (counts as ${c.counts_as})`}`, ''];
  out.push(`- value: ${c.value === null ? '—' : formatNumber(c.value)}; requirement: ${c.comparator} ${formatNumber(c.threshold)}${c.severity === 'warn' ? ' (warning only)' : ''}`);
  out.push(`- message: ${mdCell(c.message)}`);
  out.push(`- source: ${mdCell(e.source)}`);
  const when = [`at ${mdCell(e.evaluated_at)}`, e.window && `window ${mdCell(e.window)}`, e.range && `range ${mdCell(e.range.start)} to ${mdCell(e.range.end)} step ${e.range.step_seconds} s`].filter(Boolean).join(', ');
  out.push(`- evaluated ${when}; ${e.series_count ?? '—'} series; ${e.duration_ms} ms${e.attempts && e.attempts > 1 ? `; ${e.attempts} attempts` : ''}`);
  if (e.error) out.push(`- error: ${mdCell(e.error)}`);
  if (e.note) out.push(`- note: ${mdCell(e.note)}`);
  for (const w of e.warnings ?? []) out.push(`- server warning: ${mdCell(w)}`);
  if (e.raw.length) {
    const more = e.raw.length - Math.min(e.raw.length, MAX_RAW) + (e.raw_truncated ?? 0);
    out.push(`- raw (worst first)${more ? `, ${more} more not shown` : ''}:`);
    for (const r of e.raw.slice(0, MAX_RAW)) {
      // An aggregate (sum(…)) has a series without labels: its value alone, not ": 0.25".
      const labels = labelsText(r.labels);
      out.push(`  - ${labels ? `${mdCell(labels)}: ` : ''}${mdCell(r.value)}`);
    }
  }
  const cmp = e.comparison;
  if (cmp) {
    out.push(`- comparison: ${mdCell(cmp.summary)}`);
    out.push(`  - baseline ${mdCell(cmp.baseline.value)} (${cmp.baseline.series_count} series), candidate ${mdCell(cmp.candidate.value)} (${cmp.candidate.series_count} series)`);
    for (const [k, v] of judgementFacts(cmp.judgement)) out.push(`  - ${mdCell(k)}: ${mdCell(v)}`);
  }
  out.push('');
  // A <pre> block is raw HTML up to </pre>: the query keeps its lines, and nothing in it is read as Markdown.
  const queries = cmp ? [...cmp.baseline.queries.map((q) => ['baseline', q]), ...cmp.candidate.queries.map((q) => ['candidate', q])] : e.query ?? e.path ? [[e.query ? 'query' : 'path', (e.query ?? e.path)!]] : [];
  for (const [what, q] of queries) out.push(`${what}:`, '', `<pre>${htmlText(q, true)}</pre>`, '');
  return out;
}

function gateDetails(g: GateResult): string[] {
  const out = [`<details><summary>Gate ${g.gate_id} · ${htmlText(g.gate_name)}: ${STATUS_ICON[g.status]} ${g.status} (${g.fail_action}) — evidence of ${g.checks.length} check${g.checks.length === 1 ? '' : 's'}</summary>`, ''];
  out.push(`Condition: ${mdCell(g.condition)}`, '');
  if (needsRemediation(g)) out.push(`Remediation: ${mdCell(g.remediation)}`, '');
  if (g.score) out.push(`Score: ${g.score.score ?? '—'} → ${g.score.status} (${mdCell(g.score.reason)}; groups: ${g.score.groups.map((x) => `${mdCell(x.group)} ${x.score === null ? '—' : Math.round(x.score)}`).join(', ')})`, '');
  for (const c of g.checks) out.push(...checkEvidence(c));
  out.push('</details>', '');
  return out;
}

/**
 * The report for a pull-request comment or a job summary: the decision, the data mode and one row per
 * gate (its deciding check's value against its requirement, in words) first; each gate's evidence —
 * queries, raw values, series, comparisons — folded in a <details> block below.
 */
export function renderMarkdown(report: GateReport): string {
  const out: string[] = ['# GA Gates Evaluation Report', ''];
  if (report.data_mode !== 'live') out.push(`> **${report.data_mode.toUpperCase()} DATA.** This report was produced from recorded data and can never be used to promote.`, '');
  out.push(`**Decision:** ${report.decision}  `);
  if (report.decision_reason) out.push(`**Why:** ${mdCell(report.decision_reason)}  `);
  out.push(`**Data:** ${mdCell(dataModeLine(report))}  `);
  out.push(`**Evaluated at:** ${mdCell(report.evaluated_at ?? report.timestamp)}, window ${report.window_hours} hours${report.profile ? ` · **Profile:** ${mdCell(report.profile)}` : ''} · **Overall Status:** **${report.overall_status}**`, '');
  out.push('| Status | Gate | Fail action | Deciding check | Value vs requirement |', '| --- | --- | --- | --- | --- |');
  for (const g of report.gates) {
    const decider = g.score ? 'score' : mdCell(g.value_check ?? g.checks[0]?.check_id ?? '—');
    out.push(`| ${STATUS_ICON[g.status]} ${g.status} | ${g.gate_id} · ${mdCell(g.gate_name)} | ${g.fail_action} | ${decider} | ${mdCell(gateSummary(g))} |`);
  }
  out.push('', '## Evidence', '');
  for (const g of report.gates) out.push(...gateDetails(g));
  out.push('## Next Steps', '');
  let n = 0;
  for (const step of report.next_steps) {
    if (step.startsWith('- ')) out.push(`   - ${mdCell(step.slice(2))}`);
    else if (step.startsWith('  ')) out.push(`     ${mdCell(step.trim())}`);
    else out.push(`${++n}. ${mdCell(step)}`);
  }
  return `${out.join('\n')}\n`;
}
