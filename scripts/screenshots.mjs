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

step('starting the demo (real Prometheus + code-server)');
const demo = await startDemo({ log: (l) => console.log(`  ${l}`) });
const browser = await launchChromium(findHostDir());
let failed = false;
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
try {
  const shot = async (name) => {
    fs.mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: path.join(outDir, `${name}.png`) });
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
  // A webview is an iframe of its own: wait until one of the page's frames shows `selector`.
  const inWebview = async (selector, failure) => {
    for (let i = 0; i < 150; i++) {
      for (const f of page.frames()) if (await f.locator(selector).count().catch(() => 0)) return;
      await page.waitForTimeout(200);
    }
    throw new Error(failure);
  };
  const hover = async (locator) => {
    // locator.hover() is intercepted by Monaco's overlay layers; a real mouse move works.
    const bb = await locator.boundingBox();
    await page.mouse.move(bb.x + 10, bb.y + bb.height / 2);
    await page.mouse.move(bb.x + Math.min(60, bb.width / 2), bb.y + bb.height / 2, { steps: 5 });
  };

  step('opening VS Code');
  await page.goto(demo.url);
  await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 60000 });
  await page.locator('.activitybar .action-item a[aria-label^="Aurora GA"]').click();
  await page.waitForSelector('.pane-header:has-text("Gates")', { timeout: 30000 });

  step('1. lock diagnostic with its quick fixes');
  await quickOpen('smoke.yaml');
  // The lock diagnostic on the edited value (an error: the edit loosens the profile).
  const squiggle = page.locator('.monaco-editor .squiggly-error').first();
  await squiggle.waitFor({ timeout: 30000 });
  const bb = await squiggle.boundingBox();
  for (let attempt = 0; ; attempt++) {
    await page.mouse.click(bb.x + bb.width / 2, bb.y + bb.height / 2);
    await page.keyboard.press('Control+.');
    try {
      await page.waitForSelector('.action-widget:has-text("Revert")', { timeout: 5000 });
      break;
    } catch (err) {
      if (attempt === 2) throw err;
      await page.keyboard.press('Escape');
    }
  }
  await page.waitForTimeout(500);
  await shot('lock-diagnostic');
  await page.keyboard.press('Escape');
  await hover(squiggle);
  await page.waitForSelector('.monaco-hover:has-text("lock")', { timeout: 10000 });
  await page.waitForTimeout(800); // let the hover finish fading in
  await shot('lock-hover');

  step('2. Gates view with a tooltip');
  await palette('Aurora: Evaluate Gates');
  await page.waitForTimeout(300);
  const gateRow = page.locator('.pane-body .monaco-list-row:has-text("Stability")').first();
  await gateRow.waitFor({ timeout: 60000 });
  await page.waitForSelector('.statusbar-item:has-text("GA: BLOCKED")', { timeout: 30000 });
  await palette('Notifications: Clear All Notifications');
  const checkRow = page.locator('.pane-body .monaco-list-row:has-text("p95 of |robust")').first();
  if (!(await checkRow.isVisible())) {
    await page.locator('.pane-body .monaco-list-row:has-text("2. DCTS Robustness")').first().click();
    await page.keyboard.press('ArrowRight');
  }
  await checkRow.waitFor({ timeout: 10000 });
  await hover(checkRow);
  await page.waitForSelector('.workbench-hover-container .monaco-hover-content, .monaco-hover:not(.hidden) .monaco-hover-content', { timeout: 10000 });
  await page.waitForTimeout(400);
  await shot('gates-view');

  step('3. Canary view during a run');
  await page.mouse.move(5, 400);
  await palette('Aurora: Run Canary');
  // Accept the default of each pick (profile, runs, gating): the first item.
  for (let i = 1; i <= 3; i++) {
    await page.locator(`.quick-input-widget .quick-input-title:has-text("(${i}/3)")`).waitFor({ timeout: 15000 });
    await page.waitForTimeout(300);
    await page.keyboard.press('Enter');
  }
  const canaryHeader = page.locator('.pane-header:has-text("Canary")');
  if ((await canaryHeader.getAttribute('aria-expanded')) === 'false') await canaryHeader.click();
  await page.waitForSelector('.pane-body .monaco-list-row:has-text("Run 05")', { timeout: 60000 });
  await shot('canary-view');
  // The checklist is filled from the finished canary's results.
  await page.waitForSelector('.pane-body .monaco-list-row:has-text("DEMO PASS"), .pane-body .monaco-list-row:has-text("DEMO FAIL")', { timeout: 60000 });
  await palette('Notifications: Clear All Notifications');

  step('4. the GO/NO-GO checklist webview');
  await palette('Aurora: Open GA Checklist');
  await inWebview('text=Sign-offs', 'the checklist webview did not render its sign-off blocks');
  await page.waitForTimeout(800);
  await shot('checklist');

  step('5. a gates file: a PromQL diagnostic beside the check lenses, and a chart');
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
  await hover(promqlError);
  await page.waitForSelector('.monaco-hover:has-text("(")', { timeout: 10000 });
  await page.waitForTimeout(800);
  await shot('gates-diagnostic');
  await page.keyboard.press('Control+Z');
  await page.mouse.move(5, 400);
  const chartLens = page.locator('.codelens-decoration a:has-text("Chart")').first();
  await chartLens.waitFor({ timeout: 30000 });
  await chartLens.click();
  // The chart is drawn once its section carries the table toggle (after the data came back).
  await inWebview('section.chart button:has-text("Show table")', 'the chart webview drew no chart');
  await page.waitForTimeout(1500);
  await shot('gates-chart');
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
