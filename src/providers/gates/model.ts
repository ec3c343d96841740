// The Gates view's model, built from a GateReport. Plain data (no 'vscode' import) so the tree, the
// status bar and the tests all read the same thing; tree.ts turns it into TreeItems.
import { type CheckOutcome, type CheckResult, type Comparator, type DataMode, decideGates, type DecisionCode, type GateReport, type GateResult, type GateStatus, measuredAgainst, needsRemediation, shortNumber } from '../../core/verdict';
import { judgementFacts } from '../../core/judge';
import { graphLink } from '../../core/prometheus';
import { DECISION_ICON, decisionHeadline } from './decision';

/** A codicon id and the theme colour id it is drawn in. */
export interface IconModel {
  id: string;
  color: string;
}

export interface CheckNodeModel {
  kind: 'check';
  gateKey: string;
  checkId: string;
  label: string;
  /** What was measured against what was required ("0.2498 — above the limit 0.15"), or what is missing. */
  description: string;
  outcome: CheckOutcome;
  countsAs: GateStatus;
  icon: IconModel;
  /** Markdown: the evidence behind the verdict. */
  tooltip: string;
  /** Prometheus graph link for live Prometheus checks; undefined for file checks and recorded data. */
  queryUrl?: string;
  /** The file a file check read (the DCTS audit's facts join the check that reads its report). */
  sourceFile?: string;
  /** A Prometheus check with a query, whose series can be charted over the window (recorded data too). */
  chartable: boolean;
}

export interface GateNodeModel {
  kind: 'gate';
  key: string;
  label: string;
  description: string;
  status: GateStatus;
  icon: IconModel;
  tooltip: string;
  checks: CheckNodeModel[];
}

/** The first row: the decision, the data mode and when (the tree adds the relative time). */
export interface DecisionNodeModel {
  kind: 'decision';
  /** "BLOCKED — Coverage Control": the decision and the gate(s) that decided it. */
  label: string;
  /** The data mode ("live", "DEMO data — cannot promote"); the tree appends "· 3 min ago". */
  description: string;
  icon: IconModel;
  /** Markdown without the times; the tree adds the exact ISO time and the relative one. */
  tooltip: string;
}

export interface GatesViewModel {
  dataMode: DataMode;
  decisionCode: DecisionCode;
  decision: string;
  /** Names of the gates that decided (none for APPROVED or when nothing was measured). */
  decidingGates: string[];
  decisionNode: DecisionNodeModel;
  evaluatedAt: string;
  /** The evaluation time every query used: charts show the window that ends there. */
  evaluationTime: string;
  windowHours: number;
  /** The gates file evaluated (charts read its checks). */
  gatesFile?: string;
  source: string;
  gates: GateNodeModel[];
}

const STATUS_ICON: Record<GateStatus, IconModel> = {
  PASS: { id: 'pass', color: 'testing.iconPassed' },
  WARN: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  INCONCLUSIVE: { id: 'question', color: 'problemsInfoIcon.foreground' },
  FAIL: { id: 'error', color: 'testing.iconFailed' },
};

// The glyph says what happened to the check, the colour what it counts as (a NO_DATA that counts as
// FAIL is red, one that counts as INCONCLUSIVE is blue).
const OUTCOME_GLYPH: Record<CheckOutcome, string> = {
  PASS: 'pass',
  WARN: 'warning',
  FAIL: 'error',
  INCONCLUSIVE: 'question',
  NO_DATA: 'circle-slash',
  ERROR: 'alert',
};

const DECISION_COLOR: Record<DecisionCode, string> = {
  APPROVED: 'testing.iconPassed',
  CONDITIONAL: 'problemsWarningIcon.foreground',
  INCONCLUSIVE: 'problemsInfoIcon.foreground',
  BLOCKED: 'testing.iconFailed',
  ERROR: 'testing.iconFailed',
};

const COMPARATOR_TEXT: Record<Comparator, string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>', '==': '=' };

/** The data mode in a few words: "live", or "DEMO data — cannot promote". */
export function dataModeText(mode: DataMode): string {
  return mode === 'live' ? 'live' : `${mode.toUpperCase()} data — cannot promote`;
}

/** Escapes text for Markdown so names and messages from files cannot inject links or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** A fenced code block whose fence is longer than any backtick run inside `code`. */
function codeBlock(code: string, lang = ''): string {
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${code}\n${fence}`;
}

function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks} ${text} ${ticks}`;
}

