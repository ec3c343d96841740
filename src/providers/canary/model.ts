// The Canary view's model: plain data (no 'vscode' import) built from results files and progress
// events, so the tree and the extension tests read the same thing; tree.ts turns it into TreeItems.
import path from 'node:path';
import type { AbResult, CanaryResults, HealthResult, RunResult, SequenceEntry } from '../../core/canary';

export interface IconModel {
  id: string;
  color?: string;
}

export interface CheckNodeModel {
  kind: 'check';
  key: string;
  label: string;
  description: string;
  ok: boolean;
  icon: IconModel;
}

export type RunState = 'running' | 'healthy' | 'unhealthy' | 'failed' | 'timeout' | 'hard_trip' | 'cancelled';

export interface RunNodeModel {
  kind: 'run';
  key: string;
  runId: number;
  label: string;
  /** "healthy · 0.27s", "failed · exit code 2 · 1.02s". */
  description: string;
  state: RunState;
  /** Why the run is not healthy (failure, timeout, failed checks); null when healthy or running. */
  reason: string | null;
  durationS: number | null;
  icon: IconModel;
  tooltip: string;
  checks: CheckNodeModel[];
  /** Absolute paths, for "Open Summary" / "Open Log". */
  runDir: string;
  summaryFile: string | null;
  logFile: string | null;
}

export type SequenceStatus = 'PASS' | 'FAIL' | 'RUNNING' | 'INCOMPLETE';

export interface SequenceNodeModel {
  kind: 'sequence';
  key: string;
  /** The folder name under artifacts/canary (the UTC start stamp). */
  name: string;
  label: string;
  description: string;
  status: SequenceStatus;
  dataMode: 'live' | 'demo';
  successRate: number | null;
  healthRate: number | null;
  plannedRuns: number | null;
  hardTrip: boolean;
  icon: IconModel;
  tooltip: string;
  runs: RunNodeModel[];
}

export interface PastNodeModel {
  kind: 'past';
  key: 'past';
  label: string;
  sequences: SequenceNodeModel[];
}

export interface CanaryViewModel {
  /** The sequence running now, or else the newest one on disk. */
  latest: SequenceNodeModel | undefined;
  /** Older sequences from artifacts/canary/, newest first. */
  past: SequenceNodeModel[];
}

const ICONS: Record<RunState | SequenceStatus, IconModel> = {
  running: { id: 'loading~spin' },
  healthy: { id: 'pass', color: 'testing.iconPassed' },
  unhealthy: { id: 'warning', color: 'problemsWarningIcon.foreground' },
  failed: { id: 'error', color: 'testing.iconFailed' },
  timeout: { id: 'watch', color: 'testing.iconFailed' },
  hard_trip: { id: 'stop-circle', color: 'testing.iconFailed' },
  cancelled: { id: 'circle-slash', color: 'disabledForeground' },
  PASS: { id: 'pass-filled', color: 'testing.iconPassed' },
  FAIL: { id: 'error', color: 'testing.iconFailed' },
  RUNNING: { id: 'loading~spin' },
  INCOMPLETE: { id: 'question', color: 'problemsInfoIcon.foreground' },
};

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** Escapes text for Markdown so output from a run cannot inject links or formatting. */
function md(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

function runState(run: RunResult, health: HealthResult | undefined): RunState {
  switch (run.outcome) {
    case 'timeout':
    case 'hard_trip':
    case 'cancelled':
      return run.outcome;
    case 'failed':
    case 'spawn_error':
      return 'failed';
    default:
      if (!run.success) return 'failed';
      return health?.healthy ? 'healthy' : 'unhealthy';
  }
}

function checkValue(v: unknown): string {
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) return `{${Object.keys(v).length} keys}`;
  return JSON.stringify(v) ?? 'null';
}

