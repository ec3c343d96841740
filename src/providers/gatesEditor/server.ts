import * as vscode from 'vscode';
import { type CatalogAnswer, countSeries, currentValue, type CurrentValue, HttpTransport, labelNames, labelValues, metricMetadata, type MetricMetadata, metricNames } from '../../core/prometheus';
import type { ExplainDeps } from '../../core/promql';
import { resolveGateSettings } from '../gates/settings';
import { resolveConnection } from '../../core/gates';

const TTL_MS = 60_000;

/**
 * The configured Prometheus as completion and hover see it (the same settings, token and trust rule
 * as Evaluate Gates), with answers cached for a minute so typing does not query on every keystroke.
 */
export class ServerCatalog implements vscode.Disposable {
  private readonly cache = new Map<string, { at: number; answer: Promise<CatalogAnswer<unknown>> }>();
  /** The connection, resolved once and again only when the settings or the stored token change. */
  private transport: Promise<HttpTransport | undefined> | undefined;
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.listeners = [
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('auroraGa')) this.reset();
      }),
      secrets.onDidChange(() => this.reset()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reset()),
    ];
  }

  metrics(signal: AbortSignal): Promise<CatalogAnswer<string[]>> {
    return this.cached('metrics', (t) => metricNames(t, signal));
  }

  labels(metric: string | undefined, signal: AbortSignal): Promise<CatalogAnswer<string[]>> {
    return this.cached(`labels ${metric ?? ''}`, (t) => labelNames(t, metric, signal));
  }

  values(label: string, metric: string | undefined, signal: AbortSignal): Promise<CatalogAnswer<string[]>> {
    return this.cached(`values ${label} ${metric ?? ''}`, (t) => labelValues(t, label, metric, signal));
  }

  metadata(metric: string, signal: AbortSignal): Promise<CatalogAnswer<MetricMetadata | undefined>> {
    return this.cached(`meta ${metric}`, (t) => metricMetadata(t, metric, signal));
  }

  /** Not cached: a hover asks for the value now. */
  async current(metric: string, signal: AbortSignal): Promise<CatalogAnswer<CurrentValue>> {
    const t = await this.connect();
    return t ? currentValue(t, metric, new Date(), signal) : { ok: false, message: 'no Prometheus URL' };
  }

  /** What Explain needs: sub-expressions run now, and label values; undefined without a usable server. */
  async explainer(): Promise<ExplainDeps | undefined> {
    const t = await this.connect();
    if (!t) return undefined;
    const at = new Date();
    return {
      probe: async (expr, signal) => {
        const r = await countSeries(t, expr, at, signal);
        return r.ok ? { ok: true, series: r.value } : { ok: false, message: r.message };
      },
      labelValues: async (label, metric, signal) => {
        const r = await labelValues(t, label, metric, signal);
        return r.ok ? r.value : [];
      },
    };
  }

  private async cached<T>(key: string, load: (t: HttpTransport) => Promise<CatalogAnswer<T>>): Promise<CatalogAnswer<T>> {
    const t = await this.connect();
    if (!t) return { ok: false, message: 'no Prometheus URL is set (auroraGa.prometheus.url), or the workspace is not trusted' };
    const full = `${t.url} ${key}`;
    const hit = this.cache.get(full);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.answer as Promise<CatalogAnswer<T>>;
    const answer = load(t);
    this.cache.set(full, { at: Date.now(), answer });
    // A failure is not kept: the next keystroke may find the server up.
    void answer.then((a) => { if (!a.ok) this.cache.delete(full); }, () => this.cache.delete(full));
    return answer;
  }

  private connect(): Promise<HttpTransport | undefined> {
    this.transport ??= resolveGateSettings(this.secrets).then(
      // The same connection the evaluation uses (defaults, units, credentials from the URL).
      ({ request, missing }) => (request.connection && !missing ? new HttpTransport(resolveConnection(request.connection)) : undefined),
      (err: unknown) => {
        // A failure is not kept: the next request tries again.
        this.transport = undefined;
        throw err;
      },
    );
    return this.transport;
  }

  /** Forgets the connection and every cached answer: they belonged to the settings that changed. */
  private reset(): void {
    const old = this.transport;
    this.transport = undefined;
    this.cache.clear();
    void old?.then((t) => t?.close());
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.reset();
  }
}
