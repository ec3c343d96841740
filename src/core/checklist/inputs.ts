// What the checklist is filled from. Each source is loaded independently and keeps its state:
// a missing or unreadable file is carried as such (and answers its items NO DATA), never as a pass.
import type { CanaryResults } from '../canary/results';
import type { WorkspaceLock } from '../lock';
import type { GateReport } from '../verdict/types';
import type { ReadinessReport } from '../readiness/types';

/** `where` names the source for people (a path, or "readiness checks"); `file` is set only when it is one file. */
export type Loaded<T> = { where: string; file?: string } & ({ state: 'ok'; value: T } | { state: 'missing'; detail: string } | { state: 'error'; detail: string });

/** One profile's lock, as the lock engine reports it. */
export type LockResult = WorkspaceLock;

export interface LocksInput {
  results: LockResult[];
  /** SHA-256 over the lock files' bytes (see fingerprint.ts); what a sign-off binds to. */
  sha256: string;
}

export interface DctsAuditInput {
  status: 'PASS' | 'WARN' | 'FAIL' | 'NO_DATA';
  /** var_ratio and the audit's own reasons, when the report has them. */
  details: string[];
}

export interface ChecklistInputs {
  gates: Loaded<GateReport>;
  /** SHA-256 of the gate report file as read, or null when there is none. */
  gateReportSha256: string | null;
  locks: Loaded<LocksInput>;
  canary: Loaded<CanaryResults>;
  audit: Loaded<DctsAuditInput>;
  readiness: Loaded<ReadinessReport>;
  /** The VERSION file's content (trimmed), or null. */
  version: string | null;
}
