import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { GATING_MODES } from './gating';
import { healthResultSchema, runResultSchema, type HealthResult, type RunResult } from './results';

// `<sequence>/progress.jsonl`: one line when the sequence starts, one per finished run. It lets
// another process (the editor watching a CLI run) show a sequence filling in before its results
// file exists, and keeps the finished runs of a sequence that was killed outright.

export const PROGRESS_FILE = 'progress.jsonl';

const startLine = z.object({
  kind: z.literal('start'),
  started_at: z.string(),
  profile: z.string(),
  planned_runs: z.number().int().min(0),
  gating: z.enum(GATING_MODES),
  data_mode: z.enum(['live', 'demo']),
  /** Longest a run can take plus the pause before the next: beyond it a silent sequence is dead. */
  run_budget_s: z.number().min(0),
});
const runLine = z.object({ kind: z.literal('run'), run: runResultSchema, health: healthResultSchema });
export type ProgressStart = z.infer<typeof startLine>;

export interface SequenceProgress {
  start: ProgressStart;
  runs: { run: RunResult; health: HealthResult }[];
  /** When the file was last written. */
  updatedAt: Date;
}

/** Appends one line; a line is written by one call, so readers see whole lines or a torn last one. */
export async function appendProgress(sequenceDir: string, entry: ProgressStart | z.infer<typeof runLine>): Promise<void> {
  await fs.appendFile(path.join(sequenceDir, PROGRESS_FILE), `${JSON.stringify(entry)}\n`);
}

/** The progress of a sequence, or null when there is none (or no valid start line). Bad lines are skipped. */
export async function readProgress(sequenceDir: string, signal: AbortSignal): Promise<SequenceProgress | null> {
  const file = path.join(sequenceDir, PROGRESS_FILE);
  let text: string;
  let updatedAt: Date;
  try {
    [text, updatedAt] = await Promise.all([fs.readFile(file, { encoding: 'utf8', signal }), fs.stat(file).then((s) => s.mtime)]);
  } catch (err) {
    if (signal.aborted) throw err;
    return null;
  }
  let start: ProgressStart | undefined;
  const runs: SequenceProgress['runs'] = [];
  for (const line of text.split('\n')) {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      continue; // a line being written right now, or the empty one after the last newline
    }
    const s = startLine.safeParse(value);
    if (s.success) start = s.data;
    const r = runLine.safeParse(value);
    if (r.success) runs.push({ run: r.data.run, health: r.data.health });
  }
  return start ? { start, runs: runs.sort((a, b) => a.run.run_id - b.run.run_id), updatedAt } : null;
}
