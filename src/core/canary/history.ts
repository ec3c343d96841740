import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../util/errors';
import { PROGRESS_FILE, readProgress, type SequenceProgress } from './progressLog';
import { readCanaryResults, type CanaryResults } from './results';

export const SEQUENCE_RESULTS = 'canary_results.json';

/** One past sequence folder under artifacts/canary/: its results, or why they cannot be read. */
export interface SequenceEntry {
  /** Absolute path of artifacts/canary/<start>. */
  dir: string;
  name: string;
  results: CanaryResults | null;
  /** For a folder without results: the runs recorded so far (a sequence running elsewhere, or killed). */
  progress: SequenceProgress | null;
  /** Set when the folder has no readable results (still running, interrupted, or corrupt). */
  problem: string | null;
}

/** Past sequences, newest first (folder names are UTC start stamps, so they sort by time). */
export async function listSequences(artifactsDir: string, signal: AbortSignal, limit = 50): Promise<SequenceEntry[]> {
  let names: string[];
  try {
    names = (await fs.readdir(artifactsDir, { withFileTypes: true })).filter((d) => d.isDirectory() && /^\d{8}T\d{6}Z/.test(d.name)).map((d) => d.name);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  names.sort().reverse();
  return Promise.all(
    names.slice(0, limit).map(async (name): Promise<SequenceEntry> => {
      const dir = path.join(artifactsDir, name);
      try {
        return { dir, name, results: await readCanaryResults(path.join(dir, SEQUENCE_RESULTS), signal), progress: null, problem: null };
      } catch (err) {
        if (signal.aborted) throw err;
        const missing = err instanceof InputError && /not found/.test(err.message);
        const msg = err instanceof InputError ? (missing ? 'no results (running or interrupted)' : err.format()) : (err as Error).message;
        return { dir, name, results: null, progress: missing ? await readProgress(dir, signal) : null, problem: msg };
      }
    }),
  );
}

/**
 * A cheap fingerprint of artifacts/canary (folder count, newest folder, its progress and results
 * files' sizes and times): polling compares it instead of re-reading every sequence.
 */
export async function historySignature(artifactsDir: string): Promise<string> {
  let names: string[];
  try {
    names = (await fs.readdir(artifactsDir)).filter((n) => /^\d{8}T\d{6}Z/.test(n)).sort();
  } catch {
    return 'none';
  }
  const newest = names.at(-1);
  if (!newest) return '0';
  const stamp = async (f: string) => {
    const st = await fs.stat(path.join(artifactsDir, newest, f)).catch(() => null);
    return st ? `${st.size}@${st.mtimeMs}` : '-';
  };
  return `${names.length}:${newest}:${await stamp(PROGRESS_FILE)}:${await stamp(SEQUENCE_RESULTS)}`;
}
