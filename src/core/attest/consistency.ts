import { compareOutcome } from '../gates/checks/compare';
import { formatNumber } from '../gates/checks/finish';
import { exitCodeFor } from '../gates/report';
import { decideGates } from '../verdict/outage';
import { countsAs, DECISION_TEXT, OVERALL_STATUS, outcomeFor, worstStatus } from '../verdict/rollup';
import type { GateReport, GateStatus } from '../verdict/types';

// A gate report is only evidence if it agrees with itself: every outcome follows from its value,
// comparator and threshold, every gate and the decision follow from the outcomes by the engine's own
// roll-up (src/core/verdict), and its data mode agrees with where the data came from. A report edited
// by hand to say APPROVED or `live` fails here. NO_DATA/ERROR counts depend on the gates file's
// on_missing/on_error; replaying the recording with that file (verify) settles those too.

const ANY_POLICY: GateStatus[] = ['FAIL', 'WARN', 'INCONCLUSIVE'];
const RECORDED_SOURCE = /^(demo|replay) of /;

/** Every way the report contradicts itself, one line each; empty when it is consistent. */
export function reportProblems(report: GateReport): string[] {
  const problems: string[] = [];
  for (const g of report.gates) {
    for (const c of g.checks) {
      const at = `gate ${g.gate_id} check ${c.check_id}`;
      const comparison = c.evidence.comparison;
      if (comparison) {
        // A compare check is decided by the judge's interval rule, not by its point value (checks/compare.ts),
        // and in a scored gate every judged one counts as the score's status (gate.ts).
        const expected = compareOutcome(comparison.judgement, c.severity);
        if (expected !== c.outcome) problems.push(`${at}: the judge's ${comparison.judgement.verdict} makes it ${expected}, the report says ${c.outcome}`);
        const counts = g.score ? g.score.status : c.outcome === 'NO_DATA' ? undefined : countsAs(c.outcome, { on_missing: 'fail', on_error: 'fail' });
        if (counts ? c.counts_as !== counts : !ANY_POLICY.includes(c.counts_as)) problems.push(`${at}: a ${c.outcome} counts as ${counts ?? ANY_POLICY.join(' or ')}, the report says ${c.counts_as}`);
      } else if (c.outcome === 'PASS' || c.outcome === 'WARN' || c.outcome === 'FAIL') {
        if (typeof c.value !== 'number' || !Number.isFinite(c.value)) problems.push(`${at}: outcome ${c.outcome} without a measured value`);
        else {
          const expected = outcomeFor(c.value, c.comparator, c.threshold, c.severity);
          if (expected !== c.outcome) problems.push(`${at}: ${formatNumber(c.value)} ${c.comparator} ${formatNumber(c.threshold)} is ${expected}, the report says ${c.outcome}`);
        }
        const counts = countsAs(c.outcome, { on_missing: 'fail', on_error: 'fail' });
        if (c.counts_as !== counts) problems.push(`${at}: a ${c.outcome} counts as ${counts}, the report says ${c.counts_as}`);
      } else {
        if (c.value !== null) problems.push(`${at}: outcome ${c.outcome} with a value`);
        if (!ANY_POLICY.includes(c.counts_as)) problems.push(`${at}: ${c.outcome} can never count as ${c.counts_as}`);
      }
      if (c.evidence.threshold !== c.threshold || c.evidence.comparator !== c.comparator) problems.push(`${at}: the evidence's threshold differs from the check's`);
      if (report.data_mode === 'live' && c.evidence.kind === 'prometheus' && c.evidence.source !== report.source) {
        problems.push(`${at}: data from ${c.evidence.source}, but the report says ${report.source}`);
      }
    }
    const status = worstStatus(g.checks.map((c) => c.counts_as));
    if (g.checks.length && status !== g.status) problems.push(`gate ${g.gate_id}: its checks make it ${status}, the report says ${g.status}`);
  }
  // The decision follows from the gates as their checks make them, not as the report labels them.
  const rederived = report.gates.map((g) => ({ ...g, status: g.checks.length ? worstStatus(g.checks.map((c) => c.counts_as)) : g.status }));
  const code = decideGates(rederived, report.evaluation_error).code;
  if (code !== report.decision_code) problems.push(`decision: the gates make it ${code}, the report says ${report.decision_code}`);
  if (report.decision !== DECISION_TEXT[report.decision_code]) problems.push(`decision text does not match ${report.decision_code}`);
  if (report.overall_status !== OVERALL_STATUS[report.decision_code]) problems.push(`overall_status ${report.overall_status} does not match ${report.decision_code}`);
  if (report.exit_code !== undefined && report.exit_code !== exitCodeFor(report.decision_code, report.data_mode)) problems.push(`exit_code ${report.exit_code} does not match ${report.decision_code} from ${report.data_mode} data`);
  if (report.promotable !== undefined && report.promotable !== (report.data_mode === 'live')) problems.push(`promotable: ${report.promotable} for ${report.data_mode} data`);
  const recorded = RECORDED_SOURCE.exec(report.source);
  if (report.data_mode === 'live' && recorded) problems.push(`data_mode is live, but the source is a ${recorded[1]} (${report.source})`);
  if (report.data_mode !== 'live' && !report.source.startsWith(`${report.data_mode} of `)) problems.push(`data_mode is ${report.data_mode}, but the source is ${report.source}`);
  return problems;
}
