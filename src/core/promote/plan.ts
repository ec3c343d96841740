import { readTextIfPresent } from '../util/readText';
import path from 'node:path';
import { sha256 } from '../checklist/fingerprint';
import type { LoadOptions } from '../checklist/load';
import { evaluateChecklist, type EvaluatedChecklist } from '../checklist/session';
import { isValidVersion } from '../readiness/version';
import { writeFileAtomic } from '../util/atomicWrite';
import { InputError } from '../util/errors';
import { INTOTO_PAYLOAD_TYPE, rawSigner, signEnvelope, type Envelope, type RawSigner } from '../attest/dsse';
import { buildStatement, type ReleasedArtifact } from '../attest/record';
import { systemSshKeygen } from '../attest/sshKeygen';
import { verificationSummary } from '../attest/statement';
import { signingPublicKey } from '../attest/trust';
import { verifyStatement } from '../attest/verify';
import { artifactPaths } from '../checklist/paths';
import { setHardOverrideAuto } from './hardOverride';

// Promotion happens only on a GO decided from live data: the checklist's own rule, re-checked here
// for the two things that must never promote (recorded or demo evidence), and every refusal is said.

/** Where the original kept its runtime config (original-kit Appendix A). */
export const DEFAULT_RUNTIME_CONFIG = 'living_latent/cfg/master.yaml';

export interface PromoteOptions extends LoadOptions {
  version: string;
  /** Runtime config holding `ci_gating`, relative to root or absolute. */
  runtimeConfig?: string;
  toolVersion: string;
  /** Released artifacts, the record's first subjects. */
  artifacts?: ReleasedArtifact[];
  /** Ed25519 SSH key (file, or .pub with the private half in ssh-agent) signing the record; required unless `dryRun`. */
  signingKey?: string;
  /** Environment for ssh-agent (SSH_AUTH_SOCK). */
  env?: NodeJS.ProcessEnv;
  /** Verify the record but sign and write nothing. */
  dryRun?: boolean;
}

export interface FileChange {
  file: string;
  /** What changes, in words, one line each. */
  summary: string[];
  before: string | null;
  after: string;
}

export type PromotionPlan =
  | { allowed: false; reasons: string[]; checklist: EvaluatedChecklist }
  | { allowed: true; changes: FileChange[]; checklist: EvaluatedChecklist };

function refusals(c: EvaluatedChecklist): string[] {
  const reasons: string[] = [];
  const g = c.inputs.gates;
  if (g.state !== 'ok') reasons.push(g.state === 'missing' ? `no gate report (${g.where}: not found)` : g.detail);
  else if (g.value.data_mode !== 'live') reasons.push(`the gate report is ${g.value.data_mode.toUpperCase()} data (${g.where}); only a live evaluation can promote`);
  const cn = c.inputs.canary;
  if (cn.state === 'ok' && cn.value.data_mode === 'demo') reasons.push(`the canary results are DEMO runs (${cn.where}); only live runs can promote`);
  if (!c.state.ok) reasons.push(`the checklist state cannot be read: ${c.state.problem}`);
  if (c.decision.decision !== 'GO') {
    reasons.push(`the checklist decides ${c.decision.decision}, not GO:`, ...c.decision.deciding.map((d) => `  - ${d.text}`));
  }
  return reasons;
}

const readOrNull = async (file: string, signal: AbortSignal): Promise<string | null> => (await readTextIfPresent(file, signal)) ?? null;

