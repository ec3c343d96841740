import { z } from 'zod';
import { parseJsonText, readInputBytes, schemaError } from '../util/jsonSource';
import type { GateReport } from '../verdict/types';

// Mirrors GateReport (src/core/verdict/types.ts) for what the checklist reads; extra fields pass
// through. Kept strict on the fields that decide (data_mode, decision_code, statuses).
const comparator = z.enum(['<=', '<', '>=', '>', '==']);
const gateStatus = z.enum(['PASS', 'WARN', 'INCONCLUSIVE', 'FAIL']);

const evidenceSchema = z.object({
  kind: z.enum(['prometheus', 'file']),
  source: z.string(),
  query: z.string().optional(),
  path: z.string().optional(),
  evaluated_at: z.string(),
  window: z.string().optional(),
  series_count: z.number().optional(),
  raw: z.array(z.object({ labels: z.record(z.string(), z.string()).optional(), value: z.string() })),
  threshold: z.number(),
  comparator,
  duration_ms: z.number(),
  error: z.string().optional(),
}).passthrough();

const checkSchema = z.object({
  check_id: z.string(),
  name: z.string(),
  outcome: z.enum(['PASS', 'WARN', 'FAIL', 'INCONCLUSIVE', 'NO_DATA', 'ERROR']),
  counts_as: gateStatus,
  value: z.number().nullable(),
  threshold: z.number(),
  comparator,
  severity: z.enum(['fail', 'warn']),
  message: z.string(),
  evidence: evidenceSchema,
}).passthrough();

const gateSchema = z.object({
  gate_id: z.number().int(),
  gate_name: z.string(),
  status: gateStatus,
  value: z.number().nullable(),
  threshold: z.number().nullable(),
  condition: z.string(),
  message: z.string(),
  fail_action: z.enum(['NO-GO', 'CONDITIONAL', 'OBSERVE']),
  key: z.string(),
  remediation: z.string(),
  checks: z.array(checkSchema),
}).passthrough();

export const gateReportSchema = z.object({
  schema_version: z.number().int(),
  timestamp: z.string(),
  window_hours: z.number(),
  data_mode: z.enum(['live', 'replay', 'demo']),
  overall_status: z.string(),
  ga_status: z.string(),
  gates: z.array(gateSchema),
  decision: z.string(),
  decision_code: z.enum(['APPROVED', 'CONDITIONAL', 'INCONCLUSIVE', 'BLOCKED']),
  next_steps: z.array(z.string()),
  source: z.string(),
  profile: z.string().optional(),
}).passthrough();

/** Validates a gate report's text; errors name the file and line. */
export function parseGateReport(text: string, file: string): GateReport {
  const parsed = gateReportSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not a valid gate report');
  return parsed.data as GateReport;
}

/** Reads the gate report and returns it with its raw bytes (what a sign-off's SHA-256 covers). */
export async function readGateReport(file: string, signal: AbortSignal): Promise<{ report: GateReport; bytes: Buffer }> {
  const bytes = await readInputBytes(file, 'gate report', signal);
  return { report: parseGateReport(bytes.toString('utf8'), file), bytes };
}
