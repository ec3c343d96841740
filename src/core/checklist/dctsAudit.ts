import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { parseJsonText, schemaError } from '../canary/jsonSource';
import { InputError } from '../util/errors';
import type { DctsAuditInput } from './inputs';

// The checklist needs only the audit's verdict (and shows a few figures when present); the audit
// engineer owns the full report shape.
const auditSchema = z.object({
  status: z.enum(['PASS', 'WARN', 'FAIL', 'NO_DATA']),
  var_ratio: z.number().nullable().optional(),
  reasons: z.array(z.string()).optional(),
}).passthrough();

export async function readDctsAudit(file: string, signal: AbortSignal): Promise<DctsAuditInput> {
  let text: string;
  try {
    text = await fs.readFile(file, { encoding: 'utf8', signal });
  } catch (err) {
    signal.throwIfAborted();
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? 'DCTS audit report not found' : `cannot read DCTS audit report: ${(err as Error).message}`, { file });
  }
  const parsed = auditSchema.safeParse(parseJsonText(text, file));
  if (!parsed.success) throw schemaError(text, file, parsed.error, 'not a valid DCTS audit report');
  const details: string[] = [];
  if (typeof parsed.data.var_ratio === 'number') details.push(`var_ratio ${parsed.data.var_ratio}`);
  details.push(...(parsed.data.reasons ?? []));
  return { status: parsed.data.status, details };
}
