// The decision's codicon and one-line headline: shared by the status bar, which is made at activation,
// and the view model, which loads with the first report (this file imports nothing, so neither pulls the other).
import type { DecisionCode } from '../../core/verdict';

export const DECISION_ICON: Record<DecisionCode, string> = {
  APPROVED: 'pass-filled',
  CONDITIONAL: 'warning',
  INCONCLUSIVE: 'question',
  BLOCKED: 'error',
  ERROR: 'debug-disconnect',
};

/** The decision with the first gate that decided it, short enough for the status bar: "BLOCKED — Coverage Control +1". */
export function decisionHeadline(code: DecisionCode, deciding: string[]): string {
  if (!deciding.length) return code;
  return `${code} — ${deciding[0]}${deciding.length > 1 ? ` +${deciding.length - 1}` : ''}`;
}
