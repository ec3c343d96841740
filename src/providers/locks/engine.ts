// The lock engine behind the editor: the YAML reader, lock files, profile checks and key facts,
// reverts and lock checks. LockDocuments loads it with the first YAML file it looks at, not at activation.
export { checkLock, findLockedProfiles, lockedText, normalizeProfile, parseLock, pathText, ProfileEditSession, revertEdit, writeProfileLocks } from '../../core/lock';
export { analyzeBuffer, changeDirection, inProfilesFolder, keyInfo, keyPathAt, profileEvidence, rangeForPath } from '../../core/profile';
export { TextPositions } from './textPositions';
