import type { Comparison, ValueMove } from './compare';
import type { HistoryEntry } from './store';

// Plain-text renderings shared by the CLI and the VS Code output (messages at the edge, one wording).

const num = (v: number | string | null): string => (v === null ? 'none' : typeof v === 'string' ? v : Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6))));

export function entryLine(e: HistoryEntry): string {
  const mode = e.data_mode && e.data_mode !== 'live' ? ` [${e.data_mode.toUpperCase()}]` : '';
  return `${e.id}  ${e.status}${mode}${e.completed ? '' : `  (not complete: ${e.reason ?? 'unknown'})`}`;
}

export function moveText(m: ValueMove): string {
  const by = m.delta === null ? '' : ` (${m.delta >= 0 ? '+' : ''}${num(m.delta)}${m.relative === null ? '' : `, ${m.relative >= 0 ? '+' : ''}${(m.relative * 100).toFixed(1)}%`})`;
  return `${m.name}: ${num(m.from)} → ${num(m.to)}${by}`;
}

/** The comparison as lines: headline, verdict changes, then values that moved without a verdict change. */
export function comparisonLines(c: Comparison, older: string, newer: string): string[] {
  const changedKeys = new Set(c.verdicts.map((v) => v.key));
  const drift = c.moved.filter((m) => !changedKeys.has(m.key));
  const lines = [`${older} → ${newer}: ${c.from ?? '?'} → ${c.to ?? '?'}`];
  lines.push(c.verdicts.length ? `Verdicts changed (${c.verdicts.length}):` : 'No verdict changed.');
  for (const v of c.verdicts) {
    const m = c.moved.find((x) => x.key === v.key);
    lines.push(`  ${v.name}: ${v.from ?? 'none'} → ${v.to ?? 'none'}${m ? `; ${moveText(m).slice(m.name.length + 2)}` : ''}`);
  }
  if (drift.length) lines.push(`Values moved, same verdict (${drift.length}):`, ...drift.map((m) => `  ${moveText(m)}`));
  if (c.added.length) lines.push(`Only in the newer: ${c.added.join(', ')}`);
  if (c.removed.length) lines.push(`Only in the older: ${c.removed.join(', ')}`);
  lines.push(`${c.unchanged} unchanged`);
  return lines;
}
