// `npm run screenshots`: drives the real UI (the `npm start` demo: real Prometheus + code-server +
// headless Chromium via playwright-core) and saves the PNGs the README shows, in docs/screenshots/.
// Each shot waits for the DOM element it is about, so a broken feature fails the script instead of
// producing a misleading picture.
import fs from 'node:fs';
import path from 'node:path';
import { ensureSetup, root, sh, step } from './lib/setup.mjs';

const outDir = path.join(root, 'docs/screenshots');
ensureSetup({ host: true });
// The decision strings carry emoji; headless Chromium needs a font for them.
sh('bash', ['scripts/apt-install.sh', 'fonts-noto-color-emoji']);
sh('node', ['scripts/build.mjs']);
const { startDemo } = await import('./lib/demo.mjs');
const { findHostDir, launchChromium } = await import('./lib/host.mjs');
const { commitLockedWorkspace, commitProfileEdit, EDITED_BY, PROFILE_EDITS } = await import('./lib/demo-git.mjs');

step('starting the demo (real Prometheus + code-server)');
const demo = await startDemo({ log: (l) => console.log(`  ${l}`) });
// Before the workbench opens (the extension reads locks and their history at start-up): the copy is
// a repository whose first commit holds r2.yaml as its schema 1 lock hashed it.
commitLockedWorkspace(demo.workspace);
const browser = await launchChromium(findHostDir());
let failed = false;
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
try {
  /** Saves the part of the screen that holds every one of `locators` (the whole screen without any). */
  const shot = async (name, ...locators) => {
    fs.mkdirSync(outDir, { recursive: true });
    const boxes = [];
    for (const l of locators) {
      const bb = await l.boundingBox();
      if (!bb) throw new Error(`${name}: nothing to crop to (${l})`);
      boxes.push(bb);
    }
    const pad = 8;
    const vp = page.viewportSize();
    const x = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
    const y = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
    const clip = boxes.length ? {
      x, y,
      width: Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad) - x,
      height: Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad) - y,
    } : undefined;
    await page.screenshot({ path: path.join(outDir, `${name}.png`), clip });
    console.log(`  saved docs/screenshots/${name}.png`);
  };
  const palette = async (text) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(text);
    await page.waitForTimeout(600);
    await page.keyboard.press('Enter');
  };
  const quickOpen = async (file) => {
    await page.keyboard.press('Control+P');
    await page.waitForSelector('.quick-input-widget', { state: 'visible' });
    await page.keyboard.type(file);
    await page.locator(`.quick-input-list .monaco-list-row:has-text("${file}")`).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    await page.locator(`.tabs-container .tab:has-text("${file}")`).first().waitFor({ timeout: 15000 });
  };
  // A webview is an iframe of its own: wait until one of the page's frames shows `selector`; that frame.
  const inWebview = async (selector, failure) => {
    for (let i = 0; i < 150; i++) {
      for (const f of page.frames()) if (await f.locator(selector).count().catch(() => 0)) return f;
      await page.waitForTimeout(200);
    }
    throw new Error(failure);
  };
  /** Hovers `locator` until `shown` appears (a loaded machine can miss the first hover) and returns `shown`. */
  const hover = async (locator, shown) => {
    for (let attempt = 0; ; attempt++) {
      // locator.hover() is intercepted by Monaco's overlay layers; a real mouse move works.
      const bb = await locator.boundingBox();
      await page.mouse.move(bb.x + 10, bb.y + bb.height / 2);
      await page.mouse.move(bb.x + Math.min(60, bb.width / 2), bb.y + bb.height / 2, { steps: 5 });
      try {
        await shown.waitFor({ timeout: 7000 });
        return shown;
      } catch (err) {
        if (attempt === 2) throw err;
        await page.mouse.move(900, 800);
      }
    }
  };

  step('opening VS Code');
  await page.goto(demo.url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
  await page.locator('.activitybar .action-item a[aria-label^="Aurora GA"]').click();
  await page.waitForSelector('.pane-header:has-text("Gates")', { timeout: 30000 });
  // Wider than the default side bar, so a check's measured-against-required description is read whole.
  const sidebar = page.locator('.part.sidebar');
  const side = await sidebar.boundingBox();
  await page.mouse.move(side.x + side.width + 1, side.y + side.height / 2);
  await page.mouse.down();
  await page.mouse.move(560, side.y + side.height / 2, { steps: 10 });
  await page.mouse.up();
  if ((await sidebar.boundingBox()).width < 480) throw new Error('the side bar could not be widened');

  step('1. Gates view: the decision row on top, each check in words');
  // The panes below folded, so every row of the evaluated gates is on the screen.
  const pane = (title) => page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: new RegExp(`^${title}`, 'i') }) });
  const setExpanded = async (title, expanded) => {
    const header = pane(title).locator('.pane-header');
    if ((await header.getAttribute('aria-expanded')) !== String(expanded)) await header.click();
  };
  await setExpanded('Canary', false);
  await setExpanded('Locks', false);
  await palette('Aurora: Evaluate Gates');
  const gatesPane = pane('Gates');
  const decisionRow = gatesPane.locator('.monaco-list-row').first();
  await decisionRow.filter({ hasText: 'BLOCKED' }).waitFor({ timeout: 60000 });
  await page.waitForSelector('.statusbar-item:has-text("GA: BLOCKED")', { timeout: 30000 });
  await palette('Notifications: Clear All Notifications');
  // The failing check of the deciding gate, worded as measured against required.
  await gatesPane.locator('.monaco-list-row:has-text("p95 of |robust")').filter({ hasText: 'above the limit 0.15' }).waitFor({ timeout: 10000 });
  await page.mouse.move(900, 800);
  await page.waitForTimeout(400);
  await shot('gates-view', gatesPane.locator('.pane-header'), gatesPane.locator('.monaco-list-row').last());

  step('2. Canary view during a run');
  await page.mouse.move(900, 800);
  await palette('Aurora: Run Canary');
  // Accept the default of each pick (profile, runs, gating): the first item.
  for (let i = 1; i <= 3; i++) {
    await page.locator(`.quick-input-widget .quick-input-title:has-text("(${i}/3)")`).waitFor({ timeout: 15000 });
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
  }
  const canaryPane = pane('Canary');
  await setExpanded('Canary', true);
  await canaryPane.locator('.monaco-list-row:has-text("Run 05")').waitFor({ timeout: 60000 });
  await shot('canary-view', canaryPane.locator('.pane-header'), canaryPane.locator('.monaco-list-row').last());
  // The checklist is filled from the finished canary's results.
  await canaryPane.locator('.monaco-list-row:has-text("DEMO PASS"), .monaco-list-row:has-text("DEMO FAIL")').first().waitFor({ timeout: 60000 });
  await palette('Notifications: Clear All Notifications');

  step('3. the GO/NO-GO checklist webview, filtered to the failing items');
  await palette('Aurora: Open GA Checklist');
  const checklist = await inWebview('.filter button.filter-failing', 'the checklist webview did not render its item filter');
  await checklist.locator('.filter button.filter-failing').click();
  await checklist.locator('.filter button.filter-failing[aria-pressed="true"]').waitFor({ timeout: 10000 });
  // Every item left is a failing one (the filter is what the picture is about).
  const shownItems = checklist.locator('.sections ul.items > li');
  if (!(await shownItems.count())) throw new Error('the Failing filter shows no items');
  await checklist.locator('.filter').evaluate((e) => {
    e.scrollIntoView({ block: 'start' });
    e.ownerDocument.scrollingElement.scrollTop -= 16;
  });
  await page.waitForTimeout(800);
  await shot('checklist', page.locator('.part.editor'));

  step('4. a gates file: a PromQL diagnostic beside the check lenses, and a chart');
  await quickOpen('gates.yaml');
  // One ')' typed at the end of the first query line: the unbalanced bracket is flagged where it stands.
  const gatesLines = fs.readFileSync(path.join(demo.workspace, 'configs/gates.yaml'), 'utf8').split('\n');
  const queryLine = gatesLines.findIndex((l) => /^\s+query: >-$/.test(l)) + 2;
  await page.keyboard.press('Control+G');
  await page.waitForSelector('.quick-input-widget', { state: 'visible' });
  await page.keyboard.type(String(queryLine));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await page.keyboard.type(')');
  const promqlError = page.locator('.monaco-editor .squiggly-error').first();
  await promqlError.waitFor({ timeout: 30000 });
  await hover(promqlError, page.locator('.monaco-hover:has-text("(")').first());
  await page.waitForTimeout(800);
  await shot('gates-diagnostic', page.locator('.part.editor'));
  await page.keyboard.press('Control+Z');
  await page.mouse.move(900, 800);
  const chartLens = page.locator('.codelens-decoration a:has-text("Chart")').first();
  await chartLens.waitFor({ timeout: 30000 });
  await chartLens.click();
  // The chart is drawn once its section carries the table toggle (after the data came back).
  await inWebview('section.chart button:has-text("Show table")', 'the chart webview drew no chart');
  await page.waitForTimeout(1500);
  await shot('gates-chart', page.locator('.part.editor'));

  step('5. a schema 1 lock: per-key diagnostics from git history, quick fixes, the blame hover');
  // Last: once r2.yaml no longer matches its lock, the gates refuse it (profile_lock.enforced).
  commitProfileEdit(demo.workspace, demo.end - 2 * 86400);
  await palette('View: Close All Editor Groups');
  await page.locator('.part.editor .tabs-container .tab').first().waitFor({ state: 'detached', timeout: 10000 });
  await quickOpen('r2.yaml');
  const firstKey = PROFILE_EDITS[0];
  const editor = page.locator('.part.editor .monaco-editor').first();
  // One error per changed key (each edit loosens the profile), on the new value.
  const squiggles = editor.locator('.squiggly-error');
  await squiggles.nth(PROFILE_EDITS.length - 1).waitFor({ timeout: 30000 });
  const changed = squiggles.first();
  const bb = await changed.boundingBox();
  for (let attempt = 0; ; attempt++) {
    await page.mouse.click(bb.x + bb.width / 2, bb.y + bb.height / 2);
    await page.keyboard.press('Control+.');
    try {
      await page.waitForSelector(`.action-widget:has-text("Revert acceptance.${firstKey.key} to locked value ${firstKey.from}")`, { timeout: 5000 });
      break;
    } catch (err) {
      if (attempt === 2) throw err;
      await page.keyboard.press('Escape');
    }
  }
  const actions = page.locator('.action-widget');
  await actions.locator('text=Upgrade lock r2.lock.json to schema 2').waitFor({ timeout: 5000 });
  await page.waitForTimeout(500);
  const editorTop = page.locator('.part.editor .title').first();
  const lastChanged = editor.locator('.view-line').filter({ hasText: PROFILE_EDITS.at(-1).key });
  await shot('lock-diagnostic', editorTop, lastChanged, actions);
  await page.keyboard.press('Escape');
  // The hover on the changed key: its meaning, which way is stricter, the locked value, and the blame.
  const key = editor.locator(`.view-line span:text-is("${firstKey.key}")`).first();
  const lockHover = await hover(key, page.locator(`.monaco-hover:has-text("Changed by ${EDITED_BY.name}")`).first());
  await page.waitForTimeout(800); // let the hover finish fading in
  await shot('lock-hover', editorTop, key, lockHover);
} catch (err) {
  failed = true;
  const where = path.join(demo.workspace, '..', 'screenshot-failure.png');
  await page.screenshot({ path: where }).catch(() => undefined);
  console.error(`✖ screenshots: ${err.message}\n  the screen at that moment: ${where}`);
} finally {
  await browser.close();
  await demo.stop();
}
process.exit(failed ? 1 : 0);
