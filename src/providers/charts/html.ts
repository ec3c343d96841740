import { webviewHtml } from '../shared/webviewHtml';

// The chart webview's HTML: a static shell (src/providers/shared/webviewHtml.ts); the charts arrive as
// a message and are drawn with DOM APIs and uPlot. No vscode import: the browser test loads it as is.

export interface ChartHtmlOptions {
  /** Reads a file of media/ as text. */
  readMedia: (file: string) => string;
  nonce?: string;
}

export function chartHtml(o: ChartHtmlOptions): string {
  return webviewHtml({
    readMedia: o.readMedia,
    title: 'Gate chart',
    script: 'dist/chart.js',
    styles: ['base.css', 'dist/uplot.css', 'chart.css'],
    body: '<main id="app"><p class="muted">Loading the chart…</p></main>',
    ...(o.nonce ? { nonce: o.nonce } : {}),
  });
}
