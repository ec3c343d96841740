// The webview page shell (src/providers/shared/webviewHtml.ts): a page that carries its own script and
// styles under a nonce-only CSP, so it needs no request at all.
import assert from 'node:assert/strict';
import { webviewHtml } from '../../../src/providers/shared/webviewHtml';

const page = (files: Record<string, string>, nonce = 'n0nce') =>
  webviewHtml({ title: 'T', body: '<main></main>', script: 'dist/a.js', styles: ['a.css', 'b.css'], nonce, readMedia: (f) => {
    if (!(f in files)) throw new Error(`read ${f}`);
    return files[f];
  } });

describe('webview page shell', () => {
  it('carries the script and every style inline, each under this page\'s nonce, in order', () => {
    const html = page({ 'dist/a.js': 'run();', 'a.css': 'a{}', 'b.css': 'b{}' });
    assert.deepEqual([...html.matchAll(/<style nonce="n0nce">\n(.*)\n<\/style>/g)].map((m) => m[1]), ['a{}', 'b{}']);
    assert.match(html, /<script nonce="n0nce">\nrun\(\);\n<\/script>\n<\/body>/);
    assert.doesNotMatch(html, /<link|src=/);
  });

  it('allows scripts and styles by nonce only: no inline attributes, no sources, no connections', () => {
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(page({ 'dist/a.js': '', 'a.css': '', 'b.css': '' }))![1];
    assert.deepEqual(csp.split('; '), ["default-src 'none'", "style-src 'nonce-n0nce'", "script-src 'nonce-n0nce'", "connect-src 'none'", "form-action 'none'", "base-uri 'none'"]);
  });

  it('refuses a media file that would close its tag early, naming it', () => {
    assert.throws(() => page({ 'dist/a.js': 'x = "</SCRIPT><script>alert(1)"', 'a.css': '', 'b.css': '' }), /media\/dist\/a\.js contains '<\/script'/);
    assert.throws(() => page({ 'dist/a.js': '', 'a.css': '</style><script>', 'b.css': '' }), /media\/a\.css contains '<\/style'/);
  });
});
