import { parseJsonText, readInputBytes, schemaError } from '../util/jsonSource';
import { gateReportSchema, type GateReport } from '../verdict/types';

/** Validates a gate report's text against the report's one schema (src/core/verdict/types.ts); errors name the file and line. */
export function parseGateReport(text: string, file: string): GateReport {
  const parsed = gateReportSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not a valid gate report');
  return parsed.data;
}

/** Reads the gate report and returns it with its raw bytes (what a sign-off's SHA-256 covers). */
export async function readGateReport(file: string, signal: AbortSignal): Promise<{ report: GateReport; bytes: Buffer }> {
  const bytes = await readInputBytes(file, 'gate report', signal);
  return { report: parseGateReport(bytes.toString('utf8'), file), bytes };
}
