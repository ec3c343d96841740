import type { LockStatus, ProfileLock } from '../../core/lock';
import type { BufferLockState } from '../../core/profile';

/** Lock state of one profile as the editor shows it (from the open buffer when the file is open). */
export type ProfileLockState = BufferLockState;

/** One row of the Locks view, as tests read it through the API. */
export interface LockTreeEntry {
  /** Workspace-relative POSIX path of the profile (or of the lock, for an orphan). */
  label: string;
  profilePath?: string;
  lockPath?: string;
  /** The profile's verdict (the one lock policy), or orphan for a lock without its profile. */
  state: LockStatus | 'orphan';
  /** What the row says after its label, e.g. `locked ✓` or `2 changes since 2025-08-21`. */
  description: string;
  changes: string[];
}

/** `2025-08-21` from a lock's generated_at, if it has one. */
export function lockDate(lock: ProfileLock | undefined): string | undefined {
  return lock?.generatedAt ? lock.generatedAt.slice(0, 10) : undefined;
}

/** The short verdict text shared by the CodeLens and the Locks view. */
export function describeState(s: ProfileLockState): string {
  const since = lockDate(s.lock) ? ` since ${lockDate(s.lock)}` : '';
  if (s.verdict.decidedBy === 'legacy') return s.verdict.status === 'mismatch' ? 'legacy lock mismatch' : 'legacy lock corrupt';
  switch (s.verdict.status) {
    case 'valid':
      return 'locked ✓';
    case 'missing':
      return s.legacy ? 'not locked (legacy lock only)' : 'not locked';
    case 'unreadable':
      return 'lock file corrupt';
    case 'profile-error':
      return 'cannot be hashed';
    case 'mismatch':
      if (s.lock?.schema === 1 && !s.changes.length) return `changed${since} (schema 1 lock)`;
      if (!s.changes.length) return s.reason ?? 'lock does not match';
      return `${s.changes.length} change${s.changes.length === 1 ? '' : 's'}${since}`;
  }
}
