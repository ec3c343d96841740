import { readTextIfPresent } from '../util/readText';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../util/errors';
import { isFile } from '../util/exists';
import { diffProfiles, type LockChange } from './diff';
import { checkLegacyLock, type LegacyLockCheck } from './legacyLock';

export type { LegacyLockCheck };
import { parseLock, type ProfileLock } from './lockFile';
import { legacyLockPathFor, lockPathFor, sameProfile } from './lockPaths';
import { normalizeProfile, readUtf8, type NormalizedProfile } from '../pyyaml';
import { decideLock, lockEnforcement, type LockEnforcement, type LockVerdict } from './policy';

/**
 * valid: the profile hashes to the lock's hash. mismatch: it does not (or the lock names another
 * profile). missing: no lock file. unreadable: the lock file is corrupt. profile-error: the profile
 * cannot be read or hashed (bad YAML, a date, mixed key types; `problem` says where).
 */
export type LockStatus = 'valid' | 'mismatch' | 'missing' | 'unreadable' | 'profile-error';

export interface LockCheck {
  status: LockStatus;
  profilePath: string;
  lockPath: string;
  lock?: ProfileLock;
  profile?: NormalizedProfile;
  /** SHA-256 of the current profile, when it could be hashed. */
  currentHash?: string;
  /** The profile's text as checked: the ranges in `changes` are offsets into it. */
  profileText?: string;
  /** Keys changed since the lock (schema 2 only: schema 1 stores no values). */
  changes: LockChange[];
  /** For mismatch: what differs, in words (hash mismatch, lock written for another profile). */
  reason?: string;
  /** For unreadable / profile-error: the error with file, line and column. */
  problem?: InputError;
  /** The legacy `<profile>.yaml.lock`, when one exists beside the profile. */
  legacy?: LegacyLockCheck;
  /** The profile's verdict from both locks (policy.ts): what every face shows and acts on. */
  verdict: LockVerdict;
}

function decided(check: Omit<LockCheck, 'verdict'>): LockCheck {
  return { ...check, verdict: decideLock(check) };
}

/** Compares a hashed profile with a parsed lock: the pure core shared by the CLI, the canary and the editor. */
export function compareWithLock(profile: NormalizedProfile, profilePath: string, lock: ProfileLock, lockPath: string): Pick<LockCheck, 'status' | 'changes' | 'reason'> {
  const changes = lock.lockedValues ? diffProfiles(lock.lockedValues, profile.root) : [];
  if (!sameProfile(lock, lockPath, profilePath)) {
    return { status: 'mismatch', changes, reason: `${path.basename(lockPath)} was written for ${lock.profilePath}, not ${path.basename(profilePath)}` };
  }
  // With recorded values a difference settles it without hashing (those values are what was hashed).
  if (changes.length) return { status: 'mismatch', changes, reason: `Hash mismatch: ${changes.length} key${changes.length === 1 ? '' : 's'} changed since ${path.basename(lockPath)}` };
  if (profile.sha256 === lock.sha256) return { status: 'valid', changes: [] };
  return { status: 'mismatch', changes, reason: `Hash mismatch: current=${profile.sha256.slice(0, 16)}... expected=${lock.sha256.slice(0, 16)}...` };
}

