// loadWebview (src/providers/shared/webviewLoad.ts): a webview whose script never says 'ready' gets
// its page once more, once, and only while it is visible. The timer is driven by hand: no waiting.
import assert from 'node:assert/strict';
import { loadWebview, READY_WITHIN_MS } from '../../../src/providers/shared/webviewLoad';

function setUp(visible = true) {
  const panel = { visible, webview: { html: '' } };
  const pages: string[] = [];
  let n = 0;
  const html = () => {
    const page = `<p>page ${++n}</p>`;
    pages.push(page);
    return page;
  };
  let ready = false;
  let warned = 0;
  const timers: { fn: () => void; ms: number; disposed: boolean }[] = [];
  const schedule = (fn: () => void, ms: number) => {
    const t = { fn, ms, disposed: false };
    timers.push(t);
    return { dispose: () => (t.disposed = true) };
  };
  const load = loadWebview(panel, html, () => ready, () => warned++, schedule);
  return { panel, pages, load, timers, setReady: () => (ready = true), warned: () => warned };
}

describe('providers: a webview page that does not start is loaded once more (loadWebview)', () => {
  it('sets the page at once and arms one timer of READY_WITHIN_MS', () => {
    const s = setUp();
    assert.deepEqual([s.panel.webview.html, s.pages.length, s.timers.length, s.timers[0].ms], ['<p>page 1</p>', 1, 1, READY_WITHIN_MS]);
  });

  it('sets a fresh page (a new one, so the host reloads it) when the script has said nothing in time, and says so', () => {
    const s = setUp();
    s.timers[0].fn();
    assert.deepEqual([s.panel.webview.html, s.load.reloads, s.warned()], ['<p>page 2</p>', 1, 1]);
    assert.equal(s.timers.length, 1, 'no second retry is armed');
  });

  it('leaves a page alone whose script said ready, or that is not visible (it loads when shown)', () => {
    const ready = setUp();
    ready.setReady();
    ready.timers[0].fn();
    const hidden = setUp(false);
    hidden.timers[0].fn();
    for (const s of [ready, hidden]) assert.deepEqual([s.panel.webview.html, s.load.reloads, s.warned()], ['<p>page 1</p>', 0, 0]);
  });

  it('disposing it stops the timer', () => {
    const s = setUp();
    s.load.dispose();
    assert.equal(s.timers[0].disposed, true);
  });
});
