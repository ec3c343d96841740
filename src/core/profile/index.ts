// The profile module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { analyzeBuffer, type BufferLockState, type LockFileState } from './bufferState';
export { keyPathAt, rangeForPath } from './locate';
export { keyInfo, type Direction, type KeyInfo } from './schema';
export { changeDirection, type CrossProfileIssue, type ProfileIssue } from './validate';
export { validateProfilesDir, type ProfileFileResult } from './validateFiles';
export { hasProfileSections, inProfilesFolder, profileEvidence, type ProfileEvidence } from './identify';
