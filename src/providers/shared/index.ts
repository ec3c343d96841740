// Plumbing shared by every VS Code face: disposal, the one debounce, cancellable progress as an
// AbortSignal, settings read once, the multi-root folder policy, a gate report as a readable preview,
// and links opened outside VS Code.
export { debounce, KeyedDebounce, type Debounced } from './debounce';
export { disposeAll, toDisposable } from './disposables';
export { externalLink, openLink } from './externalLink';
export { pickFolder } from './folders';
export { showGateReportJson, showGateReportPreview } from './gateReportPreview';
export { signalOf, withCancellableProgress } from './progress';
export { CachedSettings } from './settings';
export { RelativeClock } from './relativeClock';
export { webviewOptions } from './webviewOptions';
