// The verdict module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { type CheckOutcome, type CheckResult, type Comparator, type DataMode, type DecisionCode, type GateReport, type GateResult, type GateStatus } from './types';
export { decideGates, needsRemediation } from './outage';
export { measuredAgainst, requirementText, shortNumber } from './phrase';
export { satisfies } from './rollup';