function checkTooltip(c: CheckResult, gate: GateResult, dataMode: DataMode): string {
  const e = c.evidence;
  const lines: string[] = [];
  const counts = c.counts_as === c.outcome ? '' : ` — counts as **${c.counts_as}**`;
  lines.push(`**${escapeMarkdown(c.name)}**: **${c.outcome}**${counts}${dataMode === 'live' ? '' : ` _(${dataMode.toUpperCase()} data)_`}`, '');
  lines.push(escapeMarkdown(c.message), '');
  const cmp = e.comparison;
  if (cmp) {
    lines.push(`Baseline ${inlineCode(cmp.baseline.value)} vs candidate ${inlineCode(cmp.candidate.value)}:`, '');
    for (const [k, v] of judgementFacts(cmp.judgement)) lines.push(`- ${escapeMarkdown(k)}: ${escapeMarkdown(v)}`);
    lines.push('');
  }
  const value = c.value === null ? '_none_' : `**${shortNumber(c.value)}**`;
  lines.push(`- Value: ${value}, threshold ${escapeMarkdown(COMPARATOR_TEXT[c.comparator])} ${shortNumber(c.threshold)} (on failure: ${c.severity})`);
  lines.push(`- Source: ${e.kind} ${inlineCode(e.source)}`);
  if (e.path) lines.push(`- ${e.kind === 'file' ? 'Path / pattern' : 'Path'}: ${inlineCode(e.path)}`);
  lines.push(`- Evaluated at: ${escapeMarkdown(e.evaluated_at)}${e.window ? `, window ${escapeMarkdown(e.window)}` : ''}`);
  if (e.series_count !== undefined) lines.push(`- ${e.kind === 'file' ? 'Matched items' : 'Series'}: ${e.series_count}`);
  if (e.raw.length) {
    const shown = e.raw.slice(0, 5).map((r) => {
      const labels = r.labels && Object.keys(r.labels).length ? `{${Object.entries(r.labels).map(([k, v]) => `${k}="${v}"`).join(',')}} ` : '';
      return inlineCode(`${labels}${r.value}`);
    });
    lines.push(`- Raw: ${shown.join(', ')}${e.raw.length > 5 ? ` and ${e.raw.length - 5} more` : ''}`);
  }
  lines.push(`- Took: ${e.duration_ms} ms`);
  if (e.error) lines.push(`- Error: ${escapeMarkdown(e.error)}`);
  if (e.query) lines.push('', codeBlock(e.query, 'promql'));
  // A server that did not answer is not the release's fault: no gate remediation for it.
  if (c.counts_as !== 'PASS' && !e.cause && gate.remediation) lines.push('', `**Next step:** ${escapeMarkdown(gate.remediation)}`);
  return lines.join('\n');
}

function gateTooltip(g: GateResult, dataMode: DataMode): string {
  const lines = [`**${g.gate_id}. ${escapeMarkdown(g.gate_name)}**: **${g.status}** (fail action ${g.fail_action})${dataMode === 'live' ? '' : ` _(${dataMode.toUpperCase()} data)_`}`, ''];
  lines.push(escapeMarkdown(g.message), '');
  lines.push(`Condition: ${escapeMarkdown(g.condition)}`, '');
  for (const c of g.checks) lines.push(`- ${c.outcome === c.counts_as ? c.outcome : `${c.outcome} → ${c.counts_as}`}: ${escapeMarkdown(c.name)}: ${escapeMarkdown(measuredAgainst(c))}`);
  if (needsRemediation(g) && g.remediation) lines.push('', `**Next step:** ${escapeMarkdown(g.remediation)}`);
  return lines.join('\n');
}

function gateDescription(g: GateResult): string {
  return g.status === 'PASS' ? 'PASS' : `${g.status} · ${g.fail_action}`;
}

function decisionTooltip(report: GateReport, deciding: string[]): string {
  const lines = [`**${escapeMarkdown(report.decision)}**`, ''];
  if (deciding.length) lines.push(`Decided by: ${deciding.map(escapeMarkdown).join(', ')}`, '');
  if (report.evaluation_error) lines.push(`Not carried out: ${escapeMarkdown(report.evaluation_error.message)}`, '');
  lines.push(`- Data: ${escapeMarkdown(dataModeText(report.data_mode))} (${inlineCode(report.source)})`, `- Window: ${report.window_hours} h`);
  return lines.join('\n');
}

export function buildGatesModel(report: GateReport): GatesViewModel {
  const mode = report.data_mode;
  // The same rule that wrote the decision names its gates; a report whose code it does not reproduce names none.
  const decided = decideGates(report.gates, report.evaluation_error);
  const deciding = decided.code === report.decision_code ? decided.deciding : [];
  return {
    dataMode: mode,
    decisionCode: report.decision_code,
    decision: report.decision,
    decidingGates: deciding,
    decisionNode: {
      kind: 'decision',
      label: decisionHeadline(report.decision_code, deciding),
      description: dataModeText(mode),
      icon: { id: DECISION_ICON[report.decision_code], color: DECISION_COLOR[report.decision_code] },
      tooltip: decisionTooltip(report, deciding),
    },
    evaluatedAt: report.timestamp,
    evaluationTime: report.evaluated_at ?? report.timestamp,
    windowHours: report.window_hours,
    ...(report.gates_file ? { gatesFile: report.gates_file } : {}),
    source: report.source,
    gates: report.gates.map((g) => ({
      kind: 'gate',
      key: g.key,
      label: `${g.gate_id}. ${g.gate_name}`,
      description: gateDescription(g),
      status: g.status,
      icon: STATUS_ICON[g.status],
      tooltip: gateTooltip(g, mode),
      checks: g.checks.map((c) => ({
        kind: 'check',
        gateKey: g.key,
        checkId: c.check_id,
        label: c.name,
        description: measuredAgainst(c),
        outcome: c.outcome,
        countsAs: c.counts_as,
        icon: { id: OUTCOME_GLYPH[c.outcome], color: STATUS_ICON[c.counts_as].color },
        tooltip: checkTooltip(c, g, mode),
        // Recorded data may come from a server this machine cannot reach; only live answers link back.
        queryUrl: mode === 'live' && c.evidence.kind === 'prometheus' && c.evidence.query
          ? graphLink(c.evidence.source, [c.evidence.query], { end: c.evidence.evaluated_at, range: c.evidence.window ?? `${report.window_hours}h`, ...(c.evidence.range ? { stepSeconds: c.evidence.range.step_seconds } : {}) })
          : undefined,
        sourceFile: c.evidence.kind === 'file' ? c.evidence.source : undefined,
        chartable: c.evidence.kind === 'prometheus' && Boolean(c.evidence.query),
      })),
    })),
  };
}
