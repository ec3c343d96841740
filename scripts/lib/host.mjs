// Shared by the scripts that drive the VS Code host (tests, npm start, screenshots): one way to
// start code-server, to build the workbench URL that loads the extension from source, and to
// launch headless Chromium.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** A free TCP port on loopback. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

/** Headless Chromium flags that work on these machines (closed network, root, no GPU). */
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** The VS Code host folder (`.vscode-host`, or VSCODE_HOST_DIR), or undefined when it is not installed. */
export function findHostDir(fallback = '.vscode-host') {
  const dir = path.resolve(process.env.VSCODE_HOST_DIR || fallback);
  return fs.existsSync(path.join(dir, 'node_modules/.bin/code-server')) ? dir : undefined;
}

/** Headless Debian Chromium through the host's playwright-core. */
export function launchChromium(hostDir) {
  const { chromium } = createRequire(path.join(hostDir, 'package.json'))('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: chromiumArgs });
}

/**
 * Starts code-server on 127.0.0.1 with a throwaway user-data/extensions/config folder under `tmp`
 * (so nothing is written to ~/.config) and waits until /healthz answers. The server runs in its own
 * process group; stop() ends the whole group (code-server forks extension hosts and watchers).
 * `userSettings` are merged into the user-level settings.json. `workspaceTrust: true` turns workspace
 * trust on (off by default), so the opened folder is untrusted: Restricted Mode, as a user sees it.
 */
export async function startCodeServer({ hostDir, tmp, port, env = {}, userSettings = {}, bind = '127.0.0.1', workspaceTrust = false }) {
  port ??= await freePort();
  fs.mkdirSync(path.join(tmp, 'ud/User'), { recursive: true });
  fs.writeFileSync(path.join(tmp, 'ud/User/settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': workspaceTrust, 'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false, 'extensions.ignoreRecommendations': true, 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
    ...userSettings,
  }, null, 2));
  const child = spawn(path.join(hostDir, 'node_modules/.bin/code-server'), ['--auth', 'none', '--bind-addr', `${bind}:${port}`,
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--user-data-dir', path.join(tmp, 'ud'), '--extensions-dir', path.join(tmp, 'exts')],
  { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'config'), ...env } });
  const logFile = path.join(tmp, 'code-server.log');
  const log = fs.createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    if (child.exitCode === null && child.signalCode === null) await exited;
    await new Promise((r) => setTimeout(r, 300));
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  };
  for (let i = 0; ; i++) {
    try { if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break; } catch { /* not up yet */ }
    if (child.exitCode !== null || i > 300) {
      await stop();
      throw new Error(`code-server did not start within 30 s (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { port, pid: child.pid, child, logFile, exited, stop };
}

/**
 * The workbench URL opening `folder` with the extension loaded from source (the `payload`
 * parameter: code-server's CLI rejects --extensionDevelopmentPath). `payload` holds
 * [name, absolute path] pairs such as ['extensionDevelopmentPath', '/repo'].
 */
export function workbenchUrl(port, folder, payload = []) {
  const auth = `127.0.0.1:${port}`;
  const remote = payload.map(([k, p]) => [k, `vscode-remote://${auth}${p}`]);
  const query = `folder=${encodeURIComponent(folder)}${remote.length ? `&payload=${encodeURIComponent(JSON.stringify(remote))}` : ''}`;
  return `http://${auth}/?${query}`;
}
