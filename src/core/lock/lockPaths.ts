// Where a profile's locks are: its own file, so the editor knows them without loading the lock engine.
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
