import type * as vscode from 'vscode';

/** How long a visible webview's script may take to say 'ready' before its page is set once more. */
export const READY_WITHIN_MS = 8_000;

/** Where a webview's page loads and, if its script stays silent, loads once more. */
export interface WebviewLoad extends vscode.Disposable {
  /** How many times the page was set again (0 or 1). */
  readonly reloads: number;
}

/**
 * Sets the page of a webview (`html()` makes it, each time with a fresh nonce) and sets it once more
 * if the panel is visible and its script has not said 'ready' within READY_WITHIN_MS. In the real
 * host under CPU load a freshly reopened checklist panel was seen to stay on its static page with no
 * 'ready' at all (1 full test run in ~10); a page set again loads. One retry: a slow page then has
 * all the time it needs.
 */
export function loadWebview(
  panel: Pick<vscode.WebviewPanel, 'visible'> & { webview: Pick<vscode.Webview, 'html'> },
  html: () => string,
  isReady: () => boolean,
  onReload: () => void,
  schedule: (fn: () => void, ms: number) => { dispose(): void } = (fn, ms) => {
    const t = setTimeout(fn, ms);
    return { dispose: () => clearTimeout(t) };
  },
): WebviewLoad {
  let reloads = 0;
  panel.webview.html = html();
  const timer = schedule(() => {
    if (isReady() || !panel.visible) return;
    reloads++;
    onReload();
    panel.webview.html = html();
  }, READY_WITHIN_MS);
  return {
    get reloads() {
      return reloads;
    },
    dispose: () => timer.dispose(),
  };
}
