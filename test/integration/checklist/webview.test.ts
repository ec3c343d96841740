import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ChecklistView, WebviewMessage } from '../../../src/core/checklist/messages';
import { buildChecklist } from '../../../src/core/checklist/view';
import { checklistHtml } from '../../../src/providers/checklist/html';
import { packageRoot } from '../../../src/core/util/packageRoot';
import { approvedEvaluation } from '../../../src/core/attest/signoff';
import { check, completeState, gateReport, inputs, REPORT_SHA, verified } from '../../unit/checklist/fixtures';

// The webview's real HTML, CSS and bundled script in headless Debian Chromium (playwright-core from
// the VS Code host), fed a view full of hostile strings: profile names, metric labels, notes,
// sign-off names and messages carrying <script>, <img onerror>, <svg onload> and quote breakouts.
// Nothing may execute, no element may be injected, and every string must show literally. Run once
// with the CSP in force (as in VS Code) and once with it bypassed, so the renderer itself — not the
// CSP — is what is proven safe. Only acquireVsCodeApi is stubbed: it exists only inside VS Code.

const PAYLOADS = [
  '<script>window.__pwned.push("script")</script>',
  '<img src=x onerror="window.__pwned.push(\'img\')">',
  '"><svg onload=window.__pwned.push("svg")>',
  "'; window.__pwned.push('quote'); '",
  '</textarea><iframe src="javascript:window.parent.__pwned.push(\'iframe\')"></iframe>',
];

function hostileView(): ChecklistView {
  const i = inputs();
  assert.equal(i.gates.state, 'ok');
  const g = i.gates.value;
  g.source = `http://prom.example/${PAYLOADS[3]}`;
  g.gates[0].gate_name = PAYLOADS[0];
  g.gates[0].checks[0] = check('violations', `violations{profile="${PAYLOADS[1]}"}`, 0, 0, 'PASS', '==');
  g.gates[1].checks[0] = { ...check('var_ratio', PAYLOADS[2], 0.9, 0.85, 'FAIL'), message: PAYLOADS[4] };
  g.gates[1].status = 'FAIL';
  assert.equal(i.canary.state, 'ok');
  i.canary.value.config.profile = `configs/${PAYLOADS[1]}.yaml`;
  i.canary.value.run_results[2] = { ...i.canary.value.run_results[2], success: false, exit_code: 1, reason: PAYLOADS[0] };
  assert.equal(i.locks.state, 'ok');
  i.locks.value.results[0].profile = `${PAYLOADS[2]}.yaml`;
  const s = completeState();
  s.items['safety.panic'] = { checked: false, note: PAYLOADS[4], updated_at: 't' };
  s.items['infra.logs'].note = PAYLOADS[1];
  s.rationale = PAYLOADS.join('\n');
  s.signoffs.sre_lead!.name = PAYLOADS[1];
  s.header.target_version = PAYLOADS[3];
  return buildChecklist(i, { ok: true, loaded: { state: s, existed: true, unknownItems: [`x${PAYLOADS[0]}`] } }).view;
}

type Browser = { newContext(o: { bypassCSP: boolean }): Promise<Context>; close(): Promise<void> };
type Context = { newPage(): Promise<Page>; close(): Promise<void> };
type Page = {
  on(event: 'dialog' | 'pageerror' | 'console', cb: (x: { message?: () => string; text?: () => string; type?: () => string; dismiss?: () => Promise<void> }) => void): void;
  addInitScript(script: string): Promise<void>;
  goto(url: string): Promise<unknown>;
  waitForFunction(fn: string, arg?: unknown, o?: { timeout: number }): Promise<unknown>;
  evaluate<T>(fn: string): Promise<T>;
  click(selector: string): Promise<void>;
  fill(selector: string, text: string): Promise<void>;
  locator(selector: string): { innerText(): Promise<string>; count(): Promise<number> };
};

