import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseGateReport } from '../checklist/gateReport';
import { ROLE_TITLES, ROLES, type Role } from '../checklist/messages';
import { InputError } from '../util/errors';
import type { GateReport } from '../verdict/types';
import { reportProblems } from './consistency';
import { envelopeSchema, INTOTO_PAYLOAD_TYPE, verifyEnvelope, type Envelope } from './dsse';
import { fileSha256 } from './files';
import { checkRecording } from './recordingRef';
import { rederive } from './replay';
import { readPayload, type StoredSignoff } from './signoff';
import { statementSchema, type PromotionStatement } from './statement';
import { checkSignoffs, loadTrust, type Trust } from './trust';
import type { SshKeygen } from './sshKeygen';

// `aurora-ga verify`: every claim of a promotion record checked against what is on disk, each check
// named, so a failure says exactly what changed. The checklist runs the same steps for its current
// state. Steps never throw for bad evidence; they fail with the reason.

export type StepName = 'record' | 'record signatures' | 'subjects' | 'evidence files' | 'report consistency' | 'sign-offs' | 'decision re-derived';

export interface Step {
  name: StepName;
  ok: boolean;
  details: string[];
}

export interface Verification {
  ok: boolean;
  steps: Step[];
  statement: PromotionStatement | null;
}

const step = (name: StepName, problems: string[], okDetails: string[] = []): Step => ({ name, ok: problems.length === 0, details: problems.length ? problems : okDetails });

/** The report's self-consistency and, for live data, its recording. */
export async function consistencyStep(root: string, report: GateReport, signal: AbortSignal): Promise<Step> {
  const problems = reportProblems(report);
  if (report.data_mode !== 'live') problems.push(`the report is ${report.data_mode.toUpperCase()} data; only a live evaluation can promote`);
  else {
    const rec = await checkRecording(root, report, signal);
    if ('problem' in rec) problems.push(rec.problem);
  }
  return step('report consistency', problems, ['every outcome, gate and the decision follow from the values; live data with its recording']);
}

/** Every required role signed by a principal holding it, signatures good, bound to this report and these locks. */
export async function signoffStep(signoffs: Partial<Record<Role, StoredSignoff>>, trust: Trust, reportSha: string, locksSha: string, signal: AbortSignal): Promise<Step> {
  const checks = await checkSignoffs(signoffs, trust, signal);
  const problems: string[] = [];
  const good: string[] = [];
  for (const role of ROLES) {
    const s = signoffs[role];
    const required = trust.policy.required_roles.includes(role);
    if (!s) {
      if (required) problems.push(`${ROLE_TITLES[role]}: no sign-off`);
      continue;
    }
    const c = checks[role]!;
    if (!c.counts) {
      problems.push(`${ROLE_TITLES[role]} (${s.name}): ${c.detail}`);
      continue;
    }
    if (c.status === 'valid') {
      const read = readPayload(s, role);
      if (!('problem' in read)) {
        if (read.payload.evaluation.gate_report_sha256 !== reportSha) problems.push(`${ROLE_TITLES[role]} (${s.name}): signed another gate report (${read.payload.evaluation.gate_report_sha256.slice(0, 12)}…)`);
        if (read.payload.locks_sha256 !== locksSha) problems.push(`${ROLE_TITLES[role]} (${s.name}): signed other profile locks`);
      }
    } else if (s.gate_report_sha256 !== reportSha || s.locks_sha256 !== locksSha) problems.push(`${ROLE_TITLES[role]} (${s.name}): approved other evidence`);
    good.push(`${ROLE_TITLES[role]}: ${c.detail}`);
  }
  return step('sign-offs', problems, good);
}

export async function rederiveStep(root: string, report: GateReport, gatesFile: string, recordingFile: string, signal: AbortSignal): Promise<Step> {
  const r = await rederive(root, report, gatesFile, recordingFile, signal);
  return step('decision re-derived', r.differences, [`replaying the recorded responses with ${gatesFile} gives ${r.decisionCode}, as reported`]);
}

interface Overrides {
  /** Bytes a file will have once promotion writes it (VERSION), for the check before anything is written. */
  files?: Map<string, Buffer>;
}

async function digestOf(root: string, rel: string, o: Overrides, signal: AbortSignal): Promise<string | null> {
  const abs = path.resolve(root, rel);
  const pending = o.files?.get(abs);
  if (pending) return createHash('sha256').update(pending).digest('hex');
  return fileSha256(abs, signal);
}

/** Every DSSE signature good, and at least one by a principal allowed to sign records. */
function signatureStep(envelope: Envelope, trust: Trust): Step {
  const problems: string[] = [];
  const results = verifyEnvelope(envelope, trust.signers);
  if (!trust.allowedSigners.ok) problems.push(trust.allowedSigners.problem);
  const allowed = trust.policy.record_signers ?? [...new Set(ROLES.flatMap((r) => trust.policy.roles[r]))];
  for (const r of results) if (!r.ok) problems.push(r.detail);
  const byAllowed = results.filter((r) => r.ok && r.principals.some((x) => allowed.includes(x)));
  if (results.length === 0) problems.push('the envelope carries no signature');
  else if (byAllowed.length === 0 && problems.length === 0) problems.push(`no signature by a principal allowed to sign records (${allowed.join(', ') || 'none in the policy'})`);
  return step('record signatures', problems, results.map((r) => r.detail));
}

