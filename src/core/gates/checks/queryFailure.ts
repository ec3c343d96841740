import type { QueryFailure } from '../../prometheus/client';
import type { Measured } from './context';

type Evidence = Extract<Measured, { kind: 'error' }>['evidence'];

/**
 * A query without a result: a partial answer is missing data (NO_DATA, the on_missing policy), anything
 * else an ERROR (on_error); the evidence names the cause when the server, not the query, is at fault.
 */
export function queryFailed(res: QueryFailure, evidence: Evidence): Measured {
  if (res.kind === 'partial') return { kind: 'no_data', reason: res.message, evidence: { ...evidence, partial: true } };
  return { kind: 'error', reason: res.message, evidence: { ...evidence, error: res.message, ...(res.cause ? { cause: res.cause } : {}) } };
}
