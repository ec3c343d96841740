import { ROLES, ROLE_TITLES, type SignoffStatus as SignoffView } from './model';
import type { ChecklistState } from './state';

export interface Fingerprint {
  gateReportSha256: string | null;
  locksSha256: string;
}

/** Each role's sign-off, marked stale when the gate report or the locks it approved have changed since. */
export function signoffViews(state: ChecklistState, current: Fingerprint): SignoffView[] {
  return ROLES.map((role) => {
    const s = state.signoffs[role];
    if (!s) return { role, title: ROLE_TITLES[role], name: null, time: null, stale: false, staleReasons: [] };
    const staleReasons: string[] = [];
    if (s.gate_report_sha256 !== current.gateReportSha256) {
      staleReasons.push(current.gateReportSha256 === null ? 'the gate report is now missing or unreadable' : 'the gate report changed since signing');
    }
    if (s.locks_sha256 !== current.locksSha256) staleReasons.push('the profile locks changed since signing');
    return { role, title: ROLE_TITLES[role], name: s.name, time: s.time, stale: staleReasons.length > 0, staleReasons };
  });
}
