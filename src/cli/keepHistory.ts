import path from 'node:path';
import { recordRun, type HistoryKind, type RecordedRun } from '../core/history';
import { writeFailure } from '../core/util';
import type { CliIO } from './command';

/**
 * Keeps a finished run in <artifacts>/history/<kind>/ before its report is written. A history that
 * cannot be written is said on stderr; the run's own output is still produced.
 */
export async function keepInCliHistory(io: CliIO, kind: Exclude<HistoryKind, 'canary'>, artifactsDir: string, text: string, recording: string | undefined, signal: AbortSignal): Promise<RecordedRun | undefined> {
  const dir = path.resolve(io.cwd, artifactsDir);
  try {
    const kept = await recordRun(io.cwd, dir, { kind, text, ...(recording !== undefined ? { recording } : {}) }, signal);
    if (kept.pruned.skipped) io.stderr(`warning: history not pruned: ${kept.pruned.skipped}\n`);
    return kept;
  } catch (err) {
    signal.throwIfAborted();
    const e = writeFailure(err, path.join(dir, 'history', kind), 'cannot keep this run in the history');
    io.stderr(`warning: ${'format' in e && typeof e.format === 'function' ? (e.format as () => string)() : e.message}\n`);
    return undefined;
  }
}
