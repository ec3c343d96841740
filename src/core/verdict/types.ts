// The verdict model shared by gates, canary and checklist (product spec §1): the gate report's one
// zod schema, with every TypeScript type inferred from it. The engine writes these objects, the
// checklist and the Gates view read them back through gateReportSchema — one definition, no mirror.
import * as z from 'zod';

import type { Judgement } from '../judge';

export const comparatorSchema = z.enum(['<=', '<', '>=', '>', '==']);
export type Comparator = z.infer<typeof comparatorSchema>;

/** What a failing check counts as. */
export const severitySchema = z.enum(['fail', 'warn']);
export type Severity = z.infer<typeof severitySchema>;

/** What NO_DATA / ERROR count as; hard gates default to 'fail'. */
export type MissingPolicy = 'fail' | 'warn' | 'inconclusive';

/** The raw outcome of one check; INCONCLUSIVE: there is data, but it cannot decide (a comparison whose interval straddles its limit). */
export const checkOutcomeSchema = z.enum(['PASS', 'WARN', 'FAIL', 'INCONCLUSIVE', 'NO_DATA', 'ERROR']);
export type CheckOutcome = z.infer<typeof checkOutcomeSchema>;

/** A gate is the worst of its checks, after on_missing/on_error are applied: FAIL > INCONCLUSIVE > WARN > PASS. */
export const gateStatusSchema = z.enum(['PASS', 'WARN', 'INCONCLUSIVE', 'FAIL']);
export type GateStatus = z.infer<typeof gateStatusSchema>;

export const failActionSchema = z.enum(['NO-GO', 'CONDITIONAL', 'OBSERVE']);
export type FailAction = z.infer<typeof failActionSchema>;

/** ERROR: the evaluation could not be carried out (server unreachable, not Prometheus, auth, deadline…), exit 5. */
export const decisionCodeSchema = z.enum(['APPROVED', 'CONDITIONAL', 'INCONCLUSIVE', 'BLOCKED', 'ERROR']);
export type DecisionCode = z.infer<typeof decisionCodeSchema>;

/** Where the data came from; named in every output. Only 'live' may ever promote. */
export const dataModeSchema = z.enum(['live', 'replay', 'demo']);
export type DataMode = z.infer<typeof dataModeSchema>;

/**
 * Why a query got no answer when the server or the way to it is at fault, not the query
 * (src/core/prometheus/cause.ts tells them apart): the evaluation could not be carried out.
 */
export const unavailableCauseSchema = z.enum(['unreachable', 'dns', 'tls', 'timeout', 'auth', 'not-prometheus', 'server-error', 'throttled', 'deadline']);
export type UnavailableCause = z.infer<typeof unavailableCauseSchema>;

/** A measured value: a number, NaN/±Inf as Prometheus writes them (JSON has no such numbers), or null for none. */
const NON_FINITE = { NaN: Number.NaN, '+Inf': Number.POSITIVE_INFINITY, '-Inf': Number.NEGATIVE_INFINITY } as const;
export const measuredSchema = z.union([z.number(), z.enum(['NaN', '+Inf', '-Inf']).transform((t) => NON_FINITE[t])]).nullable();

