// The lock state of a profile buffer being edited: what the editor shows, computed from an edit
// session and the already-parsed lock, synchronously (no I/O on the typing path).
import path from 'node:path';
import { validateProfile, validationInput, type ProfileIssue } from '../profile/validate';
import { InputError } from '../util/errors';
import { compareWithLock, type LockStatus } from './checkLock';
import type { LockChange } from './diff';
import type { ProfileEditSession } from './editSession';
import type { JNode } from '../pyyaml';
import { checkLegacyLock, type LegacyLockCheck } from './legacyLock';
import type { ProfileLock } from './lockFile';

export interface BufferLockState {
  profilePath: string;
  lockPath: string;
  status: LockStatus;
  lock?: ProfileLock;
  changes: LockChange[];
  reason?: string;
  problem?: InputError;
  legacy?: LegacyLockCheck;
  /** Profile-schema findings (validate_profiles.py rules). */
  issues: ProfileIssue[];
  /** The buffer's loaded tree (ranges of keys and values), when it could be read. */
  root?: JNode;
}

/** What is known of the lock file beside the profile: absent, parsed, or corrupt. */
export type LockFileState = { kind: 'none' } | { kind: 'ok'; lock: ProfileLock } | { kind: 'corrupt'; error: InputError };

export function analyzeBuffer(session: ProfileEditSession, lockPath: string, lockFile: LockFileState, legacyText: string | undefined): BufferLockState {
  const profilePath = session.file;
  const base: BufferLockState = { profilePath, lockPath, status: 'missing', changes: [], issues: [] };
  let profile;
  try {
    profile = session.normalized();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return { ...base, status: 'profile-error', problem: err, lock: lockFile.kind === 'ok' ? lockFile.lock : undefined };
  }
  base.root = profile.root;
  base.issues = validateProfile(path.basename(profilePath, path.extname(profilePath)), validationInput(profile.root)).issues;
  if (legacyText !== undefined) base.legacy = checkLegacyLock(legacyText, profilePath, session.currentText(), profile.root);
  if (lockFile.kind === 'ok') return { ...base, ...compareWithLock(profile, profilePath, lockFile.lock, lockPath), lock: lockFile.lock };
  if (lockFile.kind === 'corrupt') return { ...base, status: 'unreadable', problem: lockFile.error };
  return base;
}
