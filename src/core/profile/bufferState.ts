// The lock state of a profile buffer being edited: what the editor shows, computed from an edit
// session and the already-parsed lock, synchronously (no I/O on the typing path). It lives with the
// profile code because it adds the profile-schema findings; the lock verdict is the lock engine's.
import path from 'node:path';
import { checkLegacyLock, compareWithLock, decideLock, type JNode, type LegacyLockCheck, type LockChange, type LockStatus, type LockVerdict, type ProfileEditSession, type ProfileLock } from '../lock';
import { InputError } from '../util/errors';
import { validateProfile, validationInput, type ProfileIssue } from './validate';

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
  /** The profile's verdict from both locks, by the one lock policy. */
  verdict: LockVerdict;
}

/** What is known of the lock file beside the profile: absent, parsed, or corrupt. */
export type LockFileState = { kind: 'none' } | { kind: 'ok'; lock: ProfileLock } | { kind: 'corrupt'; error: InputError };

function decided(state: Omit<BufferLockState, 'verdict'>): BufferLockState {
  return { ...state, verdict: decideLock(state) };
}

export function analyzeBuffer(session: ProfileEditSession, lockPath: string, lockFile: LockFileState, legacyText: string | undefined): BufferLockState {
  const profilePath = session.file;
  const base: Omit<BufferLockState, 'verdict'> = { profilePath, lockPath, status: 'missing', changes: [], issues: [] };
  let profile;
  try {
    profile = session.normalized();
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return decided({ ...base, status: 'profile-error', problem: err, lock: lockFile.kind === 'ok' ? lockFile.lock : undefined });
  }
  base.root = profile.root;
  base.issues = validateProfile(path.basename(profilePath, path.extname(profilePath)), validationInput(profile.root)).issues;
  if (legacyText !== undefined) base.legacy = checkLegacyLock(legacyText, profilePath, session.currentText(), profile.root);
  if (lockFile.kind === 'ok') return decided({ ...base, ...compareWithLock(profile, profilePath, lockFile.lock, lockPath), lock: lockFile.lock });
  if (lockFile.kind === 'corrupt') return decided({ ...base, status: 'unreadable', problem: lockFile.error });
  return decided(base);
}
