import { ARTIFACTS } from '../../core/artifacts';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  currentReportFile,
  dataModeLine,
  locateChecks,
  renderGateMetrics,
  renderGithub,
  renderJson,
  renderJunit,
  renderMarkdown,
  REQUEST_DEFAULTS,
  replacesCurrent,
  runGates,
  urlProblem,
  writeCurrentReport,
  writeText,
  type ConnectionRequest,
  type DataSource,
  type GateProgress,
  type GatesRequest,
  type PrometheusAuth,
} from '../../core/gates';
import { stripControls } from '../../core/util';
import { numberFlag, parseFlags, UsageError } from '../args';
import { didYouMean } from '../suggest';
import { type CliCommand, type CliIO } from '../command';
import { keepInCliHistory } from '../keepHistory';
import { pushExposition, pushTarget } from '../push';

const usage = `Usage: aurora-ga gates --prometheus-url URL [options]
       aurora-ga gates --replay FILE | --demo [options]

Evaluates the GA gates (default: the bundled configs/gates/aurora-ga.yaml) once, from Prometheus
and artifact files, and prints the report with the evidence behind every verdict.

Options:
  --prometheus-url URL   Prometheus-compatible API (env AURORA_PROMETHEUS_URL); user:pass@ in it is
                         used as basic auth
  --rules-url URL        where the rules API (/api/v1/rules) is, if not at --prometheus-url:
                         e.g. vmalert beside VictoriaMetrics (env AURORA_RULES_URL); alert checks
                         need it to prove their rule is loaded
  --artifacts-dir DIR    artifacts folder for file checks (default artifacts)
  --window-hours N       the window every \${window} becomes (default 48)
  --at TIME              evaluation time: RFC 3339 with offset (2026-11-27T04:00:00Z) or Unix seconds
                         (default now; a replay defaults to the recorded time)
  --format FMT           json | md | junit | github (default json). md: a summary table for a
                         pull-request comment, the evidence folded below; github: GitHub Actions
                         annotations (::error/::warning on the check's line in the gates file,
                         ::notice for the decision), and with $GITHUB_STEP_SUMMARY set the md report
                         is appended to the job summary
  --output FILE          write the report to FILE (atomically) instead of stdout
  --no-save              do not update artifacts/ga/gates_report.json (the current report, kept
                         anyway when the evaluation could not be carried out)
  --gates FILE           gate definitions (YAML) instead of the bundled ones
  --profile PATH         profile under evaluation: \${profile} is its name; its lock must validate
                         unless the profile says profile_lock.enforced: false
  --var NAME=VALUE       set a gates-file variable (repeatable), e.g. --var tolerance=0.03
  --metrics-out FILE     also write aurora_ga_* metrics (Prometheus text format, textfile collector)
  --push-url URL         also push them to a Pushgateway (job aurora-ga-gates, or --push-job NAME)
  --record FILE          query live and save every raw Prometheus response to FILE
  --replay FILE          answer every query from a recording (data mode "replay"; never promotes)
  --demo                 replay the bundled demo recording and artifacts (data mode "demo")
  --token-file FILE      bearer token file (or env AURORA_PROM_TOKEN)
  --user USER[:PASS]     basic auth (password also from env AURORA_PROM_PASSWORD)
  --header 'NAME: VAL'   extra HTTP header, repeatable (e.g. 'X-Scope-OrgID: team-a')
  --ca-file FILE         PEM CA bundle to trust for https
  --timeout S            per-query client deadline in seconds (default 30)
  --deadline S           one deadline in seconds for all queries, retries included (default 120)
  --concurrency N        queries the server works on at once, one connection each (default 4)
  --pipelining N         queries sent ahead on each connection, HTTP/1.1 pipelining (default 16;
                         1 = off, for a proxy that mishandles it)
  --retries N            retries on refused connections, HTTP 5xx and 429 (default 2; capped,
                         jittered backoff honouring Retry-After; 400/422 are never retried)
  --max-response-mb N    largest Prometheus answer read, in MiB (default 16); larger is ERROR
  --quiet                no progress lines on stderr
  --allow-outside-files  let file checks read outside the current folder and --artifacts-dir
                         (refused by default, after following symlinks; /proc, /sys, /dev never)

Every evaluation is also kept in <artifacts-dir>/history/gates/ (the JSON report, and for a live
evaluation every raw Prometheus answer); see 'aurora-ga history'.

Exit codes: 0 APPROVED, 1 BLOCKED, 2 usage or configuration error, 3 CONDITIONAL,
4 INCONCLUSIVE (also: replay/demo data that would approve — recorded data never promotes),
5 the evaluation could not be carried out (Prometheus unreachable, not Prometheus, auth, TLS,
timeout, 5xx/429 after retries, deadline), 130 interrupted.
`;

const FORMATS = ['json', 'md', 'junit', 'github'] as const;
type Format = (typeof FORMATS)[number];

