import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { recordingSchema } from '../prometheus/recording';
import type { GateReport } from '../verdict/types';

// A live report counts only with its raw responses: the recording it cites must be there, have the
// digest the report names, and be the recording of this evaluation (same source, time, window).

export interface RecordingRef {
  /** Absolute path. */
  file: string;
  sha256: string;
}

/** The cited recording checked; `problem` says what is wrong, otherwise the resolved reference. */
export async function checkRecording(root: string, report: GateReport, signal: AbortSignal): Promise<{ ref: RecordingRef } | { problem: string }> {
  if (!report.recording) return { problem: 'a live report must cite its recorded raw responses, so its decision can be re-derived: evaluate with `aurora-ga gates --record FILE` (VS Code records to artifacts/ga/gates_recording.json)' };
  const file = path.resolve(root, report.recording.file);
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file, { signal });
  } catch (err) {
    signal.throwIfAborted();
    return { problem: `the recording it cites, ${report.recording.file}, cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== report.recording.sha256) return { problem: `the recording ${report.recording.file} changed: its SHA-256 is ${sha256.slice(0, 12)}…, the report cites ${report.recording.sha256.slice(0, 12)}…` };
  let rec;
  try {
    rec = recordingSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch {
    return { problem: `${report.recording.file} is not an Aurora GA recording` };
  }
  const differs = [
    rec.source !== report.source && `source ${rec.source}`,
    report.evaluated_at !== undefined && new Date(rec.at).getTime() !== new Date(report.evaluated_at).getTime() && `time ${rec.at}`,
    rec.window_hours !== report.window_hours && `window ${rec.window_hours}h`,
  ].filter(Boolean);
  if (differs.length) return { problem: `${report.recording.file} is the recording of another evaluation (${differs.join(', ')})` };
  return { ref: { file, sha256 } };
}
