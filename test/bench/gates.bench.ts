// GA gates benchmark (printed figures, no assertions): evaluation of the five default gates, and of
// 50 gates, against a REAL Prometheus holding a 50 h history of 2 profiles — directly, and through a
// real loopback TCP proxy, a process of its own, that holds every chunk 50 ms each way (a Prometheus
// across a network).
// Each run prints its wall time next to the slowest single query — measured alone, one query at a
// time, its median of three — and their ratio: with concurrent queries it stays near 1,
// not near the number of queries, as long as the server is not CPU-bound (locally, two cores bound
// it: see the "direct" lines). Each run also prints the CPU time of the client and of Prometheus,
// and the floor they set together.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluateGates } from '../../src/core/gates/evaluate';
import { recordingSchema } from '../../src/core/prometheus/recording';
import { HttpTransport } from '../../src/core/prometheus/transport';
import { fiftyGates, gatesHistory, SHIPPED_ALERT_RULES, writeWorkspace } from '../support/gatesHistory';
import { renderOpenMetrics, startPrometheus } from '../support/prometheus';


const END = Math.floor(Date.now() / 60_000) * 60;
const PROFILES = ['r2', 'smoke'];
const LATENCY_MS = 50;

interface Run {
  wallMs: number;
  /** The requests of the run (recorded runs only). */
  requests: { path: string; params: Record<string, string> }[];
  /** CPU time of this process (the client) and of Prometheus during the run. */
  clientCpuMs: number;
  serverCpuMs: number;
}

let serverPid = -1;
/** User + system CPU time of a process so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMsOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** How the client sends: connections, and queries pipelined on each. */
interface Sending {
  concurrency: number;
  pipelining: number;
}
const SERIAL: Sending = { concurrency: 1, pipelining: 1 };