/** Decides whether promotion may happen and computes every file it would write; writes nothing. */
export async function planPromotion(root: string, options: PromoteOptions, signal: AbortSignal, now = new Date()): Promise<PromotionPlan> {
  const checklist = await evaluateChecklist(root, options, signal, now);
  const reasons = refusals(checklist);
  if (!isValidVersion(options.version)) reasons.unshift(`--version '${options.version}' is not a semantic version (X.Y.Z)`);
  else if (options.version.includes('-')) reasons.unshift(`--version '${options.version}' is a pre-release; GA versions are X.Y.Z`);
  else if (checklist.view.header.targetVersion && checklist.view.header.targetVersion !== options.version) {
    // The sign-offs approved the checklist's target; promoting to another version is not what was signed.
    reasons.unshift(`--version ${options.version} is not the checklist's Target GA Version ${checklist.view.header.targetVersion}`);
  }
  if (reasons.length) return { allowed: false, reasons, checklist };

  const rel = (f: string) => path.relative(root, f).split(path.sep).join('/');
  const versionFile = path.join(root, 'VERSION');
  const configFile = path.resolve(root, options.runtimeConfig ?? DEFAULT_RUNTIME_CONFIG);
  const configText = await readOrNull(configFile, signal);
  if (configText === null) return { allowed: false, reasons: [`runtime config not found: ${rel(configFile)} (pass --runtime-config FILE)`], checklist };
  const edit = setHardOverrideAuto(configText, rel(configFile));
  const previous = await readOrNull(versionFile, signal);

  const gates = checklist.inputs.gates.state === 'ok' ? checklist.inputs.gates.value : null;
  const canary = checklist.inputs.canary.state === 'ok' ? checklist.inputs.canary.value : null;
  const locks = checklist.inputs.locks.state === 'ok' ? checklist.inputs.locks.value : null;
  const state = checklist.state.ok ? checklist.state.loaded.state : null;
  const stateText = await readOrNull(checklist.stateFile, signal);
  const canaryText = await readOrNull(path.resolve(root, checklist.inputs.canary.where), signal);
  const record = {
    schema_version: 1,
    tool: `aurora-ga ${options.toolVersion}`,
    decided_at: now.toISOString(),
    decision: checklist.decision.decision,
    version: { from: previous?.trim() ?? null, to: options.version },
    gate_report: gates && {
      file: checklist.inputs.gates.where,
      sha256: checklist.fingerprint.gateReportSha256,
      data_mode: gates.data_mode,
      decision_code: gates.decision_code,
      evaluated_at: gates.timestamp,
      source: gates.source,
    },
    locks: locks && { sha256: locks.sha256, profiles: locks.results.map((l) => ({ profile: l.profile, lock_file: l.lockFile, status: l.status })) },
    canary: canary && {
      file: checklist.inputs.canary.where,
      sha256: canaryText === null ? null : sha256(canaryText),
      data_mode: canary.data_mode ?? 'live',
      status: canary.evaluation.status,
      success_rate: canary.evaluation.success_rate,
      health_rate: canary.evaluation.health_rate,
    },
    checklist: { file: rel(checklist.stateFile), sha256: stateText === null ? null : sha256(stateText), rationale: state?.rationale ?? '' },
    signoffs: Object.values(state?.signoffs ?? {}),
    runtime_config: { file: rel(configFile), hard_override: 'auto', changes: edit.changes },
  };
  const paths = artifactPaths(root, options.paths);
  const versionText = `${options.version}\n`;
  const signed = await signedRecord(root, checklist, options, versionFile, versionText, previous?.trim() ?? null, now, signal);
  if ('reasons' in signed) return { allowed: false, reasons: signed.reasons, checklist };
  const changes: FileChange[] = [
    { file: rel(versionFile), summary: [`VERSION ${previous?.trim() ?? '(none)'} → ${options.version}`], before: previous, after: versionText },
    { file: rel(configFile), summary: edit.changes, before: configText, after: edit.text },
    ...(signed.files ? [
      { file: rel(paths.record), summary: [`promotion record (in-toto Statement v1 in DSSE, ${signed.signers}): ${signed.subjects} subjects, verified`], before: await readOrNull(paths.record, signal), after: signed.files.record },
      { file: rel(paths.vsa), summary: ['SLSA VSA v1: PASSED'], before: await readOrNull(paths.vsa, signal), after: signed.files.vsa },
    ] : []),
    { file: rel(paths.decision), summary: [`decision record: GO for ${options.version}, ${record.signoffs.length} sign-offs`], before: await readOrNull(paths.decision, signal), after: `${JSON.stringify(record, null, 2)}\n` },
  ];
  return { allowed: true, changes, checklist };
}

