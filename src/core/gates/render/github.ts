import { stripControls } from '../../util/controlChars';
import type { CheckResult, GateReport, GateResult } from '../../verdict/types';
import { checkKey, type CheckLocations } from '../checkLines';
import { valueVsRequirement } from './requirement';
import { dataModeLine } from './text';

type Level = 'error' | 'warning' | 'notice';

// GitHub's workflow-command escaping (@actions/core escapeData/escapeProperty): a raw newline in data
// would end the command and let the data start its own (`::add-mask::`, `::stop-commands::`). CR and
// LF are kept as %0D/%0A (GitHub shows them as line breaks); the other control characters and ESC
// sequences are removed, as everywhere text from data is shown.
export function escapeData(text: string): string {
  return stripControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(level: Level, properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/**
 * What a check's annotation is: an error when it fails a NO-GO gate (the release is blocked), a warning
 * when it warns, lacks data or fails a CONDITIONAL gate, a notice in an OBSERVE gate (which never decides).
 */
export function annotationLevel(gate: Pick<GateResult, 'fail_action'>, check: Pick<CheckResult, 'counts_as'>): Level | undefined {
  if (check.counts_as === 'PASS') return undefined;
  if (gate.fail_action === 'OBSERVE') return 'notice';
  return check.counts_as === 'FAIL' && gate.fail_action === 'NO-GO' ? 'error' : 'warning';
}

/**
 * GitHub Actions workflow commands: one annotation per check that did not pass, on the line of its
 * definition in the gates file when known, then the decision as a notice. Recorded data says so in
 * every title.
 */
export function renderGithub(report: GateReport, where: CheckLocations = { lines: new Map() }): string {
  const label = report.data_mode === 'live' ? '' : `[${report.data_mode.toUpperCase()} data] `;
  const out: string[] = [];
  for (const g of report.gates) {
    for (const c of g.checks) {
      const level = annotationLevel(g, c);
      if (!level) continue;
      const counted = c.outcome === c.counts_as ? '' : ` [${c.outcome} counts as ${c.counts_as}]`;
      const remedy = level !== 'notice' && !c.evidence.cause && g.remediation ? `\nRemediation: ${g.remediation}` : '';
      const title = `${label}Gate ${g.gate_id} ${g.gate_name} (${g.fail_action}): ${c.check_id} ${c.counts_as}`;
      const line = where.file ? where.lines.get(checkKey(g.key, c.check_id)) : undefined;
      out.push(workflowCommand(level, { file: where.file, line, title }, `${valueVsRequirement(c)} — ${c.message}${counted}${remedy}`));
    }
  }
  if (report.evaluation_error && report.decision_code === 'ERROR') out.push(workflowCommand('error', { title: `${label}GA gates: evaluation not carried out` }, report.evaluation_error.message));
  const why = report.decision_reason ? ` — ${report.decision_reason}` : '';
  out.push(workflowCommand('notice', { title: `${label}GA gates: ${report.decision_code} (exit ${report.exit_code ?? 4})` }, `${report.decision}${why} — data: ${dataModeLine(report)}${report.promotable ? '' : ' — not promotable'}`));
  return `${out.join('\n')}\n`;
}
