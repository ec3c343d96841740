// A REAL vmauth (Debian victoria-metrics 1.79) on 127.0.0.1 in front of real backends: it routes
// each request by its bearer token to that tenant's backend, as in a multi-tenant setup.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './prometheus';

export interface RunningVmauth {
  readonly url: string;
  stop(): Promise<void>;
}

/** `tenants`: bearer token → backend base URL. Any other token (or none) gets 401 from vmauth. */
export async function startVmauth(tenants: Record<string, string>): Promise<RunningVmauth> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-vmauth-'));
  const config = path.join(dir, 'auth.yml');
  // YAML is a superset of JSON.
  writeFileSync(config, JSON.stringify({ users: Object.entries(tenants).map(([token, url]) => ({ bearer_token: token, url_prefix: url })) }));
  const port = await freePort();
  const child = spawn('vmauth', [`-auth.config=${config}`, `-httpListenAddr=127.0.0.1:${port}`, '-loggerLevel=ERROR'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 300; i++) {
    try {
      const res = await fetch(`${url}/health`);
      await res.arrayBuffer();
      if (res.ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  await stop();
  throw new Error(`vmauth did not start:\n${log}`);
}
