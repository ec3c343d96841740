// One gates request for every face: the CLI maps flags and the extension maps settings onto a
// GatesRequest; the connection defaults, units, credentials, profile lock and the report file are
// decided here and nowhere else.
import path from 'node:path';
import { ARTIFACTS } from '../artifacts';
import { CONNECTION_DEFAULTS, type PrometheusConnection } from '../prometheus/connection';
import { writeFileAtomic } from '../util/atomicWrite';
import { InputError } from '../util/errors';
import { completion } from '../history';
import { sha256Hex } from '../pyyaml';
import { splitCredentials } from '../util/redact';
import { urlProblem } from './url';
import type { GateReport } from '../verdict/types';
import { evaluateGatesRecorded, type DataSource, type EvaluateOptions, type GateProgress } from './evaluate';
import { resolveProfile, type ProfileForGates } from './profileLock';
import { renderJson } from './render/json';

export type PrometheusAuth = { kind: 'bearer'; token: string } | { kind: 'basic'; username: string; password: string };

/** How to reach Prometheus, in the units both faces use: seconds and MiB. */
export interface ConnectionRequest {
  /** May carry `user:password@`: used as basic auth (never dropped, never shown). */
  url: string;
  auth?: PrometheusAuth;
  headers?: Record<string, string>;
  caFile?: string;
  /** Per query attempt (default 30). */
  timeoutSeconds?: number;
  /** The whole evaluation's queries, retries included (default 120). */
  deadlineSeconds?: number;
  /** Queries the server works on at once, one connection each (default 4). */
  concurrency?: number;
  /** Queries sent ahead on each connection (HTTP/1.1 pipelining; default 16, 1 = off). */
  pipelining?: number;
  retries?: number;
  /** Largest answer read (default 16). */
  maxResponseMiB?: number;
  /** Where the rules API is when not at `url` (e.g. vmalert beside VictoriaMetrics). */
  rulesUrl?: string;
}

export const REQUEST_DEFAULTS = {
  timeoutSeconds: CONNECTION_DEFAULTS.timeoutMs / 1000,
  deadlineSeconds: CONNECTION_DEFAULTS.deadlineMs / 1000,
  concurrency: CONNECTION_DEFAULTS.concurrency,
  pipelining: CONNECTION_DEFAULTS.pipelining,
  retries: CONNECTION_DEFAULTS.retries,
  maxResponseMiB: CONNECTION_DEFAULTS.maxResponseBytes / 1024 / 1024,
} as const;

export interface GatesRequest {
  /** Base of every relative path. */
  cwd: string;
  data: DataSource;
  /** Required for live and record. */
  connection?: ConnectionRequest;
  gatesFile?: string;
  artifactsDir?: string;
  windowHours?: number;
  at?: Date;
  /** Profile under evaluation: its lock must validate unless it says profile_lock.enforced: false. */
  profileFile?: string;
  variables?: Record<string, string>;
  retrySeed?: number;
  /** File checks may read outside the workspace and artifacts folder (a user's choice, never a workspace's). */
  allowFilesOutside?: boolean;
  /** Environment whose secret-looking values no report may quote; default process.env. */
  env?: NodeJS.ProcessEnv;
}

function positive(name: string, value: number | undefined, fallback: number, integer = false): number {
  const v = value ?? fallback;
  if (!Number.isFinite(v) || (integer ? !Number.isInteger(v) || v < 0 : v <= 0)) throw new InputError(`${name} must be a ${integer ? 'whole number ≥ 0' : 'positive number'}, got ${value}`);
  return v;
}

/** The engine's connection: defaults applied, seconds to ms, credentials out of the URL. */
export function resolveConnection(req: ConnectionRequest): PrometheusConnection {
  const problem = urlProblem(req.url);
  if (problem) throw new InputError(`Prometheus URL ${problem}`);
  const { url, username, password } = splitCredentials(req.url);
  let auth = req.auth;
  if (username !== undefined) {
    if (auth) throw new InputError(`the Prometheus URL carries credentials and ${auth.kind === 'bearer' ? 'a bearer token' : 'basic auth'} is also given: use one of them`);
    auth = { kind: 'basic', username, password: password ?? '' };
  }
  if (auth?.kind === 'basic' && auth.username.includes(':')) throw new InputError('a basic-auth user name cannot contain ":"');
  const concurrency = positive('concurrency', req.concurrency, REQUEST_DEFAULTS.concurrency, true);
  if (concurrency < 1) throw new InputError('concurrency must be at least 1');
  const pipelining = positive('pipelining', req.pipelining, REQUEST_DEFAULTS.pipelining, true);
  if (pipelining < 1) throw new InputError('pipelining must be at least 1');
  return {
    url,
    ...(auth?.kind === 'bearer' ? { bearerToken: auth.token } : {}),
    ...(auth?.kind === 'basic' ? { basicAuth: { username: auth.username, password: auth.password } } : {}),
    headers: { ...req.headers },
    ...(req.caFile ? { caFile: req.caFile } : {}),
    ...(req.rulesUrl ? { rulesUrl: req.rulesUrl } : {}),
    timeoutMs: positive('timeout', req.timeoutSeconds, REQUEST_DEFAULTS.timeoutSeconds) * 1000,
    deadlineMs: positive('deadline', req.deadlineSeconds, REQUEST_DEFAULTS.deadlineSeconds) * 1000,
    concurrency,
    pipelining,
    retries: positive('retries', req.retries, REQUEST_DEFAULTS.retries, true),
    maxResponseBytes: Math.round(positive('maxResponseMiB', req.maxResponseMiB, REQUEST_DEFAULTS.maxResponseMiB) * 1024 * 1024),
  };
}

