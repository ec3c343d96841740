import { webviewHtml } from '../shared/webviewHtml';

// The chart webview's HTML: a static shell (src/providers/shared/webviewHtml.ts); the charts arrive as
// a message and are drawn with DOM APIs and uPlot. No vscode import: the browser test loads it as is.

export interface ChartHtmlOptions {
  cspSource: string;
  /** The media/ folder as the webview reaches it, without a trailing slash. */
  media: string;
  nonce?: string;
}

export function chartHtml(o: ChartHtmlOptions): string {
  return webviewHtml({
    cspSource: o.cspSource,
    title: 'Gate chart',
    scriptUri: `${o.media}/dist/chart.js`,
    styleUris: [`${o.media}/base.css`, `${o.media}/dist/uplot.css`, `${o.media}/chart.css`],
    body: '<main id="app"><p class="muted">Loading the chart…</p></main>',
    ...(o.nonce ? { nonce: o.nonce } : {}),
  });
}
