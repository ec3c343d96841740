// The checklist's domain: impacts, item answers, roles, the decision and the changes a person can
// make. The webview protocol (messages.ts) is built on top of this file, never the other way round.
import * as z from 'zod';

export const IMPACTS = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export type Impact = (typeof IMPACTS)[number];

/** satisfied / warn (a CONDITIONAL gate) / failed / no_data (never a pass) / open (manual, not ticked). */
export type ItemStatus = 'satisfied' | 'warn' | 'failed' | 'no_data' | 'open';

export type Decision = 'GO' | 'NO-GO' | 'CONDITIONAL';

export const ROLES = ['release_manager', 'sre_lead', 'product_owner'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_TITLES: Record<Role, string> = {
  release_manager: 'Release Manager',
  sre_lead: 'SRE Lead',
  product_owner: 'Product Owner',
};

/** How the evaluation a sign-off approved relates to the current one. */
export interface SinceView {
  /** current: the same evaluation; same-verdicts: newer, every verdict unchanged; verdicts-changed; unknown: nothing to compare. */
  kind: 'current' | 'same-verdicts' | 'verdicts-changed' | 'unknown';
  verdictChanges: string[];
  valueDrift: string[];
  /** evaluated_at of the approved evaluation, when known. */
  approvedAt: string | null;
}

/** One role's sign-off, and whether the evidence changed since (signoff.ts). */
export interface SignoffStatus {
  role: Role;
  title: string;
  name: string | null;
  time: string | null;
  stale: boolean;
  /** Why a sign-off no longer matches the evidence, e.g. "gate report changed". */
  staleReasons: string[];
  /** valid: an SSH signature verified against allowed_signers; unsigned: a name only; invalid: a signature that does not verify. */
  signature: 'valid' | 'unsigned' | 'invalid' | null;
  signatureDetail: string;
  /** Whether this sign-off counts toward a GO (signature and policy; staleness aside). */
  counts: boolean;
  /** Whether the policy requires this role for a GO. */
  required: boolean;
  since: SinceView | null;
}

/** One reason the decision is not GO. */
export interface DecidingReason {
  /** The item it is about, when the reason is an item. */
  itemId: string | null;
  text: string;
}

/** What the decision rule (decide.ts) concludes. */
export interface DecisionOutcome {
  decision: Decision;
  headline: string;
  deciding: DecidingReason[];
}

export const itemIdSchema = z.string().regex(/^[a-z0-9_.-]{1,64}$/);
export const roleSchema = z.enum(ROLES);

/** The changes a person can make (from the webview or the CLI), each validated by its schema. */
export const stateChangeSchemas = [
  z.object({ type: z.literal('setItem'), id: itemIdSchema, checked: z.boolean() }).strict(),
  z.object({ type: z.literal('setNote'), id: itemIdSchema, note: z.string().max(4000) }).strict(),
  z.object({ type: z.literal('setHeader'), field: z.enum(['targetVersion', 'date']), value: z.string().max(100) }).strict(),
  z.object({ type: z.literal('setRationale'), text: z.string().max(4000) }).strict(),
  z.object({ type: z.literal('signOff'), role: roleSchema, name: z.string().trim().min(1).max(100) }).strict(),
  z.object({ type: z.literal('revokeSignOff'), role: roleSchema }).strict(),
] as const;
export const stateChangeSchema = z.discriminatedUnion('type', stateChangeSchemas);
export type StateChange = z.infer<typeof stateChangeSchema>;
