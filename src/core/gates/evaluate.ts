import path from 'node:path';
import { ARTIFACTS } from '../artifacts';
import { seededRandom } from '../util/seededRandom';
import { PrometheusClient, type Preflight, type RulesOutcome } from '../prometheus/client';
import { CONNECTION_DEFAULTS, type PrometheusConnection } from '../prometheus/connection';
import { readRecording, Recorder, ReplayTransport, type Recording } from '../prometheus/recording';
import { HttpTransport, type Transport } from '../prometheus/transport';
import { writeFileAtomic } from '../util/atomicWrite';
import { bundledConfig } from '../util/packageRoot';
import { sha256Hex } from '../pyyaml';
import { InputError } from '../util/errors';
import { secretsFrom, type Secret } from '../util/secrets';
import { findOutage } from '../verdict/outage';
import type { DataMode, GateReport, GateResult } from '../verdict/types';
import type { CheckContext } from './checks/context';
import { fileScope } from './checks/confine';
import { confineChecks, prepareCheck, runCheck } from './checks/run';
import { gateResult } from './gate';
import type { CheckDefinition, GatesFile } from './schema';
import { BUILTIN_VARIABLES, loadGates } from './load';
import type { EvaluateOptions, GateProgress } from './options';
import { buildReport } from './report';
import { durationSeconds, formatDuration, promqlRegexLiteral } from './template';

export type { DataSource, EvaluateOptions, GateProgress } from './options';

// The check types that query Prometheus: any of them in the file means one pre-flight first.
const PROMETHEUS_CHECKS = new Set<string>(['promql', 'promql_range', 'alert', 'compare'] satisfies CheckDefinition['type'][]);

/** Range queries and subqueries stay under Prometheus' 11,000 points per series. */
const MAX_POINTS = 10_000;

export const DEFAULT_GATES_FILE = () => bundledConfig('gates', 'aurora-ga.yaml');
export const DEMO_RECORDING = () => bundledConfig('demo', 'gates', 'recording.json');

export interface Resolved {
  dataMode: DataMode;
  transport: Transport;
  /** Where the rules API is when it is not the query API's server (live runs with rulesUrl). */
  rulesTransport?: HttpTransport;
  recording?: Recording;
  recorder?: Recorder;
  source: string;
  cwd: string;
  artifactsDir: string;
  at: Date;
  windowHours: number;
  profile?: string;
  variables: Record<string, string>;
}

export async function resolveSource(options: EvaluateOptions): Promise<Resolved> {
  const data = options.data;
  const cwd = path.resolve(options.cwd ?? process.cwd());
  if (data?.mode === 'replay' || data?.mode === 'demo') {
    const file = data.mode === 'demo' ? DEMO_RECORDING() : path.resolve(cwd, data.file);
    const recording = await readRecording(file);
    // The demo brings its own artifacts and logs, so its report is the same everywhere.
    const base = data.mode === 'demo' ? path.dirname(file) : cwd;
    return {
      dataMode: data.mode,
      transport: new ReplayTransport(recording, file),
      recording,
      source: `${data.mode} of ${file} (recorded from ${recording.source} at ${recording.recorded_at})`,
      cwd: base,
      artifactsDir: data.mode === 'demo' ? path.join(base, ARTIFACTS.dir) : path.resolve(cwd, options.artifactsDir ?? ARTIFACTS.dir),
      at: options.at ?? new Date(recording.at),
      windowHours: options.windowHours ?? recording.window_hours,
      profile: options.profile ?? recording.profile ?? undefined,
      variables: { ...recording.variables, ...options.variables },
    };
  }
  if (!options.prometheus?.url) throw new InputError('no Prometheus URL given (use --prometheus-url, or --demo / --replay FILE for recorded data)');
  const transport = new HttpTransport(options.prometheus);
  const rulesUrl = options.prometheus.rulesUrl;
  return {
    dataMode: 'live',
    transport,
    ...(rulesUrl ? { rulesTransport: new HttpTransport({ ...options.prometheus, url: rulesUrl }) } : {}),
    // Every live evaluation records its raw answers: the history keeps them with the report.
    recorder: new Recorder(),
    source: transport.url,
    cwd,
    artifactsDir: path.resolve(cwd, options.artifactsDir ?? ARTIFACTS.dir),
    at: options.at ?? new Date(),
    windowHours: options.windowHours ?? 48,
    profile: options.profile,
    variables: { ...options.variables },
  };
}

