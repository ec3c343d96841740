// What the lock features ask of git: the revision a schema 1 lock hashes to (its values, the upgrade)
// and a changed line's blame. Loaded when a schema 1 lock is read, a changed key is hovered or a lock
// is upgraded, not at activation.
export { blameLine } from '../../core/git';
export { findLockedRevision, upgradeLock } from '../../core/lock';
