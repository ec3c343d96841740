import { readAuditReport } from '../audit/readReport';
import type { DctsAuditInput } from './inputs';

/**
 * The checklist needs only the audit's verdict and a few figures. The audit's own reader does the
 * reading, so a report of the original tool (no status) is judged the same way everywhere.
 */
export async function readDctsAudit(file: string, signal: AbortSignal): Promise<DctsAuditInput> {
  const report = await readAuditReport(file, signal);
  const details: string[] = [];
  if (typeof report.var_ratio === 'number') details.push(`var_ratio ${report.var_ratio}`);
  if (report.legacy) details.push('original report without a status: judged against the default thresholds');
  details.push(...report.reasons);
  return { status: report.status, details };
}