/** A finished run as the tree shows it; paths in results are relative to `root`. */
export function runNode(run: RunResult, health: HealthResult | undefined, root: string, seqKey: string): RunNodeModel {
  const state = runState(run, health);
  const abs = (p: string | null | undefined) => (p ? path.resolve(root, p) : null);
  const reason = state === 'healthy' ? null : state === 'unhealthy' ? (health?.reason ?? 'unhealthy') : (run.reason ?? `exit code ${run.exit_code}`);
  const key = `${seqKey}/run-${run.run_id}`;
  const checks: CheckNodeModel[] = (health?.checks ?? []).map((c) => ({
    kind: 'check',
    key: `${key}/${c.id}`,
    label: c.id,
    description: `${c.missing ? 'missing' : checkValue(c.value)} — ${c.description}`,
    ok: c.ok,
    icon: c.ok ? ICONS.healthy : { id: 'close', color: 'testing.iconFailed' },
  }));
  const word = state === 'failed' && run.exit_code >= 0 ? `failed · exit ${run.exit_code}` : state.replace('_', ' ');
  const lines = [`**Run ${run.run_id}**: ${md(word)} in ${run.duration.toFixed(2)} s`, ''];
  if (reason) lines.push(md(reason), '');
  lines.push(`- Started: ${md(run.timestamp)}`, `- Exit code: ${run.exit_code}${run.signal ? ` (${run.signal})` : ''}`);
  if (run.run_dir) lines.push(`- Run directory: \`${run.run_dir}\``);
  lines.push(`- Summary: ${run.summary_file ? `\`${run.summary_file}\`` : '_none written_'}`);
  return {
    kind: 'run',
    key,
    runId: run.run_id,
    label: `Run ${String(run.run_id).padStart(2, '0')}${run.group ? ` (${run.group === 'baseline' ? 'A baseline' : 'B candidate'})` : ''}`,
    description: `${word} · ${run.duration.toFixed(2)}s${reason && state === 'unhealthy' ? ` · ${reason.replace(/^Unhealthy: /, '')}` : ''}`,
    state,
    reason,
    durationS: run.duration,
    icon: ICONS[state],
    tooltip: lines.join('\n'),
    checks,
    runDir: abs(run.run_dir) ?? root,
    summaryFile: abs(run.summary_file),
    logFile: abs(run.log_file),
  };
}

export function runningNode(runId: number, runDir: string, seqKey: string): RunNodeModel {
  return {
    kind: 'run',
    key: `${seqKey}/run-${runId}`,
    runId,
    label: `Run ${String(runId).padStart(2, '0')}`,
    description: 'running…',
    state: 'running',
    reason: null,
    durationS: null,
    icon: ICONS.running,
    tooltip: `**Run ${runId}** is running in \`${runDir}\``,
    checks: [],
    runDir,
    summaryFile: null,
    logFile: null,
  };
}

/** A/B mode: both groups and each metric's judgement, in words and numbers. */
function abLines(ab: AbResult): string[] {
  const nums = (xs: (number | null)[]) => xs.map((x) => (x === null ? '—' : String(Number(x.toPrecision(4))))).join(', ');
  return [
    '',
    `**A/B ${ab.status}**: baseline runs ${ab.groups.baseline.run_ids.join(', ') || '—'} (\`${md(ab.groups.baseline.command.join(' '))}\`), candidate runs ${ab.groups.candidate.run_ids.join(', ') || '—'}`,
    ...ab.metrics.flatMap((m) => [`- ${m.verdict}: ${md(m.summary)}`, `  - baseline: ${nums(m.baseline)}`, `  - candidate: ${nums(m.candidate)}`]),
  ];
}

/** A finished sequence (from its results) as the tree shows it. */
export function sequenceFromResults(name: string, r: CanaryResults, root: string): SequenceNodeModel {
  const e = r.evaluation;
  const key = `seq:${name}`;
  const runs = r.run_results.map((run, i) => runNode(run, r.health_results.find((h) => h.run_id === run.run_id) ?? r.health_results[i], root, key));
  const demo = r.data_mode === 'demo';
  const reasons = e.failure_reasons ?? [];
  const tooltip = [
    `**Canary ${e.status}**${demo ? ' _(DEMO data: bundled demo command)_' : ''}`,
    '',
    `- Profile: \`${r.config.profile}\`, gating ${r.config.gating}, ${e.total_runs}${e.planned_runs !== undefined && e.planned_runs !== e.total_runs ? ` of ${e.planned_runs}` : ''} runs`,
    `- Success: ${e.successful_runs}/${e.total_runs} = ${pct(e.success_rate)} (needs ${pct(e.success_threshold)})`,
    `- Health: ${e.healthy_runs}/${e.total_runs} = ${pct(e.health_rate)} (needs ${pct(e.health_threshold)})`,
    `- Started: ${md(r.timestamp)}`,
    ...(r.profile_lock ? [`- Profile lock: ${r.profile_lock.status}`] : []),
    ...(reasons.length ? ['', ...reasons.map((x) => `- ${md(x)}`)] : []),
    ...(r.ab ? abLines(r.ab) : []),
  ].join('\n');
  return {
    kind: 'sequence',
    key,
    name,
    label: `${demo ? 'DEMO ' : ''}${e.status}`,
    description: `success ${pct(e.success_rate)} · health ${pct(e.health_rate)}${r.ab ? ` · A/B ${r.ab.status}` : ''} · ${r.config.gating}${e.hard_trip ? ' · HARD TRIP' : ''}${e.cancelled ? ' · cancelled' : ''} · ${name}`,
    status: e.status,
    dataMode: demo ? 'demo' : 'live',
    successRate: e.success_rate,
    healthRate: e.health_rate,
    plannedRuns: e.planned_runs ?? r.config.runs,
    hardTrip: Boolean(e.hard_trip),
    icon: ICONS[e.status],
    tooltip,
    runs,
  };
}

