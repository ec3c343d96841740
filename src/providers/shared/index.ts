// Plumbing shared by every VS Code face: disposal, the one debounce, cancellable progress as an
// AbortSignal, settings read once, and the multi-root folder policy.
export { debounce, KeyedDebounce, type Debounced } from './debounce';
export { disposeAll, toDisposable } from './disposables';
export { pickFolder } from './folders';
export { signalOf, withCancellableProgress } from './progress';
export { CachedSettings } from './settings';
export { RelativeClock } from './relativeClock';
