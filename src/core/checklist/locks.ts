import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkLock, findLockedProfiles, type LockCheck } from '../lock';
import type { LockResult } from './inputs';

const rel = (root: string, f: string) => path.relative(root, f).split(path.sep).join('/');

function fromCheck(root: string, c: LockCheck, legacyPath: string | undefined): LockResult {
  const files = [c.lockPath, legacyPath].filter((f): f is string => Boolean(f)).map((f) => rel(root, f));
  const profile = rel(root, c.profilePath);
  const legacy = c.legacy;
  // A profile locked only by the legacy 16-hex checksum is valid when that checksum matches.
  if (c.status === 'missing' && legacy) {
    const files = [rel(root, legacy.lockPath)];
    if (legacy.status === 'valid') return { profile, lockFile: files[0], status: 'valid', detail: 'legacy .yaml.lock checksum matches (no .lock.json)', files };
    return { profile, lockFile: files[0], status: legacy.status === 'mismatch' ? 'invalid' : 'error', detail: `legacy .yaml.lock ${legacy.status}${legacy.problem ? `: ${legacy.problem.format()}` : ''}`, files };
  }
  const lockFile = rel(root, c.lockPath);
  switch (c.status) {
    case 'valid':
      if (legacy && legacy.status !== 'valid') return { profile, lockFile, status: 'invalid', detail: `legacy ${path.basename(legacy.lockPath)} ${legacy.status}`, files };
      return { profile, lockFile, status: 'valid', detail: '', files };
    case 'mismatch':
      return { profile, lockFile, status: 'invalid', detail: c.reason ?? 'hash mismatch', files };
    case 'missing':
      return { profile, lockFile: null, status: 'missing', detail: c.reason ?? 'no lock file', files: [] };
    case 'unreadable':
    case 'profile-error':
      return { profile, lockFile, status: 'error', detail: c.problem?.format() ?? c.status, files };
  }
}

// Profiles live in configs/profiles/ (the original's layout); one there without any lock is a gap the
// lock search alone cannot see.
const PROFILE_DIR = 'configs/profiles';

async function unlockedProfiles(root: string, locked: Set<string>): Promise<LockResult[]> {
  let names: string[];
  try {
    names = await fs.readdir(path.join(root, PROFILE_DIR));
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/.test(n) && !locked.has(path.join(root, PROFILE_DIR, n)))
    .sort()
    .map((n) => ({ profile: `${PROFILE_DIR}/${n}`, lockFile: null, status: 'missing' as const, detail: 'no lock file', files: [] }));
}

/** Every locked profile under `root` checked by the lock engine (src/core/lock), plus unlocked profiles in configs/profiles/. */
export async function checkWorkspaceLocks(root: string, signal: AbortSignal): Promise<LockResult[]> {
  const found = await findLockedProfiles(root, signal);
  const unlocked = await unlockedProfiles(root, new Set(found.flatMap((p) => (p.profilePath ? [path.resolve(p.profilePath)] : []))));
  const checked = await Promise.all(
    found.map(async (p): Promise<LockResult> => {
      if (!p.profilePath) {
        const lock = (p.lockPath ?? p.legacyLockPath)!;
        return { profile: rel(root, lock), lockFile: rel(root, lock), status: 'error', detail: 'lock file without its profile', files: [rel(root, lock)] };
      }
      const check = await checkLock(p.profilePath, signal, p.lockPath ? { lockPath: p.lockPath } : {});
      return fromCheck(root, check, p.legacyLockPath);
    }),
  );
  return [...checked, ...unlocked];
}