/** Verifies a statement (and the envelope carrying it, if any) against the repository at `root`. */
export async function verifyStatement(root: string, statement: PromotionStatement, envelope: Envelope | null, ssh: SshKeygen, signal: AbortSignal, o: Overrides = {}): Promise<Verification> {
  const p = statement.predicate;
  const steps: Step[] = [step('record', [], [`${statement.predicateType}: GO for ${p.version.to}, decided ${p.decided_at} by aurora-ga ${p.evaluator.version}`])];
  const trust = await loadTrust(root, ssh, signal);

  if (envelope) steps.push(signatureStep(envelope, trust));

  const subjectProblems: string[] = [];
  const subjectOk: string[] = [];
  const digestOnly = new Set(p.artifacts.filter((a) => a.source === 'digest').map((a) => a.name));
  for (const s of statement.subject) {
    if (digestOnly.has(s.name)) {
      subjectOk.push(`${s.name}: given as a digest (sha256:${s.digest.sha256.slice(0, 12)}…), not a file here`);
      continue;
    }
    const now = await digestOf(root, s.name, o, signal);
    if (now === null) subjectProblems.push(`${s.name}: file not found`);
    else if (now !== s.digest.sha256) subjectProblems.push(`${s.name}: SHA-256 is ${now.slice(0, 12)}…, the record says ${s.digest.sha256.slice(0, 12)}…`);
    else subjectOk.push(`${s.name}: matches`);
  }
  steps.push(step('subjects', subjectProblems, subjectOk));

  const evidence: [string, { path: string; sha256: string }][] = [
    ['gate report', p.gate_report],
    ['recording', p.recording],
    ['gates file', p.gates_file],
    ['checklist', p.checklist],
    ['policy', p.policy],
    ['allowed_signers', p.allowed_signers],
    ...p.locks.files.map((f): [string, { path: string; sha256: string }] => ['lock', f]),
  ];
  const evidenceProblems: string[] = [];
  for (const [what, ref] of evidence) {
    const now = await digestOf(root, ref.path, o, signal);
    if (now === null) evidenceProblems.push(`${what} ${ref.path}: not found`);
    else if (now !== ref.sha256) evidenceProblems.push(`${what} ${ref.path} changed: SHA-256 ${now.slice(0, 12)}…, the record says ${ref.sha256.slice(0, 12)}…`);
  }
  steps.push(step('evidence files', evidenceProblems, [`${evidence.length} files match their recorded SHA-256`]));

  let report: GateReport | null = null;
  try {
    report = parseGateReport(await fs.readFile(path.resolve(root, p.gate_report.path), { encoding: 'utf8', signal }), p.gate_report.path);
  } catch (err) {
    signal.throwIfAborted();
    steps.push(step('report consistency', [err instanceof InputError ? err.format() : `${p.gate_report.path}: ${(err as Error).message}`]));
  }
  if (report) {
    const c = await consistencyStep(root, report, signal);
    const extra: string[] = [];
    const e = p.evaluation;
    if (report.decision_code !== e.decision_code || report.source !== e.source || (report.evaluated_at ?? report.timestamp) !== e.evaluated_at || report.window_hours !== e.window_hours) {
      extra.push("the record's evaluation (decision, source, time, window) differs from the report's");
    }
    const recorded = new Map(p.gates.map((g) => [g.key, g]));
    const outcomes = (checks: { check_id: string; outcome: string; value: number | null }[]) => JSON.stringify(checks.map((x) => [x.check_id, x.outcome, x.value]));
    for (const g of report.gates) {
      const r = recorded.get(g.key);
      if (!r || r.status !== g.status || outcomes(r.checks) !== outcomes(g.checks)) extra.push(`gate ${g.key}: the record's outcomes differ from the report's`);
    }
    steps.push(extra.length ? step('report consistency', [...(c.ok ? [] : c.details), ...extra]) : c);
  }

  const signoffs = Object.fromEntries(p.signoffs.map((s) => [s.role, { ...s, name: s.principal }])) as Partial<Record<Role, StoredSignoff>>;
  steps.push(await signoffStep(signoffs, trust, p.gate_report.sha256, p.locks.sha256, signal));

  if (report) steps.push(await rederiveStep(root, report, path.resolve(root, p.gates_file.path), path.resolve(root, p.recording.path), signal));
  else steps.push(step('decision re-derived', ['no readable gate report to re-derive']));
  return { ok: steps.every((s) => s.ok), steps, statement };
}

/** Reads a DSSE envelope file and verifies it; an unreadable record is an InputError (exit 2). */
export async function verifyRecordFile(root: string, file: string, ssh: SshKeygen, signal: AbortSignal): Promise<Verification> {
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    throw new InputError(`cannot read the record: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file });
  }
  let envelope: Envelope;
  try {
    envelope = envelopeSchema.parse(JSON.parse(text));
  } catch {
    return { ok: false, statement: null, steps: [step('record', ['not a DSSE envelope (payload, payloadType, signatures)'])] };
  }
  if (envelope.payloadType !== INTOTO_PAYLOAD_TYPE) return { ok: false, statement: null, steps: [step('record', [`payloadType is ${envelope.payloadType}, not ${INTOTO_PAYLOAD_TYPE}`])] };
  let statement: PromotionStatement;
  try {
    statement = statementSchema.parse(JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')));
  } catch (err) {
    // The signatures cover the payload's bytes, so they are checked even when it does not parse.
    const issue = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues?.[0];
    const signatures = signatureStep(envelope, await loadTrust(root, ssh, signal));
    return { ok: false, statement: null, steps: [step('record', [`the payload is not an Aurora GA promotion statement${issue ? ` (${issue.path.join('.')}: ${issue.message})` : ''}`]), signatures] };
  }
  return verifyStatement(root, statement, envelope, ssh, signal);
}