export interface PreparedGates {
  options: EvaluateOptions;
  profile?: ProfileForGates;
}

/** Checks and resolves a request before any query: connection, then the profile's lock (refused if it does not validate). */
export async function prepareGates(req: GatesRequest, signal: AbortSignal): Promise<PreparedGates> {
  const live = req.data.mode === 'live' || req.data.mode === 'record';
  if (live && !req.connection?.url) throw new InputError('no Prometheus URL given (use --prometheus-url, or --demo / --replay FILE for recorded data)');
  const prometheus = live && req.connection ? resolveConnection(req.connection) : undefined;
  const profile = req.profileFile ? await resolveProfile(path.resolve(req.cwd, req.profileFile), signal) : undefined;
  const options: EvaluateOptions = {
    cwd: req.cwd,
    data: req.data,
    ...(req.gatesFile ? { gatesFile: req.gatesFile } : {}),
    ...(prometheus ? { prometheus } : {}),
    ...(req.artifactsDir ? { artifactsDir: req.artifactsDir } : {}),
    ...(req.windowHours !== undefined ? { windowHours: req.windowHours } : {}),
    ...(req.at ? { at: req.at } : {}),
    ...(profile ? { profile: profile.name } : {}),
    ...(req.variables ? { variables: req.variables } : {}),
    ...(req.retrySeed !== undefined ? { retrySeed: req.retrySeed } : {}),
    ...(req.allowFilesOutside ? { allowFilesOutside: true } : {}),
    ...(req.env ? { env: req.env } : {}),
  };
  return { options, ...(profile ? { profile } : {}) };
}

/** One evaluation from a request (with the raw answers of a live one, for the history). `onPrepared` hears the resolved profile before the first query. */
export async function runGates(
  req: GatesRequest,
  signal: AbortSignal,
  hooks: { onPrepared?: (p: PreparedGates) => void; onProgress?: (p: GateProgress) => void } = {},
): Promise<{ report: GateReport; recording?: string; profile?: ProfileForGates }> {
  const prepared = await prepareGates(req, signal);
  hooks.onPrepared?.(prepared);
  const { report, recording } = await evaluateGatesRecorded(prepared.options, signal, hooks.onProgress);
  return { report, ...(recording !== undefined ? { recording } : {}), ...(prepared.profile ? { profile: prepared.profile } : {}) };
}

/** The current report of a workspace: `<root>/artifacts/ga/gates_report.json` for every face. */
export function currentReportFile(root: string): string {
  return path.resolve(root, ARTIFACTS.gateReport);
}

/**
 * Writes the current report of `root` (both faces): a live report that cites no recording gets its
 * raw answers saved beside it (artifacts/ga/gates_recording.json) and cited by SHA-256, so the
 * checklist and promotion can re-derive its decision. Returns the report as written.
 */
export async function writeCurrentReport(root: string, report: GateReport, recording: string | undefined): Promise<{ file: string; report: GateReport }> {
  let current = report;
  if (report.data_mode === 'live' && !report.recording && recording !== undefined) {
    await writeText(path.resolve(root, ARTIFACTS.gatesRecording), recording);
    current = { ...report, recording: { file: ARTIFACTS.gatesRecording, sha256: sha256Hex(recording) } };
  }
  const file = currentReportFile(root);
  await writeReport(file, current);
  return { file, report: current };
}

/** Writes a report as JSON in the original's key order, atomically; a refusal of the file system is the user's input problem. */
export async function writeReport(file: string, report: GateReport): Promise<void> {
  await writeText(file, renderJson(report));
}

export async function writeText(file: string, text: string): Promise<void> {
  try {
    await writeFileAtomic(file, text);
  } catch (err) {
    throw new InputError(`cannot write: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
}

/**
 * Whether a report may replace the current one by itself (core/history's rule for a completed run):
 * an evaluation that could not be carried out does not (the last good one is kept); it is still
 * printed, written where --output says, and kept in the history.
 */
export function replacesCurrent(report: GateReport): boolean {
  return completion('gates', report).completed;
}
