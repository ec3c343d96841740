// The profile-lock engine's public surface: the CLI, the canary runner, the checklist and the
// editor import from here.
export { checkLock, compareWithLock, evaluateLock, findLockedProfiles, type LegacyLockCheck, type LockCheck, type LockedProfile, type LockStatus } from './checkLock';
export { diffProfiles, pathText, type LockChange, type PathSegment } from './diff';
export type { JNode, JScalar, SourceRange } from '../pyyaml';
export { legacyLockPathFor, lockPathFor, parseLock, readLock, renderLock, writeLock, type ProfileLock } from './lockFile';
export { legacyChecksum, normalizeProfile, sha256Hex, type NormalizedProfile } from '../pyyaml';
