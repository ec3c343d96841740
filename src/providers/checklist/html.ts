import { webviewHtml } from '../shared/webviewHtml';

// The checklist webview's HTML: a static shell (src/providers/shared/webviewHtml.ts). All data arrives
// later as a message and is drawn with DOM APIs (textContent), so nothing from a report, a profile or
// a note is ever parsed as markup.

export interface ChecklistHtmlOptions {
  /** webview.cspSource */
  cspSource: string;
  scriptUri: string;
  /** The checklist's styles, then those of the charts it shows (uPlot's and ours). */
  styleUris: string[];
  nonce?: string;
}

export function checklistHtml(o: ChecklistHtmlOptions): string {
  return webviewHtml({ ...o, title: 'GA Checklist', body: '<main id="app" aria-live="polite"><p class="muted">Loading the GA checklist…</p></main>' });
}