/** One evaluation: live, as users run it; `record` also keeps every exchange's duration (the reference run). */
async function evaluate(prom: { url: string }, dir: string, gatesFile: string | undefined, sending: Sending, record = false): Promise<Run> {
  const rec = path.join(dir, `rec-${sending.concurrency}-${sending.pipelining}.json`);
  const cpu0 = process.cpuUsage();
  const server0 = cpuMsOf(serverPid);
  const t0 = performance.now();
  await evaluateGates(
    { prometheus: { url: prom.url, ...sending }, cwd: dir, at: new Date(END * 1000), ...(record ? { data: { mode: 'record', file: rec } } : {}), ...(gatesFile ? { gatesFile } : {}) },
    AbortSignal.timeout(120_000),
  );
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const clientCpuMs = (cpu.user + cpu.system) / 1000;
  const serverMs = cpuMsOf(serverPid) - server0;
  const requests = record ? recordingSchema.parse(JSON.parse(fs.readFileSync(rec, 'utf8'))).exchanges.map((e) => ({ path: e.path, params: e.params })) : [];
  return { wallMs, requests, clientCpuMs, serverCpuMs: serverMs };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The default (4 connections, 16 pipelined on each), the earlier default (8 connections, none
// pipelined) and wide open.
const SETTINGS: [string, Sending][] = [
  ['serial (concurrency 1, pipelining 1)', SERIAL],
  ['default (concurrency 4, pipelining 16)', { concurrency: 4, pipelining: 16 }],
  ['concurrency 8, pipelining 1 (the earlier default)', { concurrency: 8, pipelining: 1 }],
  ['concurrency 32, pipelining 1', { concurrency: 32, pipelining: 1 }],
];

async function bench(label: string, prom: { url: string }, dir: string, gatesFile?: string): Promise<void> {
  await evaluate(prom, dir, gatesFile, SETTINGS[1][1]); // warm-up: page cache, connections
  // Each query alone: every request of a recorded run sent again by itself, one at a time on one
  // kept-alive connection (nothing ahead of it, not even the pre-flight), three times; its median.
  const { requests } = await evaluate(prom, dir, gatesFile, SERIAL, true);
  const transport = new HttpTransport({ url: prom.url });
  const each: number[] = [];
  try {
    for (const r of requests) {
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        await transport.send(r.path, r.params, AbortSignal.timeout(30_000));
        times.push(performance.now() - t0);
      }
      each.push(median(times));
    }
  } finally {
    await transport.close();
  }
  const alone = { queries: each.length, slowestMs: Math.max(...each), sumMs: each.reduce((a, b) => a + b, 0) };
  console.log(`  ${label}: ${alone.queries} queries; slowest single query (alone, median of 3): ${fmt(alone.slowestMs)}; sum of all: ${fmt(alone.sumMs)}`);
  for (const [name, sending] of SETTINGS) {
    const runs = [await evaluate(prom, dir, gatesFile, sending), await evaluate(prom, dir, gatesFile, sending), await evaluate(prom, dir, gatesFile, sending)];
    const r = runs.sort((a, b) => a.wallMs - b.wallMs)[1];
    const target = sending === SETTINGS[1][1] && label.startsWith('50 gates, +') ? ' (target ≤ 1.5)' : '';
    console.log(`  ${label}, ${name}: wall ${fmt(r.wallMs)} vs slowest single query ${fmt(alone.slowestMs)}: ratio ${(r.wallMs / alone.slowestMs).toFixed(2)}${target}`);
    // The least any schedule can take here: client and server share this machine's cores, and the
    // client (one thread) cannot finish before its own CPU time has passed.
    const cores = os.cpus().length;
    const cpuFloor = Math.max(r.clientCpuMs, (r.clientCpuMs + r.serverCpuMs) / cores);
    // Through the proxy, the queries' answers also need one round trip that only client work can overlap.
    const trip = label.includes('round trip') ? `; with the one round trip ${fmt(cpuFloor + 2 * LATENCY_MS)} = ratio ${((cpuFloor + 2 * LATENCY_MS) / alone.slowestMs).toFixed(2)}` : '';
    console.log(`    CPU in that run: client ${fmt(r.clientCpuMs)}, Prometheus ${fmt(r.serverCpuMs)}; floor on ${cores} cores ${fmt(cpuFloor)} = ratio ${(cpuFloor / alone.slowestMs).toFixed(2)} before any round trip${trip}`);
  }
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aurora-gates-bench-'));
  writeWorkspace(dir, { end: END });
  const t0 = performance.now();
  const prom = await startPrometheus({ openMetrics: renderOpenMetrics(gatesHistory({ end: END, profiles: PROFILES, trips: { coverage: true, lambda: true } })), ruleFiles: [SHIPPED_ALERT_RULES()] });
  serverPid = prom.pid;
  console.log(`  Prometheus with 50 h × ${PROFILES.length} profiles (60 s steps) up in: ${fmt(performance.now() - t0)}`);
  console.log(`  machine: ${os.cpus().length} CPU(s), load average ${os.loadavg()[0].toFixed(1)}; Prometheus' own --query.max-concurrency default is 20`);
  // The proxy runs in a process of its own: a network's delay costs the client no CPU.
  const proxyProcess = spawn(process.execPath, [path.join(__dirname, '../support/tcpProxyProcess.js'), prom.url, String(LATENCY_MS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const [line] = (await once(proxyProcess.stdout, 'data')) as [Buffer];
  const proxy = { url: line.toString().trim(), close: async () => void proxyProcess.kill() };
  try {
    const fifty = await fiftyGates(dir);
    await bench('5 gates, direct', prom, dir);
    await bench(`5 gates, +${2 * LATENCY_MS} ms round trip`, proxy, dir);
    await bench('50 gates, direct', prom, dir, fifty);
    await bench(`50 gates, +${2 * LATENCY_MS} ms round trip`, proxy, dir, fifty);
  } finally {
    await proxy.close();
    await prom.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
