import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { replacementFor } from '../history/current';
import { pruneHistory } from '../history/prune';
import { writeFileAtomic } from '../util/atomicWrite';
import { InputError } from '../util/errors';
import { pause } from '../util/pause';
import { abGroup, judgeAb, withAb } from './ab';
import type { CanaryConfig } from './config';
import { evaluateSequence } from './evaluate';
import { analyseSummary, unhealthy } from './health';
import { parseJsonText } from '../util/jsonSource';
import { appendProgress } from './progressLog';
import { checkPlaceholders, expand, type PlaceholderValues } from './placeholders';
import { classify, logText, type Classified } from './outcome';
import { runProcess } from './processRun';
import type { CanaryLockStatus, CanaryResults, HealthResult, RunResult } from './results';
import { lastChars } from './tail';

/** Everything one canary sequence needs, already resolved (flags over config over defaults). */
export interface CanaryPlan {
  /** Absolute path of the profile under test. */
  profile: string;
  /** Workspace / repository root: relative paths in the config and the results are from here. */
  root: string;
  config: CanaryConfig;
  /** The config file the plan came from (null: built-in defaults), for messages and ${configDir}. */
  configFile: string | null;
  /** Absolute path of the results file to write. */
  output: string;
  /** The Node executable for ${node}. */
  node: string;
  /** Outcome of the profile-lock check done before the first run. */
  lock: CanaryLockStatus;
  /**
   * `if-complete` (default): a cancelled sequence does not replace completed results at `output`
   * (it stays in its sequence folder; the face may ask and call writeCurrentResults). `always`: the
   * user named the output, write it whatever happened.
   */
  writeCurrent?: 'always' | 'if-complete';
}

/** Writes results as the current canary results file (atomically). */
export async function writeCurrentResults(file: string, results: CanaryResults): Promise<void> {
  await writeFileAtomic(file, `${JSON.stringify(results, null, 2)}\n`);
}

/** Whether runCanary wrote `plan.output`: false when a cancelled run met completed results there. */
export async function currentWasReplaced(plan: CanaryPlan, results: CanaryResults): Promise<boolean> {
  const text = await fs.readFile(plan.output, 'utf8').catch(() => undefined);
  return text === `${JSON.stringify(results, null, 2)}\n`;
}

export type CanaryProgress =
  | { kind: 'sequence-start'; sequenceDir: string; plannedRuns: number; startedAt: string }
  | { kind: 'run-start'; runId: number; runDir: string }
  | { kind: 'run-end'; run: RunResult; health: HealthResult; finished: number; plannedRuns: number }
  | { kind: 'hard-trip'; runId: number }
  | { kind: 'waiting'; nextRunId: number; ms: number; plannedRuns: number };

