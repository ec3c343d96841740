// The verdict module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { type CheckOutcome, type CheckResult, type Comparator, type DataMode, type DecisionCode, type GateReport, type GateResult, type GateStatus } from './types';
export { needsRemediation } from './outage';
export { satisfies } from './rollup';
