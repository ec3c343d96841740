import * as vscode from 'vscode';
import { type ChartHostMessage, chartMessageSchema, type ChartSet, type RenderedChart } from '../../core/charts';
import { InputError, isAbortError } from '../../core/util';
import { disposeAll, externalLink, loadWebview, mediaText, openLink } from '../shared';
import { chartHtml } from './html';
import { loadSource } from './loadSource';
import { type ChartSource, sourceTitle } from './sources';

export const CHART_VIEW_TYPE = 'aurora.chart';

/** What the panel shows and what its webview last reported drawing (for tests, through the API). */
export interface ChartState {
  title: string;
  set?: ChartSet;
  /** Each chart's "Open Query in Prometheus" link as this VS Code opens it (asExternalUri). */
  links: (string | undefined)[];
  error?: string;
  rendered?: { charts: RenderedChart[]; at: number };
}

/** One chart panel: loads its source's series, draws them in the webview, opens its links. */
export class ChartPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private abort = new AbortController();
  /** Whether the webview's script has started (said 'ready') at least once. */
  private ready = false;
  readonly state: ChartState;

  constructor(
    readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly source: ChartSource,
    private readonly secrets: vscode.SecretStorage,
    private readonly log: vscode.LogOutputChannel,
    private readonly onDisposed: () => void,
  ) {
    this.state = { title: sourceTitle(source), links: [] };
    panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'aurora.svg');
    this.disposables.push(
      loadWebview(
        panel,
        () => chartHtml({ readMedia: mediaText(extensionUri) }),
        () => this.ready,
        () => log.warn('chart: the webview did not start; loading its page again'),
      ),
      panel.webview.onDidReceiveMessage((m: unknown) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  private post(m: ChartHostMessage): void {
    void this.panel.webview.postMessage(m);
  }

  private show(): void {
    if (this.state.set) this.post({ type: 'charts', title: this.state.title, set: this.state.set });
    else if (this.state.error) this.post({ type: 'error', title: this.state.title, text: this.state.error });
  }

  /** Queries the window again and draws it; a problem is shown in the panel, never thrown. */
  async refresh(): Promise<void> {
    this.abort.abort();
    const abort = (this.abort = new AbortController());
    this.post({ type: 'loading', title: this.state.title });
    try {
      const set = await loadSource(this.source, this.secrets, AbortSignal.any([abort.signal, AbortSignal.timeout(120_000)]));
      const links = await Promise.all(set.charts.map((c) => (c.link ? externalLink(c.link) : undefined)));
      if (abort.signal.aborted) return;
      Object.assign(this.state, { title: sourceTitle(this.source, set), set, links, error: undefined, rendered: undefined });
      this.panel.title = this.state.title;
      this.log.info(`chart: ${this.state.title}: ${set.charts.map((c) => `${c.checkId} ${c.counts.points} points, ${c.counts.beyond} beyond${c.problem ? ` (${c.problem})` : ''}`).join('; ')}`);
    } catch (err) {
      if (abort.signal.aborted && isAbortError(err)) return;
      const text = err instanceof InputError ? err.format() : (err as Error).message;
      Object.assign(this.state, { set: undefined, links: [], error: text, rendered: undefined });
      this.log.warn(`chart: ${this.state.title}: ${text}`);
    }
    this.show();
  }

  /** Handles a message exactly as it came from the webview: validated first, anything else ignored and logged. */
  async receive(raw: unknown): Promise<void> {
    const parsed = chartMessageSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      this.log.warn(`chart: ignored an invalid message from the webview (${issue.path.join('.') || 'message'}: ${issue.message})`);
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        // A webview drawn again (shown after being hidden) gets what was loaded, without querying.
        if (this.state.set || this.state.error) this.show();
        return;
      case 'refresh':
        return this.refresh();
      case 'rendered':
        this.state.rendered = { charts: m.charts, at: Date.now() };
        return;
      case 'openInPrometheus': {
        const link = this.state.set?.charts[m.chart]?.link;
        if (link) await openLink(link, this.log);
        return;
      }
    }
  }

  dispose(): void {
    this.abort.abort();
    this.onDisposed();
    disposeAll(this.disposables);
    this.panel.dispose();
  }
}
