import * as z from 'zod';
import { ROLE_TITLES, ROLES, type Role } from '../checklist/messages';
import type { GateReport } from '../verdict/types';
import type { Policy } from './policy';
import { rolesOf, SIGNOFF_NAMESPACE } from './policy';
import type { SshKeygen } from './sshKeygen';

// What a sign-off signs, and how one is checked. The signed bytes are a small JSON document stored
// (base64) next to the signature, so verification never depends on re-serialising anything: the
// signature covers exactly those bytes, and the sign-off's readable fields must say the same.

export const SIGNOFF_TYPE = 'https://aurora-ga.dev/signoff/v1';

const sha = z.string().regex(/^[0-9a-f]{64}$/);

/** The evaluation a sign-off approved: enough to tell later "same verdicts, values moved" from "verdicts changed". */
export const approvedEvaluationSchema = z.object({
  gate_report_sha256: sha,
  evaluated_at: z.string(),
  data_mode: z.string(),
  decision_code: z.string(),
  recording_sha256: sha.nullable(),
  /** `gate_key/check_id` → [outcome, value]. */
  checks: z.record(z.string(), z.tuple([z.string(), z.number().nullable()])),
});
export type ApprovedEvaluation = z.infer<typeof approvedEvaluationSchema>;

export const signoffPayloadSchema = z.object({
  _type: z.literal(SIGNOFF_TYPE),
  role: z.enum(ROLES),
  principal: z.string().min(1),
  time: z.string(),
  /** The checklist's decision on screen when signing, and the gate report's. */
  decision: z.object({ checklist: z.string(), gates: z.string() }),
  evaluation: approvedEvaluationSchema,
  locks_sha256: sha,
  target_version: z.string(),
}).strict();
export type SignoffPayload = z.infer<typeof signoffPayloadSchema>;

export const signatureSchema = z.object({
  format: z.literal('sshsig'),
  namespace: z.literal(SIGNOFF_NAMESPACE),
  /** base64 of the exact signed bytes. */
  payload: z.string().min(1),
  /** The armored `-----BEGIN SSH SIGNATURE-----` block. */
  sig: z.string().min(1),
  /** SHA256:… of the signing key, for people reading the file. */
  key_fingerprint: z.string().optional(),
}).strict();
export type SignoffSignature = z.infer<typeof signatureSchema>;

export function approvedEvaluation(report: GateReport, reportSha256: string): ApprovedEvaluation {
  return {
    gate_report_sha256: reportSha256,
    evaluated_at: report.evaluated_at ?? report.timestamp,
    data_mode: report.data_mode,
    decision_code: report.decision_code,
    recording_sha256: report.recording?.sha256 ?? null,
    checks: Object.fromEntries(report.gates.flatMap((g) => g.checks.map((c) => [`${g.key}/${c.check_id}`, [c.outcome, c.value] as [string, number | null]]))),
  };
}

/** The signed bytes: one JSON line, keys in a fixed order. */
export function encodePayload(p: SignoffPayload): Buffer {
  return Buffer.from(JSON.stringify(signoffPayloadSchema.parse(p)), 'utf8');
}

export type SignatureStatus = 'valid' | 'unsigned' | 'invalid';

export interface SignatureCheck {
  status: SignatureStatus;
  /** Why, in words: "signed by alice@example.com (SHA256:…)", "not signed: a name only", … */
  detail: string;
  /** Whether it counts toward a GO (valid, or unsigned where the policy lets unsigned count). */
  counts: boolean;
}

/** The part of a stored sign-off verification reads. */
export interface StoredSignoff {
  name: string;
  role: string;
  time: string;
  gate_report_sha256: string | null;
  locks_sha256: string;
  signature?: unknown;
}

export interface TrustContext {
  policy: Policy;
  policyFile: string | null;
  allowedSignersFile: string;
  /** False when allowed_signers is missing or unreadable (then the reason). */
  allowedSigners: { ok: true } | { ok: false; problem: string };
  ssh: SshKeygen;
}