/** The window, step and template variables of an evaluation (and of a chart of its checks). */
export function evaluationTemplates(definitions: GatesFile, r: Pick<Resolved, 'windowHours' | 'at' | 'variables' | 'profile' | 'artifactsDir'>): { windowSeconds: number; window: string; stepSeconds: number; vars: Record<string, string> } {
  if (!(r.windowHours > 0) || !Number.isFinite(r.windowHours)) throw new InputError(`window must be a positive number of hours, got ${r.windowHours}`);
  if (Number.isNaN(r.at.getTime())) throw new InputError('evaluation time is not a valid date');
  for (const name of Object.keys(r.variables)) {
    if ((BUILTIN_VARIABLES as readonly string[]).includes(name)) throw new InputError(`variable '${name}' is built in and cannot be set`);
  }
  const windowSeconds = Math.round(r.windowHours * 3600);
  const window = formatDuration(windowSeconds);
  const stepSeconds = Math.max(durationSeconds(definitions.step), Math.ceil(windowSeconds / MAX_POINTS / 60) * 60);
  const vars: Record<string, string> = {
    ...definitions.variables,
    ...r.variables,
    window,
    step: formatDuration(stepSeconds),
    profile: r.profile ?? '',
    profile_re: r.profile ? promqlRegexLiteral(r.profile) : '.*',
    artifacts: r.artifactsDir,
  };
  return { windowSeconds, window, stepSeconds, vars };
}

/** The query client of the data source: retries, one deadline for every query; recorded answers take no time. */
export function sourceClient(options: EvaluateOptions, r: Resolved, onProgress?: (p: GateProgress) => void): PrometheusClient {
  const conn: Partial<PrometheusConnection> = options.prometheus ?? {};
  const replaying = r.dataMode !== 'live';
  const deadlineMs = conn.deadlineMs ?? CONNECTION_DEFAULTS.deadlineMs;
  return new PrometheusClient(
    { ...conn, deadlineMs, ...(replaying ? { retryBaseMs: 0, retryMaxMs: 0, timeoutMs: CONNECTION_DEFAULTS.timeoutMs } : {}) },
    r.transport,
    {
      onExchange: r.recorder?.onExchange,
      onRetry: (e) => onProgress?.({ kind: 'retry', ...e }),
      ...(options.retrySeed !== undefined ? { random: seededRandom(options.retrySeed) } : {}),
      // Recorded answers take no time: a replay is never cut short by the clock.
      ...(replaying ? {} : { deadline: AbortSignal.timeout(deadlineMs) }),
    },
  );
}

/** Values no result may quote: secret-looking environment variables and the connection's credentials. */
export function evaluationSecrets(options: EvaluateOptions): Secret[] {
  const auth = options.prometheus;
  return secretsFrom(options.env ?? process.env, [
    ...(auth?.bearerToken ? [{ name: 'the bearer token', value: auth.bearerToken }] : []),
    ...(auth?.basicAuth ? [{ name: 'the basic auth password', value: auth.basicAuth.password }] : []),
  ]);
}

/**
 * Evaluates every gate once and returns the report (the JSON report's shape). Throws InputError for
 * bad input (gates file, recording, missing URL, unknown variable) and the signal's reason when it
 * aborts; Prometheus and file problems are not thrown but become ERROR / NO_DATA outcomes with their
 * evidence.
 */
export async function evaluateGates(options: EvaluateOptions, signal: AbortSignal, onProgress?: (p: GateProgress) => void): Promise<GateReport> {
  return (await evaluateGatesRecorded(options, signal, onProgress)).report;
}

