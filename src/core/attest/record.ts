import { createHash } from 'node:crypto';
import path from 'node:path';
import { ROLES } from '../checklist/messages';
import type { EvaluatedChecklist } from '../checklist/session';
import { InputError } from '../util/errors';
import { fileSha256, recordPath } from './files';
import { POLICY_FILE } from './policy';
import { promotionStatement, type FileRef, type PromotionStatement, type Subject } from './statement';

// Builds the promotion record's statement from a GO checklist: subjects are the released artifacts,
// VERSION (as promotion writes it) and the profile locks; the predicate cites every piece of evidence
// by digest, so `aurora-ga verify` can check each one later.

export interface ReleasedArtifact {
  name: string;
  sha256: string;
  source: 'file' | 'digest';
}

/** `--artifact FILE` (hashed here) or `--artifact NAME@sha256:HEX` (a digest only). */
export async function resolveArtifact(root: string, cwd: string, spec: string, signal: AbortSignal): Promise<ReleasedArtifact> {
  const m = /^(.+)@sha256:([0-9a-fA-F]{64})$/.exec(spec);
  if (m) return { name: m[1], sha256: m[2].toLowerCase(), source: 'digest' };
  const abs = path.resolve(cwd, spec);
  const sha256 = await fileSha256(abs, signal);
  if (sha256 === null) throw new InputError('released artifact not found (give a file, or NAME@sha256:HEX for an artifact stored elsewhere)', { file: spec });
  return { name: recordPath(root, abs), sha256, source: 'file' };
}

async function ref(root: string, file: string, what: string, signal: AbortSignal): Promise<FileRef> {
  const sha256 = await fileSha256(path.resolve(root, file), signal);
  if (sha256 === null) throw new InputError(`${what} not found: the record cannot cite it`, { file });
  return { path: recordPath(root, file), sha256 };
}

export interface RecordOptions {
  version: string;
  previousVersion: string | null;
  versionFileText: string;
  toolVersion: string;
  now: Date;
  artifacts: ReleasedArtifact[];
}

export async function buildStatement(root: string, c: EvaluatedChecklist, o: RecordOptions, signal: AbortSignal): Promise<PromotionStatement> {
  const g = c.inputs.gates;
  if (g.state !== 'ok' || !c.state.ok || c.inputs.locks.state !== 'ok') throw new InputError('the checklist is not complete enough to record');
  const report = g.value;
  if (!g.file) throw new InputError('the gate report is not one file');
  const reportFile = g.file;
  if (!report.recording) throw new InputError('the gate report cites no recording');
  if (!report.gates_file) throw new InputError('the gate report does not name its gates file', { file: reportFile });
  const lockFiles = [...new Set(c.inputs.locks.value.results.flatMap((l) => l.files))].sort();
  const locks = await Promise.all(lockFiles.map((f) => ref(root, f, 'lock file', signal)));
  const versionSha = createHash('sha256').update(o.versionFileText).digest('hex');
  const subject: Subject[] = [
    ...o.artifacts.map((a) => ({ name: a.name, digest: { sha256: a.sha256 } })),
    { name: 'VERSION', digest: { sha256: versionSha } },
    ...locks.map((l) => ({ name: l.path, digest: { sha256: l.sha256 } })),
  ];
  const state = c.state.loaded.state;
  return promotionStatement(subject, {
    decision: 'GO',
    exit_code: 0,
    version: { from: o.previousVersion, to: o.version },
    decided_at: o.now.toISOString(),
    evaluator: { name: 'aurora-ga', version: o.toolVersion },
    evaluation: {
      data_mode: 'live',
      source: report.source,
      evaluated_at: report.evaluated_at ?? report.timestamp,
      window_hours: report.window_hours,
      window: report.window ?? null,
      decision_code: report.decision_code,
      exit_code: report.exit_code ?? 0,
    },
    gates_file: await ref(root, report.gates_file, 'gates file', signal),
    gate_report: await ref(root, reportFile, 'gate report', signal),
    recording: await ref(root, report.recording.file, 'recording', signal),
    gates: report.gates.map((x) => ({
      gate_id: x.gate_id,
      key: x.key,
      status: x.status,
      fail_action: x.fail_action,
      checks: x.checks.map((k) => ({ check_id: k.check_id, outcome: k.outcome, counts_as: k.counts_as, value: k.value, threshold: k.threshold, comparator: k.comparator })),
    })),
    locks: { sha256: c.fingerprint.locksSha256, files: locks },
    checklist: { ...(await ref(root, c.stateFile, 'checklist state', signal)), decision: c.decision.decision, rationale: state.rationale },
    policy: await ref(root, c.trust.policyFile ?? POLICY_FILE, 'sign-off policy', signal),
    allowed_signers: await ref(root, c.trust.allowedSignersFile, 'allowed_signers', signal),
    artifacts: o.artifacts,
    signoffs: ROLES.flatMap((r) => { const s = state.signoffs[r]; return s ? [{ ...s, principal: s.name }] : []; }),
  });
}