/** Posix path relative to the root when inside it (results stay portable); absolute otherwise. */
export function displayPath(root: string, p: string): string {
  const rel = path.relative(root, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** A new, empty folder for this sequence, so no earlier sequence's file can ever be taken for this one's. */
async function makeSequenceDir(base: string, start: Date): Promise<string> {
  await fs.mkdir(base, { recursive: true });
  for (let n = 1; ; n++) {
    const dir = path.join(base, n === 1 ? stamp(start) : `${stamp(start)}-${n}`);
    try {
      await fs.mkdir(dir);
      return dir;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

const runDirName = (id: number) => `run-${String(id).padStart(2, '0')}`;

/** Coarse file-system clocks (FAT, some network mounts) round modification times by up to 2 s. */
const MTIME_SLACK_MS = 2000;

/**
 * The run's own summary: a regular file in the run directory, written during this run. A symlink
 * (to a stale file elsewhere), a hard link, a folder or a file older than the run is refused with the
 * reason; the file is opened without following links so it cannot be swapped between check and read.
 */
async function readOwnSummary(file: string, runDir: string, started: Date, shown: string): Promise<{ text: string } | { missing: true } | { refused: string }> {
  // Compared with the real sequence folder, so a workspace reached through a symlink is not refused.
  const [realDir, realParent] = await Promise.all([fs.realpath(runDir).catch(() => null), fs.realpath(path.dirname(runDir)).catch(() => null)]);
  if (realDir === null || realParent === null || realDir !== path.join(realParent, path.basename(runDir))) return { refused: `the run directory ${displayPath(path.dirname(runDir), runDir)} was replaced (by a link to ${realDir ?? 'nothing'})` };
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW | fsConstants.O_NONBLOCK);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { missing: true };
    if (code === 'ELOOP') return { refused: `${shown} is a symlink (to ${await fs.readlink(file).catch(() => '?')}), not a file the run wrote in its own directory` };
    return { refused: `cannot read ${shown}: ${code ?? (err as Error).message}` };
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { refused: `${shown} is not a regular file` };
    if (st.nlink > 1) return { refused: `${shown} has ${st.nlink} hard links: it is not a file of this run alone` };
    if (st.mtimeMs < started.getTime() - MTIME_SLACK_MS) return { refused: `${shown} was last modified at ${new Date(st.mtimeMs).toISOString()}, before the run started (${started.toISOString()}): a stale file` };
    return { text: await handle.readFile('utf8') };
  } finally {
    await handle.close();
  }
}

/** Health of one run: only a successful run with its own readable summary can be healthy. */
async function judge(runId: number, runDir: string, started: Date, c: Classified, plan: CanaryPlan): Promise<{ health: HealthResult; summary: string | null; parsed?: unknown }> {
  const file = path.join(runDir, plan.config.summary_file);
  const shown = displayPath(plan.root, file);
  const own = await readOwnSummary(file, runDir, started, shown);
  const summary = 'missing' in own ? null : file;
  if (c.outcome !== 'success') return { health: unhealthy(runId, `Run failed: ${c.reason}`), summary };
  if ('refused' in own) return { health: unhealthy(runId, `Analysis failed: ${own.refused}`), summary };
  if ('missing' in own) return { health: unhealthy(runId, `No summary file: the run wrote no ${plan.config.summary_file} in its run directory`), summary };
  try {
    const parsed = parseJsonText(own.text, shown);
    return { health: analyseSummary(parsed, plan.config.health_checks, runId), summary, parsed };
  } catch (err) {
    const msg = err instanceof InputError ? err.format() : (err as Error).message;
    return { health: unhealthy(runId, `Analysis failed: ${msg}`), summary };
  }
}

/**
 * Runs one canary sequence and writes its results (into the sequence folder and to plan.output,
 * atomically). A hard-gating trip stops the sequence at once; cancellation through `signal` kills
 * the running children's process groups and still returns (and writes) the partial results.
 */
export async function runCanary(plan: CanaryPlan, signal: AbortSignal, onProgress: (p: CanaryProgress) => void = () => {}): Promise<CanaryResults> {
  const { config } = plan;
  const where = plan.configFile ?? 'canary config';
  checkPlaceholders([...config.command, ...(config.ab?.baseline_command ?? []), ...config.gating_args, ...Object.values(config.env)], where);
  const cwd = path.resolve(plan.root, config.cwd ?? '.');
  // A missing cwd would surface as the program's ENOENT in every run; say what is really missing.
  if (!(await fs.stat(cwd).catch(() => null))?.isDirectory()) throw new InputError(`cwd ${cwd} is not a directory`, { file: where });
  const startDate = new Date();
  const sequenceDir = await makeSequenceDir(path.resolve(plan.root, config.artifacts_dir), startDate);
  await appendProgress(sequenceDir, {
    kind: 'start',
    started_at: startDate.toISOString(),
    profile: displayPath(plan.root, plan.profile),
    planned_runs: config.runs,
    gating: config.gating,
    data_mode: config.data_mode,
    run_budget_s: config.timeout_seconds + config.kill_grace_seconds + config.interval_seconds,
  });
  onProgress({ kind: 'sequence-start', sequenceDir, plannedRuns: config.runs, startedAt: startDate.toISOString() });

  const stop = new AbortController();
  const runSignal = AbortSignal.any([signal, stop.signal]);
  let stoppedBy: string | null = null;
  let hardTripRunId: number | null = null;
  const records: { run: RunResult; health: HealthResult; parsed?: unknown }[] = [];
  let nextId = 1;

  const oneRun = async (runId: number) => {
    const runDir = path.join(sequenceDir, runDirName(runId));
    await fs.mkdir(runDir);
    const values: PlaceholderValues = {
      profile: plan.profile,
      runId: String(runId),
      runDir,
      gating: config.gating,
      node: plan.node,
      configDir: plan.configFile ? path.dirname(plan.configFile) : plan.root,
    };
    const group = config.ab ? abGroup(runId) : undefined;
    const command = group === 'baseline' ? config.ab!.baseline_command : config.command;
    const argv = [...command, ...(config.gating === 'none' ? [] : config.gating_args)].map((a) => expand(a, values));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...Object.fromEntries(Object.entries(config.env).map(([k, v]) => [k, expand(v, values)])),
      AURORA_RUN_DIR: runDir,
      AURORA_RUN_ID: String(runId),
      AURORA_PROFILE: plan.profile,
      AURORA_CANARY_GATING: config.gating,
      // In desktop VS Code ${node} is the editor's Electron binary, which acts as Node only when told.
      ...(process.versions.electron && argv[0] === plan.node ? { ELECTRON_RUN_AS_NODE: '1' } : {}),
    };
    const started = new Date();
    onProgress({ kind: 'run-start', runId, runDir });
    const p = await runProcess(
      { argv, cwd, env, timeoutMs: config.timeout_seconds * 1000, killGraceMs: config.kill_grace_seconds * 1000, tailBytes: config.log_tail_bytes },
      runSignal,
    );
    const c = classify(p, config, signal.aborted ? null : stoppedBy);
    const logFile = path.join(runDir, 'output.log');
    await writeFileAtomic(logFile, logText(argv, p, c));
    const { health, summary, parsed } = await judge(runId, runDir, started, c, plan);
    const run: RunResult = {
      run_id: runId,
      timestamp: started.toISOString(),
      success: c.outcome === 'success',
      exit_code: c.exitCode,
      duration: Math.round(p.durationMs) / 1000,
      summary_file: summary && displayPath(plan.root, summary),
      stdout: lastChars(p.stdout.text(), config.stdout_tail_chars),
      stderr: lastChars(p.stderr.text(), config.stderr_tail_chars),
      outcome: c.outcome,
      reason: c.reason,
      signal: p.signal,
      run_dir: displayPath(plan.root, runDir),
      log_file: displayPath(plan.root, logFile),
      command: argv,
      ...(group ? { group } : {}),
    };
    records.push({ run, health, parsed });
    await appendProgress(sequenceDir, { kind: 'run', run, health });
    if (c.outcome === 'hard_trip' && hardTripRunId === null) {
      hardTripRunId = runId;
      stoppedBy = `stopped: hard gating tripped in run ${runId}`;
      onProgress({ kind: 'hard-trip', runId });
      stop.abort();
    }
    onProgress({ kind: 'run-end', run, health, finished: records.length, plannedRuns: config.runs });
  };

  let failure: unknown;
  const worker = async () => {
    let first = true;
    try {
      while (!runSignal.aborted && nextId <= config.runs) {
        if (!first && config.interval_seconds > 0) {
          onProgress({ kind: 'waiting', nextRunId: nextId, ms: config.interval_seconds * 1000, plannedRuns: config.runs });
          await pause(config.interval_seconds * 1000, runSignal);
          if (runSignal.aborted || nextId > config.runs) break;
        }
        first = false;
        await oneRun(nextId++);
      }
    } catch (err) {
      // E.g. the disk is full: stop the other workers' runs too before reporting it.
      failure ??= err;
      stoppedBy ??= `stopped: ${(err as Error).message}`;
      stop.abort();
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.concurrency, config.runs) }, worker));
  if (failure) throw failure;

  records.sort((a, b) => a.run.run_id - b.run.run_id);
  const runs = records.map((r) => r.run);
  const health = records.map((r) => r.health);
  // A/B: the rates are the candidate's; the baseline runs are there to be compared with.
  const rated = config.ab ? records.filter((r) => r.run.group === 'candidate') : records;
  const ab = config.ab ? judgeAb(config.ab, config.command, runs, new Map(records.map((r) => [r.run.run_id, r.parsed]))) : undefined;
  const evaluation = evaluateSequence({
    runs: rated.map((r) => r.run),
    health: rated.map((r) => r.health),
    plannedRuns: config.ab ? Math.floor(config.runs / 2) : config.runs,
    successThreshold: config.success_threshold,
    healthThreshold: config.health_threshold,
    hardTripRunId,
    cancelled: signal.aborted,
  });
  const results: CanaryResults = {
    timestamp: startDate.toISOString(),
    config: {
      profile: displayPath(plan.root, plan.profile),
      runs: config.runs,
      gating: config.gating,
      command: config.command,
      timeout_s: config.timeout_seconds,
      interval_s: config.interval_seconds,
      concurrency: config.concurrency,
      config_file: plan.configFile && displayPath(plan.root, plan.configFile),
    },
    evaluation: ab ? withAb(evaluation, ab) : evaluation,
    run_results: runs,
    health_results: health,
    tool: 'aurora-ga',
    data_mode: config.data_mode,
    sequence_dir: displayPath(plan.root, sequenceDir),
    started_at: startDate.toISOString(),
    finished_at: new Date().toISOString(),
    profile_lock: plan.lock,
    ...(ab ? { ab } : {}),
  };
  const json = `${JSON.stringify(results, null, 2)}\n`;
  await writeFileAtomic(path.join(sequenceDir, 'canary_results.json'), json);
  // The sequence is kept in its folder either way; the current file only changes as the rule says.
  const current = await fs.readFile(plan.output, 'utf8').catch(() => undefined);
  if (plan.writeCurrent === 'always' || replacementFor('canary', results, current).action === 'replace') await writeFileAtomic(plan.output, json);
  // After a cancel the run's signal is aborted; the pruning must still happen.
  await pruneHistory(plan.root, path.dirname(sequenceDir), 'canary', new AbortController().signal);
  return results;
}
