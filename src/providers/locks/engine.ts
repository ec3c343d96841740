// The lock engine behind the editor: the YAML reader, lock files, profile checks, reverts and lock
// checks. LockDocuments loads it with the first YAML file it looks at, not at activation.
export { checkLock, findLockedProfiles, lockedText, normalizeProfile, parseLock, ProfileEditSession, revertEdit, writeProfileLocks } from '../../core/lock';
export { analyzeBuffer, changeDirection, rangeForPath } from '../../core/profile';
