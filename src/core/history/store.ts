import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as z from 'zod/mini';
import { writeFileAtomic } from '../util/atomicWrite';

// The history of evaluations under <artifacts>/history/<kind>/<id>/: report.json (the exact bytes
// the run produced), recording.json for live gates evaluations (every raw Prometheus answer), and
// meta.json. An entry is written before the "current" file is touched, so nothing a run produced is
// ever lost, whatever the caller then decides about the current result. Canary sequences already
// keep their own folder (artifacts/canary/<start>/) and are read from there.

export const HISTORY_KINDS = ['gates', 'canary', 'audit'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const REPORT_FILE = 'report.json';
export const RECORDING_FILE = 'recording.json';
const META_FILE = 'meta.json';

// zod/mini: dist/dcts-audit.cjs keeps its run in the history without the rest of zod.
export const metaSchema = z.object({
  kind: z.enum(HISTORY_KINDS),
  /** When the run finished (RFC 3339 UTC). */
  time: z.string(),
  /** False for a run that was cancelled or could not be carried out: never a "current" result by itself. */
  completed: z.boolean(),
  /** The run's headline verdict (decision code, PASS/FAIL, audit status). */
  status: z.string(),
  /** Why the run is not complete, when it is not. */
  reason: z.optional(z.string()),
  /** SHA-256 of report.json: what sign-offs and promotion records name. */
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  data_mode: z.optional(z.string()),
});
export type HistoryMeta = z.infer<typeof metaSchema>;

export interface HistoryEntry extends HistoryMeta {
  /** Folder name, sortable by time: `20261127T040000Z-<sha12>`. */
  id: string;
  dir: string;
  /** The report file of the entry. */
  file: string;
  /** The raw Prometheus answers of a live gates evaluation, when recorded. */
  recording?: string;
}

/** Where a kind's history lives: <artifacts>/history/<kind>; canary sequences in their own folder (default <artifacts>/canary). */
export function historyDir(artifactsDir: string, kind: HistoryKind): string {
  return kind === 'canary' ? path.join(artifactsDir, 'canary') : path.join(artifactsDir, 'history', kind);
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.(\d+)Z$/, '.$1Z');

export interface KeepRequest {
  kind: Exclude<HistoryKind, 'canary'>;
  /** The report exactly as written (its SHA-256 is what a sign-off names). */
  text: string;
  completed: boolean;
  status: string;
  reason?: string;
  dataMode?: string;
  /** A live gates evaluation's recording (Recording JSON text). */
  recording?: string;
  time?: Date;
}

/** Keeps one run in the history folder `base` (see historyDir) and returns its entry. Writes nothing else. */
export async function keepInHistory(base: string, req: KeepRequest): Promise<HistoryEntry> {
  const time = req.time ?? new Date();
  const sha256 = sha256Hex(req.text);
  await fs.mkdir(base, { recursive: true });
  let id = `${stamp(time)}-${sha256.slice(0, 12)}`;
  for (let n = 2; ; n++) {
    try {
      await fs.mkdir(path.join(base, id));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      id = `${stamp(time)}-${sha256.slice(0, 12)}-${n}`;
    }
  }
  const dir = path.join(base, id);
  const meta: HistoryMeta = {
    kind: req.kind,
    time: time.toISOString(),
    completed: req.completed,
    status: req.status,
    ...(req.reason ? { reason: req.reason } : {}),
    sha256,
    ...(req.dataMode ? { data_mode: req.dataMode } : {}),
  };
  await writeFileAtomic(path.join(dir, REPORT_FILE), req.text);
  if (req.recording !== undefined) await writeFileAtomic(path.join(dir, RECORDING_FILE), req.recording);
  // meta.json last: an entry without it is one whose writer died, and is listed as such.
  await writeFileAtomic(path.join(dir, META_FILE), `${JSON.stringify(meta, null, 2)}\n`);
  return { ...meta, id, dir, file: path.join(dir, REPORT_FILE), ...(req.recording !== undefined ? { recording: path.join(dir, RECORDING_FILE) } : {}) };
}

/** Reads one stored (non-canary) entry; undefined when its folder is incomplete or unreadable. */
export async function readEntry(base: string, id: string, signal: AbortSignal): Promise<HistoryEntry | undefined> {
  const dir = path.join(base, id);
  try {
    const parsed = metaSchema.safeParse(JSON.parse(await fs.readFile(path.join(dir, META_FILE), { encoding: 'utf8', signal })));
    if (!parsed.success) return undefined;
    const recording = path.join(dir, RECORDING_FILE);
    const hasRecording = await fs.stat(recording).then(() => true, () => false);
    return { ...parsed.data, id, dir, file: path.join(dir, REPORT_FILE), ...(hasRecording ? { recording } : {}) };
  } catch (err) {
    signal.throwIfAborted();
    if (err instanceof SyntaxError || (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
