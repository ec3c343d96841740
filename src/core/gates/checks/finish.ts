import { formatSample } from '../../prometheus/response';
import { countsAs, outcomeFor, satisfies, statusRank } from '../../verdict/rollup';
import { measuredAgainst } from '../../verdict/phrase';
import type { CheckResult, Comparator, Evidence } from '../../verdict/types';
import type { ThresholdCheck } from '../schema';
import type { Item, Measured } from './context';

const MAX_RAW = 100;

/** How far an item is from passing; the highest is the worst (the one that decides). */
function badness(value: number, comparator: Comparator, threshold: number): number {
  if (comparator === '==') return Math.abs(value - threshold);
  return comparator === '<=' || comparator === '<' ? value : -value;
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return formatSample(v);
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

function labelText(labels: Record<string, string> | undefined): string {
  const e = Object.entries(labels ?? {}).filter(([k]) => k !== '__name__');
  return e.length ? `{${e.map(([k, v]) => `${k}="${v}"`).join(', ')}}` : '';
}

/** Turns a measurement into the check's verdict with its evidence; every series counts. */
export function finishCheck(def: ThresholdCheck, threshold: number, m: Measured, meta: { evaluatedAt: string; durationMs: number }): CheckResult {
  const base = { check_id: def.id, name: def.name, threshold, comparator: def.comparator, severity: def.severity };
  const evidenceOf = (raw: Evidence['raw'], seriesCount: number | undefined): Evidence => {
    const kept = raw.slice(0, MAX_RAW);
    return {
      ...m.evidence,
      evaluated_at: meta.evaluatedAt,
      ...(seriesCount !== undefined ? { series_count: seriesCount } : {}),
      raw: kept,
      ...(raw.length > kept.length ? { raw_truncated: raw.length - kept.length } : {}),
      threshold,
      comparator: def.comparator,
      duration_ms: meta.durationMs,
    };
  };
  // Key order as in CheckResult: what it is, how it came out, against what, why.
  const result = (outcome: CheckResult['outcome'], value: number | null, message: string, evidence: Evidence): CheckResult => ({
    check_id: base.check_id,
    name: base.name,
    outcome,
    counts_as: countsAs(outcome, def, value),
    value,
    threshold: base.threshold,
    comparator: base.comparator,
    severity: base.severity,
    message,
    evidence,
  });

  if (m.kind === 'error') return result('ERROR', null, `${def.name}: ${m.reason}`, evidenceOf([], undefined));
  if (m.kind === 'no_data') return result('NO_DATA', null, `${def.name}: no data (${m.reason})`, evidenceOf(m.raw ?? [], m.seriesCount));

  const items: Item[] = m.items;
  const shownRaw = (sorted: Item[]) => m.raw ?? sorted.map((i) => ({ ...(i.labels ? { labels: i.labels } : {}), value: i.raw }));
  const seriesCount = m.seriesCount ?? items.length;
  const finite = items.filter((i) => Number.isFinite(i.value));
  // NaN and ±Inf never pass: each is NO_DATA, counted as on_missing (NaN) or on_infinite (±Inf) says.
  const odd = items
    .filter((i) => !Number.isFinite(i.value))
    .sort((a, b) => statusRank(countsAs('NO_DATA', def, b.value)) - statusRank(countsAs('NO_DATA', def, a.value)));
  const oddText = odd.map((i) => `${formatSample(i.value)} in ${labelText(i.labels) || 'the value'}`).slice(0, 3).join(', ');

  // Worst first, so the evidence opens with what decided the verdict.
  const sorted = [...finite].sort((a, b) => badness(b.value, def.comparator, threshold) - badness(a.value, def.comparator, threshold));
  const worst = sorted[0];
  const outcome = worst && outcomeFor(worst.value, def.comparator, threshold, def.severity);
  // A real failure among the finite values still decides when it counts at least as much as the gap.
  const finiteRank = worst ? statusRank(countsAs(outcome, def)) : 0;
  const finiteDecides = !odd.length || (finiteRank > 0 && finiteRank >= statusRank(countsAs('NO_DATA', def, odd[0].value)));
  if (!finiteDecides) {
    const infinite = odd.some((i) => !Number.isNaN(i.value));
    const message = infinite
      ? `${def.name}: no finite value (${oddText}); ±Inf never passes a comparison`
      : `${def.name}: no data (${oddText})`;
    return result('NO_DATA', odd[0].value, message, evidenceOf(shownRaw([...odd, ...sorted]), seriesCount));
  }
  const failing = finite.filter((i) => !satisfies(i.value, def.comparator, threshold)).length;
  const where = labelText(worst.labels);
  const of = items.length > 1 ? ` (worst of ${items.length} series${where ? `: ${where}` : ''}${failing ? `, ${failing} failing` : ''})` : where ? ` (${where})` : '';
  const also = odd.length ? `; also ${odd.length} without a finite value (${oddText})` : '';
  const message = `${def.name}: ${measuredAgainst({ value: worst.value, comparator: def.comparator, threshold, outcome })}${of}${also}`;
  return result(outcome, worst.value, message, evidenceOf(shownRaw([...sorted, ...odd]), seriesCount));
}
