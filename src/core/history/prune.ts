import { promises as fs } from 'node:fs';
import path from 'node:path';
import { artifactPaths, type ArtifactPaths } from '../checklist/paths';
import { historyFolders, listHistory } from './list';
import { sha256Hex, type HistoryKind } from './store';

// Pruning rule (README "History"): per kind, the newest HISTORY_KEEP runs are kept; an older one is
// removed unless its report's SHA-256 is named by a sign-off in the checklist state, by the promotion
// record (decision.json), or is the current result. When a reference file exists but cannot be read,
// nothing is removed: an unreadable reference may name anything.

export const HISTORY_KEEP = 30;

async function readIfPresent(file: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    return await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    signal.throwIfAborted();
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const SHA = /^[0-9a-f]{64}$/;

/** Every SHA-256 that something refers to; undefined when a reference file cannot be read (prune nothing). */
export async function referencedDigests(root: string, signal: AbortSignal, overrides: Partial<ArtifactPaths> = {}): Promise<Set<string> | undefined> {
  const paths = artifactPaths(root, overrides);
  const refs = new Set<string>();
  for (const current of [paths.gateReport, paths.canary, paths.dctsAudit]) {
    const text = await readIfPresent(current, signal);
    if (text !== undefined) refs.add(sha256Hex(text));
  }
  const collect = (text: string | undefined, pick: (json: Record<string, unknown>) => unknown[]): boolean => {
    if (text === undefined) return true;
    try {
      for (const v of pick(JSON.parse(text) as Record<string, unknown>)) if (typeof v === 'string' && SHA.test(v)) refs.add(v);
      return true;
    } catch {
      return false;
    }
  };
  const state = collect(await readIfPresent(paths.state, signal), (s) => Object.values((s.signoffs ?? {}) as Record<string, { gate_report_sha256?: unknown }>).map((x) => x?.gate_report_sha256));
  const decision = collect(await readIfPresent(paths.decision, signal), (d) => [(d.gate_report as { sha256?: unknown } | null)?.sha256, (d.canary as { sha256?: unknown } | null)?.sha256]);
  return state && decision ? refs : undefined;
}

export interface PruneResult {
  removed: string[];
  /** Older than the newest HISTORY_KEEP but kept because something refers to them. */
  keptForReference: string[];
  /** Set when nothing was pruned because a reference file could not be read. */
  skipped?: string;
}

/** Applies the pruning rule to one kind's history folder `base` (see historyDir); `root` locates the references. */
export async function pruneHistory(root: string, base: string, kind: HistoryKind, signal: AbortSignal, keep = HISTORY_KEEP, overrides: Partial<ArtifactPaths> = {}): Promise<PruneResult> {
  // No more folders than kept entries: nothing to remove, and no entry needs reading.
  const folders = await historyFolders(base, kind);
  if (folders.length <= keep) return { removed: [], keptForReference: [] };
  const entries = await listHistory(base, kind, signal, folders);
  if (entries.length <= keep) return { removed: [], keptForReference: [] };
  const refs = await referencedDigests(root, signal, overrides);
  if (!refs) return { removed: [], keptForReference: [], skipped: 'a sign-off or promotion record cannot be read, so no evaluation was removed' };
  const result: PruneResult = { removed: [], keptForReference: [] };
  for (const e of entries.slice(keep)) {
    if (refs.has(e.sha256)) {
      result.keptForReference.push(e.id);
      continue;
    }
    // Only folders inside this kind's history are ever removed.
    await fs.rm(path.join(base, e.id), { recursive: true, force: true });
    result.removed.push(e.id);
  }
  return result;
}
