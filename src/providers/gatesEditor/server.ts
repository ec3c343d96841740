import type * as vscode from 'vscode';
import { type CatalogAnswer, currentValue, type CurrentValue, HttpTransport, labelNames, labelValues, metricMetadata, type MetricMetadata, metricNames } from '../../core/prometheus';
import { resolveGateSettings } from '../gates/settings';
import { resolveConnection } from '../../core/gates';

const TTL_MS = 60_000;

/**
 * The configured Prometheus as completion and hover see it (the same settings, token and trust rule
 * as Evaluate Gates), with answers cached for a minute so typing does not query on every keystroke.
 */
export class ServerCatalog implements vscode.Disposable {
  private readonly cache = new Map<string, { at: number; answer: Promise<CatalogAnswer<unknown>> }>();
  private transport: { url: string; t: HttpTransport } | undefined;

  constructor(private readonly secrets: vscode.SecretStorage) {}

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

  private async connect(): Promise<HttpTransport | undefined> {
    const { request, missing } = await resolveGateSettings(this.secrets);
    if (!request.connection || missing) return undefined;
    // The same connection the evaluation uses (defaults, units, credentials from the URL).
    const conn = resolveConnection(request.connection);
    if (this.transport?.url !== conn.url) {
      void this.transport?.t.close();
      this.transport = { url: conn.url, t: new HttpTransport(conn) };
    }
    return this.transport.t;
  }

  dispose(): void {
    void this.transport?.t.close();
  }
}
