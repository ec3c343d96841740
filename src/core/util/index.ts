// The util module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { writeFileAtomic } from './atomicWrite';
export { closest } from './closest';
export { isFile, pathExists } from './exists';
export { InputError, isAbortError } from './errors';
export { packageRoot } from './packageRoot';
export { writeFailure } from './writeError';
export { stripControls } from './controlChars';
export { redactUrls } from './redact';
export { nextRelativeChange, relativeTime } from './relativeTime';