/**
 * A sequence folder without readable results: one running in another process (the CLI) while its
 * progress file keeps growing, one that was killed (progress stopped), or a corrupt one.
 */
export function incompleteSequence(entry: SequenceEntry, root: string, now: number): SequenceNodeModel {
  const p = entry.progress;
  if (p) {
    const key = `seq:${entry.name}`;
    const runs = p.runs.map(({ run, health }) => runNode(run, health, root, key));
    const alive = now - p.updatedAt.getTime() < (p.start.run_budget_s + 30) * 1000;
    const base = runningSequence(entry.name, p.start.planned_runs, runs, p.start.data_mode === 'demo');
    if (alive) return { ...base, label: `${base.label} (elsewhere)`, tooltip: `Canary running in another process (e.g. the CLI): ${runs.length} of ${p.start.planned_runs} runs finished` };
    return {
      ...base,
      label: `${p.start.data_mode === 'demo' ? 'DEMO ' : ''}INCOMPLETE`,
      description: `interrupted after ${runs.length}/${p.start.planned_runs} runs · ${entry.name}`,
      status: 'INCOMPLETE',
      icon: ICONS.INCOMPLETE,
      tooltip: `The sequence stopped without writing its results (killed?) after ${runs.length} of ${p.start.planned_runs} runs.`,
    };
  }
  return {
    kind: 'sequence',
    key: `seq:${entry.name}`,
    name: entry.name,
    label: 'INCOMPLETE',
    description: `${entry.problem ?? 'no results'} · ${entry.name}`,
    status: 'INCOMPLETE',
    dataMode: 'live',
    successRate: null,
    healthRate: null,
    plannedRuns: null,
    hardTrip: false,
    icon: ICONS.INCOMPLETE,
    tooltip: md(entry.problem ?? 'no results'),
    runs: [],
  };
}

/** A sequence being run: rates so far over the runs finished. */
export function runningSequence(name: string, plannedRuns: number, runs: RunNodeModel[], demo: boolean): SequenceNodeModel {
  const done = runs.filter((r) => r.state !== 'running');
  const ok = done.filter((r) => r.state === 'healthy' || r.state === 'unhealthy').length;
  const healthy = done.filter((r) => r.state === 'healthy').length;
  return {
    kind: 'sequence',
    key: `seq:${name}`,
    name,
    label: `${demo ? 'DEMO ' : ''}RUNNING`,
    description: `${done.length}/${plannedRuns} runs${done.length ? ` · success ${pct(ok / done.length)} · health ${pct(healthy / done.length)}` : ''}`,
    status: 'RUNNING',
    dataMode: demo ? 'demo' : 'live',
    successRate: done.length ? ok / done.length : null,
    healthRate: done.length ? healthy / done.length : null,
    plannedRuns,
    hardTrip: done.some((r) => r.state === 'hard_trip'),
    icon: ICONS.RUNNING,
    tooltip: `Canary running: ${done.length} of ${plannedRuns} runs finished`,
    runs: [...runs].sort((a, b) => a.runId - b.runId),
  };
}

/** The model from the sequences on disk (newest first). */
export function modelFromHistory(entries: SequenceEntry[], root: string, now = Date.now()): CanaryViewModel {
  const nodes = entries.map((e) => (e.results ? sequenceFromResults(e.name, e.results, root) : incompleteSequence(e, root, now)));
  return { latest: nodes[0], past: nodes.slice(1) };
}