function asInputError(err: unknown, file: string): InputError {
  if (err instanceof InputError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return new InputError('file not found', { file });
  if (e?.code) return new InputError(`cannot read: ${e.message}`, { file });
  throw err;
}

/** The lock state of a profile from texts already in hand (the editor passes its unsaved buffer). */
export function evaluateLock(input: { profilePath: string; profileText: string; lockPath: string; lockText?: string; legacyText?: string }): LockCheck {
  const { profilePath, lockPath } = input;
  let profile: NormalizedProfile | undefined;
  let profileProblem: InputError | undefined;
  try {
    profile = normalizeProfile(input.profileText, profilePath);
  } catch (err) {
    profileProblem = asInputError(err, profilePath);
  }
  const legacy = input.legacyText === undefined ? undefined : checkLegacyLock(input.legacyText, profilePath, input.profileText, profile?.root);
  const base = { profilePath, lockPath, legacy, changes: [] as LockChange[], profileText: input.profileText };
  if (!profile) return decided({ ...base, status: 'profile-error', problem: profileProblem });
  if (input.lockText === undefined) return decided({ ...base, status: 'missing', profile, currentHash: profile.sha256, reason: `Lock file not found: ${lockPath}` });
  let lock: ProfileLock;
  try {
    lock = parseLock(input.lockText, lockPath);
  } catch (err) {
    return decided({ ...base, status: 'unreadable', profile, currentHash: profile.sha256, problem: asInputError(err, lockPath) });
  }
  return decided({ ...base, ...compareWithLock(profile, profilePath, lock, lockPath), lock, profile, currentHash: profile.sha256 });
}

/**
 * The lock state of a profile on disk — what the canary runner and the checklist ask before using
 * a profile. `lockPath` defaults to `<stem>.lock.json`; `profileText` overrides the file's content.
 */
export async function checkLock(profilePath: string, signal: AbortSignal, options: { lockPath?: string; profileText?: string } = {}): Promise<LockCheck> {
  const lockPath = options.lockPath ?? lockPathFor(profilePath);
  let profileText = options.profileText;
  if (profileText === undefined) {
    try {
      profileText = await readUtf8(profilePath, signal);
    } catch (err) {
      return decided({ status: 'profile-error', profilePath, lockPath, changes: [], problem: asInputError(err, profilePath) });
    }
  }
  let lockText: string | undefined;
  try {
    lockText = await readTextIfPresent(lockPath, signal);
  } catch (err) {
    return decided({ status: 'unreadable', profilePath, lockPath, changes: [], problem: asInputError(err, lockPath) });
  }
  const legacyText = await readLegacy(profilePath, signal);
  return evaluateLock({ profilePath, profileText, lockPath, lockText, legacyText });
}

/** The legacy lock's text; one that exists but cannot be read is carried as unreadable text, never as absent. */
async function readLegacy(profilePath: string, signal: AbortSignal): Promise<string | undefined> {
  try {
    return await readTextIfPresent(legacyLockPathFor(profilePath), signal);
  } catch (err) {
    if (signal.aborted) throw err;
    return '';
  }
}

export interface ProfileLockVerdict {
  check: LockCheck;
  verdict: LockVerdict;
  enforcement: LockEnforcement;
  /** The profile may not be used: its lock is enforced and does not validate. */
  refused: boolean;
}

/**
 * The one question the canary and `gates --profile` ask before using a profile: its lock verdict and
 * whether that verdict refuses it. `enforcedByDefault` is the setting / config value; the profile's own
 * `profile_lock.enforced` wins. A profile that cannot be read or hashed is always refused (its problem
 * is in `check.problem`); a non-boolean `enforced` is an InputError.
 */
export async function profileLockVerdict(profilePath: string, signal: AbortSignal, options: { enforcedByDefault?: boolean; lockPath?: string } = {}): Promise<ProfileLockVerdict> {
  let profileText: string | undefined;
  try {
    profileText = await fs.readFile(profilePath, { encoding: 'utf8', signal });
  } catch (err) {
    if (signal.aborted) throw err;
  }
  const check = await checkLock(profilePath, signal, { lockPath: options.lockPath, profileText });
  const fallback = options.enforcedByDefault ?? true;
  const enforcement = check.profile && profileText !== undefined ? lockEnforcement(check.profile.root, profileText, profilePath, fallback) : { enforced: fallback, from: 'default' as const };
  const refused = check.verdict.status === 'profile-error' || (enforcement.enforced && check.verdict.status !== 'valid');
  return { check, verdict: check.verdict, enforcement, refused };
}

/** A lock found on disk and the profile it belongs to (undefined: an orphan lock). */
export interface LockedProfile {
  profilePath?: string;
  /** The `<stem>.lock.json`, if there is one (a profile may have only a legacy `.yaml.lock`). */
  lockPath?: string;
  legacyLockPath?: string;
}

const SKIP_DIRS = new Set(['node_modules']);

async function walk(dir: string, signal: AbortSignal, out: string[]): Promise<void> {
  signal.throwIfAborted();
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !SKIP_DIRS.has(e.name)) await walk(full, signal, out);
    } else if (e.isFile() && (e.name.endsWith('.lock.json') || /\.ya?ml\.lock$/.test(e.name))) out.push(full);
  }
}

/** The profile a `.lock.json` belongs to: its recorded path (schema 2) or `<stem>.yaml`/`.yml` beside it. */
async function profileForLock(lockPath: string, signal: AbortSignal): Promise<string | undefined> {
  const stem = lockPath.slice(0, -'.lock.json'.length);
  try {
    const lock = parseLock(await fs.readFile(lockPath, { encoding: 'utf8', signal }), lockPath);
    if (lock.schema === 2 && lock.profilePath) {
      const recorded = path.resolve(path.dirname(lockPath), lock.profilePath);
      if (await isFile(recorded)) return recorded;
    }
  } catch {
    // a corrupt lock still belongs to the profile beside it; checkLock reports the corruption
  }
  for (const ext of ['.yaml', '.yml']) if (await isFile(stem + ext)) return stem + ext;
  return undefined;
}

/** Every lock under `dir` (recursively; dot-folders and node_modules skipped) with its profile, sorted by path. */
export async function findLockedProfiles(dir: string, signal: AbortSignal): Promise<LockedProfile[]> {
  const files: string[] = [];
  await walk(path.resolve(dir), signal, files);
  const byProfile = new Map<string, LockedProfile>();
  const orphans: LockedProfile[] = [];
  for (const file of files.sort()) {
    if (file.endsWith('.lock.json')) {
      const profilePath = await profileForLock(file, signal);
      if (!profilePath) orphans.push({ lockPath: file });
      else byProfile.set(profilePath, { ...byProfile.get(profilePath), profilePath, lockPath: file });
    } else {
      const profilePath = file.slice(0, -'.lock'.length);
      if (await isFile(profilePath)) byProfile.set(profilePath, { ...byProfile.get(profilePath), profilePath, legacyLockPath: file });
      else orphans.push({ legacyLockPath: file });
    }
  }
  return [...byProfile.values(), ...orphans].sort((a, b) => (a.profilePath ?? a.lockPath ?? a.legacyLockPath ?? '').localeCompare(b.profilePath ?? b.lockPath ?? b.legacyLockPath ?? ''));
}
