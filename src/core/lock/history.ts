// Schema 1 locks store only a hash. The profile as locked is usually in git: the newest revision
// of the profile whose normalized hash equals the lock's gives the values that were locked, so a
// schema 1 lock can show per-key changes and be upgraded to schema 2 with the same hash.
import path from 'node:path';
import { git } from '../git';
import { normalizeProfile, type NormalizedProfile } from '../pyyaml';
import { InputError } from '../util/errors';

/** How far back the history walk goes (revisions of the one profile). */
export const MAX_HISTORY_REVISIONS = 200;

export interface LockedRevision {
  /** The commit whose profile hashes to the lock's hash. */
  commit: string;
  /** That revision's profile, normalized: its root stands in for the missing `locked_values`. */
  profile: NormalizedProfile;
}

// Per lock hash: the same hash means the same normalized values, whichever file holds them.
const cache = new Map<string, Promise<LockedRevision | undefined>>();

/**
 * The newest of the last `maxRevisions` revisions of `profilePath` (`git log -- <profile>`, then
 * `git show <rev>:<path>`) whose normalized hash is `sha256`; undefined outside git or when none
 * matches. Cached per hash; a walk that was aborted is not cached.
 */
export function findLockedRevision(profilePath: string, sha256: string, signal: AbortSignal, maxRevisions = MAX_HISTORY_REVISIONS): Promise<LockedRevision | undefined> {
  const had = cache.get(sha256);
  if (had) return had;
  const found = walk(profilePath, sha256, signal, maxRevisions);
  cache.set(sha256, found);
  found.catch(() => cache.delete(sha256));
  return found;
}

async function walk(profilePath: string, sha256: string, signal: AbortSignal, maxRevisions: number): Promise<LockedRevision | undefined> {
  const cwd = path.dirname(profilePath);
  const name = path.basename(profilePath);
  const log = await git(cwd, ['log', `-n${maxRevisions}`, '--format=%H', '--', name], signal);
  signal.throwIfAborted();
  if (log.code !== 0) return undefined;
  for (const commit of log.stdout.split('\n').filter((l) => /^[0-9a-f]{40}$/.test(l))) {
    const show = await git(cwd, ['show', `${commit}:./${name}`], signal);
    signal.throwIfAborted();
    if (show.code !== 0) continue;
    try {
      const profile = normalizeProfile(show.stdout, `${name}@${commit.slice(0, 10)}`);
      if (profile.sha256 === sha256) return { commit, profile };
    } catch (err) {
      if (!(err instanceof InputError)) throw err; // a revision that cannot be hashed is not the locked one
    }
  }
  return undefined;
}
