import type { CheckDefinition } from '../schema';
import type { CheckContext, Measured } from './context';
import { readJsonFile, valueAtPath } from './files';

type JsonCheck = Extract<CheckDefinition, { type: 'json_value' }>;

/** A number at a path; null or absent is NO_DATA (never a default), a non-number is ERROR. */
export async function measureJsonValue(check: JsonCheck, file: string, ctx: CheckContext): Promise<Measured> {
  const evidence = { kind: 'file' as const, source: file, path: check.path };
  const read = await readJsonFile(file, check.id, ctx.files, ctx.signal);
  if (!read.ok) return read.missing ? { kind: 'no_data', reason: read.message, evidence } : { kind: 'error', reason: read.message, evidence: { ...evidence, error: read.message } };
  const v = valueAtPath(read.value, check.path);
  if (v === undefined) return { kind: 'no_data', reason: `no value at '${check.path}'`, evidence };
  if (v === null) return { kind: 'no_data', reason: `'${check.path}' is null`, evidence, raw: [{ value: 'null' }] };
  if (typeof v !== 'number') {
    const message = `'${check.path}' is ${JSON.stringify(v)?.slice(0, 80)}, not a number`;
    return { kind: 'error', reason: message, evidence: { ...evidence, error: message } };
  }
  return { kind: 'values', items: [{ value: v, raw: String(v) }], evidence };
}
