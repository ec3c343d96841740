import type { HistoryKind } from './store';

// Two evaluations side by side: which verdicts changed, and how far each value moved. Every kind
// is reduced to rows {key, verdict, value}, so one comparison serves gates, canary and audit.

export interface Row {
  /** Stable across evaluations: `gate/check`, `success_rate`, `var_ratio`… */
  key: string;
  name: string;
  verdict: string | null;
  /** A number, Prometheus' own string for a non-finite value (`+Inf`), or null when there was none. */
  value: number | string | null;
}

export interface VerdictChange {
  key: string;
  name: string;
  from: string | null;
  to: string | null;
}

export interface ValueMove {
  key: string;
  name: string;
  from: number | string | null;
  to: number | string | null;
  /** to − from when both are finite numbers. */
  delta: number | null;
  /** delta / |from| when from is a non-zero number. */
  relative: number | null;
}

export interface Comparison {
  /** Headline verdicts (decision code, PASS/FAIL, audit status) of the older and the newer run. */
  from: string | null;
  to: string | null;
  verdicts: VerdictChange[];
  /** Every row whose value is not the same, including those whose verdict also changed. */
  moved: ValueMove[];
  /** Rows only in the newer run / only in the older one (checks added to or removed from the gates file). */
  added: string[];
  removed: string[];
  unchanged: number;
}

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const val = (v: unknown): number | string | null => (typeof v === 'number' || typeof v === 'string' ? v : null);

/** The rows of one run's report (parsed JSON) and its headline verdict. */
export function rowsOf(kind: HistoryKind, report: unknown): { headline: string | null; rows: Row[] } {
  const r = obj(report);
  if (kind === 'gates') {
    const rows = arr(r.gates).flatMap((g) => {
      const gate = obj(g);
      return arr(gate.checks).map((c) => {
        const check = obj(c);
        return { key: `${String(gate.key ?? gate.gate_id)}/${String(check.check_id)}`, name: `${String(gate.gate_name ?? gate.key)}: ${String(check.name ?? check.check_id)}`, verdict: str(check.outcome), value: val(check.value) };
      });
    });
    return { headline: str(r.decision_code) ?? str(r.overall_status), rows };
  }
  if (kind === 'canary') {
    const e = obj(r.evaluation);
    const rows: Row[] = [
      { key: 'status', name: 'Canary status', verdict: str(e.status), value: null },
      { key: 'success_rate', name: 'Success rate', verdict: e.success_rate !== undefined && e.success_threshold !== undefined ? (Number(e.success_rate) >= Number(e.success_threshold) ? 'PASS' : 'FAIL') : null, value: val(e.success_rate) },
      { key: 'health_rate', name: 'Health rate', verdict: e.health_rate !== undefined && e.health_threshold !== undefined ? (Number(e.health_rate) >= Number(e.health_threshold) ? 'PASS' : 'FAIL') : null, value: val(e.health_rate) },
      { key: 'avg_duration', name: 'Average duration (s)', verdict: null, value: val(e.avg_duration) },
      { key: 'total_runs', name: 'Runs', verdict: e.cancelled ? 'CANCELLED' : null, value: val(e.total_runs) },
    ];
    return { headline: str(e.status), rows };
  }
  const counts = obj(r.counts);
  const rows: Row[] = [
    { key: 'status', name: 'Audit status', verdict: str(r.status), value: null },
    { key: 'var_ratio', name: 'Variance ratio robust/base', verdict: null, value: val(r.var_ratio) },
    { key: 'robust_samples', name: 'Robust samples', verdict: null, value: val(counts.robust) },
    { key: 'robust_is_min_fraction', name: 'Robust is min fraction', verdict: null, value: val(r.robust_is_min_fraction) },
  ];
  return { headline: str(r.status), rows };
}

function move(key: string, name: string, from: Row['value'], to: Row['value']): ValueMove {
  const finite = (v: Row['value']): v is number => typeof v === 'number' && Number.isFinite(v);
  const delta = finite(from) && finite(to) ? to - from : null;
  return { key, name, from, to, delta, relative: delta !== null && finite(from) && from !== 0 ? delta / Math.abs(from) : null };
}

/** Compares an older run with a newer one of the same kind (reports as parsed JSON). */
export function compareRuns(kind: HistoryKind, older: unknown, newer: unknown): Comparison {
  const a = rowsOf(kind, older);
  const b = rowsOf(kind, newer);
  const before = new Map(a.rows.map((r) => [r.key, r]));
  const after = new Map(b.rows.map((r) => [r.key, r]));
  const verdicts: VerdictChange[] = [];
  const moved: ValueMove[] = [];
  let unchanged = 0;
  for (const row of b.rows) {
    const old = before.get(row.key);
    if (!old) continue;
    const verdictChanged = old.verdict !== row.verdict;
    const valueChanged = old.value !== row.value;
    if (verdictChanged) verdicts.push({ key: row.key, name: row.name, from: old.verdict, to: row.verdict });
    if (valueChanged) moved.push(move(row.key, row.name, old.value, row.value));
    if (!verdictChanged && !valueChanged) unchanged++;
  }
  return {
    from: a.headline,
    to: b.headline,
    verdicts,
    moved,
    added: b.rows.filter((r) => !before.has(r.key)).map((r) => r.key),
    removed: a.rows.filter((r) => !after.has(r.key)).map((r) => r.key),
    unchanged,
  };
}
