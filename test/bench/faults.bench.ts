// Peak memory and wall time of `aurora-ga gates` under the fault matrix (printed figures, no
// assertions): each case runs the real CLI bundle (dist/cli.js) in its own process, which reports its
// peak RSS (process.resourceUsage().maxRSS) on exit. The reference is the same CLI against a REAL
// healthy Prometheus in the same run. Shapes no real server produces on demand (a 503 storm, a
// 200 MB answer, Thanos-style partial answers) come from a small fake server, named as such.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { packageRoot } from '../../src/core/util/packageRoot';
import { gatesHistory, writeWorkspace } from '../support/gatesHistory';
import { freePort, renderOpenMetrics, startPrometheus, startSilentServer } from '../support/prometheus';

const END = Math.floor(Date.now() / 60_000) * 60;

/** A fake server: `mode` decides every answer. */
async function fakeServer(mode: 'storm' | 'huge' | 'partial'): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (mode === 'storm') return void res.writeHead(503, { 'content-type': 'text/plain' }).end('Service Unavailable');
    if (req.url?.includes('query=1&')) return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"success","data":{"resultType":"scalar","result":[1,"1"]}}');
    if (mode === 'partial') {
      return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] }, warnings: Array.from({ length: 10_000 }, (_, i) => `store ${i} unavailable`) }));
    }
    // 200 MB of series, streamed without a content-length.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"status":"success","data":{"resultType":"vector","result":[');
    const row = `{"metric":{"instance":"${'x'.repeat(900)}"},"value":[1,"1"]},`;
    let sent = 0;
    const pump = () => {
      while (sent < 200 * 1024 * 1024) {
        sent += row.length;
        if (!res.write(row)) return void res.once('drain', pump);
      }
      res.end('{"metric":{},"value":[1,"1"]}]}}');
    };
    res.on('error', () => undefined);
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

function runCli(dir: string, args: string[]): Promise<{ code: number | null; rssMiB: number; ms: number; reportMiB: number }> {
  const preload = path.join(dir, 'rss.js');
  fs.writeFileSync(preload, "process.on('exit', () => process.stderr.write(`\\nMAXRSS ${process.resourceUsage().maxRSS}\\n`));\n");
  const out = path.join(dir, 'report.json');
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--require', preload, path.join(packageRoot(), 'dist/cli.js'), 'gates', '--at', String(END), '--quiet', '--no-save', '--output', out, ...args], { cwd: dir });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      const kb = Number(/MAXRSS (\d+)/.exec(err)?.[1] ?? NaN);
      resolve({ code, rssMiB: kb / 1024, ms: performance.now() - t0, reportMiB: fs.existsSync(out) ? fs.statSync(out).size / 1024 / 1024 : NaN });
    });
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-faults-bench-'));
  writeWorkspace(dir, { end: END });
  const prom = await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END })) });
  const silent = await startSilentServer();
  const fakes = { storm: await fakeServer('storm'), huge: await fakeServer('huge'), partial: await fakeServer('partial') };
  const cases: [string, string[]][] = [
    ['reference: healthy real Prometheus', ['--prometheus-url', prom.url]],
    ['closed port', ['--prometheus-url', `http://127.0.0.1:${await freePort()}`]],
    ['real Prometheus, wrong path (404)', ['--prometheus-url', `${prom.url}/wrong`]],
    ['hung server (--timeout 2)', ['--prometheus-url', silent.url, '--timeout', '2']],
    ['fake server: 503 storm, --retries 12 (--deadline 10)', ['--prometheus-url', fakes.storm.url, '--retries', '12', '--deadline', '10']],
    ['fake server: 200 MB answers (limit 16 MiB)', ['--prometheus-url', fakes.huge.url]],
    ['fake server: 200 MB answers, --concurrency 1', ['--prometheus-url', fakes.huge.url, '--concurrency', '1']],
    ['fake server: partial answers with 10,000 warnings', ['--prometheus-url', fakes.partial.url]],
  ];
  try {
    let reference = NaN;
    let peak = 0;
    for (const [name, args] of cases) {
      const r = await runCli(dir, args);
      if (Number.isNaN(reference)) reference = r.rssMiB;
      peak = Math.max(peak, r.rssMiB);
      console.log(`  ${name}: exit ${r.code}, peak RSS ${r.rssMiB.toFixed(1)} MiB (×${(r.rssMiB / reference).toFixed(2)} of the reference), ${Math.round(r.ms)} ms, report ${r.reportMiB.toFixed(2)} MiB`);
    }
    console.log(`  peak RSS over the fault matrix: ${peak.toFixed(1)} MiB (reference ${reference.toFixed(1)} MiB)`);
  } finally {
    await Promise.all([prom.stop(), silent.stop(), fakes.storm.close(), fakes.huge.close(), fakes.partial.close()]);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
