// The metrics module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { renderExposition } from './exposition';
export { PushError, pushMetrics, pushUrl } from './push';
