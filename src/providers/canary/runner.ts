// What "Run Canary" needs of the engine (config, lock gate, process runner), loaded on the first run
// so that activation and the Canary view's history do not load it.
export { currentWasReplaced, planCanary, ProfileLockError, runCanary, writeCurrentResults } from '../../core/canary';
