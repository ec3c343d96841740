// The shared real-server harness: a REAL Prometheus (Debian 2.42) or VictoriaMetrics on 127.0.0.1,
// spawned as a direct child of the test process (so SIGTERM + exit is ~10 ms, no orphan zombies),
// loaded with deterministic data BEFORE it starts (promtool backfill), in a temporary directory that
// stop() removes. Recipe and traps: /work/shared/notes/prometheus.md.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Agent, request } from 'undici';

const run = promisify(execFile);

// ---------------------------------------------------------------------------------------------
// OpenMetrics data

/** One sample: Unix time in SECONDS and a value (NaN allowed). */
export type Sample = [seconds: number, value: number];

export interface Series {
  labels?: Record<string, string>;
  samples: Sample[];
}

export interface Family {
  /** Metric name as queried (for counters include the `_total` suffix; the family line drops it). */
  name: string;
  type?: 'gauge' | 'counter' | 'unknown';
  help?: string;
  series: Series[];
}

// Anything above this is a millisecond timestamp, which promtool silently files in the year 58874.
const MAX_SECONDS = 1e11;

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (!entries.length) return '';
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
  return `{${entries.map(([k, v]) => `${k}="${esc(v)}"`).join(',')}}`;
}

/**
 * Renders families as OpenMetrics text for `promtool tsdb create-blocks-from openmetrics`: each
 * family contiguous with its TYPE first, timestamps in seconds and strictly ascending per series
 * (promtool drops out-of-order samples silently, so this throws instead), ending with `# EOF`.
 */
export function renderOpenMetrics(families: Family[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const f of families) {
    const type = f.type ?? 'gauge';
    const familyName = type === 'counter' ? f.name.replace(/_total$/, '') : f.name;
    if (type === 'counter' && familyName === f.name) throw new Error(`counter ${f.name} must end in _total`);
    if (seen.has(familyName)) throw new Error(`family ${familyName} appears twice; keep each family contiguous`);
    seen.add(familyName);
    out.push(`# TYPE ${familyName} ${type}`);
    if (f.help) out.push(`# HELP ${familyName} ${f.help}`);
    for (const s of f.series) {
      const labels = formatLabels(s.labels);
      let last = -Infinity;
      for (const [t, v] of s.samples) {
        if (!Number.isFinite(t) || t > MAX_SECONDS) throw new Error(`${f.name}${labels}: timestamp ${t} is not in seconds`);
        if (t <= last) throw new Error(`${f.name}${labels}: timestamps must ascend (${t} after ${last})`);
        last = t;
        out.push(`${f.name}${labels} ${formatValue(v)} ${t}`);
      }
    }
  }
  out.push('# EOF');
  return `${out.join('\n')}\n`;
}

/** Converts OpenMetrics text (as rendered above) to Prometheus text lines with millisecond timestamps. */
function toImportText(openMetrics: string): string {
  const lines: string[] = [];
  for (const line of openMetrics.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    lines.push(`${line.slice(0, cut)} ${Math.round(Number(line.slice(cut + 1)) * 1000)}`);
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:40123 (no trailing slash). */
  readonly url: string;
  readonly pid: number;
  readonly kind: 'prometheus' | 'victoria-metrics' | 'vmalert';
  /** Stops the server (SIGTERM by default), waits for its exit, removes its directory. Idempotent. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** What the server wrote to stderr/stdout so far (for failure messages). */
  log(): string;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
      .once('error', reject)
      .listen(0, '127.0.0.1', () => {
        const addr = s.address();
        s.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
      });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Spawned {
  child: ChildProcess;
  exited: Promise<void>;
  isDead(): boolean;
  log(): string;
}

function spawnServer(cmd: string, args: string[]): Spawned {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  let dead = false;
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      dead = true;
      resolve();
    });
    child.once('error', (err) => {
      log += `spawn error: ${err.message}\n`;
      dead = true;
      resolve();
    });
  });
  return { child, exited, isDead: () => dead, log: () => log };
}

interface Probe {
  /** PEM of the CA that signed an https server's certificate. */
  ca?: string;
  headers?: Record<string, string>;
}

async function waitReady(url: string, s: Spawned, probe: Probe = {}, timeoutMs = 30_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  const dispatcher = new Agent(probe.ca ? { connect: { ca: probe.ca } } : {});
  try {
    while (!s.isDead() && Date.now() < deadline) {
      try {
        const res = await request(url, { headers: probe.headers, signal: AbortSignal.timeout(2000), dispatcher });
        await res.body.arrayBuffer();
        if (res.statusCode === 200) return true;
      } catch {
        // ECONNREFUSED until the port is bound
      }
      await sleep(20);
    }
    return false;
  } finally {
    await dispatcher.close();
  }
}

