import path from 'node:path';
import { profileLockVerdict } from '../lock';
import { InputError } from '../util/errors';

export interface ProfileForGates {
  /** `${profile}`: the file name without .yaml/.yml (the runtime's `profile` label). */
  name: string;
  lock: { enforced: boolean; status: string; detail: string };
}

/**
 * Resolves `gates --profile PATH`: its name, and its lock verdict by the one lock policy
 * (src/core/lock/policy.ts): a profile whose lock does not validate is refused unless
 * `profile_lock.enforced` is off (product spec §3, "Enforcement"). A refusal is an InputError
 * (exit 2) — gates are never evaluated for an unverified profile.
 */
export async function resolveProfile(file: string, signal: AbortSignal, enforcedByDefault = true): Promise<ProfileForGates> {
  const name = path.basename(file).replace(/\.ya?ml$/i, '');
  const { check, verdict, enforcement, refused } = await profileLockVerdict(file, signal, { enforcedByDefault });
  if (verdict.status === 'profile-error') {
    const problem = check.problem;
    throw new InputError(`cannot use the profile: ${problem?.message ?? 'unreadable'}`, problem?.location ?? { file });
  }
  // The lock policy's detail already says how to create a missing lock (src/core/lock/policy.ts).
  if (refused) throw new InputError(`profile lock does not validate: ${verdict.detail}; refusing to evaluate gates (profile_lock.enforced)`, { file });
  return { name, lock: { enforced: enforcement.enforced, status: verdict.status, detail: verdict.detail } };
}
