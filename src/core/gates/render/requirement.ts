import { measuredAgainst } from '../../verdict/phrase';
import type { CheckResult, GateResult } from '../../verdict/types';

/** The check that decided a gate (`value_check`), or its first. */
export function decidingCheck(gate: GateResult): CheckResult | undefined {
  return gate.checks.find((c) => c.check_id === gate.value_check) ?? gate.checks[0];
}

/**
 * A check's value against its requirement in words, e.g. "0.2498 — above the limit 0.15"; a compare
 * check's own summary; for NO_DATA and ERROR also what they count as. Plain text: callers escape it.
 */
export function valueVsRequirement(c: CheckResult): string {
  if (c.evidence.comparison) return c.evidence.comparison.summary;
  // The wording is the one every face uses (verdict/phrase.ts); here it also says what a missing value counts as.
  const text = measuredAgainst(c);
  if (c.outcome === 'ERROR') return `${text}${c.evidence.cause ? ` (${c.evidence.cause})` : ''} — counts as ${c.counts_as}`;
  return c.outcome === 'NO_DATA' ? `${text} — counts as ${c.counts_as}` : text;
}

/** A gate's summary in words: its score when it has one (the score decides), else its deciding check's. */
export function gateSummary(gate: GateResult): string {
  if (gate.score) return gate.score.reason;
  const c = decidingCheck(gate);
  return c ? valueVsRequirement(c) : 'no checks';
}
