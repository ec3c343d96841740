import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { ChecklistView, WebviewMessage } from '../../../src/core/checklist/messages';
import { buildChecklist } from '../../../src/core/checklist/view';
import { checklistHtml } from '../../../src/providers/checklist/html';
import { approvedEvaluation } from '../../../src/core/attest/signoff';
import { check, completeState, gateReport, inputs, REPORT_SHA, verified } from '../../unit/checklist/fixtures';
import { MEDIA, readMedia, serveWebviewPage, type WebviewPage } from '../../support/webviewPage';

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
  focus(selector: string): Promise<void>;
  keyboard: { press(key: string): Promise<void> };
  addStyleTag(o: { content: string }): Promise<unknown>;
  setViewportSize(o: { width: number; height: number }): Promise<void>;
  locator(selector: string): { innerText(): Promise<string>; count(): Promise<number> };
};

describe('checklist webview HTML in headless Chromium (hostile strings; acquireVsCodeApi stubbed — it exists only in VS Code)', function () {
  this.timeout(60000);
  let page: WebviewPage<Browser> | undefined;
  let origin: string;
  let browser: Browser;
  const media = MEDIA;

  before(async () => {
    const script = path.join(media, 'dist/checklist.js');
    assert.ok(fs.existsSync(script), `${script} is missing: run node scripts/build.mjs`);
    page = await serveWebviewPage<Browser>(() => checklistHtml({ readMedia }));
    origin = page.origin;
    browser = page.browser;
  });

  after(async () => {
    await page?.close();
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

  /** A page showing `view`, its posts in window.__posted and its setState in window.__state (seeded with `state`: a reload). */
  async function show(context: Context, view: ChecklistView | null, state?: unknown): Promise<Page> {
    const page = await context.newPage();
    await page.addInitScript(`window.__posted = []; window.__state = ${JSON.stringify(state ?? null)} ?? undefined;
      window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(JSON.parse(JSON.stringify(m))), getState: () => window.__state, setState: (s) => { window.__state = JSON.parse(JSON.stringify(s)); } });`);
    await page.goto(`${origin}/`);
    await page.waitForFunction('window.__posted.some((m) => m.type === "ready")', undefined, { timeout: 10000 });
    if (view) await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'view', view })}, '*')`);
    await page.waitForFunction('window.__posted.some((m) => m.type === "rendered")', undefined, { timeout: 10000 });
    return page;
  }
  type Drawn = Extract<WebviewMessage, { type: 'rendered' }>;
  const lastDrawn = (page: Page) => page.evaluate<Drawn>('window.__posted.filter((m) => m.type === "rendered").at(-1)');
  const drawnAfter = async (page: Page, n: number) => {
    await page.waitForFunction(`window.__posted.filter((m) => m.type === "rendered").length > ${n}`, undefined, { timeout: 10000 });
    return lastDrawn(page);
  };
  const renders = (page: Page) => page.evaluate<number>('window.__posted.filter((m) => m.type === "rendered").length');

  /** A NO-GO view: gate 2's variance check fails (so do its status and the overall gates), every manual item open. */
  function failingView(): ChecklistView {
    const i = inputs();
    assert.equal(i.gates.state, 'ok');
    i.gates.value.gates[1].checks[0] = check('var_ratio', 'Variance ratio', 0.9, 0.85, 'FAIL');
    i.gates.value.gates[1].status = 'FAIL';
    assert.equal(i.readiness.state, 'ok');
    Object.assign(i.readiness.value, { readiness_status: 'NOT_READY', overall_ready: false });
    i.readiness.value.results[4] = { id: 'git_clean', name: 'Git Tree', passed: false, message: '2 uncommitted files', details: [] };
    return buildChecklist(i, { ok: true, loaded: { state: { ...completeState(), items: {} }, existed: true, unknownItems: [] } }).view;
  }
  const allItems = (v: ChecklistView) => v.sections.flatMap((s) => s.groups.flatMap((g) => g.items));

  it('filters items (all / open / failing / manual) and collapses sections from the keyboard, and a reload keeps both', async () => {
    const view = failingView();
    const context = await browser.newContext({ bypassCSP: false });
    try {
      const page = await show(context, view);
      let drawn = await lastDrawn(page);
      assert.equal(drawn.filter, 'all');
      assert.deepEqual(drawn.visible, allItems(view).map((i) => i.id));
      assert.deepEqual(drawn.collapsed, []);

      // Tab to a filter and press Enter: only failing items are drawn, and focus stays on the filter.
      let n = await renders(page);
      await page.focus('button[data-key="filter.failing"]');
      await page.keyboard.press('Enter');
      drawn = await drawnAfter(page, n);
      const failing = allItems(view).filter((i) => ['failed', 'no_data', 'warn'].includes(i.status)).map((i) => i.id);
      assert.ok(failing.includes('gate2.c1') && !failing.includes('gate1.c1'), failing.join(', '));
      assert.deepEqual([drawn.filter, drawn.visible], ['failing', failing]);
      assert.equal(await page.evaluate('document.activeElement.dataset.key'), 'filter.failing');
      assert.equal(await page.evaluate('document.querySelector(\'button[data-key="filter.failing"]\').getAttribute("aria-pressed")'), 'true');

      n = await renders(page);
      await page.focus('button[data-key="filter.manual"]');
      await page.keyboard.press('Space');
      drawn = await drawnAfter(page, n);
      assert.deepEqual(drawn.visible, allItems(view).filter((i) => i.kind === 'manual').map((i) => i.id));

      // A section header is a button: Space folds it (aria-expanded, hidden body), Enter opens it again.
      n = await renders(page);
      await page.focus('button[data-key="section.infra"]');
      await page.keyboard.press('Space');
      drawn = await drawnAfter(page, n);
      assert.deepEqual(drawn.collapsed, ['infra']);
      assert.equal(await page.evaluate('document.querySelector(\'button[data-key="section.infra"]\').getAttribute("aria-expanded")'), 'false');
      assert.equal(await page.evaluate('document.getElementById("section-body-infra").hidden'), true);
      assert.equal(await page.evaluate('document.activeElement.dataset.key'), 'section.infra');
      n = await renders(page);
      await page.focus('button[data-key="section.audits"]');
      await page.keyboard.press('Enter');
      drawn = await drawnAfter(page, n);
      assert.deepEqual(drawn.collapsed, ['infra', 'audits']);

      // setState holds the arrangement with the view; a reload (a new page given that state) draws it so before any message.
      const state = await page.evaluate<{ filter: string; collapsed: string[]; view: ChecklistView }>('window.__state');
      assert.deepEqual([state.filter, state.collapsed, state.view.decision.decision], ['manual', ['infra', 'audits'], 'NO-GO']);
      const again = await show(context, null, state);
      const restored = await lastDrawn(again);
      assert.deepEqual([restored.filter, restored.collapsed, restored.visible], ['manual', ['infra', 'audits'], drawn.visible]);
      // A fresh view from the extension keeps the arrangement too.
      n = await renders(again);
      await again.evaluate(`window.postMessage(${JSON.stringify({ type: 'view', view })}, '*')`);
      assert.deepEqual((await drawnAfter(again, n)).collapsed, ['infra', 'audits']);

      // A deciding item hidden by the filter or a folded section is shown when followed.
      await page.click('button[data-key="section.gates"]');
      n = await renders(page);
      await page.focus('#decision a[href="#item-gate2.c1"]');
      await page.keyboard.press('Enter');
      drawn = await drawnAfter(page, n);
      assert.equal(drawn.filter, 'all');
      assert.ok(!drawn.collapsed.includes('gates'));
      assert.ok(drawn.visible.includes('gate2.c1'));
    } finally {
      await context.close();
    }
  });

  it('titles items for people and keeps the original wording as their detail', async () => {
    const view = failingView();
    const context = await browser.newContext({ bypassCSP: false });
    try {
      const page = await show(context, view);
      const drawn = await lastDrawn(page);
      assert.equal(drawn.titles['gate1.status'], 'Gate 1 passes as a whole');
      assert.equal(drawn.titles['gate1.c2'], 'Warning rate at most 5%');
      for (const [id, title] of Object.entries(drawn.titles)) assert.doesNotMatch(title, /✅|❌| \/ |\*\*|\(from /, `${id}: ${title}`);
      assert.equal(await page.locator('#item-gate1\\.status .original').innerText(), 'Status: ✅ PASS / ⚠️ WARN / ❌ FAIL');
      assert.equal(await page.evaluate('document.querySelector("#item-gate1\\\\.c2 .title").title'), 'Warning Rate: ≤ 5% (from aurora_warn_rate)');
      // The title is the checkbox's label: clicking it ticks a manual item.
      await page.click('#item-safety\\.panic .title');
      const posted: WebviewMessage[] = await page.evaluate('window.__posted');
      assert.deepEqual(posted.filter((m) => m.type === 'setItem'), [{ type: 'setItem', id: 'safety.panic', checked: true }]);
    } finally {
      await context.close();
    }
  });

  it('lays out in the theme: bullets on the first line of wrapped deciding items, bordered inputs, readiness as what it says, evidence coloured by outcome, Open Report / Open JSON', async () => {
    const view = failingView();
    // Theme variables as VS Code sets them, and VS Code's default webview rule colouring <code> as
    // preformatted text (red in many themes). bypassCSP only lets this test add that style tag.
    const context = await browser.newContext({ bypassCSP: true });
    try {
      const page = await show(context, view);
      await page.addStyleTag({ content: `:root { --vscode-panel-border: rgb(10, 20, 30); --vscode-focusBorder: rgb(0, 0, 250); --vscode-input-background: rgb(40, 40, 40);
        --vscode-testing-iconPassed: rgb(0, 160, 0); --vscode-testing-iconFailed: rgb(200, 0, 0); --vscode-textPreformat-foreground: rgb(255, 0, 0); --vscode-foreground: rgb(220, 220, 220); }
        code { color: var(--vscode-textPreformat-foreground); }` });
      await page.setViewportSize({ width: 420, height: 900 });

      // Each deciding reason wraps as text: its first line sits beside the bullet.
      const lines: { rects: number; top: number; liTop: number }[] = await page.evaluate(`[...document.querySelectorAll('#decision .deciding li a')].map((a) => ({ rects: a.getClientRects().length, top: a.getClientRects()[0].top, liTop: a.closest('li').getBoundingClientRect().top }))`);
      assert.ok(lines.length > 0);
      assert.ok(lines.some((l) => l.rects > 1), `a long reason wraps as inline text: ${JSON.stringify(lines)}`);
      for (const l of lines) assert.ok(Math.abs(l.top - l.liTop) < 4, `first line at the bullet: ${JSON.stringify(l)}`);

      // Inputs are bordered in any theme: input-border where the theme sets one, else the panel border; the focus border when focused.
      const border = (sel: string) => page.evaluate<string>(`(() => { const s = getComputedStyle(document.querySelector(${JSON.stringify(sel)})); return s.borderTopStyle + ' ' + s.borderTopWidth + ' ' + s.borderTopColor + ' ' + s.backgroundColor; })()`);
      for (const sel of ['#header-date', '#header-target', 'input[data-key="sign.sre_lead"]']) assert.equal(await border(sel), 'solid 1px rgb(10, 20, 30) rgb(40, 40, 40)', sel);
      assert.equal(await page.locator('label[for="header-date"]').innerText(), 'Date');
      assert.equal(await page.locator('label[for="header-target"]').innerText(), 'Target GA Version');
      await page.addStyleTag({ content: ':root { --vscode-input-border: rgb(1, 2, 3); }' });
      assert.equal(await border('#header-target'), 'solid 1px rgb(1, 2, 3) rgb(40, 40, 40)');
      await page.focus('#header-target');
      assert.equal(await border('#header-target'), 'solid 1px rgb(0, 0, 250) rgb(40, 40, 40)');

      // Readiness says what it found, with the reason; its chip takes the verdict's colour.
      const chips: string[] = await page.evaluate('[...document.querySelectorAll(".source")].map((e) => e.textContent + " |" + e.className)');
      const readiness = chips.find((c) => c.startsWith('Readiness'));
      assert.equal(readiness, 'Readiness: NOT READY — Git Tree: 2 uncommitted files |source ok fail');
      assert.ok(chips.every((c) => !/ ok ·/.test(c)), chips.join('\n'));

      // Evidence of a satisfied item is not coloured as a failure; a failed item's is.
      const colour = (id: string) => page.evaluate<string>(`getComputedStyle(document.querySelector('#item-${id.replace('.', '\\\\.')} .evidence code')).color`);
      assert.equal(await colour('gate1.c1'), 'rgb(0, 160, 0)');
      assert.equal(await colour('gate2.c1'), 'rgb(200, 0, 0)');

      // Open Report (a readable preview) with Open JSON beside it: the extension picks the file.
      await page.click('.gates button.open-report');
      await page.click('.gates button.open-json');
      const posted: WebviewMessage[] = await page.evaluate('window.__posted');
      assert.deepEqual(posted.filter((m) => m.type === 'openReport'), [{ type: 'openReport', as: 'preview' }, { type: 'openReport', as: 'json' }]);
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
