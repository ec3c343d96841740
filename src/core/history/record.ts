import type { ArtifactPaths } from '../checklist/paths';
import { completion } from './current';
import { pruneHistory, type PruneResult } from './prune';
import { historyDir, keepInHistory, type HistoryEntry, type KeepRequest } from './store';

export interface RecordedRun {
  entry: HistoryEntry;
  pruned: PruneResult;
}

/** The headline verdict a report carries (decision code, audit status). */
function headline(report: Record<string, unknown>): string {
  const v = report.decision_code ?? report.status ?? report.overall_status;
  return typeof v === 'string' ? v : '?';
}

/**
 * Keeps a finished gates evaluation or audit in the history and prunes by the documented rule.
 * Every face calls it before deciding about the current result, so a run is kept whatever happens
 * next. `text` is the report exactly as the face writes it (its SHA-256 is what sign-offs name).
 */
export async function recordRun(
  root: string,
  artifactsDir: string,
  run: Pick<KeepRequest, 'kind' | 'text' | 'recording' | 'time'>,
  signal: AbortSignal,
  overrides: Partial<ArtifactPaths> = {},
): Promise<RecordedRun> {
  const report = JSON.parse(run.text) as Record<string, unknown>;
  const done = completion(run.kind, report);
  const base = historyDir(artifactsDir, run.kind);
  const entry = await keepInHistory(base, {
    ...run,
    completed: done.completed,
    status: headline(report),
    ...(done.completed ? {} : { reason: done.reason }),
    ...(typeof report.data_mode === 'string' ? { dataMode: report.data_mode } : {}),
  });
  const pruned = await pruneHistory(root, base, run.kind, signal, undefined, overrides);
  return { entry, pruned };
}
