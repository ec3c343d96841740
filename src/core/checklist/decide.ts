import type { AnsweredItem } from './answer';
import type { DecidingReason as DecidingItemView, DecisionOutcome as DecisionView, Impact, SignoffStatus as SignoffView } from './model';

// The decision rule (product spec §5; the original had none):
//   GO          every CRITICAL and HIGH item satisfied — which means gates APPROVED from live data,
//               every lock valid, canary PASS — and every sign-off the policy requires present, not
//               stale, and counting (verified SSH signature by a principal holding the role; a name
//               only counts only where the policy says count_unsigned).
//               MEDIUM and LOW items do not hold back a GO; they stay visible as open.
//   CONDITIONAL nothing CRITICAL fails or is open, no HIGH item is short, and what stands between
//               it and GO is CONDITIONAL gates and/or missing or stale sign-offs (with only
//               MEDIUM/LOW items open).
//   NO-GO       otherwise: a CRITICAL item fails (FAIL, NO DATA, non-live data) or is open, or a HIGH
//               item is not satisfied.
// Optional items never decide while open; "Next Steps" items and OBSERVE gates never decide.

const HEADLINES = {
  GO: '✅ GO — Proceed with GA promotion',
  'NO-GO': '❌ NO-GO — Address issues and re-evaluate',
  CONDITIONAL: '⚠️ CONDITIONAL — Limited promotion with monitoring',
} as const;

const ORDER: Record<Impact, number> = { CRITICAL: 0, HIGH: 1, MEDIUM: 2, LOW: 3 };

export function itemLabel(i: AnsweredItem): string {
  return i.def.label ?? i.def.text.replace(/\*\*|`/g, '');
}

/** One line per deciding item; items that share one cause (a missing file) are folded into one line. */
function describe(items: AnsweredItem[]): DecidingItemView[] {
  const out: DecidingItemView[] = [];
  const folded = new Map<string, { view: DecidingItemView; first: AnsweredItem; count: number }>();
  for (const i of items) {
    if (i.answer.status === 'no_data') {
      const key = `${i.def.impact}|${i.answer.summary}`;
      const seen = folded.get(key);
      if (seen) {
        seen.count++;
        seen.view.text = `${i.def.impact} · ${itemLabel(seen.first)} and ${seen.count - 1} more — ${i.answer.summary}`;
        continue;
      }
      const view = { itemId: i.def.id, text: `${i.def.impact} · ${itemLabel(i)} — ${i.answer.summary}` };
      folded.set(key, { view, first: i, count: 1 });
      out.push(view);
      continue;
    }
    out.push({ itemId: i.def.id, text: `${i.def.impact} · ${itemLabel(i)} — ${i.answer.status.toUpperCase()}: ${i.answer.summary}` });
  }
  return out;
}

/** Whether an item's answer takes part in the decision: not a next step, not an OBSERVE gate, not an optional item left open. */
export function isDecisive(i: AnsweredItem): boolean {
  return (i.def.phase ?? 'decide') === 'decide' && i.answer.decides && !(i.def.optional && i.answer.status === 'open');
}

export function decide(items: AnsweredItem[], signoffs: SignoffView[]): DecisionView {
  const unsatisfied = items
    .filter((i) => isDecisive(i) && i.answer.status !== 'satisfied')
    .sort((a, b) => ORDER[a.def.impact] - ORDER[b.def.impact]);
  const signoffGaps: DecidingItemView[] = signoffs
    .filter((s) => s.required && (s.name === null || s.stale || !s.counts))
    .map((s) => ({
      itemId: null,
      text: s.name === null
        ? `Sign-off missing: ${s.title}`
        : !s.counts
          ? `Sign-off does not count: ${s.title} (${s.name}) — ${s.signatureDetail}`
          : `Sign-off stale: ${s.title} (${s.name}) — ${s.staleReasons.join('; ')}${s.since?.kind === 'same-verdicts' ? ' (same verdicts: re-affirm)' : s.since?.kind === 'verdicts-changed' ? ` (verdicts changed: ${s.since.verdictChanges.join('; ')})` : ''}`,
    }));

  const major = unsatisfied.filter((i) => i.def.impact === 'CRITICAL' || i.def.impact === 'HIGH');
  if (major.length === 0 && signoffGaps.length === 0) return { decision: 'GO', headline: HEADLINES.GO, deciding: [] };

  const blocking = major.filter((i) => i.def.impact === 'HIGH' || i.answer.status !== 'warn');
  if (blocking.length) return { decision: 'NO-GO', headline: HEADLINES['NO-GO'], deciding: describe(blocking) };
  // Left: CONDITIONAL gates and/or sign-offs; those are what decide.
  return { decision: 'CONDITIONAL', headline: HEADLINES.CONDITIONAL, deciding: [...describe(major), ...signoffGaps] };
}
