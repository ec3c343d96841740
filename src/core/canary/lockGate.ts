import { profileLockVerdict } from '../lock';
import type { CanaryLockStatus } from './results';

/**
 * The canary's record of the profile's lock, by the one lock policy (src/core/lock/policy.ts):
 * `enforcedByDefault` is the config / setting value, the profile's own `profile_lock.enforced` wins.
 * A profile that cannot be hashed is an InputError, as anywhere else.
 */
export async function checkProfileLock(profile: string, signal: AbortSignal, enforcedByDefault: boolean): Promise<CanaryLockStatus> {
  const { check, verdict, enforcement, refused } = await profileLockVerdict(profile, signal, { enforcedByDefault });
  if (verdict.status === 'profile-error' && check.problem) throw check.problem;
  const lock_file = check.status === 'missing' ? null : check.lockPath;
  if (!enforcement.enforced) return { enforced: false, status: 'skipped', lock_file, detail: verdict.detail };
  return { enforced: true, status: refused ? 'invalid' : 'valid', lock_file, detail: verdict.detail };
}
