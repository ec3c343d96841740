// Where a profile's locks are, and whether a lock names it: its own file, so the editor knows them without loading the lock engine.
import path from 'node:path';

/** `r2.yaml` → `r2.lock.json` (the last suffix replaced, as the original does). */
export function lockPathFor(profilePath: string): string {
  const ext = path.extname(profilePath);
  return `${ext ? profilePath.slice(0, -ext.length) : profilePath}.lock.json`;
}

/** `r2.yaml` → `r2.yaml.lock`, the legacy validate_profiles.py lock. */
export function legacyLockPathFor(profilePath: string): string {
  return `${profilePath}.lock`;
}

/** Whether a lock was written for this profile: the path it recorded (schema 2: relative to the lock) names it. */
export function sameProfile(lock: { schema: 1 | 2; profilePath: string }, lockPath: string, profilePath: string): boolean {
  if (!lock.profilePath) return true;
  if (lock.schema === 2) return path.resolve(path.dirname(lockPath), lock.profilePath) === path.resolve(profilePath);
  // Schema 1 stored the path as typed on some machine (often Windows): only the file name is comparable.
  return lock.profilePath.split(/[\\/]/).pop() === path.basename(profilePath);
}
