// The contract between the checklist webview and the extension: the view model the extension sends,
// and every message the webview may send back. The webview imports only types from here (esbuild drops
// them), the extension validates each incoming message with `webviewMessageSchema` before acting on it.
import * as z from 'zod';
import { ITEM_FILTERS } from './filter';
import { renderedChartSchema } from '../charts/messages';
import type { CheckChart } from '../charts/model';
import { itemIdSchema, roleSchema, stateChangeSchemas, type DecidingReason, type DecisionOutcome, type Impact, type ItemStatus, type Role, type SinceView, type SignoffStatus } from './model';

export { IMPACTS, ROLES, ROLE_TITLES, type Decision, type Impact, type ItemStatus, type Role } from './model';

export interface ItemView {
  id: string;
  /** What the item asks, for people. */
  title: string;
  /** The original checklist's wording (a template in places), as the Markdown export keeps it. */
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
  /** When ok, what the source says (e.g. "NOT READY — Git Tree: 2 uncommitted files"); otherwise why it could not be read. */
  detail: string;
  /** What an ok source concludes, for its colour; null when it could not be read. */
  verdict: 'pass' | 'warn' | 'fail' | null;
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

/** Which items the panel shows (filter.ts). */
const itemFilterSchema = z.enum(ITEM_FILTERS);
/** A failing or warning check's chart (src/core/charts), for the report of `timestamp`, or why there is none. */
export interface ChecklistChart {
  type: 'chart';
  /** The gate report's timestamp: a chart belongs to the report it was drawn for. */
  timestamp: string;
  gate: string;
  check: string;
  result: { ok: true; chart: CheckChart; stepSeconds: number } | { ok: false; error: string };
}

/** Extension → webview. */
export type HostMessage = { type: 'view'; view: ChecklistView } | { type: 'notice'; level: 'info' | 'error'; text: string } | ChecklistChart;


/** Webview → extension; anything else is rejected and logged. */
export const webviewMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }).strict(),
  z.object({ type: z.literal('refresh') }).strict(),
  ...stateChangeSchemas,
  z.object({ type: z.literal('exportMarkdown') }).strict(),
  z.object({ type: z.literal('openSource'), file: z.string().max(1000) }).strict(),
  /** The gate report the checklist read: as a readable preview, or its JSON. */
  z.object({ type: z.literal('openReport'), as: z.enum(['preview', 'json']) }).strict(),
  /** The chart of a failing or warning check of the current report, and its link to Prometheus. */
  z.object({ type: z.literal('chart'), gate: z.string().max(200), check: z.string().max(200) }).strict(),
  z.object({ type: z.literal('openInPrometheus'), gate: z.string().max(200), check: z.string().max(200) }).strict(),
  /** What a chart drew (as the chart panel reports it). */
  z.object({ type: z.literal('chartRendered'), gate: z.string().max(200), chart: renderedChartSchema }).strict(),
  /** What the webview drew, so tests in the real host can see the DOM's effect without scraping it. */
  z.object({
    type: z.literal('rendered'),
    decision: z.enum(['GO', 'NO-GO', 'CONDITIONAL']),
    checked: z.array(itemIdSchema),
    signed: z.array(roleSchema),
    verified: z.array(roleSchema).default([]),
    filter: itemFilterSchema,
    /** The items drawn under the filter, in order (collapsed sections included). */
    visible: z.array(itemIdSchema),
    collapsed: z.array(itemIdSchema),
    /** The titles drawn, by item id. */
    titles: z.record(itemIdSchema, z.string().max(500)),
  }).strict(),
]);
export type WebviewMessage = z.infer<typeof webviewMessageSchema>;
