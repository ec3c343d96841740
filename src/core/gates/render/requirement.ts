import type { CheckResult, Comparator, GateResult } from '../../verdict/types';
import { formatNumber } from '../checks/finish';

/** What a comparator asks, in words: [when the value meets it, when it does not]. */
const WORDS: Record<Comparator, [string, string]> = {
  '<=': ['within the limit', 'above the limit'],
  '<': ['below the limit', 'not below the limit'],
  '>=': ['meets the minimum', 'below the minimum'],
  '>': ['above the minimum', 'not above the minimum'],
  '==': ['equals the required', 'should be'],
};

/** Four significant digits: enough to read a value against its limit at a glance (the evidence keeps all). */
function short(v: number): string {
  return Number.isInteger(v) || !Number.isFinite(v) ? formatNumber(v) : String(Number(v.toPrecision(4)));
}

/** The check that decided a gate (`value_check`), or its first. */
export function decidingCheck(gate: GateResult): CheckResult | undefined {
  return gate.checks.find((c) => c.check_id === gate.value_check) ?? gate.checks[0];
}

/**
 * A check's value against its requirement in words, e.g. "0.2498 — above the limit 0.15"; a compare
 * check's own summary; for NO_DATA and ERROR what they count as. Plain text: callers escape it.
 */
export function valueVsRequirement(c: CheckResult): string {
  if (c.evidence.comparison) return c.evidence.comparison.summary;
  const counts = `counts as ${c.counts_as}`;
  if (c.outcome === 'ERROR') return `error${c.evidence.cause ? ` (${c.evidence.cause})` : ''} — ${counts}`;
  if (c.outcome === 'NO_DATA') return c.value === null ? `no data — ${counts}` : `${short(c.value)}: ${Number.isNaN(c.value) ? 'no data' : 'no finite value'} — ${counts}`;
  if (c.value === null) return `${c.outcome} — ${counts}`;
  const [meets, misses] = WORDS[c.comparator];
  return `${short(c.value)} — ${c.outcome === 'PASS' ? meets : misses} ${formatNumber(c.threshold)}`;
}

/** A gate's summary in words: its score when it has one (the score decides), else its deciding check's. */
export function gateSummary(gate: GateResult): string {
  if (gate.score) return gate.score.reason;
  const c = decidingCheck(gate);
  return c ? valueVsRequirement(c) : 'no checks';
}
