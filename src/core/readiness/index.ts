// The readiness module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { runReadiness } from './run';
