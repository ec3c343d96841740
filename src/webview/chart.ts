// The gate-details webview: the charts of one check or of a gate's checks. Everything shown comes from
// the extension as a ChartSet and is drawn with DOM APIs and uPlot (lib/chart.ts); the last set is kept
// with setState so the panel redraws at once when shown again, and again when the theme changes.
import type { ChartHostMessage, ChartMessage, ChartSet, RenderedChart } from '../core/charts/messages';
import { drawChart, type DrawnChart } from './lib/chart';
import { button, h, type VsCodeApi } from './lib/dom';

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const post = (m: ChartMessage) => vscode.postMessage(m);
const app = document.getElementById('app') as HTMLElement;
let drawn: DrawnChart[] = [];
let shown: { title: string; set: ChartSet } | undefined;

function header(title: string, set?: ChartSet): HTMLElement {
  const box = h('header', {}, h('h1', {}, title));
  if (set) {
    box.append(h('p', { class: 'muted' }, `${set.dataMode} data · the window of ${set.window} ending ${set.at.replace('T', ' ').replace(/\.\d+Z$/, 'Z')} · step ${set.stepSeconds} s · ${set.source}`));
    if (set.dataMode !== 'live') box.append(h('div', { class: 'banner warn', role: 'note' }, `${set.dataMode.toUpperCase()} data: recorded answers, which hold only the queries they were recorded with.`));
  }
  box.append(h('div', { class: 'toolbar' }, button('Refresh', () => post({ type: 'refresh' }))));
  return box;
}

function clear(): void {
  for (const d of drawn) d.dispose();
  drawn = [];
}

function render(title: string, set: ChartSet): void {
  clear();
  shown = { title, set };
  app.replaceChildren(header(title, set));
  drawn = set.charts.map((c, i) => drawChart(app, c, { stepSeconds: set.stepSeconds, onOpenLink: () => post({ type: 'openInPrometheus', chart: i }) }));
  void Promise.all(drawn.map((d) => d.rendered)).then((charts: RenderedChart[]) => post({ type: 'rendered', charts }));
}

window.addEventListener('message', (event: MessageEvent<ChartHostMessage>) => {
  const m = event.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'charts') {
    vscode.setState({ title: m.title, set: m.set });
    render(m.title, m.set);
  } else if (m.type === 'loading') {
    if (shown?.title !== m.title) {
      clear();
      app.replaceChildren(header(m.title), h('p', { class: 'muted', role: 'status' }, 'Querying the window…'));
    }
  } else if (m.type === 'error') {
    clear();
    shown = undefined;
    app.replaceChildren(header(m.title), h('div', { class: 'banner error', role: 'alert' }, m.text));
  }
});

// A theme change changes the CSS variables the plots were drawn with: draw them again.
new MutationObserver(() => shown && render(shown.title, shown.set)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const saved = vscode.getState() as { title?: string; set?: ChartSet } | undefined;
if (saved?.title && saved.set?.charts) render(saved.title, saved.set);
post({ type: 'ready' });
