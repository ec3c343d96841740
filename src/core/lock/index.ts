// The profile-lock engine's public surface: the CLI, the canary runner, the checklist and the
// editor import from here.
export { checkLock, compareWithLock, evaluateLock, findLockedProfiles, profileLockVerdict, type LegacyLockCheck, type LockCheck, type LockedProfile, type LockStatus, type ProfileLockVerdict } from './checkLock';
export { diffProfiles, pathText, type LockChange, type PathSegment } from './diff';
export { ProfileEditSession, type TextEdit } from './editSession';
export type { JNode, JScalar, SourceRange } from '../pyyaml';
export { checkLegacyLock } from './legacyLock';
export { parseLock, readLock, renderLock, writeLock, type ProfileLock } from './lockFile';
export { legacyLockPathFor, lockPathFor } from './lockPaths';
export { legacyChecksum, normalizeProfile, sha256Hex, type NormalizedProfile } from '../pyyaml';
export { decideLock, lockEnforcement, type LockEnforcement, type LockVerdict } from './policy';
export { lockedText, revertEdit } from './revert';
export { updateLegacyLock, writeProfileLocks, type LegacyUpdate } from './update';
export { checkWorkspaceLocks, type WorkspaceLock } from './workspace';
export { lockProfileFile, renderLockFromHash } from './leanLock';
export { quickValidate } from './quickValidate';
export { changeText, LOCK_RULES, lockProblems, mismatchReason, type LockProblem, type LockRule, type TextPosition } from './problems';
export { findLockedRevision, MAX_HISTORY_REVISIONS, type LockedRevision } from './history';
export { upgradeLock } from './upgrade';