/** Decodes and checks a stored signature's payload against the sign-off's readable fields. */
export function readPayload(s: StoredSignoff, role: Role): { payload: SignoffPayload; bytes: Buffer; signature: SignoffSignature } | { problem: string } {
  const sig = signatureSchema.safeParse(s.signature);
  if (!sig.success) return { problem: `the signature block is malformed (${sig.error.issues[0].path.join('.') || 'signature'}: ${sig.error.issues[0].message})` };
  const bytes = Buffer.from(sig.data.payload, 'base64');
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    return { problem: 'the signed payload is not JSON' };
  }
  const p = signoffPayloadSchema.safeParse(json);
  if (!p.success) return { problem: `the signed payload is not an Aurora sign-off (${p.error.issues[0].path.join('.')}: ${p.error.issues[0].message})` };
  const payload = p.data;
  const differs: string[] = [];
  if (payload.role !== role || s.role !== role) differs.push('role');
  if (payload.principal !== s.name) differs.push('name');
  if (payload.evaluation.gate_report_sha256 !== s.gate_report_sha256) differs.push('gate report');
  if (payload.locks_sha256 !== s.locks_sha256) differs.push('locks');
  if (payload.time !== s.time) differs.push('time');
  if (differs.length) return { problem: `the sign-off's ${differs.join(', ')} differ${differs.length === 1 ? 's' : ''} from what was signed` };
  return { payload, bytes, signature: sig.data };
}

/** Checks one role's sign-off: signature (by ssh-keygen against allowed_signers), the signer's role under the policy. */
export async function checkSignoff(s: StoredSignoff, role: Role, t: TrustContext, signal: AbortSignal): Promise<SignatureCheck> {
  if (s.signature === undefined) {
    const counts = t.policy.count_unsigned;
    return { status: 'unsigned', counts, detail: `not signed: a name only${counts ? ' (the policy lets unsigned sign-offs count)' : `, which does not count (${t.policyFile ?? 'no .aurora/policy.yaml'}: count_unsigned is false)`}` };
  }
  const read = readPayload(s, role);
  if ('problem' in read) return { status: 'invalid', counts: false, detail: read.problem };
  const who = read.payload.principal;
  if (!rolesOf(t.policy, who).includes(role)) {
    return { status: 'invalid', counts: false, detail: `${who} does not hold the role ${ROLE_TITLES[role]} in ${t.policyFile ?? 'the sign-off policy (no .aurora/policy.yaml)'}` };
  }
  if (!t.allowedSigners.ok) return { status: 'invalid', counts: false, detail: t.allowedSigners.problem };
  const r = await t.ssh.verify(read.bytes, read.signature.sig, t.allowedSignersFile, who, SIGNOFF_NAMESPACE, signal);
  if (!r.ok) return { status: 'invalid', counts: false, detail: `the signature does not verify for ${who} against allowed_signers: ${r.detail || 'ssh-keygen refused it'}` };
  return { status: 'valid', counts: true, detail: `signed by ${who}${read.signature.key_fingerprint ? ` (${read.signature.key_fingerprint})` : ''}, verified against allowed_signers` };
}

/** Four-eyes: with one principal in several roles (not allowed by the policy), only the earliest-signed role counts. */
export function applyOnePrincipalOneRole(signoffs: Partial<Record<Role, StoredSignoff>>, checks: Partial<Record<Role, SignatureCheck>>, policy: Policy): void {
  if (policy.one_principal_many_roles) return;
  const byName = new Map<string, Role[]>();
  for (const role of ROLES) {
    const s = signoffs[role];
    if (s && checks[role]?.counts) byName.set(s.name, [...(byName.get(s.name) ?? []), role]);
  }
  for (const [name, roles] of byName) {
    if (roles.length < 2) continue;
    const [first, ...rest] = [...roles].sort((a, b) => (signoffs[a]!.time < signoffs[b]!.time ? -1 : 1));
    for (const r of rest) checks[r] = { status: checks[r]!.status, counts: false, detail: `${name} already signs as ${ROLE_TITLES[first]}; the policy allows one role per principal (one_principal_many_roles: false)` };
  }
}