describe('checklist webview HTML in headless Chromium (hostile strings; acquireVsCodeApi stubbed — it exists only in VS Code)', function () {
  this.timeout(60000);
  let server: http.Server;
  let origin: string;
  let browser: Browser;
  const media = path.join(packageRoot(), 'media');

  before(async () => {
    const script = path.join(media, 'dist/checklist.js');
    assert.ok(fs.existsSync(script), `${script} is missing: run node scripts/build.mjs`);
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(checklistHtml({ cspSource: origin, scriptUri: `${origin}/media/dist/checklist.js`, styleUris: [`${origin}/media/base.css`, `${origin}/media/checklist.css`, `${origin}/media/dist/uplot.css`, `${origin}/media/chart.css`] }));
        return;
      }
      const file = path.join(media, url.pathname.replace(/^\/media\//, ''));
      if (!url.pathname.startsWith('/media/') || !file.startsWith(media) || !fs.existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': file.endsWith('.css') ? 'text/css' : 'text/javascript' });
      res.end(fs.readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const host: { findHostDir(): string | undefined; launchChromium(dir: string): Promise<Browser> } = await import(pathToFileURL(path.join(packageRoot(), 'scripts/lib/host.mjs')).href);
    const dir = host.findHostDir();
    assert.ok(dir, 'the VS Code host (.vscode-host with playwright-core) is not installed: run scripts/setup-vscode-host.sh');
    browser = await host.launchChromium(dir);
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  for (const bypassCSP of [false, true]) {
    it(`renders every hostile string as text and executes none of them (${bypassCSP ? 'CSP bypassed: the renderer alone' : 'with the CSP'})`, async () => {
      const context = await browser.newContext({ bypassCSP });
      try {
        const page = await context.newPage();
        const dialogs: string[] = [];
        const errors: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message?.() ?? '');
          void d.dismiss?.();
        });
        page.on('pageerror', (e) => errors.push(String((e as unknown as Error).message)));
        await page.addInitScript(`
          window.__pwned = [];
          window.__posted = [];
          window.__state = undefined;
          window.acquireVsCodeApi = () => ({
            postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))),
            getState: () => window.__state,
            setState: (s) => { window.__state = s; },
          });`);
        await page.goto(`${origin}/`);
        await page.waitForFunction('window.__posted.some((m) => m.type === "ready")', undefined, { timeout: 10000 });
        const view = hostileView();
        await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'view', view })}, '*')`);
        await page.waitForFunction('window.__posted.some((m) => m.type === "rendered")', undefined, { timeout: 10000 });
        // Nothing can fire later: no element of the drawn view carries an event-handler attribute
        // or loads anything (an injected handler would need one of those).
        const live: string[] = await page.evaluate(`[...document.querySelectorAll('#app *')].flatMap((e) => [...e.attributes]
          .filter((a) => /^on/i.test(a.name) || (/^(src|href|srcdoc|data|action|formaction)$/i.test(a.name) && !/^#/.test(a.value)))
          .map((a) => e.tagName + ' ' + a.name + '=' + a.value))`);
        assert.deepEqual(live, []);

        assert.deepEqual(await page.evaluate('window.__pwned'), []);
        assert.deepEqual(dialogs, []);
        assert.deepEqual(errors, []);
        assert.equal(await page.locator('#app script, #app img, #app svg, #app iframe').count(), 0);
        const text = await page.locator('#app').innerText();
        for (const p of [PAYLOADS[0], PAYLOADS[1], PAYLOADS[2]]) assert.ok(text.includes(p), `shown literally: ${p}`);
        assert.ok(text.includes(`configs/${PAYLOADS[1]}.yaml`), 'profile name literal');
        assert.equal(await page.locator('#signoff-sre_lead .signer').innerText(), PAYLOADS[1]);
        const values: string[] = await page.evaluate('[...document.querySelectorAll("textarea, input:not([type=checkbox])")].map((e) => e.value)');
        assert.ok(values.includes(PAYLOADS[4]), 'note shown as the textarea value');
        assert.ok(values.includes(PAYLOADS.join('\n')), 'rationale shown as written');
        assert.ok(values.includes(PAYLOADS[3]), 'target version shown as written');

        // The UI answers with typed messages, with the hostile text passed on unchanged.
        await page.click('#item-safety\\.panic input[type=checkbox]');
        await page.fill('textarea[data-key="note.safety.panic"]', `${PAYLOADS[0]} again`);
        await page.evaluate('document.querySelector(\'textarea[data-key="note.safety.panic"]\').dispatchEvent(new Event("change"))');
        const posted: WebviewMessage[] = await page.evaluate('window.__posted');
        assert.deepEqual(posted.filter((m) => m.type === 'setItem' || m.type === 'setNote'), [
          { type: 'setItem', id: 'safety.panic', checked: true },
          { type: 'setNote', id: 'safety.panic', note: `${PAYLOADS[0]} again` },
        ]);
        // The view is kept for a reload.
        assert.equal(await page.evaluate('window.__state.view.decision.decision'), view.decision.decision);
      } finally {
        await context.close();
      }
    });
  }

  it('sign-offs: an empty principal says why nothing was signed; same verdicts offer a one-click re-affirm; changed verdicts are listed; the verification is shown', async () => {
    const i = inputs();
    assert.equal(i.gates.state, 'ok');
    i.gateReportSha256 = 'c'.repeat(64);
    i.gates.value.gates[1].checks[0] = check('var_ratio', 'Variance ratio', 0.6, 0.85);
    const s = completeState();
    s.signoffs.release_manager!.evaluation = approvedEvaluation(gateReport(), REPORT_SHA);
    const changed = approvedEvaluation(gateReport(), REPORT_SHA);
    changed.checks['dcts/var_ratio'] = ['FAIL', 0.9];
    s.signoffs.product_owner!.evaluation = changed;
    delete s.signoffs.sre_lead;
    const view = buildChecklist(i, { ok: true, loaded: { state: s, existed: true, unknownItems: [] } }, new Date(), verified()).view;
    view.verification = [{ name: 'sign-offs', ok: false, detail: 'SRE Lead: no sign-off' }, { name: 'decision re-derived', ok: true, detail: 'gives APPROVED, as reported' }];
    const context = await browser.newContext({ bypassCSP: false });
    try {
      const page = await context.newPage();
      await page.addInitScript('window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState() {}, setState() {} });');
      await page.goto(`${origin}/`);
      await page.waitForFunction('window.__posted.some((m) => m.type === "ready")', undefined, { timeout: 10000 });
      await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'view', view })}, '*')`);
      await page.waitForFunction('window.__posted.some((m) => m.type === "rendered")', undefined, { timeout: 10000 });
      await page.click('#signoff-sre_lead button.primary');
      assert.match(await page.locator('#signoff-sre_lead .hint').innerText(), /Nothing was signed: enter your principal/);
      assert.match(await page.locator('#signoff-release_manager').innerText(), /Newer evaluation, same verdicts[\s\S]*Values moved \(1\)/);
      assert.match(await page.locator('#signoff-product_owner').innerText(), /Verdicts changed since you signed[\s\S]*dcts\/var_ratio: FAIL → PASS \(0\.9 → 0\.6\)/);
      await page.click('#signoff-release_manager button.primary');
      const posted: WebviewMessage[] = await page.evaluate('window.__posted');
      assert.deepEqual(posted.filter((m) => m.type === 'signOff'), [{ type: 'signOff', role: 'release_manager', name: 'release_manager person' }]);
      assert.match(await page.locator('#verification').innerText(), /✖ Would not verify as a promotion record[\s\S]*✖ sign-offs[\s\S]*SRE Lead: no sign-off[\s\S]*✔ decision re-derived/);
      assert.match(await page.locator('#signoff-release_manager .signature').innerText(), /SSH-signed, verified/);
    } finally {
      await context.close();
    }
  });

  it('enforces the CSP: an inline script added to the page does not run (it does with the CSP bypassed)', async () => {
    // An inline script runs as it is inserted, or never: its effect is checked right after append.
    const inlineRuns = async (bypassCSP: boolean) => {
      const context = await browser.newContext({ bypassCSP });
      try {
        const page = await context.newPage();
        await page.addInitScript('window.acquireVsCodeApi = () => ({ postMessage() {}, getState() {}, setState() {} });');
        await page.goto(`${origin}/`);
        return await page.evaluate<boolean>(`(() => {
          window.__inline = false;
          const s = document.createElement('script');
          s.textContent = 'window.__inline = true';
          document.body.append(s);
          return window.__inline;
        })()`);
      } finally {
        await context.close();
      }
    };
    assert.equal(await inlineRuns(false), false);
    assert.equal(await inlineRuns(true), true, 'the check itself sees an inline script that runs');
  });
});
