import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { freePort } from '../../support/prometheus';

// Two small real servers for the scrape tests: the Debian Pushgateway, and a loopback HTTP server
// standing where node_exporter's textfile collector would, serving --metrics-out files as they are.

export interface Stoppable {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves each file at its path (e.g. /gates -> gates.prom), re-read on every scrape. */
export async function serveFiles(routes: Record<string, string>): Promise<Stoppable> {
  const server = createServer((req, res) => {
    const file = routes[req.url ?? ''];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('file server has no address');
  return {
    url: `127.0.0.1:${addr.port}`,
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** /usr/bin/prometheus-pushgateway (Debian package prometheus-pushgateway) on a free loopback port. */
export async function startPushgateway(): Promise<Stoppable & { log(): string }> {
  const port = await freePort();
  const child = spawn('prometheus-pushgateway', [
    `--web.listen-address=127.0.0.1:${port}`,
    // Debian's build persists to /var/lib/prometheus/pushgateway.data by default: tests must not share state.
    '--persistence.file=',
    '--log.level=warn',
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', (err) => {
      log += `${err.message}\n(install the Debian package prometheus-pushgateway)\n`;
      resolve();
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ok = await fetch(`${url}/-/ready`).then((r) => r.ok, () => false);
    if (ok) break;
    if (child.exitCode !== null || child.pid === undefined || Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      throw new Error(`pushgateway did not start:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    url,
    log: () => log,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
