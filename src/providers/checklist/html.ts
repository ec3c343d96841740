import { webviewHtml } from '../shared/webviewHtml';

// The checklist webview's HTML: a static shell (src/providers/shared/webviewHtml.ts). All data arrives
// later as a message and is drawn with DOM APIs (textContent), so nothing from a report, a profile or
// a note is ever parsed as markup.

export interface ChecklistHtmlOptions {
  /** Reads a file of media/ as text. */
  readMedia: (file: string) => string;
  nonce?: string;
}

export function checklistHtml(o: ChecklistHtmlOptions): string {
  return webviewHtml({
    ...o,
    title: 'GA Checklist',
    script: 'dist/checklist.js',
    // The checklist's styles, then those of the charts it shows (uPlot's and ours).
    styles: ['base.css', 'checklist.css', 'dist/uplot.css', 'chart.css'],
    body: '<main id="app" aria-live="polite"><p class="muted">Loading the GA checklist…</p></main>',
  });
}
