import { promises as fs } from 'node:fs';
import path from 'node:path';
import { checkLock, findLockedProfiles, type LockCheck } from './checkLock';

/** One profile's lock verdict in a workspace, as the checklist and readiness report it. */
export interface WorkspaceLock {
  profile: string;
  /** The `.lock.json` checked, or null when the profile has none. */
  lockFile: string | null;
  status: 'valid' | 'invalid' | 'missing' | 'error';
  detail: string;
  /** Every lock file behind the answer (`.lock.json`, legacy `.yaml.lock`): what a sign-off's locks hash covers. */
  files: string[];
}

const rel = (root: string, f: string) => path.relative(root, f).split(path.sep).join('/');

const STATUS = { valid: 'valid', mismatch: 'invalid', missing: 'missing', unreadable: 'error', 'profile-error': 'error' } as const;

function fromCheck(root: string, c: LockCheck): WorkspaceLock {
  const v = c.verdict;
  return {
    profile: rel(root, c.profilePath),
    lockFile: c.status === 'missing' ? null : rel(root, c.lockPath),
    status: STATUS[v.status],
    detail: v.status === 'valid' ? '' : v.detail,
    files: v.files.map((f) => rel(root, f)),
  };
}

// Profiles live in configs/profiles/ (the original's layout); one there without any lock is a gap the
// lock search alone cannot see.
const PROFILE_DIR = 'configs/profiles';

async function unlockedProfiles(root: string, locked: Set<string>): Promise<WorkspaceLock[]> {
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

/** Every locked profile under `root` with its verdict (policy.ts), plus unlocked profiles in configs/profiles/. */
export async function checkWorkspaceLocks(root: string, signal: AbortSignal): Promise<WorkspaceLock[]> {
  const found = await findLockedProfiles(root, signal);
  const unlocked = await unlockedProfiles(root, new Set(found.flatMap((p) => (p.profilePath ? [path.resolve(p.profilePath)] : []))));
  const checked = await Promise.all(
    found.map(async (p): Promise<WorkspaceLock> => {
      if (!p.profilePath) {
        const lock = (p.lockPath ?? p.legacyLockPath)!;
        return { profile: rel(root, lock), lockFile: rel(root, lock), status: 'error', detail: 'lock file without its profile', files: [rel(root, lock)] };
      }
      return fromCheck(root, await checkLock(p.profilePath, signal, p.lockPath ? { lockPath: p.lockPath } : {}));
    }),
  );
  return [...checked, ...unlocked];
}