/** Exactly which data produced a verdict. */
export const evidenceSchema = z.object({
  /** 'prometheus' or 'file'. */
  kind: z.enum(['prometheus', 'file']),
  /** Prometheus base URL, or the file path read. */
  source: z.string(),
  /** The resolved PromQL (after template substitution), for Prometheus checks. */
  query: z.string().optional(),
  /** The JSON path or log pattern, for file checks. */
  path: z.string().optional(),
  /** RFC 3339 evaluation time. */
  evaluated_at: z.string(),
  /** PromQL duration of the window, e.g. '48h'. */
  window: z.string().optional(),
  /** Number of series (Prometheus) or matched items (file) behind the value. */
  series_count: z.number().optional(),
  /** The raw value(s) as received, with their labels when there are several series. */
  raw: z.array(z.object({ labels: z.record(z.string(), z.string()).optional(), value: z.string() })),
  threshold: z.number(),
  comparator: comparatorSchema,
  duration_ms: z.number(),
  /** The server's or the file system's own error text, for ERROR outcomes. */
  error: z.string().optional(),
  /** Range queries: the range and resolution asked for (RFC 3339, seconds). */
  range: z.object({ start: z.string(), end: z.string(), step_seconds: z.number() }).optional(),
  /** HTTP attempts made (more than 1 after retries). */
  attempts: z.number().optional(),
  /** Warnings the server returned with its answer. */
  warnings: z.array(z.string()).optional(),
  /** How many raw entries were left out of `raw` (the worst ones are kept). */
  raw_truncated: z.number().optional(),
  /** How the value was derived from the raw data, when not obvious (e.g. flat checkpoint report). */
  note: z.string().optional(),
  /** ERROR because the server or the way to it failed, not the query: the evaluation could not be carried out. */
  cause: unavailableCauseSchema.optional(),
  /** NO_DATA because the server said its answer was incomplete (warnings, isPartial). */
  partial: z.boolean().optional(),
  /** Compare checks: both sides and the judge's statistics, with the deciding rule in words. */
  comparison: z.lazy(() => comparisonEvidenceSchema).optional(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** One side of a comparison as queried. */
export const comparisonSideSchema = z.object({
  /** The value ${side} took. */
  value: z.string(),
  /** The resolved queries (samples: one; counts: errors and requests). */
  queries: z.array(z.string()),
  series_count: z.number(),
});
export type ComparisonSide = z.infer<typeof comparisonSideSchema>;

export const comparisonEvidenceSchema = z.object({
  baseline: comparisonSideSchema,
  candidate: comparisonSideSchema,
  /** The judge's result (src/core/judge Judgement), serialised as is; evidence, never re-decided from. */
  judgement: z.custom<Judgement>((v) => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { verdict?: unknown }).verdict === 'string', 'not a judgement'),
  /** The decision in words, e.g. "candidate p95 latency is 18% higher, 98% CI [12%, 25%], above the allowed 10%". */
  summary: z.string(),
  group: z.string(),
  weight: z.number(),
  critical: z.boolean(),
});
export type ComparisonEvidence = z.infer<typeof comparisonEvidenceSchema>;

/** How a gate's compare checks scored together (src/core/judge scoreMetrics, with the gate's thresholds). */
export const gateScoreSchema = z.object({
  score: z.number().nullable(),
  status: z.enum(['PASS', 'WARN', 'FAIL', 'INCONCLUSIVE']),
  groups: z.array(z.object({ group: z.string(), weight: z.number(), judged: z.number(), passed: z.number(), score: z.number().nullable() })),
  criticalFailures: z.array(z.string()),
  judgedShare: z.number(),
  reason: z.string(),
  pass: z.number(),
  marginal: z.number(),
});

export const checkResultSchema = z.object({
  check_id: z.string(),
  name: z.string(),
  outcome: checkOutcomeSchema,
  /** How this check counts toward its gate, after severity / on_missing / on_error. */
  counts_as: gateStatusSchema,
  /**
   * The measured value; NaN/±Inf when that is what came back (written "NaN", "+Inf", "-Inf" in JSON
   * reports, as Prometheus writes them); null when there is no value (no series, ERROR).
   */
  value: measuredSchema,
  threshold: z.number(),
  comparator: comparatorSchema,
  severity: severitySchema,
  message: z.string(),
  evidence: evidenceSchema,
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const gateResultSchema = z.object({
  // Fields of the original report, kept for compatibility.
  gate_id: z.number().int(),
  gate_name: z.string(),
  status: gateStatusSchema,
  value: measuredSchema,
  threshold: z.number().nullable(),
  condition: z.string(),
  message: z.string(),
  fail_action: failActionSchema,
  // Additions.
  key: z.string(),
  remediation: z.string(),
  checks: z.array(checkResultSchema),
  /** Which check `value`/`threshold` come from (the one that decided the status), so units never mix. */
  value_check: z.string().nullable().optional(),
  /** Gates with `score`: how their compare checks scored together. */
  score: gateScoreSchema.optional(),
});
export type GateResult = z.infer<typeof gateResultSchema>;

export const gateReportSchema = z.object({
  schema_version: z.number().int(),
  timestamp: z.string(),
  window_hours: z.number(),
  data_mode: dataModeSchema,
  /** PASS | WARN | FAIL | INCONCLUSIVE, the original's overall_status. */
  overall_status: z.string(),
  ga_status: z.string(),
  gates: z.array(gateResultSchema),
  decision: z.string(),
  decision_code: decisionCodeSchema,
  /** Why the decision is what it is (e.g. "no deciding data: …"). */
  decision_reason: z.string().optional(),
  next_steps: z.array(z.string()),
  /** Where the Prometheus data came from (base URL, or the recording replayed). */
  source: z.string(),
  profile: z.string().optional(),
  /** False for replay/demo data: such a report can never be used to promote. */
  promotable: z.boolean().optional(),
  /** RFC 3339 (UTC) evaluation time every query and file window used (`--at`). */
  evaluated_at: z.string().optional(),
  /** The PromQL duration `${window}` resolved to, e.g. '48h'. */
  window: z.string().optional(),
  /** The process exit code this report maps to (0 APPROVED, 1 BLOCKED, 3 CONDITIONAL, 4 INCONCLUSIVE, 5 ERROR). */
  exit_code: z.number().int().optional(),
  /** The gate definitions file evaluated. */
  gates_file: z.string().optional(),
  /** Set when Prometheus could not answer: why, named once (decision ERROR when it left a deciding gate without a verdict). */
  evaluation_error: z
    .object({
      cause: unavailableCauseSchema,
      /** One sentence naming the server and what went wrong. */
      message: z.string(),
      /** The Prometheus base URL (credentials removed). */
      source: z.string(),
      /** How many checks got no answer for this reason (all Prometheus checks when the pre-flight failed). */
      checks: z.number().int(),
      /** True when the pre-flight request failed and no query was sent. */
      preflight: z.boolean(),
    })
    .optional(),
  /** Live runs recorded with `--record`: the recording (as given, relative to where gates ran) and its SHA-256. */
  recording: z.object({ file: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});
export type GateReport = z.infer<typeof gateReportSchema>;
export type EvaluationError = NonNullable<GateReport['evaluation_error']>;
