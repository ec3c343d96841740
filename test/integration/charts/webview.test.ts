import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildCharts } from '../../../src/core/charts/build';
import type { ChartMessage, ChartSet } from '../../../src/core/charts/messages';
import type { GateSeries } from '../../../src/core/gates/series';
import { chartHtml } from '../../../src/providers/charts/html';
import { MEDIA, readMedia, serveWebviewPage, type WebviewPage } from '../../support/webviewPage';

// The chart webview's real HTML, CSS and bundle (uPlot included) in headless Debian Chromium with the
// CSP in force: it draws without a CSP violation, takes its colours from the theme's variables, moves
// a cursor with the keyboard and announces the reading, shows the same points as a table, and shows
// hostile label values as text. Only acquireVsCodeApi is stubbed: it exists only inside VS Code.

const HOSTILE = '<img src=x onerror="window.__pwned.push(1)">';
const AT = '2026-11-27T02:00:00.000Z';
const T0 = Date.parse(AT) / 1000 - 240;

function set(): ChartSet {
  const samples = (vals: string[]) => vals.map((raw, i) => ({ t: T0 + i * 60, raw, value: Number(raw === '+Inf' ? Infinity : raw) }));
  const g: GateSeries = {
    at: AT, windowSeconds: 240, window: '4m', stepSeconds: 60, dataMode: 'live', source: 'http://prom:9090', prometheusUrl: 'http://prom:9090',
    checks: [{
      gateKey: 'g', gateName: 'Latency', checkId: 'ratio', checkName: 'Error ratio', type: 'promql',
      rule: { kind: 'threshold', comparator: '<=', threshold: 0.3, measure: 'instant' },
      queries: [{ role: 'value', query: 'ratio', answer: { ok: true, series: [{ labels: { instance: HOSTILE }, samples: samples(['0.1', '0.5', 'NaN', '0.2', '+Inf']) }] } }],
    }],
  };
  return buildCharts(g);
}

type Page = {
  on(event: 'pageerror', cb: (e: Error) => void): void;
  addInitScript(script: string): Promise<void>;
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, o?: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
  click(selector: string): Promise<void>;
  focus(selector: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  locator(selector: string): { innerText(): Promise<string>; count(): Promise<number>; getAttribute(name: string): Promise<string | null> };
};
type Browser = { newContext(o: { bypassCSP: boolean }): Promise<{ newPage(): Promise<Page>; close(): Promise<void> }>; close(): Promise<void> };

describe('chart webview in headless Chromium (the CSP in force; acquireVsCodeApi stubbed — it exists only in VS Code)', function () {
  this.timeout(60000);
  let page: WebviewPage<Browser> | undefined;
  let origin: string;
  let browser: Browser;
  const media = MEDIA;

  before(async () => {
    assert.ok(fs.existsSync(path.join(media, 'dist/chart.js')), 'media/dist/chart.js is missing: run node scripts/build.mjs');
    page = await serveWebviewPage<Browser>(() => chartHtml({ readMedia }));
    origin = page.origin;
    browser = page.browser;
  });

  after(async () => {
    await page?.close();
  });

  it('draws the chart, keyboard-accessible, in the theme’s colours, with a table of the same points', async () => {
    const context = await browser.newContext({ bypassCSP: false });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e.message)));
      await page.addInitScript(`
        window.__pwned = [];
        window.__posted = [];
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
        window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState() {}, setState() {} });`);
      await page.goto(`${origin}/`);
      await page.waitForFunction('window.__posted.some((m) => m.type === "ready")', undefined, { timeout: 10000 });
      // The theme's variables, as VS Code sets them on the page.
      await page.evaluate(`document.documentElement.style.setProperty('--vscode-charts-blue', 'rgb(1, 2, 3)')`);
      const s = set();
      await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'charts', title: 'Error ratio', set: s })}, '*')`);
      await page.waitForFunction('window.__posted.some((m) => m.type === "rendered")', undefined, { timeout: 10000 });
      const posted: ChartMessage[] = await page.evaluate('window.__posted');
      assert.deepEqual(posted.find((m) => m.type === 'rendered'), { type: 'rendered', charts: [{ checkId: 'ratio', canvas: true, series: 1, points: 5, beyond: 1, nonFinite: 2, lines: [0.3] }] });
      assert.deepEqual(await page.evaluate('window.__csp'), []);
      assert.deepEqual(errors, []);
      assert.deepEqual(await page.evaluate('window.__pwned'), []);
      assert.equal(await page.evaluate<string>(`getComputedStyle(document.querySelector('.u-series:nth-child(2) .u-marker')).borderColor`), 'rgb(1, 2, 3)');

      // The keyboard: the focused chart announces the first point, arrows move along the window.
      assert.equal(await page.locator('.plot').getAttribute('tabindex'), '0');
      assert.equal(await page.locator('.reading').getAttribute('aria-live'), 'polite');
      await page.focus('.plot');
      assert.match(await page.locator('.reading').innerText(), /^2026-11-27 01:56 UTC · \{instance=".*"\}: 0\.1 — within the line$/);
      await page.keyboard.press('ArrowRight');
      assert.match(await page.locator('.reading').innerText(), /01:57 UTC .*: 0\.5 — beyond the line \(threshold ≤ 0\.3\)$/);
      await page.keyboard.press('ArrowRight');
      assert.match(await page.locator('.reading').innerText(), /01:58 UTC .*: NaN — not a number: never a pass$/);
      await page.keyboard.press('End');
      assert.match(await page.locator('.reading').innerText(), /02:00 UTC .*: \+Inf — not a number: never a pass$/);

      // The table: the same points, the label shown as text.
      assert.equal(await page.locator('button[aria-controls$="-table"]').getAttribute('aria-expanded'), 'false');
      await page.click('button[aria-controls$="-table"]');
      assert.equal(await page.locator('button[aria-controls$="-table"]').getAttribute('aria-expanded'), 'true');
      assert.equal(await page.locator('.table tbody tr').count(), 5);
      assert.equal(await page.locator('.table tbody tr.beyond').count(), 1);
      assert.equal(await page.locator('.table tbody tr.nonfinite').count(), 2);
      assert.ok((await page.locator('.table tbody tr:first-child').innerText()).includes(HOSTILE));
      assert.equal(await page.locator('#app img').count(), 0);

      await page.click('text=Open Query in Prometheus');
      const after: ChartMessage[] = await page.evaluate('window.__posted');
      assert.deepEqual(after.filter((m) => m.type === 'openInPrometheus'), [{ type: 'openInPrometheus', chart: 0 }]);

      // A theme change draws again with the new colours.
      await page.evaluate(`document.documentElement.style.setProperty('--vscode-charts-blue', 'rgb(4, 5, 6)'); document.body.className = 'vscode-light'`);
      await page.waitForFunction(`getComputedStyle(document.querySelector('.u-series:nth-child(2) .u-marker')).borderColor === 'rgb(4, 5, 6)'`, undefined, { timeout: 10000 });
    } finally {
      await context.close();
    }
  });
});
