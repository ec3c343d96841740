import { findLockedRevision } from './history';
import { writeLock, type ProfileLock } from './lockFile';

/**
 * Rewrites a schema 1 lock as schema 2 with the same hash: the values are those of the profile's
 * revision in git that hashes to the lock's hash, and the lock keeps its date. Returns that
 * revision's commit, or undefined (nothing written) when history has no such revision.
 */
export async function upgradeLock(profilePath: string, lockPath: string, lock: ProfileLock, signal: AbortSignal): Promise<string | undefined> {
  if (lock.schema !== 1) return undefined;
  const found = await findLockedRevision(profilePath, lock.sha256, signal);
  if (!found || found.profile.sha256 !== lock.sha256) return undefined;
  const date = new Date(lock.generatedAt);
  await writeLock(profilePath, lockPath, found.profile, Number.isNaN(date.getTime()) ? new Date() : date);
  return found.commit;
}
