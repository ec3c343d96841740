// The promote module's public surface: what the CLI and the VS Code faces import (eslint forbids its internals).
export { applyPromotion, DEFAULT_RUNTIME_CONFIG, type FileChange, planPromotion } from './plan';
