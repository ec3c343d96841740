// The canary module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { worstCaseSeconds } from './config';
export { historySignature, listSequences, type SequenceEntry } from './history';
export { canaryMetricFamilies } from './metrics';
export { type CanaryOverrides, planCanary, ProfileLockError } from './plan';
export { GATING_MODES, type GatingMode } from './gating';
export { type AbResult, type CanaryResults, type HealthResult, type RunResult } from './results';
export { type CanaryPlan, type CanaryProgress, currentWasReplaced, runCanary, writeCurrentResults } from './runner';
