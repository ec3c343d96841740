// Plumbing shared by every VS Code face: disposal, the one debounce, cancellable progress as an
// AbortSignal, settings read once, the multi-root folder policy, and links opened outside VS Code.
export { debounce, KeyedDebounce, type Debounced } from './debounce';
export { disposeAll, toDisposable } from './disposables';
export { externalLink, openLink } from './externalLink';
export { pickFolder } from './folders';
export { signalOf, withCancellableProgress } from './progress';
export { CachedSettings } from './settings';
