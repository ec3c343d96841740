import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readEntry, sha256Hex, type HistoryEntry, type HistoryKind } from './store';

const SEQUENCE = /^\d{8}T\d{6}Z/;
const ENTRY = /^\d{8}T\d{6}(\.\d+)?Z-[0-9a-f]{12}/;

/** The folder names of a kind's entries in `base`, newest first: entries unless their folder is incomplete. */
export async function historyFolders(base: string, kind: HistoryKind): Promise<string[]> {
  const re = kind === 'canary' ? SEQUENCE : ENTRY;
  try {
    return (await fs.readdir(base, { withFileTypes: true })).filter((d) => d.isDirectory() && re.test(d.name)).map((d) => d.name).sort().reverse();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** A canary sequence folder as a history entry; undefined while it has no results (running or killed). */
async function sequenceEntry(base: string, name: string, signal: AbortSignal): Promise<HistoryEntry | undefined> {
  const file = path.join(base, name, 'canary_results.json');
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    signal.throwIfAborted();
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let results: { finished_at?: string; timestamp?: string; data_mode?: string; evaluation?: { status?: string; cancelled?: boolean; total_runs?: number; planned_runs?: number } };
  try {
    results = JSON.parse(text) as typeof results;
  } catch {
    return { kind: 'canary', id: name, dir: path.dirname(file), file, time: name, completed: false, status: 'UNREADABLE', reason: 'canary_results.json is not valid JSON', sha256: sha256Hex(text) };
  }
  const e = results.evaluation ?? {};
  return {
    kind: 'canary',
    id: name,
    dir: path.dirname(file),
    file,
    time: results.finished_at ?? results.timestamp ?? name,
    completed: !e.cancelled,
    status: e.status ?? '?',
    ...(e.cancelled ? { reason: `cancelled after ${e.total_runs ?? '?'} of ${e.planned_runs ?? '?'} runs` } : {}),
    sha256: sha256Hex(text),
    ...(results.data_mode ? { data_mode: results.data_mode } : {}),
  };
}

/** The kept runs of one kind in its history folder `base` (see historyDir), newest first; `folders` when already listed (historyFolders). */
export async function listHistory(base: string, kind: HistoryKind, signal: AbortSignal, folders?: string[]): Promise<HistoryEntry[]> {
  const all = folders ?? (await historyFolders(base, kind));
  const entries = await Promise.all(all.map((n) => (kind === 'canary' ? sequenceEntry(base, n, signal) : readEntry(base, n, signal))));
  return entries.filter((e): e is HistoryEntry => e !== undefined);
}

/** An entry by id, or by position: `latest`/`0` is the newest, `1` the one before… */
export function pickEntry(entries: HistoryEntry[], ref: string): HistoryEntry | undefined {
  if (ref === 'latest') return entries[0];
  if (/^\d+$/.test(ref) && Number(ref) < entries.length && ref.length < 6) return entries[Number(ref)];
  return entries.find((e) => e.id === ref) ?? entries.filter((e) => e.id.startsWith(ref)).at(0);
}
