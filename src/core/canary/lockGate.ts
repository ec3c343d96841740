import path from 'node:path';
import { checkLock, type LockCheck } from '../lock';
import type { CanaryLockStatus } from './results';

function describeChanges(check: LockCheck): string {
  if (!check.changes.length) return '';
  const shown = check.changes.slice(0, 5).map((c) => (c.kind === 'changed' ? `${c.pathText} ${c.old} → ${c.new}` : `${c.pathText} ${c.kind}`));
  return `; changed since the lock: ${shown.join(', ')}${check.changes.length > 5 ? `, and ${check.changes.length - 5} more` : ''}`;
}

/** Why a lock does not validate, in one line a release engineer can act on. */
function detail(check: LockCheck): string {
  const lock = path.basename(check.lockPath);
  switch (check.status) {
    case 'valid':
      return `${lock} validates`;
    case 'missing':
      return `no lock file ${check.lockPath}; create it with 'aurora-ga lock --in ${check.profilePath}' or set profile_lock.enforced: false`;
    case 'mismatch':
      return `${path.basename(check.profilePath)} does not match ${lock}: ${check.reason ?? 'hash mismatch'}${describeChanges(check)}`;
    case 'unreadable':
      return `${lock} cannot be read: ${check.problem?.format() ?? 'corrupt lock file'}`;
    case 'profile-error':
      return `the profile cannot be hashed: ${check.problem?.format() ?? 'unreadable profile'}`;
  }
}

/** Asks the lock engine (src/core/lock) whether the profile's lock validates, before the first run. */
export async function checkProfileLock(profile: string, signal: AbortSignal): Promise<CanaryLockStatus> {
  const check = await checkLock(profile, signal);
  const legacyBroken = check.legacy && check.legacy.status !== 'valid';
  if (check.status === 'valid' && !legacyBroken) return { enforced: true, status: 'valid', lock_file: check.lockPath, detail: detail(check) };
  const text = check.status !== 'valid' ? detail(check) : `the legacy lock ${path.basename(check.legacy!.lockPath)} does not validate (${check.legacy!.status})`;
  return { enforced: true, status: 'invalid', lock_file: check.status === 'missing' ? null : check.lockPath, detail: text };
}
