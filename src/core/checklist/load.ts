import path from 'node:path';
import { reportProblems } from '../attest/consistency';
import { checkRecording } from '../attest/recordingRef';
import type { SshKeygen } from '../attest/sshKeygen';
import { readCanaryResults } from '../canary/results';
import { runReadiness } from '../readiness/run';
import { readVersion } from '../readiness/version';
import { InputError } from '../util/errors';
import { pathExists } from '../util/exists';
import { readDctsAudit } from './dctsAudit';
import { locksFingerprint, sha256 } from './fingerprint';
import { readGateReport } from './gateReport';
import type { ChecklistInputs, Loaded, LockResult } from './inputs';
import { artifactPaths, type ArtifactPaths } from './paths';

/** The lock engine's check of every locked profile under `root` (src/core/lock), injected so the checklist never re-implements it. */
export type LockChecker = (root: string, signal: AbortSignal) => Promise<LockResult[]>;

export interface LoadOptions {
  lockChecker: LockChecker;
  paths?: Partial<ArtifactPaths>;
  ruleFiles?: string[];
  dashboardFiles?: string[];
  /** False in an untrusted workspace: readiness spawns git and promtool in the workspace. */
  runReadiness?: boolean;
  /** Runs ssh-keygen to check sign-off signatures; default the system's. */
  ssh?: SshKeygen;
}

/** Runs `read`, keeping "not there" apart from "there but bad"; only aborts propagate. `shown` is the path reported. */
async function load<T>(abs: string | null, shown: string, read: () => Promise<T>, signal: AbortSignal): Promise<Loaded<T>> {
  const source = abs === null ? { where: shown } : { where: shown, file: shown };
  if (abs !== null && !(await pathExists(abs))) return { ...source, state: 'missing', detail: 'not found' };
  try {
    return { ...source, state: 'ok', value: await read() };
  } catch (err) {
    signal.throwIfAborted();
    return { ...source, state: 'error', detail: err instanceof InputError ? err.format() : (err as Error).message };
  }
}

const LOCKS_SOURCE = 'profile locks in the workspace';

/** Reads every source the checklist is answered from, concurrently. */
export async function loadInputs(root: string, options: LoadOptions, signal: AbortSignal): Promise<ChecklistInputs> {
  const p = artifactPaths(root, options.paths);
  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/') || f;
  let gateSha: string | null = null;
  const [gates, canary, audit, lockResults, version] = await Promise.all([
    load(p.gateReport, rel(p.gateReport), async () => {
      const { report, bytes } = await readGateReport(p.gateReport, signal);
      gateSha = sha256(bytes);
      // A report that contradicts itself, or a live one without its raw responses, is not evidence.
      const problems = reportProblems(report);
      if (report.data_mode === 'live' && problems.length === 0) {
        const rec = await checkRecording(root, report, signal);
        if ('problem' in rec) problems.push(rec.problem);
      }
      if (problems.length) throw new InputError(`the gate report does not count: ${problems.join('; ')}`, { file: rel(p.gateReport) });
      return report;
    }, signal),
    load(p.canary, rel(p.canary), () => readCanaryResults(p.canary, signal), signal),
    load(p.dctsAudit, rel(p.dctsAudit), () => readDctsAudit(p.dctsAudit, signal), signal),
    options.lockChecker(root, signal).catch((err: unknown) => {
      signal.throwIfAborted();
      return err instanceof Error ? err : new Error(String(err));
    }),
    readVersion(root, signal).catch(() => null),
  ]);
  const locks: ChecklistInputs['locks'] =
    lockResults instanceof Error
      ? { state: 'error', where: LOCKS_SOURCE, detail: lockResults instanceof InputError ? lockResults.format() : lockResults.message }
      : { state: 'ok', where: LOCKS_SOURCE, value: { results: lockResults, sha256: await locksFingerprint(root, lockResults.flatMap((l) => l.files), signal) } };
  const readiness: ChecklistInputs['readiness'] =
    options.runReadiness === false
      ? { state: 'error', where: 'readiness checks', detail: 'not run: the workspace is not trusted (readiness runs git and promtool in it)' }
      : await load(null, 'readiness checks', () => runReadiness(root, { locks: lockResults, ruleFiles: options.ruleFiles, dashboardFiles: options.dashboardFiles }, signal), signal);
  return { gates, gateReportSha256: gateSha, canary, audit, locks, readiness, version };
}
