// The profile module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { analyzeBuffer, type BufferLockState, type LockFileState } from './bufferState';
export { rangeForPath } from './locate';
export { changeDirection } from './validate';
export { validateProfilesDir } from './validateFiles';
export { hasProfileSections, inProfilesFolder, profileEvidence, type ProfileEvidence } from './identify';