type SignedRecord = { reasons: string[] } | { files: { record: string; vsa: string } | null; signers: string; subjects: number };

/**
 * Builds the record, signs it (unless a dry run), and verifies it exactly as `aurora-ga verify` will —
 * with VERSION as it is about to be written. Any failing step refuses the promotion.
 */
async function signedRecord(root: string, c: EvaluatedChecklist, o: PromoteOptions, versionFile: string, versionText: string, previous: string | null, now: Date, signal: AbortSignal): Promise<SignedRecord> {
  if (!o.signingKey && !o.dryRun) return { reasons: ['the promotion record must be signed: pass --key FILE (an Ed25519 SSH key listed in allowed_signers; a .pub uses ssh-agent)'] };
  const ssh = o.ssh ?? systemSshKeygen();
  const statement = await buildStatement(root, c, { version: o.version, previousVersion: previous, versionFileText: versionText, toolVersion: o.toolVersion, now, artifacts: o.artifacts ?? [] }, signal);
  const payload = Buffer.from(JSON.stringify(statement), 'utf8');
  let envelope: Envelope | null = null;
  let signer: RawSigner | null = null;
  if (o.signingKey && !o.dryRun) {
    signer = await rawSigner(o.signingKey, o.env ?? process.env, signal, await signingPublicKey(o.signingKey, ssh, signal));
    envelope = await signEnvelope(payload, INTOTO_PAYLOAD_TYPE, [signer], signal);
  }
  const v = await verifyStatement(root, statement, envelope, ssh, signal, { files: new Map([[versionFile, Buffer.from(versionText)]]) });
  if (!v.ok) return { reasons: ['the promotion record does not verify, so nothing was written:', ...v.steps.filter((s) => !s.ok).flatMap((s) => [`  ✖ ${s.name}`, ...s.details.map((d) => `      ${d}`)])] };
  if (!envelope || !signer) return { files: null, signers: 'unsigned: dry run', subjects: statement.subject.length };
  const recordText = `${JSON.stringify(envelope, null, 2)}\n`;
  const paths = artifactPaths(root, o.paths);
  const vsa = verificationSummary(statement.subject, {
    passed: true,
    decisionCode: statement.predicate.evaluation.decision_code,
    checklistDecision: 'GO',
    toolVersion: o.toolVersion,
    timeVerified: now.toISOString(),
    record: { path: path.relative(root, paths.record).split(path.sep).join('/'), sha256: sha256(recordText) },
    gatesFile: statement.predicate.gates_file,
    resourceUri: statement.subject[0].name,
    failures: [],
  });
  const vsaEnvelope = await signEnvelope(Buffer.from(JSON.stringify(vsa), 'utf8'), INTOTO_PAYLOAD_TYPE, [signer], signal);
  return { files: { record: recordText, vsa: `${JSON.stringify(vsaEnvelope, null, 2)}\n` }, signers: `signed by ${signer.keyid}`, subjects: statement.subject.length };
}

/**
 * Writes the plan's files, each atomically; unchanged files are not touched. The decision record goes
 * last. A file that changed since the plan was made (another window, an editor) is never overwritten:
 * nothing is written and the file is named.
 */
export async function applyPromotion(root: string, changes: FileChange[]): Promise<string[]> {
  for (const c of changes) {
    if (c.before === c.after) continue;
    const now = (await readTextIfPresent(path.resolve(root, c.file), new AbortController().signal)) ?? null;
    if (now !== c.before) throw new InputError('changed since the promotion was planned; nothing was written (plan again)', { file: c.file });
  }
  const written: string[] = [];
  for (const c of changes) {
    if (c.before === c.after) continue;
    await writeFileAtomic(path.resolve(root, c.file), c.after);
    written.push(c.file);
  }
  return written;
}
