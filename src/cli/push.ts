import { PushError, pushMetrics, pushUrl } from '../core/metrics';
import { redactUrls } from '../core/util';
import { UsageError } from './args';
import type { CliIO } from './command';

export interface PushTarget {
  url: string;
  job: string;
}

/** Checks --push-url/--push-job before any work is done, so a typo is a usage error, not a late surprise. */
export function pushTarget(url: string | undefined, job: string | undefined, defaultJob: string): PushTarget | undefined {
  if (url === undefined) {
    if (job !== undefined) throw new UsageError('--push-job needs --push-url');
    return undefined;
  }
  const target = { url, job: job ?? defaultJob };
  try {
    pushUrl(target.url, target.job);
  } catch (err) {
    throw new UsageError(`--push-url: ${(err as Error).message}`);
  }
  return target;
}

/**
 * Pushes and says so on stderr. A failed push is reported but does not change the command's exit
 * code: CI keeps gating on the verdict, and AuroraGaEvaluationStale catches a monitoring gap.
 */
export async function pushExposition(io: CliIO, command: string, target: PushTarget, text: string, signal: AbortSignal): Promise<boolean> {
  try {
    await pushMetrics(target.url, target.job, text, signal);
    io.stderr(`metrics pushed to ${redactUrls(target.url)} (job ${target.job})\n`);
    return true;
  } catch (err) {
    if (!(err instanceof PushError)) throw err;
    io.stderr(`aurora-ga ${command}: [ERROR] ${err.message}\n`);
    return false;
  }
}
