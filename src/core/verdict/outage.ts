import type { UnavailableCause } from '../prometheus/cause';
import { CAUSE_TEXT, PREFLIGHT_FAILED } from '../prometheus/cause';
import { decision, type Decision } from './rollup';
import type { DecisionCode, EvaluationError, GateResult } from './types';

// "The release failed a check" vs "the evaluation could not be carried out": the rule that tells them
// apart, in one place. A check whose query got no answer because of the server (evidence.cause)
// counts as its on_error says; when such a check leaves a deciding gate failed or inconclusive, the
// decision is ERROR (exit 5): the release was not judged, so it is neither BLOCKED nor approved.
// Checks that did fail on the data that arrived are still in the report and in its next steps.

type Gate = Pick<GateResult, 'status' | 'fail_action' | 'checks'>;

/** The decision of evaluated gates, an outage included: the one rule the report and its verification apply. */
export function decideGates(gates: Parameters<typeof decision>[0] & Gate[], outage: EvaluationError | undefined): Decision {
  const base = decision(gates);
  const code = decideWithOutage(base.code, gates, outage);
  return code === base.code || !outage ? base : { code, reason: outage.message, deciding: [] };
}

export function decideWithOutage(base: DecisionCode, gates: Gate[], outage: EvaluationError | undefined): DecisionCode {
  if (!outage) return base;
  const hurt = gates
    .filter((g) => g.fail_action !== 'OBSERVE')
    .some((g) => g.checks.some((c) => c.evidence.cause && (c.counts_as === 'FAIL' || c.counts_as === 'INCONCLUSIVE')));
  return hurt ? 'ERROR' : base;
}

/**
 * The one cause the report's headline names: the pre-flight's, or the most frequent among the checks'
 * (ties: the first met). Undefined when every query was answered.
 */
export function findOutage(gates: Gate[], source: string, preflight?: { cause: UnavailableCause; message: string }): EvaluationError | undefined {
  const hit = gates.flatMap((g) => g.checks).filter((c) => c.evidence.cause);
  if (preflight) return { cause: preflight.cause, message: outageMessage(source, preflight.cause, preflight.message), source, checks: hit.length, preflight: true };
  if (!hit.length) return undefined;
  const counts = new Map<UnavailableCause, number>();
  for (const c of hit) counts.set(c.evidence.cause!, (counts.get(c.evidence.cause!) ?? 0) + 1);
  const [cause] = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a));
  const first = hit.find((c) => c.evidence.cause === cause)!;
  return { cause, message: outageMessage(source, cause, first.evidence.error ?? first.message), source, checks: hit.length, preflight: false };
}

function outageMessage(source: string, cause: UnavailableCause, detail: string): string {
  return `Prometheus at ${source} ${CAUSE_TEXT[cause]} (${detail.startsWith(PREFLIGHT_FAILED) ? detail.slice(PREFLIGHT_FAILED.length) : detail})`;
}

/** Whether a gate's remediation applies: some check failed on data that arrived, not for want of an answer. */
export function needsRemediation(gate: Pick<GateResult, 'status' | 'checks'>): boolean {
  return gate.status !== 'PASS' && gate.checks.some((c) => c.counts_as !== 'PASS' && !c.evidence.cause);
}