/** RFC 3339 with an explicit offset, or Unix seconds; a naive local time is refused (the original's bug). */
export function parseAt(raw: string): Date {
  if (/^\d+(\.\d+)?$/.test(raw)) return new Date(Number(raw) * 1000);
  if (!/^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/.test(raw)) {
    throw new UsageError(`--at must be RFC 3339 with a UTC offset (e.g. 2026-11-27T04:00:00Z) or Unix seconds, got '${raw}'`);
  }
  const d = new Date(raw);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--at: '${raw}' is not a valid time`);
  return d;
}

function parseHeaders(values: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const h of values) {
    const i = h.indexOf(':');
    if (i < 1) throw new UsageError(`--header must be 'Name: value', got '${h}'`);
    headers[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  return headers;
}

function parseVars(values: string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const v of values) {
    const m = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/s.exec(v);
    if (!m) throw new UsageError(`--var must be NAME=VALUE, got '${v}'`);
    vars[m[1]] = m[2];
  }
  return vars;
}

function readSecretFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new UsageError(`--token-file: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function progressPrinter(io: CliIO): (p: GateProgress) => void {
  return (p) => {
    if (p.kind === 'preflight') {
      io.stderr(p.result.ok ? `prometheus ${p.source}: answers (${p.result.durationMs} ms)\n` : `prometheus ${p.source}: ${p.result.message} (${p.result.durationMs} ms)\n`);
      return;
    }
    if (p.kind === 'retry') {
      io.stderr(`retry ${p.retry} in ${p.delayMs} ms: ${p.reason}\n`);
      return;
    }
    if (p.kind !== 'gate-done') return;
    const ms = Math.max(0, ...p.result.checks.map((c) => c.evidence.duration_ms));
    io.stderr(`gate ${p.completed}/${p.total} ${p.gate}: ${p.result.status} (${Math.round(ms)} ms)\n`);
  };
}

/** The job summary is GitHub's file, shared by every step: appended to, never replaced; a failure is reported and the verdict's exit code kept. */
async function appendSummary(io: CliIO, file: string, markdown: string): Promise<void> {
  try {
    await fs.appendFile(path.resolve(io.cwd, file), `${markdown}\n`);
  } catch (err) {
    io.stderr(`aurora-ga gates: cannot append to GITHUB_STEP_SUMMARY ${stripControls(file)}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
  }
}

async function run(argv: string[], io: CliIO, signal: AbortSignal): Promise<number> {
  const { values: f } = parseFlags(argv, {
    'prometheus-url': { type: 'string' },
    'rules-url': { type: 'string' },
    'artifacts-dir': { type: 'string' },
    'window-hours': { type: 'string' },
    at: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    gates: { type: 'string' },
    profile: { type: 'string' },
    var: { type: 'string', multiple: true },
    'metrics-out': { type: 'string' },
    'push-url': { type: 'string' },
    'push-job': { type: 'string' },
    record: { type: 'string' },
    replay: { type: 'string' },
    demo: { type: 'boolean' },
    'token-file': { type: 'string' },
    user: { type: 'string' },
    header: { type: 'string', multiple: true },
    'ca-file': { type: 'string' },
    timeout: { type: 'string' },
    deadline: { type: 'string' },
    concurrency: { type: 'string' },
    pipelining: { type: 'string' },
    retries: { type: 'string' },
    'max-response-mb': { type: 'string' },
    'no-save': { type: 'boolean' },
    quiet: { type: 'boolean' },
    'allow-outside-files': { type: 'boolean' },
  });
  const format = (f.format ?? 'json') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, got '${f.format}'${didYouMean(format, FORMATS)}`);
  const push = pushTarget(f['push-url'], f['push-job'], 'aurora-ga-gates');
  const modes = [f.record && '--record', f.replay && '--replay', f.demo && '--demo'].filter(Boolean);
  if (modes.length > 1) throw new UsageError(`${modes.join(' and ')} cannot be combined`);
  const data: DataSource = f.demo ? { mode: 'demo' } : f.replay ? { mode: 'replay', file: f.replay } : f.record ? { mode: 'record', file: f.record } : { mode: 'live' };
  const url = f['prometheus-url'] ?? io.env.AURORA_PROMETHEUS_URL;
  if ((data.mode === 'live' || data.mode === 'record') && !url) {
    throw new UsageError('--prometheus-url (or AURORA_PROMETHEUS_URL) is required; use --demo or --replay FILE to evaluate recorded data');
  }
  if (url !== undefined) {
    const problem = urlProblem(url);
    if (problem) throw new UsageError(`--prometheus-url: ${problem}`);
  }
  const windowHours = f['window-hours'] === undefined ? undefined : numberFlag('window-hours', f['window-hours'], 48, { min: 1 / 60, minText: '1/60 (one minute)' });
  let auth: PrometheusAuth | undefined;
  if (f.user) {
    const i = f.user.indexOf(':');
    const password = i >= 0 ? f.user.slice(i + 1) : io.env.AURORA_PROM_PASSWORD;
    if (password === undefined) throw new UsageError('--user USER needs a password: --user USER:PASS or env AURORA_PROM_PASSWORD');
    auth = { kind: 'basic', username: i >= 0 ? f.user.slice(0, i) : f.user, password };
  }
  const bearerToken = f['token-file'] ? readSecretFile(path.resolve(io.cwd, f['token-file'])) : io.env.AURORA_PROM_TOKEN || undefined;
  if (bearerToken && auth) throw new UsageError('choose either a bearer token (--token-file / AURORA_PROM_TOKEN) or --user, not both');
  if (bearerToken) auth = { kind: 'bearer', token: bearerToken };
  const optional = (name: string, raw: string | undefined, fallback: number, o: { min: number; integer?: boolean }) => (raw === undefined ? undefined : numberFlag(name, raw, fallback, o));
  const rulesUrl = f['rules-url'] ?? io.env.AURORA_RULES_URL;
  const connection: ConnectionRequest | undefined = url
    ? {
        url,
        ...(rulesUrl ? { rulesUrl } : {}),
        ...(auth ? { auth } : {}),
        headers: parseHeaders(f.header ?? []),
        ...(f['ca-file'] ? { caFile: path.resolve(io.cwd, f['ca-file']) } : {}),
        timeoutSeconds: optional('timeout', f.timeout, REQUEST_DEFAULTS.timeoutSeconds, { min: 0.001 }),
        deadlineSeconds: optional('deadline', f.deadline, REQUEST_DEFAULTS.deadlineSeconds, { min: 0.001 }),
        concurrency: optional('concurrency', f.concurrency, REQUEST_DEFAULTS.concurrency, { min: 1, integer: true }),
        pipelining: optional('pipelining', f.pipelining, REQUEST_DEFAULTS.pipelining, { min: 1, integer: true }),
        retries: optional('retries', f.retries, REQUEST_DEFAULTS.retries, { min: 0, integer: true }),
        maxResponseMiB: optional('max-response-mb', f['max-response-mb'], REQUEST_DEFAULTS.maxResponseMiB, { min: 0.001 }),
      }
    : undefined;
  const request: GatesRequest = {
    cwd: io.cwd,
    data,
    ...(connection ? { connection } : {}),
    ...(f.gates ? { gatesFile: f.gates } : {}),
    ...(f['artifacts-dir'] ? { artifactsDir: f['artifacts-dir'] } : {}),
    ...(windowHours !== undefined ? { windowHours } : {}),
    ...(f.at ? { at: parseAt(f.at) } : {}),
    ...(f.profile ? { profileFile: f.profile } : {}),
    variables: parseVars(f.var ?? []),
    allowFilesOutside: Boolean(f['allow-outside-files']),
    env: io.env,
  };
  const { report, recording } = await runGates(request, signal, {
    onPrepared: ({ profile }) => {
      if (profile && !f.quiet) io.stderr(`profile ${profile.name}: lock ${profile.lock.enforced ? profile.lock.detail : `not enforced (${profile.lock.detail})`}\n`);
    },
    ...(f.quiet ? {} : { onProgress: progressPrinter(io) }),
  });
  const json = renderJson(report);
  await keepInCliHistory(io, 'gates', f['artifacts-dir'] ?? ARTIFACTS.dir, json, recording, signal);
  // Annotations name the gates file as the repository does: relative to the checkout in GitHub Actions.
  const root = io.env.GITHUB_WORKSPACE || io.cwd;
  const text = format === 'md' ? renderMarkdown(report) : format === 'junit' ? renderJunit(report) : format === 'github' ? renderGithub(report, await locateChecks(report.gates_file, root)) : json;
  // The source can come from a recording file: nothing in it may drive the terminal.
  const mode = stripControls(`data: ${dataModeLine(report)}${data.mode === 'record' ? ` (recorded to ${data.file})` : ''}`);
  if (f['metrics-out']) await writeText(path.resolve(io.cwd, f['metrics-out']), renderGateMetrics(report));
  if (push) await pushExposition(io, 'gates', push, renderGateMetrics(report), signal);
  if (f.output) {
    await writeText(path.resolve(io.cwd, f.output), text);
    io.stdout(`Report saved to ${f.output} (${mode})\n`);
  } else {
    io.stdout(text);
  }
  if (format === 'github' && io.env.GITHUB_STEP_SUMMARY) await appendSummary(io, io.env.GITHUB_STEP_SUMMARY, renderMarkdown(report));
  if (!f['no-save']) {
    const current = currentReportFile(io.cwd);
    if (replacesCurrent(report)) await writeCurrentReport(io.cwd, report, recording);
    else if (!f.quiet) io.stderr(`${path.relative(io.cwd, current)} kept: an evaluation that could not be carried out does not replace it\n`);
  }
  const code = report.exit_code ?? 4;
  if (report.evaluation_error && report.decision_code === 'ERROR') io.stderr(`aurora-ga gates: [ERROR] ${stripControls(report.evaluation_error.message)}\n`);
  const why = report.decision_code !== 'APPROVED' && report.decision_code !== 'ERROR' && report.decision_reason ? ` — ${stripControls(report.decision_reason)}` : '';
  io.stderr(`${report.decision_code} (exit ${code})${why} — ${mode}${report.promotable ? '' : ' — not promotable'}\n`);
  return code;
}

export const gatesCommand: CliCommand = {
  usage,
  run,
};
