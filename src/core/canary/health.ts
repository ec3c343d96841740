import type { HealthCheckSpec } from './config';
import type { HealthCheckResult, HealthResult } from './results';

// Health analysis of one run's summary.json. Pure: the runner reads the file, this judges it.

/** Reads `a.b.c` from a parsed JSON value; `found` is false when any step is absent. */
export function readPath(root: unknown, dotted: string): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const key of dotted.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, key)) return { found: false, value: null };
    cur = (cur as Record<string, unknown>)[key];
  }
  return { found: true, value: cur };
}

export function describeCheck(c: HealthCheckSpec): string {
  if (c.description) return c.description;
  if (c.op === 'min_keys') return `${c.path} has at least ${c.value} key${c.value === 1 ? '' : 's'}`;
  return `${c.path} ${c.op} ${JSON.stringify(c.value)}`;
}

function holds(c: HealthCheckSpec, value: unknown): boolean {
  if (c.op === 'min_keys') return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length >= (c.value as number);
  if (c.op === '==') return value === c.value;
  if (c.op === '!=') return value !== c.value;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const t = c.value as number;
  switch (c.op) {
    case '>': return value > t;
    case '>=': return value >= t;
    case '<': return value < t;
    case '<=': return value <= t;
  }
}

function why(c: HealthCheckSpec, r: HealthCheckResult): string {
  if (r.missing) return `${c.path} missing from the summary`;
  if (c.op === 'min_keys') {
    const n = r.value !== null && typeof r.value === 'object' ? Object.keys(r.value).length : 'not an object';
    return `${c.path} has ${n} key(s), needs ${c.value}`;
  }
  return `${c.path} = ${JSON.stringify(r.value)}, needs ${c.op} ${JSON.stringify(c.value)}`;
}

/** Judges a parsed summary against the configured checks; the reason lists every failed check. */
export function analyseSummary(summary: unknown, checks: HealthCheckSpec[], runId: number): HealthResult {
  const results: HealthCheckResult[] = checks.map((c) => {
    const { found, value } = readPath(summary, c.path);
    const ok = found ? holds(c, value) : c.on_missing === 'pass';
    return { id: c.id, description: describeCheck(c), ok, value: found ? value : null, missing: !found };
  });
  const failed = results.flatMap((r, i) => (r.ok ? [] : [`${r.id}: ${why(checks[i], r)}`]));
  const num = (p: string) => {
    const v = readPath(summary, p).value;
    return typeof v === 'number' ? v : undefined;
  };
  const execs = readPath(summary, 'r2_main_loop.execution_decisions').value;
  const exitKind = readPath(summary, 'r2_preloop.exit_kind').value;
  return {
    healthy: failed.length === 0,
    health_checks: Object.fromEntries(results.map((r) => [r.id, r.ok])),
    // The original's four figures, kept when the summary has them.
    decisions: num('r2_main_loop.decisions'),
    executions: execs !== null && typeof execs === 'object' ? Object.keys(execs).length : undefined,
    exit_kind: typeof exitKind === 'string' ? exitKind : undefined,
    zero_budget: num('r2_preloop.skip_reasons.zero_budget'),
    ...(failed.length ? { reason: `Unhealthy: ${failed.join('; ')}` } : {}),
    run_id: runId,
    checks: results,
  };
}

/** The health record of a run that could not be analysed (failed, no summary, unreadable summary). */
export function unhealthy(runId: number, reason: string): HealthResult {
  return { healthy: false, reason, run_id: runId };
}
