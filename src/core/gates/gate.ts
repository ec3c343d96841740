import { statusRank, worstStatus } from '../verdict/rollup';
import type { CheckResult, GateResult } from '../verdict/types';
import { formatNumber } from './checks/finish';
import type { GateDefinition } from './schema';

/** The default condition text: each check as `id comparator threshold`. */
export function conditionText(def: GateDefinition, checks: Pick<CheckResult, 'check_id' | 'comparator' | 'threshold'>[]): string {
  return def.condition ?? checks.map((c) => `${c.check_id} ${c.comparator} ${formatNumber(c.threshold)}`).join(' AND ');
}

/**
 * A gate is the worst of its checks. Its `value`/`threshold` are those of the check that decided the
 * status (named in `value_check`), never a max() of quantities in different units.
 */
export function gateResult(def: GateDefinition, checks: CheckResult[]): GateResult {
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
  };
}
