// The verdict model shared by gates, canary and checklist (product spec §1). These types are the
// contract between the engine and every face; JSON reports are these objects serialised.

import type { Judgement, ScoreResult } from '../judge';

export type Comparator = '<=' | '<' | '>=' | '>' | '==';

/** What a failing check counts as. */
export type Severity = 'fail' | 'warn';

/** What NO_DATA / ERROR count as; hard gates default to 'fail'. */
export type MissingPolicy = 'fail' | 'warn' | 'inconclusive';

/** The raw outcome of one check; INCONCLUSIVE: there is data, but it cannot decide (a comparison whose interval straddles its limit). */
export type CheckOutcome = 'PASS' | 'WARN' | 'FAIL' | 'INCONCLUSIVE' | 'NO_DATA' | 'ERROR';

/** A gate is the worst of its checks, after on_missing/on_error are applied: FAIL > INCONCLUSIVE > WARN > PASS. */
export type GateStatus = 'PASS' | 'WARN' | 'INCONCLUSIVE' | 'FAIL';

export type FailAction = 'NO-GO' | 'CONDITIONAL' | 'OBSERVE';

export type DecisionCode = 'APPROVED' | 'CONDITIONAL' | 'INCONCLUSIVE' | 'BLOCKED';

/** Where the data came from; named in every output. Only 'live' may ever promote. */
export type DataMode = 'live' | 'replay' | 'demo';

/** Exactly which data produced a verdict. */
export interface Evidence {
  /** 'prometheus' or 'file'. */
  kind: 'prometheus' | 'file';
  /** Prometheus base URL, or the file path read. */
  source: string;
  /** The resolved PromQL (after template substitution), for Prometheus checks. */
  query?: string;
  /** The JSON path or log pattern, for file checks. */
  path?: string;
  /** RFC 3339 evaluation time. */
  evaluated_at: string;
  /** PromQL duration of the window, e.g. '48h'. */
  window?: string;
  /** Number of series (Prometheus) or matched items (file) behind the value. */
  series_count?: number;
  /** The raw value(s) as received, with their labels when there are several series. */
  raw: { labels?: Record<string, string>; value: string }[];
  threshold: number;
  comparator: Comparator;
  duration_ms: number;
  /** The server's or the file system's own error text, for ERROR outcomes. */
  error?: string;
  /** Range queries: the range and resolution asked for (RFC 3339, seconds). */
  range?: { start: string; end: string; step_seconds: number };
  /** HTTP attempts made (more than 1 after retries). */
  attempts?: number;
  /** Warnings the server returned with its answer. */
  warnings?: string[];
  /** How many raw entries were left out of `raw` (the worst ones are kept). */
  raw_truncated?: number;
  /** How the value was derived from the raw data, when not obvious (e.g. flat checkpoint report). */
  note?: string;
  /** Compare checks: both sides and the judge's statistics, with the deciding rule in words. */
  comparison?: ComparisonEvidence;
}

/** One side of a comparison as queried. */
export interface ComparisonSide {
  /** The value ${side} took. */
  value: string;
  /** The resolved queries (samples: one; counts: errors and requests). */
  queries: string[];
  series_count: number;
}

export interface ComparisonEvidence {
  baseline: ComparisonSide;
  candidate: ComparisonSide;
  /** The judge's result (src/core/judge Judgement), serialised as is. */
  judgement: Judgement;
  /** The decision in words, e.g. "candidate p95 latency is 18% higher, 98% CI [12%, 25%], above the allowed 10%". */
  summary: string;
  group: string;
  weight: number;
  critical: boolean;
}

export interface CheckResult {
  check_id: string;
  name: string;
  outcome: CheckOutcome;
  /** How this check counts toward its gate, after severity / on_missing / on_error. */
  counts_as: GateStatus;
  /** The measured value, or null for NO_DATA / ERROR. */
  value: number | null;
  threshold: number;
  comparator: Comparator;
  severity: Severity;
  message: string;
  evidence: Evidence;
}

export interface GateResult {
  // Fields of the original report, kept for compatibility.
  gate_id: number;
  gate_name: string;
  status: GateStatus;
  value: number | null;
  threshold: number | null;
  condition: string;
  message: string;
  fail_action: FailAction;
  // Additions.
  key: string;
  remediation: string;
  checks: CheckResult[];
  /** Which check `value`/`threshold` come from (the one that decided the status), so units never mix. */
  value_check?: string | null;
  /** Gates with `score`: how their compare checks scored together. */
  score?: ScoreResult & { pass: number; marginal: number };
}

export interface GateReport {
  schema_version: number;
  timestamp: string;
  window_hours: number;
  data_mode: DataMode;
  /** PASS | WARN | FAIL | INCONCLUSIVE, the original's overall_status. */
  overall_status: string;
  ga_status: string;
  gates: GateResult[];
  decision: string;
  decision_code: DecisionCode;
  next_steps: string[];
  /** Where the Prometheus data came from (base URL, or the recording replayed). */
  source: string;
  profile?: string;
  /** False for replay/demo data: such a report can never be used to promote. */
  promotable?: boolean;
  /** RFC 3339 (UTC) evaluation time every query and file window used (`--at`). */
  evaluated_at?: string;
  /** The PromQL duration `${window}` resolved to, e.g. '48h'. */
  window?: string;
  /** The process exit code this report maps to (0 APPROVED, 1 BLOCKED, 3 CONDITIONAL, 4 INCONCLUSIVE). */
  exit_code?: number;
  /** The gate definitions file evaluated. */
  gates_file?: string;
}
