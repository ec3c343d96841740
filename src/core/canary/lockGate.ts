import type { CanaryLockStatus } from './results';

// Placeholder until src/core/lock exports its check (not committed).
export async function checkProfileLock(_profile: string, _signal: AbortSignal): Promise<CanaryLockStatus> {
  throw new Error('profile lock check not available yet');
}
