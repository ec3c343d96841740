import type { SignatureCheck } from '../attest/signoff';
import { policySchema, type Policy } from '../attest/policy';
import type { GateReport } from '../verdict/types';
import { ROLES, ROLE_TITLES, type Role, type SignoffStatus as SignoffView } from './model';
import { sinceSigning } from './since';
import type { ChecklistState } from './state';

export interface Fingerprint {
  gateReportSha256: string | null;
  locksSha256: string;
}

/** The sign-off policy and each role's signature check (src/core/attest), computed before the checklist is filled. */
export interface SignoffTrust {
  policy: Policy;
  policyFile: string | null;
  /** allowed_signers, relative to the root. */
  allowedSigners: string;
  problem: string | null;
  checks: Partial<Record<Role, SignatureCheck>>;
}

/** No policy and nothing checked: every sign-off is a name only, and names alone do not count. */
export function untrusted(): SignoffTrust {
  return { policy: policySchema.parse({ version: 1 }), policyFile: null, allowedSigners: '.aurora/allowed_signers', problem: null, checks: {} };
}

/** Each role's sign-off: its signature status, whether it counts, and whether the evidence changed since (and how). */
export function signoffViews(state: ChecklistState, current: Fingerprint, trust: SignoffTrust, report: GateReport | null): SignoffView[] {
  return ROLES.map((role) => {
    const required = trust.policy.required_roles.includes(role);
    const s = state.signoffs[role];
    if (!s) return { role, title: ROLE_TITLES[role], name: null, time: null, stale: false, staleReasons: [], signature: null, signatureDetail: '', counts: false, required, since: null };
    const staleReasons: string[] = [];
    if (s.gate_report_sha256 !== current.gateReportSha256) {
      staleReasons.push(current.gateReportSha256 === null ? 'the gate report is now missing or unreadable' : 'the gate report changed since signing');
    }
    if (s.locks_sha256 !== current.locksSha256) staleReasons.push('the profile locks changed since signing');
    const check: SignatureCheck = trust.checks[role] ?? (s.signature === undefined
      ? { status: 'unsigned', counts: trust.policy.count_unsigned, detail: 'not signed: a name only' }
      : { status: 'invalid', counts: false, detail: 'the signature was not checked' });
    return {
      role,
      title: ROLE_TITLES[role],
      name: s.name,
      time: s.time,
      stale: staleReasons.length > 0,
      staleReasons,
      signature: check.status,
      signatureDetail: check.detail,
      counts: check.counts,
      required,
      since: sinceSigning(s.evaluation, s.gate_report_sha256, report, current.gateReportSha256),
    };
  });
}
