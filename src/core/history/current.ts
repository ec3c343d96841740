import type { HistoryKind } from './store';

// The "current" result (artifacts/ga/gates_report.json, artifacts/canary_results.json,
// artifacts/dcts_audit/report.json) is what the checklist and promotion read. Only a completed run
// replaces it by itself; a run that was cancelled or could not be carried out replaces a completed
// one only when the user says so (VS Code asks — except a gates evaluation that could not be
// carried out: it is kept in the history and shown as an error, and the current report stays; the
// CLI keeps the current one and writes the run only where --output says).

/** `aurora-ga gates` exit code of an evaluation that could not be carried out (README "Exit codes"). */
export const COULD_NOT_RUN_EXIT = 5;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' ? (v as Record<string, unknown>) : {});

/** Whether a run's report (parsed JSON) is a completed run of its kind, and why not when it is not. */
export function completion(kind: HistoryKind, report: unknown): { completed: true } | { completed: false; reason: string } {
  const r = obj(report);
  if (kind === 'gates') {
    const error = obj(r.evaluation_error);
    if (r.exit_code === COULD_NOT_RUN_EXIT || r.decision_code === 'ERROR') return { completed: false, reason: typeof error.message === 'string' ? error.message : 'the evaluation could not be carried out' };
    return { completed: true };
  }
  if (kind === 'canary') {
    const e = obj(r.evaluation);
    return e.cancelled ? { completed: false, reason: `cancelled after ${String(e.total_runs)} of ${String(e.planned_runs)} runs` } : { completed: true };
  }
  return r.status === 'NO_DATA' ? { completed: false, reason: 'the audit found no data (no summary matched, or none had a robust DCTS value)' } : { completed: true };
}

export type Replacement = { action: 'replace' } | { action: 'ask'; reason: string };

/**
 * Whether `next` may replace the current result (`currentText`: the current file's text, undefined
 * when there is none). Asking is the answer only when a completed current result would be replaced
 * by a run that is not complete.
 */
export function replacementFor(kind: HistoryKind, next: unknown, currentText: string | undefined): Replacement {
  const n = completion(kind, next);
  if (n.completed || currentText === undefined) return { action: 'replace' };
  let current: unknown;
  try {
    current = JSON.parse(currentText);
  } catch {
    return { action: 'replace' };
  }
  return completion(kind, current).completed ? { action: 'ask', reason: n.reason } : { action: 'replace' };
}
