import type { CanaryConfig } from './config';
import type { ProcessOutcome } from './processRun';
import type { RunOutcome } from './results';

// How one run ended, from its process's outcome (pure): the outcome, exit code and reason recorded
// in the results, and the run's output.log text.

export interface Classified {
  outcome: RunOutcome;
  exitCode: number;
  reason: string | null;
}

/** The last non-blank line, cut at 200 characters: a run's reason in one line. */
function lastLine(text: string): string {
  // split always yields at least one element.
  const line = text.trimEnd().split('\n').pop()!.trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** The run's outcome; `stoppedBy` names what stopped the sequence when the run was cut short by it (not by the user). */
export function classify(p: ProcessOutcome, config: CanaryConfig, stoppedBy: string | null): Classified {
  if (p.spawnError) return { outcome: 'spawn_error', exitCode: -1, reason: p.spawnError };
  if (p.aborted) return { outcome: 'cancelled', exitCode: -1, reason: stoppedBy ?? 'cancelled' };
  if (p.timedOut) return { outcome: 'timeout', exitCode: -1, reason: `timed out after ${config.timeout_seconds}s; process group killed` };
  if (p.exitCode === 0) return { outcome: 'success', exitCode: 0, reason: null };
  if (p.exitCode === null) return { outcome: 'failed', exitCode: -1, reason: `killed by ${p.signal ?? 'a signal'}` };
  const tail = lastLine(p.stderr.text()) || lastLine(p.stdout.text());
  if (config.gating === 'hard' && p.exitCode === config.hard_trip_exit_code) {
    return { outcome: 'hard_trip', exitCode: p.exitCode, reason: `hard gating tripped (exit ${p.exitCode})${tail ? `: ${tail}` : ''}` };
  }
  return { outcome: 'failed', exitCode: p.exitCode, reason: `exit code ${p.exitCode}${tail ? `: ${tail}` : ''}` };
}

/** output.log: the command as a shell would need it quoted, both output tails, the outcome. */
export function logText(argv: string[], p: ProcessOutcome, c: Classified): string {
  const section = (name: string, t: typeof p.stdout) =>
    `--- ${name} (${t.total} bytes${t.truncated ? `, last ${Buffer.byteLength(t.text())} kept` : ''}) ---\n${t.text()}${t.text().endsWith('\n') || !t.total ? '' : '\n'}`;
  return `$ ${argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ')}\n${section('stdout', p.stdout)}${section('stderr', p.stderr)}--- ${c.outcome}: ${c.reason ?? 'exit code 0'} after ${(p.durationMs / 1000).toFixed(3)}s ---\n`;
}
