// `npm start` as a user runs it: the real script, a real Prometheus and a real code-server; Ctrl-C
// (SIGINT) must stop everything it started and leave the repository clean.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../../src/core/util/packageRoot';

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out += d));
    child.once('exit', (code) => reject(new Error(`npm start exited (${code}) early; output:\n${out}`)));
  });
}

const refused = async (url: string) => {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch (err) {
    return (err as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
  }
};

// Its own demo folder, so the test never wipes a demo a developer is running.
const DEMO_DIR_NAME = '.demo-test';
const demoEnv = { ...process.env, AURORA_DEMO_DIR_NAME: DEMO_DIR_NAME };

describe('demo npm start (real script, real Prometheus, real code-server)', function () {
  this.timeout(180_000);
  let child: ChildProcess | undefined;

  after(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints a URL that serves VS Code, points the workspace at a live Prometheus with the demo history, and stops on Ctrl-C', async () => {
    const root = packageRoot();
    const porcelain = () => execFileSync('git', ['status', '--porcelain', '--', 'examples/demo-workspace'], { cwd: root, encoding: 'utf8' });
    const before = porcelain();
    child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: demoEnv });
    const [, openUrl, promUrl] = await waitForOutput(child, /Open:\s+(\S+)\s+Data:\s+live — Prometheus (\S+)/, 150_000);

    const page = await fetch(openUrl);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /workbench/i);
    const settings = JSON.parse(fs.readFileSync(path.join(root, DEMO_DIR_NAME, 'workspace/.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['auroraGa.prometheus.url'], promUrl);
    assert.equal(settings['auroraGa.gates.dataMode'], 'live');
    const q = await (await fetch(`${promUrl}/api/v1/query?query=${encodeURIComponent('count(count_over_time(aurora_tvf2_dcts[48h]))')}`)).json() as { data: { result: { value: [number, string] }[] } };
    assert.equal(q.data.result[0]?.value[1], '1', 'the demo history is queryable');

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.ok(await refused(promUrl), 'Prometheus is stopped');
    assert.ok(await refused(new URL(openUrl).origin), 'code-server is stopped');
    assert.equal(porcelain(), before, 'the demo never changes examples/demo-workspace');
  });

  it('falls back to the labelled demo replay (as where Prometheus cannot be installed) and says so', async () => {
    const root = packageRoot();
    child = spawn(process.execPath, ['scripts/start.mjs', '--replay'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: demoEnv });
    const [all, openUrl] = await waitForOutput(child, /no live Prometheus[^]*Open:\s+(\S+)\s+Data:\s+DEMO replay/, 150_000);
    assert.match(all, /labelled DEMO/);
    const settings = JSON.parse(fs.readFileSync(path.join(root, DEMO_DIR_NAME, 'workspace/.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
    assert.equal(settings['auroraGa.gates.dataMode'], 'demo');
    assert.equal(settings['auroraGa.prometheus.url'], undefined, 'no server is pretended');
    assert.equal((await fetch(openUrl)).status, 200);
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    assert.ok(await refused(new URL(openUrl).origin), 'code-server is stopped');
  });
});
