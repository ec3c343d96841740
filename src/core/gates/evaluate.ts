import type { GateReport } from '../verdict/types';
import type { EvaluateOptions, GateProgress } from './options';

export type { DataSource, EvaluateOptions, GateProgress } from './options';

/**
 * Evaluates every gate once and returns the report (the JSON report's shape). Throws InputError for
 * bad input (gates file, recording, missing URL) and an AbortError when `signal` aborts; Prometheus
 * and file problems are not thrown but become ERROR / NO_DATA outcomes with their evidence.
 */
export async function evaluateGates(options: EvaluateOptions, signal: AbortSignal, onProgress?: (p: GateProgress) => void): Promise<GateReport> {
  void options;
  void signal;
  void onProgress;
  throw new Error('evaluateGates: being implemented (issue 4)');
}