function handle(kind: RunningServer['kind'], url: string, s: Spawned, dir: string): RunningServer {
  let stopped: Promise<void> | undefined;
  return {
    url,
    kind,
    pid: s.child.pid ?? -1,
    log: s.log,
    stop(signal: NodeJS.Signals = 'SIGTERM') {
      stopped ??= (async () => {
        if (!s.isDead()) s.child.kill(signal);
        const timer = setTimeout(() => s.child.kill('SIGKILL'), 10_000);
        await s.exited;
        clearTimeout(timer);
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}

/** Tries a few free ports: another process can take the probed port before the server binds it. */
async function startOnFreePort(kind: RunningServer['kind'], dir: string, argsFor: (port: number) => string[], readyPath: string, probe: Probe & { https?: boolean } = {}): Promise<RunningServer> {
  const cmd = kind;
  let lastLog = '';
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const url = `${probe.https ? 'https' : 'http'}://127.0.0.1:${port}`;
    const s = spawnServer(cmd, argsFor(port));
    if (await waitReady(`${url}${readyPath}`, s, probe)) return handle(kind, url, s, dir);
    if (!s.isDead()) s.child.kill('SIGKILL');
    await s.exited;
    lastLog = s.log();
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`${cmd} did not become ready:\n${lastLog}`);
}

export interface PrometheusOptions {
  /** OpenMetrics text (renderOpenMetrics) backfilled before start; omit for an empty server. */
  openMetrics?: string;
  /** Absolute paths of rule files to load (evaluated every `evaluationInterval`); start() returns once every rule was evaluated. */
  ruleFiles?: string[];
  /** Global rule evaluation interval; 1s makes ALERTS appear ~2.5 s after start. */
  evaluationInterval?: string;
  /** Prometheus scrape_configs entries (e.g. a loopback server serving a --metrics-out file). */
  scrapeConfigs?: Record<string, unknown>[];
  /** Global scrape interval (default 1m); the first scrape still comes ~5 s after start. */
  scrapeInterval?: string;
  /** Serve https and/or require basic auth (Prometheus' --web.config.file). */
  web?: WebOptions;
  extraArgs?: string[];
}

export interface WebOptions {
  /** Certificate and key files for https; `ca` is the PEM the readiness probe trusts. */
  tls?: { certFile: string; keyFile: string; ca: string };
  /** Basic auth: the user, the password (for the probe) and its bcrypt hash (for Prometheus). */
  basicAuth?: { username: string; password: string; bcrypt: string };
}

/** Backfills the data with promtool, then starts /usr/bin/prometheus on a free loopback port. */
export async function startPrometheus(opts: PrometheusOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-prom-'));
  try {
    const tsdb = path.join(dir, 'tsdb');
    if (opts.openMetrics) {
      const data = path.join(dir, 'data.om');
      writeFileSync(data, opts.openMetrics);
      // 96h blocks: 10x faster backfill and no compaction storm a minute after start.
      await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--max-block-duration=96h', '-q', data, tsdb]);
    }
    const config = path.join(dir, 'prometheus.yml');
    // YAML is a superset of JSON.
    writeFileSync(config, JSON.stringify({
      global: { evaluation_interval: opts.evaluationInterval ?? '1s', scrape_interval: opts.scrapeInterval ?? '1m' },
      scrape_configs: opts.scrapeConfigs ?? [],
      rule_files: opts.ruleFiles ?? [],
    }));
    const web = opts.web;
    const webArgs: string[] = [];
    if (web) {
      const webFile = path.join(dir, 'web.yml');
      writeFileSync(webFile, JSON.stringify({
        ...(web.tls ? { tls_server_config: { cert_file: web.tls.certFile, key_file: web.tls.keyFile } } : {}),
        ...(web.basicAuth ? { basic_auth_users: { [web.basicAuth.username]: web.basicAuth.bcrypt } } : {}),
      }));
      webArgs.push(`--web.config.file=${webFile}`);
    }
    const probe = {
      https: Boolean(web?.tls),
      ca: web?.tls?.ca,
      headers: web?.basicAuth ? { authorization: `Basic ${Buffer.from(`${web.basicAuth.username}:${web.basicAuth.password}`).toString('base64')}` } : undefined,
    };
    const server = await startOnFreePort('prometheus', dir, (port) => [
      ...webArgs,
      `--config.file=${config}`,
      `--storage.tsdb.path=${tsdb}`,
      // Retention shorter than the data span silently deletes blocks at open.
      '--storage.tsdb.retention.time=3650d',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=warn',
      ...(opts.extraArgs ?? []),
    ], '/-/ready', probe);
    if (opts.ruleFiles?.length) await rulesEvaluated(server, probe);
    return server;
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

function parseJson<T>(text: string): T | undefined {
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined; // "Service Unavailable" while starting
  }
}

interface RulesAnswer {
  data?: { groups?: { rules?: { health?: string; lastEvaluation?: string }[] }[] };
}

/**
 * Waits until the rules API shows every loaded rule evaluated at least once (health no longer
 * 'unknown'): until then an alert check rightly reports NO_DATA. Stops the server if it never happens.
 */
export async function rulesEvaluated(server: RunningServer, probe: Probe = {}, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const dispatcher = new Agent(probe.ca ? { connect: { ca: probe.ca } } : {});
  let last = '';
  try {
    while (Date.now() < deadline) {
      const res = await request(`${server.url}/api/v1/rules`, { headers: probe.headers, signal: AbortSignal.timeout(2000), dispatcher });
      last = await res.body.text();
      const rules = (parseJson<RulesAnswer>(last)?.data?.groups ?? []).flatMap((g) => g.rules ?? []);
      if (rules.length && rules.every((r) => r.health && r.health !== 'unknown' && r.lastEvaluation && Date.parse(r.lastEvaluation) > 0)) return;
      await sleep(50);
    }
  } finally {
    await dispatcher.close();
  }
  await server.stop();
  throw new Error(`${server.kind}: rules not evaluated within ${timeoutMs} ms: ${last.slice(0, 300)}\n${server.log()}`);
}

export interface VmalertOptions {
  /** The VictoriaMetrics (or Prometheus) URL rules query and ALERTS are written to (remote write). */
  datasourceUrl: string;
  /** Absolute paths of rule files. */
  ruleFiles: string[];
  /** Default 1s. */
  evaluationInterval?: string;
}

/**
 * Starts /usr/bin/vmalert (Debian victoria-metrics 1.79) on a free loopback port: it evaluates the
 * rules against `datasourceUrl`, writes ALERTS there, and serves the rules API; returns once every
 * rule was evaluated. Notifications go to a closed port (no Alertmanager is needed).
 */
export async function startVmalert(opts: VmalertOptions): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-vmalert-'));
  const server = await startOnFreePort('vmalert', dir, (port) => [
    `-httpListenAddr=127.0.0.1:${port}`,
    `-datasource.url=${opts.datasourceUrl}`,
    `-remoteWrite.url=${opts.datasourceUrl}`,
    '-remoteWrite.flushInterval=100ms',
    `-evaluationInterval=${opts.evaluationInterval ?? '1s'}`,
    '-notifier.url=http://127.0.0.1:1',
    '-loggerLevel=FATAL',
    ...opts.ruleFiles.map((f) => `-rule=${f}`),
  ], '/health');
  await rulesEvaluated(server);
  return server;
}

export interface VictoriaMetricsOptions {
  openMetrics?: string;
  extraArgs?: string[];
}

/**
 * Starts /usr/bin/victoria-metrics (1.79) on a free loopback port and imports the data through
 * /api/v1/import/prometheus (millisecond timestamps), then forces a flush so it is queryable.
 */
export async function startVictoriaMetrics(opts: VictoriaMetricsOptions = {}): Promise<RunningServer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aurora-vm-'));
  const server = await startOnFreePort('victoria-metrics', dir, (port) => [
    `-httpListenAddr=127.0.0.1:${port}`,
    `-storageDataPath=${path.join(dir, 'data')}`,
    '-retentionPeriod=100y',
    '-loggerLevel=ERROR',
    // Without these, samples within 30 s of "now" are hidden and results are cached across imports.
    '-search.latencyOffset=0s',
    '-search.disableCache',
    ...(opts.extraArgs ?? []),
  ], '/health');
  try {
    if (opts.openMetrics) {
      const res = await fetch(`${server.url}/api/v1/import/prometheus`, { method: 'POST', body: toImportText(opts.openMetrics) });
      if (res.status !== 204) throw new Error(`victoria-metrics import: HTTP ${res.status} ${await res.text()}`);
      const flush = await fetch(`${server.url}/internal/force_flush`);
      await flush.arrayBuffer();
    }
    return server;
  } catch (err) {
    await server.stop();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// A server that accepts connections and never answers (for client timeouts).

/** The requests a client sent more than once (retries), and how many pre-flights (`query=1`) it sent. */
export function resent(urls: string[]): { again: string[]; preflights: number } {
  const preflights = urls.filter((u) => new URLSearchParams(u.split('?')[1] ?? '').get('query') === '1').length;
  return { again: urls.filter((u, i) => urls.indexOf(u) !== i), preflights };
}

export interface SilentServer {
  readonly url: string;
  /** How many requests arrived. */
  requests(): number;
  /** The URL of each request that arrived (path and query), in order. */
  urls(): string[];
  stop(): Promise<void>;
}

export async function startSilentServer(): Promise<SilentServer> {
  const urls: string[] = [];
  const server: Server = createHttpServer((req) => {
    urls.push(req.url ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr !== 'object') throw new Error('silent server has no address');
  return {
    url: `http://127.0.0.1:${addr.port}`,
    requests: () => urls.length,
    urls: () => [...urls],
    stop: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
