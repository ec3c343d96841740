// A webview's page served over loopback to headless Chromium with its CSP in force: `/` is the HTML
// the extension would give the webview, carrying the packaged media files it needs (readMedia).
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../../src/core/util/packageRoot';

export const MEDIA = path.join(packageRoot(), 'media');

/** What the extension's mediaText reads: a file of media/ as text. */
export const readMedia = (file: string): string => fs.readFileSync(path.join(MEDIA, file), 'utf8');

/** The part of playwright's Browser every caller needs (playwright-core lives in the VS Code host folder, not in this package). */
interface Closable {
  close(): Promise<void>;
}

export interface WebviewPage<B extends Closable> {
  origin: string;
  browser: B;
  close(): Promise<void>;
}

/** Serves `html()` at `/` (anything else is 404: the page must need nothing more), and launches the VS Code host's Chromium. */
export async function serveWebviewPage<B extends Closable>(html: () => string): Promise<WebviewPage<B>> {
  const server = http.createServer((req, res) => {
    if (new URL(req.url ?? '/', 'http://x').pathname !== '/') {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const host: { findHostDir(): string | undefined; launchChromium(dir: string): Promise<B> } = await import(pathToFileURL(path.join(packageRoot(), 'scripts/lib/host.mjs')).href);
  const dir = host.findHostDir();
  if (!dir) {
    server.close();
    throw new Error('the VS Code host (.vscode-host with playwright-core) is not installed: run scripts/setup-vscode-host.sh');
  }
  const browser = await host.launchChromium(dir);
  return { origin, browser, close: async () => {
    await browser.close();
    await new Promise((r) => server.close(r));
  } };
}
