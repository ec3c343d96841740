// The contract between the checklist webview and the extension: the view model the extension sends,
// and every message the webview may send back. The webview imports only types from here (esbuild drops
// them), the extension validates each incoming message with `webviewMessageSchema` before acting on it.
import * as z from 'zod';
import { itemIdSchema, roleSchema, stateChangeSchemas, type DecidingReason, type DecisionOutcome, type Impact, type ItemStatus, type Role, type SinceView, type SignoffStatus } from './model';

export { IMPACTS, ROLES, ROLE_TITLES, type Decision, type Impact, type ItemStatus, type Role } from './model';

export interface ItemView {
  id: string;
  text: string;
  impact: Impact;
  kind: 'auto' | 'manual';
  /** Optional items never decide while open. */
  optional: boolean;
  /** 'after' items are the original's "Next Steps (if GO)": shown, never deciding. */
  phase: 'decide' | 'after';
  depth: number;
  status: ItemStatus;
  /** One line: the measured answer, e.g. "success rate 90% (>= 70%)". */
  summary: string;
  /** Where the answer came from: files, queries, values. */
  evidence: string[];
  checked: boolean;
  note: string;
}

export interface GroupView {
  id: string;
  title: string;
  items: ItemView[];
}

export interface SectionView {
  id: string;
  title: string;
  groups: GroupView[];
}

export interface GateCheckView {
  checkId: string;
  name: string;
  outcome: string;
  countsAs: string;
  value: number | null;
  threshold: number;
  comparator: string;
  message: string;
  source: string;
  query: string | null;
}

export interface GateView {
  gateId: number;
  key: string;
  name: string;
  status: string;
  failAction: string;
  message: string;
  checks: GateCheckView[];
}

export interface GatesView {
  dataMode: string;
  decisionCode: string;
  decision: string;
  timestamp: string;
  source: string;
  gates: GateView[];
}

export interface CanaryRunView {
  runId: number;
  success: boolean;
  /** null when the run has no health result. */
  healthy: boolean | null;
  durationS: number;
  exitCode: number;
  reason: string | null;
}

export interface CanaryView {
  profile: string;
  dataMode: string;
  status: string;
  successRate: number;
  healthRate: number;
  successThreshold: number;
  healthThreshold: number;
  runs: CanaryRunView[];
  timestamp: string;
}

/** A sign-off as shown: the domain's status as is. */
export type SignoffView = SignoffStatus;
export type { SinceView };

/** One named verification of the current state (the same checks as `aurora-ga verify`). */
export interface VerificationStepView {
  name: string;
  ok: boolean;
  detail: string;
}

/** The decision as shown: the domain's outcome as is. */
export type DecidingItemView = DecidingReason;
export type DecisionView = DecisionOutcome;

export interface SourceView {
  name: string;
  /** The source for people: a path, or e.g. "readiness checks". */
  where: string;
  /** The file to open, when the source is one file. */
  file: string | null;
  state: 'ok' | 'missing' | 'error';
  detail: string;
}

export interface ChecklistView {
  generatedAt: string;
  header: { date: string; rcVersion: string; targetVersion: string; releaseManager: string };
  sections: SectionView[];
  gates: GatesView | null;
  canary: CanaryView | null;
  signoffs: SignoffView[];
  decision: DecisionView;
  rationale: string;
  sources: SourceView[];
  /** The state file could not be read: shown as a banner; nothing is written until it is fixed. */
  stateProblem: string | null;
  /** Non-fatal remarks about the state file (e.g. answers for items this version does not know). */
  stateWarnings: string[];
  fingerprint: { gateReportSha256: string | null; locksSha256: string };
  /** The sign-off policy in force and any problem reading it or allowed_signers. */
  trust: { policyFile: string | null; allowedSigners: string; problem: string | null; requiredRoles: Role[]; countUnsigned: boolean };
  /** The current state verified as a promotion record would be; null until computed. */
  verification: VerificationStepView[] | null;
}

/** Extension → webview. */
export type HostMessage = { type: 'view'; view: ChecklistView } | { type: 'notice'; level: 'info' | 'error'; text: string };


/** Webview → extension; anything else is rejected and logged. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('refresh') }).strict(),
  ...stateChangeSchemas,
  z.object({ type: z.literal('exportMarkdown') }).strict(),
  z.object({ type: z.literal('openSource'), file: z.string().max(1000) }).strict(),
  /** What the webview drew, so tests in the real host can see the DOM's effect without scraping it. */
  z.object({ type: z.literal('rendered'), decision: z.enum(['GO', 'NO-GO', 'CONDITIONAL']), checked: z.array(itemIdSchema), signed: z.array(roleSchema), verified: z.array(roleSchema).default([]) }).strict(),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