/** evaluateGates, with the recording of every raw Prometheus answer of a live evaluation (for the history). */
export async function evaluateGatesRecorded(options: EvaluateOptions, signal: AbortSignal, onProgress?: (p: GateProgress) => void): Promise<{ report: GateReport; recording?: string }> {
  signal.throwIfAborted();
  const gatesFile = options.gatesFile ? path.resolve(options.cwd ?? process.cwd(), options.gatesFile) : DEFAULT_GATES_FILE();
  const { definitions } = await loadGates(gatesFile);
  const r = await resolveSource(options);
  try {
    const { windowSeconds, window, stepSeconds, vars } = evaluationTemplates(definitions, r);
    const replaying = r.dataMode !== 'live';
    const client = sourceClient(options, r, onProgress);
    const conn: Partial<PrometheusConnection> = options.prometheus ?? {};
    const secrets = evaluationSecrets(options);
    const files = await fileScope(r.cwd, r.artifactsDir, options.allowFilesOutside ?? false);
    const rulesClient = r.rulesTransport ? new PrometheusClient(conn, r.rulesTransport, { onExchange: r.recorder?.onExchange }) : client;
    let rulesAnswer: Promise<RulesOutcome> | undefined;
    const rules = { source: r.rulesTransport?.url ?? r.source, read: () => (rulesAnswer ??= rulesClient.rules(signal)) };
    const ctx: CheckContext = { client, rules, promSource: r.source, at: r.at, windowSeconds, window, stepSeconds, vars, cwd: r.cwd, files, secrets, signal };
    // Resolve every template before any I/O, so a typo fails fast as exit 2 with nothing half-done.
    const prepared = definitions.gates.map((g) => ({ gate: g, checks: g.checks.map((c) => prepareCheck(g, c, ctx)) }));
    await confineChecks(prepared, ctx);
    // The pre-flight's round trip overlaps the queries' (the client holds their answers until it is answered).
    const checkingServer =
      !replaying && prepared.some((p) => p.gate.checks.some((c) => PROMETHEUS_CHECKS.has(c.type)))
        ? client.preflight(r.at, signal).then((result) => {
            onProgress?.({ kind: 'preflight', source: r.source, result });
            return result;
          })
        : undefined;
    const total = prepared.length;
    let completed = 0;
    const evaluated: Promise<GateResult[]> = Promise.all(
      prepared.map(async ({ gate, checks }, index) => {
        onProgress?.({ kind: 'gate-start', gate: gate.key, name: gate.name, index, total });
        const results = await Promise.all(
          checks.map(async (p) => {
            const check = await runCheck(p, ctx);
            onProgress?.({ kind: 'check-done', gate: gate.key, index, total, check });
            return check;
          }),
        );
        const result = gateResult(gate, results);
        onProgress?.({ kind: 'gate-done', gate: gate.key, name: gate.name, index, total, completed: ++completed, result });
        return result;
      }),
    );
    const [preflight, gates]: [Preflight | undefined, GateResult[]] = await Promise.all([checkingServer, evaluated]);
    signal.throwIfAborted();
    const report = buildReport(gates, {
      windowHours: r.windowHours,
      window,
      at: r.at,
      dataMode: r.dataMode,
      source: r.source,
      gatesFile,
      profile: r.profile,
      outage: findOutage(gates, r.source, preflight && !preflight.ok ? preflight : undefined),
    });
    const meta = { source: r.source, at: r.at.toISOString(), window_hours: r.windowHours, profile: r.profile ?? null, variables: r.variables };
    // One text for the file and the history, so the digest the report cites is the history's too.
    const recording = r.recorder?.text(meta);
    if (recording !== undefined && options.data?.mode === 'record') {
      // The report cites its raw responses by digest, so its decision can be re-derived by replaying them.
      await writeFileAtomic(path.resolve(r.cwd, options.data.file), recording);
      report.recording = { file: options.data.file, sha256: sha256Hex(recording) };
    }
    return { report, recording };
  } finally {
    await Promise.all([r.transport.close(), r.rulesTransport?.close()]);
  }
}
