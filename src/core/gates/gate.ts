import { scoreMetrics, type JudgeVerdict } from '../judge';
import { statusRank, worstStatus } from '../verdict/rollup';
import type { CheckResult, GateResult } from '../verdict/types';
import { formatNumber } from './checks/finish';
import type { GateDefinition } from './schema';

/** The default condition text: each check as `id comparator threshold`. */
export function conditionText(def: GateDefinition, checks: Pick<CheckResult, 'check_id' | 'comparator' | 'threshold'>[]): string {
  return def.condition ?? checks.map((c) => `${c.check_id} ${c.comparator} ${formatNumber(c.threshold)}`).join(' AND ');
}

/**
 * With `score`, the gate's judged compare checks count together: each counts as the score's status
 * (a failing non-critical metric inside a passing score counts as PASS, and says so). ERROR
 * outcomes keep their own policy: an evaluation that could not run is not a judgement.
 */
function applyScore(def: GateDefinition, checks: CheckResult[]): { checks: CheckResult[]; score?: GateResult['score'] } {
  const compareDef = (c: CheckResult) => {
    const d = def.checks.find((x) => x.id === c.check_id);
    return d?.type === 'compare' ? d : undefined;
  };
  const scored = (c: CheckResult) => compareDef(c) !== undefined && c.outcome !== 'ERROR';
  if (!def.score || !checks.some(scored)) return { checks };
  const s = def.score;
  // A warn-severity failure is still a failed metric; NO_DATA that must have data counts as failed.
  const verdict = (c: CheckResult): JudgeVerdict =>
    c.outcome === 'WARN' || (c.outcome === 'NO_DATA' && c.counts_as === 'FAIL') ? 'FAIL' : c.outcome === 'NO_DATA' || c.outcome === 'ERROR' ? 'NO_DATA' : c.outcome;
  const metrics = checks.filter(scored).map((c) => {
    const cmp = compareDef(c)!;
    const v = verdict(c);
    return { id: c.check_id, group: cmp.group, weight: cmp.weight, verdict: v, critical: v === 'FAIL' && (cmp.critical || c.evidence.comparison?.judgement.critical === true) };
  });
  const result = scoreMetrics(metrics, { pass: s.pass, marginal: s.marginal, groups: s.groups, minJudged: s.min_judged });
  const out = checks.map((c) => (scored(c) ? { ...c, counts_as: result.status, message: `${c.message} [scored: ${result.reason}]` } : c));
  return { checks: out, score: { ...result, pass: s.pass, marginal: s.marginal } };
}

/**
 * A gate is the worst of its checks. Its `value`/`threshold` are those of the check that decided the
 * status (named in `value_check`), never a max() of quantities in different units.
 */
export function gateResult(def: GateDefinition, measured: CheckResult[]): GateResult {
  const { checks, score } = applyScore(def, measured);
  const status = worstStatus(checks.map((c) => c.counts_as));
  const decider = checks.find((c) => c.counts_as === status && statusRank(status) > 0) ?? checks[0];
  const message =
    status === 'PASS'
      ? checks.map((c) => `${c.check_id} ${c.value === null ? '—' : formatNumber(c.value)}`).join(', ')
      : checks.filter((c) => c.counts_as !== 'PASS').map((c) => `${c.message}${c.outcome === 'NO_DATA' || c.outcome === 'ERROR' ? ` [${c.outcome} counts as ${c.counts_as}]` : ''}`).join('; ');
  return {
    gate_id: def.id,
    gate_name: def.name,
    status,
    value: decider.value,
    threshold: decider.threshold,
    condition: conditionText(def, checks),
    message,
    fail_action: def.fail_action,
    key: def.key,
    remediation: def.remediation,
    checks,
    value_check: decider.check_id,
    ...(score ? { score } : {}),
  };
}
