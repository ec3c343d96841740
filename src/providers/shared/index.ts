// Plumbing shared by every VS Code face: disposal, the one debounce, cancellable progress as an
// AbortSignal, settings read once, the multi-root folder policy and links opened outside VS Code.
// A gate report as a readable preview (gateReportPreview.ts) is imported on its own: it brings the
// report reader and the Markdown rendering, which load when a preview is first asked for.
export { debounce, KeyedDebounce, type Debounced } from './debounce';
export { disposeAll, toDisposable } from './disposables';
export { externalLink, openLink } from './externalLink';
export { pickFolder } from './folders';
export { signalOf, withCancellableProgress } from './progress';
export { CachedSettings } from './settings';
export { RelativeClock } from './relativeClock';
export { loadWebview, type WebviewLoad } from './webviewLoad';
export { mediaText } from './mediaText';
export { webviewOptions } from './webviewOptions';
