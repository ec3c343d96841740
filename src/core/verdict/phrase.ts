import { satisfies } from './rollup';
import type { CheckResult, Comparator } from './types';

// How a check reads to a person: what was measured against what was required, in words
// ("0.2498 — above the limit 0.15"). Decided here, next to the comparator rule, for every face.

/** Short, stable number text: integers as they are, others to 4 significant digits. */
export function shortNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** What the comparator requires, in words: "the limit 0.15", "the minimum 0.95", "0". */
export function requirementText(comparator: Comparator, threshold: number): string {
  const t = shortNumber(threshold);
  switch (comparator) {
    case '<=': return `at most ${t}`;
    case '<': return `below ${t}`;
    case '>=': return `at least ${t}`;
    case '>': return `above ${t}`;
    case '==': return `equal to ${t}`;
  }
}

/** How a finite value stands against the threshold, in words. */
function standing(value: number, comparator: Comparator, threshold: number, ok: boolean): string {
  const t = shortNumber(threshold);
  switch (comparator) {
    case '<=':
    case '<':
      return ok ? `within the limit ${t}` : value === threshold ? `at the limit ${t} (must be below)` : `above the limit ${t}`;
    case '>=':
    case '>':
      return ok ? `meets the minimum ${t}` : value === threshold ? `at the minimum ${t} (must be above)` : `below the minimum ${t}`;
    case '==':
      return ok ? `equal to ${t}` : `not equal to ${t}`;
  }
}

/**
 * The measured value against the requirement: "0.2498 — above the limit 0.15", "1 — not equal to 0",
 * "0.03 — within the limit 0.05"; without a usable value, what is missing and what was required.
 */
export function measuredAgainst(c: Pick<CheckResult, 'value' | 'comparator' | 'threshold' | 'outcome'>): string {
  const need = requirementText(c.comparator, c.threshold);
  // A NaN or ±Inf that came back is named: it is why there is no measurement.
  if (c.outcome === 'NO_DATA') return c.value !== null && !Number.isFinite(c.value) ? `${shortNumber(c.value)} — not a measurement, required ${need}` : `no data — required ${need}`;
  if (c.outcome === 'ERROR') return `not measured (error) — required ${need}`;
  if (c.value === null) return `no value — required ${need}`;
  const v = shortNumber(c.value);
  if (!Number.isFinite(c.value)) return `${v} — not a measurement, required ${need}`;
  // A comparison is judged on its interval and spread too: the point value alone may not say why.
  if (c.outcome === 'INCONCLUSIVE') return `${v} — cannot tell against ${need}`;
  const ok = satisfies(c.value, c.comparator, c.threshold);
  if (ok !== (c.outcome === 'PASS')) return `${v} — ${c.outcome === 'PASS' ? 'passed' : 'failed'} against ${need}`;
  return `${v} — ${standing(c.value, c.comparator, c.threshold, ok)}`;
}
